import { z } from 'zod'

/**
 * A consolidation plan: the wizard's choices, as JSON. The same shape is sent
 * to the consolidate.* calls and saved as a recipe file, so a recipe re-runs on
 * another database with the same schema. Every name is a plain identifier
 * (never SQL); the engine quotes it for the dialect.
 */

const name = z.string().min(1).max(200)

/** A step's strategy for a one-to-many join (the rows of the base table would multiply). */
export const fanoutStrategySchema = z.discriminatedUnion('strategy', [
  /** Plain join: one output row per child. Rows of the base table repeat (the wizard warns). */
  z.object({ strategy: z.literal('rows') }).strict(),
  /** One output row per parent; columns of this step must name an aggregate. */
  z
    .object({
      strategy: z.literal('aggregate'),
      /** Orders children for `first`, `last` and `join`; the child's primary key breaks ties. */
      orderBy: name.optional(),
    })
    .strict(),
  /** The first `count` children (by `orderBy`) become numbered columns: `Name_1`, `Name_2`, ... */
  z
    .object({
      strategy: z.literal('spread'),
      count: z.number().int().min(1).max(50),
      orderBy: name.optional(),
      descending: z.boolean().default(false),
    })
    .strict(),
])
export type FanoutStrategy = z.infer<typeof fanoutStrategySchema>

export const joinStepSchema = z
  .object({
    /** Unique name of this occurrence of the table in the plan (default: the table name). */
    alias: name,
    table: name,
    /** Alias of an earlier step (or the base) this table joins to. */
    from: name,
    /** `parent`: the new table is referenced by `from` (many-to-one). `child`: it references `from` (one-to-many, fan-out). */
    direction: z.enum(['parent', 'child']),
    /** Columns of `from` and of the new table, pairwise equal. */
    fromColumns: z.array(name).min(1),
    toColumns: z.array(name).min(1),
    join: z.enum(['left', 'inner']).default('left'),
    /** Only for `child` steps; defaults to `rows`. */
    fanout: fanoutStrategySchema.optional(),
    /** The relationship this step follows, for display (`child(cols)->parent(cols)`). */
    relationshipId: z.string().optional(),
  })
  .strict()
  .refine((s) => s.fromColumns.length === s.toColumns.length, {
    message: 'fromColumns and toColumns must have the same length',
    path: ['toColumns'],
  })
export type JoinStep = z.infer<typeof joinStepSchema>
export type JoinStepInput = z.input<typeof joinStepSchema>

export const aggregateSchema = z.enum(['count', 'first', 'last', 'join', 'min', 'max'])
export type Aggregate = z.infer<typeof aggregateSchema>

/**
 * A column of a step. Columns of an `aggregate` step need `aggregate`; `count`
 * may use column `*`. Columns of a `spread` step may name `index` (1-based) to
 * take one child; without it an output column expands to `count` columns.
 */
export const columnRefSchema = z
  .object({
    alias: name,
    column: name,
    aggregate: aggregateSchema.optional(),
    /** Separator for `join`; default ", ". */
    separator: z.string().max(20).optional(),
    index: z.number().int().min(1).optional(),
  })
  .strict()
export type ColumnRef = z.infer<typeof columnRefSchema>

const outName = z.string().min(1).max(200)

export const outputColumnSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), name: outName, ref: columnRefSchema }).strict(),
  /** Parts joined by `separator`, NULL parts skipped (concat_ws). */
  z
    .object({ kind: z.literal('concat'), name: outName, parts: z.array(columnRefSchema).min(1), separator: z.string().max(20).default(' ') })
    .strict(),
  /** Whole days from `from` to `to` (time of day ignored); negative when `to` is earlier. */
  z.object({ kind: z.literal('daysBetween'), name: outName, from: columnRefSchema, to: columnRefSchema }).strict(),
  /** Completed years between a birth date and a date. */
  z.object({ kind: z.literal('ageAt'), name: outName, birthDate: columnRefSchema, at: columnRefSchema }).strict(),
  /** `YYYY-MM` of a date. */
  z.object({ kind: z.literal('yearMonth'), name: outName, date: columnRefSchema }).strict(),
  /** A free SQL expression over the plan's aliases (`"Alias"."Column"`), validated on the source before use. */
  z.object({ kind: z.literal('sql'), name: outName, expression: z.string().min(1).max(4000) }).strict(),
])
export type OutputColumn = z.infer<typeof outputColumnSchema>
export type OutputColumnInput = z.input<typeof outputColumnSchema>

export const consolidationPlanSchema = z
  .object({
    base: z.object({ table: name, alias: name.optional() }).strict(),
    joins: z.array(joinStepSchema).default([]),
    columns: z.array(outputColumnSchema).min(1),
    /** Optional row filter: a free SQL expression, validated like `sql` columns. */
    where: z.string().min(1).max(4000).optional(),
    /** Output columns to sort by. */
    orderBy: z.array(z.object({ column: outName, descending: z.boolean().default(false) }).strict()).default([]),
  })
  .strict()
export type ConsolidationPlan = z.infer<typeof consolidationPlanSchema>
export type ConsolidationPlanInput = z.input<typeof consolidationPlanSchema>

export const RECIPE_FORMAT = 'sonograph.consolidation'
export const RECIPE_VERSION = 1

/** A saved plan: a versioned file. */
export const recipeSchema = consolidationPlanSchema.extend({
  format: z.literal(RECIPE_FORMAT),
  version: z.literal(RECIPE_VERSION),
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
})
export type Recipe = z.infer<typeof recipeSchema>

/** The alias of the base table. */
export function baseAlias(plan: Pick<ConsolidationPlanInput, 'base'>): string {
  return plan.base.alias ?? plan.base.table
}

/** Strips recipe metadata, leaving the plan the calls take. */
export function planOfRecipe(recipe: Recipe): ConsolidationPlan {
  const { format: _f, version: _v, name: _n, description: _d, ...plan } = recipe
  return consolidationPlanSchema.parse(plan)
}

export function recipeOfPlan(plan: ConsolidationPlanInput, meta: { name?: string; description?: string } = {}): Recipe {
  return recipeSchema.parse({ format: RECIPE_FORMAT, version: RECIPE_VERSION, ...meta, ...plan })
}

/** One hop of a candidate path, as consolidate.candidates returns it (src/shared/calls/consolidate.ts). */
export interface PathHop {
  from: string
  to: string
  direction: 'parent' | 'child'
  fromColumns: string[]
  toColumns: string[]
  relationshipId?: string
}

/**
 * Adds the joins a candidate path needs to a plan, reusing steps the plan
 * already has for the same hop, and returns the joins plus the alias the
 * path ends at (the alias its columns are referred to by). Hop tables are
 * given as names; the first hop starts at the base. New steps are LEFT joins
 * with the default fan-out strategy (rows); a table already used along
 * another path gets a numbered alias (Doctors_2).
 */
export function stepsForPath(plan: Pick<ConsolidationPlanInput, 'base' | 'joins'>, hops: PathHop[]): { joins: JoinStepInput[]; alias: string } {
  const joins = [...(plan.joins ?? [])]
  const taken = new Set([baseAlias(plan), ...joins.map((j) => j.alias)])
  let at = baseAlias(plan)
  for (const hop of hops) {
    const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])
    const existing = joins.find((j) => j.from === at && j.table === hop.to && j.direction === hop.direction && same(j.fromColumns, hop.fromColumns) && same(j.toColumns, hop.toColumns))
    if (existing) {
      at = existing.alias
      continue
    }
    let alias = hop.to
    for (let n = 2; taken.has(alias); n++) alias = `${hop.to}_${n}`
    taken.add(alias)
    joins.push({
      alias,
      table: hop.to,
      from: at,
      direction: hop.direction,
      fromColumns: hop.fromColumns,
      toColumns: hop.toColumns,
      join: 'left',
      ...(hop.relationshipId ? { relationshipId: hop.relationshipId } : {}),
    })
    at = alias
  }
  return { joins, alias: at }
}
