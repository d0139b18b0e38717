import type { BrowsePage } from '../../../shared/calls/browse'
import type { Cell } from '../../../shared/cells'
import { AppError } from '../../../shared/errors'
import type { Driver } from '../db/driver'
import type { PageRequest } from './keyset-pager'
import { ParamList, filterConditions, orderBy, whereClause } from './keyset-sql'
import type { TablePlan } from './table-plan'
import { toCell } from './wire-values'

/**
 * Paging for views and tables without a usable key (a view has no rowid and no
 * primary key to seek on). LIMIT/OFFSET costs grow with the offset, which is
 * acceptable for views (usually small or computed anyway) and is the only
 * order-stable option without a key. Sorting still applies; without a sort the
 * engine's natural order is used.
 */
export async function readOffsetPage(driver: Driver, plan: TablePlan, req: PageRequest, t0: number): Promise<BrowsePage> {
  const cursor = req.cursor
  if (cursor?.kind === 'key') throw new AppError('BAD_ARGUMENT', `${plan.table.name} has no key to seek on; use offset cursors`, { field: 'cursor' })
  const params = new ParamList(driver.dialect)
  const where = whereClause(filterConditions(req.filters, driver.dialect.quoteId, params))
  const order = plan.sortColumn ? ` ORDER BY ${orderBy([driver.dialect.quoteId(plan.sortColumn.name)], plan.dir)}` : ''
  const limit = req.limit
  let start: number
  let end: number | null = null
  if (cursor?.kind === 'row') start = cursor.row
  else if (cursor?.kind === 'offset') {
    if (req.direction === 'forward') start = cursor.offset
    else {
      start = Math.max(0, cursor.offset - limit)
      end = cursor.offset
    }
  } else if (req.direction === 'forward') start = 0
  else {
    const total = Number((await driver.query(`SELECT count(*) FROM ${plan.from}${where}`, params.values)).rows[0]?.[0] ?? 0)
    start = Math.max(0, total - limit)
    end = total
  }
  const want = end === null ? limit + 1 : end - start
  const res = await driver.query(`SELECT * FROM ${plan.from}${where}${order} LIMIT ${Math.trunc(want)} OFFSET ${Math.trunc(start)}`, params.values)
  let rows = res.rows
  let atEnd: boolean
  if (end === null) {
    atEnd = rows.length <= limit
    rows = rows.slice(0, limit)
  } else {
    const after = await driver.query(`SELECT 1 FROM ${plan.from}${where}${order} LIMIT 1 OFFSET ${Math.trunc(end)}`, params.values)
    atEnd = after.rows.length === 0
  }
  const clipped: [number, number][] = []
  const cells: Cell[][] = rows.map((r, ri) => r.map((v, ci) => toCell(v, () => clipped.push([ri, ci]))))
  const atStart = start === 0
  return {
    columns: res.columns.map((c) => {
      const info = plan.table.columns.find((x) => x.name === c.name)
      return { name: c.name, type: info?.type ?? c.type ?? '', pk: info?.pk ?? 0 }
    }),
    rows: cells,
    rowKeys: null,
    nextCursor: atEnd ? null : { kind: 'offset', offset: start + rows.length },
    prevCursor: atStart ? null : { kind: 'offset', offset: start },
    atStart,
    atEnd,
    mode: 'offset',
    keyColumns: [],
    firstRow: start,
    approximate: false,
    clipped,
    elapsedMs: performance.now() - t0,
  }
}
