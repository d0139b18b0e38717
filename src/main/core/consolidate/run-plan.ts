import type { Cell } from '../../../shared/cells'
import type { FanoutMeasure, FanoutResult, PlanIssue, PreviewResult } from '../../../shared/calls/consolidate'
import { AppError } from '../../../shared/errors'
import { baseAlias, type ConsolidationPlan } from '../../../shared/recipe'
import type { SchemaModel } from '../../../shared/schema-model'
import type { Driver, SqlValue } from '../db/driver'
import { checkExpressions } from './expression-check'
import { compilePlan, fromClauseUpTo, type PlanSql } from './plan-sql'
import { assertValid, stepKind, validatePlan } from './plan-validate'
import { planDialect } from './sql-functions'

/** All problems of a plan on this source: names first, then free SQL prepared on the source. */
export async function planIssues(driver: Driver, plan: ConsolidationPlan, model?: SchemaModel): Promise<PlanIssue[]> {
  const m = model ?? (await driver.introspect())
  const { issues } = validatePlan(plan, m)
  if (issues.length) return issues
  return checkExpressions(driver, plan, m)
}

/** Validated SQL for a plan on this source. */
export async function planSql(driver: Driver, plan: ConsolidationPlan, model?: SchemaModel): Promise<PlanSql> {
  const m = model ?? (await driver.introspect())
  assertValid(await planIssues(driver, plan, m))
  return compilePlan(plan, m, planDialect(driver.kind))
}

function num(v: SqlValue | undefined): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'string') return Number(v)
  return 0
}

async function scalar(driver: Driver, sql: string): Promise<SqlValue[]> {
  const r = await driver.query(sql)
  return r.rows[0] ?? []
}

/**
 * For every join step, what a plain join would do to the rows before it,
 * measured on the data: how many rows would repeat, how many find nothing,
 * the most matches for one row, and the row count after the step.
 */
export async function measureFanout(driver: Driver, plan: ConsolidationPlan, model?: SchemaModel): Promise<FanoutResult> {
  const m = model ?? (await driver.introspect())
  const full = await planSql(driver, plan, m)
  const d = planDialect(driver.kind)
  const q = d.quoteId
  const baseRows = num((await scalar(driver, `SELECT COUNT(*) FROM ${q(plan.base.table)}`))[0])
  const steps: FanoutMeasure[] = []
  for (let i = 0; i < plan.joins.length; i++) {
    const step = plan.joins[i]!
    const before = fromClauseUpTo(plan, m, d, i, false)
    const keys = step.fromColumns.map((c, j) => `${q(step.from)}.${q(c)} AS ${q(`k${j}`)}`).join(', ')
    const kidKeys = step.toColumns.map((c, j) => `${q(c)} AS ${q(`k${j}`)}`).join(', ')
    const notNull = step.toColumns.map((c) => `${q(c)} IS NOT NULL`).join(' AND ')
    const on = step.toColumns.map((_, j) => `${q('m')}.${q(`k${j}`)} = ${q('b')}.${q(`k${j}`)}`).join(' AND ')
    const keep = step.join === 'inner' ? 0 : 1
    const n = `${q('m')}.${q('n')}`
    const sql = `SELECT COUNT(*), COALESCE(SUM(CASE WHEN ${n} > 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN ${n} IS NULL THEN 1 ELSE 0 END), 0), COALESCE(MAX(${n}), 0), COALESCE(SUM(CASE WHEN ${n} IS NULL THEN ${keep} ELSE ${n} END), 0)
FROM (SELECT ${keys} ${before}) AS ${q('b')}
LEFT JOIN (SELECT ${kidKeys}, COUNT(*) AS ${q('n')} FROM ${q(step.table)} WHERE ${notNull} GROUP BY ${step.toColumns.map(q).join(', ')}) AS ${q('m')} ON ${on}`
    const [rowsBefore, multiplied, noMatch, maxN, after] = (await scalar(driver, sql)).map(num)
    const kind = stepKind(step)
    const measure: FanoutMeasure = {
      alias: step.alias,
      table: step.table,
      from: step.from,
      direction: step.direction,
      strategy: kind === 'aggregate' || kind === 'spread' ? kind : 'rows',
      rowsBefore: rowsBefore ?? 0,
      rowsIfJoined: after ?? 0,
      rowsMultiplied: multiplied ?? 0,
      rowsWithoutMatch: noMatch ?? 0,
      maxMatches: maxN ?? 0,
    }
    if (measure.rowsMultiplied > 0 && measure.strategy === 'rows') {
      const grain = step.from === baseAlias(plan) ? `${plan.base.table} rows` : `rows`
      measure.warning = `${measure.rowsMultiplied} ${grain} have more than one ${step.table} (up to ${measure.maxMatches}); joining them as rows gives ${measure.rowsIfJoined} rows instead of ${measure.rowsBefore - (step.join === 'inner' ? measure.rowsWithoutMatch : 0)}. Aggregate or spread ${step.alias} to keep one row each.`
    }
    steps.push(measure)
  }
  const resultRows = await countPlanRows(driver, full)
  return { baseRows, steps, resultRows }
}

async function countPlanRows(driver: Driver, sql: PlanSql): Promise<number> {
  return num((await scalar(driver, `SELECT COUNT(*) ${sql.from}${sql.where ? ` WHERE ${sql.where}` : ''}`))[0])
}

const BLOB_PREVIEW = 64

export function valueToCell(v: SqlValue): Cell {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : { $int: v.toString() }
  const n = Math.min(BLOB_PREVIEW, v.length)
  let hex = ''
  for (let i = 0; i < n; i++) hex += v[i]!.toString(16).padStart(2, '0')
  return { $blob: { size: v.length, hex, truncated: v.length > BLOB_PREVIEW } }
}

/** The first `limit` rows, the exact row count of the whole result, and the SQL. */
export async function previewPlan(driver: Driver, plan: ConsolidationPlan, limit: number, model?: SchemaModel): Promise<PreviewResult> {
  const sql = await planSql(driver, plan, model)
  const r = await driver.query(`${sql.sql}\nLIMIT ${Math.max(0, Math.floor(limit))}`)
  const rowCount = await countPlanRows(driver, sql)
  return { columns: sql.columns.map((name) => ({ name })), rows: r.rows.map((row) => row.map(valueToCell)), rowCount, sql: sql.sql }
}

/** Stores the result in the source as a table (in one transaction) or a view. */
export async function saveResult(driver: Driver, plan: ConsolidationPlan, name: string, as: 'table' | 'view', replace: boolean): Promise<{ name: string; as: 'table' | 'view'; rows: number }> {
  if (driver.readonly) {
    throw new AppError('FORBIDDEN', `${driver.name} is open read-only; reopen it writable (or import the dump into a new database) to save "${name}"`, { field: 'sourceId' })
  }
  const model = await driver.introspect()
  const sql = await planSql(driver, plan, model)
  const existing = model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())
  if (existing && !replace) throw new AppError('BAD_ARGUMENT', `A ${existing.kind} named "${existing.name}" already exists`, { field: 'name' })
  if (existing && plan.base.table === existing.name) throw new AppError('BAD_ARGUMENT', `"${name}" is the plan's base table; choose another name`, { field: 'name' })
  const q = driver.dialect.quoteId
  const drop = existing ? `DROP ${existing.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(existing.name)}` : null
  const create = as === 'view' ? `CREATE VIEW ${q(name)} AS ${sql.sql}` : `CREATE TABLE ${q(name)} AS ${sql.sql}`
  if (driver.kind === 'sqlite') {
    // One transaction: a failure leaves the database as it was.
    await driver.exec(`BEGIN IMMEDIATE;${drop ? `${drop};` : ''}${create};COMMIT;`).catch(async (err: unknown) => {
      await driver.exec('ROLLBACK').catch(() => undefined)
      throw err
    })
  } else {
    // MySQL commits DDL implicitly; create under a temporary name, then swap.
    const tmp = `${name}__sonograph_tmp`
    await driver.exec(as === 'view' ? `CREATE VIEW ${q(tmp)} AS ${sql.sql}` : `CREATE TABLE ${q(tmp)} AS ${sql.sql}`)
    try {
      if (drop) await driver.exec(drop)
      await driver.exec(as === 'view' ? `RENAME TABLE ${q(tmp)} TO ${q(name)}` : `RENAME TABLE ${q(tmp)} TO ${q(name)}`)
    } catch (err) {
      await driver.exec(`DROP ${as === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${q(tmp)}`).catch(() => undefined)
      throw err
    }
  }
  const rows = num((await scalar(driver, `SELECT COUNT(*) FROM ${q(name)}`))[0])
  return { name, as, rows }
}
