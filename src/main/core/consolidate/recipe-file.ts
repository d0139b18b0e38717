import { readFile, writeFile } from 'node:fs/promises'
import type { PlanIssue } from '../../../shared/calls/consolidate'
import { AppError } from '../../../shared/errors'
import { planOfRecipe, recipeOfPlan, recipeSchema, type ConsolidationPlan, type ConsolidationPlanInput, type Recipe } from '../../../shared/recipe'
import type { Driver } from '../db/driver'
import { withAtomicFile } from '../jobs/atomic-file'
import { planIssues } from './run-plan'

/** Shape problems of a recipe (before any database is involved), with their JSON paths. */
export function recipeShapeIssues(value: unknown): { recipe?: Recipe; issues: PlanIssue[] } {
  const parsed = recipeSchema.safeParse(value)
  if (parsed.success) return { recipe: parsed.data, issues: [] }
  return {
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`,
    })),
  }
}

export function parseRecipe(value: unknown, file?: string): Recipe {
  const { recipe, issues } = recipeShapeIssues(value)
  if (recipe) return recipe
  const first = issues[0]
  throw new AppError('PARSE_ERROR', `Not a Sonograph recipe${file ? ` (${file})` : ''}: ${first?.message ?? 'invalid'}`, {
    ...(file ? { file } : {}),
    ...(first ? { field: first.path } : {}),
  })
}

export async function loadRecipeFile(path: string): Promise<Recipe> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new AppError('NOT_FOUND', `Cannot read recipe ${path}: ${(err as Error).message}`, { file: path })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new AppError('PARSE_ERROR', `Recipe ${path} is not valid JSON: ${(err as Error).message}`, { file: path })
  }
  return parseRecipe(json, path)
}

export async function saveRecipeFile(path: string, plan: ConsolidationPlanInput, meta: { name?: string; description?: string } = {}): Promise<string> {
  const recipe = recipeOfPlan(plan, meta)
  await withAtomicFile(path, (tmp) => writeFile(tmp, `${JSON.stringify(recipe, null, 2)}\n`, 'utf8'))
  return path
}

/** Shape first, then every table and column (and free SQL) against the source. */
export async function validateRecipe(driver: Driver, value: unknown): Promise<{ ok: boolean; issues: PlanIssue[]; plan?: ConsolidationPlan }> {
  const { recipe, issues } = recipeShapeIssues(value)
  if (!recipe) return { ok: false, issues }
  const plan = planOfRecipe(recipe)
  const found = await planIssues(driver, plan)
  return found.length ? { ok: false, issues: found } : { ok: true, issues: [], plan }
}
