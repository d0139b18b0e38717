import type { Handlers } from './router'

/** CSV export runs as an `exportCsv` job in a worker with its own connection; progress and the result come as job events. */
export const exportHandlers: Handlers<'export.csv'> = {
  'export.csv': async ({ sourceId, what, path, options }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    const { jobId } = ctx.jobs.start('exportCsv', { spec, what, path, options })
    return { jobId }
  },
}
