import type { Chart } from 'chart.js'
import type { ChartData, CsvValue } from '../../../../shared/chart-spec'
import { AppError } from '../../../../shared/errors'
import { downloadBlob } from '../../api/platform'

/** A file name from a chart title: "Visits per month" -> "visits-per-month". */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  )
}

function csvField(v: CsvValue): string {
  if (v === null) return ''
  const s = typeof v === 'number' ? String(v) : v
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The chart's data as CSV (RFC 4180, CRLF), built from the rows the engine returned. */
export function chartCsv(data: ChartData): string {
  const lines = [data.rows.columns.map(csvField).join(','), ...data.rows.rows.map((r) => r.map(csvField).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

export function downloadChartCsv(data: ChartData): void {
  downloadBlob(new Blob([chartCsv(data)], { type: 'text/csv;charset=utf-8' }), `${fileStem(data.title)}.csv`)
}

/**
 * The canvas as drawn (title, axis titles, legend, theme background), at the
 * chart's device pixel ratio.
 */
export async function downloadChartPng(chart: Chart | null | undefined, title: string): Promise<void> {
  if (!chart) throw new AppError('NOT_FOUND', `The chart “${title}” is not drawn yet`, {})
  chart.update('none')
  const blob = await new Promise<Blob | null>((resolve) => chart.canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new AppError('INTERNAL', `Could not encode “${title}” as PNG`, {})
  downloadBlob(blob, `${fileStem(title)}.png`)
}
