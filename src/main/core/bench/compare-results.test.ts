import { describe, expect, it } from 'vitest'
import type { QueryResult } from '../db/driver'
import { compareResults, ordersOutput } from './compare-results'

const res = (rows: QueryResult['rows'], cols = ['k', 'v']): QueryResult => ({ columns: cols.map((name) => ({ name })), rows })

describe('comparing two answers', () => {
  it('ignores row order unless asked, and tolerates float-sum noise only for non-integers', () => {
    const a = res([['x', 0.1 + 0.2], ['y', 3]])
    const b = res([['y', 3], ['x', 0.3]])
    expect(compareResults(a, b, { ordered: false }).equal).toBe(true)
    expect(compareResults(a, b, { ordered: true }).equal).toBe(false)
    expect(compareResults(res([['y', 3]]), res([['y', 4]]), { ordered: false }).equal).toBe(false)
    expect(compareResults(res([['y', 3.5]]), res([['y', 3.51]]), { ordered: false }).equal).toBe(false)
  })

  it('treats MySQL DECIMAL strings and bigints as the numbers they are', () => {
    expect(compareResults(res([['a', '12']]), res([['a', 12n]]), { ordered: false }).equal).toBe(true)
    expect(compareResults(res([['a', '12.50']]), res([['a', 12.5]]), { ordered: false }).equal).toBe(true)
  })

  it('lists the rows each side has that the other lacks', () => {
    const d = compareResults(res([['a', 1], ['b', 2], ['c', 3]]), res([['a', 1], ['b', 5], ['c', 3], ['d', 4]]), { ordered: false })
    expect(d.equal).toBe(false)
    expect(d.onlyInA).toEqual([['b', 2]])
    expect(d.onlyInB).toEqual([['b', 5], ['d', 4]])
    expect(d.reason).toBe('A returns 3 rows, B returns 4; 1 rows of A are not in B and 2 rows of B are not in A')
  })

  it('sees a top-level ORDER BY but not one inside a subquery or window', () => {
    expect(ordersOutput('SELECT a FROM t ORDER BY a')).toBe(true)
    expect(ordersOutput('SELECT a, row_number() OVER (ORDER BY a) FROM (SELECT a FROM t ORDER BY a LIMIT 3) s')).toBe(false)
    expect(ordersOutput("SELECT 'order by' FROM t -- order by x")).toBe(false)
  })
})

describe('per-column tolerance', () => {
  it('accepts a rounded float sum one cent off only in the column given', () => {
    const a: QueryResult = { columns: [{ name: 'm' }, { name: 'allowed_amount' }], rows: [['2024-01', 100.01]] }
    const b: QueryResult = { columns: [{ name: 'm' }, { name: 'allowed_amount' }], rows: [['2024-01', 100.02]] }
    expect(compareResults(a, b, { ordered: true }).equal).toBe(false)
    expect(compareResults(a, b, { ordered: true, tolerance: { allowed_amount: 0.011 } }).equal).toBe(true)
    expect(compareResults(a, b, { ordered: true, tolerance: { m: 0.011 } }).equal).toBe(false)
  })
})
