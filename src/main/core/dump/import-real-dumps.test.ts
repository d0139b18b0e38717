import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile, readAll, TEST_DUMPS, tempDir } from './test-helpers'

type Cell = string | null | { hex: string }
interface Expected {
  tables: Record<string, { columns: string[]; rows: Cell[][] }>
}

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const ORDER: Record<string, string> = { values: 'id', group: 'id', membership: 'group_id, value_id', v_members: 'group_name, role, txt' }

/** One stored value against the source database's value (as text): exact for text, integers and blobs; numerically for reals. */
function sameValue(actual: unknown, expected: Cell): boolean {
  if (expected === null) return actual === null
  if (typeof expected === 'object') return Buffer.isBuffer(actual) && actual.toString('hex') === expected.hex
  if (typeof actual === 'string') return actual === expected
  if (typeof actual === 'bigint') return /^-?\d+$/.test(expected) ? BigInt(expected) === actual : Number(expected) === Number(actual)
  if (typeof actual === 'number') return Number(expected) === actual
  return false
}

function compareAll(file: string, expected: Expected): string[] {
  const diffs: string[] = []
  for (const [table, exp] of Object.entries(expected.tables)) {
    const rows = readAll(file, `SELECT ${exp.columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${ORDER[table]!.split(', ').map((c) => `"${c}"`).join(', ')}`)
    if (rows.length !== exp.rows.length) diffs.push(`${table}: ${rows.length} rows, expected ${exp.rows.length}`)
    exp.rows.forEach((er, r) => {
      er.forEach((ev, c) => {
        const av = rows[r]?.[c]
        if (!sameValue(av, ev)) diffs.push(`${table} row ${r + 1} ${exp.columns[c]}: got ${JSON.stringify(typeof av === 'bigint' ? `${av}n` : Buffer.isBuffer(av) ? av.toString('hex') : av)?.slice(0, 120)}, expected ${JSON.stringify(ev)?.slice(0, 120)}`)
      })
    })
  }
  return diffs
}

const DUMPS: [file: string, expected: string, what: string][] = [
  ['mariadb-default.sql', 'expected-mariadb.json', 'mariadb-dump defaults: extended INSERTs, raw binary bytes in blob strings'],
  ['mariadb-skip-extended-insert.sql', 'expected-mariadb.json', 'mariadb-dump --skip-extended-insert: one INSERT per row'],
  ['mariadb-compact.sql', 'expected-mariadb.json', 'mariadb-dump --compact: no comments, no LOCK TABLES'],
  ['mariadb-hex-blob.sql', 'expected-mariadb.json', 'mariadb-dump --hex-blob: blobs as 0x literals'],
  ['postgres-copy.sql', 'expected-postgres.json', 'pg_dump plain: COPY blocks, constraints added after the data'],
  ['postgres-inserts.sql', 'expected-postgres.json', 'pg_dump --inserts'],
]

// Dumps load on one thread unless SONOGRAPH_DUMP_THREADS=1 (sqlite-load-client.ts): both ways are checked on every dump.
describe.each([
  ['inline', '0'],
  ['with the loader on its own thread', '1'],
])('dumps written by mariadb-dump and pg_dump on this machine load with every value intact, %s', (mode, threads) => {
  const saved = process.env.SONOGRAPH_DUMP_THREADS
  beforeAll(() => {
    process.env.SONOGRAPH_DUMP_THREADS = threads
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.SONOGRAPH_DUMP_THREADS
    else process.env.SONOGRAPH_DUMP_THREADS = saved
  })
  for (const [file, expectedFile, what] of DUMPS) {
    it(`${file} (${what})`, async () => {
      const expected = JSON.parse(readFileSync(join(TEST_DUMPS, expectedFile), 'utf8')) as Expected
      const out = join(tmp.dir, `${file}-${threads}.sqlite`)
      const { report } = await importFile(join(TEST_DUMPS, file), out)
      expect(report.issues.filter((i) => i.kind === 'failed')).toEqual([])
      expect(report.foreignKeyCheck).toMatchObject({ ran: true, violations: 0 })
      expect(report.tables.map((t) => [t.name, t.rows]).sort()).toEqual([['group', 4], ['membership', 5], ['values', 7]])
      expect(report.views).toEqual(['v_members'])
      expect(compareAll(out, expected)).toEqual([])

      const db = new Database(out, { readonly: true })
      try {
        // Self-referencing and composite keys survive.
        expect(db.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('group')`).all()).toEqual([{ table: 'group', from: 'parent_id', to: 'id' }])
        expect(db.prepare(`SELECT name FROM pragma_table_info('membership') WHERE pk > 0 ORDER BY pk`).pluck().all()).toEqual(['group_id', 'value_id'])
        expect((db.prepare(`SELECT "table" FROM pragma_foreign_key_list('membership') ORDER BY "table"`).pluck().all() as string[])).toEqual(['group', 'values'])
        // 64-bit and wider values are exact, not rounded through a double.
        const big = db.prepare(`SELECT u64, typeof(u64) AS t FROM "values" WHERE id = 2`).safeIntegers(true).get() as { u64: unknown; t: string }
        expect(big).toEqual({ u64: '18446744073709551615', t: 'text' })
        expect(db.prepare(`SELECT i64 FROM "values" WHERE id = 3`).safeIntegers(true).pluck().get()).toBe(9223372036854775807n)
        // NULL next to the empty string, and the strings 'NULL' and '\N'.
        expect(db.prepare(`SELECT empty_or_null FROM "values" ORDER BY id`).pluck().all().slice(0, 4)).toEqual(['', null, 'NULL', '\\N'])
      } finally {
        db.close()
      }
    })
  }
})
