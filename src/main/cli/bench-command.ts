import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { queryPairSchema, type BenchmarkResult, type QueryPair, type SweepResult } from '../../shared/calls/bench'
import { AppError, toErrorShape } from '../../shared/errors'
import { formatMs, formatRatio, verdict, benchmarkReport, sweepReport, timingsCsv } from '../core/bench/report'
import { hasLabTables, labPairs, resolvePairs } from '../core/bench/lab-questions'
import { benchmarkJob } from '../core/bench/runner'
import { benchmarkSweepJob } from '../core/bench/sweep-job'
import { openDriver } from '../core/db/open-driver'
import { withAtomicFile } from '../core/jobs/atomic-file'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand, CliIO } from './cli-command'
import { resolveSource, SOURCE_USAGE } from './source-option'
import { cancelOnSigint } from './cli-job'

const USAGE = `Usage: sonograph bench DB [options] --report out.md
       sonograph bench DB --sweep 10000,50000,200000 [options] --report out.md

Benchmarks the healthcare lab's four business questions, OLTP form against star
form (or your own pairs of queries), on one database. Each pair's answers are
compared first; if they differ the run stops, shows the differing rows and
reports no speedup (exit code 3).

${SOURCE_USAGE}

  --runs N            timed runs per form (default 10; 5 in a sweep)
  --warmups N         untimed runs before timing (default 2; 1 in a sweep)
  --cold              a fresh connection for every timed run
  --questions a,b     only these built-in questions (ids)
  --pairs FILE.json   your own pairs: [{"id","title","a":{"label","sql"},"b":{"label","sql"}}]
  --sweep N,N,...     generate the lab at these encounter counts, build the star,
                      benchmark each (SQLite: scratch files in --work-dir; MySQL:
                      scratch databases sonograph_sweep_N on the --source server)
  --patients-ratio R  patients per encounter in a sweep (default 0.2)
  --work-dir DIR      where a SQLite sweep puts its scratch databases
  --keep              keep the sweep's generated databases
  --seed N            seed of the sweep's generator and of the bootstrap (default 42)
  --report FILE.md    the Markdown report (required)
  --csv FILE.csv      the raw timings (default: the report's name with .csv)
  --json FILE.json    the full result as JSON`

const pairsFileSchema = z.array(queryPairSchema).min(1)

function parseIntOption(name: string, v: string | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) throw new AppError('BAD_ARGUMENT', `--${name} must be a whole number ≥ ${min}, got ${v}`, { field: name })
  return n
}

function readPairsFile(path: string): QueryPair[] {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new AppError('BAD_ARGUMENT', `Cannot read pairs from ${path}: ${(err as Error).message}`, { file: path })
  }
  const parsed = pairsFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('BAD_ARGUMENT', `Bad pairs file ${path} at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, { file: path })
  }
  return parsed.data
}

function printTable(r: BenchmarkResult, io: CliIO): void {
  for (const p of r.pairs) {
    io.out(
      `${p.title}: ${p.a.label} ${formatMs(p.a.summary.medianMs)} vs ${p.b.label} ${formatMs(p.b.summary.medianMs)} (medians) → ${formatRatio(p.speedup.ratio)} [${formatRatio(p.speedup.low)}, ${formatRatio(p.speedup.high)}], ${verdict(p)}`,
    )
  }
}

async function writeOutputs(result: BenchmarkResult | SweepResult, markdown: string, values: { report: string; csv?: string; json?: string }, io: CliIO): Promise<void> {
  const report = resolve(values.report)
  const csv = resolve(values.csv ?? report.replace(/\.md$/i, '') + '.csv')
  await withAtomicFile(report, (tmp) => writeFile(tmp, markdown))
  await withAtomicFile(csv, (tmp) => writeFile(tmp, timingsCsv(result)))
  io.out(`Report: ${report}`)
  io.out(`Timings: ${csv}`)
  if (values.json) {
    const json = resolve(values.json)
    await withAtomicFile(json, (tmp) => writeFile(tmp, JSON.stringify(result, null, 1)))
    io.out(`Result: ${json}`)
  }
}

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Benchmark OLTP against star queries (or your own pairs), with a Markdown report',
  usage: USAGE,
  async run(argv, io) {
    let values
    let positionals
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          source: { type: 'string' },
          runs: { type: 'string' },
          warmups: { type: 'string' },
          cold: { type: 'boolean', default: false },
          questions: { type: 'string' },
          pairs: { type: 'string' },
          sweep: { type: 'string' },
          'patients-ratio': { type: 'string' },
          'work-dir': { type: 'string' },
          keep: { type: 'boolean', default: false },
          seed: { type: 'string' },
          report: { type: 'string' },
          csv: { type: 'string' },
          json: { type: 'string' },
        },
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph bench: ${(err as Error).message}\n\n${USAGE}`)
      return 2
    }
    if (!values.report) {
      io.err(`sonograph bench: --report FILE.md is required\n\n${USAGE}`)
      return 2
    }
    const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io, 'Cancelling after the current query…')
    let lastPhase = ''
    const ctx = createJobContext(
      (u) => {
        if (u.phase === lastPhase) return
        lastPhase = u.phase
        io.err(`  ${u.phase}`)
      },
      cancel,
      0,
    )
    try {
      const sweep = values.sweep !== undefined
      const seed = parseIntOption('seed', values.seed, 42, 0)
      const runs = parseIntOption('runs', values.runs, sweep ? 5 : 10, 1)
      const warmups = parseIntOption('warmups', values.warmups, sweep ? 1 : 2, 0)
      if (sweep) {
        const sizes = (values.sweep ?? '').split(',').map((s) => Number(s.trim()))
        if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 100)) {
          throw new AppError('BAD_ARGUMENT', `--sweep takes encounter counts separated by commas, e.g. 10000,50000; got ${values.sweep}`, { field: 'sweep' })
        }
        const ratio = values['patients-ratio'] === undefined ? 0.2 : Number(values['patients-ratio'])
        if (!(ratio > 0 && ratio <= 1)) throw new AppError('BAD_ARGUMENT', '--patients-ratio must be in (0, 1]', { field: 'patients-ratio' })
        const positional = positionals[0]
        const spec = values.source || (positional && /^(mysql|mariadb):\/\//i.test(positional)) ? await resolveSource(positional, values.source, io) : null
        const workDir = resolve(values['work-dir'] ?? (positional && !spec ? dirname(resolve(positional)) : tmpdir()))
        const result = await benchmarkSweepJob(
          {
            engine: spec?.kind === 'mysql' ? 'mysql' : 'sqlite',
            ...(spec?.kind === 'mysql' ? { server: spec } : {}),
            workDir,
            sizes,
            patientsPerEncounter: ratio,
            seed,
            runs,
            warmups,
            cold: values.cold ?? false,
            keep: values.keep ?? false,
          },
          ctx,
        )
        for (const pt of result.points) {
          io.out(`${pt.encounters} encounters:`)
          printTable(pt.result, io)
        }
        await writeOutputs(result, sweepReport(result), { report: values.report, ...(values.csv ? { csv: values.csv } : {}), ...(values.json ? { json: values.json } : {}) }, io)
        return 0
      }
      const spec = await resolveSource(positionals[0], values.source, io)
      let requested: (string | QueryPair)[] | undefined
      if (values.pairs) requested = readPairsFile(resolve(values.pairs))
      if (values.questions) requested = [...(requested ?? []), ...values.questions.split(',').map((s) => s.trim()).filter(Boolean)]
      const driver = await openDriver(spec.kind === 'sqlite' ? { ...spec, writable: false } : spec)
      let available: QueryPair[] = []
      try {
        const model = await driver.introspect()
        if (hasLabTables(model.tables.map((t) => t.name))) available = labPairs(driver.kind)
      } finally {
        await driver.close()
      }
      const pairs = resolvePairs(requested, available)
      const result = await benchmarkJob({ spec, pairs, runs, warmups, cold: values.cold ?? false, seed }, ctx)
      printTable(result, io)
      await writeOutputs(result, benchmarkReport(result), { report: values.report, ...(values.csv ? { csv: values.csv } : {}), ...(values.json ? { json: values.json } : {}) }, io)
      return 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph bench: ${e.message}`)
      return e.code === 'MISMATCH' ? 3 : e.code === 'BAD_ARGUMENT' ? 2 : e.code === 'CANCELLED' ? 130 : 1
    } finally {
      stopCancelOnSigint()
    }
  },
}
