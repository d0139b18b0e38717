import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvOptionsSchema, type CsvOptionsInput } from '../../../shared/calls/export'
import { consolidationPlanSchema } from '../../../shared/recipe'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext } from '../jobs/job-context'
import { exportCsvJob, type ExportCsvArgs } from './csv-export-job'

type Expected = string | number | null

/** Hard values: each row is [label, text, int, real, untyped]. */
const HARD: [string, unknown, unknown, unknown, unknown][] = [
  ['plain', 'hello', 42, 3.25, 'x'],
  ['quotes', 'she said "hi"', 0, -0.5, '"'],
  ['delims', 'a,b;c\td|e', -1, 0.1, ','],
  ['lf', 'line1\nline2', 1, 12345.678, 'a\nb'],
  ['crlf', 'line1\r\nline2\r\n', 2, 1e-7, '\r\n'],
  ['cr', 'cr only\r', 3, 0.30000000000000004, '\r'],
  ['null', null, null, null, null],
  ['empty', '', 0, 0, ''],
  ['unicode', 'Ünïcödé — 日本語 ؏', 5, 1 / 3, 'é'],
  ['emoji', '🩻 scan 👍🏽 done', 6, 2.5e300, '🩻'],
  ['big', 'beyond 2^53', 9007199254740993n, 123456789.125, 9223372036854775807n],
  ['min', 'min int', -9223372036854775808n, -1e-300, -9223372036854775807n],
  ['decimal', '12345678901234567890.123456789', 7, 99.99, '0.10'],
  ['nulltext', '\\N', 8, 1, 'NULL'],
  ['spaces', '  padded  ', 9, 100, ' '],
  ['blob', 'blob next', 10, 2, Buffer.from([0x00, 0xff, 0x10])],
  ['blob in text', Buffer.from('hi,"x"'), 11, 3, 'y'],
  ['text in numbers', 'x', 'n/a, "q"', 'pending\nlater', ''],
  ['blob in numbers', 'y', Buffer.from([1, 2]), Buffer.from([0xab]), 12n],
]

/** What a reader should get back: text exactly, integers in full, reals as the same double, blobs as hex. */
function expected(v: unknown): Expected {
  if (v === null) return null
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v
  if (Buffer.isBuffer(v)) return v.toString('hex').toUpperCase()
  return String(v)
}

function readBack(path: string, opts: CsvOptionsInput): { header: string[]; rows: Expected[][] } {
  const o = csvOptionsSchema.parse(opts)
  const raw = readFileSync(path)
  let text: string
  if (o.encoding === 'utf16le') {
    expect([...raw.subarray(0, 2)]).toEqual([0xff, 0xfe])
    text = raw.subarray(2).toString('utf16le')
  } else {
    const hasBom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf
    expect(hasBom).toBe(o.encoding === 'utf8bom')
    text = raw.toString('utf8')
  }
  if (o.lineEnding === 'crlf') expect(text.endsWith('\r\n')).toBe(true)
  else expect(text.endsWith('\n') && !text.endsWith('\r\n')).toBe(true)
  const records = parse(text, {
    bom: true,
    delimiter: o.delimiter,
    record_delimiter: o.lineEnding === 'crlf' ? '\r\n' : '\n',
    relax_column_count: false,
    cast: (value, ctx) => (!ctx.quoting && value === o.nullText ? null : value),
  }) as (string | null)[][]
  const [header, ...rows] = records
  return { header: header as string[], rows }
}

/** `digits15`: REALs as SQLite prints them (15 significant digits), the fast path's default. */
function compare(rows: Expected[][], digits15 = false): void {
  expect(rows).toHaveLength(HARD.length)
  rows.forEach((row, i) => {
    const src = HARD[i]!
    expect(row[0]).toBe(String(i + 1))
    src.forEach((v, j) => {
      const want = expected(v)
      const got = row[j + 1]
      // Column r is REAL: SQLite prints 0.0 where JavaScript prints 0, both read back as the same double.
      if (j === 3 && typeof v === 'number') expect(Number(got), `${src[0]} column ${j}`).toBe(digits15 ? Number(Number(want).toPrecision(15)) : Number(want))
      else if (typeof want === 'number') expect(Number(got), `${src[0]} column ${j}`).toBe(want)
      else expect(got, `${src[0]} column ${j}`).toBe(want)
    })
  })
}

describe('CSV export round-trips hard values through a standard parser', () => {
  let dir: string
  let dbPath: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    dbPath = join(dir, 'hard.db')
    const d = new SqliteDriver(dbPath, { writable: true, create: true })
    d.db.exec('CREATE TABLE hard (id INTEGER PRIMARY KEY, label TEXT, t TEXT, n INTEGER, r REAL, u)')
    const ins = d.db.prepare('INSERT INTO hard (label, t, n, r, u) VALUES (?, ?, ?, ?, ?)')
    for (const row of HARD) ins.run(...row)
    d.db.exec('CREATE VIEW hard_view AS SELECT * FROM hard ORDER BY id')
    // Enough rows for several chunks, so a cancel lands mid-file.
    d.db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) INSERT INTO big SELECT i, 'row ' || i FROM n;
      CREATE TABLE kids (id INTEGER PRIMARY KEY, big_id INTEGER REFERENCES big(id), name TEXT);
      INSERT INTO kids (big_id, name) SELECT id, 'kid "a" of ' || id FROM big WHERE id % 7 = 0;
      INSERT INTO kids (big_id, name) SELECT id, 'kid b, of ' || id FROM big WHERE id % 7 = 0;`)
    d.db.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const run = (args: Omit<ExportCsvArgs, 'spec' | 'options'> & { options: CsvOptionsInput }) =>
    exportCsvJob({ ...args, spec: { kind: 'sqlite', path: dbPath, writable: false }, options: csvOptionsSchema.parse(args.options) }, createJobContext(() => undefined))

  const cases: [string, CsvOptionsInput][] = [
    ['defaults (comma, CRLF, no BOM)', {}],
    ['UTF-8 with BOM, LF, exact reals', { encoding: 'utf8bom', lineEnding: 'lf', exactReals: true }],
    ['semicolon, quote all, BOM, exact reals', { delimiter: ';', quoting: 'all', encoding: 'utf8bom', exactReals: true }],
    ['tab, \\N for NULL, exact reals', { delimiter: '\t', nullText: '\\N', lineEnding: 'lf', exactReals: true }],
    ['pipe, bare empty strings, NULL as NULL, exact reals', { delimiter: '|', emptyString: 'bare', nullText: 'NULL', exactReals: true }],
    ['UTF-16LE, exact reals', { encoding: 'utf16le', exactReals: true }],
  ]
  for (const engine of ['auto', 'generic'] as const) {
    for (const [name, options] of cases) {
      it(`${engine === 'auto' ? 'fast path' : 'generic path'}: ${name}`, async () => {
        const path = join(dir, `hard-${engine}-${name.replace(/\W+/g, '_')}.csv`)
        const res = await run({ what: { table: 'hard' }, path, options, engine })
        expect(res.fastPath).toBe(engine === 'auto')
        expect(res.rows).toBe(HARD.length)
        const { header, rows } = readBack(path, options)
        expect(header).toEqual(['id', 'label', 't', 'n', 'r', 'u'])
        compare(rows, engine === 'auto' && !options.exactReals)
      })
    }
  }

  it('writes NULL bare and the empty string quoted, so they stay apart', async () => {
    const path = join(dir, 'null-vs-empty.csv')
    await run({ what: { table: 'hard' }, path, options: { lineEnding: 'lf' } })
    const text = readFileSync(path, 'utf8')
    expect(text).toContain('\n7,null,,,,\n')
    expect(text).toContain('\n8,empty,"",0,0.0,""\n')
  })

  it('fast and generic paths write the same bytes for text and integers', async () => {
    const a = join(dir, 'same-a.csv')
    const b = join(dir, 'same-b.csv')
    await run({ what: { sql: 'SELECT id, label, t, n, u FROM hard' }, path: a, options: {} })
    await run({ what: { table: 'hard_view' }, path: b, options: {} })
    const fromSql = readFileSync(a, 'utf8').split('\r\n').map((l) => l.replace(/,[^,]*$/, ''))
    expect(fromSql[1]).toBe('1,plain,hello,42')
    const viaView = parse(readFileSync(b)) as string[][]
    expect(viaView).toHaveLength(HARD.length + 1)
  })

  it('exports a console query (generic) and refuses a statement that writes', async () => {
    const path = join(dir, 'query.csv')
    const res = await run({ what: { sql: 'SELECT id, t FROM hard WHERE n > 5 ORDER BY id' }, path, options: {} })
    // SQLite sorts text and blobs above every number, so the two rows holding them in n count too.
    expect(res.rows).toBe(10)
    await expect(run({ what: { sql: 'DELETE FROM hard' }, path: join(dir, 'nope.csv'), options: {} })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    expect(existsSync(join(dir, 'nope.csv'))).toBe(false)
  })

  it('writes date-times of date columns in ISO 8601 when asked, on both paths', async () => {
    const d = new SqliteDriver(dbPath, { writable: true })
    d.db.exec(`CREATE TABLE IF NOT EXISTS visits (id INTEGER PRIMARY KEY, at DATETIME, day DATE, note TEXT);
      DELETE FROM visits; INSERT INTO visits VALUES (1, '2025-02-20 09:00:00', '2025-02-20', '2025-02-20 09:00:00'), (2, NULL, 'soon', 'x')`)
    await d.close()
    for (const engine of ['auto', 'generic'] as const) {
      const path = join(dir, `iso-${engine}.csv`)
      await run({ what: { table: 'visits' }, path, options: { dates: 'iso', lineEnding: 'lf' }, engine })
      // Text columns are left alone even when they look like a date-time.
      expect(readFileSync(path, 'utf8')).toBe('id,at,day,note\n1,2025-02-20T09:00:00,2025-02-20,2025-02-20 09:00:00\n2,,soon,x\n')
    }
  })

  it('a table of several chunks comes out complete and in order, identical on both paths', async () => {
    // 100k rows are five rowid ranges: with more than one CPU a second thread builds every other range.
    const fast = join(dir, 'big-fast.csv')
    const generic = join(dir, 'big-generic.csv')
    expect((await run({ what: { table: 'big' }, path: fast, options: {} })).rows).toBe(100_000)
    await run({ what: { table: 'big' }, path: generic, options: {}, engine: 'generic' })
    const bytes = readFileSync(fast)
    expect(bytes.equals(readFileSync(generic))).toBe(true)
    const lines = bytes.toString('utf8').split('\r\n')
    expect(lines[1]).toBe('1,row 1')
    expect(lines[100_000]).toBe('100000,row 100000')
  })

  it('exports a table whose rowids are far apart, negative included', async () => {
    const d = new SqliteDriver(dbPath, { writable: true })
    d.db.exec(`CREATE TABLE sparse (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO sparse VALUES (-9223372036854775808, 'a'), (-5, 'b'), (1000000000000, 'c'), (9223372036854775807, 'd')`)
    await d.close()
    const path = join(dir, 'sparse.csv')
    expect((await run({ what: { table: 'sparse' }, path, options: { lineEnding: 'lf' } })).rows).toBe(4)
    expect(readFileSync(path, 'utf8')).toBe('id,v\n-9223372036854775808,a\n-5,b\n1000000000000,c\n9223372036854775807,d\n')
  })

  it('exports a fanning-out plan over a large base by rowid ranges on two threads, no child row lost or doubled', async () => {
    const plan = consolidationPlanSchema.parse({
      base: { table: 'big' },
      joins: [{ alias: 'kids', table: 'kids', from: 'big', direction: 'child', fromColumns: ['id'], toColumns: ['big_id'] }],
      columns: [
        { kind: 'column', name: 'id', ref: { alias: 'big', column: 'id' } },
        { kind: 'column', name: 'kid', ref: { alias: 'kids', column: 'name' } },
      ],
    })
    const fast = join(dir, 'plan-fast.csv')
    const generic = join(dir, 'plan-generic.csv')
    const a = await run({ what: { plan }, path: fast, options: {} })
    const b = await run({ what: { plan }, path: generic, options: {}, engine: 'generic' })
    const kids = 2 * Math.floor(100_000 / 7)
    expect(a).toMatchObject({ rows: 100_000 + kids / 2, fastPath: true })
    expect(b.rows).toBe(a.rows)
    const sorted = (p: string) => (parse(readFileSync(p)) as string[][]).map((r) => JSON.stringify(r)).sort()
    expect(sorted(fast)).toEqual(sorted(generic))
  })

  it('a cancelled export leaves no file, not even a partial one', async () => {
    const path = join(dir, 'cancelled.csv')
    const flag = new Int32Array(1)
    const ctx = createJobContext((u) => {
      if (u.phase === 'writing' && u.done > 0) Atomics.store(flag, 0, 1)
    }, flag, 0)
    const args: ExportCsvArgs = { spec: { kind: 'sqlite', path: dbPath, writable: false }, what: { table: 'big' }, path, options: csvOptionsSchema.parse({}) }
    await expect(exportCsvJob(args, ctx)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([])
  })
})
