import { z } from 'zod'
import type { Cell } from '../cells'
import { analysisTargetSchema, chartSpecSchema, type AnalysisTarget, type ChartData } from '../chart-spec'
import { defineCall } from '../contract'

export { analysisTargetSchema, type AnalysisTarget }

export const sampleSchema = z.object({ rows: z.number().int().min(1).max(10_000_000) }).strict()

/** The kind a column's values show (not only its declared type). */
export type ValueKind = 'number' | 'datetime' | 'text' | 'boolean' | 'identifier' | 'binary' | 'empty'

export interface TopValue {
  value: Cell
  count: number
}

export interface HistogramBin {
  /** Inclusive lower edge: a number, or an ISO date/time for date columns. */
  from: number | string
  /** Exclusive upper edge, except the last bin which includes it. */
  to: number | string
  label: string
  count: number
  /**
   * Set on the two extra bins of a number histogram that hold Tukey outliers:
   * `low` covers [from, to) below the regular bins, `high` covers (from, to] above them.
   * The regular bins then span only the values inside the fences.
   */
  overflow?: 'low' | 'high'
}

export interface NumberStats {
  /** Values the statistics are computed over (numeric values only). */
  count: number
  min: number
  max: number
  sum: number
  mean: number
  median: number
  q1: number
  q3: number
  /** Sample standard deviation (divides by n − 1, like pandas); null for a single value. */
  stddev: number | null
}

export interface OutlierInfo {
  /** Tukey's fences: a value is an outlier below Q1 − 1.5·IQR or above Q3 + 1.5·IQR. */
  rule: 'tukey-1.5-iqr'
  lowerFence: number
  upperFence: number
  count: number
  /** Up to five of the most extreme outlying values at each end. */
  low: number[]
  high: number[]
}

export interface ColumnProfile {
  name: string
  declaredType: string
  kind: ValueKind
  /** SQLite storage classes of the non-null values; null on MySQL where the declared type decides. */
  storage: { integer: number; real: number; text: number; blob: number } | null
  rows: number
  nulls: number
  /** nulls / rows, 0..1 (0 for an empty table). */
  nullShare: number
  /** Distinct non-null values. */
  distinct: number
  min: Cell
  max: Cell
  number?: NumberStats
  datetime?: { min: string; max: string; spanDays: number }
  text?: { minLength: number; maxLength: number }
  /** The ten most frequent non-null values, most frequent first, ties by value. */
  topValues: TopValue[]
  /** Numbers and dates: bins computed in SQL. */
  histogram?: { bins: HistogramBin[]; binWidth: number; unit: 'value' | 'days' }
  /** Categories (text, boolean, identifier): the top values, then one "(other)" bar for the rest. */
  bars?: { label: string; count: number; other?: boolean }[]
  outliers?: OutlierInfo
  notes: string[]
}

export interface ProfileResult {
  target: AnalysisTarget
  sourceName: string
  /** Rows profiled (the sample's size when sampled). */
  rowCount: number
  /** Null unless the user asked for a sample; then every number describes the sample only. */
  sample: { rows: number; requested: number; method: 'random' } | null
  columns: ColumnProfile[]
  method: {
    stddev: 'sample (n-1)'
    quantiles: 'linear interpolation between closest ranks (type 7, numpy/pandas default)'
    outliers: 'Tukey fences: below Q1 - 1.5*IQR or above Q3 + 1.5*IQR'
    histogramBins: number
  }
  elapsedMs: number
}

/** Roles the clinic overview needs from a patient-visit table. */
export type OverviewRole = 'visitDate' | 'reportDate' | 'birthDate' | 'age' | 'gender' | 'patientId'

export interface RoleCandidate {
  column: string
  /** 0..1 */
  confidence: number
  reasons: string[]
}

export interface OverviewMapping {
  visitDate: string | null
  reportDate: string | null
  birthDate: string | null
  age: string | null
  gender: string | null
  patientId: string | null
}

export interface OverviewMappingResult {
  mapping: OverviewMapping
  /** Per role, the columns considered, best first. */
  candidates: Record<OverviewRole, RoleCandidate[]>
  /** Roles the UI should confirm with the user (low confidence, close runner-up, or missing). */
  unsure: OverviewRole[]
  columns: { name: string; declaredType: string }[]
}

export interface OverviewData {
  mapping: OverviewMapping
  visitsPerMonth: ChartData | null
  delayDistribution: ChartData | null
  delayByAgeGender: ChartData | null
  agePyramid: ChartData | null
  /** Why a chart is missing (a role not mapped), and other caveats. */
  notes: string[]
}

const sourceId = z.string().min(1)
const nullableColumn = z.string().min(1).nullable().default(null)

export const overviewMappingSchema = z
  .object({
    visitDate: nullableColumn,
    reportDate: nullableColumn,
    birthDate: nullableColumn,
    age: nullableColumn,
    gender: nullableColumn,
    patientId: nullableColumn,
  })
  .strict()

export const profileCalls = {
  /** Starts a `profile` job; progress per column arrives as job events, the result is a ProfileResult. */
  'profile.start': defineCall<{ jobId: string }>()(
    z
      .object({
        sourceId,
        target: analysisTargetSchema,
        sample: sampleSchema.optional(),
        /** Only these columns (default: all), e.g. to profile one column on demand. */
        columns: z.array(z.string().min(1)).min(1).max(2000).optional(),
      })
      .strict(),
  ),
  /** Data for one chart, computed in the database: labels + datasets for Chart.js, and rows for CSV. */
  'chart.data': defineCall<ChartData>()(z.object({ sourceId, spec: chartSpecSchema }).strict()),
  /** Guesses which columns hold visit date, report date, birth date/age, gender; says which it is unsure of. */
  'overview.map': defineCall<OverviewMappingResult>()(z.object({ sourceId, target: analysisTargetSchema }).strict()),
  /** The clinic overview's four charts for a confirmed mapping. */
  'overview.data': defineCall<OverviewData>()(
    z.object({ sourceId, target: analysisTargetSchema, mapping: overviewMappingSchema }).strict(),
  ),
}
