/**
 * CSV export throughput: Sonograph's exporter against `sqlite3 -csv` on the same
 * table, in the same run, runs interleaved. Both run as child processes writing
 * straight to a file, each timed by /usr/bin/time, so both see the same machine
 * (and its peak RSS is measured per process). Prints rows/s, the wall-clock
 * ratio (target >= 0.8x), the CPU-time ratio and peak RSS.
 *
 *   npx tsx bench/csv-export-bench.ts [--rows N] [--runs K] [--single] [--generic]
 *
 * --single also times the fast path on one thread; --generic the csv-stringify writer.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
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
    // Internal: run one Sonograph export in this (child) process and print its timing.
    child: { type: 'string' },
    out: { type: 'string' },
  },
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)
const dataDir = join(import.meta.dirname, '.data')
const dbPath = join(dataDir, `csv-bench-${ROWS}.db`)

interface Run {
  /** Wall time of the export itself (for Sonograph, measured inside the child, so node start-up is left out). */
  ms: number
  cpu: number
  rssMb: number
}

if (values.child) {
  // Child mode: the export alone, timed from inside.
  const mode = values.child
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const res = await exportCsvJob(
    {
      spec: { kind: 'sqlite', path: dbPath, writable: false },
      what: { table: 'visits' },
      path: values.out!,
      options: csvOptionsSchema.parse({ lineEnding: 'lf' }),
      engine: mode === 'generic' ? 'generic' : 'auto',
      ...(mode === 'single' ? { parallel: false } : {}),
    },
    createJobContext(() => undefined),
  )
  const c = process.cpuUsage(c0)
  console.log(JSON.stringify({ rows: res.rows, ms: performance.now() - t0, cpu: (c.user + c.system) / 1e6 }))
  process.exit(0)
}

/** Visits-like rows: integers, names, e-mails, date-times, money as REAL, notes with quotes and commas, NULLs, empty strings. */
function buildTable(): void {
  if (existsSync(dbPath)) return
  mkdirSync(dataDir, { recursive: true })
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

/** Runs a command under /usr/bin/time; returns its stdout and wall s, CPU s (user + system), peak RSS KB. */
function timed(argv: string[]): Promise<{ stdout: string; wall: number; cpu: number; rssKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const m = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(err)
      if (code !== 0 || !m) return reject(new Error(`${argv.join(' ')} failed (${code}): ${err}`))
      resolve({ stdout: out, wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssKb: Number(m[4]) })
    })
  })
}

async function sqliteCli(out: string): Promise<Run> {
  // Straight to the file through the shell, as a user would run it.
  const r = await timed(['/bin/sh', '-c', `exec /usr/bin/sqlite3 -csv -header '${dbPath}' 'SELECT * FROM visits' > '${out}'`])
  return { ms: r.wall * 1000, cpu: r.cpu, rssMb: r.rssKb / 1024 }
}

async function sonograph(out: string, mode: 'auto' | 'single' | 'generic'): Promise<Run> {
  const r = await timed([process.execPath, '--import', 'tsx', new URL(import.meta.url).pathname, '--rows', String(ROWS), '--child', mode, '--out', out])
  const inner = JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; ms: number; cpu: number }
  if (inner.rows !== ROWS) throw new Error(`exported ${inner.rows} rows, expected ${ROWS}`)
  return { ms: inner.ms, cpu: inner.cpu, rssMb: r.rssKb / 1024 }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const rate = (ms: number): string => `${Math.round((ROWS / ms) * 1000).toLocaleString('en-US')} rows/s`

buildTable()
const cliOut = join(dataDir, 'csv-bench-cli.csv')
const ourOut = join(dataDir, 'csv-bench-sonograph.csv')
const series: Record<string, Run[]> = { cli: [], fast: [], single: [], generic: [] }
for (let i = 0; i < RUNS; i++) {
  series.cli!.push(await sqliteCli(cliOut))
  series.fast!.push(await sonograph(ourOut, 'auto'))
  if (values.single) series.single!.push(await sonograph(ourOut, 'single'))
  if (values.generic) series.generic!.push(await sonograph(ourOut, 'generic'))
}
const cliMs = median(series.cli!.map((r) => r.ms))
const cliCpu = median(series.cli!.map((r) => r.cpu))
const line = (label: string, runs: Run[]): string => {
  const ms = median(runs.map((r) => r.ms))
  const cpu = median(runs.map((r) => r.cpu))
  return `${label.padEnd(24)} ${(ms / 1000).toFixed(2)} s  ${rate(ms).padStart(17)}  cpu ${cpu.toFixed(2)} s  peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB  ratio wall ${(cliMs / ms).toFixed(2)}x, cpu ${(cliCpu / cpu).toFixed(2)}x`
}
console.log(`table: ${ROWS.toLocaleString('en-US')} rows, ${(statSync(dbPath).size / 1e6).toFixed(0)} MB database; ${RUNS} interleaved runs, medians; ${availableParallelism()} CPUs`)
console.log(line('sqlite3 -csv', series.cli!))
console.log(line('sonograph fast path', series.fast!))
if (series.single!.length) console.log(line('sonograph, one thread', series.single!))
if (series.generic!.length) console.log(line('sonograph csv-stringify', series.generic!))
console.log(`target: fast path >= 0.80x sqlite3 -csv throughput (wall). Load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)
rmSync(cliOut, { force: true })
rmSync(ourOut, { force: true })
