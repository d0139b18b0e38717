import type { Cell } from '../../../shared/cells'
import type { PlanIssue, PreviewResult } from '../../../shared/calls/consolidate'
import type { ConsolidationPlan } from '../../../shared/recipe'
import type { SchemaModel } from '../../../shared/schema-model'
import type { Driver, SqlValue } from '../db/driver'
import { checkExpressions } from './expression-check'
import { compilePlan, type PlanSql } from './plan-sql'
import { assertValid, validatePlan } from './plan-validate'
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

export function num(v: SqlValue | undefined): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'string') return Number(v)
  return 0
}

export async function scalar(driver: Driver, sql: string): Promise<SqlValue[]> {
  const r = await driver.query(sql)
  return r.rows[0] ?? []
}

/** Exact row count of a plan's result (the FROM and WHERE suffice). */
export async function countPlanRows(driver: Driver, sql: PlanSql): Promise<number> {
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
