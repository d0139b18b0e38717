import { performance } from 'node:perf_hooks'
import type {
  BenchmarkResult,
  BenchmarkSettings,
  FormResult,
  PairResult,
  QueryForm,
  QueryPair,
} from '../../../shared/calls/bench'
import { AppError } from '../../../shared/errors'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import type { JobContext } from '../jobs/job-context'
import { compareResults, ordersOutput, type ResultDiff } from './compare-results'
import { bufferPoolState, engineInfo, engineSettings, loadAverage, machineInfo, queryPlan, tableSizes } from './engine-probe'
import { bootstrapRatioCI, summarize } from './stats'

export interface BenchmarkArgs {
  spec: SourceSpec
  pairs: QueryPair[]
  runs?: number
  warmups?: number
  cold?: boolean
  /** Collect plans (runs each query once more under ANALYZE on MariaDB/MySQL). */
  plans?: boolean
  /** Seed of the bootstrap, so a report can be recomputed exactly. */
  seed?: number
}

function readOnly(spec: SourceSpec): SourceSpec {
  return spec.kind === 'sqlite' ? { ...spec, writable: false } : spec
}

/** Wall time of running a query and fetching every row it returns. */
async function timeQuery(driver: Driver, sql: string): Promise<number> {
  const t0 = performance.now()
  const r = await driver.query(sql)
  const t1 = performance.now()
  // Touch the row count so the fetch cannot be optimised away.
  if (r.rows.length < 0) throw new AppError('INTERNAL', 'negative row count')
  return t1 - t0
}

function rowsText(rows: readonly unknown[][], max: number): string {
  return rows
    .slice(0, max)
    .map((r) => `  (${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v))).join(', ')})`)
    .join('\n')
}

/** The error a mismatch raises: readable in the message, structured in the details. */
export function mismatchError(pair: QueryPair, diff: ResultDiff): AppError {
  const lines = [
    `"${pair.title}": ${pair.a.label} and ${pair.b.label} answer differently, so no speedup is reported. ${diff.reason}.`,
  ]
  if (diff.onlyInA.length) lines.push(`Rows only in ${pair.a.label}${diff.ordered ? ' (by position)' : ''}:`, rowsText(diff.onlyInA, 5))
  if (diff.onlyInB.length) lines.push(`Rows only in ${pair.b.label}${diff.ordered ? ' (by position)' : ''}:`, rowsText(diff.onlyInB, 5))
  if (diff.moreDifferences > 0) lines.push(`…and ${diff.moreDifferences} more differing rows.`)
  return new AppError('MISMATCH', lines.join('\n'), {
    pairId: pair.id,
    title: pair.title,
    labelA: pair.a.label,
    labelB: pair.b.label,
    reason: diff.reason,
    rowsA: diff.rowsA,
    rowsB: diff.rowsB,
    ordered: diff.ordered,
    columnsA: JSON.stringify(diff.columnsA),
    columnsB: JSON.stringify(diff.columnsB),
    onlyInA: JSON.stringify(diff.onlyInA),
    onlyInB: JSON.stringify(diff.onlyInB),
    moreDifferences: diff.moreDifferences,
  })
}

/**
 * Runs one timed execution of a form. Cold runs open a fresh connection, so
 * SQLite starts with an empty page cache (the OS file cache stays warm; we
 * cannot drop it without root, and say so in the report).
 */
async function runOnce(shared: Driver, spec: SourceSpec, form: QueryForm, cold: boolean): Promise<number> {
  if (!cold) return timeQuery(shared, form.sql)
  const fresh = await openDriver(readOnly(spec))
  try {
    return await timeQuery(fresh, form.sql)
  } finally {
    await fresh.close()
  }
}

/**
 * The benchmark job: for each pair, compare the answers, then time both forms
 * interleaved (ABBA…, so neither always runs first), and summarise with a
 * bootstrap interval for the speedup.
 */
export async function benchmarkJob(args: BenchmarkArgs, ctx: JobContext): Promise<BenchmarkResult> {
  if (args.pairs.length === 0) throw new AppError('BAD_ARGUMENT', 'No query pairs to benchmark', { field: 'pairs' })
  const settings: BenchmarkSettings = {
    runs: args.runs ?? 10,
    warmups: args.warmups ?? 2,
    cold: args.cold ?? false,
    order: 'alternating',
    resamples: 2000,
    level: 0.95,
    seed: args.seed ?? 1,
  }
  const startedAt = new Date().toISOString()
  const loadBefore = loadAverage()
  const driver = await openDriver(readOnly(args.spec))
  try {
    const engine = await engineInfo(driver)
    ctx.progress({ phase: 'counting rows', done: 0, total: null, unit: 'tables' })
    const tableRows = await tableSizes(driver)
    const settingsOfEngine = await engineSettings(driver, engine.flavor)
    const poolBefore = await bufferPoolState(driver)
    const perPair = 2 * (1 + settings.warmups + settings.runs)
    const total = perPair * args.pairs.length
    let done = 0
    const tick = (phase: string): void => {
      done++
      ctx.progress({ phase, done, total, unit: 'queries' })
    }
    const pairs: PairResult[] = []
    for (const pair of args.pairs) {
      ctx.throwIfCancelled()
      ctx.progress({ phase: `${pair.title}: comparing answers`, done, total, unit: 'queries' })
      const ra = await driver.query(pair.a.sql)
      tick(`${pair.title}: comparing answers`)
      const rb = await driver.query(pair.b.sql)
      tick(`${pair.title}: comparing answers`)
      const ordered = pair.ordered ?? (ordersOutput(pair.a.sql) && ordersOutput(pair.b.sql))
      const diff = compareResults(ra, rb, { ordered, ...(pair.tolerance ? { tolerance: pair.tolerance } : {}) })
      if (!diff.equal) throw mismatchError(pair, diff)

      const ta: number[] = []
      const tb: number[] = []
      const steps = settings.warmups + settings.runs
      for (let i = 0; i < steps; i++) {
        const warm = i < settings.warmups
        const label = warm ? `warm-up ${i + 1}/${settings.warmups}` : `timed run ${i - settings.warmups + 1}/${settings.runs}`
        const order: [QueryForm, number[]][] = i % 2 === 0 ? [[pair.a, ta], [pair.b, tb]] : [[pair.b, tb], [pair.a, ta]]
        for (const [form, sink] of order) {
          ctx.throwIfCancelled()
          const ms = await runOnce(driver, args.spec, form, settings.cold && !warm)
          if (!warm) sink.push(ms)
          tick(`${pair.title}: ${label}`)
        }
      }
      ctx.throwIfCancelled()
      const plans = args.plans ?? true
      if (plans) ctx.progress({ phase: `${pair.title}: plans`, done, total, unit: 'queries' })
      const planA = plans ? await queryPlan(driver, engine.flavor, pair.a.sql) : null
      const planB = plans ? await queryPlan(driver, engine.flavor, pair.b.sql) : null
      const form = (f: QueryForm, t: number[], plan: FormResult['plan']): FormResult => ({
        label: f.label,
        sql: f.sql,
        timingsMs: t,
        summary: summarize(t),
        plan,
      })
      pairs.push({
        id: pair.id,
        title: pair.title,
        ...(pair.definition ? { definition: pair.definition } : {}),
        resultRows: diff.rowsA,
        comparedInOrder: ordered,
        a: form(pair.a, ta, planA),
        b: form(pair.b, tb, planB),
        speedup: bootstrapRatioCI(ta, tb, { resamples: settings.resamples, level: settings.level, seed: settings.seed }),
      })
    }
    const poolAfter = await bufferPoolState(driver)
    return {
      startedAt,
      finishedAt: new Date().toISOString(),
      source: { kind: driver.kind, name: driver.name },
      engine,
      machine: machineInfo(),
      settings,
      tableRows,
      bufferPool: poolBefore && poolAfter ? { before: poolBefore, after: poolAfter } : null,
      cacheNote: cacheNote(engine.flavor, settings.cold),
      engineSettings: settingsOfEngine,
      load: { before: loadBefore, after: loadAverage() },
      pairs,
    }
  } finally {
    await driver.close()
  }
}

function cacheNote(flavor: string, cold: boolean): string {
  if (flavor === 'sqlite') {
    return cold
      ? 'Cold: each timed run opened a fresh SQLite connection (empty page cache, schema re-read); the operating system file cache was not dropped.'
      : 'Warm: one SQLite connection for all runs, after the warm-up runs.'
  }
  return cold
    ? 'Each timed run used a fresh connection; the InnoDB buffer pool is shared by the server and cannot be emptied without a restart, so its state before and after is reported.'
    : 'Warm: one connection for all runs, after the warm-up runs; the InnoDB buffer pool state before and after is reported.'
}
