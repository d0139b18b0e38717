import type { ChartData } from '../../../../shared/chart-spec'
import type { ColumnProfile } from '../../../../shared/calls/profile'

/** A column's histogram (numbers, dates) or bar chart (categories) as ChartData, so it draws and exports like any chart. */
export function columnChart(col: ColumnProfile): ChartData | null {
  if (col.histogram && col.histogram.bins.length) {
    const bins = col.histogram.bins
    return {
      type: 'histogram',
      title: `${col.name} — histogram`,
      xLabel: col.histogram.unit === 'days' ? `${col.name} (date)` : col.name,
      yLabel: 'Rows',
      stacked: false,
      labels: bins.map((b) => (b.overflow ? `${b.overflow === 'low' ? '◀' : '▶'} ${b.label}` : b.label)),
      datasets: [{ label: 'Rows', data: bins.map((b) => b.count) }],
      sample: null,
      rows: { columns: ['from', 'to', 'label', 'count', 'outliers'], rows: bins.map((b) => [b.from, b.to, b.label, b.count, b.overflow ?? null]) },
      notes: [],
    }
  }
  if (col.bars && col.bars.length) {
    return {
      type: 'bar',
      title: `${col.name} — values`,
      xLabel: col.name,
      yLabel: 'Rows',
      stacked: false,
      labels: col.bars.map((b) => b.label),
      datasets: [{ label: 'Rows', data: col.bars.map((b) => b.count) }],
      sample: null,
      rows: { columns: ['value', 'count'], rows: col.bars.map((b) => [b.label, b.count]) },
      notes: [],
    }
  }
  return null
}

/** Outlier bins of a number histogram get the danger colour. */
export function outlierBarColors(col: ColumnProfile, danger: string): (string | null)[] | undefined {
  const bins = col.histogram?.bins
  if (!bins?.some((b) => b.overflow)) return undefined
  return bins.map((b) => (b.overflow ? danger : null))
}

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : num.format(n)
}
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`
}
