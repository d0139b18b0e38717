import type { BrowsePage, ColumnFilter, KeyValue, PageArgs, PageCursor } from '../../../shared/calls/browse'
import type { Cell } from '../../../shared/cells'
import { AppError } from '../../../shared/errors'
import type { TableInfo } from '../../../shared/schema-model'
import type { Driver, SqlValue } from '../db/driver'
import { type Dir, ParamList, filterConditions, flip, orderBy, seekCondition, whereClause } from './keyset-sql'
import { readOffsetPage } from './offset-pager'
import { resolveRowJump } from './row-jump'
import { type TablePlan, planTable } from './table-plan'
import { fromKeyValue, toCell, toKeyValue } from './wire-values'

/** A position to seek from: rows after `values` (a prefix of sort value + key) in travel order. */
export interface Seek {
  values: SqlValue[]
  inclusive: boolean
}

interface Segment {
  /** The NULL segment holds rows whose sort value is NULL, ordered by key only. */
  nulls: boolean
}

interface FetchedRow {
  /** Sort value (when sorted) followed by the key values. */
  position: SqlValue[]
  data: SqlValue[]
}

export type PageRequest = Omit<PageArgs, 'sourceId' | 'table'>

/**
 * NULLs sort first ascending and last descending on both SQLite and MySQL, so a
 * nullable sort column splits the order into two segments, each an index range:
 * `c IS NULL` (by key) and `c IS NOT NULL` (by c, key). Each is read with a plain
 * seek; a single OR'ed predicate over both would stop the planner from seeking.
 */
function segments(plan: TablePlan, travel: Dir): Segment[] {
  if (!plan.sortExpr || !plan.sortNullable) return [{ nulls: false }]
  // Ascending order: NULLs first. Walking descending reverses it.
  return travel === 'asc' ? [{ nulls: true }, { nulls: false }] : [{ nulls: false }, { nulls: true }]
}

function segmentOf(plan: TablePlan, seek: Seek): Segment {
  return { nulls: !!plan.sortExpr && plan.sortNullable && seek.values[0] === null }
}

export class KeysetPager {
  constructor(
    private readonly driver: Driver,
    readonly plan: TablePlan,
    private readonly filters: ColumnFilter[],
  ) {}

  /** Reads up to `limit` rows walking `travel` from `seek` (or from the start of the walk). */
  async walk(travel: Dir, seek: Seek | null, limit: number): Promise<FetchedRow[]> {
    const segs = segments(this.plan, travel)
    let start = 0
    if (seek) {
      const s = segmentOf(this.plan, seek)
      start = segs.findIndex((x) => x.nulls === s.nulls)
    }
    const out: FetchedRow[] = []
    for (let i = start; i < segs.length && out.length < limit; i++) {
      out.push(...(await this.readSegment(segs[i]!, travel, i === start ? seek : null, limit - out.length)))
    }
    return out
  }

  private async readSegment(seg: Segment, travel: Dir, seek: Seek | null, limit: number): Promise<FetchedRow[]> {
    const { plan, driver } = this
    const params = new ParamList(driver.dialect)
    const sorted = !!plan.sortExpr
    const lead = [...plan.keyExprs, ...(sorted ? [plan.sortExpr!] : [])]
    const conds = filterConditions(this.filters, driver.dialect.quoteId, params)
    const orderExprs = seg.nulls || !sorted ? plan.keyExprs : [plan.sortExpr!, ...plan.keyExprs]
    if (sorted && plan.sortNullable) conds.push(`${plan.sortExpr!} ${seg.nulls ? 'IS NULL' : 'IS NOT NULL'}`)
    if (seek) {
      // In the NULL segment the sort value (NULL) is not part of the seek.
      const values = sorted && seg.nulls ? seek.values.slice(1) : seek.values
      if (values.length) conds.push(seekCondition(orderExprs, values, travel === 'asc' ? '>' : '<', seek.inclusive, driver.dialect, params))
    }
    const sql = `SELECT ${lead.join(', ')}, ${plan.from}.* FROM ${plan.from}${whereClause(conds)} ORDER BY ${orderBy(orderExprs, travel)} LIMIT ${Math.trunc(limit)}`
    const res = await driver.query(sql, params.values)
    const k = plan.keyExprs.length
    return res.rows.map((r) => ({
      position: sorted ? [r[k]!, ...r.slice(0, k)] : r.slice(0, k),
      data: r.slice(lead.length),
    }))
  }
}

function keyCursor(position: SqlValue[]): PageCursor {
  return { kind: 'key', values: position.map(toKeyValue) as [KeyValue, ...KeyValue[]] }
}

/** Reads one page of a table or view: keyset where the table has a key, OFFSET otherwise. */
export async function readPage(driver: Driver, table: TableInfo, req: PageRequest): Promise<BrowsePage> {
  const t0 = performance.now()
  const plan = planTable(driver, table, req.sort, req.filters)
  if (plan.mode === 'offset') return readOffsetPage(driver, plan, req, t0)
  const pager = new KeysetPager(driver, plan, req.filters)
  const limit = req.limit
  const cursor = req.cursor
  const expected = (plan.sortExpr ? 1 : 0) + plan.keyExprs.length
  let travel: Dir = plan.dir
  let seek: Seek | null = null
  let firstRow: number | null = null
  let approximate = false
  if (cursor?.kind === 'offset') throw new AppError('BAD_ARGUMENT', `Table ${table.name} pages by key; offset cursors are for views`, { field: 'cursor' })
  if (cursor?.kind === 'key') {
    if (cursor.values.length !== expected) {
      throw new AppError('BAD_ARGUMENT', `Cursor has ${cursor.values.length} values, this order needs ${expected}; was the sort changed?`, { field: 'cursor' })
    }
    seek = { values: cursor.values.map(fromKeyValue), inclusive: false }
  } else if (cursor?.kind === 'row') {
    const jump = await resolveRowJump(driver, pager, cursor.row, cursor.total, req.filters)
    seek = jump.seek
    firstRow = jump.exact ? cursor.row : null
    approximate = !jump.exact
    // Past the end: show the last page instead of nothing.
    if (jump.pastEnd) return readPage(driver, table, { ...req, cursor: undefined, direction: 'backward' })
  } else if (req.direction === 'forward') {
    firstRow = 0
  }
  const backward = req.direction === 'backward' && cursor?.kind !== 'row'
  if (backward) travel = flip(plan.dir)

  const fetched = await pager.walk(travel, seek, limit + 1)
  const more = fetched.length > limit
  const rows = fetched.slice(0, limit)
  if (backward) rows.reverse()

  // The far side: is there anything before the first row (forward) / after the last (backward)?
  let atStart: boolean
  let atEnd: boolean
  if (!backward) {
    atEnd = !more
    if (!cursor) atStart = true
    else {
      const edge = rows[0]?.position
      const probe = edge ? { values: edge, inclusive: false } : seek
      atStart = probe ? (await pager.walk(flip(plan.dir), probe, 1)).length === 0 : true
    }
  } else {
    atStart = !more
    if (!cursor) atEnd = true
    else {
      const edge = rows[rows.length - 1]?.position
      const probe = edge ? { values: edge, inclusive: false } : seek
      atEnd = probe ? (await pager.walk(plan.dir, probe, 1)).length === 0 : true
    }
  }
  if (backward && !cursor && atStart) firstRow = 0

  const clipped: [number, number][] = []
  const cells: Cell[][] = rows.map((r, ri) => r.data.map((v, ci) => toCell(v, () => clipped.push([ri, ci]))))
  const first = rows[0]
  const last = rows[rows.length - 1]
  const colNames = await resultColumns(driver, plan)
  return {
    columns: colNames.map((name) => {
      const info = table.columns.find((c) => c.name === name)
      return { name, type: info?.type ?? '', pk: info?.pk ?? 0 }
    }),
    rows: cells,
    rowKeys: rows.map((r) => r.position.slice(plan.sortExpr ? 1 : 0).map(toKeyValue)),
    nextCursor: atEnd || !last ? null : keyCursor(last.position),
    prevCursor: atStart ? null : first ? keyCursor(first.position) : cursor?.kind === 'key' ? cursor : null,
    atStart,
    atEnd,
    mode: 'keyset',
    keyColumns: plan.keyNames,
    firstRow,
    approximate,
    clipped,
    elapsedMs: performance.now() - t0,
  }
}

/** Names of `SELECT t.*` (preparing it is cheap and follows schema changes). */
export async function resultColumns(driver: Driver, plan: TablePlan): Promise<string[]> {
  const res = await driver.query(`SELECT ${plan.from}.* FROM ${plan.from} LIMIT 0`)
  return res.columns.map((c) => c.name)
}
