import { findCandidates, usableRelationships } from '../core/consolidate/candidates'
import { loadRecipeFile, saveRecipeFile, validateRecipe } from '../core/consolidate/recipe-file'
import { measureFanout } from '../core/consolidate/fanout-measure'
import { planIssues, planSql, previewPlan } from '../core/consolidate/run-plan'
import { saveResult } from '../core/consolidate/save-result'
import type { Handlers } from './router'

/**
 * The consolidation wizard's engine. Planning, fan-out and preview are a few
 * queries on the source's own connection; exporting the result is a job
 * (export.csv with `what: {plan}`).
 */
export const consolidateHandlers: Handlers<
  | 'consolidate.candidates'
  | 'consolidate.validate'
  | 'consolidate.fanout'
  | 'consolidate.preview'
  | 'consolidate.sql'
  | 'consolidate.save'
  | 'recipes.load'
  | 'recipes.validate'
  | 'recipes.save'
> = {
  'consolidate.candidates': async ({ sourceId, baseTable, relationships }, ctx) => {
    const model = await ctx.sources.driver(sourceId).introspect()
    return findCandidates(model, baseTable, usableRelationships(model, relationships ?? []))
  },
  'consolidate.validate': async ({ sourceId, plan }, ctx) => {
    const issues = await planIssues(ctx.sources.driver(sourceId), plan)
    return { ok: issues.length === 0, issues }
  },
  'consolidate.fanout': async ({ sourceId, plan }, ctx) => measureFanout(ctx.sources.driver(sourceId), plan),
  'consolidate.preview': async ({ sourceId, plan, limit }, ctx) => previewPlan(ctx.sources.driver(sourceId), plan, limit),
  'consolidate.sql': async ({ sourceId, plan }, ctx) => {
    const sql = await planSql(ctx.sources.driver(sourceId), plan)
    return { sql: sql.sql, columns: sql.columns }
  },
  'consolidate.save': async ({ sourceId, plan, name, as, replace }, ctx) => {
    const result = await saveResult(ctx.sources.driver(sourceId), plan, name, as, replace)
    ctx.emit('sources.changed', { sourceId })
    return result
  },
  'recipes.load': async ({ path }) => loadRecipeFile(path),
  'recipes.validate': async ({ sourceId, recipe }, ctx) => {
    const { ok, issues } = await validateRecipe(ctx.sources.driver(sourceId), recipe)
    return { ok, issues }
  },
  'recipes.save': async ({ path, plan, name, description }) => ({
    path: await saveRecipeFile(path, plan, { ...(name ? { name } : {}), ...(description ? { description } : {}) }),
  }),
}
