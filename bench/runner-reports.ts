/**
 * The committed benchmark reports: generate the healthcare lab, build its star
 * with the ETL, and benchmark the four questions (OLTP form against star form).
 *
 *   npx tsx bench/runner-reports.ts --engine sqlite --encounters 50000 --patients 10000
 *   npx tsx bench/runner-reports.ts --engine mariadb --encounters 1000000 --runs 10
 *
 * Writes docs/reports/<engine>-<size>.md, .csv and .json. SQLite labs are kept
 * in bench/.data/ (reused with --reuse); MariaDB labs in sonograph_bench_<size>
 * on 127.0.0.1:3306 (root; SONOGRAPH_MYSQL_PASSWORD if set). As a baseline, each
 * SQLite query is also timed once by the sqlite3 command-line shell, so the
 * runner's own overhead (driver, row conversion) is visible next to its medians.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchmarkResult } from '../src/shared/calls/bench'
import type { SourceSpec } from '../src/shared/source-spec'
import { BUILD_NOTE_MARIADB, clinicLab } from '../src/main/core/bench/clinic-lab'
import { benchmarkReport, formatMs, formatRatio, timingsCsv, verdict } from '../src/main/core/bench/report'
import { benchmarkJob } from '../src/main/core/bench/runner'
import { openDriver } from '../src/main/core/db/open-driver'
import { removeWithSiblings } from '../src/main/core/jobs/atomic-file'
import { createJobContext } from '../src/main/core/jobs/job-context'

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    encounters: { type: 'string', default: '50000' },
    patients: { type: 'string' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '10' },
    warmups: { type: 'string', default: '2' },
    cold: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    // Accepted for the commands recorded in older reports: the hash-join ETL session is now always used on MariaDB.
    'etl-hash-join': { type: 'boolean', default: false },
    name: { type: 'string' },
  },
})
const engine = values.engine === 'mariadb' ? 'mariadb' : 'sqlite'
const encounters = Number(values.encounters)
const patients = values.patients ? Number(values.patients) : Math.round(encounters / 5)
const seed = Number(values.seed)
const runs = Number(values.runs)
const warmups = Number(values.warmups)
const label = encounters >= 1_000_000 ? `${encounters / 1_000_000}m` : `${encounters / 1000}k`
const name = values.name ?? `${engine}-${label}${values.cold ? '-cold' : ''}`
const root = new URL('../', import.meta.url).pathname
const outDir = join(root, 'docs', 'reports')
const dataDir = join(root, 'bench', '.data')

let lastPhase = ''
const ctx = createJobContext((u) => {
  if (u.phase !== lastPhase) {
    lastPhase = u.phase
    process.stderr.write(`  ${u.phase}\n`)
  }
})

async function prepare(): Promise<{ spec: SourceSpec; build: string }> {
  if (engine === 'sqlite') {
    mkdirSync(dataDir, { recursive: true })
    const path = join(dataDir, `lab-${encounters}-${patients}-${seed}.sqlite`)
    const spec: SourceSpec = { kind: 'sqlite', path, writable: true }
    if (values.reuse && existsSync(path)) return { spec, build: `Reused ${path} (built earlier by this script).` }
    await removeWithSiblings(path)
    return { spec, build: await build(spec) }
  }
  const server = {
    kind: 'mysql' as const,
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    password: process.env.SONOGRAPH_MYSQL_PASSWORD ?? '',
    database: 'mysql',
    connectTimeoutMs: 10_000,
  }
  const database = `sonograph_bench_${encounters}`
  const spec: SourceSpec = { ...server, database }
  const admin = await openDriver(server)
  const exists = (await admin.query('SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database])).rows[0]?.[0]
  if (values.reuse && Number(exists) > 0) {
    await admin.close()
    return { spec, build: `Reused database ${database} (built earlier by this script).` }
  }
  await admin.exec(`DROP DATABASE IF EXISTS \`${database}\``)
  await admin.exec(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await admin.close()
  return { spec, build: await build(spec) }
}

async function build(spec: SourceSpec): Promise<string> {
  const t0 = performance.now()
  await clinicLab.generate(spec, { patients, encounters, seed }, ctx)
  const t1 = performance.now()
  await clinicLab.buildStar(spec, ctx)
  if (spec.kind === 'mysql') buildNotes.push(BUILD_NOTE_MARIADB)
  const t2 = performance.now()
  const line = `${buildNotes.join(' ')}${buildNotes.length ? ' ' : ''}Generated ${patients} patients and ${encounters} encounters (seed ${seed}) in ${((t1 - t0) / 1000).toFixed(1)} s; full ETL to the star in ${((t2 - t1) / 1000).toFixed(1)} s.`
  console.log(line)
  return line
}

const buildNotes: string[] = []

/** One run of each query through the sqlite3 shell, as an outside reference for the runner's timer. */
function sqliteShellBaseline(path: string, result: BenchmarkResult): string[] {
  if (!existsSync('/usr/bin/sqlite3')) return []
  const lines = ['## Baseline: the sqlite3 shell', '', 'Each query run once more by `/usr/bin/sqlite3` (`.timer on`, output discarded) after the runner finished, to show the runner adds little of its own.', '', '| Question | Form | sqlite3 shell (real) | runner median |', '| --- | --- | ---: | ---: |']
  for (const p of result.pairs) {
    for (const f of [p.a, p.b]) {
      try {
        const out = execFileSync('/usr/bin/sqlite3', ['-readonly', path], { input: `.output /dev/null\n.timer on\n${f.sql.trim().replace(/;?\s*$/, ';')}\n`, encoding: 'utf8', maxBuffer: 1 << 28 })
        const m = /Run Time: real ([\d.]+)/.exec(out)
        lines.push(`| ${p.title} | ${f.label} | ${m ? formatMs(Number(m[1]) * 1000) : '?'} | ${formatMs(f.summary.medianMs)} |`)
      } catch (err) {
        lines.push(`| ${p.title} | ${f.label} | failed: ${(err as Error).message.split('\n')[0]} | ${formatMs(f.summary.medianMs)} |`)
      }
    }
  }
  lines.push('')
  return lines
}

const { spec, build: buildLine } = await prepare()
const pairs = clinicLab.pairs(engine === 'sqlite' ? 'sqlite' : 'mysql')
const result = await benchmarkJob({ spec: spec.kind === 'sqlite' ? { ...spec, writable: false } : spec, pairs, runs, warmups, cold: values.cold, seed }, ctx)
for (const p of result.pairs) {
  console.log(
    `${p.title}: ${p.a.label} ${formatMs(p.a.summary.medianMs)}, ${p.b.label} ${formatMs(p.b.summary.medianMs)} → ${formatRatio(p.speedup.ratio)} [${formatRatio(p.speedup.low)}, ${formatRatio(p.speedup.high)}] ${verdict(p)}`,
  )
}
const title = `${result.engine.version}: ${encounters.toLocaleString('en-US')} encounters, ${patients.toLocaleString('en-US')} patients${values.cold ? ', cold' : ''}`
const body = benchmarkReport(result, { title }).split('\n')
const baseline = spec.kind === 'sqlite' ? sqliteShellBaseline(spec.path, result) : []
// The build line and baseline go right after the results table.
const at = body.findIndex((l) => l.startsWith('## Machine'))
body.splice(at, 0, `How the data was made: \`npx tsx bench/runner-reports.ts ${process.argv.slice(2).join(' ')}\`. ${buildLine}`, '', ...baseline)
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, `${name}.md`), body.join('\n'))
writeFileSync(join(outDir, `${name}.csv`), timingsCsv(result))
writeFileSync(join(outDir, `${name}.json`), JSON.stringify(result, null, 1))
console.log(`wrote docs/reports/${name}.md, .csv, .json`)
