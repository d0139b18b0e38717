import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { ChartConfiguration } from 'chart.js'
import type { ChartData } from '../../../../shared/chart-spec'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Chart, backgroundPlugin } from './chart-setup'
import { chartConfig, type ConfigOptions } from './chart-config'
import { downloadChartCsv, downloadChartPng } from './chart-export'
import { useThemeColors } from './theme-colors'

export interface ChartViewProps extends ConfigOptions {
  data: ChartData
  /** CSS height of the drawing area in pixels. */
  height?: number
  /** Receives the Chart.js instance (null when destroyed) so the tab can export it from File > Export. */
  onChart?: (chart: Chart | null) => void
  /** A name for the chart's region and buttons; defaults to its title. */
  name?: string
}

/**
 * One chart drawn with Chart.js, with a toolbar to save it as PNG (the canvas
 * with its title and axis titles) or its data as CSV. Redrawn when the data or
 * the theme changes.
 */
export function ChartView({ data, height = 320, onChart, name, ...opts }: ChartViewProps): ReactNode {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart | null>(null)
  const colors = useThemeColors()
  const [error, setError] = useState<Error | null>(null)
  const onChartRef = useRef(onChart)
  onChartRef.current = onChart
  const optsKey = JSON.stringify(opts)
  const label = name ?? data.title

  useEffect(() => {
    if (!canvas.current) return
    const config = chartConfig(data, colors, JSON.parse(optsKey) as ConfigOptions)
    const instance: Chart = new Chart(canvas.current, { ...config, plugins: [backgroundPlugin] } as unknown as ChartConfiguration)
    chart.current = instance
    onChartRef.current?.(instance)
    return () => {
      onChartRef.current?.(null)
      instance.destroy()
      chart.current = null
    }
  }, [data, colors, optsKey])

  const empty = data.type === 'scatter' ? !(data.scatterDatasets ?? []).some((d) => d.data.length) : data.labels.length === 0
  return (
    <figure className="chart-view" role="figure" aria-label={label}>
      <div className="chart-toolbar" role="toolbar" aria-label={`${label} toolbar`}>
        <button type="button" className="small" aria-label={`Save ${label} as PNG`} onClick={() => void downloadChartPng(chart.current, data.title).catch((e: unknown) => setError(e as Error))}>
          PNG
        </button>
        <button type="button" className="small" aria-label={`Save ${label} data as CSV`} onClick={() => downloadChartCsv(data)}>
          CSV
        </button>
      </div>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="chart-canvas" style={{ height }}>
        <canvas ref={canvas} data-testid={`chart-canvas-${label}`} />
        {empty ? <p className="chart-empty muted">No data to draw.</p> : null}
      </div>
      {data.notes.length ? (
        <ul className="chart-notes muted small">
          {data.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </figure>
  )
}
