import { describe, expect, it } from 'vitest'
import { bootstrapRatioCI, median, quantile, seededRandom, summarize } from './stats'

describe('timing statistics', () => {
  // Ten fixed timings, deliberately unsorted. Sorted: 8 9 10 11 12 13 14 15 20 100.
  const timings = [12, 9, 100, 11, 8, 15, 13, 10, 20, 14]

  it('gives median, p95, min, max and mean that match a hand computation', () => {
    const s = summarize(timings)
    expect(s.n).toBe(10)
    // Median of 10 values: mean of the 5th and 6th sorted values, (12 + 13) / 2.
    expect(s.medianMs).toBe(12.5)
    // p95: position (10 - 1) * 0.95 = 8.55 between sorted[8] = 20 and sorted[9] = 100: 20 + 0.55 * 80 = 64.
    expect(s.p95Ms).toBeCloseTo(64, 10)
    expect(s.minMs).toBe(8)
    expect(s.maxMs).toBe(100)
    // Mean: 212 / 10.
    expect(s.meanMs).toBeCloseTo(21.2, 10)
  })

  it('takes the middle value of an odd count and interpolates quartiles', () => {
    expect(median([5, 1, 3])).toBe(3)
    // Position 4 * 0.25 = 1 exactly: the second sorted value.
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2)
    // Position 3 * 0.5 = 1.5 between 2 and 4.
    expect(quantile([1, 2, 4, 8], 0.5)).toBe(3)
  })

  it('refuses an empty sample instead of inventing a number', () => {
    expect(() => summarize([])).toThrow(RangeError)
  })
})

describe('bootstrap interval of the speedup ratio', () => {
  it('collapses to the ratio when neither sample varies', () => {
    const ci = bootstrapRatioCI([10, 10, 10, 10], [2, 2, 2], { seed: 7 })
    expect(ci.ratio).toBe(5)
    expect(ci.low).toBe(5)
    expect(ci.high).toBe(5)
    expect(ci.resamples).toBe(2000)
    expect(ci.level).toBe(0.95)
  })

  it('spans the ratios a resample can produce, computed by hand', () => {
    // a = [6] always resamples to 6. b = [1, 2] resamples to (1,1), (1,2), (2,1), (2,2):
    // medians 1, 1.5, 1.5, 2 with probabilities 1/4, 1/2, 1/4, so ratios 6, 4, 3.
    // With 2000 draws each extreme occurs ~500 times, so the 2.5% and 97.5% points are 3 and 6.
    const ci = bootstrapRatioCI([6], [1, 2], { seed: 42 })
    expect(ci.ratio).toBe(4)
    expect(ci.low).toBe(3)
    expect(ci.high).toBe(6)
  })

  it('is reproducible for a seed and excludes 1 for a clear speedup', () => {
    const a = [50, 52, 49, 51, 55, 48, 53, 50, 60, 51]
    const b = [5, 5.2, 4.9, 5.1, 5.5, 4.8, 5.3, 5, 6, 5.1]
    const one = bootstrapRatioCI(a, b, { seed: 3 })
    const two = bootstrapRatioCI(a, b, { seed: 3 })
    expect(two).toEqual(one)
    // Every value of a is exactly 10x its partner in b, so every resampled ratio is near 10.
    expect(one.ratio).toBeCloseTo(10, 10)
    expect(one.low).toBeGreaterThan(8)
    expect(one.high).toBeLessThan(12.5)
    expect(one.low).toBeLessThanOrEqual(one.ratio)
    expect(one.high).toBeGreaterThanOrEqual(one.ratio)
  })

  it('draws uniform numbers in [0, 1) from the seed', () => {
    const r = seededRandom(1)
    const xs = Array.from({ length: 1000 }, () => r())
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(seededRandom(1)()).toBe(xs[0])
  })
})
