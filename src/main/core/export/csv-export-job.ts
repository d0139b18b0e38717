import { existsSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import type { CsvExportResult, CsvOptions, ExportSubject } from '../../../shared/calls/export'
import { AppError } from '../../../shared/errors'
import { baseAlias } from '../../../shared/recipe'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import { SqliteDriver } from '../db/sqlite-driver'
import { withAtomicFile } from '../jobs/atomic-file'
import type { JobContext } from '../jobs/job-context'
import { planSql } from '../consolidate/run-plan'
import { CsvSink } from './csv-sink'
import { exportGeneric, headerLine } from './generic-export'
import { exportSqliteFast, rowidName, type FastSubject } from './sqlite-fast-export'

export interface ExportCsvArgs {
  spec: SourceSpec
  what: ExportSubject
  path: string
  options: CsvOptions
  /** `generic` forces the csv-stringify writer even on SQLite (tests, benchmark). */
  engine?: 'auto' | 'generic'
  /** A second thread for large SQLite tables; default: when the machine has more than one CPU. */
  parallel?: boolean
}

/** A console query must be one statement that reads. */
function checkReadQuery(driver: Driver, sql: string): void {
  if (!(driver instanceof SqliteDriver)) return
  let stmt
  try {
    stmt = driver.db.prepare(sql)
  } catch (err) {
    throw new AppError('SQL_ERROR', (err as Error).message, { sql: sql.slice(0, 500), field: 'what.sql' })
  }
  if (!stmt.reader || !stmt.readonly) throw new AppError('BAD_ARGUMENT', 'Only a query that returns rows and changes nothing can be exported', { field: 'what.sql' })
}

interface Resolved {
  /** SQL of the rows, for the generic writer. */
  sql: string
  columns: { name: string; type?: string | null }[]
  fast: FastSubject | null
  total: number | null
}

async function resolveSubject(driver: Driver, what: ExportSubject): Promise<Resolved> {
  const q = driver.dialect.quoteId
  const sqlite = driver instanceof SqliteDriver ? driver : null
  if ('table' in what) {
    const model = await driver.introspect()
    const t = model.tables.find((x) => x.name === what.table)
    if (!t) throw new AppError('NOT_FOUND', `No table or view named ${what.table}`, { field: 'what.table', table: what.table })
    const sql = `SELECT * FROM ${q(t.name)}`
    const fast: FastSubject | null = sqlite ? (rowidName(t) ? { kind: 'table', table: t } : { kind: 'query', sql }) : null
    // The fast path estimates the total from the rowid span instead of a full counting pass.
    const total = t.kind === 'table' && fast?.kind !== 'table' ? await driver.countRows(t.name) : null
    return { sql, columns: t.columns, fast, total }
  }
  if ('plan' in what) {
    const model = await driver.introspect()
    const plan = await planSql(driver, what.plan, model)
    const base = model.tables.find((t) => t.name === what.plan.base.table)!
    const countSql = `SELECT COUNT(*) ${plan.from}${plan.where ? ` WHERE ${plan.where}` : ''}`
    const total = Number((await driver.query(countSql)).rows[0]?.[0] ?? 0)
    let fast: FastSubject | null = null
    if (sqlite) {
      fast = !plan.orderBy && rowidName(base) ? { kind: 'plan', plan, base, baseAlias: baseAlias(what.plan) } : { kind: 'query', sql: plan.sql }
    }
    return { sql: plan.sql, columns: plan.columns.map((name) => ({ name })), fast, total }
  }
  checkReadQuery(driver, what.sql)
  const sql = what.sql.trim().replace(/;\s*$/, '')
  const columns = sqlite
    ? sqlite.db
        .prepare(sql)
        .columns()
        .map((c) => ({ name: c.name, type: c.type }))
    : (await driver.query(`SELECT * FROM (${sql}) AS ${q('q')} LIMIT 0`)).columns
  return { sql, columns, fast: null, total: null }
}

/**
 * Exports a table, view, query or consolidation plan as CSV. On SQLite the
 * lines are built inside SQLite (see sqlite-fast-export.ts); elsewhere rows
 * stream through csv-stringify. The file appears only when complete: a
 * cancelled or failed export leaves nothing at `path`.
 */
export async function exportCsvJob(args: ExportCsvArgs, ctx: JobContext): Promise<CsvExportResult> {
  const started = Date.now()
  const folder = dirname(args.path)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('NOT_FOUND', `No folder ${folder} to write ${basename(args.path)} in`, { file: args.path, field: 'path' })
  const spec = args.spec.kind === 'sqlite' ? { ...args.spec, writable: false } : args.spec
  const driver = await openDriver(spec)
  try {
    ctx.progress({ phase: 'preparing', done: 0, total: null, unit: 'rows' })
    const r = await resolveSubject(driver, args.what)
    const o = args.options
    const useFast = args.engine !== 'generic' && r.fast !== null && driver instanceof SqliteDriver
    return await withAtomicFile(args.path, async (tmp) => {
      const sink = await CsvSink.open(tmp, o.encoding)
      try {
        const writeHeader = async (names: string[]): Promise<void> => {
          if (o.header) await sink.write(headerLine(names, o))
        }
        ctx.progress({ phase: 'writing', done: 0, total: r.total, unit: 'rows' })
        let rows: number
        if (useFast && driver instanceof SqliteDriver && r.fast) {
          rows = await exportSqliteFast(driver.db, r.fast, sink, o, ctx, r.total, writeHeader, args.parallel)
        } else {
          await writeHeader(r.columns.map((c) => c.name))
          rows = await exportGeneric(driver, r.sql, r.columns, sink, o, ctx, r.total)
        }
        await sink.close()
        ctx.progress({ phase: 'done', done: rows, total: rows, unit: 'rows' })
        return { path: args.path, rows, bytes: sink.bytes, fastPath: useFast, elapsedMs: Date.now() - started }
      } catch (err) {
        await sink.abort()
        throw err
      }
    })
  } finally {
    await driver.close()
  }
}
