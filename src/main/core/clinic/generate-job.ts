import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { withAtomicFile } from '../jobs/atomic-file'
import type { JobContext } from '../jobs/job-context'
import { hasTable, MysqlClinicConn, SqliteClinicConn, type ClinicConn } from './clinic-conn'
import { LabGenerator, type LabPlan, type LabProvider } from './lab-generator'
import { MysqlRowSink, SqliteRowSink } from './lab-sinks'
import { OLTP_TABLES, oltpCreateTables, oltpSqliteIndexes } from './oltp-ddl'
import { SPECIALTIES } from './reference-data'

export type LabTarget = { kind: 'sqlite'; path: string } | { kind: 'mysql'; spec: MysqlSpec }

export interface GenerateHealthcareArgs {
  target: LabTarget
  patients: number
  encounters: number
  seed: number
  /** Default: one provider per 60 patients, at least 2 per specialty. */
  providers?: number
  /** Share of inpatient stays followed by a readmission within 30 days (0..1, default 0.12). */
  readmissionRate?: number
  /** First day of the encounter window (YYYY-MM-DD, default 2023-01-01, or the day after the last encounter when appending). */
  startDate?: string
  /** Length of the window in days (default 730; 90 when appending). */
  days?: number
  /** Add to an existing lab database instead of creating a new one. */
  append?: boolean
}

export interface GenerateHealthcareResult {
  target: string
  rows: Record<string, number>
  seconds: number
}

/** Encounters per unit of work: progress and cancel are checked this often. */
const CHUNK = 5000

function describe(target: LabTarget): string {
  return target.kind === 'sqlite' ? target.path : `${target.spec.user}@${target.spec.host}:${target.spec.port}/${target.spec.database}`
}

function validate(args: GenerateHealthcareArgs): void {
  const bad = (field: string, message: string): never => {
    throw new AppError('BAD_ARGUMENT', message, { field })
  }
  if (!Number.isInteger(args.patients) || args.patients < (args.append ? 0 : 1)) bad('patients', 'patients must be a positive integer')
  if (!Number.isInteger(args.encounters) || args.encounters < 0) bad('encounters', 'encounters must be a non-negative integer')
  if (!Number.isInteger(args.seed)) bad('seed', 'seed must be an integer')
  if (args.readmissionRate !== undefined && !(args.readmissionRate >= 0 && args.readmissionRate <= 1)) bad('readmissionRate', 'readmissionRate must be between 0 and 1')
  if (args.startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.startDate)) bad('startDate', 'startDate must be YYYY-MM-DD')
  if (args.days !== undefined && (!Number.isInteger(args.days) || args.days < 1)) bad('days', 'days must be a positive integer')
}

interface Existing {
  base: LabPlan['base']
  providers: LabProvider[]
  lastDay: string | null
}

async function readExisting(conn: ClinicConn): Promise<Existing> {
  const max = async (table: string, col: string): Promise<number> => Number((await conn.all(`SELECT COALESCE(MAX(${col}), 0) AS m FROM ${table}`))[0]?.m ?? 0)
  const base = {
    patient: await max('patients', 'patient_id'),
    provider: await max('providers', 'provider_id'),
    encounter: await max('encounters', 'encounter_id'),
    encounterDiagnosis: await max('encounter_diagnoses', 'encounter_diagnosis_id'),
    encounterProcedure: await max('encounter_procedures', 'encounter_procedure_id'),
    billing: await max('billing', 'billing_id'),
  }
  const rows = await conn.all(
    `SELECT p.provider_id AS id, s.specialty_code AS code, p.department_id AS dep FROM providers p LEFT JOIN specialties s ON s.specialty_id = p.specialty_id ORDER BY p.provider_id`,
  )
  const providers = rows.map((r) => {
    const idx = SPECIALTIES.findIndex((s) => s.code === r.code)
    return { id: Number(r.id), specialty: idx < 0 ? 1 : idx, departmentId: Number(r.dep ?? 1) }
  })
  const last = (await conn.all(`SELECT MAX(encounter_date) AS d FROM encounters`))[0]?.d
  return { base, providers, lastDay: typeof last === 'string' ? last.slice(0, 10) : null }
}

function planFor(args: GenerateHealthcareArgs, existing: Existing | null): LabPlan {
  const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const defaultProviders = Math.max(SPECIALTIES.length * 2, Math.round(args.patients / 60))
  return {
    seed: args.seed,
    patients: args.patients,
    encounters: args.encounters,
    providers: args.providers ?? (existing ? 0 : defaultProviders),
    startDate: args.startDate ?? (existing?.lastDay ? nextDay(existing.lastDay) : '2023-01-01'),
    days: args.days ?? (existing ? 90 : 730),
    readmissionRate: args.readmissionRate ?? 0.12,
    withReference: !existing,
    base: existing?.base ?? { patient: 0, provider: 0, encounter: 0, encounterDiagnosis: 0, encounterProcedure: 0, billing: 0 },
    existingProviders: existing?.providers ?? [],
  }
}

/** Drives the generator chunk by chunk, reporting progress and honouring cancel between chunks. */
async function drive(gen: LabGenerator, plan: LabPlan, ctx: JobContext, afterChunk: () => Promise<void>): Promise<void> {
  const total = plan.patients + plan.encounters
  let done = 0
  ctx.progress({ phase: 'patients', done, total, unit: 'rows' })
  gen.writeReference()
  while (gen.remainingPatients > 0) {
    ctx.throwIfCancelled()
    done += gen.writePatients(CHUNK * 4)
    await afterChunk()
    ctx.progress({ phase: 'patients', done, total, unit: 'rows' })
  }
  while (gen.remainingEncounters > 0) {
    ctx.throwIfCancelled()
    done += gen.writeEncounters(CHUNK)
    await afterChunk()
    ctx.progress({ phase: 'encounters', done, total, unit: 'rows' })
  }
}

async function generateSqlite(path: string, args: GenerateHealthcareArgs, ctx: JobContext): Promise<Record<string, number>> {
  if (args.append) {
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `No lab database to append to: ${path}`, { file: path })
    const conn = SqliteClinicConn.open(path)
    try {
      const plan = planFor(args, await readExisting(conn))
      const sink = new SqliteRowSink(conn.db)
      // Rows are batched per table, so a child batch may be written before its parent's.
      conn.db.pragma('foreign_keys = OFF')
      // Changes to an existing database run in one transaction: a cancel leaves it as it was.
      conn.db.exec('BEGIN')
      try {
        await drive(new LabGenerator(plan, sink), plan, ctx, () => Promise.resolve())
        sink.flush()
        conn.db.exec('COMMIT')
      } catch (err) {
        conn.db.exec('ROLLBACK')
        throw err
      }
      return sink.counts
    } finally {
      await conn.close()
    }
  }
  mkdirSync(dirname(path), { recursive: true })
  return withAtomicFile(path, async (tmp) => {
    const conn = SqliteClinicConn.open(tmp, { create: true })
    try {
      // A fresh file renamed into place at the end: no journal is needed for safety.
      conn.db.pragma('journal_mode = OFF')
      conn.db.pragma('synchronous = OFF')
      conn.db.pragma('cache_size = -200000')
      // Index builds after the load are external sorts; a helper thread speeds them. (Their temp files stay
      // on disk: in memory they would grow with the lab, and memory must stay bounded at 5M encounters.)
      conn.db.pragma('threads = 2')
      // Rows are batched per table, so a child batch may be written before its parent's.
      conn.db.pragma('foreign_keys = OFF')
      for (const ddl of oltpCreateTables('sqlite')) conn.db.exec(ddl)
      const plan = planFor(args, null)
      const sink = new SqliteRowSink(conn.db)
      conn.db.exec('BEGIN')
      await drive(new LabGenerator(plan, sink), plan, ctx, () => Promise.resolve())
      sink.flush()
      conn.db.exec('COMMIT')
      ctx.progress({ phase: 'indexing', done: 0, total: null, unit: 'steps' })
      for (const ddl of oltpSqliteIndexes()) {
        ctx.throwIfCancelled()
        conn.db.exec(ddl)
      }
      conn.db.pragma('journal_mode = DELETE')
      return sink.counts
    } finally {
      await conn.close()
    }
  })
}

async function generateMysql(spec: MysqlSpec, args: GenerateHealthcareArgs, ctx: JobContext): Promise<Record<string, number>> {
  const conn = await MysqlClinicConn.open(spec)
  const created: string[] = []
  try {
    await conn.exec('SET FOREIGN_KEY_CHECKS = 0')
    let existing: Existing | null = null
    if (args.append) existing = await readExisting(conn)
    else {
      for (const t of OLTP_TABLES) {
        if (await hasTable(conn, t)) throw new AppError('BAD_ARGUMENT', `Table ${t} already exists in ${spec.database}; choose an empty database or append`, { field: 'target' })
      }
      for (const [i, ddl] of oltpCreateTables('mysql').entries()) {
        await conn.exec(ddl)
        created.push(OLTP_TABLES[i]!)
      }
    }
    const plan = planFor(args, existing)
    const sink = new MysqlRowSink(conn)
    await drive(new LabGenerator(plan, sink), plan, ctx, () => sink.drain())
    await sink.drain(true)
    return sink.counts
  } catch (err) {
    // New tables are dropped so a failed or cancelled run leaves the database as it was.
    for (const t of created.reverse()) await conn.exec(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined)
    throw err
  } finally {
    await conn.exec('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined)
    await conn.close()
  }
}

/** Job `generateHealthcare`: the lab's OLTP database, deterministic by seed, on SQLite or MySQL. */
export async function generateHealthcareJob(args: GenerateHealthcareArgs, ctx: JobContext): Promise<GenerateHealthcareResult> {
  validate(args)
  const t0 = performance.now()
  const rows = args.target.kind === 'sqlite' ? await generateSqlite(args.target.path, args, ctx) : await generateMysql(args.target.spec, args, ctx)
  const total = args.patients + args.encounters
  ctx.progress({ phase: 'done', done: total, total, unit: 'rows' })
  return { target: describe(args.target), rows, seconds: (performance.now() - t0) / 1000 }
}
