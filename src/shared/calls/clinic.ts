import { z } from 'zod'
import { defineCall } from '../contract'
import { mysqlSpecSchema } from '../source-spec'

/** A result cell of a business question. */
export type ClinicCell = string | number | null

export interface ClinicQuestionInfo {
  id: string
  title: string
  /** Plain-language definition to show next to the results. */
  definition: string
  columns: string[]
  orderBy: string
  sql: { oltp: { sqlite: string; mysql: string }; star: { sqlite: string; mysql: string } }
}

export interface ClinicQuestionResult {
  questionId: string
  columns: string[]
  /** Rows of the OLTP form. */
  rows: ClinicCell[][]
  /** Rows of the star form (equal to `rows` when `equal`). */
  starRows: ClinicCell[][]
  /** Whether both forms returned the same rows (sorted; cents-level tolerance on decimal sums). */
  equal: boolean
  /** The first differences, in words, when not equal. */
  differences: string[]
  oltpMs: number
  starMs: number
}

export interface ClinicEtlRun {
  runId: number
  mode: string
  startedAt: string
  finishedAt: string | null
  status: string
  /** Rows inserted/updated/expired per star table, e.g. `fact_encounters.inserted`. */
  rows: Record<string, number>
  watermark: ClinicEtlWatermark | null
  message: string | null
}

/** Job results, delivered with the job's `finished` event. */
export interface ClinicGenerateJobResult {
  target: string
  rows: Record<string, number>
  seconds: number
}

/** How far the star has read the source: highest ids loaded and the change-capture timestamps. */
export interface ClinicEtlWatermark {
  encounterId: number
  encounterDiagnosisId: number
  encounterProcedureId: number
  billingId: number
  /** Highest patient and provider ids seen: rows above them are new whatever their last_update says. */
  patientId: number
  providerId: number
  patientUpdate: string | null
  providerUpdate: string | null
}

/** Result of an `etl` job (the job's `finished` event carries it). */
export interface ClinicEtlJobResult {
  runId: number
  mode: 'full' | 'incremental'
  /** True when an incremental load was asked for but no earlier run existed, so everything was loaded. */
  fellBackToFull: boolean
  startedAt: string
  finishedAt: string
  status: 'success'
  watermark: ClinicEtlWatermark
  rows: Record<string, number>
  steps: { step: string; seconds: number; rows: number }[]
  seconds: number
}

const sourceId = z.string().min(1)
const int = (min: number, max: number) => z.number().int().min(min).max(max)

export const clinicCalls = {
  /**
   * Starts a `generateHealthcare` job: the lab's ten OLTP tables filled with
   * realistic data, deterministic by seed. SQLite by default, written under
   * dataDir/labs/ unless `target.path` is given; `target.kind: 'mysql'` fills
   * an empty MySQL/MariaDB database. `target` in the result is the SQLite path
   * (open it with sources.openSqlite when the job is done) or user@host:port/db.
   */
  'clinic.generate': defineCall<{ jobId: string; target: string }>()(
    z
      .object({
        patients: int(0, 10_000_000),
        encounters: int(1, 50_000_000),
        seed: int(-2147483648, 4294967295).default(42),
        providers: int(1, 1_000_000).optional(),
        readmissionRate: z.number().min(0).max(1).optional(),
        startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        days: int(1, 36_500).optional(),
        /** Add to an existing lab (new ids after the existing ones; `target.path` names it) instead of creating one. */
        append: z.boolean().default(false),
        target: z
          .discriminatedUnion('kind', [
            z.object({ kind: z.literal('sqlite'), path: z.string().min(1).optional(), overwrite: z.boolean().default(false) }).strict(),
            z.object({ kind: z.literal('mysql'), spec: mysqlSpecSchema }).strict(),
          ])
          .default({ kind: 'sqlite', overwrite: false }),
      })
      .strict(),
  ),
  /** Starts an `etl` job on an open lab source: builds (full) or refreshes (incremental) the star schema in the same database. */
  'clinic.etl': defineCall<{ jobId: string }>()(z.object({ sourceId, mode: z.enum(['full', 'incremental']).default('incremental') }).strict()),
  /** The four business questions with their definitions and SQL. */
  'clinic.questions': defineCall<ClinicQuestionInfo[]>()(z.object({}).strict()),
  /** Runs one question in its OLTP and star forms on an open lab source (star built) and compares them. */
  'clinic.runQuestion': defineCall<ClinicQuestionResult>()(z.object({ sourceId, questionId: z.string().min(1) }).strict()),
  /** The ETL runs recorded in the source's etl_run table, newest first (empty before the first run). */
  'clinic.etlRuns': defineCall<ClinicEtlRun[]>()(z.object({ sourceId }).strict()),
}
