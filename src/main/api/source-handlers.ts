import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { Handlers } from './router'

export const sourceHandlers: Handlers<
  | 'sources.openSqlite'
  | 'sources.open'
  | 'sources.list'
  | 'sources.close'
  | 'sources.schema'
  | 'sources.countRows'
  | 'recent.list'
  | 'uploads.path'
> = {
  'sources.openSqlite': async ({ path, writable }, ctx) => {
    const summary = await ctx.sources.open({ kind: 'sqlite', path, writable })
    ctx.recent.add(path)
    return summary
  },
  'sources.open': async ({ spec }, ctx) => {
    const summary = await ctx.sources.open(spec)
    if (spec.kind === 'sqlite') ctx.recent.add(spec.path)
    return summary
  },
  'sources.list': async (_args, ctx) => ctx.sources.list(),
  'sources.close': async ({ sourceId }, ctx) => ({ closed: await ctx.sources.close(sourceId) }),
  'sources.schema': async ({ sourceId }, ctx) => ctx.sources.driver(sourceId).introspect(),
  'sources.countRows': async ({ sourceId, tables }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    const { jobId } = ctx.jobs.start('rowCount', tables ? { spec, tables } : { spec })
    return { jobId }
  },
  'recent.list': async (_args, ctx) => ctx.recent.list().filter((e) => existsSync(e.path)),
  'uploads.path': async ({ uploadId }, ctx) => {
    if (ctx.transport !== 'bridge') throw new AppError('UNSUPPORTED', 'Uploads exist only in the browser bridge')
    // Each upload is a directory holding the one file, under its (sanitised) original name.
    const dir = join(ctx.uploadDir, uploadId)
    const name = existsSync(dir) ? readdirSync(dir)[0] : undefined
    if (!name) throw new AppError('NOT_FOUND', `No upload ${uploadId}`, { field: 'uploadId' })
    return { path: join(dir, name) }
  },
}
