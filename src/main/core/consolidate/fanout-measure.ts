import type { FanoutMeasure, FanoutResult } from '../../../shared/calls/consolidate'
import { baseAlias, type ConsolidationPlan } from '../../../shared/recipe'
import type { SchemaModel } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'
import { fromClauseUpTo } from './plan-sql'
import { stepKind } from './plan-validate'
import { countPlanRows, num, planSql, scalar } from './run-plan'
import { planDialect } from './sql-functions'

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
