import type { AnalysisTarget, ChartSpecInput, ChartType, DateBucket } from '../../../../shared/chart-spec'

/** The chart builder's form; turned into a ChartSpec for `chart.data`. */
export interface ChartForm {
  type: ChartType
  xKind: 'date' | 'category' | 'bins' | 'value'
  xColumn: string
  bucket: DateBucket
  bins: number
  agg: 'count' | 'sum' | 'mean' | 'median'
  yColumn: string
  series: string
  filter: string
  title: string
}

export const chartTypeLabels: Record<ChartType, string> = {
  bar: 'Bar',
  line: 'Line',
  stackedBar: 'Stacked bar',
  histogram: 'Histogram',
  box: 'Box plot',
  scatter: 'Scatter',
}

/** X kinds each chart type accepts (the engine refuses the others). */
export function xKindsFor(type: ChartType): ChartForm['xKind'][] {
  if (type === 'scatter') return ['value']
  if (type === 'histogram') return ['bins', 'date']
  return ['date', 'category', 'bins']
}

export const xKindLabels: Record<ChartForm['xKind'], string> = { date: 'Date, bucketed', category: 'Category', bins: 'Numeric bins', value: 'Numeric value' }

export function defaultForm(columns: { name: string; declaredType: string }[]): ChartForm {
  const date = columns.find((c) => /date|time/i.test(c.declaredType) || /date/i.test(c.name))
  return {
    type: 'bar',
    xKind: date ? 'date' : 'category',
    xColumn: (date ?? columns[0])?.name ?? '',
    bucket: 'month',
    bins: 20,
    agg: 'count',
    yColumn: '',
    series: '',
    filter: '',
    title: '',
  }
}

/** Keeps the form valid after a change of chart type. */
export function withType(f: ChartForm, type: ChartType): ChartForm {
  const kinds = xKindsFor(type)
  return { ...f, type, xKind: kinds.includes(f.xKind) ? f.xKind : (kinds[0] ?? 'category') }
}

export function specOf(f: ChartForm, target: AnalysisTarget): ChartSpecInput {
  const x =
    f.xKind === 'date'
      ? { kind: 'date' as const, column: f.xColumn, bucket: f.bucket, fillGaps: true }
      : f.xKind === 'bins'
        ? { kind: 'bins' as const, column: f.xColumn, bins: f.bins }
        : f.xKind === 'value'
          ? { kind: 'value' as const, column: f.xColumn }
          : { kind: 'category' as const, column: f.xColumn, limit: 20, order: 'count' as const }
  const needsColumn = f.type === 'box' || f.type === 'scatter' || f.agg !== 'count'
  const y = { agg: f.type === 'box' || f.type === 'scatter' ? ('count' as const) : f.agg, ...(needsColumn && f.yColumn ? { column: f.yColumn } : {}) }
  return {
    target,
    type: f.type,
    x,
    y,
    ...(f.series ? { series: { column: f.series, limit: 8 } } : {}),
    filters: f.filter.trim() ? [{ op: 'expr', expr: f.filter.trim() }] : [],
    ...(f.title.trim() ? { title: f.title.trim() } : {}),
  }
}
