import type { Chart } from 'chart.js'
import type { ChartData } from '../../../../shared/chart-spec'
import { AppError } from '../../../../shared/errors'
import { downloadBlob } from '../../api/platform'
import { chartCsv } from './chart-csv'

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
