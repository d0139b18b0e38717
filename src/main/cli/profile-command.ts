import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import { openDriver } from '../core/db/open-driver'
import { createJobContext } from '../core/jobs/job-context'
import { profileSource } from '../core/profile/profile-job'
import { formatProfileTable } from '../core/profile/profile-table'
import type { CliCommand } from './cli-command'
import { SOURCE_USAGE, resolveSource } from './source-option'

export const profileCommand: CliCommand = {
  name: 'profile',
  summary: 'Profile every column of a table, view or query: kinds, nulls, distinct, stats, top values',
  usage: `Usage: sonograph profile DB TABLE [--json] [--sample N]
       sonograph profile DB --sql "SELECT ..." [--json]
       sonograph profile --source mysql://USER@HOST[:PORT]/DB TABLE [--json]

Computes inside the database, per column: the kind its values show, NULL share,
distinct count, min, max, mean, median, sample standard deviation, quartiles,
Tukey outliers (beyond 1.5 IQR), top values and a histogram (in --json).

${SOURCE_USAGE}
  --sql Q         profile the result of one SELECT instead of a table
  --sample N      profile a random sample of N rows (labelled as a sample)
  --json          print the whole profile as JSON`,
  async run(argv, io) {
    let values: { json?: boolean; source?: string; sql?: string; sample?: string }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: { json: { type: 'boolean', default: false }, source: { type: 'string' }, sql: { type: 'string' }, sample: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph profile: ${(err as Error).message}\n\n${profileCommand.usage}`)
      return 2
    }
    try {
      // With --source the only positional is the table; otherwise DB then TABLE.
      const [db, table, ...rest] = values.source ? [undefined, ...positionals] : positionals
      if (rest.length) throw new AppError('BAD_ARGUMENT', `Unexpected argument ${rest[0]}`, { field: 'table' })
      if (!table && !values.sql) throw new AppError('BAD_ARGUMENT', 'Name a table (or give --sql)', { field: 'table' })
      if (table && values.sql) throw new AppError('BAD_ARGUMENT', 'Give a table or --sql, not both', { field: 'table' })
      let sample: { rows: number } | undefined
      if (values.sample !== undefined) {
        const n = Number(values.sample)
        if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_ARGUMENT', `--sample needs a positive whole number of rows, got ${values.sample}`, { field: 'sample' })
        sample = { rows: n }
      }
      const spec = await resolveSource(db, values.source, io)
      const driver = await openDriver(spec)
      try {
        const target = values.sql ? { sql: values.sql } : { table: table! }
        const result = await profileSource(driver, { target, ...(sample ? { sample } : {}) }, createJobContext(() => {}))
        io.out(values.json ? JSON.stringify(result, null, 2) : formatProfileTable(result))
      } finally {
        await driver.close()
      }
      return 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph profile: ${e.message}`)
      return e.code === 'BAD_ARGUMENT' ? 2 : 1
    }
  },
}
