import { statSync } from 'node:fs'
import { overviewData, overviewMapping } from '../core/profile/clinic-overview'
import { chartData } from '../core/profile/chart-data'
import type { ApiContext } from './api-context'
import type { Handlers } from './router'

/**
 * SQLite files from this size up get their charts and overview computed in a
 * worker: better-sqlite3 is synchronous, so a GROUP BY over millions of rows
 * would otherwise hold the window. Smaller files answer inline, without the
 * worker's start-up cost. MySQL queries never block, so they always run inline.
 * SONOGRAPH_INLINE_ANALYSIS_BYTES overrides the limit (0 sends everything to a worker).
 */
const INLINE_LIMIT_BYTES = 32 * 1024 * 1024

function inWorker(ctx: ApiContext, sourceId: string): boolean {
  const { spec } = ctx.sources.get(sourceId)
  if (spec.kind !== 'sqlite') return false
  const env = process.env.SONOGRAPH_INLINE_ANALYSIS_BYTES
  const limit = env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : INLINE_LIMIT_BYTES
  try {
    return statSync(spec.path).size >= limit
  } catch {
    return false
  }
}

/**
 * Analysis calls. The profile reads every row of every column, so it is a job
 * whose result arrives with `job.finished`; a chart or the overview answers
 * the call itself (from a worker when the file is large).
 */
export const profileHandlers: Handlers<'profile.start' | 'chart.data' | 'overview.map' | 'overview.data'> = {
  'profile.start': async ({ sourceId, target, sample, columns }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    const { jobId } = ctx.jobs.start('profile', { spec, target, ...(sample ? { sample } : {}), ...(columns ? { columns } : {}) })
    return { jobId }
  },
  'chart.data': async ({ sourceId, spec }, ctx) => {
    if (inWorker(ctx, sourceId)) return ctx.jobs.start('chartData', { spec: ctx.sources.get(sourceId).spec, chart: spec }).done
    return chartData(ctx.sources.driver(sourceId), spec)
  },
  'overview.map': async ({ sourceId, target }, ctx) => overviewMapping(ctx.sources.driver(sourceId), target),
  'overview.data': async ({ sourceId, target, mapping }, ctx) => {
    if (inWorker(ctx, sourceId)) return ctx.jobs.start('overviewData', { spec: ctx.sources.get(sourceId).spec, target, mapping }).done
    return overviewData(ctx.sources.driver(sourceId), target, mapping)
  },
}
