import { AppError } from '../../shared/errors'
import { countRows, quickEstimate } from '../core/browse/browse-count-job'
import { readCellValue } from '../core/browse/cell-value'
import { readPage } from '../core/browse/keyset-pager'
import { planTree } from '../core/browse/query-plan'
import { invalidateSchema, tableOrThrow } from '../core/browse/schema-cache'
import { splitStatements, statementAt } from '../core/browse/statement-splitter'
import { fromKeyValue } from '../core/browse/wire-values'
import type { Handlers } from './router'

/** Tables up to this many rows (by rowid span or estimate) are counted inline. */
const INLINE_COUNT_ROWS = 1_000_000
const INLINE_FILTERED_COUNT_ROWS = 200_000

/** console.run calls in flight, by the caller's runId: the job and a way to reject at once. */
const runs = new Map<string, { jobId: string; abort: () => void }>()

export const browseHandlers: Handlers<'browse.page' | 'browse.cell' | 'browse.count' | 'console.run' | 'console.cancel' | 'console.plan' | 'console.split'> = {
  'browse.page': async ({ sourceId, table, ...req }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    return readPage(driver, await tableOrThrow(driver, table), req)
  },
  'browse.cell': async ({ sourceId, table, column, row, maxBytes }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    return readCellValue(driver, await tableOrThrow(driver, table), column, row, maxBytes)
  },
  'browse.count': async ({ sourceId, table, filters }, ctx) => {
    const { driver, spec } = ctx.sources.get(sourceId)
    const t = await tableOrThrow(driver, table)
    const estimate = t.kind === 'table' ? await quickEstimate(driver, t.name) : null
    const bound = filters.length ? INLINE_FILTERED_COUNT_ROWS : INLINE_COUNT_ROWS
    if (estimate !== null && estimate <= bound) return { count: await countRows(driver, t.name, filters), jobId: null, estimate }
    const { jobId } = ctx.jobs.start('browseCount', { spec, table: t.name, filters })
    return { count: null, jobId, estimate }
  },
  'console.run': async ({ sourceId, sql, params, limit, runId }, ctx) => {
    const { driver, spec } = ctx.sources.get(sourceId)
    if (runId && runs.has(runId)) throw new AppError('BAD_ARGUMENT', `A query with runId ${runId} is already running`, { field: 'runId' })
    const { jobId, done } = ctx.jobs.start('consoleQuery', { spec, sql, limit, ...(params ? { params } : {}) })
    let abort = (): void => undefined
    const aborted = new Promise<never>((_, reject) => {
      abort = () => reject(new AppError('CANCELLED', 'Query cancelled'))
    })
    if (runId) runs.set(runId, { jobId, abort })
    try {
      const result = await Promise.race([done, aborted])
      if (result.changes !== null) invalidateSchema(driver)
      return result
    } finally {
      if (runId) runs.delete(runId)
    }
  },
  'console.cancel': async ({ runId }, ctx) => {
    const run = runs.get(runId)
    if (!run) return { cancelled: false }
    // Answer at once; the runner stops the worker (see consoleQueryJob for what that means mid-step).
    run.abort()
    void ctx.jobs.cancel(run.jobId)
    return { cancelled: true }
  },
  'console.plan': async ({ sourceId, sql, params }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    const first = splitStatements(sql, { mysql: driver.kind === 'mysql' })[0]
    if (!first) throw new AppError('BAD_ARGUMENT', 'Nothing to explain: the text holds no SQL statement', { field: 'sql' })
    const t0 = performance.now()
    const nodes = await driver.explain(first.text, (params ?? []).map(fromKeyValue))
    return { tree: planTree(nodes), elapsedMs: performance.now() - t0 }
  },
  'console.split': async ({ sql, cursor, dialect }) => {
    const opts = { mysql: dialect === 'mysql' }
    return { statements: splitStatements(sql, opts), current: cursor === undefined ? null : statementAt(sql, cursor, opts) }
  },
}
