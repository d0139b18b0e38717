/**
 * Healthcare lab: generate 1 million encounters into SQLite, build the star
 * schema (full ETL), then add 1% new data with everyday changes and run the
 * incremental ETL. Prints rows/s per step and the incremental load's time as a
 * share of the full load's. Baseline in the same run: the sqlite3 CLI copying
 * the same OLTP rows (CREATE TABLE ... AS SELECT), i.e. the engine's raw
 * insert speed on this machine.
 *
 * Targets: generation < 30 s, full ETL < 30 s, incremental < 5% of full.
 *
 *   npx tsx bench/clinic-bench.ts [--encounters 1000000] [--questions]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { SqliteClinicConn } from '../src/main/core/clinic/clinic-conn'
import { runQuestionBothForms } from '../src/main/core/clinic/compare-results'
import { runEtl } from '../src/main/core/clinic/etl'
import type { EtlSummary } from '../src/main/core/clinic/etl-plan'
import { generateHealthcareJob } from '../src/main/core/clinic/generate-job'
import { applyLabChanges } from '../src/main/core/clinic/lab-changes'
import { OLTP_TABLES } from '../src/main/core/clinic/oltp-ddl'
import { questions } from '../src/main/core/clinic/questions'
import { createJobContext } from '../src/main/core/jobs/job-context'

const { values } = parseArgs({ options: { encounters: { type: 'string', default: '1000000' }, questions: { type: 'boolean', default: false } } })
const ENCOUNTERS = Number(values.encounters)
const PATIENTS = Math.round(ENCOUNTERS / 5)
const dataDir = join(import.meta.dirname, '.data')
mkdirSync(dataDir, { recursive: true })
const path = join(dataDir, `clinic-${ENCOUNTERS}.sqlite`)
const ctx = createJobContext(() => undefined)
const fmt = (n: number): string => Math.round(n).toLocaleString('en')
/** CPU seconds of this process (SQLite helper threads included): on a shared, busy machine wall time alone misleads. */
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

function printEtl(title: string, r: EtlSummary): void {
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0)
  console.log(`\n${title}: ${r.seconds.toFixed(2)} s, ${fmt(rows)} star rows written (${fmt(rows / r.seconds)} rows/s)`)
  for (const s of r.steps) console.log(`  ${s.step.padEnd(22)} ${fmt(s.rows).padStart(11)} rows ${s.seconds.toFixed(2).padStart(7)} s ${fmt(s.seconds > 0 ? s.rows / s.seconds : 0).padStart(12)} rows/s`)
}

rmSync(path, { force: true })
console.log(`Healthcare lab benchmark: ${fmt(ENCOUNTERS)} encounters, ${fmt(PATIENTS)} patients, SQLite`)

let t0 = performance.now()
let c0 = cpu()
const gen = await generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: PATIENTS, encounters: ENCOUNTERS, seed: 42 }, ctx)
const genSeconds = (performance.now() - t0) / 1000
const genCpu = cpu() - c0
const genRows = Object.values(gen.rows).reduce((a, b) => a + b, 0)
console.log(`\nGeneration: ${genSeconds.toFixed(2)} s for ${fmt(genRows)} OLTP rows (${fmt(genRows / genSeconds)} rows/s, ${fmt(ENCOUNTERS / genSeconds)} encounters/s), indexes included`)
for (const [t, n] of Object.entries(gen.rows)) console.log(`  ${t.padEnd(22)} ${fmt(n).padStart(11)}`)

// Baseline: the sqlite3 CLI writing the same rows into a fresh file (no generation work at all).
const copyPath = join(dataDir, 'clinic-baseline-copy.sqlite')
rmSync(copyPath, { force: true })
if (existsSync('/usr/bin/sqlite3')) {
  const script = `PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; ATTACH '${path}' AS src; BEGIN; ${OLTP_TABLES.map((t) => `CREATE TABLE ${t} AS SELECT * FROM src.${t};`).join(' ')} COMMIT;`
  t0 = performance.now()
  const res = spawnSync('/usr/bin/sqlite3', [copyPath, script], { encoding: 'utf8' })
  const baseSeconds = (performance.now() - t0) / 1000
  if (res.status === 0) console.log(`Baseline (sqlite3 CLI copying the same rows, no indexes): ${baseSeconds.toFixed(2)} s (${fmt(genRows / baseSeconds)} rows/s); generation / baseline = ${(genSeconds / baseSeconds).toFixed(2)}x`)
  else console.log(`Baseline failed: ${res.stderr}`)
  rmSync(copyPath, { force: true })
}

const conn = SqliteClinicConn.open(path)
c0 = cpu()
const full = await runEtl(conn, { mode: 'full' }, ctx)
const fullCpu = cpu() - c0
printEtl('Full ETL', full)

// 1% new data: encounters and patients appended, plus everyday changes to what is already loaded.
const onePct = Math.round(ENCOUNTERS / 100)
await conn.close()
t0 = performance.now()
await generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: Math.round(PATIENTS / 100), encounters: onePct, seed: 43, append: true }, ctx)
const conn2 = SqliteClinicConn.open(path)
const changes = await applyLabChanges(conn2, {
  renamePatients: Math.round(PATIENTS / 1000),
  moveProviders: 10,
  lateClaims: Math.round(ENCOUNTERS / 1000),
  readmissions: Math.round(ENCOUNTERS / 10000),
})
console.log(
  `\nAdded ${fmt(onePct)} encounters (${((performance.now() - t0) / 1000).toFixed(2)} s), renamed ${changes.patients.length} patients, moved ${changes.providers.length} providers, ${changes.billingIds.length} late claims, ${changes.encounterIds.length} readmissions`,
)
c0 = cpu()
const incr = await runEtl(conn2, { mode: 'incremental' }, ctx)
const incrCpu = cpu() - c0
printEtl('Incremental ETL', incr)

console.log(`\nSummary (wall clock; CPU seconds of this process in brackets; load average now ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`)
console.log(`  generation       ${genSeconds.toFixed(2).padStart(7)} s [${genCpu.toFixed(1)}]   target < 30 s   ${genSeconds < 30 ? 'met' : 'MISSED'}`)
console.log(`  full ETL         ${full.seconds.toFixed(2).padStart(7)} s [${fullCpu.toFixed(1)}]   target < 30 s   ${full.seconds < 30 ? 'met' : 'MISSED'}`)
const share = incr.seconds / full.seconds
console.log(`  incremental ETL  ${incr.seconds.toFixed(2).padStart(7)} s [${incrCpu.toFixed(1)}]   = ${(share * 100).toFixed(2)}% of full (${((incrCpu / fullCpu) * 100).toFixed(2)}% in CPU)   target < 5%   ${share < 0.05 ? 'met' : 'MISSED'}`)

if (values.questions) {
  console.log('\nBusiness questions (OLTP form vs star form, one run each)')
  for (const q of questions) {
    const r = await runQuestionBothForms((sql) => conn2.table(sql), 'sqlite', q.id)
    console.log(`  ${q.id.padEnd(28)} OLTP ${r.oltp.ms.toFixed(0).padStart(6)} ms  star ${r.star.ms.toFixed(0).padStart(6)} ms  ${(r.oltp.ms / r.star.ms).toFixed(2)}x  equal=${r.equal}`)
  }
}
await conn2.close()
