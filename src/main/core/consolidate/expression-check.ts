import type { PlanIssue } from '../../../shared/calls/consolidate'
import type { ConsolidationPlan } from '../../../shared/recipe'
import type { SchemaModel } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'
import { SqliteDriver } from '../db/sqlite-driver'
import { compilePlan } from './plan-sql'
import { planDialect } from './sql-functions'

/**
 * Lexical check of a free expression: no statement separator, no comment (a
 * comment could swallow the closing parenthesis the planner adds), and balanced
 * parentheses, so the text stays one expression inside `(...)`.
 */
export function expressionShapeProblem(expr: string): string | null {
  let depth = 0
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]!
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = closingQuote(expr, i, ch)
      if (end < 0) return `unterminated ${ch === "'" ? 'string' : 'quoted name'}`
      i = end
      continue
    }
    if (ch === '[') {
      const end = expr.indexOf(']', i + 1)
      if (end < 0) return 'unterminated [name]'
      i = end
      continue
    }
    if (ch === ';') return 'a ";" would start another statement'
    if ((ch === '-' && expr[i + 1] === '-') || (ch === '/' && expr[i + 1] === '*') || ch === '#') return 'comments are not allowed in an expression'
    if (ch === '(') depth++
    if (ch === ')' && --depth < 0) return 'a ")" closes a parenthesis that was not opened'
  }
  return depth === 0 ? null : 'a "(" is not closed'
}

function closingQuote(s: string, start: number, q: string): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\' && q === "'") {
      i++
      continue
    }
    if (s[i] === q) {
      if (s[i + 1] === q) {
        i++
        continue
      }
      return i
    }
  }
  return -1
}

const NOT_AN_EXPRESSION = /^\s*(select|with|insert|update|delete|replace|create|drop|alter|attach|detach|pragma|vacuum|begin|commit|rollback|savepoint|release|reindex|analyze|explain)\b/i

/**
 * Validates the plan's free SQL (columns of kind `sql` and `where`) on the
 * source itself: SQLite prepares the query (and it must be read-only), other
 * drivers EXPLAIN it. Nothing is executed.
 */
export async function checkExpressions(driver: Driver, plan: ConsolidationPlan, model: SchemaModel): Promise<PlanIssue[]> {
  const issues: PlanIssue[] = []
  const exprs: { path: string; expr: string }[] = []
  plan.columns.forEach((c, i) => {
    if (c.kind === 'sql') exprs.push({ path: `columns.${i}.expression`, expr: c.expression })
  })
  if (plan.where) exprs.push({ path: 'where', expr: plan.where })
  if (!exprs.length) return issues
  for (const { path, expr } of exprs) {
    const shape = expressionShapeProblem(expr)
    if (shape) issues.push({ path, message: `Not a single SQL expression: ${shape}` })
    else if (NOT_AN_EXPRESSION.test(expr)) issues.push({ path, message: 'Not an expression: a statement cannot be used here (wrap a subquery in parentheses)' })
  }
  if (issues.length) return issues
  const sqlPlan = compilePlan({ ...plan, columns: plan.columns.filter((c) => c.kind !== 'sql'), where: undefined, orderBy: [] }, model, planDialect(driver.kind))
  for (const { path, expr } of exprs) {
    const probe = `SELECT (${expr}) ${sqlPlan.from}`
    try {
      if (driver instanceof SqliteDriver) {
        const stmt = driver.db.prepare(probe)
        if (!stmt.readonly) issues.push({ path, message: 'The expression would change the database' })
      } else {
        await driver.explain(probe)
      }
    } catch (err) {
      issues.push({ path, message: `Invalid SQL expression: ${err instanceof Error ? err.message : String(err)}` })
    }
  }
  return issues
}
