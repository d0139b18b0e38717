/**
 * Quantiles by linear interpolation between closest ranks (Hyndman & Fan
 * type 7, the default of numpy and pandas): h = (n − 1)·p, then
 * x[floor h] + (h − floor h)·(x[floor h + 1] − x[floor h]) over the sorted values.
 */
export interface RankPlan {
  p: number
  lo: number
  hi: number
  frac: number
}

export function rankPlan(count: number, p: number): RankPlan {
  const h = (count - 1) * p
  const lo = Math.floor(h)
  return { p, lo, hi: Math.min(lo + 1, count - 1), frac: h - lo }
}

/** The 0-based ranks whose values a set of quantiles needs. */
export function ranksNeeded(plans: RankPlan[]): number[] {
  return [...new Set(plans.flatMap((r) => [r.lo, r.hi]))].sort((a, b) => a - b)
}

export function interpolate(plan: RankPlan, valueAt: (rank: number) => number): number {
  const a = valueAt(plan.lo)
  if (plan.frac === 0 || plan.hi === plan.lo) return a
  const b = valueAt(plan.hi)
  return a + plan.frac * (b - a)
}

/**
 * Rows (value, startRank, endRank) from a cumulative count over the sorted
 * distinct values: value v covers ranks [start, end). Returns a lookup by rank.
 */
export function rankLookup(spans: { value: number; start: number; end: number }[]): (rank: number) => number {
  return (rank) => {
    const s = spans.find((x) => x.start <= rank && rank < x.end)
    if (!s) throw new Error(`No value at rank ${rank}`)
    return s.value
  }
}

export interface BinPlan {
  lo: number
  /** The largest value binned (the last bin ends here, included). */
  hi: number
  width: number
  count: number
  /** Whether every bin spans whole numbers (integer columns). */
  integer: boolean
}

/**
 * Equal-width bins from min to max. Integer data gets integer widths, so a bin
 * never splits a value's neighbours unevenly (ages 0–99 in 20 bins of 5).
 * The last bin includes max.
 */
export function binPlan(min: number, max: number, integer: boolean, wanted: number): BinPlan {
  if (integer) {
    const span = max - min + 1
    const width = Math.max(1, Math.ceil(span / wanted))
    return { lo: min, hi: max, width, count: Math.max(1, Math.ceil(span / width)), integer }
  }
  if (max === min) return { lo: min, hi: max, width: 1, count: 1, integer }
  return { lo: min, hi: max, width: (max - min) / wanted, count: wanted, integer }
}

/** Bin index of a value in JavaScript, the same rule the SQL uses. */
export function binIndex(plan: BinPlan, v: number): number {
  return Math.min(plan.count - 1, Math.floor((v - plan.lo) / plan.width))
}

export function binLabel(plan: BinPlan, i: number, fmt: (n: number) => string = formatNumber): string {
  const from = plan.lo + i * plan.width
  if (plan.integer) {
    const to = from + plan.width - 1
    return plan.width === 1 ? fmt(from) : `${fmt(from)}–${fmt(to)}`
  }
  const to = binEnd(plan, i)
  return to === from ? fmt(from) : `${fmt(from)}–${fmt(to)}`
}

/** Upper edge of bin i; the last bin of real data ends at the largest value. */
export function binEnd(plan: BinPlan, i: number): number {
  const to = plan.lo + (i + 1) * plan.width
  return !plan.integer && i === plan.count - 1 ? plan.hi : to
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n)
  const a = Math.abs(n)
  if (a !== 0 && (a >= 1e9 || a < 1e-4)) return n.toExponential(3)
  return String(Number(n.toPrecision(6)))
}
