import { describe, expect, it } from 'vitest'
import type { ChartData } from '../../../../shared/chart-spec'
import { chartConfig } from './chart-config'
import { chartCsv } from './chart-csv'
import type { ThemeColors } from './theme-colors'

const colors: ThemeColors = { theme: 'light', background: '#ffffff', text: '#111111', muted: '#666666', grid: '#dddddd', danger: '#aa0000', palette: ['#1f6feb', '#d1495b'] }

function data(over: Partial<ChartData>): ChartData {
  return {
    type: 'bar',
    title: 'Age pyramid',
    xLabel: 'Age group',
    yLabel: 'Visits',
    stacked: false,
    labels: ['0-17', '18-29', '30-39'],
    datasets: [
      { label: 'Female', data: [1, 4, 2] },
      { label: 'Male', data: [3, null, 5] },
    ],
    sample: null,
    rows: { columns: ['Age group', 'Gender', 'Visits'], rows: [['0-17', 'Female', 1]] },
    notes: [],
    ...over,
  }
}

describe('chart configuration', () => {
  it('draws an age pyramid horizontally, oldest group on top, first gender to the left, on a symmetric axis', () => {
    const cfg = chartConfig(data({}), colors, { variant: 'pyramid' })
    expect(cfg.options?.indexAxis).toBe('y')
    expect(cfg.data.labels).toEqual(['30-39', '18-29', '0-17'])
    expect(cfg.data.datasets[0]?.data).toEqual([-2, -4, -1])
    expect(cfg.data.datasets[1]?.data).toEqual([5, null, 3])
    const x = cfg.options?.scales?.x as { suggestedMin?: number; suggestedMax?: number; title: { text: string } }
    expect([x.suggestedMin, x.suggestedMax]).toEqual([-5, 5])
    expect(x.title.text).toBe('Visits')
  })

  it('keeps the title and axis titles on the canvas, so a PNG carries them', () => {
    const cfg = chartConfig(data({ title: 'Visits per month', xLabel: 'Month' }), colors)
    const plugins = cfg.options?.plugins as { title: { text: string[] } }
    expect(plugins.title.text[0]).toBe('Visits per month')
    expect((cfg.options?.scales?.x as { title: { text: string } }).title.text).toBe('Month')
  })

  it('draws a box plot as whiskers, a box and a median per category', () => {
    const box = data({
      type: 'box',
      labels: ['USA'],
      datasets: [],
      boxDatasets: [{ label: 'Total', data: [{ min: 1, q1: 2, median: 4, q3: 8, max: 20, n: 91 }] }],
    })
    const sets = chartConfig(box, colors).data.datasets
    expect(sets.map((d) => d.data[0])).toEqual([[1, 20], [2, 8], 4])
  })
})

describe('chart CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves NULL empty', () => {
    const csv = chartCsv(data({ rows: { columns: ['name', 'n'], rows: [['a, "b"', 1], [null, 2.5], ['line\nbreak', null]] } }))
    expect(csv).toBe('name,n\r\n"a, ""b""",1\r\n,2.5\r\n"line\nbreak",\r\n')
  })
})

describe('histogram ticks', () => {
  it('show where each bin starts, numbers rounded, dates without seconds', () => {
    const cfg = chartConfig(data({ type: 'histogram', labels: ['0.99–1.90575', '2025-02-20 09:00:00 – 2025-02-21 10:00:00', '▶ > 19.305'] }), colors)
    const ticks = (cfg.options?.scales?.x as { ticks: { callback: (this: { getLabelForValue(v: number): string }, v: number) => string } }).ticks
    const labels = ['0.99–1.90575', '2025-02-20 09:00:00 – 2025-02-21 10:00:00', '▶ > 19.305']
    const scale = { getLabelForValue: (i: number) => labels[i] ?? '' }
    expect(labels.map((_, i) => ticks.callback.call(scale, i))).toEqual(['0.99', '2025-02-20 09:00', '▶ > 19.305'])
  })
})
