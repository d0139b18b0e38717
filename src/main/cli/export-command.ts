import { resolve } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { csvOptionsSchema, type CsvExportResult, type CsvOptions, type ExportSubject } from '../../shared/calls/export'
import { AppError, toErrorShape } from '../../shared/errors'
import { planOfRecipe } from '../../shared/recipe'
import type { SourceSpec } from '../../shared/source-spec'
import { loadRecipeFile } from '../core/consolidate/recipe-file'
import { exportCsvJob } from '../core/export/csv-export-job'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand, CliIO } from './cli-command'
import { SOURCE_USAGE, resolveSource } from './source-option'
import { cancelOnSigint } from './cli-job'

/** CSV flags shared by `export` and `consolidate`. */
export const CSV_FLAGS = {
  output: { type: 'string', short: 'o' },
  delimiter: { type: 'string', short: 'd' },
  'no-header': { type: 'boolean' },
  'quote-all': { type: 'boolean' },
  'line-ending': { type: 'string' },
  encoding: { type: 'string' },
  bom: { type: 'boolean' },
  null: { type: 'string' },
  'bare-empty': { type: 'boolean' },
  'iso-dates': { type: 'boolean' },
  'exact-reals': { type: 'boolean' },
  source: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

export const CSV_USAGE = `  -o, --output FILE     the CSV file (written under a temporary name, renamed when complete)
  -d, --delimiter C     field delimiter: one character, or "tab" (default ,)
  --no-header           no header line
  --quote-all           quote every non-NULL field (default: only fields that need it)
  --line-ending lf|crlf (default crlf, as RFC 4180 says)
  --encoding utf8|utf8bom|utf16le, or --bom for UTF-8 with a byte order mark (Excel)
  --null TEXT           text written for NULL (default: nothing; the empty string is written "")
  --bare-empty          write the empty string as nothing too (NULL and '' then look alike)
  --iso-dates           date-times of date/time columns as YYYY-MM-DDTHH:MM:SS
  --exact-reals         REALs with up to 17 digits where SQLite's 15 would not read back exactly`

type CsvFlagValues = { [K in keyof typeof CSV_FLAGS]?: (typeof CSV_FLAGS)[K]['type'] extends 'string' ? string : boolean }

export function csvOptionsFromFlags(v: CsvFlagValues): CsvOptions {
  const delimiter = v.delimiter === 'tab' || v.delimiter === '\\t' ? '\t' : v.delimiter
  const parsed = csvOptionsSchema.safeParse({
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(v['no-header'] ? { header: false } : {}),
    ...(v['quote-all'] ? { quoting: 'all' } : {}),
    ...(v['line-ending'] ? { lineEnding: v['line-ending'] } : {}),
    ...(v.encoding ? { encoding: v.encoding } : v.bom ? { encoding: 'utf8bom' } : {}),
    ...(v.null !== undefined ? { nullText: v.null } : {}),
    ...(v['bare-empty'] ? { emptyString: 'bare' } : {}),
    ...(v['iso-dates'] ? { dates: 'iso' } : {}),
    ...(v['exact-reals'] ? { exactReals: true } : {}),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('BAD_ARGUMENT', `Bad CSV option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, { field: String(issue?.path[0] ?? '') })
  }
  return parsed.data
}

/** Runs an export inline with progress on stderr; Ctrl-C cancels and leaves no file. */
export async function runExport(name: string, spec: SourceSpec, what: ExportSubject, output: string, options: CsvOptions, io: CliIO): Promise<number> {
  const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io)
  try {
    const ctx = createJobContext(
      (u) => {
        if (u.phase === 'writing' && u.done > 0) io.err(`${u.done.toLocaleString('en-US')}${u.total ? ` of ${u.total.toLocaleString('en-US')}` : ''} rows`)
      },
      cancel,
      2000,
    )
    const r: CsvExportResult = await exportCsvJob({ spec, what, path: resolve(output), options }, ctx)
    io.out(`Wrote ${r.rows.toLocaleString('en-US')} rows to ${r.path} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.fastPath ? 'built in SQLite' : 'streamed'}) in ${(r.elapsedMs / 1000).toFixed(1)} s`)
    return 0
  } catch (err) {
    const e = toErrorShape(err)
    io.err(`sonograph ${name}: ${e.message}`)
    // 3: the recipe does not fit this database (a table or column it names is missing).
    return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENT' ? 2 : e.code === 'MISMATCH' ? 3 : 1
  } finally {
    stopCancelOnSigint()
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a table, a query or a consolidation recipe as CSV',
  usage: `Usage: sonograph export DB (--table T | --sql QUERY | --recipe R.json) -o out.csv [CSV options]

DB is:
${SOURCE_USAGE}

  --table T             a table or view
  --sql QUERY           a query that returns rows
  --recipe R.json       a consolidation recipe (see sonograph consolidate)
${CSV_USAGE}`,
  async run(argv, io) {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...CSV_FLAGS, table: { type: 'string' }, sql: { type: 'string' }, recipe: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      })
    } catch (err) {
      io.err(`sonograph export: ${(err as Error).message}\n\n${exportCommand.usage}`)
      return 2
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(exportCommand.usage)
      return 0
    }
    try {
      const subjects = [values.table, values.sql, values.recipe].filter((x) => x !== undefined)
      if (subjects.length !== 1) throw new AppError('BAD_ARGUMENT', 'Give exactly one of --table, --sql or --recipe', { field: 'table' })
      if (!values.output) throw new AppError('BAD_ARGUMENT', 'Give the output file with -o FILE', { field: 'output' })
      if (positionals.length > 1) throw new AppError('BAD_ARGUMENT', `Unexpected argument ${positionals[1]}`, { field: 'source' })
      const options = csvOptionsFromFlags(values)
      const spec = await resolveSource(positionals[0], values.source, io)
      const what: ExportSubject = values.table
        ? { table: values.table }
        : values.sql
          ? { sql: values.sql }
          : { plan: planOfRecipe(await loadRecipeFile(resolve(values.recipe!))) }
      return await runExport('export', spec, what, values.output, options, io)
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph export: ${e.message}`)
      return e.code === 'BAD_ARGUMENT' ? 2 : 1
    }
  },
}
