import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import { copyToSqliteJob } from '../core/db/mysql-to-sqlite'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand } from './cli-command'
import { PASSWORD_ENV, resolveSource } from './source-option'
import { cancelOnSigint, progressLines } from './cli-job'

export const copyCommand: CliCommand = {
  name: 'copy',
  summary: 'Copy a MySQL/MariaDB database (or some tables) into a SQLite file for offline work',
  usage: `Usage: sonograph copy --source mysql://USER@HOST[:PORT]/DATABASE -o OUT.sqlite [--tables a,b] [--force]

Copies tables with their primary keys, foreign keys (among the copied tables),
indexes and rows, and the views SQLite can read, into a new SQLite file. The
file appears only when the copy is complete; Ctrl+C cancels and leaves nothing.

  --source URL       the MySQL/MariaDB database (the URL must not hold a password)
  -o, --output FILE  the SQLite file to write
  --tables a,b       copy only these tables (default: all)
  --force            replace OUT.sqlite if it exists

The password comes from ${PASSWORD_ENV} (set it empty for none) or a prompt.`,
  async run(argv, io) {
    let values: { source?: string; output?: string; tables?: string; force?: boolean }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: {
          source: { type: 'string' },
          output: { type: 'string', short: 'o' },
          tables: { type: 'string' },
          force: { type: 'boolean', default: false },
        },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph copy: ${(err as Error).message}\n\n${copyCommand.usage}`)
      return 2
    }
    if (!values.output) {
      io.err(`sonograph copy: -o OUT.sqlite is required\n\n${copyCommand.usage}`)
      return 2
    }
    const tables = values.tables
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean)
    const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io)
    try {
      const spec = await resolveSource(positionals[0], values.source, io)
      if (spec.kind !== 'mysql') throw new AppError('BAD_ARGUMENT', 'copy reads a MySQL/MariaDB database: pass --source mysql://USER@HOST:PORT/DATABASE', { field: 'source' })
      const output = resolve(values.output)
      const ctx = createJobContext(
        progressLines(io),
        cancel,
        1000,
      )
      const result = await copyToSqliteJob({ spec, output, overwrite: values.force ?? false, ...(tables?.length ? { tables } : {}) }, ctx)
      io.out(`Copied ${result.rows.toLocaleString('en')} rows in ${result.tables.length} tables${result.views.length ? ` and ${result.views.length} views` : ''} to ${result.output}`)
      for (const t of result.tables) io.out(`  ${t.name}: ${t.rows.toLocaleString('en')} rows`)
      for (const s of result.skipped) io.out(`  skipped ${s}`)
      return 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph copy: ${e.message}`)
      return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENT' ? 2 : 1
    } finally {
      stopCancelOnSigint()
    }
  },
}
