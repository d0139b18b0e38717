import { z } from 'zod'
import { defineCall } from '../contract'
import { sourceSpecSchema } from '../source-spec'

/* ---------- what a benchmark measures ---------- */

export interface QueryForm {
  /** e.g. "OLTP" or "star". */
  label: string
  sql: string
}

/** Two queries that must answer the same question; B's speedup is median(A) / median(B). */
export interface QueryPair {
  id: string
  title: string
  /** What the question means, in plain words (built-in questions carry the lab's definition). */
  definition?: string
  a: QueryForm
  b: QueryForm
  /** Compare rows in order; by default only when the SQL orders its output. */
  ordered?: boolean
  /** Largest difference accepted per column (by A's column name), e.g. a rounded sum of floats: {"allowed_amount": 0.011}. */
  tolerance?: Record<string, number>
}

export interface TimingSummary {
  n: number
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
  meanMs: number
}

export interface RatioInterval {
  /** median(A) / median(B): above 1 means B (the star) is faster. */
  ratio: number
  low: number
  high: number
  level: number
  resamples: number
  seed: number
}

export interface PlanStep {
  label: string
  /** Rows the step produced, measured (per loop where the engine reports loops). */
  rows?: number
  estimatedRows?: number
  /** Time in the step and below, in ms, where the engine measures it. */
  timeMs?: number
  loops?: number
  children: PlanStep[]
}

export interface QueryPlan {
  format: 'sqlite-eqp' | 'mariadb-analyze-json' | 'mysql-explain-analyze'
  /** True when the plan came from running the query (rows and times are real). */
  measured: boolean
  steps: PlanStep[]
  raw: string
}

export interface EngineInfo {
  flavor: 'sqlite' | 'mariadb' | 'mysql'
  version: string
}

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGiB: number
  os: string
  node: string
}

export interface BufferPoolState {
  poolSizeBytes: number
  pagesData: number
  pagesTotal: number
  pagesFree: number
  readRequests: number
  diskReads: number
}

export interface FormResult {
  label: string
  sql: string
  /** Every timed run, in the order run, in ms (full fetch of all rows). */
  timingsMs: number[]
  summary: TimingSummary
  plan: QueryPlan | null
}

export interface PairResult {
  id: string
  title: string
  definition?: string
  /** Rows both forms returned (they were compared and found equal). */
  resultRows: number
  comparedInOrder: boolean
  a: FormResult
  b: FormResult
  speedup: RatioInterval
}

export interface BenchmarkSettings {
  runs: number
  warmups: number
  cold: boolean
  /** How A and B alternate: ABBA… so neither always runs first. */
  order: 'alternating'
  resamples: number
  level: number
  seed: number
}

export interface BenchmarkResult {
  startedAt: string
  finishedAt: string
  source: { kind: 'sqlite' | 'mysql'; name: string }
  engine: EngineInfo
  machine: MachineInfo
  settings: BenchmarkSettings
  /** Exact rows per table at the time of the run. */
  tableRows: Record<string, number>
  /** MariaDB/MySQL only: the buffer pool before and after the timed runs. */
  bufferPool: { before: BufferPoolState; after: BufferPoolState } | null
  /** What "cold" meant on this engine, in one sentence. */
  cacheNote: string
  /** Engine settings that bear on the timings (SQLite page and cache sizes; MariaDB buffer pool, version). */
  engineSettings: Record<string, string | number>
  /** The machine's 1/5/15-minute load averages before and after the runs: other work on the machine shows here. */
  load: { before: number[]; after: number[] }
  pairs: PairResult[]
}

export interface SweepPoint {
  encounters: number
  patients: number
  result: BenchmarkResult
}

/** One series of the log-log chart: a question's median time for one form at each size. */
export interface SweepSeries {
  pairId: string
  title: string
  form: string
  points: { encounters: number; medianMs: number; p95Ms: number }[]
}

export interface SweepResult {
  engine: EngineInfo
  sizes: number[]
  points: SweepPoint[]
  series: SweepSeries[]
}

/* ---------- calls ---------- */

const sourceId = z.string().min(1)
const queryForm = z.object({ label: z.string().min(1).max(40), sql: z.string().min(1) }).strict()
export const queryPairSchema = z
  .object({ id: z.string().min(1), title: z.string().min(1), definition: z.string().optional(), a: queryForm, b: queryForm, ordered: z.boolean().optional(), tolerance: z.record(z.string(), z.number().nonnegative()).optional() })
  .strict()

const runSettings = {
  runs: z.number().int().min(1).max(1000).default(10),
  warmups: z.number().int().min(0).max(100).default(2),
  cold: z.boolean().default(false),
}

/** The encounter counts the sweep generates by default. */
export const DEFAULT_SWEEP_SIZES = [10_000, 50_000, 200_000, 1_000_000]

export const benchCalls = {
  /** The built-in question pairs (OLTP vs star) for this source's dialect; empty when it has no lab tables. */
  'bench.questions': defineCall<QueryPair[]>()(z.object({ sourceId }).strict()),
  /**
   * Starts a `benchmark` job. `pairs` holds built-in question ids (strings) or
   * custom pairs; omitted means all built-in questions. The job's result is a
   * BenchmarkResult; a pair whose forms answer differently fails the job with MISMATCH.
   */
  'bench.run': defineCall<{ jobId: string }>()(
    z.object({ sourceId, pairs: z.array(z.union([z.string().min(1), queryPairSchema])).min(1).optional(), ...runSettings }).strict(),
  ),
  /** Starts a `benchmarkSweep` job: generate the lab at each size, build the star, benchmark. Result: SweepResult. */
  'bench.sweep': defineCall<{ jobId: string }>()(
    z
      .object({
        engine: z.enum(['sqlite', 'mysql']).default('sqlite'),
        /** For MySQL: the server to create scratch databases on (database name is ignored). */
        server: sourceSpecSchema.optional(),
        sizes: z.array(z.number().int().min(100).max(10_000_000)).min(1).max(8).default(DEFAULT_SWEEP_SIZES),
        /** Patients per encounter; the seeds use 10k patients for 50k encounters. */
        patientsPerEncounter: z.number().positive().max(1).default(0.2),
        seed: z.number().int().default(42),
        ...runSettings,
        runs: z.number().int().min(1).max(1000).default(5),
        warmups: z.number().int().min(0).max(100).default(1),
      })
      .strict(),
  ),
  /** The Markdown report of a benchmark or sweep result. */
  'bench.report': defineCall<{ markdown: string }>()(z.object({ result: z.unknown() }).strict()),
  /** The raw timings as CSV (one row per timed run). */
  'bench.resultsCsv': defineCall<{ csv: string }>()(z.object({ result: z.unknown() }).strict()),
}
