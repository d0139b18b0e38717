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
 * Sonograph runs as users run it: the built command line (`sonograph import`,
 * out/main/cli.js; built first when the sources are newer), timed as a whole
 * process like the sqlite3 tool, peak memory included. It runs both ways the
 * loader can: on one thread (the default) and with SONOGRAPH_DUMP_THREADS=1
 * (SQLite on a second thread while the first reads ahead). CPU time is printed
 * next to wall time because on a busy machine wall time mostly measures the
 * scheduler.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { makeImportDump } from './make-import-dump'

const root = join(import.meta.dirname, '..')
const dataDir = join(import.meta.dirname, '.data')
const cli = join(root, 'out', 'main', 'cli.js')

interface Timed {
  ms: number
  cpuMs: number
  maxRssKb: number
}

/** Runs a command under /usr/bin/time: wall time, CPU time (all threads) and peak resident memory. */
function timed(cmd: string, args: string[], opts: { stdinFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const p = spawn('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', cmd, ...args], { stdio: [opts.stdinFile ? 'pipe' : 'ignore', 'ignore', 'pipe'], env: opts.env ?? process.env })
    let err = ''
    p.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    if (opts.stdinFile) createReadStream(opts.stdinFile).pipe(p.stdin!)
    p.on('error', reject)
    p.on('close', (code) => {
      const ms = performance.now() - t0
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}: ${err.slice(-800)}`))
      const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(err)
      if (!m) return reject(new Error(`no timing from /usr/bin/time: ${err.slice(-300)}`))
      resolve({ ms, cpuMs: (Number(m[2]) + Number(m[3])) * 1000, maxRssKb: Number(m[1]) })
    })
  })
}

function newestMtime(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return t
}

function countRows(db: string): number {
  return Number(spawnSync('/usr/bin/sqlite3', [db, 'SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM observations)'], { encoding: 'utf8' }).stdout.trim())
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time') || !existsSync('/usr/bin/sqlite3')) throw new Error('This benchmark needs /usr/bin/time and /usr/bin/sqlite3 (apt-get install time sqlite3)')
  const rows = Number(process.argv[2] ?? 4_200_000)
  let mysqlPath = join(dataDir, `import-bench-${rows}.mysql.sql`)
  let sqlitePath = join(dataDir, `import-bench-${rows}.sqlite.sql`)
  if (!existsSync(mysqlPath) || !existsSync(sqlitePath)) {
    console.error(`generating ${rows} rows ...`)
    ;({ mysqlPath, sqlitePath } = await makeImportDump(rows, dataDir))
  }
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(root, 'src'))) {
    console.error('building (electron-vite build) ...')
    const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
    if (b.status !== 0) throw new Error('build failed')
  }
  const size = statSync(mysqlPath).size
  console.log(`dump: ${mysqlPath} ${(size / 1e6).toFixed(1)} MB, ${rows} rows; SQLite-dialect baseline file ${(statSync(sqlitePath).size / 1e6).toFixed(1)} MB`)

  const loadStart = loadavg()[0]!.toFixed(1)
  const outS = join(dataDir, 'bench-sonograph.sqlite')
  const outB = join(dataDir, 'bench-sqlite3.sqlite')

  const runSonograph = async (threads: '0' | '1'): Promise<Timed & { rows: number }> => {
    rmSync(outS, { force: true })
    const t = await timed(process.execPath, [cli, 'import', mysqlPath, '-o', outS], { env: { ...process.env, SONOGRAPH_DUMP_THREADS: threads } })
    return { ...t, rows: countRows(outS) }
  }
  const son = await runSonograph('0')
  const sonT = await runSonograph('1')
  rmSync(outB, { force: true })
  const base = await timed('/usr/bin/sqlite3', [outB], { stdinFile: sqlitePath })
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

  const mb = size / 1e6
  const line = (name: string, r: Timed & { rows: number }): string =>
    `${name}${(r.ms / 1000).toFixed(2)} s, ${(r.rows / (r.ms / 1000) / 1e6).toFixed(2)} M rows/s, ${(mb / (r.ms / 1000)).toFixed(1)} MB/s, CPU ${(r.cpuMs / 1000).toFixed(2)} s (all threads), peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB, rows ${r.rows}`
  console.log('')
  console.log(`machine: ${cpus().length} cores, load average ${loadStart} at start, ${loadavg()[0]!.toFixed(1)} at end (wall times suffer when it is above the core count; CPU times less so)`)
  console.log(line('sonograph import (mysqldump -> SQLite):   ', son))
  console.log(line('  with SONOGRAPH_DUMP_THREADS=1:           ', sonT))
  console.log(line('sqlite3 loading the converted file:       ', { ...base, rows: baseRows }))
  if (pipe) console.log(`mysql2sqlite | sqlite3:                   ${(pipe.ms / 1000).toFixed(2)} s, ${(pipe.rows / (pipe.ms / 1000) / 1e6).toFixed(2)} M rows/s, rows ${pipe.rows}`)
  else console.log('mysql2sqlite | sqlite3:                   not measured: set MYSQL2SQLITE to a copy of the mysql2sqlite awk script (it is not on the npm registry)')
  console.log('')
  console.log(`throughput ratio sonograph / sqlite3 loading the converted file (wall): ${(base.ms / son.ms).toFixed(2)}x (target >= 1.5x); CPU time ratio ${(base.cpuMs / son.cpuMs).toFixed(2)}x`)
  console.log(`  with the loader on a second thread: ${(base.ms / sonT.ms).toFixed(2)}x (wall), peak RSS ${(sonT.maxRssKb / 1024).toFixed(0)} MB`)
  if (pipe) console.log(`throughput ratio sonograph / mysql2sqlite | sqlite3 (wall): ${(pipe.ms / son.ms).toFixed(2)}x`)
  console.log(`peak memory: ${(son.maxRssKb / 1024).toFixed(0)} MB for the whole process (target < 250 MB)`)
  if (son.rows !== rows || sonT.rows !== rows || baseRows !== rows || (pipe && pipe.rows !== rows)) {
    console.log(`WARNING: row counts differ from ${rows}: sonograph ${son.rows}, threaded ${sonT.rows}, sqlite3 ${baseRows}, mysql2sqlite ${pipe?.rows ?? '-'}`)
  }
}

await main()
