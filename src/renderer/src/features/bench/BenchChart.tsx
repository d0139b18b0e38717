import { useEffect, useRef, type ReactNode } from 'react'
import type { ChartConfiguration } from 'chart.js'
import { AppError } from '../../../../shared/errors'
import { downloadBlob } from '../../api/platform'
import { fileStem } from '../analysis/chart-export'
import { Chart } from './bench-charts'

/** A chart's canvas as a PNG (with its background, title and axis titles as drawn). */
export async function chartPng(chart: Chart | null, title: string): Promise<void> {
  if (!chart) throw new AppError('NOT_FOUND', `The chart “${title}” is not drawn yet`, {})
  chart.update('none')
  const blob = await new Promise<Blob | null>((resolve) => chart.canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new AppError('INTERNAL', `Could not encode “${title}” as PNG`, {})
  downloadBlob(blob, `${fileStem(title)}.png`)
}

/**
 * One Chart.js canvas, rebuilt when its configuration changes (new results,
 * theme switch). The instance goes to `chartRef` so the tab can export it.
 */
export function BenchChart({ config, label, height, chartRef }: { config: ChartConfiguration<'bar' | 'line', unknown[], unknown>; label: string; height: number; chartRef: { current: Chart | null } }): ReactNode {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const instance = new Chart(canvas.current, config as ChartConfiguration)
    chartRef.current = instance
    return () => {
      instance.destroy()
      if (chartRef.current === instance) chartRef.current = null
    }
  }, [config, chartRef])
  return (
    <div className="bench-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
