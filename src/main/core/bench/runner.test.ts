import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryPair } from '../../../shared/calls/bench'
import { AppError } from '../../../shared/errors'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext } from '../jobs/job-context'
import { benchmarkJob } from './runner'
import { benchmarkReport, timingsCsv } from './report'

let dir: string
let path: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  path = join(dir, 'shop.sqlite')
  const d = new SqliteDriver(path, { writable: true, create: true })
  d.db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, region TEXT NOT NULL);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), amount REAL NOT NULL);
    CREATE TABLE sales_by_region (region TEXT PRIMARY KEY, orders INTEGER, total REAL);
  `)
  const ic = d.db.prepare('INSERT INTO customers VALUES (?, ?)')
  const io = d.db.prepare('INSERT INTO orders VALUES (?, ?, ?)')
  d.db.transaction(() => {
    for (let c = 1; c <= 200; c++) ic.run(c, ['north', 'south', 'east', 'west'][c % 4])
    for (let o = 1; o <= 3000; o++) io.run(o, 1 + (o % 200), ((o * 37) % 1000) / 10 + 0.1)
  })()
  // A pre-aggregated table, summed in another order so float totals differ in the last bits.
  d.db.exec(`INSERT INTO sales_by_region SELECT c.region, count(*), sum(o.amount) FROM (SELECT * FROM orders ORDER BY amount DESC) o JOIN customers c ON c.id = o.customer_id GROUP BY c.region`)
  d.db.close()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const joinForm = { label: 'join', sql: 'SELECT c.region, count(*) AS n, sum(o.amount) AS total FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region' }
const goodPair: QueryPair = {
  id: 'sales',
  title: 'Sales by region',
  a: joinForm,
  b: { label: 'aggregate', sql: 'SELECT region, orders, total FROM sales_by_region' },
}
const wrongPair: QueryPair = {
  id: 'sales-wrong',
  title: 'Sales by region (wrong star)',
  a: joinForm,
  // Deliberately wrong: drops the orders of one customer.
  b: { label: 'star', sql: 'SELECT c.region, count(*), sum(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.customer_id <> 7 GROUP BY c.region' },
}

describe('benchmark runner on custom pairs (SQLite)', () => {
  it('times both forms, interleaved, and reports medians, a speedup interval and plans', async () => {
    const phases: string[] = []
    const ctx = createJobContext((u) => phases.push(u.phase), new Int32Array(1), 0)
    const r = await benchmarkJob({ spec: { kind: 'sqlite', path, writable: false }, pairs: [goodPair], runs: 6, warmups: 1 }, ctx)
    expect(r.engine.flavor).toBe('sqlite')
    expect(r.engine.version).toMatch(/^SQLite 3\./)
    expect(r.tableRows).toEqual({ customers: 200, orders: 3000, sales_by_region: 4 })
    const p = r.pairs[0]!
    expect(p.resultRows).toBe(4)
    expect(p.a.timingsMs).toHaveLength(6)
    expect(p.b.timingsMs).toHaveLength(6)
    expect(p.speedup.low).toBeLessThanOrEqual(p.speedup.ratio)
    expect(p.speedup.high).toBeGreaterThanOrEqual(p.speedup.ratio)
    expect(p.a.summary.medianMs).toBeGreaterThan(0)
    expect(p.a.plan?.format).toBe('sqlite-eqp')
    expect(JSON.stringify(p.a.plan?.steps)).toMatch(/SCAN|SEARCH/)
    expect(phases).toContain('Sales by region: timed run 6/6')
    // The whole result survives JSON, as it must to cross the worker and the bridge.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)

    const md = benchmarkReport(r)
    expect(md).toContain('| Sales by region | 4 | join |')
    expect(md).toMatch(/SQLite 3\.\d+/)
    expect(md).toContain('| orders | 3000 |')
    const csv = timingsCsv(r).trim().split('\n')
    expect(csv).toHaveLength(1 + 12)
    expect(csv[0]).toBe('encounters,engine,pair_id,title,form,label,run,ms')
  })

  it('detects a deliberately wrong star query and refuses to report a speedup', async () => {
    const ctx = createJobContext(() => {}, new Int32Array(1), 0)
    const err = await benchmarkJob({ spec: { kind: 'sqlite', path, writable: false }, pairs: [goodPair, wrongPair], runs: 3, warmups: 0 }, ctx).catch(
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AppError)
    const e = err as AppError
    expect(e.code).toBe('MISMATCH')
    expect(e.message).toContain('no speedup is reported')
    expect(e.details?.pairId).toBe('sales-wrong')
    // Customer 7 is in region 'west' (7 % 4 = 3): that row differs, the others match.
    const onlyA = JSON.parse(String(e.details?.onlyInA)) as unknown[][]
    const onlyB = JSON.parse(String(e.details?.onlyInB)) as unknown[][]
    expect(onlyA).toHaveLength(1)
    expect(onlyB).toHaveLength(1)
    expect(onlyA[0]![0]).toBe('west')
    expect(onlyB[0]![0]).toBe('west')
    expect(Number(onlyA[0]![1]) - Number(onlyB[0]![1])).toBe(15)
    expect(e.message).toMatch(/Rows only in join:\n {2}\('west', 750,/)
  })

  it('stops between runs when cancelled', async () => {
    const flag = new Int32Array(1)
    let seen = 0
    const ctx = createJobContext(
      (u) => {
        if (u.phase.includes('timed run') && ++seen === 2) Atomics.store(flag, 0, 1)
      },
      flag,
      0,
    )
    await expect(benchmarkJob({ spec: { kind: 'sqlite', path, writable: false }, pairs: [goodPair], runs: 50, warmups: 0 }, ctx)).rejects.toMatchObject({
      code: 'CANCELLED',
    })
  })

  it('can run cold, a fresh connection per timed run', async () => {
    const ctx = createJobContext(() => {}, new Int32Array(1), 0)
    const r = await benchmarkJob({ spec: { kind: 'sqlite', path, writable: false }, pairs: [goodPair], runs: 2, warmups: 0, cold: true, plans: false }, ctx)
    expect(r.settings.cold).toBe(true)
    expect(r.cacheNote).toMatch(/fresh SQLite connection/)
    expect(r.pairs[0]!.a.plan).toBeNull()
  })
})
