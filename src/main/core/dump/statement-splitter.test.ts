import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DumpDialect } from './dialect'
import { StatementSplitter, type SplitEvent } from './statement-splitter'
import { FIXTURES, TEST_DUMPS } from './test-helpers'

function split(text: string, dialect: DumpDialect, chunkSizes?: () => number, keepExecutableComments = false): SplitEvent[] {
  const s = new StatementSplitter({ dialect, keepExecutableComments })
  const out: SplitEvent[] = []
  if (!chunkSizes) s.push(text, out)
  else for (let i = 0; i < text.length; ) {
    const k = chunkSizes()
    s.push(text.slice(i, i + k), out)
    i += k
  }
  s.end(out)
  return out
}

function seeded(seed: number, max: number): () => number {
  let a = seed
  return () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff
    return 1 + (a % max)
  }
}

describe('statement splitter', () => {
  const files: [string, DumpDialect][] = [
    [join(TEST_DUMPS, 'mariadb-default.sql'), 'mysql'],
    [join(TEST_DUMPS, 'mariadb-compact.sql'), 'mysql'],
    [join(TEST_DUMPS, 'postgres-copy.sql'), 'postgres'],
    [join(TEST_DUMPS, 'postgres-inserts.sql'), 'postgres'],
    [join(FIXTURES, 'chinook', 'Chinook_Sqlite.sql'), 'sqlite'],
    [join(FIXTURES, 'seeds', 'ultrasound_db.sql'), 'mysql'],
  ]
  for (const [file, dialect] of files) {
    it(`gives the same statements and lines whatever the chunk boundaries: ${file.split('/').pop()}`, () => {
      const text = readFileSync(file, 'latin1')
      const whole = split(text, dialect)
      expect(whole.length).toBeGreaterThan(10)
      expect(split(text, dialect, seeded(7, 9))).toEqual(whole)
      expect(split(text, dialect, seeded(11, 300))).toEqual(whole)
    })
  }

  it('MySQL: escapes, quotes of every kind, comments, executable comments and DELIMITER', () => {
    const sql = [
      "/*!40101 SET NAMES utf8mb4 */;",
      "-- a comment; with a semicolon",
      "# hash comment;",
      "INSERT INTO `a;b` VALUES ('it\\'s; ok', \"dq \\\" ;\", 'doubled '' ;'); /* trailing; */",
      'DELIMITER ;;',
      'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END ;;',
      'DELIMITER ;',
      'SELECT 1--2;',
    ].join('\n')
    const ev = split(sql, 'mysql')
    expect(ev.map((e) => [e.type, 'text' in e ? e.text : '', e.line])).toEqual([
      ['statement', 'SET NAMES utf8mb4', 1],
      ['statement', "INSERT INTO `a;b` VALUES ('it\\'s; ok', \"dq \\\" ;\", 'doubled '' ;')", 4],
      ['meta', 'DELIMITER ;;', 5],
      ['statement', 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END', 6],
      ['meta', 'DELIMITER ;', 7],
      ['statement', 'SELECT 1--2', 8],
    ])
    // For a MySQL server the executable comment is kept as written.
    expect(split(sql, 'mysql', undefined, true)[0]).toMatchObject({ text: '/*!40101 SET NAMES utf8mb4 */' })
  })

  it('PostgreSQL: dollar quoting, E strings, psql meta-commands and COPY data', () => {
    const sql = [
      '\\connect db',
      "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
      "SELECT E'a\\'b;', 'c\\';",
      'COPY t (a, b) FROM stdin;',
      '1\tx;y',
      '2\t\\N',
      '\\.',
      'SELECT 2;',
    ].join('\n')
    expect(split(sql, 'postgres')).toEqual([
      { type: 'meta', text: '\\connect db', line: 1 },
      { type: 'statement', text: 'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql', line: 2 },
      { type: 'statement', text: "SELECT E'a\\'b;', 'c\\'", line: 3 },
      { type: 'statement', text: 'COPY t (a, b) FROM stdin', line: 4 },
      { type: 'copyRow', text: '1\tx;y', line: 5 },
      { type: 'copyRow', text: '2\t\\N', line: 6 },
      { type: 'copyEnd', line: 7 },
      { type: 'statement', text: 'SELECT 2', line: 8 },
    ])
  })

  it('SQLite: bracket identifiers and triggers with semicolons inside', () => {
    const sql = 'CREATE TABLE [a;b] (x);\nCREATE TRIGGER tr AFTER INSERT ON [a;b] BEGIN UPDATE [a;b] SET x = 1; DELETE FROM [a;b]; END;\nSELECT 1;'
    expect(split(sql, 'sqlite').map((e) => ('text' in e ? e.text : ''))).toEqual([
      'CREATE TABLE [a;b] (x)',
      'CREATE TRIGGER tr AFTER INSERT ON [a;b] BEGIN UPDATE [a;b] SET x = 1; DELETE FROM [a;b]; END',
      'SELECT 1',
    ])
  })
})
