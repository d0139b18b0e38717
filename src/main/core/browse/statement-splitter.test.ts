import { describe, expect, it } from 'vitest'
import { splitStatements, statementAt } from './statement-splitter'

const texts = (sql: string, mysql = false): string[] => splitStatements(sql, { mysql }).map((s) => s.text)

describe('statement splitter', () => {
  it('splits on semicolons outside strings, identifiers and comments', () => {
    expect(texts(`SELECT 'a;b', "c;d", [e;f] FROM t; -- c;\nSELECT 2;/* ; */ SELECT 3;`)).toEqual([
      `SELECT 'a;b', "c;d", [e;f] FROM t`,
      '-- c;\nSELECT 2',
      '/* ; */ SELECT 3',
    ])
    expect(texts("SELECT 'it''s; fine'; SELECT 2")).toEqual(["SELECT 'it''s; fine'", 'SELECT 2'])
  })

  it('keeps trigger bodies whole, including CASE ... END inside', () => {
    const sql = `CREATE TRIGGER tr AFTER INSERT ON t BEGIN
      UPDATE u SET n = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;
      INSERT INTO log VALUES (new.x);
    END; SELECT 1`
    const out = texts(sql)
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(/END$/)
    expect(out[1]).toBe('SELECT 1')
  })

  it('knows MySQL backslash escapes and # comments only in MySQL mode', () => {
    expect(texts("SELECT 'a\\';b'; SELECT 2", true)).toEqual(["SELECT 'a\\';b'", 'SELECT 2'])
    expect(texts("SELECT 'C:\\'; SELECT 2")).toEqual(["SELECT 'C:\\'", 'SELECT 2'])
    expect(texts('# note; here\nSELECT 1', true)).toEqual(['# note; here\nSELECT 1'])
  })

  it('finds the statement under or just before the cursor; drops comment-only pieces', () => {
    const sql = 'SELECT 1;\nSELECT 2;\n-- only a comment;'
    expect(statementAt(sql, 3)?.text).toBe('SELECT 1')
    expect(statementAt(sql, sql.indexOf('2;') + 2)?.text).toBe('SELECT 2')
    expect(statementAt(sql, sql.length)?.text).toBe('SELECT 2')
    expect(texts(sql)).toEqual(['SELECT 1', 'SELECT 2'])
    expect(statementAt('', 0)).toBeNull()
  })
})
