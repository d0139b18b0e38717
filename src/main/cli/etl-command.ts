import { parseArgs } from 'node:util'
import { toErrorShape } from '../../shared/errors'
import { etlJob } from '../core/clinic/etl-job'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand } from './cli-command'
import { resolveSource, SOURCE_USAGE } from './source-option'
import { cancelOnSigint } from './cli-job'

const usage = `Usage: sonograph etl (LAB.sqlite | --source mysql://USER@HOST[:PORT]/DB) [--incremental]

Builds the star schema (dimensions, fact_encounters, bridges) next to the lab's
OLTP tables in the same database, and records the run in etl_run.

${SOURCE_USAGE}
  --incremental                  load only what changed since the last successful run
                                 (a full load runs when there is none)`

export const etlCommand: CliCommand = {
  name: 'etl',
  summary: 'Build or refresh the healthcare star schema (full or incremental ETL)',
  usage,
  async run(argv, io) {
    let values: { source?: string; incremental?: boolean }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: { source: { type: 'string' }, incremental: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph etl: ${(err as Error).message}\n\n${usage}`)
      return 2
    }
    const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io)
    try {
      const spec = await resolveSource(positionals[0], values.source, io, { writable: true })
      const ctx = createJobContext((u) => io.err(`${u.phase} (${u.done}/${u.total ?? '?'})`), cancel, 0)
      const r = await etlJob({ spec, mode: values.incremental ? 'incremental' : 'full' }, ctx)
      io.out(`${r.mode === 'full' ? 'Full' : 'Incremental'} load${r.fellBackToFull ? ' (no earlier run: loaded everything)' : ''} finished in ${r.seconds.toFixed(2)} s, run ${r.runId}`)
      for (const s of r.steps) {
        const rate = s.seconds > 0 ? Math.round(s.rows / s.seconds).toLocaleString('en') : '-'
        io.out(`  ${s.step.padEnd(22)} ${s.rows.toLocaleString('en').padStart(12)} rows ${s.seconds.toFixed(2).padStart(7)} s  ${rate} rows/s`)
      }
      for (const [t, n] of Object.entries(r.rows)) if (n) io.out(`  ${t}: ${n.toLocaleString('en')}`)
      return 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph etl: ${e.message}`)
      return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENT' ? 2 : 1
    } finally {
      stopCancelOnSigint()
    }
  },
}
