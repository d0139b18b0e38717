import type { ColumnFilter } from '../../../shared/calls/browse'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver, SqlValue } from '../db/driver'
import { openDriver } from '../db/open-driver'
import type { JobContext } from '../jobs/job-context'
import { ParamList, filterConditions, whereClause } from './keyset-sql'
import { tableOrThrow } from './schema-cache'
import { planTable } from './table-plan'

export interface BrowseCountArgs {
  spec: SourceSpec
  table: string
  filters: ColumnFilter[]
}
export interface BrowseCountResult {
  count: number
}

const CHUNK = 250_000

async function scalar(driver: Driver, sql: string, params: SqlValue[] = []): Promise<number | null> {
  const v = (await driver.query(sql, params)).rows[0]?.[0]
  return v === null || v === undefined ? null : Number(v)
}

/** Rows in the rowid span (SQLite) or the engine's estimate: sizes the scrollbar at once. */
export async function quickEstimate(driver: Driver, table: string): Promise<number | null> {
  const t = await tableOrThrow(driver, table)
  const plan = planTable(driver, t, undefined, [])
  if (driver.kind === 'sqlite' && plan.integerKey) {
    const k = plan.keyExprs[0]!
    const lo = await scalar(driver, `SELECT ${k} FROM ${plan.from} ORDER BY ${k} ASC LIMIT 1`)
    const hi = await scalar(driver, `SELECT ${k} FROM ${plan.from} ORDER BY ${k} DESC LIMIT 1`)
    return lo === null || hi === null ? 0 : hi - lo + 1
  }
  return t.rowCount
}

/** The exact count with filters, inline. */
export async function countRows(driver: Driver, table: string, filters: ColumnFilter[]): Promise<number> {
  const t = await tableOrThrow(driver, table)
  const plan = planTable(driver, t, undefined, filters)
  const params = new ParamList(driver.dialect)
  const where = whereClause(filterConditions(filters, driver.dialect.quoteId, params))
  return (await scalar(driver, `SELECT count(*) FROM ${plan.from}${where}`, params.values)) ?? 0
}

/**
 * Counts a table's rows matching filters in the background. On SQLite tables
 * with an integer key it counts key ranges, so progress shows and a cancel is
 * seen within one chunk; elsewhere it is one COUNT(*) (cancel ends the worker).
 */
export async function browseCountJob(args: BrowseCountArgs, ctx: JobContext): Promise<BrowseCountResult> {
  const driver = await openDriver(args.spec.kind === 'sqlite' ? { ...args.spec, writable: false } : args.spec)
  try {
    const t = await tableOrThrow(driver, args.table)
    const plan = planTable(driver, t, undefined, args.filters)
    if (driver.kind !== 'sqlite' || !plan.integerKey) {
      ctx.progress({ phase: `counting ${t.name}`, done: 0, total: null, unit: 'rows' })
      return { count: await countRows(driver, args.table, args.filters) }
    }
    const k = plan.keyExprs[0]!
    const lo = await scalar(driver, `SELECT ${k} FROM ${plan.from} ORDER BY ${k} ASC LIMIT 1`)
    const hi = await scalar(driver, `SELECT ${k} FROM ${plan.from} ORDER BY ${k} DESC LIMIT 1`)
    if (lo === null || hi === null) return { count: 0 }
    const total = hi - lo + 1
    let count = 0
    for (let start = lo; start <= hi; start += CHUNK) {
      ctx.throwIfCancelled()
      const params = new ParamList(driver.dialect)
      const conds = filterConditions(args.filters, driver.dialect.quoteId, params)
      conds.push(`${k} >= ${params.add(start)}`, `${k} < ${params.add(start + CHUNK)}`)
      count += (await scalar(driver, `SELECT count(*) FROM ${plan.from}${whereClause(conds)}`, params.values)) ?? 0
      ctx.progress({ phase: `counting ${t.name}`, done: Math.min(total, start - lo + CHUNK), total, unit: 'rows' })
    }
    return { count }
  } finally {
    await driver.close()
  }
}
