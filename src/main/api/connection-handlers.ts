import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { specFromFields } from '../core/connections/connection-store'
import { testConnection } from '../core/connections/test-connection'
import type { Handlers } from './router'

export const connectionHandlers: Handlers<
  'connections.storage' | 'connections.test' | 'connections.list' | 'connections.save' | 'connections.delete' | 'connections.open' | 'connections.copyToSqlite' | 'query.cancel'
> = {
  'connections.storage': async (_args, ctx) => {
    const storage = ctx.secrets.storage
    return { passwordStorage: storage, persistent: storage === 'keychain' }
  },
  'connections.test': async ({ id, fields, password }, ctx) => {
    const spec = id !== undefined ? await ctx.connections.spec(id, password) : specFromFields(fields!, password)
    return testConnection(spec)
  },
  'connections.list': async (_args, ctx) => ctx.connections.list(),
  'connections.save': async ({ id, fields, password, savePassword, test }, ctx) => {
    if (test) {
      // Test with what will be saved: the new password, else the saved one.
      const pw = password !== undefined || id === undefined ? password : await ctx.connections.spec(id).then((s) => s.password, () => undefined)
      await testConnection(specFromFields(fields, pw))
    }
    return ctx.connections.save({ ...(id !== undefined ? { id } : {}), fields, ...(password !== undefined ? { password } : {}), savePassword })
  },
  'connections.delete': async ({ id }, ctx) => ({ deleted: ctx.connections.delete(id) }),
  'connections.open': async ({ id, password, spec }, ctx) => {
    const resolved = id !== undefined ? await ctx.connections.spec(id, password) : { ...spec!, ...(password !== undefined ? { password } : {}) }
    return ctx.sources.open(resolved)
  },
  'connections.copyToSqlite': async ({ sourceId, tables, output, overwrite }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    if (spec.kind !== 'mysql') throw new AppError('UNSUPPORTED', 'Copy to SQLite reads a MySQL/MariaDB source; this source is already SQLite', { field: 'sourceId' })
    const { jobId } = ctx.jobs.start('copyToSqlite', { spec, output: resolve(output), overwrite, ...(tables ? { tables } : {}) })
    return { jobId }
  },
  'query.cancel': async ({ sourceId }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    return { cancelled: driver.cancel ? await driver.cancel() : false }
  },
}
