import type { ColumnFilter } from '../../../shared/calls/browse'
import type { Driver, SqlValue } from '../db/driver'
import type { KeysetPager, Seek } from './keyset-pager'
import { ParamList, filterConditions, orderBy, whereClause } from './keyset-sql'

export interface RowJump {
  seek: Seek | null
  /** Whether the page starts exactly at the asked row. */
  exact: boolean
  /** The asked row is past the last one. */
  pastEnd: boolean
}

const NUMERIC_TYPE = /int|real|floa|doub|dec|num/i

async function firstValue(driver: Driver, sql: string, params: SqlValue[] = []): Promise<SqlValue | undefined> {
  const res = await driver.query(sql, params)
  return res.rows[0]?.[0]
}

/**
 * Turns "row N" into a seek. Positions cannot be read from a B-tree without
 * counting, so:
 * - Exact, and fast: unfiltered, unsorted, integer key that is dense (the caller's
 *   `total` equals max-min+1): row N is key min+N. Two index seeks.
 * - Approximate, and fast: the same with gaps in the key (interpolated between
 *   min and max key), or sorted by a numeric column (interpolated between its min
 *   and max, after the NULLs). The landing row is near N when values are spread
 *   evenly; the page reports `approximate: true` and no `firstRow`.
 * - Exact, slower: everything else (filters, text sort, no total) reads the N-th
 *   position with OFFSET over the sort+key columns only, which an index covers,
 *   so the scan touches index entries, not rows.
 */
export async function resolveRowJump(driver: Driver, pager: KeysetPager, row: number, total: number | undefined, filters: ColumnFilter[]): Promise<RowJump> {
  const plan = pager.plan
  if (row === 0) return { seek: null, exact: true, pastEnd: false }
  if (total !== undefined && row >= total && !filters.length) return { seek: null, exact: false, pastEnd: true }
  const q = plan.from
  if (!filters.length && total !== undefined && total > 0) {
    if (!plan.sortExpr && plan.integerKey) {
      const k = plan.keyExprs[0]!
      const min = await firstValue(driver, `SELECT ${k} FROM ${q} ORDER BY ${k} ASC LIMIT 1`)
      const max = await firstValue(driver, `SELECT ${k} FROM ${q} ORDER BY ${k} DESC LIMIT 1`)
      if (typeof min === 'number' && typeof max === 'number') {
        const span = max - min + 1
        const dense = span === total
        const step = dense ? row : Math.floor((row / total) * span)
        const target = plan.dir === 'asc' ? min + step : max - step
        return { seek: { values: [target], inclusive: true }, exact: dense, pastEnd: false }
      }
    }
    if (plan.sortExpr && plan.sortColumn && NUMERIC_TYPE.test(plan.sortColumn.type)) {
      const c = plan.sortExpr
      const nulls = plan.sortNullable ? Number(await firstValue(driver, `SELECT count(*) FROM ${q} WHERE ${c} IS NULL`)) : 0
      const nonNull = total - nulls
      const inNulls = plan.dir === 'asc' ? row < nulls : row >= nonNull
      if (!inNulls && nonNull > 0) {
        const min = await firstValue(driver, `SELECT ${c} FROM ${q} WHERE ${c} IS NOT NULL ORDER BY ${c} ASC LIMIT 1`)
        const max = await firstValue(driver, `SELECT ${c} FROM ${q} WHERE ${c} IS NOT NULL ORDER BY ${c} DESC LIMIT 1`)
        if (typeof min === 'number' && typeof max === 'number') {
          const f = (plan.dir === 'asc' ? row - nulls : row) / nonNull
          let v = plan.dir === 'asc' ? min + f * (max - min) : max - f * (max - min)
          if (/int/i.test(plan.sortColumn.type)) v = Math.round(v)
          return { seek: { values: [v], inclusive: true }, exact: false, pastEnd: false }
        }
      }
    }
  }
  // Exact: the N-th position over the narrow (index-covered) sort+key columns.
  const params = new ParamList(driver.dialect)
  const cols = [...(plan.sortExpr ? [plan.sortExpr] : []), ...plan.keyExprs]
  const conds = filterConditions(filters, driver.dialect.quoteId, params)
  const sql = `SELECT ${cols.join(', ')} FROM ${q}${whereClause(conds)} ORDER BY ${orderBy(cols, plan.dir)} LIMIT 1 OFFSET ${Math.trunc(row)}`
  const res = await driver.query(sql, params.values)
  const pos = res.rows[0]
  if (!pos) return { seek: null, exact: false, pastEnd: true }
  return { seek: { values: pos, inclusive: true }, exact: true, pastEnd: false }
}
