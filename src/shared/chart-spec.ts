import { z } from 'zod'

/**
 * A chart request shared by the UI and the analysis engine. Columns are names
 * (checked against the target's columns and quoted by the driver); filters are
 * structured and every value travels as a bound parameter, so the UI never
 * sends SQL except the read-only SELECT of a `{ sql }` target.
 */

/** What to analyse: a table/view by name, or one read-only SELECT (a console result, a consolidation's SQL). */
export const analysisTargetSchema = z.union([
  z.object({ table: z.string().min(1) }).strict(),
  z.object({ sql: z.string().min(1).max(200_000) }).strict(),
])
export type AnalysisTarget = z.infer<typeof analysisTargetSchema>

const column = z.string().min(1).max(256)
const scalar = z.union([z.string().max(10_000), z.number(), z.boolean()])

export const chartFilterSchema = z.union([
  z.object({ column, op: z.enum(['=', '!=', '<', '<=', '>', '>=']), value: scalar }).strict(),
  z.object({ column, op: z.enum(['in', 'notIn']), values: z.array(scalar).min(1).max(1000) }).strict(),
  z.object({ column, op: z.enum(['isNull', 'notNull']) }).strict(),
  z.object({ column, op: z.literal('between'), from: scalar, to: scalar }).strict(),
  z.object({ column, op: z.literal('contains'), value: z.string().max(10_000) }).strict(),
  /**
   * A typed condition such as `Age >= 40 AND Gender = 'F'`: column names, literals,
   * comparison/logic/arithmetic operators, IS NULL, IN, BETWEEN, LIKE and the functions
   * LOWER, UPPER, ABS, LENGTH, COALESCE, ROUND, TRIM. Checked and rebuilt by the engine
   * (literals become parameters); anything else is refused with the character position.
   */
  z.object({ op: z.literal('expr'), expr: z.string().min(1).max(2000) }).strict(),
])
export type ChartFilter = z.infer<typeof chartFilterSchema>

export const dateBuckets = ['day', 'week', 'month', 'quarter'] as const
export type DateBucket = (typeof dateBuckets)[number]

export const chartXSchema = z.discriminatedUnion('kind', [
  /** Dates bucketed; week starts on Monday (ISO); labels `2025-02-17`, `2025-02`, `2025-Q1`. */
  z.object({ kind: z.literal('date'), column, bucket: z.enum(dateBuckets), fillGaps: z.boolean().default(true) }).strict(),
  /** One bar per value; the `limit` most frequent, the rest folded into "(other)" where the aggregate allows. */
  z.object({ kind: z.literal('category'), column, limit: z.number().int().min(1).max(500).default(20), order: z.enum(['count', 'label']).default('count') }).strict(),
  /** Equal-width numeric bins between the column's min and max (integer-wide for integer columns). */
  z.object({ kind: z.literal('bins'), column, bins: z.number().int().min(1).max(200).default(20) }).strict(),
  /** Raw numeric values: scatter only. */
  z.object({ kind: z.literal('value'), column }).strict(),
])
export type ChartX = z.infer<typeof chartXSchema>

export const chartYSchema = z
  .object({ agg: z.enum(['count', 'sum', 'mean', 'median']).default('count'), column: column.optional() })
  .strict()
export type ChartY = z.infer<typeof chartYSchema>

export const chartTypes = ['bar', 'line', 'stackedBar', 'histogram', 'box', 'scatter'] as const
export type ChartType = (typeof chartTypes)[number]

export const chartSpecSchema = z
  .object({
    target: analysisTargetSchema,
    type: z.enum(chartTypes),
    x: chartXSchema,
    /** For `box`, the column summarised per x (agg is ignored); for `scatter`, the y values. */
    y: chartYSchema.default({ agg: 'count' }),
    series: z.object({ column, limit: z.number().int().min(1).max(50).default(8) }).strict().optional(),
    /** All must hold (AND). */
    filters: z.array(chartFilterSchema).max(50).default([]),
    /** Scatter only: at most this many points, drawn at random and labelled as a sample. */
    sampleRows: z.number().int().min(10).max(100_000).default(2000),
    title: z.string().max(300).optional(),
    /** Axis titles instead of the generated ones ("Visit date (month)", "Mean of Days to report"). */
    xLabel: z.string().max(200).optional(),
    yLabel: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.y.agg !== 'count' && !s.y.column) ctx.addIssue({ code: 'custom', path: ['y', 'column'], message: `${s.y.agg} needs a column` })
    if ((s.type === 'box' || s.type === 'scatter') && !s.y.column) {
      ctx.addIssue({ code: 'custom', path: ['y', 'column'], message: `a ${s.type} chart needs a y column` })
    }
    if ((s.type === 'scatter') !== (s.x.kind === 'value')) {
      ctx.addIssue({ code: 'custom', path: ['x', 'kind'], message: 'x kind "value" is for scatter charts, and scatter charts need it' })
    }
    if (s.type === 'histogram' && s.x.kind !== 'bins' && s.x.kind !== 'date') {
      ctx.addIssue({ code: 'custom', path: ['x', 'kind'], message: 'a histogram needs numeric bins or dates on x' })
    }
  })
export type ChartSpec = z.output<typeof chartSpecSchema>
export type ChartSpecInput = z.input<typeof chartSpecSchema>

/** A series for bar, line, stacked bar and histogram charts: one number (or null for no data) per label. */
export interface ChartDataset {
  label: string
  data: (number | null)[]
}

export interface FiveNumberSummary {
  min: number
  q1: number
  median: number
  q3: number
  max: number
  /** Values summarised. */
  n: number
}

export interface BoxDataset {
  label: string
  data: (FiveNumberSummary | null)[]
}

export interface ScatterDataset {
  label: string
  data: { x: number; y: number }[]
}

export type CsvValue = string | number | null

/**
 * Ready for Chart.js: `labels` + `datasets` for bar/line/stackedBar/histogram,
 * `labels` + `boxDatasets` for box plots (quartiles by linear interpolation),
 * `scatterDatasets` for scatter. `rows` is the same data flat, for CSV export.
 */
export interface ChartData {
  type: ChartType
  title: string
  xLabel: string
  yLabel: string
  /** Stack the datasets (stacked bar). */
  stacked: boolean
  labels: string[]
  datasets: ChartDataset[]
  boxDatasets?: BoxDataset[]
  scatterDatasets?: ScatterDataset[]
  /** Set when the chart shows a random sample (scatter): points drawn and rows that matched. */
  sample: { rows: number; of: number } | null
  rows: { columns: string[]; rows: CsvValue[][] }
  notes: string[]
}
