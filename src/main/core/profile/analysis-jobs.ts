import type { AnalysisTarget, ChartData, ChartSpec } from '../../../shared/chart-spec'
import type { OverviewData, OverviewMapping } from '../../../shared/calls/profile'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import type { JobContext } from '../jobs/job-context'
import { chartData } from './chart-data'
import { overviewData } from './clinic-overview'

/**
 * Charts and the overview as jobs, for SQLite files large enough that a
 * GROUP BY would hold the main process (better-sqlite3 is synchronous). Each
 * opens its own read-only connection in the worker.
 */
async function withOwnDriver<R>(spec: SourceSpec, ctx: JobContext, run: (d: Driver) => Promise<R>): Promise<R> {
  ctx.progress({ phase: 'querying', done: 0, total: 1, unit: 'queries' })
  const driver = await openDriver(spec.kind === 'sqlite' ? { ...spec, writable: false } : spec)
  try {
    const result = await run(driver)
    ctx.progress({ phase: 'done', done: 1, total: 1, unit: 'queries' })
    return result
  } finally {
    await driver.close()
  }
}

export interface ChartDataArgs {
  spec: SourceSpec
  chart: ChartSpec
}

export function chartDataJob(args: ChartDataArgs, ctx: JobContext): Promise<ChartData> {
  return withOwnDriver(args.spec, ctx, (d) => chartData(d, args.chart))
}

export interface OverviewDataArgs {
  spec: SourceSpec
  target: AnalysisTarget
  mapping: OverviewMapping
}

export function overviewDataJob(args: OverviewDataArgs, ctx: JobContext): Promise<OverviewData> {
  return withOwnDriver(args.spec, ctx, (d) => overviewData(d, args.target, args.mapping))
}
