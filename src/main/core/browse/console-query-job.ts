import type { ConsoleResult, KeyValue } from '../../../shared/calls/browse'
import type { Cell } from '../../../shared/cells'
import { AppError } from '../../../shared/errors'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver, SqlValue } from '../db/driver'
import { openDriver } from '../db/open-driver'
import { SqliteDriver } from '../db/sqlite-driver'
import type { JobContext } from '../jobs/job-context'
import { splitStatements } from './statement-splitter'
import { fromKeyValue, toCell } from './wire-values'
import { whileCancellable } from '../db/mysql-cancel-watch'

export type { ConsoleResult }

export interface ConsoleQueryArgs {
  spec: SourceSpec
  sql: string
  params?: KeyValue[]
  limit: number
}

/** Statements a read-only MySQL source may run (SQLite asks the engine instead). */
const MYSQL_READ = /^\s*(\(\s*)*(SELECT|WITH|SHOW|EXPLAIN|DESCRIBE|DESC|HELP|VALUES|TABLE)\b/i

function forbidden(text: string): AppError {
  return new AppError('FORBIDDEN', 'This source is open read-only, so statements that change data or schema are refused. Reopen it writable to run them.', {
    sql: text.slice(0, 200),
  })
}

/**
 * Runs console SQL in a job worker with its own connection, so a long query
 * never blocks the window and can be cancelled:
 * - rows are read one by one and the cancel flag is polled between them, so a
 *   query that streams rows stops at once;
 * - a query blocked inside one SQLite step (a big sort or aggregate) cannot be
 *   interrupted (better-sqlite3 has no sqlite3_interrupt); `console.cancel`
 *   answers at once and the job runner terminates the worker when the step
 *   returns; statements that write run inside a transaction that is only
 *   committed if no cancel came, so a cancelled write leaves nothing.
 */
export async function consoleQueryJob(args: ConsoleQueryArgs, ctx: JobContext): Promise<ConsoleResult> {
  const t0 = performance.now()
  const statements = splitStatements(args.sql, { mysql: args.spec.kind === 'mysql' })
  if (!statements.length) throw new AppError('BAD_ARGUMENT', 'Nothing to run: the text holds no SQL statement', { field: 'sql' })
  const params = (args.params ?? []).map(fromKeyValue)
  const driver = await openDriver(args.spec)
  try {
    if (driver instanceof SqliteDriver) return runSqlite(driver, statements.map((s) => s.text), params, args.limit, ctx, t0)
    return await runGeneric(driver, statements.map((s) => s.text), params, args.limit, ctx, t0)
  } finally {
    await driver.close()
  }
}

function numbered(sql: string, params: SqlValue[]): unknown[] {
  // better-sqlite3 wants an object for ?1-style placeholders, an array for plain ?.
  if (!params.length) return []
  return /\?\d/.test(sql) ? [Object.fromEntries(params.map((v, i) => [i + 1, v]))] : params
}

function runSqlite(driver: SqliteDriver, texts: string[], params: SqlValue[], limit: number, ctx: JobContext, t0: number): ConsoleResult {
  const db = driver.db
  let stmts
  try {
    stmts = texts.map((t) => db.prepare(t))
  } catch (err) {
    throw new AppError('SQL_ERROR', (err as Error).message, { sql: texts.join(';\n').slice(0, 500) })
  }
  const writes = stmts.some((s) => !s.readonly)
  if (writes && driver.readonly) throw forbidden(texts[stmts.findIndex((s) => !s.readonly)]!)
  // Transaction control written by the user is left alone.
  const ownTx = writes && db.inTransaction === false && !texts.some((t) => /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(t))
  let result: ConsoleResult = { columns: [], rows: [], rowCount: 0, truncated: false, changes: null, statements: texts.length, elapsedMs: 0 }
  let changes: number | null = null
  try {
    if (ownTx) db.exec('BEGIN')
    stmts.forEach((stmt, i) => {
      ctx.throwIfCancelled()
      const bind = numbered(texts[i]!, i === stmts.length - 1 ? params : [])
      if (!stmt.reader) {
        const info = stmt.run(...bind)
        changes = (changes ?? 0) + info.changes
        return
      }
      stmt.raw(true).safeIntegers(true)
      const columns = stmt.columns().map((c) => ({ name: c.name, ...(c.type ? { type: c.type } : {}) }))
      const rows: Cell[][] = []
      let truncated = false
      for (const row of stmt.iterate(...bind) as IterableIterator<SqlValue[]>) {
        if (rows.length >= limit) {
          truncated = true
          break
        }
        rows.push(row.map((v) => toCell(v instanceof Buffer ? new Uint8Array(v) : v)))
        if (rows.length % 256 === 0) ctx.throwIfCancelled()
      }
      result = { ...result, columns, rows, rowCount: rows.length, truncated }
    })
    ctx.throwIfCancelled()
    if (ownTx) db.exec('COMMIT')
  } catch (err) {
    if (ownTx && db.inTransaction) db.exec('ROLLBACK')
    if (err instanceof AppError) throw err
    throw new AppError('SQL_ERROR', (err as Error).message, { sql: texts.join(';\n').slice(0, 500) })
  }
  return { ...result, changes, elapsedMs: performance.now() - t0 }
}

/** MySQL/MariaDB: the whole result is read, then cut to `limit` (mysql2 has no row-by-row cancel). */
async function runGeneric(driver: Driver, texts: string[], params: SqlValue[], limit: number, ctx: JobContext, t0: number): Promise<ConsoleResult> {
  const writer = texts.find((t) => !MYSQL_READ.test(t))
  if (writer && driver.readonly) throw forbidden(writer)
  let result: ConsoleResult = { columns: [], rows: [], rowCount: 0, truncated: false, changes: null, statements: texts.length, elapsedMs: 0 }
  let changes: number | null = null
  for (let i = 0; i < texts.length; i++) {
    ctx.throwIfCancelled()
    // On MySQL a cancel sends KILL QUERY from a second connection, so the server stops too.
    const res = await whileCancellable(driver, ctx, () => driver.query(texts[i]!, i === texts.length - 1 ? params : []))
    if (res.changes !== undefined && !res.columns.length) {
      changes = (changes ?? 0) + res.changes
      continue
    }
    const truncated = res.rows.length > limit
    const rows = res.rows.slice(0, limit).map((r) => r.map((v) => toCell(v)))
    result = { ...result, columns: res.columns, rows, rowCount: rows.length, truncated }
  }
  return { ...result, changes, elapsedMs: performance.now() - t0 }
}
