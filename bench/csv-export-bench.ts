/**
 * CSV export throughput: Sonograph's exporter against `sqlite3 -csv` on the same
 * table, in the same run, runs interleaved. Prints rows/s, the ratio (target
 * >= 0.8x) and peak RSS.
 *
 *   npx tsx bench/csv-export-bench.ts [--rows N] [--runs K] [--single] [--generic]
 *
 * --single also times the fast path on one thread; --generic the csv-stringify writer.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { csvOptionsSchema } from '../src/shared/calls/export'
import { exportCsvJob } from '../src/main/core/export/csv-export-job'
import { createJobContext } from '../src/main/core/jobs/job-context'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '2800000' },
    runs: { type: 'string', default: '3' },
    generic: { type: 'boolean', default: false },
    single: { type: 'boolean', default: false },
  },
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)
const dataDir = join(import.meta.dirname, '.data')
const dbPath = join(dataDir, `csv-bench-${ROWS}.db`)
mkdirSync(dataDir, { recursive: true })

/** Visits-like rows: integers, names, e-mails, date-times, money as REAL, notes with quotes and commas, NULLs, empty strings. */
function buildTable(): void {
  if (existsSync(dbPath)) return
  const tmp = `${dbPath}.tmp`
  rmSync(tmp, { force: true })
  const db = new Database(tmp)
  db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    CREATE TABLE visits (id INTEGER PRIMARY KEY, patient_id INTEGER, name TEXT, email TEXT, visit_at DATETIME, amount REAL, note TEXT, code VARCHAR(8));
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO visits SELECT i, i % 50000, 'Patient ' || (i % 9973), 'p' || i || '@example.org',
      datetime(1700000000 + i * 37, 'unixepoch'), round((i % 100000) / 7.0, 2),
      CASE i % 10 WHEN 0 THEN 'said "hello", left' WHEN 1 THEN NULL WHEN 2 THEN '' ELSE 'routine check-up' END,
      printf('C%05d', i % 99999) FROM n;`)
  db.close()
  renameSync(tmp, dbPath)
}

/** Wall time and CPU seconds (user + system, from /usr/bin/time) of `sqlite3 -csv`. */
function sqliteCli(out: string): Promise<{ ms: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn('/usr/bin/time', ['-f', '%U %S', '/usr/bin/sqlite3', '-csv', '-header', dbPath, 'SELECT * FROM visits'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.pipe(createWriteStream(out))
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const [u, s] = err.trim().split('\n').pop()!.split(' ').map(Number)
      if (code === 0) resolve({ ms: performance.now() - t0, cpu: (u ?? 0) + (s ?? 0) })
      else reject(new Error(`sqlite3 exited ${code}: ${err}`))
    })
  })
}

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)

async function sonograph(out: string, engine: 'auto' | 'generic', parallel?: boolean): Promise<{ ms: number; cpu: number }> {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const res = await exportCsvJob(
    { spec: { kind: 'sqlite', path: dbPath, writable: false }, what: { table: 'visits' }, path: out, options: csvOptionsSchema.parse({ lineEnding: 'lf' }), engine, ...(parallel !== undefined ? { parallel } : {}) },
    createJobContext(() => undefined),
  )
  if (res.rows !== ROWS) throw new Error(`exported ${res.rows} rows, expected ${ROWS}`)
  const c = process.cpuUsage(c0)
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1e6 }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const rate = (ms: number): string => `${Math.round((ROWS / ms) * 1000).toLocaleString('en-US')} rows/s`

buildTable()
const cliOut = join(dataDir, 'cli.csv')
const ourOut = join(dataDir, 'sonograph.csv')
const cli: { ms: number; cpu: number }[] = []
const ours: { ms: number; cpu: number }[] = []
const generic: { ms: number; cpu: number }[] = []
const single: { ms: number; cpu: number }[] = []
const rssBefore = process.memoryUsage().rss
for (let i = 0; i < RUNS; i++) {
  cli.push(await sqliteCli(cliOut))
  ours.push(await sonograph(ourOut, 'auto'))
  if (values.single) single.push(await sonograph(ourOut, 'auto', false))
  if (values.generic) generic.push(await sonograph(ourOut, 'generic'))
}
clearInterval(sampler)
const c = median(cli.map((r) => r.ms))
const s = median(ours.map((r) => r.ms))
const cc = median(cli.map((r) => r.cpu))
const sc = median(ours.map((r) => r.cpu))
console.log(`table: ${ROWS.toLocaleString('en-US')} rows, ${(statSync(dbPath).size / 1e6).toFixed(0)} MB database; ${RUNS} interleaved runs, medians`)
console.log(`sqlite3 -csv        ${(c / 1000).toFixed(2)} s  ${rate(c)}  cpu ${cc.toFixed(2)} s  (${(statSync(cliOut).size / 1e6).toFixed(0)} MB)`)
console.log(`sonograph fast path ${(s / 1000).toFixed(2)} s  ${rate(s)}  cpu ${sc.toFixed(2)} s  (${(statSync(ourOut).size / 1e6).toFixed(0)} MB)`)
if (single.length) {
  const one = median(single.map((r) => r.ms))
  console.log(`sonograph, 1 thread ${(one / 1000).toFixed(2)} s  ${rate(one)}  cpu ${median(single.map((r) => r.cpu)).toFixed(2)} s  ratio ${(c / one).toFixed(2)}x`)
}
if (generic.length) {
  const g = median(generic.map((r) => r.ms))
  console.log(`sonograph generic   ${(g / 1000).toFixed(2)} s  ${rate(g)}  ratio ${(c / g).toFixed(2)}x`)
}
console.log(`ratio (sonograph / sqlite3 throughput, wall clock): ${(c / s).toFixed(2)}x  (target >= 0.80x)`)
console.log(`ratio of CPU time (sqlite3 / sonograph): ${(cc / sc).toFixed(2)}x  (less sensitive to other load on the machine)`)
console.log(`peak RSS ${(peakRss / 1e6).toFixed(0)} MB (at start ${(rssBefore / 1e6).toFixed(0)} MB)`)
console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`)
rmSync(cliOut, { force: true })
rmSync(ourOut, { force: true })
