import type { ChartConfiguration, ChartDataset as CjsDataset, TooltipItem } from 'chart.js'
import type { ChartData, FiveNumberSummary } from '../../../../shared/chart-spec'
import { withAlpha, type ThemeColors } from './theme-colors'

/** How ChartData is drawn: as given, as horizontal bars, or as an age pyramid (horizontal, first series to the left). */
export type ChartVariant = 'plain' | 'pyramid' | 'horizontal'

export interface ConfigOptions {
  variant?: ChartVariant
  /** Small multiples: smaller fonts, no legend. */
  compact?: boolean
  /** Bar colours per label index (outlier bins of a profile histogram). */
  barColors?: (string | null)[]
}

type AnyConfig = ChartConfiguration<'bar' | 'line' | 'scatter', unknown[], string>

/** The smallest pixel ratio charts are drawn at (and exported at). */
export const EXPORT_PIXEL_RATIO = 2

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

function titleText(data: ChartData): string[] {
  const lines = [data.title]
  if (data.sample) lines.push(`Random sample: ${data.sample.rows.toLocaleString('en-US')} of ${data.sample.of.toLocaleString('en-US')} rows`)
  return lines
}

function scaleTitle(text: string, c: ThemeColors, compact: boolean): { display: boolean; text: string; color: string; font: { size: number } } {
  return { display: text !== '', text, color: c.text, font: { size: compact ? 10 : 12 } }
}

/** Chart.js configuration for one chart, coloured for the current theme. */
export function chartConfig(data: ChartData, c: ThemeColors, opts: ConfigOptions = {}): AnyConfig {
  const compact = opts.compact ?? false
  const variant = opts.variant ?? 'plain'
  const pyramid = variant === 'pyramid'
  const horizontal = pyramid || variant === 'horizontal'
  const color = (i: number): string => c.palette[i % c.palette.length] ?? c.text
  const tick = { color: c.muted, font: { size: compact ? 9 : 11 } }
  const grid = { color: withAlpha(c.grid.startsWith('#') ? c.grid : '#888888', 0.8) }
  let type: 'bar' | 'line' | 'scatter' = 'bar'
  let datasets: CjsDataset<'bar' | 'line' | 'scatter', unknown[]>[] = []
  let labels: string[] = data.labels

  if (data.type === 'scatter') {
    type = 'scatter'
    datasets = (data.scatterDatasets ?? []).map((d, i) => ({
      type: 'scatter' as const,
      label: d.label,
      data: d.data,
      backgroundColor: withAlpha(color(i), 0.6),
      borderColor: color(i),
      pointRadius: 3,
    }))
  } else if (data.type === 'box') {
    datasets = boxDatasets(data, color)
  } else if (pyramid) {
    // Oldest group on top; the first series (e.g. Female) drawn to the left as negative values.
    labels = [...data.labels].reverse()
    datasets = data.datasets.map((d, i) => ({
      type: 'bar' as const,
      label: d.label,
      data: [...d.data].reverse().map((v) => (v === null ? null : i === 0 ? -v : v)),
      backgroundColor: color(i),
      borderColor: color(i),
    }))
  } else {
    const line = data.type === 'line'
    type = line ? 'line' : 'bar'
    const histogram = data.type === 'histogram'
    // "(other)" folds the small series together: grey, so it does not read as one more country.
    const seriesColor = (label: string, i: number): string => (label === '(other)' ? c.muted : color(i))
    datasets = data.datasets.map((d, i) => ({
      type: line ? ('line' as const) : ('bar' as const),
      label: d.label,
      data: d.data,
      backgroundColor:
        opts.barColors && data.datasets.length === 1
          ? opts.barColors.map((bc) => bc ?? color(i))
          : line
            ? withAlpha(seriesColor(d.label, i), 0.2)
            : seriesColor(d.label, i),
      borderColor: seriesColor(d.label, i),
      borderWidth: line ? 2 : 0,
      pointRadius: line ? 2 : 0,
      spanGaps: false,
      ...(histogram ? { barPercentage: 1, categoryPercentage: 1, borderWidth: 1, borderColor: c.background } : {}),
    }))
  }

  // Counts get whole-number ticks (no "0.5 rows").
  const integers = data.datasets.every((d) => d.data.every((v) => v === null || Number.isInteger(v)))
  // A pyramid is symmetric around zero, so both sides read on one scale.
  const sideMax = pyramid ? pyramidExtent(data) : 0
  const stacked = data.stacked || data.type === 'stackedBar' || pyramid
  const xTitle = horizontal ? data.yLabel : data.xLabel
  const yTitle = horizontal ? data.xLabel : data.yLabel
  return {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      // At least 2× so an exported PNG stays sharp when printed or put on a slide.
      devicePixelRatio: Math.max(EXPORT_PIXEL_RATIO, typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1),
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      // Room on the right so the last bar or point is not drawn against the border.
      layout: { padding: { right: 12, left: 4 } },
      plugins: {
        title: { display: true, text: titleText(data), color: c.text, font: { size: compact ? 11 : 14, weight: 'bold' } },
        legend: { display: !compact && (datasets.length > 1 || pyramid), labels: { color: c.text, filter: (item) => !String(item.text).startsWith('\u200b') } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line' | 'scatter'>) => tooltipLabel(item, data, pyramid),
          },
        },
        // Read by backgroundPlugin.
        ...({ sonographBackground: { color: c.background } } as Record<string, unknown>),
      },
      scales: {
        x: {
          type: type === 'scatter' || horizontal ? 'linear' : 'category',
          stacked,
          ...(pyramid && sideMax > 0 ? { suggestedMin: -sideMax, suggestedMax: sideMax } : {}),
          title: scaleTitle(xTitle, c, compact),
          ticks: {
            ...tick,
            maxRotation: 45,
            autoSkip: true,
            ...(pyramid ? { callback: (v: string | number) => fmt.format(Math.abs(Number(v))) } : {}),
            ...(data.type === 'histogram' ? { callback: binStart } : {}),
            ...(horizontal && integers ? { precision: 0 } : {}),
          },
          grid,
        },
        y: {
          type: horizontal ? 'category' : 'linear',
          stacked,
          title: scaleTitle(yTitle, c, compact),
          ticks: { ...tick, autoSkip: true, ...(horizontal ? { callback: shortTick } : integers ? { precision: 0 } : {}) },
          grid,
          ...(type !== 'scatter' && !horizontal && data.type !== 'box' ? { beginAtZero: true } : {}),
        },
      },
    },
  } as AnyConfig
}

/**
 * Box plots without a plugin: a thin floating bar from min to max (the
 * whiskers), a wide floating bar from Q1 to Q3 (the box), and the median as a
 * line-shaped point. Helper datasets' labels start with a zero-width space so
 * the legend hides them.
 */
function boxDatasets(data: ChartData, color: (i: number) => string): CjsDataset<'bar' | 'line', unknown[]>[] {
  const out: CjsDataset<'bar' | 'line', unknown[]>[] = []
  ;(data.boxDatasets ?? []).forEach((d, i) => {
    const span = (f: (s: FiveNumberSummary) => [number, number]): ([number, number] | null)[] => d.data.map((s) => (s ? f(s) : null))
    out.push({ type: 'bar', label: `\u200b${d.label} whiskers`, data: span((s) => [s.min, s.max]), backgroundColor: color(i), barPercentage: 0.04, grouped: false, order: 3 })
    out.push({ type: 'bar', label: d.label, data: span((s) => [s.q1, s.q3]), backgroundColor: withAlpha(color(i), 0.55), borderColor: color(i), borderWidth: 1, barPercentage: 0.5, grouped: false, order: 2 })
    out.push({ type: 'line', label: `\u200b${d.label} median`, data: d.data.map((s) => (s ? s.median : null)), showLine: false, pointStyle: 'line', pointRadius: 14, pointBorderWidth: 3, borderColor: color(i), backgroundColor: color(i), order: 1 })
  })
  return out
}

function pyramidExtent(data: ChartData): number {
  let m = 0
  data.labels.forEach((_, i) => {
    const left = data.datasets[0]?.data[i] ?? 0
    const right = data.datasets.slice(1).reduce((s, d) => s + (d.data[i] ?? 0), 0)
    m = Math.max(m, left, right)
  })
  return m
}

/** A histogram bin's tick shows where it starts ("2025-02-20 09:00" of "2025-02-20 09:00:00 – 2025-02-21 …"); the tooltip keeps the whole range. */
function binStart(this: { getLabelForValue(v: number): string }, v: string | number): string {
  const label = this.getLabelForValue(Number(v))
  if (/^[◀▶]/.test(label)) return label
  // Ranges read "a – b" or "a–b"; a hyphen only splits when spaced, since numbers may be negative.
  const from = (label.split(/\s*–\s*|\s+-\s+/)[0] ?? '').trim()
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(from)) return fmt.format(Number(from))
  return from.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}):\d{2}(\.\d+)?$/, '$1 $2').replace(/ 00:00$/, '')
}

/** Category names on a horizontal axis, shortened so the plot keeps its width. */
function shortTick(this: { getLabelForValue(v: number): string }, v: string | number): string {
  const s = this.getLabelForValue(Number(v))
  return s.length > 18 ? `${s.slice(0, 17)}…` : s
}

function tooltipLabel(item: TooltipItem<'bar' | 'line' | 'scatter'>, data: ChartData, pyramid: boolean): string {
  const name = String(item.dataset.label ?? '').replace(/^\u200b/, '')
  if (data.type === 'box') {
    const series = (data.boxDatasets ?? []).find((d) => name.startsWith(d.label))
    const s = series?.data[item.dataIndex]
    return s ? `${series?.label}: min ${fmt.format(s.min)}, Q1 ${fmt.format(s.q1)}, median ${fmt.format(s.median)}, Q3 ${fmt.format(s.q3)}, max ${fmt.format(s.max)} (n ${s.n})` : name
  }
  const raw = item.raw
  if (data.type === 'scatter' && raw && typeof raw === 'object') {
    const p = raw as { x: number; y: number }
    return `${name}: (${fmt.format(p.x)}, ${fmt.format(p.y)})`
  }
  const v = typeof raw === 'number' ? raw : Number(item.formattedValue)
  return `${name}: ${fmt.format(pyramid ? Math.abs(v) : v)}`
}
