import { z } from 'zod'
import type { Cell } from '../cells'
import { defineCall } from '../contract'
import { consolidationPlanSchema, type Recipe } from '../recipe'

const sourceId = z.string().min(1)

export const relationshipSchema = z
  .object({
    id: z.string().min(1),
    childTable: z.string().min(1),
    childColumns: z.array(z.string().min(1)).min(1),
    parentTable: z.string().min(1),
    parentColumns: z.array(z.string().min(1)).min(1),
    origin: z.enum(['declared', 'inferred']),
    confidence: z.number().min(0).max(1).optional(),
    accepted: z.boolean().optional(),
  })
  .strict()

/** One hop of a path; maps 1:1 onto a JoinStep (from, direction, fromColumns, toColumns, relationshipId). */
export interface CandidateHop {
  from: string
  to: string
  /** `parent`: many-to-one. `child`: one-to-many (fan-out). */
  direction: 'parent' | 'child'
  fromColumns: string[]
  toColumns: string[]
  relationshipId: string
  origin: 'declared' | 'inferred'
}
export interface CandidatePath {
  hops: CandidateHop[]
  /** `oneToMany` when any hop goes from a parent to its children. */
  cardinality: 'manyToOne' | 'oneToMany'
}
export interface CandidateTable {
  table: string
  columns: { name: string; type: string }[]
  /** Hops on the shortest path. */
  distance: number
  /** Cardinality of the first (shortest) path. */
  cardinality: 'manyToOne' | 'oneToMany'
  paths: CandidatePath[]
}

/** A plan problem, with where it is in the plan (`joins.2.toColumns.0`) and what is missing. */
export interface PlanIssue {
  path: string
  message: string
  table?: string
  column?: string
}

/** The effect of one join step, measured on the data. */
export interface FanoutMeasure {
  alias: string
  table: string
  from: string
  direction: 'parent' | 'child'
  strategy: 'rows' | 'aggregate' | 'spread'
  /** Rows before this step (after the earlier steps, as planned). */
  rowsBefore: number
  /** Rows after this step if it were a plain join. */
  rowsIfJoined: number
  /** Rows before this step that would become more than one row. */
  rowsMultiplied: number
  /** Rows before this step with no match (kept by LEFT, dropped by INNER). */
  rowsWithoutMatch: number
  /** Most matches for one row. */
  maxMatches: number
  /** A plain join here repeats rows: the wizard should warn (or offer aggregate/spread). */
  warning?: string
}
export interface FanoutResult {
  baseRows: number
  steps: FanoutMeasure[]
  /** Rows the whole plan produces. */
  resultRows: number
}

export interface PreviewResult {
  columns: { name: string }[]
  rows: Cell[][]
  /** Exact row count of the whole result. */
  rowCount: number
  sql: string
}

export const consolidateCalls = {
  /** Tables reachable from the base along declared (and the given inferred/accepted) relationships, with paths. */
  'consolidate.candidates': defineCall<CandidateTable[]>()(
    z.object({ sourceId, baseTable: z.string().min(1), relationships: z.array(relationshipSchema).optional() }).strict(),
  ),
  /** Checks a plan against the source's schema; free SQL expressions are prepared on the source. */
  'consolidate.validate': defineCall<{ ok: boolean; issues: PlanIssue[] }>()(z.object({ sourceId, plan: consolidationPlanSchema }).strict()),
  'consolidate.fanout': defineCall<FanoutResult>()(z.object({ sourceId, plan: consolidationPlanSchema }).strict()),
  'consolidate.preview': defineCall<PreviewResult>()(
    z.object({ sourceId, plan: consolidationPlanSchema, limit: z.number().int().min(0).max(10_000).default(100) }).strict(),
  ),
  'consolidate.sql': defineCall<{ sql: string; columns: string[] }>()(z.object({ sourceId, plan: consolidationPlanSchema }).strict()),
  /** Stores the result as a table or view in the source (which must be writable). */
  'consolidate.save': defineCall<{ name: string; as: 'table' | 'view'; rows: number }>()(
    z
      .object({
        sourceId,
        plan: consolidationPlanSchema,
        name: z.string().min(1).max(128),
        as: z.enum(['table', 'view']),
        replace: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Reads a recipe file and checks its shape (not yet against a database). */
  'recipes.load': defineCall<Recipe>()(z.object({ path: z.string().min(1) }).strict()),
  /** Checks a recipe (any JSON) against an open source: shape, then tables and columns. */
  'recipes.validate': defineCall<{ ok: boolean; issues: PlanIssue[] }>()(z.object({ sourceId, recipe: z.unknown() }).strict()),
  /** Writes a plan as a recipe file (atomically). */
  'recipes.save': defineCall<{ path: string }>()(
    z
      .object({
        path: z.string().min(1),
        plan: consolidationPlanSchema,
        name: z.string().max(200).optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
  ),
}
