/**
 * Keyset paging against LIMIT/OFFSET on a 10-million-row SQLite table.
 * Run: npx tsx bench/keyset-bench.ts [rows]
 * Builds bench/.data/keyset-<rows>.db once (recursive CTE inside SQLite), then
 * times the first, a middle and the last page, unsorted and sorted by an indexed
 * column both ways, through the pager and through OFFSET for the same rows.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowsePage, PageCursor, SortSpec } from '../src/shared/calls/browse'
import { SqliteDriver } from '../src/main/core/db/sqlite-driver'
import { type PageRequest, readPage } from '../src/main/core/browse/keyset-pager'
import { tableOrThrow } from '../src/main/core/browse/schema-cache'

const ROWS = Number(process.argv[2] ?? 10_000_000)
const LIMIT = 200
const REPEAT = 5
const dataDir = new URL('./.data/', import.meta.url).pathname
const dbPath = join(dataDir, `keyset-${ROWS}.db`)

function build(): void {
  if (existsSync(dbPath)) return
  mkdirSync(dataDir, { recursive: true })
  const tmp = `${dbPath}.partial-${process.pid}`
  rmSync(tmp, { force: true })
  const t0 = performance.now()
  const d = new SqliteDriver(tmp, { writable: true, create: true })
  d.db.exec(`
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
    CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, name TEXT, val REAL);
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${ROWS})
    INSERT INTO events SELECT x, abs(random() % 100000000), 'event ' || x, x * 0.5 FROM c;
    CREATE INDEX events_ts ON events(ts);
  `)
  d.db.close()
  renameSync(tmp, dbPath)
  console.log(`built ${ROWS.toLocaleString()} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${dbPath}`)
}

const ratio = (r: number): string => `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}x`

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn() // warm the statement and the pages it touches
  const times: number[] = []
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

async function main(): Promise<void> {
  build()
  const driver = new SqliteDriver(dbPath)
  const table = await tableOrThrow(driver, 'events')
  const total = ROWS
  const page = (r: Partial<PageRequest>): Promise<BrowsePage> => readPage(driver, table, { filters: [], direction: 'forward', limit: LIMIT, ...r })
  const mid = Math.floor(total / 2)
  const orders: { label: string; sort?: SortSpec; orderSql: string }[] = [
    { label: 'unsorted (rowid)', orderSql: 'ORDER BY id' },
    { label: 'ts asc (indexed)', sort: { column: 'ts', dir: 'asc' }, orderSql: 'ORDER BY ts ASC, id ASC' },
    { label: 'ts desc (indexed)', sort: { column: 'ts', dir: 'desc' }, orderSql: 'ORDER BY ts DESC, id DESC' },
  ]
  console.log(`\n${total.toLocaleString()} rows, page of ${LIMIT}; median of ${REPEAT} runs (ms)\n`)
  console.log(['order', 'page', 'keyset ms', 'OFFSET ms', 'OFFSET/keyset', 'note'].join('\t'))
  let worst = 0
  let worstLastRatio = Infinity
  for (const o of orders) {
    const offsetSql = (off: number): string => `SELECT * FROM events ${o.orderSql} LIMIT ${LIMIT} OFFSET ${off}`
    const base = o.sort ? { sort: o.sort } : {}
    const midPage = await page({ ...base, cursor: { kind: 'row', row: mid, total } })
    const cases: { name: string; req: Partial<PageRequest>; offset: number; note: string }[] = [
      { name: 'first', req: base, offset: 0, note: '' },
      { name: 'middle (jump)', req: { ...base, cursor: { kind: 'row', row: mid, total } }, offset: mid, note: midPage.approximate ? 'approximate position' : 'exact position' },
      { name: 'middle+1 (next)', req: { ...base, cursor: midPage.nextCursor as PageCursor }, offset: mid + LIMIT, note: 'from cursor' },
      { name: 'last', req: { ...base, direction: 'backward' }, offset: total - LIMIT, note: '' },
    ]
    for (const c of cases) {
      const k = await timeIt(() => page(c.req))
      const off = await timeIt(() => driver.db.prepare(offsetSql(c.offset)).all())
      worst = Math.max(worst, k)
      if (c.name === 'last') worstLastRatio = Math.min(worstLastRatio, off / k)
      console.log([o.label, c.name, k.toFixed(2), off.toFixed(2), ratio(off / k), c.note].join('\t'))
    }
  }
  // The predicate's form matters to SQLite's planner: same seek, three spellings.
  const cur = (await page({ sort: { column: 'ts', dir: 'asc' }, cursor: { kind: 'row', row: mid, total } })).nextCursor
  if (cur?.kind === 'key') {
    const [ts, id] = cur.values as [number, number]
    const forms: [string, string, unknown[]][] = [
      ['row values (ts,id) > (?1,?2)', 'SELECT * FROM events WHERE (ts, id) > (?1, ?2) ORDER BY ts, id LIMIT 200', [{ 1: ts, 2: id }]],
      ['expanded, reused ?1', 'SELECT * FROM events WHERE (ts > ?1 OR (ts = ?1 AND id > ?2)) ORDER BY ts, id LIMIT 200', [{ 1: ts, 2: id }]],
      ['expanded, separate ?', 'SELECT * FROM events WHERE (ts > ? OR (ts = ? AND id > ?)) ORDER BY ts, id LIMIT 200', [ts, ts, id]],
    ]
    console.log('\nSQLite seek predicate forms (next page after the middle, ts asc):')
    for (const [label, sql, params] of forms) {
      const stmt = driver.db.prepare(sql)
      const ms = await timeIt(() => stmt.all(...params))
      const plan = (driver.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ')
      console.log(`  ${label.padEnd(30)} ${ms.toFixed(2).padStart(9)} ms   ${plan}`)
    }
  }
  console.log(`\nslowest keyset page: ${worst.toFixed(2)} ms (target < 10 ms); smallest last-page ratio: ${worstLastRatio.toFixed(0)}x (target >= 100x)`)
  await driver.close()
}

void main()
