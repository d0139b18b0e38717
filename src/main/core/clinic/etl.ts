import { AppError } from '../../../shared/errors'
import type { JobContext } from '../jobs/job-context'
import { hasColumn, hasTable, SqliteClinicConn, type ClinicConn } from './clinic-conn'
import { EtlPlan, lastWatermark, nowStamp, readNewWatermark, type EtlMode, type EtlStepTiming, type EtlSummary, type EtlWatermark } from './etl-plan'
import { ETL_STEPS } from './etl-steps'
import { OLTP_TABLES } from './oltp-ddl'
import { etlRunTable, STAR_TABLES, starCreateTables, starMysqlAfterFullLoad } from './star-ddl'

export interface RunEtlOptions {
  mode: EtlMode
  /** The run's clock (valid_from/valid_to of new versions); tests pin it. */
  now?: string
}

async function recordRun(conn: ClinicConn, r: { mode: EtlMode; startedAt: string; finishedAt: string; status: string; watermark: EtlWatermark | null; rows: Record<string, number>; message?: string }): Promise<number> {
  await conn.run(`INSERT INTO etl_run (mode, started_at, finished_at, status, watermark, rows_json, message) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    r.mode,
    r.startedAt,
    r.finishedAt,
    r.status,
    r.watermark ? JSON.stringify(r.watermark) : null,
    JSON.stringify(r.rows),
    r.message ?? null,
  ])
  return Number((await conn.all(`SELECT MAX(run_id) AS id FROM etl_run`))[0]?.id ?? 0)
}

async function rebuildStarTables(conn: ClinicConn): Promise<void> {
  for (const t of [...STAR_TABLES].reverse()) await conn.exec(`DROP TABLE IF EXISTS ${t}`)
  for (const ddl of starCreateTables(conn.dialect)) await conn.exec(ddl)
}

/**
 * Builds or refreshes the star schema next to the OLTP tables in the same
 * database. Full: drop and rebuild. Incremental: only rows past the last
 * successful run's watermark, type 2 versions for changed patients and
 * providers, late claims folded into facts already loaded, readmission flags
 * recomputed for the patients concerned. On SQLite the whole run is one
 * transaction; on MySQL the data changes are one transaction (a full load's
 * DDL comes before it). Every run, failed ones too, is recorded in etl_run.
 */
export async function runEtl(conn: ClinicConn, opts: RunEtlOptions, ctx: JobContext): Promise<EtlSummary> {
  for (const t of OLTP_TABLES) {
    if (!(await hasTable(conn, t))) throw new AppError('NOT_FOUND', `The source has no ${t} table; the ETL needs the lab's ten OLTP tables`, { field: t })
  }
  const startedAt = opts.now ?? nowStamp()
  const t0 = performance.now()
  await conn.exec(etlRunTable(conn.dialect))
  let from = opts.mode === 'incremental' ? await lastWatermark(conn) : null
  if (from) for (const t of STAR_TABLES) if (!(await hasTable(conn, t))) from = null
  const full = from === null
  const mode: EtlMode = full ? 'full' : 'incremental'
  const cdc = { patients: await hasColumn(conn, 'patients', 'last_update'), providers: await hasColumn(conn, 'providers', 'last_update') }
  const rows: Record<string, number> = {}
  const steps: EtlStepTiming[] = []
  const total = ETL_STEPS.length + 1
  ctx.progress({ phase: full ? 'preparing full load' : 'preparing incremental load', done: 0, total, unit: 'steps' })

  if (conn instanceof SqliteClinicConn) {
    conn.db.pragma('cache_size = -262144')
    // Staging tables and index sorts spill to temporary files, so memory stays bounded at any lab size.
    conn.db.pragma('temp_store = FILE')
    // Lets CREATE INDEX sort with helper threads.
    conn.db.pragma('threads = 2')
    // The ETL builds every key from the dimensions it just loaded; checking each declared foreign key
    // per inserted fact would only slow the load (and SQLite cannot change this inside a transaction).
    conn.db.pragma('foreign_keys = OFF')
  }
  // Every key comes from a dimension loaded earlier in the same run; per-row checks would only slow the load.
  if (conn.dialect === 'mysql') await conn.exec('SET FOREIGN_KEY_CHECKS = 0')
  if (full && conn.dialect === 'mysql') await rebuildStarTables(conn)
  await conn.exec(conn.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'START TRANSACTION')
  let to: EtlWatermark | null = null
  try {
    if (full && conn.dialect === 'sqlite') await rebuildStarTables(conn)
    to = await readNewWatermark(conn, cdc)
    const prevMaxKey = full ? 0 : Number((await conn.all(`SELECT COALESCE(MAX(encounter_key), 0) AS k FROM fact_encounters`))[0]?.k ?? 0)
    const plan = new EtlPlan(conn, full, from ?? { ...to, encounterId: 0, encounterDiagnosisId: 0, encounterProcedureId: 0, billingId: 0, patientUpdate: null, providerUpdate: null }, to, startedAt, cdc, prevMaxKey)
    for (const [i, [name, run]] of ETL_STEPS.entries()) {
      ctx.throwIfCancelled()
      ctx.progress({ phase: name, done: i + 1, total, unit: 'steps' })
      const s0 = performance.now()
      const n = await run(plan, rows)
      steps.push({ step: name, seconds: (performance.now() - s0) / 1000, rows: n })
    }
    ctx.throwIfCancelled()
    const finishedAt = nowStamp()
    const runId = await recordRun(conn, { mode, startedAt, finishedAt, status: 'success', watermark: to, rows })
    await conn.exec('COMMIT')
    if (full && conn.dialect === 'mysql') {
      // DDL ends a transaction in MySQL, so indexes and keys come after the data is committed.
      ctx.progress({ phase: 'indexes and keys', done: total - 1, total, unit: 'steps' })
      const s0 = performance.now()
      for (const ddl of starMysqlAfterFullLoad()) await conn.exec(ddl)
      steps.push({ step: 'indexes and keys', seconds: (performance.now() - s0) / 1000, rows: 0 })
    }
    ctx.progress({ phase: 'done', done: total, total, unit: 'steps' })
    return { runId, mode, fellBackToFull: full && opts.mode === 'incremental', startedAt, finishedAt, status: 'success', watermark: to, rows, steps, seconds: (performance.now() - t0) / 1000 }
  } catch (err) {
    await conn.exec('ROLLBACK').catch(() => undefined)
    const message = err instanceof Error ? err.message : String(err)
    const status = err instanceof AppError && err.code === 'CANCELLED' ? 'cancelled' : 'failed'
    await recordRun(conn, { mode, startedAt, finishedAt: nowStamp(), status, watermark: null, rows: {}, message }).catch(() => undefined)
    throw err
  } finally {
    if (conn.dialect === 'mysql') await conn.exec('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined)
  }
}
