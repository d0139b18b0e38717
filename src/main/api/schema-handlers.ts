import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { schemaToSvg } from '../../shared/er/er-diagram'
import { cachedSchema } from '../core/browse/schema-cache'
import { describeSpec } from '../core/sources/source-registry'
import { RelationshipStateStore } from '../core/schema/relationship-state-store'
import { relationshipsOf } from '../core/schema/relationships'
import { exportSchema } from '../core/schema/schema-export'
import { sourceRelationships } from '../core/schema/source-relationships'
import type { ApiContext } from './api-context'
import type { Handlers } from './router'

/** The key a database's relationship verdicts are stored under: its file path or server location. */
function databaseKey(ctx: ApiContext, sourceId: string): string {
  const { spec } = ctx.sources.get(sourceId)
  return spec.kind === 'sqlite' ? resolve(spec.path) : `mysql://${describeSpec(spec)}`
}

async function load(ctx: ApiContext, sourceId: string, opts: { includeInferred?: boolean; includeHidden?: boolean } = {}) {
  const driver = ctx.sources.driver(sourceId)
  const model = await cachedSchema(driver)
  const rels = await sourceRelationships(driver, model, databaseKey(ctx, sourceId), new RelationshipStateStore(ctx.dataDir), opts)
  return { model, rels }
}

export const schemaHandlers: Handlers<'schema.export' | 'schema.relationships' | 'schema.setRelationshipState' | 'schema.tableRelationships' | 'schema.erSvg'> = {
  'schema.export': async ({ sourceId, format }, ctx) => {
    const { model, rels } = await load(ctx, sourceId)
    return exportSchema(model, rels, format)
  },
  'schema.relationships': async ({ sourceId, includeInferred, includeHidden }, ctx) => (await load(ctx, sourceId, { includeInferred, includeHidden })).rels,
  'schema.setRelationshipState': async ({ sourceId, id, state }, ctx) => {
    const { rels } = await load(ctx, sourceId, { includeHidden: true })
    const known = rels.find((r) => r.id === id)
    // Verdicts are for inferred edges; a declared key is a fact of the schema.
    if (known?.origin === 'declared') throw new AppError('BAD_ARGUMENT', `${id} is a declared foreign key; only inferred relationships can be accepted or hidden`, { field: 'id' })
    if (!known && state !== 'none') throw new AppError('NOT_FOUND', `No inferred relationship ${id} in this database`, { field: 'id' })
    new RelationshipStateStore(ctx.dataDir).set(databaseKey(ctx, sourceId), id, state)
    return { id, state }
  },
  'schema.tableRelationships': async ({ sourceId, table, includeInferred }, ctx) => {
    const { model, rels } = await load(ctx, sourceId, { includeInferred })
    if (!model.tables.some((t) => t.name === table)) throw new AppError('NOT_FOUND', `No table or view named ${table}`, { field: 'table' })
    return relationshipsOf(table, rels)
  },
  'schema.erSvg': async ({ sourceId, collapsed, transparent, includeInferred }, ctx) => {
    const { model, rels } = await load(ctx, sourceId, { includeInferred })
    const { svg, layout } = schemaToSvg(model, rels, { collapsed, transparent })
    return { svg, width: layout.width, height: layout.height }
  },
}
