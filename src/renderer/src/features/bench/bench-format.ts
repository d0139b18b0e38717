import type { RatioInterval } from '../../../../shared/calls/bench'
import { AppError } from '../../../../shared/errors'

/** Formatting and parsing for the benchmark screen, kept apart from React so they can be tested. */

export function ms(n: number): string {
  return n >= 100 ? `${n.toFixed(0)} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`
}

/** A ratio with two decimals, or three when two would round it onto 1 and hide which side of 1 it is. */
export function ratio(x: number): string {
  const two = x.toFixed(2)
  return `${two === '1.00' && x !== 1 ? x.toFixed(3) : two}×`
}

/** Whether the interval rules out "no difference", in words. */
export function intervalVerdict(s: RatioInterval, labelB: string): { excludesOne: boolean; text: string } {
  if (s.low > 1) return { excludesOne: true, text: `yes: ${labelB} is faster` }
  if (s.high < 1) return { excludesOne: true, text: `yes: ${labelB} is slower` }
  return { excludesOne: false, text: 'no: the difference may be noise' }
}

/** "10k, 50000, 1M" -> [10000, 50000, 1000000]; throws naming the bad entry. */
export function parseSizes(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (!parts.length) throw new AppError('BAD_ARGUMENT', 'Give at least one size', { field: 'sizes' })
  if (parts.length > 8) throw new AppError('BAD_ARGUMENT', 'At most 8 sizes', { field: 'sizes' })
  return parts.map((p) => {
    const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(p.replace(/_/g, ''))
    const n = m ? Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1)) : NaN
    if (!Number.isInteger(n) || n < 100 || n > 10_000_000) throw new AppError('BAD_ARGUMENT', `"${p}" is not a size between 100 and 10,000,000 encounters (write 10000 or 10k, not 10,000)`, { field: 'sizes' })
    return n
  })
}
