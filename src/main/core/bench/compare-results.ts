import type { QueryResult } from '../db/driver'

/** A value as the comparison sees it: numbers for anything numeric, text otherwise. */
export type PlainValue = null | number | string

export interface ResultDiff {
  equal: boolean
  /** Whether rows were compared position by position (the query orders its output). */
  ordered: boolean
  rowsA: number
  rowsB: number
  columnsA: string[]
  columnsB: string[]
  /** Why the results differ, in one sentence; empty when equal. */
  reason: string
  /** Up to `limit` rows found only in A (or, when ordered, A's row at a differing position). */
  onlyInA: PlainValue[][]
  onlyInB: PlainValue[][]
  /** Differences beyond those listed. */
  moreDifferences: number
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const REL_TOL = 1e-9
const ABS_TOL = 1e-6

/**
 * Puts both engines' values on one footing: MySQL returns DECIMAL sums as
 * strings and dates as objects, SQLite returns numbers and text. A numeric
 * string becomes a number so `SUM(flag)` = "12" matches `COUNT(*)` = 12.
 */
export function plainValue(v: unknown): PlainValue {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()
  }
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'string') {
    if (NUMERIC.test(v) && v.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15) return Number(v)
    return v
  }
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace(/\.000Z$/, '').replace(/ 00:00:00$/, '')
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex')
  return JSON.stringify(v)
}

function typeRank(v: PlainValue): number {
  return v === null ? 0 : typeof v === 'number' ? 1 : 2
}

/** Integers must match exactly; a non-integer (a float sum) may differ by rounding noise. */
export function valuesEqual(a: PlainValue, b: PlainValue, tolerance = 0): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true
    if (tolerance > 0 && Math.abs(a - b) <= tolerance) return true
    if (Number.isInteger(a) && Number.isInteger(b)) return false
    return Math.abs(a - b) <= Math.max(ABS_TOL, REL_TOL * Math.max(Math.abs(a), Math.abs(b)))
  }
  return a === b
}

function compareValues(a: PlainValue, b: PlainValue, tolerance: number): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === 'number' && typeof b === 'number') return valuesEqual(a, b, tolerance) ? 0 : a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return 0
}

/** Per-column tolerances; zero where none was given. */
type Tolerances = readonly number[]

function compareRows(a: PlainValue[], b: PlainValue[], tol: Tolerances): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i]!, b[i]!, tol[i] ?? 0)
    if (c !== 0) return c
  }
  return a.length - b.length
}

function rowsEqual(a: PlainValue[], b: PlainValue[], tol: Tolerances): boolean {
  return a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]!, tol[i] ?? 0))
}

/**
 * Whether the statement orders its final output: an ORDER BY outside any
 * parentheses (a window's or subquery's ORDER BY does not count).
 */
export function ordersOutput(sql: string): boolean {
  const stripped = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '')
  let depth = 0
  let top = ''
  for (const ch of stripped) {
    if (ch === '(') depth++
    else if (ch === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0) top += ch
  }
  return /\border\s+by\b/i.test(top)
}

/** Compares two results; rows are a multiset unless `ordered`. */
export function compareResults(
  a: QueryResult,
  b: QueryResult,
  opts: { ordered: boolean; limit?: number; tolerance?: Record<string, number> },
): ResultDiff {
  const limit = opts.limit ?? 20
  const tol: Tolerances = a.columns.map((c) => opts.tolerance?.[c.name] ?? 0)
  const rowsA = a.rows.map((r) => r.map(plainValue))
  const rowsB = b.rows.map((r) => r.map(plainValue))
  const base = {
    ordered: opts.ordered,
    rowsA: rowsA.length,
    rowsB: rowsB.length,
    columnsA: a.columns.map((c) => c.name),
    columnsB: b.columns.map((c) => c.name),
  }
  if (a.columns.length !== b.columns.length) {
    return {
      ...base,
      equal: false,
      reason: `A returns ${a.columns.length} columns, B returns ${b.columns.length}`,
      onlyInA: rowsA.slice(0, limit),
      onlyInB: rowsB.slice(0, limit),
      moreDifferences: Math.max(0, rowsA.length - limit) + Math.max(0, rowsB.length - limit),
    }
  }
  const onlyInA: PlainValue[][] = []
  const onlyInB: PlainValue[][] = []
  let countA = 0
  let countB = 0
  const note = (x: PlainValue[] | undefined, y: PlainValue[] | undefined): void => {
    if (x) {
      countA++
      if (onlyInA.length < limit) onlyInA.push(x)
    }
    if (y) {
      countB++
      if (onlyInB.length < limit) onlyInB.push(y)
    }
  }
  let positions = 0
  if (opts.ordered) {
    const n = Math.max(rowsA.length, rowsB.length)
    for (let i = 0; i < n; i++) {
      const x = rowsA[i]
      const y = rowsB[i]
      if (!x || !y || !rowsEqual(x, y, tol)) {
        positions++
        note(x, y)
      }
    }
  } else {
    rowsA.sort((x, y) => compareRows(x, y, tol))
    rowsB.sort((x, y) => compareRows(x, y, tol))
    let i = 0
    let j = 0
    while (i < rowsA.length || j < rowsB.length) {
      const x = rowsA[i]
      const y = rowsB[j]
      if (x && y && rowsEqual(x, y, tol)) {
        i++
        j++
      } else if (x && (!y || compareRows(x, y, tol) < 0)) {
        note(x, undefined)
        i++
      } else {
        note(undefined, y)
        j++
      }
    }
  }
  const equal = countA === 0 && countB === 0
  let reason = ''
  if (!equal) {
    const counts = rowsA.length !== rowsB.length ? `A returns ${rowsA.length} rows, B returns ${rowsB.length}; ` : ''
    reason = opts.ordered
      ? `${counts}${positions} positions differ`
      : `${counts}${countA} rows of A are not in B and ${countB} rows of B are not in A`
  }
  return { ...base, equal, reason, onlyInA, onlyInB, moreDifferences: countA - onlyInA.length + (countB - onlyInB.length) }
}
