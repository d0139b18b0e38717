/**
 * MySQL/MariaDB → SQLite: the driver's streamed read and the copy job, against
 * the command-line tools on the same data in the same run (mysql --quick to
 * TSV, then the sqlite3 CLI's .import), which copy text without types, NULLs,
 * keys or indexes. Also the driver's read alone, against mysql --quick to
 * /dev/null. Builds its own database on the test server and drops it.
 *
 *   npx tsx bench/mysql-copy-bench.ts [--rows 1000000]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import mysql from 'mysql2/promise'
import { MysqlDriver } from '../src/main/core/db/mysql-driver'
import { copyToSqliteJob } from '../src/main/core/db/mysql-to-sqlite'
import { createJobContext } from '../src/main/core/jobs/job-context'
import { createTestDatabase, MARIADB } from '../src/main/core/testing/mariadb'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } })
const ROWS = Number(values.rows)
const dataDir = join(import.meta.dirname, '.data')
mkdirSync(dataDir, { recursive: true })
const fmt = (n: number): string => Math.round(n).toLocaleString('en')

function cli(args: string[], input?: string): number {
  const t0 = performance.now()
  const r = spawnSync('/bin/sh', ['-c', args.join(' ')], { stdio: ['pipe', 'ignore', 'inherit'], ...(input ? { input } : {}) })
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed with ${r.status}`)
  return (performance.now() - t0) / 1000
}

const db = await createTestDatabase('bench_copy')
try {
  const setup = await mysql.createConnection({ ...MARIADB, database: db.database })
  await setup.query(`CREATE TABLE big (id INT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(10,2), at DATETIME, note TEXT, KEY ix_at (at))`)
  await setup.query(
    `INSERT INTO big SELECT seq, CONCAT('name ', seq), seq / 100, '2024-01-01' + INTERVAL seq SECOND, IF(seq % 7 = 0, NULL, REPEAT('x', seq % 50)) FROM seq_1_to_${ROWS}`,
  )
  await setup.query('ANALYZE TABLE big')
  await setup.end()
  const spec = { kind: 'mysql' as const, ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
  const conn = `-h${MARIADB.host} -P${MARIADB.port} -u${MARIADB.user}${MARIADB.password ? ` -p${MARIADB.password}` : ''}`
  console.log(`${fmt(ROWS)} rows, 5 columns (INT key, VARCHAR, DECIMAL, DATETIME, TEXT with NULLs)\n`)

  // Read only.
  let t0 = performance.now()
  const d = await MysqlDriver.connect(spec)
  let n = 0
  for await (const batch of d.iterate('SELECT * FROM big', [], 2000)) n += batch.length
  await d.close()
  const driverRead = (performance.now() - t0) / 1000
  const cliRead = cli([`mysql ${conn} --quick -N -B ${db.database} -e 'SELECT * FROM big' > /dev/null`])
  console.log(`read      driver iterate ${driverRead.toFixed(2)} s (${fmt(n / driverRead)} rows/s)   mysql --quick ${cliRead.toFixed(2)} s   ratio ${(driverRead / cliRead).toFixed(2)}x`)

  // Copy.
  const out = join(dataDir, 'mysql-copy.sqlite')
  const base = join(dataDir, 'mysql-copy-baseline.sqlite')
  const tsv = join(dataDir, 'mysql-copy.tsv')
  rmSync(out, { force: true })
  t0 = performance.now()
  const heapBefore = process.memoryUsage().rss
  const result = await copyToSqliteJob({ spec, output: out }, createJobContext(() => undefined))
  const copySeconds = (performance.now() - t0) / 1000
  const rss = process.memoryUsage().rss
  rmSync(base, { force: true })
  const baseline =
    cli([`mysql ${conn} --quick -N -B ${db.database} -e 'SELECT * FROM big' > ${tsv}`]) +
    cli([
      `/usr/bin/sqlite3 ${base}`,
      `"CREATE TABLE big (id INTEGER PRIMARY KEY, name VARCHAR(40), amount NUMERIC(10,2), at DATETIME, note TEXT)"`,
      `".mode tabs"`,
      `".import ${tsv} big"`,
      `"CREATE INDEX ix_at ON big(at)"`,
    ])
  rmSync(tsv, { force: true })
  console.log(
    `copy      copyToSqlite ${copySeconds.toFixed(2)} s (${fmt(result.rows / copySeconds)} rows/s, rss ${fmt(rss / 1e6)} MB, was ${fmt(heapBefore / 1e6)} MB)   mysql | sqlite3 .import ${baseline.toFixed(2)} s   ratio ${(copySeconds / baseline).toFixed(2)}x`,
  )
} finally {
  await db.drop()
}
