import { baseAlias, type ColumnRef, type ConsolidationPlan, type JoinStep, type OutputColumn } from '../../../shared/recipe'
import type { SchemaModel } from '../../../shared/schema-model'
import { assertValid, validatePlan, type AliasInfo } from './plan-validate'
import type { PlanDialect } from './sql-functions'

export interface PlanSql {
  /** The whole statement. */
  sql: string
  /** Output column names, in order (spread columns expanded). */
  columns: string[]
  /** Parts, so callers can count, filter by rowid range, or measure a prefix of the joins. */
  select: string
  from: string
  where: string | null
  orderBy: string | null
}

/** What an aggregate/spread step must compute, keyed by the internal column name. */
interface StepNeeds {
  cols: Map<string, { ref: ColumnRef }>
}

function internalName(ref: ColumnRef): string {
  if (ref.aggregate) return `${ref.aggregate}__${ref.column === '*' ? 'all' : ref.column}${ref.aggregate === 'join' ? `__${[...(ref.separator ?? ', ')].map((c) => c.charCodeAt(0)).join('_')}` : ''}`
  return `${ref.column}__${ref.index ?? 1}`
}

class PlanCompiler {
  private needs = new Map<string, StepNeeds>()
  constructor(
    private readonly plan: ConsolidationPlan,
    private readonly aliases: Map<string, AliasInfo>,
    private readonly d: PlanDialect,
  ) {}

  private q = (s: string): string => this.d.quoteId(s)

  /** SQL for one reference; for aggregate/spread steps it registers the internal column the derived table must provide. */
  ref(ref: ColumnRef): string {
    const a = this.aliases.get(ref.alias)!
    if (a.kind === 'aggregate' || a.kind === 'spread') {
      const name = internalName(ref)
      const needs = this.needs.get(ref.alias) ?? { cols: new Map() }
      needs.cols.set(name, { ref })
      this.needs.set(ref.alias, needs)
      const expr = `${this.q(ref.alias)}.${this.q(name)}`
      // A parent without children gets no row from the derived table: its count is 0, not NULL.
      return ref.aggregate === 'count' ? `COALESCE(${expr}, 0)` : expr
    }
    return `${this.q(ref.alias)}.${this.q(ref.column)}`
  }

  /** One or more `expr AS name` items for an output column. */
  output(col: OutputColumn): { expr: string; name: string }[] {
    const d = this.d
    switch (col.kind) {
      case 'column': {
        const a = this.aliases.get(col.ref.alias)!
        if (a.kind === 'spread' && col.ref.index === undefined && a.step?.fanout?.strategy === 'spread') {
          const n = a.step.fanout.count
          return Array.from({ length: n }, (_, i) => ({ expr: this.ref({ ...col.ref, index: i + 1 }), name: `${col.name}_${i + 1}` }))
        }
        return [{ expr: this.ref(col.ref), name: col.name }]
      }
      case 'concat':
        return [{ expr: d.concatWs(col.separator, col.parts.map((p) => this.ref(p))), name: col.name }]
      case 'daysBetween':
        return [{ expr: d.daysBetween(this.ref(col.from), this.ref(col.to)), name: col.name }]
      case 'ageAt':
        return [{ expr: d.ageAt(this.ref(col.birthDate), this.ref(col.at)), name: col.name }]
      case 'yearMonth':
        return [{ expr: d.yearMonth(this.ref(col.date)), name: col.name }]
      case 'sql':
        return [{ expr: `(${col.expression})`, name: col.name }]
    }
  }

  /** `FROM base JOIN ...` up to (not including) step index `upTo`. */
  from(upTo = this.plan.joins.length, lastAsRows = false): string {
    const base = this.plan.base
    let sql = `FROM ${this.q(base.table)} AS ${this.q(baseAlias(this.plan))}`
    this.plan.joins.slice(0, upTo).forEach((step, i) => {
      const asRows = lastAsRows && i === upTo - 1
      const a = this.aliases.get(step.alias)!
      const source = !asRows && (a.kind === 'aggregate' || a.kind === 'spread') ? `(${this.derived(step, a)})` : this.q(step.table)
      const on = step.toColumns.map((c, j) => `${this.q(step.alias)}.${this.q(c)} = ${this.q(step.from)}.${this.q(step.fromColumns[j]!)}`).join(' AND ')
      sql += `\n${step.join === 'inner' ? 'INNER' : 'LEFT'} JOIN ${source} AS ${this.q(step.alias)} ON ${on}`
    })
    return sql
  }

  private orderTerms(a: AliasInfo, desc: boolean): string {
    const f = a.step?.fanout
    const orderBy = f && f.strategy !== 'rows' ? f.orderBy : undefined
    const dir = desc ? ' DESC' : ''
    const keys = [...(orderBy ? [orderBy] : []), ...a.table.primaryKey.filter((k) => k !== orderBy)]
    if (!keys.length) keys.push(...(a.step?.toColumns ?? []))
    return keys.map((k) => `${this.q(k)}${dir}`).join(', ')
  }

  /** One row per parent key: the children of a step aggregated or spread into columns. */
  private derived(step: JoinStep, a: AliasInfo): string {
    const q = this.q
    const needs = [...(this.needs.get(step.alias)?.cols ?? new Map<string, { ref: ColumnRef }>())]
    const keys = step.toColumns.map(q)
    const usedCols = new Set<string>(step.toColumns)
    for (const [, { ref }] of needs) if (ref.column !== '*') usedCols.add(ref.column)
    const f = step.fanout
    if (f && f.strategy !== 'rows' && f.orderBy) usedCols.add(f.orderBy)
    for (const k of a.table.primaryKey) usedCols.add(k)
    const partition = `PARTITION BY ${keys.join(', ')}`
    const notNull = step.toColumns.map((c) => `${q(c)} IS NOT NULL`).join(' AND ')
    const inner: string[] = [...usedCols].map(q)
    const items: string[] = [...keys]

    if (f?.strategy === 'spread') {
      inner.push(`ROW_NUMBER() OVER (${partition} ORDER BY ${this.orderTerms(a, f.descending)}) AS ${q('__rn')}`)
      for (const [name, { ref }] of needs) items.push(`MAX(CASE WHEN ${q('__rn')} = ${ref.index ?? 1} THEN ${q(ref.column)} END) AS ${q(name)}`)
      return `SELECT ${items.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${q(step.table)} WHERE ${notNull}) AS ${q('__c')} WHERE ${q('__rn')} <= ${f.count} GROUP BY ${keys.join(', ')}`
    }
    const aggs = needs.map(([, n]) => n.ref.aggregate)
    if (aggs.includes('first')) inner.push(`ROW_NUMBER() OVER (${partition} ORDER BY ${this.orderTerms(a, false)}) AS ${q('__first')}`)
    if (aggs.includes('last')) inner.push(`ROW_NUMBER() OVER (${partition} ORDER BY ${this.orderTerms(a, true)}) AS ${q('__last')}`)
    for (const [name, { ref }] of needs) {
      const c = ref.column === '*' ? '*' : q(ref.column)
      let e: string
      switch (ref.aggregate) {
        case 'count':
          e = `COUNT(${c})`
          break
        case 'first':
          e = `MAX(CASE WHEN ${q('__first')} = 1 THEN ${c} END)`
          break
        case 'last':
          e = `MAX(CASE WHEN ${q('__last')} = 1 THEN ${c} END)`
          break
        case 'join':
          e = this.d.groupConcat(c, ref.separator ?? ', ', this.orderTerms(a, false))
          break
        case 'min':
          e = `MIN(${c})`
          break
        default:
          e = `MAX(${c})`
      }
      items.push(`${e} AS ${q(name)}`)
    }
    return `SELECT ${items.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${q(step.table)} WHERE ${notNull}) AS ${q('__c')} GROUP BY ${keys.join(', ')}`
  }

  compile(): PlanSql {
    // Output first: it registers what the derived tables must compute.
    const outs = this.plan.columns.flatMap((c) => this.output(c))
    const select = outs.map((o) => `${o.expr} AS ${this.q(o.name)}`).join(',\n  ')
    const from = this.from()
    const where = this.plan.where ? `(${this.plan.where})` : null
    const orderBy = this.plan.orderBy.length ? this.plan.orderBy.map((o) => `${this.q(o.column)}${o.descending ? ' DESC' : ''}`).join(', ') : null
    const sql = `SELECT\n  ${select}\n${from}${where ? `\nWHERE ${where}` : ''}${orderBy ? `\nORDER BY ${orderBy}` : ''}`
    return { sql, columns: outs.map((o) => o.name), select, from, where, orderBy }
  }
}

/** Checks the plan against the model and writes its SQL. Throws MISMATCH naming the first missing table/column. */
export function compilePlan(plan: ConsolidationPlan, model: SchemaModel, dialect: PlanDialect): PlanSql & { aliases: Map<string, AliasInfo> } {
  const { issues, aliases } = validatePlan(plan, model)
  assertValid(issues)
  return { ...new PlanCompiler(plan, aliases, dialect).compile(), aliases }
}

/**
 * The FROM clause up to and including step `index`, that step joined as plain
 * rows (used to measure what a plain join would do).
 */
export function fromClauseUpTo(plan: ConsolidationPlan, model: SchemaModel, dialect: PlanDialect, index: number, lastAsRows: boolean): string {
  const { issues, aliases } = validatePlan(plan, model)
  assertValid(issues)
  const c = new PlanCompiler(plan, aliases, dialect)
  // Register the needs of aggregate steps before writing their derived tables.
  plan.columns.forEach((col) => c.output(col))
  return c.from(index, lastAsRows)
}
