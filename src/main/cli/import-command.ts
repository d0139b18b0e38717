import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import { defaultImportPath, importDumpJob } from '../core/dump/import-dump-job'
import type { DumpDialect } from '../core/dump/dialect'
import type { MysqlTarget } from '../core/dump/mysql-target'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand } from './cli-command'
import { mysqlPassword, parseMysqlUrl, PASSWORD_ENV } from './source-option'
import { cancelOnSigint } from './cli-job'

const DIALECTS = ['auto', 'mysql', 'postgres', 'sqlite'] as const

function fmtBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a .sql dump (MySQL/MariaDB, PostgreSQL, SQLite; .sql.gz too) into a new SQLite file or run it on MySQL',
  usage: `Usage: sonograph import DUMP [-o OUT.sqlite] [--dialect auto|mysql|postgres|sqlite]
                        [--target sqlite|mysql://USER@HOST[:PORT]/DATABASE] [--stay-in-database] [--strict]

Streams the dump into a new SQLite file (written under a temporary name and renamed
at the end, so a failed or cancelled import leaves nothing), or runs it statement by
statement on a MySQL/MariaDB server. Progress goes to stderr, the report to stdout.

  -o, --output FILE     SQLite file to create (default: DUMP's name with .sqlite in the current directory)
  --dialect D           auto (default), mysql, postgres or sqlite
  --target T            sqlite (default) or mysql://USER@HOST[:PORT]/DATABASE; the password comes from
                        ${PASSWORD_ENV} (empty for none) or the prompt, never from the command line
  --stay-in-database    MySQL target: skip the script's own CREATE DATABASE/USE and run it in DATABASE
  --strict              stop at the first statement that fails (default: report it and go on)

Exit status: 0 imported, 3 imported but some statements failed (listed in the report),
1 error (nothing written), 2 bad usage, 130 cancelled.`,
  async run(argv, io) {
    let values: { output?: string; dialect?: string; target?: string; strict?: boolean; 'stay-in-database'?: boolean; help?: boolean }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: {
          output: { type: 'string', short: 'o' },
          dialect: { type: 'string' },
          target: { type: 'string' },
          strict: { type: 'boolean' },
          'stay-in-database': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph import: ${(err as Error).message}\n\n${importCommand.usage}`)
      return 2
    }
    if (values.help) {
      io.out(importCommand.usage)
      return 0
    }
    const dump = positionals[0]
    if (!dump || positionals.length > 1) {
      io.err(`sonograph import: give exactly one dump file\n\n${importCommand.usage}`)
      return 2
    }
    const dialect = (values.dialect ?? 'auto') as (typeof DIALECTS)[number]
    if (!DIALECTS.includes(dialect)) {
      io.err(`sonograph import: --dialect must be one of ${DIALECTS.join(', ')}, got ${values.dialect}`)
      return 2
    }
    const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io)
    try {
      const path = resolve(dump)
      if (!existsSync(path)) throw new AppError('NOT_FOUND', `No such file: ${dump}`, { file: path })
      let target: 'sqlite' | MysqlTarget = 'sqlite'
      if (values.target && values.target !== 'sqlite') {
        const spec = parseMysqlUrl(values.target)
        target = { ...spec, password: await mysqlPassword(spec, io), stayInDatabase: values['stay-in-database'] ?? false }
      }
      const output = target === 'sqlite' ? resolve(values.output ?? defaultImportPath(path, process.cwd())) : undefined
      const t0 = Date.now()
      let last = ''
      const ctx = createJobContext(
        (u) => {
          const pct = u.total ? ` ${((100 * u.done) / u.total).toFixed(0)}%` : ''
          const secs = (Date.now() - t0) / 1000
          const rate = secs > 0 ? ` ${fmtBytes(u.done / secs)}/s` : ''
          const line = `${u.phase}:${pct} ${fmtBytes(u.done)}${u.total ? ` of ${fmtBytes(u.total)}` : ''}${rate}${u.message ? `, ${u.message}` : ''}`
          if (line !== last) io.err(line)
          last = line
        },
        cancel,
        1000,
      )
      const result = await importDumpJob({ path, dialect: dialect as 'auto' | DumpDialect, target, strict: values.strict ?? false, ...(output ? { output } : {}) }, ctx)
      io.out(result.report.text.trimEnd())
      return result.report.issues.some((i) => i.kind === 'failed') ? 3 : 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph import: ${e.message}`)
      return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENT' ? 2 : 1
    } finally {
      stopCancelOnSigint()
    }
  },
}
