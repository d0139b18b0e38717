import { overviewData, overviewMapping } from '../core/profile/clinic-overview'
import { chartData } from '../core/profile/chart-data'
import type { Handlers } from './router'

/**
 * Analysis calls. The profile reads every row of every column, so it is a job
 * with its own connection; a chart or the overview is a few grouped queries
 * and answers directly on the source's connection.
 */
export const profileHandlers: Handlers<'profile.start' | 'chart.data' | 'overview.map' | 'overview.data'> = {
  'profile.start': async ({ sourceId, target, sample }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    const { jobId } = ctx.jobs.start('profile', { spec, target, ...(sample ? { sample } : {}) })
    return { jobId }
  },
  'chart.data': async ({ sourceId, spec }, ctx) => chartData(ctx.sources.driver(sourceId), spec),
  'overview.map': async ({ sourceId, target }, ctx) => overviewMapping(ctx.sources.driver(sourceId), target),
  'overview.data': async ({ sourceId, target, mapping }, ctx) => overviewData(ctx.sources.driver(sourceId), target, mapping),
}
