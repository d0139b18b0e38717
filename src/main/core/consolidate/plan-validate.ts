import type { PlanIssue } from '../../../shared/calls/consolidate'
import { AppError } from '../../../shared/errors'
import { baseAlias, type ColumnRef, type ConsolidationPlan, type JoinStep, type OutputColumn } from '../../../shared/recipe'
import type { SchemaModel, TableInfo } from '../../../shared/schema-model'

export type AliasKind = 'base' | 'rows' | 'aggregate' | 'spread'
export interface AliasInfo {
  alias: string
  table: TableInfo
  kind: AliasKind
  step?: JoinStep
}

export function stepKind(step: JoinStep): AliasKind {
  if (step.direction !== 'child' || !step.fanout) return 'rows'
  return step.fanout.strategy
}

function findTable(model: SchemaModel, name: string): TableInfo | undefined {
  return model.tables.find((t) => t.name === name)
}

function suggest(names: string[], wanted: string): string {
  const near = names.find((n) => n.toLowerCase() === wanted.toLowerCase())
  return near ? ` (did you mean "${near}"?)` : ''
}

/** Every (table, column) the plan names is checked against the model; problems are listed, not thrown one by one. */
export function validatePlan(plan: ConsolidationPlan, model: SchemaModel): { issues: PlanIssue[]; aliases: Map<string, AliasInfo> } {
  const issues: PlanIssue[] = []
  const aliases = new Map<string, AliasInfo>()
  const tableNames = model.tables.map((t) => t.name)

  const needTable = (name: string, path: string): TableInfo | undefined => {
    const t = findTable(model, name)
    if (!t) issues.push({ path, table: name, message: `The database has no table "${name}"${suggest(tableNames, name)}` })
    return t
  }
  const needColumn = (t: TableInfo, column: string, path: string): void => {
    if (!t.columns.some((c) => c.name === column)) {
      issues.push({
        path,
        table: t.name,
        column,
        message: `Table "${t.name}" has no column "${column}"${suggest(t.columns.map((c) => c.name), column)}`,
      })
    }
  }

  const base = needTable(plan.base.table, 'base.table')
  if (base) aliases.set(baseAlias(plan), { alias: baseAlias(plan), table: base, kind: 'base' })

  plan.joins.forEach((step, i) => {
    const p = `joins.${i}`
    if (aliases.has(step.alias) || step.alias === baseAlias(plan)) {
      issues.push({ path: `${p}.alias`, message: `Alias "${step.alias}" is used twice; give this occurrence of ${step.table} another alias` })
      return
    }
    const from = aliases.get(step.from)
    if (!from) {
      issues.push({ path: `${p}.from`, message: `Step "${step.alias}" joins from "${step.from}", which is not the base or an earlier step` })
    } else if (from.kind === 'aggregate' || from.kind === 'spread') {
      issues.push({ path: `${p}.from`, message: `Step "${step.alias}" cannot join from "${step.from}": its rows are ${from.kind === 'aggregate' ? 'aggregated' : 'spread into columns'}` })
    } else {
      step.fromColumns.forEach((c, j) => needColumn(from.table, c, `${p}.fromColumns.${j}`))
    }
    const t = needTable(step.table, `${p}.table`)
    if (!t) return
    step.toColumns.forEach((c, j) => needColumn(t, c, `${p}.toColumns.${j}`))
    if (step.fanout && step.direction !== 'child' && step.fanout.strategy !== 'rows') {
      issues.push({ path: `${p}.fanout`, message: `Step "${step.alias}" joins a parent (one row at most); only a child step can aggregate or spread` })
    }
    if (step.fanout && step.fanout.strategy !== 'rows' && step.fanout.orderBy) needColumn(t, step.fanout.orderBy, `${p}.fanout.orderBy`)
    aliases.set(step.alias, { alias: step.alias, table: t, kind: stepKind(step), step })
  })

  const checkRef = (ref: ColumnRef, path: string, inTemplate: boolean): void => {
    const a = aliases.get(ref.alias)
    if (!a) {
      issues.push({ path: `${path}.alias`, message: `Column ${ref.alias}.${ref.column} names "${ref.alias}", which is not an alias of the plan` })
      return
    }
    if (!(ref.column === '*' && ref.aggregate === 'count')) needColumn(a.table, ref.column, `${path}.column`)
    if (a.kind === 'aggregate' && !ref.aggregate) {
      issues.push({ path: `${path}.aggregate`, table: a.table.name, column: ref.column, message: `"${ref.alias}" is aggregated: choose count, first, last, join, min or max for ${ref.column}` })
    }
    if (a.kind !== 'aggregate' && ref.aggregate) {
      issues.push({ path: `${path}.aggregate`, message: `"${ref.alias}" is not an aggregated step; ${ref.aggregate} does not apply` })
    }
    if (a.kind === 'spread' && a.step?.fanout?.strategy === 'spread') {
      const n = a.step.fanout.count
      if (ref.index !== undefined && ref.index > n) issues.push({ path: `${path}.index`, message: `"${ref.alias}" spreads ${n} children; index ${ref.index} is beyond` })
      if (inTemplate && ref.index === undefined) issues.push({ path: `${path}.index`, message: `"${ref.alias}" is spread into columns: choose which child (index 1..${n})` })
    }
  }

  const names = new Set<string>()
  plan.columns.forEach((col, i) => {
    const p = `columns.${i}`
    const lower = col.name.toLowerCase()
    if (names.has(lower)) issues.push({ path: `${p}.name`, message: `Two output columns are named "${col.name}"` })
    names.add(lower)
    for (const [ref, sub] of templateRefs(col)) checkRef(ref, `${p}.${sub}`, col.kind !== 'column')
  })
  plan.orderBy.forEach((o, i) => {
    if (!names.has(o.column.toLowerCase())) issues.push({ path: `orderBy.${i}.column`, message: `Sort column "${o.column}" is not an output column` })
  })
  return { issues, aliases }
}

/** The column references of an output column, with their path inside it. */
export function templateRefs(col: OutputColumn): [ColumnRef, string][] {
  switch (col.kind) {
    case 'column':
      return [[col.ref, 'ref']]
    case 'concat':
      return col.parts.map((r, j) => [r, `parts.${j}`])
    case 'daysBetween':
      return [
        [col.from, 'from'],
        [col.to, 'to'],
      ]
    case 'ageAt':
      return [
        [col.birthDate, 'birthDate'],
        [col.at, 'at'],
      ]
    case 'yearMonth':
      return [[col.date, 'date']]
    case 'sql':
      return []
  }
}

/** Throws one error that lists every issue; details name the first. */
export function assertValid(issues: PlanIssue[]): void {
  if (!issues.length) return
  const first = issues[0]!
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more: ${issues.slice(1, 4).map((i) => i.message).join('; ')})` : ''
  throw new AppError('MISMATCH', `${first.message}${more}`, {
    field: first.path,
    ...(first.table ? { table: first.table } : {}),
    ...(first.column ? { columnName: first.column } : {}),
  })
}
