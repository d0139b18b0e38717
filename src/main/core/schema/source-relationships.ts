import type { Relationship, SchemaModel } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'
import { DEFAULT_INFERENCE_THRESHOLD, inferRelationships } from './relationship-inference'
import { type RelationshipStateStore, applyStates } from './relationship-state-store'
import { declaredRelationships } from './relationships'

const inferredCache = new WeakMap<Driver, { model: SchemaModel; rels: Relationship[] }>()

/** Inferred candidates at any confidence (so accepted weak ones survive), cached per schema read. */
async function inferredFor(driver: Driver, model: SchemaModel): Promise<Relationship[]> {
  const hit = inferredCache.get(driver)
  if (hit && hit.model === model) return hit.rels
  const rels = await inferRelationships(driver, model, { threshold: 0 })
  inferredCache.set(driver, { model, rels })
  return rels
}

export interface SourceRelationshipOptions {
  includeInferred?: boolean
  includeHidden?: boolean
  threshold?: number
}

/**
 * Relationships of an open source as the app shows them: declared first, then
 * inferred ones with the user's accept/hide verdicts (kept per database in the
 * store) applied.
 */
export async function sourceRelationships(
  driver: Driver,
  model: SchemaModel,
  database: string,
  store: RelationshipStateStore | null,
  opts: SourceRelationshipOptions = {},
): Promise<Relationship[]> {
  const declared = declaredRelationships(model)
  if (opts.includeInferred === false) return declared
  const inferred = await inferredFor(driver, model)
  return applyStates(declared, inferred, store ? store.states(database) : {}, {
    threshold: opts.threshold ?? DEFAULT_INFERENCE_THRESHOLD,
    includeHidden: !!opts.includeHidden,
  })
}
