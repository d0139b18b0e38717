import { AppError } from '../../shared/errors'
import { schemaToSvg } from '../../shared/er/er-diagram'
import { cachedSchema } from '../core/browse/schema-cache'
import { RelationshipStateStore } from '../core/schema/relationship-state-store'
import { relationshipsOf } from '../core/schema/relationships'
import { exportSchema } from '../core/schema/schema-export'
import { databaseKey, sourceRelationships } from '../core/schema/source-relationships'
import type { ApiContext } from './api-context'
import type { Handlers } from './router'

function storeKey(ctx: ApiContext, sourceId: string): string {
  return databaseKey(ctx.sources.get(sourceId).spec)
}

async function load(ctx: ApiContext, sourceId: string, opts: { includeInferred?: boolean; includeHidden?: boolean } = {}) {
  const driver = ctx.sources.driver(sourceId)
  const model = await cachedSchema(driver)
  const rels = await sourceRelationships(driver, model, storeKey(ctx, sourceId), new RelationshipStateStore(ctx.dataDir), opts)
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
    new RelationshipStateStore(ctx.dataDir).set(storeKey(ctx, sourceId), id, state)
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
