import { describe, expect, it } from 'vitest'
import type { BenchmarkResult, PairResult } from '../../../../shared/calls/bench'
import type { ThemeColors } from '../analysis/theme-colors'
import { mediansChart, sweepChart, wrapLabel } from './bench-charts'
import { intervalVerdict, parseSizes, ratio } from './bench-format'

const colors: ThemeColors = { theme: 'light', background: '#ffffff', text: '#111111', muted: '#666666', grid: '#dddddd', danger: '#aa0000', palette: ['#1f6feb', '#d1495b'] }

function form(label: string, median: number, p95: number, min: number): PairResult['a'] {
  return { label, sql: 'SELECT 1', timingsMs: [min, median, p95], summary: { n: 3, medianMs: median, p95Ms: p95, minMs: min, maxMs: p95, meanMs: median }, plan: null }
}

const result = {
  pairs: [
    { id: 'q1', title: 'Encounters and unique patients by month', resultRows: 10, comparedInOrder: true, a: form('OLTP', 8, 12, 7), b: form('star', 2, 3, 1.5), speedup: { ratio: 4, low: 3, high: 5, level: 0.95, resamples: 2000, seed: 1 } },
    { id: 'q2', title: 'Readmissions', resultRows: 3, comparedInOrder: false, a: form('OLTP', 5, 40, 4), b: form('star', 6, 7, 5), speedup: { ratio: 0.83, low: 0.5, high: 1.2, level: 0.95, resamples: 2000, seed: 1 } },
  ],
} as unknown as BenchmarkResult

describe('benchmark screen helpers', () => {
  it('reads sweep sizes with k/M suffixes and names a bad entry', () => {
    expect(parseSizes('10k, 50000 200k,1M')).toEqual([10_000, 50_000, 200_000, 1_000_000])
    expect(() => parseSizes('500, 10,000')).toThrow(/"10" is not a size/)
    expect(() => parseSizes('')).toThrow(/at least one/)
    expect(() => parseSizes('1 2 3 4 5 6 7 8 9'.split(' ').map((n) => `${n}k`).join(','))).toThrow(/At most 8/)
  })

  it('says whether the interval excludes 1, and never prints 1.00 for a bound that is not 1', () => {
    expect(intervalVerdict({ ratio: 4, low: 3, high: 5, level: 0.95, resamples: 1, seed: 1 }, 'star')).toEqual({ excludesOne: true, text: 'yes: star is faster' })
    expect(intervalVerdict({ ratio: 0.5, low: 0.4, high: 0.9, level: 0.95, resamples: 1, seed: 1 }, 'star').text).toBe('yes: star is slower')
    expect(intervalVerdict({ ratio: 1.1, low: 0.9, high: 1.3, level: 0.95, resamples: 1, seed: 1 }, 'star').excludesOne).toBe(false)
    expect(ratio(1.0012)).toBe('1.001×')
    expect(ratio(1)).toBe('1.00×')
    expect(ratio(13.546)).toBe('13.55×')
  })

  it('draws each form’s medians as bars, with room above the highest p95 whisker', () => {
    const c = mediansChart(result, colors)
    expect(c.data.datasets.map((d) => d.label)).toEqual(['OLTP', 'star'])
    expect(c.data.datasets.map((d) => d.data)).toEqual([
      [8, 5],
      [2, 6],
    ])
    expect(c.options?.scales?.y?.suggestedMax).toBeGreaterThanOrEqual(40)
    expect(c.options?.plugins?.title?.text).toMatch(/Median time/)
    expect(c.plugins?.map((p) => p.id)).toEqual(['benchBackground', 'benchWhiskers'])
    expect(wrapLabel('Encounters and unique patients by month', 22)).toEqual(['Encounters and unique', 'patients by month'])
  })

  it('plots the sweep on log axes, one line per question and form', () => {
    const c = sweepChart(
      {
        engine: { flavor: 'sqlite', version: 'SQLite 3.51.2' },
        sizes: [500, 1000],
        points: [],
        series: [
          { pairId: 'q1', title: 'Q1', form: 'OLTP', points: [{ encounters: 500, medianMs: 2, p95Ms: 3 }, { encounters: 1000, medianMs: 4, p95Ms: 5 }] },
          { pairId: 'q1', title: 'Q1', form: 'star', points: [{ encounters: 500, medianMs: 0, p95Ms: 1 }, { encounters: 1000, medianMs: 1, p95Ms: 1 }] },
        ],
      },
      colors,
    )
    expect(c.options?.scales?.x?.type).toBe('logarithmic')
    expect(c.options?.scales?.y?.type).toBe('logarithmic')
    expect(c.data.datasets.map((d) => d.label)).toEqual(['Q1 · OLTP', 'Q1 · star'])
    // A zero median cannot sit on a log axis: it is drawn at 1 µs instead of vanishing.
    expect(c.data.datasets[1]?.data[0]).toEqual({ x: 500, y: 0.001 })
    expect(c.data.datasets[1]?.borderDash).toEqual([6, 4])
  })
})
