import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartSpecSchema, type ChartSpecInput } from '../../../shared/chart-spec'
import { SqliteDriver } from '../db/sqlite-driver'
import { chartData } from './chart-data'
import { chinookDb, tmpDir } from './profile-fixtures'

let driver: SqliteDriver
let raw: Database.Database

const chart = (spec: ChartSpecInput) => chartData(driver, chartSpecSchema.parse(spec))
const rows = <T>(sql: string, ...params: unknown[]): T[] => raw.prepare(sql).all(...params) as T[]

/** Median by plain SQL: the middle one or two values by ORDER BY ... LIMIT/OFFSET. */
function sqlMedian(where: string, column: string): number {
  const n = (raw.prepare(`SELECT count(${column}) AS n FROM Track WHERE ${where}`).get() as { n: number }).n
  const at = (k: number): number => (raw.prepare(`SELECT ${column} AS v FROM Track WHERE ${where} ORDER BY ${column} LIMIT 1 OFFSET ${k}`).get() as { v: number }).v
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
}

beforeAll(() => {
  const dir = tmpDir()
  const path = chinookDb(dir)
  driver = new SqliteDriver(path)
  raw = new Database(join(dir, 'chinook.db'), { readonly: true })
})

afterAll(async () => {
  await driver.close()
  raw.close()
})

describe('chart data', () => {
  it('buckets dates by month, fills empty months and sums a column', async () => {
    const c = await chart({ target: { table: 'Invoice' }, type: 'line', x: { kind: 'date', column: 'InvoiceDate', bucket: 'month' }, y: { agg: 'sum', column: 'Total' } })
    const want = rows<{ m: string; s: number }>("SELECT strftime('%Y-%m', InvoiceDate) AS m, sum(Total) AS s FROM Invoice GROUP BY 1 ORDER BY 1")
    expect(c.labels[0]).toBe(want[0]!.m)
    expect(c.labels.at(-1)).toBe(want.at(-1)!.m)
    const byMonth = new Map(want.map((w) => [w.m, w.s]))
    c.labels.forEach((l, i) => expect(c.datasets[0]!.data[i]).toBeCloseTo(byMonth.get(l) ?? 0, 9))
    // 2009-01 .. 2013-12 with no gaps.
    expect(c.labels).toHaveLength(60)
    expect(c.rows.columns).toEqual(['InvoiceDate', 'Sum of Total', 'rows'])
    expect(c.rows.rows).toHaveLength(60)
  })

  it('buckets weeks from Monday and quarters as YYYY-Qn', async () => {
    const w = await chart({ target: { table: 'Invoice' }, type: 'bar', x: { kind: 'date', column: 'InvoiceDate', bucket: 'week', fillGaps: false } })
    for (const l of w.labels) expect(new Date(`${l}T00:00:00Z`).getUTCDay()).toBe(1)
    expect(w.datasets[0]!.data.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(412)
    const q = await chart({ target: { table: 'Invoice' }, type: 'bar', x: { kind: 'date', column: 'InvoiceDate', bucket: 'quarter' } })
    const want = rows<{ q: string; n: number }>("SELECT strftime('%Y', InvoiceDate) || '-Q' || ((CAST(strftime('%m', InvoiceDate) AS INTEGER) + 2) / 3) AS q, count(*) AS n FROM Invoice GROUP BY 1 ORDER BY 1")
    expect(q.labels).toEqual(want.map((r) => r.q))
    expect(q.datasets[0]!.data).toEqual(want.map((r) => r.n))
  })

  it('splits into series and folds the smaller ones into (other)', async () => {
    const c = await chart({
      target: { table: 'Invoice' },
      type: 'stackedBar',
      x: { kind: 'date', column: 'InvoiceDate', bucket: 'quarter' },
      series: { column: 'BillingCountry', limit: 3 },
    })
    expect(c.stacked).toBe(true)
    const top = rows<{ c: string }>('SELECT BillingCountry AS c FROM Invoice GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3').map((r) => r.c)
    expect(c.datasets.map((d) => d.label)).toEqual([...[...top].sort(), '(other)'])
    for (const ds of c.datasets) {
      const cond = ds.label === '(other)' ? `BillingCountry NOT IN (${top.map(() => '?').join(',')})` : 'BillingCountry = ?'
      const params = ds.label === '(other)' ? top : [ds.label]
      const want = new Map(
        rows<{ q: string; n: number }>(`SELECT strftime('%Y', InvoiceDate) || '-Q' || ((CAST(strftime('%m', InvoiceDate) AS INTEGER) + 2) / 3) AS q, count(*) AS n FROM Invoice WHERE ${cond} GROUP BY 1`, ...params).map((r) => [r.q, r.n]),
      )
      c.labels.forEach((l, i) => expect(ds.data[i], `${ds.label} ${l}`).toBe(want.get(l) ?? 0))
    }
    expect(c.notes.join(' ')).toMatch(/folded into "\(other\)"/)
  })

  it('computes a median per category against SQL', async () => {
    const c = await chart({ target: { table: 'Track' }, type: 'bar', x: { kind: 'category', column: 'MediaTypeId', order: 'label' }, y: { agg: 'median', column: 'Milliseconds' } })
    const ids = rows<{ id: number }>('SELECT DISTINCT MediaTypeId AS id FROM Track ORDER BY 1').map((r) => r.id)
    expect(c.labels).toEqual(ids.map(String))
    ids.forEach((id, i) => expect(c.datasets[0]!.data[i]).toBeCloseTo(sqlMedian(`MediaTypeId = ${id}`, 'Milliseconds'), 9))
    expect(c.yLabel).toBe('Median of Milliseconds')
  })

  it('gives five-number summaries for a box plot', async () => {
    const c = await chart({ target: { table: 'Track' }, type: 'box', x: { kind: 'category', column: 'MediaTypeId' }, y: { column: 'Milliseconds' } })
    expect(c.datasets).toEqual([])
    const boxes = c.boxDatasets![0]!.data
    c.labels.forEach((l, i) => {
      const b = boxes[i]!
      const mm = raw.prepare('SELECT min(Milliseconds) AS lo, max(Milliseconds) AS hi, count(*) AS n FROM Track WHERE MediaTypeId = ?').get(Number(l)) as { lo: number; hi: number; n: number }
      expect(b).toMatchObject({ min: mm.lo, max: mm.hi, n: mm.n })
      expect(b.median).toBeCloseTo(sqlMedian(`MediaTypeId = ${l}`, 'Milliseconds'), 9)
      expect(b.q1).toBeLessThanOrEqual(b.median)
      expect(b.q3).toBeGreaterThanOrEqual(b.median)
    })
    expect(c.rows.columns).toEqual(['MediaTypeId', 'min', 'q1', 'median', 'q3', 'max', 'n'])
  })

  it('bins numbers into a histogram whose counts add up', async () => {
    const c = await chart({ target: { table: 'Track' }, type: 'histogram', x: { kind: 'bins', column: 'Milliseconds', bins: 10 } })
    expect(c.labels).toHaveLength(10)
    expect(c.datasets[0]!.data.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(3503)
  })

  it('applies filters as parameters, never as SQL', async () => {
    const c = await chart({
      target: { table: 'Invoice' },
      type: 'bar',
      x: { kind: 'category', column: 'BillingCountry' },
      filters: [{ column: 'BillingCountry', op: 'in', values: ['USA', 'Canada'] }, { column: 'Total', op: '>', value: 5 }],
    })
    const want = rows<{ c: string; n: number }>("SELECT BillingCountry AS c, count(*) AS n FROM Invoice WHERE BillingCountry IN ('USA','Canada') AND Total > 5 GROUP BY 1 ORDER BY 2 DESC")
    expect(c.labels).toEqual(want.map((w) => w.c))
    expect(c.datasets[0]!.data).toEqual(want.map((w) => w.n))
    const typed = await chart({ target: { table: 'Invoice' }, type: 'bar', x: { kind: 'category', column: 'BillingCountry' }, filters: [{ op: 'expr', expr: "BillingCountry IN ('USA', 'Canada') AND total > 5" }] })
    expect(typed.labels).toEqual(c.labels)
    expect(typed.datasets[0]!.data).toEqual(c.datasets[0]!.data)
    const evil = await chart({ target: { table: 'Invoice' }, type: 'bar', x: { kind: 'category', column: 'BillingCountry' }, filters: [{ column: 'BillingCountry', op: '=', value: "x' OR 1=1 --" }] })
    expect(evil.labels).toEqual([])
    await expect(chart({ target: { table: 'Invoice' }, type: 'bar', x: { kind: 'category', column: 'Nope' } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', details: { field: 'spec.x.column' } })
  })

  it('samples scatter points and says so', async () => {
    const c = await chart({ target: { table: 'Track' }, type: 'scatter', x: { kind: 'value', column: 'Milliseconds' }, y: { column: 'Bytes' }, sampleRows: 100 })
    expect(c.sample).toEqual({ rows: 100, of: 3503 })
    expect(c.scatterDatasets![0]!.data).toHaveLength(100)
    expect(c.title).toMatch(/sample/)
  })

  it('rejects specs the schema cannot draw', () => {
    expect(chartSpecSchema.safeParse({ target: { table: 'T' }, type: 'box', x: { kind: 'category', column: 'a' } }).success).toBe(false)
    expect(chartSpecSchema.safeParse({ target: { table: 'T' }, type: 'bar', x: { kind: 'value', column: 'a' } }).success).toBe(false)
    expect(chartSpecSchema.safeParse({ target: { table: 'T' }, type: 'bar', x: { kind: 'category', column: 'a' }, y: { agg: 'mean' } }).success).toBe(false)
  })
})
