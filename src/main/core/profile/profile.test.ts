import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnProfile, ProfileResult } from '../../../shared/calls/profile'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext, type ProgressUpdate } from '../jobs/job-context'
import { profileJob, profileSource } from './profile-job'
import { chinookDb, tmpDir } from './profile-fixtures'

let dir: string
let chinook: SqliteDriver
let gen: SqliteDriver
let raw: Database.Database

const noProgress = createJobContext(() => {})
const col = (r: ProfileResult, name: string): ColumnProfile => {
  const c = r.columns.find((x) => x.name === name)
  if (!c) throw new Error(`no column ${name}`)
  return c
}

/** Values computed independently, by plain SQL written here. */
function one<T = number>(sql: string): T {
  return raw.prepare(sql).pluck().get() as T
}

/** Type-7 quantile straight from SQL: the two neighbouring ranks by ORDER BY ... LIMIT 1 OFFSET. */
function sqlQuantile(table: string, c: string, p: number): number {
  const n = one(`SELECT count(${c}) FROM ${table} WHERE typeof(${c}) IN ('integer','real')`)
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const at = (k: number): number => one(`SELECT ${c} FROM ${table} WHERE typeof(${c}) IN ('integer','real') ORDER BY ${c} LIMIT 1 OFFSET ${k}`)
  const a = at(lo)
  return h === lo ? a : a + (h - lo) * (at(Math.min(lo + 1, n - 1)) - a)
}

function checkAgainstSql(table: string, p: ColumnProfile): void {
  const c = `"${p.name}"`
  expect(p.rows, `${p.name} rows`).toBe(one(`SELECT count(*) FROM ${table}`))
  expect(p.nulls, `${p.name} nulls`).toBe(one(`SELECT count(*) - count(${c}) FROM ${table}`))
  expect(p.distinct, `${p.name} distinct`).toBe(one(`SELECT count(DISTINCT ${c}) FROM ${table}`))
  const top = raw.prepare(`SELECT ${c} AS v, count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, v LIMIT 10`).all() as { v: unknown; n: number }[]
  expect(p.topValues.map((t) => [t.value, t.count]), `${p.name} top values`).toEqual(top.map((t) => [t.v, t.n]))
  if (p.number) {
    const s = p.number
    // Number statistics cover numeric values only (a mixed column's text is left out).
    const isNum = `typeof(${c}) IN ('integer','real')`
    expect(s.min).toBe(one(`SELECT min(${c}) FROM ${table} WHERE ${isNum}`))
    expect(s.max).toBe(one(`SELECT max(${c}) FROM ${table} WHERE ${isNum}`))
    expect(s.mean).toBeCloseTo(one(`SELECT avg(${c}) FROM ${table} WHERE ${isNum}`), 9)
    expect(s.median).toBeCloseTo(sqlQuantile(table, c, 0.5), 9)
    expect(s.q1).toBeCloseTo(sqlQuantile(table, c, 0.25), 9)
    expect(s.q3).toBeCloseTo(sqlQuantile(table, c, 0.75), 9)
    const n = one(`SELECT count(${c}) FROM ${table} WHERE ${isNum}`)
    if (n > 1) {
      const variance = one(`SELECT sum((${c} - m) * (${c} - m)) / (count(${c}) - 1) FROM ${table}, (SELECT avg(${c}) AS m FROM ${table} WHERE ${isNum}) WHERE ${isNum}`)
      expect(s.stddev).toBeCloseTo(Math.sqrt(variance), 6)
    } else expect(s.stddev).toBeNull()
    const bins = p.histogram!.bins
    expect(bins.reduce((a, b) => a + b.count, 0), `${p.name} histogram total`).toBe(n)
    const regular = bins.filter((b) => !b.overflow)
    bins.forEach((b) => {
      const last = b === regular.at(-1)
      // Regular bins are [from, to), the last one [from, to]; the outlier bins are [min, lo) and (hi, max].
      const range =
        b.overflow === 'high'
          ? `${c} > ${String(b.from)} AND ${c} <= ${String(b.to)}`
          : `${c} >= ${String(b.from)} AND ${c} ${last && !b.overflow ? '<=' : '<'} ${String(b.to)}`
      const k = one(`SELECT count(*) FROM ${table} WHERE ${isNum} AND ${range}`)
      expect(b.count, `${p.name} bin ${b.label}`).toBe(k)
    })
    const o0 = p.outliers!
    if (o0.count) {
      // The outlier bins hold exactly the outliers.
      expect(bins.filter((b) => b.overflow).reduce((a, b) => a + b.count, 0), `${p.name} outlier bins`).toBe(o0.count)
    } else expect(bins.some((b) => b.overflow)).toBe(false)
    const o = p.outliers!
    expect(o.count).toBe(one(`SELECT count(*) FROM ${table} WHERE ${isNum} AND (${c} < ${o.lowerFence} OR ${c} > ${o.upperFence})`))
  }
}

beforeAll(() => {
  dir = tmpDir()
  chinook = new SqliteDriver(chinookDb(dir))
  const genPath = join(dir, 'gen.db')
  raw = new Database(genPath)
  // Known distributions: 1..100 with ten NULLs; heavy ties; a constant; booleans; dates; categories.
  raw.exec(`CREATE TABLE gen (id INTEGER PRIMARY KEY, x INTEGER, tie REAL, same INTEGER, flag INTEGER, yn TEXT, d TEXT, cat TEXT, mixed);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 110)
    INSERT INTO gen SELECT i,
      CASE WHEN i <= 100 THEN i END,
      CASE WHEN i % 10 = 0 THEN NULL ELSE (i % 3) * 1.5 END,
      7,
      i % 2,
      CASE i % 3 WHEN 0 THEN 'yes' WHEN 1 THEN 'no' END,
      date('2024-01-01', '+' || (i * 3) || ' days'),
      CASE WHEN i % 7 = 0 THEN 'rare' WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END,
      CASE WHEN i = 5 THEN 'five' WHEN i = 6 THEN 1000 ELSE i END
    FROM s;
    CREATE TABLE one_row (a INTEGER, b TEXT); INSERT INTO one_row VALUES (42, 'only');
    CREATE TABLE empty (a INTEGER, b TEXT, c REAL);
    CREATE VIEW upper_half AS SELECT x, cat FROM gen WHERE x > 50;`)
  gen = new SqliteDriver(genPath)
})

afterAll(async () => {
  await chinook.close()
  await gen.close()
  raw.close()
})

describe('profile on Chinook', () => {
  it('matches SQL written in the test for every column of Track', async () => {
    const r = await profileSource(chinook, { target: { table: 'Track' } }, noProgress)
    raw.exec(`ATTACH '${join(dir, 'chinook.db')}' AS ch`)
    try {
      for (const p of r.columns) checkAgainstSql('ch.Track', p)
    } finally {
      raw.exec('DETACH ch')
    }
    expect(col(r, 'TrackId').kind).toBe('identifier')
    expect(col(r, 'Milliseconds').kind).toBe('number')
    expect(col(r, 'Composer').kind).toBe('text')
    expect(col(r, 'Composer').nullShare).toBeCloseTo(977 / 3503, 9)
    expect(r.sample).toBeNull()
    expect(r.rowCount).toBe(3503)
  })

  it('profiles a query and sees invoice dates as dates', async () => {
    const r = await profileSource(chinook, { target: { sql: 'SELECT InvoiceDate, Total, BillingCountry FROM Invoice WHERE Total > 1;' } }, noProgress)
    raw.exec(`ATTACH '${join(dir, 'chinook.db')}' AS ch`)
    try {
      const date = col(r, 'InvoiceDate')
      expect(date.kind).toBe('datetime')
      expect(date.datetime!.min).toBe(one("SELECT min(InvoiceDate) FROM ch.Invoice WHERE Total > 1"))
      expect(date.datetime!.max).toBe(one("SELECT max(InvoiceDate) FROM ch.Invoice WHERE Total > 1"))
      expect(date.histogram!.bins.reduce((a, b) => a + b.count, 0)).toBe(one('SELECT count(*) FROM ch.Invoice WHERE Total > 1'))
      expect(col(r, 'Total').number!.median).toBeCloseTo(sqlQuantile('(SELECT Total FROM ch.Invoice WHERE Total > 1)', 'Total', 0.5), 9)
      expect(col(r, 'BillingCountry').bars![0]!.label).toBe(one('SELECT BillingCountry FROM ch.Invoice WHERE Total > 1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1'))
    } finally {
      raw.exec('DETACH ch')
    }
  })

  it('profiles a join whose columns repeat a name, running the query once', async () => {
    const r = await profileSource(chinook, { target: { sql: 'SELECT a.AlbumId, t.AlbumId, t.Name FROM Album a JOIN Track t ON t.AlbumId = a.AlbumId' } }, noProgress)
    expect(r.columns.map((c) => [c.name, c.kind, c.distinct, c.rows])).toEqual([
      ['AlbumId', 'identifier', 347, 3503],
      ['AlbumId:1', 'identifier', 347, 3503],
      ['Name', 'text', 3257, 3503],
    ])
  })

  it('stops between columns when cancelled and leaves no temp table behind', async () => {
    const flag = new Int32Array(1)
    const ctx = createJobContext((u) => {
      if (u.phase === 'column Name') Atomics.store(flag, 0, 1)
    }, flag, 0)
    await expect(profileSource(chinook, { target: { sql: 'SELECT * FROM Track' } }, ctx)).rejects.toMatchObject({ code: 'CANCELLED' })
    const temps = await chinook.query("SELECT name FROM temp.sqlite_schema WHERE name LIKE 'sonograph_%'")
    expect(temps.rows).toEqual([])
  })

  it('refuses a second statement in a query target', async () => {
    await expect(profileSource(chinook, { target: { sql: 'SELECT 1; DROP TABLE Track' } }, noProgress)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    await expect(profileSource(chinook, { target: { sql: 'DELETE FROM Track' } }, noProgress)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
  })

  it('labels a sample with its size and reports progress per column', async () => {
    const updates: ProgressUpdate[] = []
    const r = await profileJob(
      { spec: { kind: 'sqlite', path: join(dir, 'chinook.db'), writable: false }, target: { table: 'Track' }, sample: { rows: 500 } },
      createJobContext((u) => updates.push(u), new Int32Array(1), 0),
    )
    expect(r.sample).toEqual({ rows: 500, requested: 500, method: 'random' })
    expect(r.rowCount).toBe(500)
    expect(r.columns.every((c) => c.rows === 500)).toBe(true)
    const perColumn = updates.filter((u) => u.phase.startsWith('column '))
    expect(perColumn.map((u) => u.phase)).toEqual(r.columns.map((c) => `column ${c.name}`))
    expect(updates.at(-1)).toMatchObject({ phase: 'done', done: 9, total: 9 })
  })
})

describe('profile on known distributions', () => {
  let r: ProfileResult
  beforeAll(async () => {
    r = await profileSource(gen, { target: { table: 'gen' } }, noProgress)
  })

  it('matches SQL written in the test for every column', () => {
    for (const p of r.columns) checkAgainstSql('gen', p)
  })

  it('gets 1..100 with NULLs exactly', () => {
    const x = col(r, 'x')
    expect(x).toMatchObject({ kind: 'number', rows: 110, nulls: 10, distinct: 100 })
    expect(x.nullShare).toBeCloseTo(10 / 110, 12)
    expect(x.number).toMatchObject({ count: 100, min: 1, max: 100, mean: 50.5, median: 50.5, q1: 25.75, q3: 75.25 })
    expect(x.number!.stddev).toBeCloseTo(29.011491975882016, 12)
    expect(x.histogram!.bins.map((b) => b.count)).toEqual(new Array(20).fill(5))
    expect(x.outliers!.count).toBe(0)
  })

  it('handles ties, a constant column, booleans and dates', () => {
    const tie = col(r, 'tie')
    expect(tie.distinct).toBe(3)
    // 99 values over three tied levels (0, 1.5, 3): quartiles fall inside runs of equal values.
    expect(tie.number!.median).toBe(1.5)
    expect(tie.topValues).toHaveLength(3)
    const same = col(r, 'same')
    expect(same.number).toMatchObject({ min: 7, max: 7, mean: 7, median: 7, q1: 7, q3: 7, stddev: 0 })
    expect(same.histogram!.bins).toHaveLength(1)
    expect(col(r, 'flag').kind).toBe('boolean')
    expect(col(r, 'yn').kind).toBe('boolean')
    expect(col(r, 'd').kind).toBe('datetime')
    expect(col(r, 'd').datetime).toMatchObject({ min: '2024-01-04', max: one("SELECT max(d) FROM gen") })
    expect(col(r, 'id').kind).toBe('identifier')
    const cat = col(r, 'cat')
    expect(cat.kind).toBe('text')
    expect(cat.bars!.reduce((a, b) => a + b.count, 0)).toBe(110)
  })

  it('keeps text out of the number statistics of a mostly numeric column and flags the outlier', () => {
    const m = col(r, 'mixed')
    expect(m.kind).toBe('number')
    expect(m.number!.count).toBe(109)
    expect(m.notes.join(' ')).toMatch(/1 non-numeric/)
    expect(m.outliers!.count).toBe(1)
    expect(m.outliers!.high).toEqual([1000])
    expect(m.histogram!.bins.at(-1)).toMatchObject({ overflow: 'high', count: 1, label: expect.stringMatching(/^> /) })
    expect(m.histogram!.bins.filter((b) => !b.overflow).at(-1)!.to).toBeLessThan(1000)
  })

  it('profiles a view like a table', async () => {
    const v = await profileSource(gen, { target: { table: 'upper_half' } }, noProgress)
    for (const p of v.columns) checkAgainstSql('upper_half', p)
    expect(col(v, 'x').number).toMatchObject({ count: 50, min: 51, max: 100, median: 75.5 })
  })

  it('profiles a single row and an empty table', async () => {
    const single = await profileSource(gen, { target: { table: 'one_row' } }, noProgress)
    expect(single.rowCount).toBe(1)
    expect(col(single, 'a').number).toMatchObject({ count: 1, min: 42, max: 42, mean: 42, median: 42, q1: 42, q3: 42, stddev: null })
    expect(col(single, 'a').histogram!.bins).toEqual([{ from: 42, to: 43, label: '42', count: 1 }])
    expect(col(single, 'b').topValues).toEqual([{ value: 'only', count: 1 }])
    const empty = await profileSource(gen, { target: { table: 'empty' } }, noProgress)
    expect(empty.rowCount).toBe(0)
    for (const c of empty.columns) {
      expect(c).toMatchObject({ kind: 'empty', rows: 0, nulls: 0, nullShare: 0, distinct: 0, topValues: [], min: null, max: null })
      expect(c.number).toBeUndefined()
    }
  })
})
