import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { QueryPair, SweepPoint, SweepResult, SweepSeries } from '../../../shared/calls/bench'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec, SourceSpec } from '../../../shared/source-spec'
import { openDriver } from '../db/open-driver'
import { removeWithSiblings } from '../jobs/atomic-file'
import type { JobContext } from '../jobs/job-context'
import { benchmarkJob } from './runner'

export interface SweepArgs {
  engine: 'sqlite' | 'mysql'
  /** MySQL: the server to create one scratch database per size on (its `database` is ignored). */
  server?: MysqlSpec
  /** SQLite: the folder for the scratch files. */
  workDir: string
  sizes: number[]
  patientsPerEncounter: number
  seed: number
  runs: number
  warmups: number
  cold: boolean
  /** Keep the generated databases (SQLite files / MySQL schemas) after the run. */
  keep?: boolean
}

/** What the sweep needs from the healthcare lab: make the OLTP data, build the star, name the questions. */
export interface LabBuilder {
  generate(spec: SourceSpec, opts: { patients: number; encounters: number; seed: number }, ctx: JobContext): Promise<void>
  buildStar(spec: SourceSpec, ctx: JobContext): Promise<void>
  pairs(dialect: 'sqlite' | 'mysql'): QueryPair[]
}

/** A context whose phases say which size they belong to; cancel and progress pass through. */
function prefixed(ctx: JobContext, prefix: string): JobContext {
  return {
    progress: (u) => ctx.progress({ ...u, phase: `${prefix}: ${u.phase}` }),
    get cancelled() {
      return ctx.cancelled
    },
    throwIfCancelled: () => ctx.throwIfCancelled(),
  }
}

async function withScratchMysql<T>(server: MysqlSpec, name: string, keep: boolean, body: (spec: MysqlSpec) => Promise<T>): Promise<T> {
  const admin = await openDriver({ ...server, database: server.database })
  try {
    await admin.exec(`DROP DATABASE IF EXISTS \`${name}\``)
    await admin.exec(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await admin.close()
  }
  try {
    return await body({ ...server, database: name })
  } finally {
    if (!keep) {
      const d = await openDriver(server)
      await d.exec(`DROP DATABASE IF EXISTS \`${name}\``).finally(() => d.close())
    }
  }
}

async function withScratchSqlite<T>(dir: string, name: string, keep: boolean, body: (spec: SourceSpec) => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.sqlite`)
  await removeWithSiblings(path)
  try {
    return await body({ kind: 'sqlite', path, writable: true })
  } finally {
    if (!keep) await removeWithSiblings(path)
  }
}

/** The medians of each question and form across sizes: the log-log chart's data. */
export function sweepSeries(points: readonly SweepPoint[]): SweepSeries[] {
  const series = new Map<string, SweepSeries>()
  for (const pt of points) {
    for (const p of pt.result.pairs) {
      for (const f of [p.a, p.b]) {
        const key = `${p.id}\u0000${f.label}`
        let s = series.get(key)
        if (!s) {
          s = { pairId: p.id, title: p.title, form: f.label, points: [] }
          series.set(key, s)
        }
        s.points.push({ encounters: pt.encounters, medianMs: f.summary.medianMs, p95Ms: f.summary.p95Ms })
      }
    }
  }
  return [...series.values()]
}

/**
 * The scale sweep: for each size, generate the lab, build the star, and
 * benchmark the four questions, so the user sees how each form grows.
 */
export async function benchmarkSweep(args: SweepArgs, ctx: JobContext, lab: LabBuilder): Promise<SweepResult> {
  if (args.engine === 'mysql' && !args.server) throw new AppError('BAD_ARGUMENT', 'A MySQL sweep needs a server', { field: 'server' })
  const sizes = [...new Set(args.sizes)].sort((a, b) => a - b)
  const points: SweepPoint[] = []
  for (const encounters of sizes) {
    ctx.throwIfCancelled()
    const patients = Math.max(10, Math.round(encounters * args.patientsPerEncounter))
    const sub = prefixed(ctx, `${encounters.toLocaleString('en-US')} encounters`)
    const name = `sonograph_sweep_${encounters}`
    const run = async (spec: SourceSpec): Promise<SweepPoint> => {
      await lab.generate(spec, { patients, encounters, seed: args.seed }, sub)
      ctx.throwIfCancelled()
      await lab.buildStar(spec, sub)
      ctx.throwIfCancelled()
      const result = await benchmarkJob(
        { spec, pairs: lab.pairs(args.engine), runs: args.runs, warmups: args.warmups, cold: args.cold, plans: false, seed: args.seed },
        sub,
      )
      return { encounters, patients, result }
    }
    const point =
      args.engine === 'mysql' && args.server
        ? await withScratchMysql(args.server, name, args.keep ?? false, run)
        : await withScratchSqlite(args.workDir, name, args.keep ?? false, run)
    points.push(point)
  }
  const engine = points[0]?.result.engine
  if (!engine) throw new AppError('BAD_ARGUMENT', 'No sizes to sweep', { field: 'sizes' })
  return { engine, sizes, points, series: sweepSeries(points) }
}
