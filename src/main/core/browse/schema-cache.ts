import { AppError } from '../../../shared/errors'
import type { SchemaModel, TableInfo } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'

interface Entry {
  model: SchemaModel
  /** SQLite's schema_version when read; other engines expire by time. */
  version: number | null
  at: number
}

const cache = new WeakMap<Driver, Entry>()
const TTL_MS = 10_000

async function schemaVersion(driver: Driver): Promise<number | null> {
  if (driver.kind !== 'sqlite') return null
  const res = await driver.query('PRAGMA schema_version')
  return Number(res.rows[0]?.[0] ?? 0)
}

/**
 * The introspected schema, reused between pages: introspecting every table for
 * every page would cost more than the page. On SQLite the cache follows
 * `PRAGMA schema_version`, so DDL run anywhere is seen on the next page.
 */
export async function cachedSchema(driver: Driver): Promise<SchemaModel> {
  const version = await schemaVersion(driver)
  const hit = cache.get(driver)
  if (hit && (version !== null ? hit.version === version : Date.now() - hit.at < TTL_MS)) return hit.model
  const model = await driver.introspect()
  cache.set(driver, { model, version, at: Date.now() })
  return model
}

export function invalidateSchema(driver: Driver): void {
  cache.delete(driver)
}

export async function tableOrThrow(driver: Driver, name: string): Promise<TableInfo> {
  const model = await cachedSchema(driver)
  const t = model.tables.find((x) => x.name === name) ?? model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase())
  if (!t) throw new AppError('NOT_FOUND', `No table or view named ${name}`, { field: 'table' })
  return t
}
