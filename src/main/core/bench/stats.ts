import type { RatioInterval, TimingSummary } from '../../../shared/calls/bench'

/**
 * Summary statistics for benchmark timings. Percentiles interpolate linearly
 * between order statistics (numpy's default, R's type 7), so a reader can
 * check every number by hand from the raw CSV.
 */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('No values')
  return [...values].sort((x, y) => x - y)
}

/** The q-quantile (0..1) of already sorted values, interpolating linearly. */
export function quantileSorted(s: readonly number[], q: number): number {
  if (s.length === 0) throw new RangeError('No values')
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = s[lo]!
  const b = s[hi]!
  return a + (b - a) * (pos - lo)
}

export function quantile(values: readonly number[], q: number): number {
  return quantileSorted(sorted(values), q)
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('No values')
  return values.reduce((s, v) => s + v, 0) / values.length
}

export function summarize(values: readonly number[]): TimingSummary {
  const s = sorted(values)
  return {
    n: s.length,
    medianMs: quantileSorted(s, 0.5),
    p95Ms: quantileSorted(s, 0.95),
    minMs: s[0]!,
    maxMs: s[s.length - 1]!,
    meanMs: mean(s),
  }
}

/** mulberry32: tiny, fast and good enough to resample; seeded so a report can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function resampleMedian(values: readonly number[], rand: () => number, scratch: number[]): number {
  const n = values.length
  for (let i = 0; i < n; i++) scratch[i] = values[Math.floor(rand() * n)]!
  scratch.sort((x, y) => x - y)
  return quantileSorted(scratch, 0.5)
}

/**
 * Percentile bootstrap interval for median(a) / median(b): both samples are
 * resampled with replacement independently, the ratio of medians taken each
 * time, and the interval read from the (1-level)/2 and (1+level)/2 quantiles
 * of those ratios.
 */
export function bootstrapRatioCI(
  a: readonly number[],
  b: readonly number[],
  opts: { resamples?: number; level?: number; seed?: number } = {},
): RatioInterval {
  const resamples = opts.resamples ?? 2000
  const level = opts.level ?? 0.95
  const seed = opts.seed ?? 1
  if (a.length === 0 || b.length === 0) throw new RangeError('No values')
  const rand = seededRandom(seed)
  const sa = new Array<number>(a.length)
  const sb = new Array<number>(b.length)
  const ratios = new Array<number>(resamples)
  for (let i = 0; i < resamples; i++) {
    ratios[i] = resampleMedian(a, rand, sa) / resampleMedian(b, rand, sb)
  }
  ratios.sort((x, y) => x - y)
  return {
    ratio: median(a) / median(b),
    low: quantileSorted(ratios, (1 - level) / 2),
    high: quantileSorted(ratios, (1 + level) / 2),
    level,
    resamples,
    seed,
  }
}
