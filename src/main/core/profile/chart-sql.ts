import type { ChartFilter, ChartSpec, DateBucket } from '../../../shared/chart-spec'
import { AppError } from '../../../shared/errors'
import type { Driver, SqlValue } from '../db/driver'
import { dbl, num, type AnalysisDialect } from './analysis-dialect'
import { sourceColumn, type AnalysisSource } from './analysis-source'
import { compileFilterExpression } from './filter-expression'
import { binPlan, type BinPlan } from './quantiles'
import { toNum } from './sql-values'

/** A WHERE clause whose values are all bound parameters, in the order they appear. */
export interface Where {
  sql: string
  params: SqlValue[]
}

const bind = (v: string | number | boolean): SqlValue => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

/** Structured filters to SQL: column names are checked and quoted, values become `?` parameters. */
export function filterWhere(d: AnalysisDialect, source: AnalysisSource, filters: ChartFilter[], extra: string[] = []): Where {
  const parts: string[] = [...extra]
  const params: SqlValue[] = []
  filters.forEach((f, i) => {
    if (f.op === 'expr') {
      const e = compileFilterExpression(d, source, f.expr, `spec.filters.${i}.expr`)
      parts.push(e.sql)
      params.push(...e.params)
      return
    }
    const c = d.q(sourceColumn(source, f.column, `spec.filters.${i}.column`).name)
    switch (f.op) {
      case 'isNull':
        parts.push(`${c} IS NULL`)
        break
      case 'notNull':
        parts.push(`${c} IS NOT NULL`)
        break
      case 'in':
      case 'notIn':
        parts.push(`${c} ${f.op === 'in' ? 'IN' : 'NOT IN'} (${f.values.map(() => '?').join(', ')})`)
        params.push(...f.values.map(bind))
        break
      case 'between':
        parts.push(`${c} BETWEEN ? AND ?`)
        params.push(bind(f.from), bind(f.to))
        break
      case 'contains':
        // '!' as the LIKE escape works the same in SQLite and MySQL (a backslash would need doubling in MySQL).
        parts.push(`${c} LIKE ? ESCAPE '!'`)
        params.push(`%${f.value.replace(/[!%_]/g, (m) => `!${m}`)}%`)
        break
      default:
        parts.push(`${c} ${f.op === '!=' ? '<>' : f.op} ?`)
        params.push(bind(f.value))
    }
  })
  return { sql: parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '', params }
}

/** How x becomes a group key. */
export interface XPlan {
  expr: string
  label: string
  /** Orders and labels the keys. */
  kind: 'date' | 'category' | 'bins'
  bucket?: DateBucket
  bins?: BinPlan
  /** Conditions rows must meet to have an x at all. */
  where: string[]
}

const BUCKET_NAMES: Record<DateBucket, string> = { day: 'day', week: 'week (from Monday)', month: 'month', quarter: 'quarter' }

export async function planX(driver: Driver, d: AnalysisDialect, source: AnalysisSource, spec: ChartSpec, filters: Where): Promise<XPlan> {
  const x = spec.x
  const c = d.q(sourceColumn(source, x.column, 'spec.x.column').name)
  if (x.kind === 'date') {
    const expr = d.bucket(c, x.bucket)
    return { expr, label: `${x.column} (${BUCKET_NAMES[x.bucket]})`, kind: 'date', bucket: x.bucket, where: [`${expr} IS NOT NULL`] }
  }
  if (x.kind === 'category') return { expr: c, label: x.column, kind: 'category', where: [] }
  if (x.kind === 'value') throw new AppError('BAD_ARGUMENT', 'x kind "value" is only for scatter charts', { field: 'spec.x.kind' })
  const numeric = d.isNumeric(c)
  const realTest = d.kind === 'sqlite' ? `max(typeof(${c}) = 'real')` : '0'
  const where = filters.sql ? `${filters.sql} AND ${numeric}` : `WHERE ${numeric}`
  const [row] = (await driver.query(`SELECT min(${c}), max(${c}), ${realTest} FROM ${source.from} ${where}`, filters.params)).rows
  const min = toNum(row?.[0])
  const max = toNum(row?.[1])
  const declared = sourceColumn(source, x.column, 'spec.x.column').declaredType
  const integer = d.kind === 'sqlite' ? toNum(row?.[2]) === 0 : /int|year/i.test(declared)
  const plan = binPlan(min ?? 0, max ?? 0, integer && Number.isInteger(min ?? 0) && Number.isInteger(max ?? 0), x.bins)
  const last = plan.count - 1
  const idx = d.floorNonNeg(`(${c} - ${num(plan.lo)}) / ${dbl(plan.width)}`)
  return {
    expr: `CASE WHEN ${idx} > ${num(last)} THEN ${num(last)} ELSE ${idx} END`,
    label: x.column,
    kind: 'bins',
    bins: plan,
    where: [numeric, `${c} IS NOT NULL`],
  }
}

/** Every bucket label between the first and last, so a line chart shows empty months as zero. */
export function fillDateBuckets(labels: string[], bucket: DateBucket, max = 5000): string[] | null {
  const sorted = [...labels].sort()
  const first = sorted[0]
  const last = sorted.at(-1)
  if (!first || !last) return []
  const out: string[] = []
  if (bucket === 'month' || bucket === 'quarter') {
    const m = /^(\d{4})-(Q?)(\d{1,2})$/.exec(first)
    if (!m) return null
    let year = Number(m[1])
    let step = Number(m[3])
    const per = bucket === 'month' ? 12 : 4
    for (let i = 0; i <= max; i++) {
      const label = bucket === 'month' ? `${year}-${String(step).padStart(2, '0')}` : `${year}-Q${step}`
      out.push(label)
      if (label >= last) return out
      step++
      if (step > per) {
        step = 1
        year++
      }
    }
    return null
  }
  const start = Date.parse(`${first}T00:00:00Z`)
  const end = Date.parse(`${last}T00:00:00Z`)
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null
  const stepMs = (bucket === 'week' ? 7 : 1) * 86_400_000
  if ((end - start) / stepMs > max) return null
  for (let t = start; t <= end; t += stepMs) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}
