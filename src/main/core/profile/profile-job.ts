import type { AnalysisTarget } from '../../../shared/chart-spec'
import type { ColumnProfile, ProfileResult } from '../../../shared/calls/profile'
import { AppError } from '../../../shared/errors'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import type { JobContext } from '../jobs/job-context'
import { analysisDialect, limit } from './analysis-dialect'
import { resolveSource } from './analysis-source'
import { profileColumn } from './column-profile'
import { smallSorterCache } from './sqlite-tuning'
import { toInt } from './sql-values'

export interface ProfileOptions {
  target: AnalysisTarget
  /** Profile a random sample of this many rows instead of every row; the result says so. */
  sample?: { rows: number }
  /** Histogram bins for numbers and dates (default 20). */
  bins?: number
  /** Top values per column (default 10). */
  top?: number
  /** Only these columns (default all). */
  columns?: string[]
}

export interface ProfileArgs extends ProfileOptions {
  spec: SourceSpec
}

/** The `profile` job: opens its own read-only connection, so it can run in a worker. */
export async function profileJob(args: ProfileArgs, ctx: JobContext): Promise<ProfileResult> {
  const { spec, ...opts } = args
  const driver = await openDriver(spec.kind === 'sqlite' ? { ...spec, writable: false } : spec)
  try {
    return await profileSource(driver, opts, ctx)
  } finally {
    await driver.close()
  }
}

const SAMPLE_TABLE = 'sonograph_profile_rows'

/** Profiles every column of a table, view or query; progress is reported per column. */
export async function profileSource(driver: Driver, opts: ProfileOptions, ctx: JobContext): Promise<ProfileResult> {
  const started = Date.now()
  const d = analysisDialect(driver)
  const source = await resolveSource(driver, opts.target)
  const wanted = opts.columns ? new Set(opts.columns) : null
  const columns = source.columns.filter((c) => !wanted || wanted.has(c.name))
  const missing = opts.columns?.find((name) => !source.columns.some((c) => c.name === name))
  if (missing !== undefined) throw new AppError('BAD_ARGUMENT', `No column named ${missing} in ${source.label}`, { field: 'columns' })
  const total = columns.length
  let from = source.from
  let tempSample = false
  if (opts.sample) ctx.progress({ phase: 'sampling', done: 0, total, unit: 'steps' })
  if (d.kind === 'sqlite' && (opts.sample || 'sql' in opts.target)) {
    // Materialised once: every column sees the same sample, and a query (a join, say) runs once instead of once per column.
    const pick = opts.sample ? `SELECT * FROM ${source.from} ORDER BY ${d.random()} LIMIT ${limit(opts.sample.rows)}` : `SELECT * FROM ${source.from}`
    await driver.exec(`DROP TABLE IF EXISTS temp.${SAMPLE_TABLE}`)
    await driver.exec(`CREATE TEMP TABLE ${SAMPLE_TABLE} AS ${pick}`)
    from = `temp.${SAMPLE_TABLE}`
    tempSample = true
  } else if (opts.sample) {
    // A seeded RAND() draws the same rows in every query, without a temp table a pooled connection might lose.
    from = `(SELECT * FROM ${source.from} ORDER BY RAND(20261122) LIMIT ${limit(opts.sample.rows)}) AS ${d.q('sample')}`
  }
  const restoreCache = await smallSorterCache(driver)
  try {
    const profiles: ColumnProfile[] = []
    for (const [i, col] of columns.entries()) {
      ctx.throwIfCancelled()
      ctx.progress({ phase: `column ${col.name}`, done: i, total, unit: 'steps', message: `${i + 1} of ${total}: ${col.name}` })
      profiles.push(await profileColumn(driver, d, from, col, { bins: opts.bins ?? 20, top: opts.top ?? 10 }))
    }
    ctx.progress({ phase: 'done', done: total, total, unit: 'steps' })
    const rowCount = profiles[0]?.rows ?? toInt((await driver.query(`SELECT count(*) FROM ${from}`)).rows[0]?.[0])
    return {
      target: opts.target,
      sourceName: source.label === 'query' ? `${driver.name} (query)` : `${driver.name} / ${source.label}`,
      rowCount,
      sample: opts.sample ? { rows: rowCount, requested: opts.sample.rows, method: 'random' } : null,
      columns: profiles,
      method: {
        stddev: 'sample (n-1)',
        quantiles: 'linear interpolation between closest ranks (type 7, numpy/pandas default)',
        outliers: 'Tukey fences: below Q1 - 1.5*IQR or above Q3 + 1.5*IQR',
        histogramBins: opts.bins ?? 20,
      },
      elapsedMs: Date.now() - started,
    }
  } finally {
    await restoreCache()
    if (tempSample) await driver.exec(`DROP TABLE IF EXISTS temp.${SAMPLE_TABLE}`)
  }
}
