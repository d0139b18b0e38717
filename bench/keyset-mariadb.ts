/**
 * The MariaDB half of the keyset benchmark: why the pager writes
 * `a > ? OR (a = ? AND b > ?)` there instead of a row value.
 * Run: npx tsx bench/keyset-mariadb.ts [rows]   (needs the MariaDB at 127.0.0.1:3306)
 * Creates its own database, fills it with a recursive CTE, drops it at the end.
 */
import mysql from 'mysql2/promise'
import type { BrowsePage } from '../src/shared/calls/browse'
import { MysqlDriver } from '../src/main/core/db/mysql-driver'
import { type PageRequest, readPage } from '../src/main/core/browse/keyset-pager'
import { tableOrThrow } from '../src/main/core/browse/schema-cache'
import { MARIADB } from '../src/main/core/testing/mariadb'

const ROWS = Number(process.argv[2] ?? 1_000_000)
const LIMIT = 200
const DB = 'sonograph_bench_keyset'

async function time(fn: () => Promise<unknown>, repeat = 5): Promise<number> {
  await fn()
  const t: number[] = []
  for (let i = 0; i < repeat; i++) {
    const s = performance.now()
    await fn()
    t.push(performance.now() - s)
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!
}

async function main(): Promise<void> {
  const admin = await mysql.createConnection({ ...MARIADB, multipleStatements: true })
  await admin.query(`DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}`)
  const t0 = performance.now()
  await admin.query(`USE ${DB};
    CREATE TABLE events (id INT PRIMARY KEY, ts INT NOT NULL, name VARCHAR(40), KEY events_ts (ts)) ENGINE=InnoDB;
    SET SESSION max_recursive_iterations = ${ROWS + 1};
    INSERT INTO events WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${ROWS}) SELECT x, FLOOR(RAND(7) * 100000000), CONCAT('event ', x) FROM c;
    ANALYZE TABLE events;`)
  console.log(`built ${ROWS.toLocaleString()} rows in MariaDB in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const driver = await MysqlDriver.connect({ kind: 'mysql', ...MARIADB, database: DB, connectTimeoutMs: 10_000 })
  try {
    const table = await tableOrThrow(driver, 'events')
    const page = (r: Partial<PageRequest>): Promise<BrowsePage> => readPage(driver, table, { filters: [], direction: 'forward', limit: LIMIT, ...r })
    const mid = Math.floor(ROWS / 2)
    console.log(`\n${ROWS.toLocaleString()} rows, page of ${LIMIT}; median of 5 runs (ms)`)
    console.log(['order', 'page', 'keyset ms', 'OFFSET ms', 'OFFSET/keyset'].join('\t'))
    for (const [label, sort, order] of [
      ['unsorted (PK)', undefined, 'ORDER BY id'],
      ['ts asc', { column: 'ts', dir: 'asc' as const }, 'ORDER BY ts, id'],
      ['ts desc', { column: 'ts', dir: 'desc' as const }, 'ORDER BY ts DESC, id DESC'],
    ] as const) {
      const base = sort ? { sort } : {}
      const midPage = await page({ ...base, cursor: { kind: 'row', row: mid, total: ROWS } })
      for (const [name, req, offset] of [
        ['middle+1 (next)', { ...base, cursor: midPage.nextCursor! }, mid + LIMIT],
        ['last', { ...base, direction: 'backward' as const }, ROWS - LIMIT],
      ] as const) {
        const k = await time(() => page(req))
        const o = await time(() => driver.query(`SELECT * FROM events ${order} LIMIT ${LIMIT} OFFSET ${offset}`))
        console.log([label, name, k.toFixed(2), o.toFixed(2), `${(o / k).toFixed(0)}x`].join('\t'))
      }
    }
    const cur = (await page({ sort: { column: 'ts', dir: 'asc' }, cursor: { kind: 'row', row: mid, total: ROWS } })).nextCursor
    if (cur?.kind === 'key') {
      const [ts, id] = cur.values as [number, number]
      console.log('\nMariaDB seek predicate forms (next page after the middle, ts asc):')
      for (const [label, sql, params] of [
        ['row values (ts,id) > (?,?)', `SELECT * FROM events WHERE (ts, id) > (?, ?) ORDER BY ts, id LIMIT ${LIMIT}`, [ts, id]],
        ['expanded OR', `SELECT * FROM events WHERE (ts > ? OR (ts = ? AND id > ?)) ORDER BY ts, id LIMIT ${LIMIT}`, [ts, ts, id]],
      ] as const) {
        const ms = await time(() => driver.query(sql, [...params]), 3)
        const plan = (await driver.query(`EXPLAIN ${sql}`, [...params])).rows[0]
        console.log(`  ${label.padEnd(28)} ${ms.toFixed(2).padStart(9)} ms   type=${String(plan?.[3])} rows=${String(plan?.[8])}`)
      }
    }
  } finally {
    await driver.close()
    await admin.query(`DROP DATABASE IF EXISTS ${DB}`)
    await admin.end()
  }
}

void main()
