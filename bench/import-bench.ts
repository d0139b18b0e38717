/**
 * Dump import benchmark: Sonograph's streaming import of a generated mysqldump
 * (>= 150 MB, >= 4 million rows) against the sqlite3 tool loading the same rows.
 *
 *   npx tsx bench/import-bench.ts [rows]
 *   MYSQL2SQLITE=/path/to/mysql2sqlite npx tsx bench/import-bench.ts
 *
 * The baseline users reach for is `mysql2sqlite dump.sql | sqlite3 out.db`.
 * mysql2sqlite (an awk script) is not on the npm registry and is not part of
 * this repository; point MYSQL2SQLITE at a copy to time that pipeline too.
 * The target's baseline is the sqlite3 tool loading the SQLite-dialect file the
 * generator writes from the same rows, shaped like mysql2sqlite's output
 * (BEGIN/END TRANSACTION, synchronous OFF, journal in memory, indexes at the
 * end): the "sqlite3 loading the converted file" leg, without the converter's
 * own time, which favours the baseline.
 *
 * Sonograph runs as users get it (a dump this size loads on a second thread
 * while the first reads ahead) and, for comparison, on one thread
 * (SONOGRAPH_DUMP_THREADS=0). CPU time is printed next to wall time because on
 * a busy machine wall time mostly measures the scheduler.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { makeImportDump } from './make-import-dump'

const dataDir = join(import.meta.dirname, '.data')

async function child(dump: string, out: string): Promise<void> {
  const { importToSqlite } = await import('../src/main/core/dump/import-to-sqlite')
  const { createJobContext } = await import('../src/main/core/jobs/job-context')
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const r = await importToSqlite({ path: dump, output: out, dialect: 'auto', strict: false }, createJobContext(() => undefined))
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(c0)
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, rows: r.report.rowsLoaded, issues: r.report.issues.length, tables: r.report.tables, fk: r.report.foreignKeyCheck.violations }) + '\n',
  )
}

function timeSqlite3(sqlFile: string, db: string): Promise<{ ms: number; cpuMs: number | null; maxRssKb: number | null }> {
  return new Promise((resolve, reject) => {
    const hasTime = existsSync('/usr/bin/time')
    const t0 = performance.now()
    const p = hasTime
      ? spawn('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', '/usr/bin/sqlite3', db], { stdio: ['pipe', 'inherit', 'pipe'] })
      : spawn('/usr/bin/sqlite3', [db], { stdio: ['pipe', 'inherit', 'pipe'] })
    let err = ''
    p.stderr.on('data', (d: Buffer) => (err += d.toString()))
    createReadStream(sqlFile).pipe(p.stdin)
    p.on('error', reject)
    p.on('close', (code) => {
      const ms = performance.now() - t0
      if (code !== 0) return reject(new Error(`sqlite3 exited ${code}: ${err.slice(0, 500)}`))
      const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(err)
      resolve({ ms, cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null, maxRssKb: m ? Number(m[1]) : null })
    })
  })
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv[4]!)
  const rows = Number(process.argv[2] ?? 4_200_000)
  let mysqlPath = join(dataDir, `import-bench-${rows}.mysql.sql`)
  let sqlitePath = join(dataDir, `import-bench-${rows}.sqlite.sql`)
  if (!existsSync(mysqlPath) || !existsSync(sqlitePath)) {
    console.error(`generating ${rows} rows ...`)
    ;({ mysqlPath, sqlitePath } = await makeImportDump(rows, dataDir))
  }
  const size = statSync(mysqlPath).size
  console.log(`dump: ${mysqlPath} ${(size / 1e6).toFixed(1)} MB, ${rows} rows; SQLite-dialect baseline file ${(statSync(sqlitePath).size / 1e6).toFixed(1)} MB`)

  const loadStart = loadavg()[0]!.toFixed(1)
  const outS = join(dataDir, 'bench-sonograph.sqlite')
  const outB = join(dataDir, 'bench-sqlite3.sqlite')
  rmSync(outS, { force: true })
  rmSync(outB, { force: true })

  type ChildResult = { ms: number; cpuMs: number; maxRssKb: number; rows: number; issues: number; tables: { name: string; rows: number }[]; fk: number }
  const runSonograph = (threads: '0' | undefined): ChildResult => {
    rmSync(outS, { force: true })
    const env = { ...process.env }
    if (threads === undefined) delete env.SONOGRAPH_DUMP_THREADS
    else env.SONOGRAPH_DUMP_THREADS = threads
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-bench.ts'), '--child', mysqlPath, outS], { encoding: 'utf8', maxBuffer: 1 << 24, env })
    if (r.status !== 0) throw new Error(`Sonograph import failed: ${r.stderr}`)
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult
  }
  const son = runSonograph(undefined)
  const son1 = runSonograph('0')
  const base = await timeSqlite3(sqlitePath, outB)
  const countRows = (db: string): number =>
    Number(spawnSync('/usr/bin/sqlite3', [db, 'SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM observations)'], { encoding: 'utf8' }).stdout.trim())
  const baseRows = countRows(outB)

  // mysql2sqlite | sqlite3, when a copy of the converter is at hand.
  const m2s = process.env.MYSQL2SQLITE
  let pipe: { ms: number; rows: number } | null = null
  if (m2s && existsSync(m2s)) {
    const outP = join(dataDir, 'bench-mysql2sqlite.sqlite')
    rmSync(outP, { force: true })
    const t0 = performance.now()
    const r = spawnSync('/bin/sh', ['-c', 'awk -f "$0" "$1" | /usr/bin/sqlite3 "$2"', m2s, mysqlPath, outP], { encoding: 'utf8', maxBuffer: 1 << 26 })
    const ms = performance.now() - t0
    if (r.status !== 0) throw new Error(`mysql2sqlite | sqlite3 failed: ${r.stderr.slice(0, 500)}`)
    pipe = { ms, rows: countRows(outP) }
    rmSync(outP, { force: true })
  }

  const sonRows = son.tables.reduce((s, t) => s + t.rows, 0)
  const mb = size / 1e6
  const load1 = loadavg()[0]!.toFixed(1)
  const line = (name: string, r: ChildResult): string =>
    `${name}${(r.ms / 1000).toFixed(2)} s, ${(r.rows / (r.ms / 1000) / 1e6).toFixed(2)} M rows/s, ${(mb / (r.ms / 1000)).toFixed(1)} MB/s, CPU ${(r.cpuMs / 1000).toFixed(2)} s (all threads), peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB, rows ${r.rows}, issues ${r.issues}, FK violations ${r.fk}`
  console.log('')
  console.log(`machine: ${cpus().length} cores, load average ${loadStart} at start, ${load1} at end (wall times suffer when it is above the core count; CPU times less so)`)
  console.log(line('Sonograph import (mysqldump -> SQLite):  ', son))
  console.log(line('Sonograph on one thread (THREADS=0):     ', son1))
  console.log(`sqlite3 loading the converted file:       ${(base.ms / 1000).toFixed(2)} s, ${(baseRows / (base.ms / 1000) / 1e6).toFixed(2)} M rows/s, CPU ${base.cpuMs !== null ? (base.cpuMs / 1000).toFixed(2) + ' s' : 'n/a'}, peak RSS ${base.maxRssKb ? (base.maxRssKb / 1024).toFixed(0) + ' MB' : 'n/a'}, rows ${baseRows}`)
  if (pipe) console.log(`mysql2sqlite | sqlite3:                   ${(pipe.ms / 1000).toFixed(2)} s, ${(pipe.rows / (pipe.ms / 1000) / 1e6).toFixed(2)} M rows/s, rows ${pipe.rows}`)
  else console.log('mysql2sqlite | sqlite3:                   not measured: set MYSQL2SQLITE to a copy of the mysql2sqlite awk script (it is not on the npm registry)')
  console.log('')
  console.log(`throughput ratio Sonograph / sqlite3 loading the converted file (wall): ${(base.ms / son.ms).toFixed(2)}x (target >= 1.5x)`)
  if (pipe) console.log(`throughput ratio Sonograph / mysql2sqlite | sqlite3 (wall):            ${(pipe.ms / son.ms).toFixed(2)}x`)
  console.log(`one thread: ${(base.ms / son1.ms).toFixed(2)}x the sqlite3 tool (wall); CPU time ratio sqlite3 / Sonograph on one thread ${base.cpuMs !== null ? (base.cpuMs / son1.cpuMs).toFixed(2) + 'x' : 'n/a'}`)
  console.log(`peak memory: ${(son.maxRssKb / 1024).toFixed(0)} MB (target < 250 MB)`)
  if (sonRows !== rows || son1.rows !== rows || baseRows !== rows || (pipe && pipe.rows !== rows)) console.log(`WARNING: row counts differ from ${rows}: Sonograph ${sonRows}, one thread ${son1.rows}, sqlite3 ${baseRows}, mysql2sqlite ${pipe?.rows ?? '-'}`)
}

await main()
