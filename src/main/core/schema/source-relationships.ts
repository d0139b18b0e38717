import { resolve } from 'node:path'
import type { Relationship, SchemaModel } from '../../../shared/schema-model'
import type { SourceSpec } from '../../../shared/source-spec'
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

/** The key verdicts are stored under: the SQLite file's absolute path, or mysql://user@host:port/db. */
export function databaseKey(spec: SourceSpec): string {
  return spec.kind === 'sqlite' ? resolve(spec.path) : `mysql://${spec.user}@${spec.host}:${spec.port}/${spec.database}`
}

const ID = /^(.+)\(([^()]*)\)->(.+)\(([^()]*)\)$/

/**
 * The inferred relationships the user accepted for a database, rebuilt from the
 * stored ids without re-running inference: what other areas (the consolidation
 * wizard) add to the declared foreign keys.
 */
export function acceptedRelationships(store: RelationshipStateStore, spec: SourceSpec): Relationship[] {
  const out: Relationship[] = []
  for (const [id, state] of Object.entries(store.states(databaseKey(spec)))) {
    const m = state === 'accepted' ? ID.exec(id) : null
    if (!m) continue
    out.push({ id, childTable: m[1]!, childColumns: m[2]!.split(','), parentTable: m[3]!, parentColumns: m[4]!.split(','), origin: 'inferred', accepted: true })
  }
  return out
}
