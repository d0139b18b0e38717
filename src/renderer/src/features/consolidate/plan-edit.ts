import { baseAlias, stepsForPath, type ColumnRef, type ConsolidationPlanInput, type JoinStepInput, type OutputColumnInput } from '../../../../shared/recipe'

/** A fan-out strategy as written in a plan (defaults may be left out). */
export type StrategyInput = NonNullable<JoinStepInput['fanout']>
import type { CandidatePath, CandidateTable } from '../../../../shared/calls/consolidate'

/** Pure edits of a plan, so the wizard's state changes are easy to follow (and to test). */
export type Plan = ConsolidationPlanInput

export function newPlan(baseTable: string, columns: string[]): Plan {
  return {
    base: { table: baseTable },
    joins: [],
    columns: columns.map((c) => ({ kind: 'column', name: c, ref: { alias: baseTable, column: c } })),
    orderBy: [],
  }
}

function uniqueName(plan: Plan, wanted: string): string {
  const taken = new Set(plan.columns.map((c) => c.name))
  let name = wanted
  for (let n = 2; taken.has(name); n++) name = `${wanted}_${n}`
  return name
}

/** Adds the joins of a candidate path and the target table's columns (aggregated first-values on fan-out steps). */
export function addPath(plan: Plan, candidate: CandidateTable, path: CandidatePath): Plan {
  const { joins, alias } = stepsForPath(plan, path.hops)
  let next: Plan = { ...plan, joins }
  const step = joins.find((j) => j.alias === alias)
  for (const col of candidate.columns) {
    if (step && path.hops.some((h) => h.toColumns.includes(col.name)) && step.direction === 'child') continue
    const ref: ColumnRef = { alias, column: col.name }
    next = { ...next, columns: [...next.columns, { kind: 'column', name: uniqueName(next, alias === candidate.table ? col.name : `${alias}_${col.name}`), ref }] }
  }
  return next
}

export function removeJoin(plan: Plan, alias: string): Plan {
  // Removing a step removes the steps that hang off it and every column that uses them.
  const gone = new Set([alias])
  let grew = true
  while (grew) {
    grew = false
    for (const j of plan.joins ?? []) {
      if (gone.has(j.from) && !gone.has(j.alias)) {
        gone.add(j.alias)
        grew = true
      }
    }
  }
  const uses = (c: OutputColumnInput): boolean => refsOf(c).some((r) => gone.has(r.alias))
  return { ...plan, joins: (plan.joins ?? []).filter((j) => !gone.has(j.alias)), columns: plan.columns.filter((c) => !uses(c)) }
}

export function refsOf(c: OutputColumnInput): ColumnRef[] {
  switch (c.kind) {
    case 'column':
      return [c.ref]
    case 'concat':
      return c.parts
    case 'daysBetween':
      return [c.from, c.to]
    case 'ageAt':
      return [c.birthDate, c.at]
    case 'yearMonth':
      return [c.date]
    case 'sql':
      return []
  }
}

function mapRefs(c: OutputColumnInput, f: (r: ColumnRef) => ColumnRef): OutputColumnInput {
  switch (c.kind) {
    case 'column':
      return { ...c, ref: f(c.ref) }
    case 'concat':
      return { ...c, parts: c.parts.map(f) }
    case 'daysBetween':
      return { ...c, from: f(c.from), to: f(c.to) }
    case 'ageAt':
      return { ...c, birthDate: f(c.birthDate), at: f(c.at) }
    case 'yearMonth':
      return { ...c, date: f(c.date) }
    case 'sql':
      return c
  }
}

export function updateJoin(plan: Plan, alias: string, patch: Partial<JoinStepInput>): Plan {
  return { ...plan, joins: (plan.joins ?? []).map((j) => (j.alias === alias ? { ...j, ...patch } : j)) }
}

/** Changing a fan-out strategy rewrites the step's columns: aggregates need one, the others must not have one. */
export function setStrategy(plan: Plan, alias: string, fanout: StrategyInput): Plan {
  const next = updateJoin(plan, alias, { fanout })
  return {
    ...next,
    columns: next.columns.map((c) =>
      mapRefs(c, (r) => {
        if (r.alias !== alias) return r
        if (fanout.strategy === 'aggregate') return r.aggregate ? r : { ...r, aggregate: 'first' }
        const { aggregate: _a, separator: _s, ...rest } = r
        return rest
      }),
    ),
  }
}

export function renameColumn(plan: Plan, index: number, name: string): Plan {
  return { ...plan, columns: plan.columns.map((c, i) => (i === index ? { ...c, name } : c)) }
}

export function moveColumn(plan: Plan, index: number, by: -1 | 1): Plan {
  const cols = [...plan.columns]
  const j = index + by
  if (j < 0 || j >= cols.length) return plan
  ;[cols[index], cols[j]] = [cols[j]!, cols[index]!]
  return { ...plan, columns: cols }
}

export function removeColumn(plan: Plan, index: number): Plan {
  return { ...plan, columns: plan.columns.filter((_, i) => i !== index) }
}

export function addColumn(plan: Plan, column: OutputColumnInput): Plan {
  return { ...plan, columns: [...plan.columns, { ...column, name: uniqueName(plan, column.name) }] }
}

export function setRefAggregate(plan: Plan, index: number, aggregate: ColumnRef['aggregate']): Plan {
  return { ...plan, columns: plan.columns.map((c, i) => (i === index && c.kind === 'column' ? { ...c, ref: { ...c.ref, ...(aggregate ? { aggregate } : {}) } } : c)) }
}

/** Every alias in the plan with its table, base first. */
export function aliases(plan: Plan): { alias: string; table: string; step?: JoinStepInput }[] {
  return [{ alias: baseAlias(plan), table: plan.base.table }, ...(plan.joins ?? []).map((j) => ({ alias: j.alias, table: j.table, step: j }))]
}

export function describeRef(r: ColumnRef): string {
  return `${r.aggregate ? `${r.aggregate}(` : ''}${r.alias}.${r.column}${r.aggregate ? ')' : ''}${r.index ? `[${r.index}]` : ''}`
}
