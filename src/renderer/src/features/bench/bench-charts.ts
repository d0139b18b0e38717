import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js'
import type { BenchmarkResult, SweepResult } from '../../../../shared/calls/bench'
import type { ThemeColors } from '../analysis/theme-colors'
import { withAlpha } from '../analysis/theme-colors'

/** Only what the benchmark charts draw (bars with whiskers, log-log lines). */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale, Title, Tooltip, Legend)

export { Chart }

/** Fills the canvas first, so an exported PNG has the theme's background instead of transparency. */
function backgroundPlugin(color: string): Plugin {
  return {
    id: 'benchBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart
      ctx.save()
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = color
      ctx.fillRect(0, 0, width, height)
      ctx.restore()
    },
  }
}

/**
 * Draws an error bar on each bar: a vertical line from the fastest run (min)
 * to the 95th percentile, with caps. ranges[dataset][bar] = [min, p95].
 */
function whiskerPlugin(ranges: [number, number][][], color: string): Plugin<'bar'> {
  return {
    id: 'benchWhiskers',
    afterDatasetsDraw(chart) {
      const y = chart.scales.y
      if (!y) return
      const { ctx } = chart
      ctx.save()
      ctx.strokeStyle = color
      ctx.lineWidth = 1.5
      ranges.forEach((set, di) => {
        const meta = chart.getDatasetMeta(di)
        if (meta.hidden) return
        meta.data.forEach((bar, i) => {
          const r = set[i]
          if (!r) return
          const x = bar.x
          const top = y.getPixelForValue(r[1])
          const bottom = y.getPixelForValue(r[0])
          const cap = 5
          ctx.beginPath()
          ctx.moveTo(x, top)
          ctx.lineTo(x, bottom)
          ctx.moveTo(x - cap, top)
          ctx.lineTo(x + cap, top)
          ctx.moveTo(x - cap, bottom)
          ctx.lineTo(x + cap, bottom)
          ctx.stroke()
        })
      })
      ctx.restore()
    },
  }
}

/** Splits a long question title into lines of about `width` characters for the category axis. */
export function wrapLabel(text: string, width = 22): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** Log axes label only 1, 2 and 5 times a power of ten, so the ticks do not crowd. */
function logTick(v: number | string, unit = ''): string {
  const n = Number(v)
  if (!(n > 0)) return ''
  const m = n / 10 ** Math.floor(Math.log10(n) + 1e-9)
  return Math.abs(m - Math.round(m)) < 1e-6 && [1, 2, 5].includes(Math.round(m)) ? `${n.toLocaleString()}${unit}` : ''
}

function axisTitle(text: string, colors: ThemeColors): { display: true; text: string; color: string; font: { size: number } } {
  return { display: true, text, color: colors.text, font: { size: 12 } }
}

export const MEDIANS_TITLE = 'Median time per question (whiskers: fastest run to p95)'

/** Bars of the median time of each form per question, with min–p95 whiskers. */
export function mediansChart(result: BenchmarkResult, colors: ThemeColors): ChartConfiguration<'bar', number[], string[]> {
  const labelA = result.pairs[0]?.a.label ?? 'A'
  const labelB = result.pairs[0]?.b.label ?? 'B'
  const forms = [
    { label: labelA, pick: (p: BenchmarkResult['pairs'][number]) => p.a, color: colors.palette[1] ?? '#d1495b' },
    { label: labelB, pick: (p: BenchmarkResult['pairs'][number]) => p.b, color: colors.palette[0] ?? '#1f6feb' },
  ]
  const ranges = forms.map((f) => result.pairs.map((p): [number, number] => [f.pick(p).summary.minMs, f.pick(p).summary.p95Ms]))
  return {
    type: 'bar',
    data: {
      labels: result.pairs.map((p) => wrapLabel(p.title)),
      datasets: forms.map((f) => ({
        label: result.pairs.every((p) => f.pick(p).label === f.label) ? f.label : f === forms[0] ? 'A' : 'B',
        data: result.pairs.map((p) => f.pick(p).summary.medianMs),
        backgroundColor: withAlpha(f.color, 0.75),
        borderColor: f.color,
        borderWidth: 1,
        maxBarThickness: 120,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: colors.text,
      plugins: {
        title: { display: true, text: MEDIANS_TITLE, color: colors.text, font: { size: 14, weight: 'bold' } },
        legend: { labels: { color: colors.text } },
        tooltip: {
          callbacks: {
            afterLabel: (item) => {
              const r = ranges[item.datasetIndex]?.[item.dataIndex]
              return r ? `min ${r[0].toFixed(2)} ms · p95 ${r[1].toFixed(2)} ms` : ''
            },
          },
        },
      },
      scales: {
        x: { ticks: { color: colors.text }, grid: { color: colors.grid }, title: axisTitle('Question', colors) },
        y: {
          beginAtZero: true,
          // Leave room for the highest whisker.
          suggestedMax: Math.max(0, ...ranges.flat().map((r) => r[1])) * 1.05,
          ticks: { color: colors.text },
          grid: { color: colors.grid },
          title: axisTitle('Time (ms, median of timed runs)', colors),
        },
      },
    },
    plugins: [backgroundPlugin(colors.background), whiskerPlugin(ranges, colors.text)],
  }
}

export const SWEEP_TITLE = 'Median time against data size (log-log)'

/** One line per question and form: median time at each size, both axes logarithmic. */
export function sweepChart(sweep: SweepResult, colors: ThemeColors): ChartConfiguration<'line', { x: number; y: number }[]> {
  const pairIds = [...new Set(sweep.series.map((s) => s.pairId))]
  const forms = [...new Set(sweep.series.map((s) => s.form))]
  return {
    type: 'line',
    data: {
      datasets: sweep.series.map((s) => {
        const color = colors.palette[pairIds.indexOf(s.pairId) % colors.palette.length] ?? colors.text
        return {
          label: `${s.title} · ${s.form}`,
          data: s.points.map((p) => ({ x: p.encounters, y: Math.max(p.medianMs, 0.001) })),
          borderColor: color,
          backgroundColor: color,
          // The second form (the star) dashed, so the two models of one question share a colour.
          borderDash: forms.indexOf(s.form) > 0 ? [6, 4] : [],
          pointStyle: forms.indexOf(s.form) > 0 ? 'rectRot' : 'circle',
          pointRadius: 4,
          tension: 0,
        }
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: colors.text,
      parsing: false,
      plugins: {
        title: { display: true, text: SWEEP_TITLE, color: colors.text, font: { size: 14, weight: 'bold' } },
        legend: { position: 'bottom', labels: { color: colors.text, usePointStyle: true, pointStyleWidth: 10, boxHeight: 7, padding: 14 } },
      },
      scales: {
        x: {
          type: 'logarithmic',
          ticks: { color: colors.text, autoSkip: false, callback: (v) => logTick(v) },
          // Grid lines only where a tick is labelled, so the log axis does not look like a comb.
          grid: { color: (c) => (logTick(c.tick.value) ? colors.grid : 'transparent') },
          title: axisTitle('Encounters (log scale)', colors),
        },
        y: {
          type: 'logarithmic',
          ticks: { color: colors.text, autoSkip: false, callback: (v) => logTick(v, ' ms') },
          // Grid lines only where a tick is labelled, so the log axis does not look like a comb.
          grid: { color: (c) => (logTick(c.tick.value) ? colors.grid : 'transparent') },
          title: axisTitle('Median time (ms, log scale)', colors),
        },
      },
    },
    plugins: [backgroundPlugin(colors.background)],
  }
}
