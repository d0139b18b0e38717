import type { BenchmarkResult, SweepResult } from '../../shared/calls/bench'
import { AppError } from '../../shared/errors'
import { hasLabTables, labPairs, resolvePairs } from '../core/bench/lab-questions'
import { benchmarkReport, sweepReport, timingsCsv } from '../core/bench/report'
import type { Handlers } from './router'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The renderer hands back a result it received from a job; check its shape before reporting on it. */
function asResult(v: unknown): BenchmarkResult | SweepResult {
  if (isRecord(v) && Array.isArray(v.points) && Array.isArray(v.series) && isRecord(v.engine)) return v as unknown as SweepResult
  if (isRecord(v) && Array.isArray(v.pairs) && isRecord(v.engine) && isRecord(v.settings) && isRecord(v.machine)) return v as unknown as BenchmarkResult
  throw new AppError('BAD_ARGUMENT', 'Not a benchmark or sweep result', { field: 'result' })
}

export const benchHandlers: Handlers<'bench.questions' | 'bench.run' | 'bench.sweep' | 'bench.report' | 'bench.resultsCsv'> = {
  'bench.questions': async ({ sourceId }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    const model = await driver.introspect()
    if (!hasLabTables(model.tables.map((t) => t.name))) return []
    return labPairs(driver.kind)
  },
  'bench.run': async ({ sourceId, pairs, runs, warmups, cold }, ctx) => {
    const { spec, driver } = ctx.sources.get(sourceId)
    let available: ReturnType<typeof labPairs> = []
    if (!pairs || pairs.some((p) => typeof p === 'string')) {
      const model = await driver.introspect()
      available = hasLabTables(model.tables.map((t) => t.name)) ? labPairs(driver.kind) : []
    }
    const resolved = resolvePairs(pairs, available)
    const { jobId } = ctx.jobs.start('benchmark', { spec, pairs: resolved, runs, warmups, cold })
    return { jobId }
  },
  'bench.sweep': async (args, ctx) => {
    if (args.engine === 'mysql' && !args.server) {
      throw new AppError('BAD_ARGUMENT', 'A MySQL sweep needs the server to create its scratch databases on', { field: 'server' })
    }
    if (args.server && args.server.kind !== 'mysql') throw new AppError('BAD_ARGUMENT', 'The sweep server must be MySQL/MariaDB', { field: 'server' })
    const { jobId } = ctx.jobs.start('benchmarkSweep', {
      engine: args.engine,
      ...(args.server?.kind === 'mysql' ? { server: args.server } : {}),
      workDir: ctx.dataDir,
      sizes: args.sizes,
      patientsPerEncounter: args.patientsPerEncounter,
      seed: args.seed,
      runs: args.runs,
      warmups: args.warmups,
      cold: args.cold,
    })
    return { jobId }
  },
  'bench.report': async ({ result }) => {
    const r = asResult(result)
    return { markdown: 'points' in r ? sweepReport(r) : benchmarkReport(r) }
  },
  'bench.resultsCsv': async ({ result }) => ({ csv: timingsCsv(asResult(result)) }),
}
