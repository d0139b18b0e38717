import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { DumpImportResult } from '../../../shared/calls/dump'
import { AppError } from '../../../shared/errors'
import type { JobContext } from '../jobs/job-context'
import type { DumpDialect } from './dialect'
import { importToSqlite } from './import-to-sqlite'
import { runDumpOnMysql, type MysqlTarget } from './mysql-target'

export interface ImportDumpArgs {
  path: string
  /** The SQLite file to write (required for the SQLite target; see defaultImportPath). */
  output?: string
  dialect: 'auto' | DumpDialect
  target: 'sqlite' | MysqlTarget
  strict: boolean
}

/** The `importDump` job: a dump into a new SQLite file, or run natively on a MySQL/MariaDB server. */
export async function importDumpJob(args: ImportDumpArgs, ctx: JobContext): Promise<DumpImportResult> {
  if (args.target === 'sqlite') {
    if (!args.output) throw new AppError('BAD_ARGUMENT', 'An output path is needed for the SQLite target', { field: 'output' })
    return importToSqlite({ path: args.path, output: args.output, dialect: args.dialect, strict: args.strict }, ctx)
  }
  return runDumpOnMysql(args.path, args.target, ctx, { strict: args.strict, dialect: args.dialect })
}

/** A new, unused file name in `dir` named after the dump: `dump.sql.gz` -> `dump.sqlite`, then `dump-2.sqlite` ... */
export function defaultImportPath(dumpPath: string, dir: string): string {
  const stem = basename(dumpPath).replace(/(\.sql)?(\.gz)?$/i, '').replace(/[^\w.-]+/g, '_') || 'import'
  let candidate = join(dir, `${stem}.sqlite`)
  for (let k = 2; existsSync(candidate); k++) candidate = join(dir, `${stem}-${k}.sqlite`)
  return candidate
}
