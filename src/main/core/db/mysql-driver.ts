import type { Connection, FieldPacket, ResultSetHeader } from 'mysql2'
import { AppError } from '../../../shared/errors'
import type { SchemaModel } from '../../../shared/schema-model'
import type { MysqlSpec } from '../../../shared/source-spec'
import type { Driver, ExplainOptions, PlanNode, QueryResult, SqlDialect, SqlValue } from './driver'
import { endpointOf, openConnection } from './mysql-connect'
import { isConnectionLost, queryError, type Endpoint } from './mysql-errors'
import { flattenJsonPlan, parseMysqlAnalyzeTree } from './mysql-explain'
import { introspectMysql } from './mysql-introspect'
import { rowBatches } from './mysql-row-stream'
import { resultColumns, toMysqlParams } from './mysql-values'

export const mysqlDialect: SqlDialect = {
  quoteId: (name) => `\`${name.replace(/`/g, '``')}\``,
  param: () => '?',
  reusableParams: false,
  rowValueSeek: false,
}

type RawResult = { rows: unknown; fields: FieldPacket[] | FieldPacket[][] | undefined }

function isFieldList(v: unknown): v is FieldPacket[] {
  return Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null && !Array.isArray(v[0])
}

function isHeader(v: unknown): v is ResultSetHeader {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'affectedRows' in v
}

/** One statement's or a batch's outcome as the driver returns it: the last result set, or rows changed. */
function shapeResult(raw: RawResult): QueryResult {
  const { rows, fields } = raw
  if (isFieldList(fields)) return { columns: resultColumns(fields), rows: rows as SqlValue[][] }
  if (isHeader(rows)) return { columns: [], rows: [], changes: rows.affectedRows }
  // Several statements: results and fields are arrays with one entry per statement.
  if (Array.isArray(rows) && Array.isArray(fields)) {
    for (let i = rows.length - 1; i >= 0; i--) {
      const f: unknown = fields[i]
      if (isFieldList(f)) return { columns: resultColumns(f), rows: rows[i] as SqlValue[][] }
    }
    const changes = rows.reduce<number>((n, r) => n + (isHeader(r) ? r.affectedRows : 0), 0)
    return { columns: [], rows: [], changes }
  }
  return { columns: [], rows: [] }
}

/** Marks a statement that failed before it reached the server, so it may be sent again. */
const NEVER_SENT = 'NEVER_SENT'

const READ_STATEMENT = /^\s*(\(\s*)*(select|with|table|values)\b/i

/**
 * MySQL/MariaDB through mysql2. One primary connection runs queries in order
 * (so session state such as variables holds for the console); each `iterate`
 * streams on a connection of its own, so a caller may query while iterating.
 * A lost connection is reported once as CONNECTION_FAILED and reopened on the
 * next call, so the app stays usable after "server has gone away".
 */
export class MysqlDriver implements Driver {
  readonly kind = 'mysql' as const
  readonly dialect = mysqlDialect
  readonly readonly = false
  readonly name: string
  readonly endpoint: Endpoint
  /** Whether the server is MariaDB (plans, defaults and errors differ from MySQL). */
  readonly mariadb: boolean

  private primaryConn: Connection | null
  private reconnecting: Promise<Connection> | null = null
  private spare: Connection[] = []
  /** Statements in flight per thread id (several calls may queue on the primary connection). */
  private running = new Map<number, number>()
  /** Thread ids this driver sent KILL QUERY to, so their error reads as CANCELLED. */
  private killed = new Set<number>()
  private closed = false

  private constructor(private readonly spec: MysqlSpec, conn: Connection, readonly serverVersion: string) {
    this.primaryConn = this.watch(conn)
    this.endpoint = endpointOf(spec)
    this.name = spec.database
    this.mariadb = /mariadb/i.test(serverVersion)
  }

  static async connect(spec: MysqlSpec): Promise<MysqlDriver> {
    const conn = await openConnection(spec)
    try {
      const raw = await send(conn, 'SELECT VERSION()', [])
      const version = shapeResult(raw).rows[0]?.[0]
      return new MysqlDriver(spec, conn, typeof version === 'string' ? version : '')
    } catch (err) {
      conn.destroy()
      throw queryError(err, endpointOf(spec), 'SELECT VERSION()', false)
    }
  }

  private async primary(): Promise<Connection> {
    if (this.closed) throw new AppError('CONNECTION_FAILED', `The connection to ${this.endpoint.host}:${this.endpoint.port} is closed`)
    if (this.primaryConn) return this.primaryConn
    this.reconnecting ??= openConnection(this.spec).finally(() => {
      this.reconnecting = null
    })
    this.primaryConn = this.watch(await this.reconnecting)
    return this.primaryConn
  }

  /** A connection the server closes while idle (restart, wait_timeout, KILL) is forgotten, so the next call reopens. */
  private watch(conn: Connection): Connection {
    const forget = () => {
      if (this.primaryConn === conn) this.primaryConn = null
      this.spare = this.spare.filter((c) => c !== conn)
    }
    conn.on('error', forget)
    conn.on('end', forget)
    return conn
  }

  /** Runs one statement (or a batch) on a connection, tracking it for cancel and mapping errors. */
  private async run(conn: Connection, sql: string, params: SqlValue[]): Promise<RawResult> {
    const id = conn.threadId
    this.begin(id)
    try {
      const result = await send(conn, sql, params)
      // SLEEP() and some others return normally when killed; the user still asked to cancel.
      if (this.killed.has(id)) throw new AppError('CANCELLED', 'Query cancelled', { sql: sql.slice(0, 500) })
      return result
    } catch (err) {
      if (isConnectionLost(err)) this.drop(conn)
      if (err instanceof Error && /in closed state/.test(err.message)) {
        throw new AppError('CONNECTION_FAILED', `The connection to ${this.endpoint.host}:${this.endpoint.port} was closed`, { cause: NEVER_SENT })
      }
      throw queryError(err, this.endpoint, sql, this.killed.has(id))
    } finally {
      this.end(id)
    }
  }

  private begin(id: number): void {
    this.running.set(id, (this.running.get(id) ?? 0) + 1)
  }

  private end(id: number): void {
    const left = (this.running.get(id) ?? 1) - 1
    if (left > 0) this.running.set(id, left)
    else this.running.delete(id)
    // A KILL QUERY stops the statement that was running; the ones queued after it run normally.
    this.killed.delete(id)
  }

  private drop(conn: Connection): void {
    if (this.primaryConn === conn) this.primaryConn = null
    this.spare = this.spare.filter((c) => c !== conn)
    conn.destroy()
  }

  /**
   * Runs on the primary connection. When that connection turns out to be closed
   * before the statement was sent (the server dropped it while idle), it is
   * reopened and the statement sent once more: nothing ran, so nothing runs twice.
   */
  private async onPrimary(sql: string, params: SqlValue[]): Promise<RawResult> {
    const conn = await this.primary()
    try {
      return await this.run(conn, sql, params)
    } catch (err) {
      if (!(err instanceof AppError && err.details?.cause === NEVER_SENT)) throw err
      return this.run(await this.primary(), sql, params)
    }
  }

  async query(sql: string, params: SqlValue[] = []): Promise<QueryResult> {
    return shapeResult(await this.onPrimary(sql, params))
  }

  async exec(sql: string): Promise<void> {
    await this.onPrimary(sql, [])
  }

  async *iterate(sql: string, params: SqlValue[] = [], batchSize = 1000): AsyncIterable<SqlValue[][]> {
    if (this.closed) throw new AppError('CONNECTION_FAILED', 'The connection is closed')
    const conn = this.spare.pop() ?? this.watch(await openConnection(this.spec))
    const id = conn.threadId
    const values = params.length ? toMysqlParams(params) : undefined
    const stream = conn.query({ sql, ...(values ? { values } : {}) }).stream({ highWaterMark: batchSize })
    let finished = false
    this.begin(id)
    try {
      yield* rowBatches(stream, batchSize)
      // SLEEP() and some others end quietly when killed; the reader still asked to cancel.
      if (this.killed.has(id)) throw new AppError('CANCELLED', 'Query cancelled', { sql: sql.slice(0, 500) })
      finished = true
    } catch (err) {
      throw queryError(err, this.endpoint, sql, this.killed.has(id))
    } finally {
      this.end(id)
      // A stream left half-read keeps rows on the wire; that connection cannot be reused.
      if (finished && !this.closed && this.spare.length < 2) this.spare.push(conn)
      else conn.destroy()
    }
  }

  introspect(): Promise<SchemaModel> {
    return introspectMysql((sql, params) => this.query(sql, params), this.spec.database, this.mariadb)
  }

  async countRows(table: string): Promise<number> {
    const r = await this.query(`SELECT COUNT(*) FROM ${mysqlDialect.quoteId(table)}`)
    return Number(r.rows[0]?.[0] ?? 0)
  }

  async explain(sql: string, params: SqlValue[] = [], opts: ExplainOptions = {}): Promise<PlanNode[]> {
    const stmt = sql.trim().replace(/;\s*$/, '')
    if (opts.analyze) {
      // ANALYZE runs the statement; never let it change data.
      if (!READ_STATEMENT.test(stmt)) {
        throw new AppError('UNSUPPORTED', 'A measured plan (ANALYZE) runs the statement, so it is offered for SELECT only', { sql: stmt.slice(0, 500) })
      }
      if (!this.mariadb) {
        const r = await this.query(`EXPLAIN ANALYZE ${stmt}`, params)
        return parseMysqlAnalyzeTree(r.rows.map((row) => String(row[0] ?? '')).join('\n'))
      }
    }
    const prefix = opts.analyze ? 'ANALYZE FORMAT=JSON' : 'EXPLAIN FORMAT=JSON'
    const r = await this.query(`${prefix} ${stmt}`, params)
    const text = r.rows[0]?.[0]
    if (typeof text !== 'string') throw new AppError('INTERNAL', 'The server returned no plan', { sql: stmt.slice(0, 500) })
    return flattenJsonPlan(JSON.parse(text))
  }

  /** Stops whatever this driver is running, with `KILL QUERY` sent from a separate connection. */
  async cancel(): Promise<boolean> {
    const ids = [...this.running.keys()]
    if (!ids.length) return false
    const control = await openConnection(this.spec)
    try {
      for (const id of ids) {
        this.killed.add(id)
        try {
          await send(control, `KILL QUERY ${Number(id)}`, [])
        } catch {
          // The statement ended meanwhile (unknown thread id): nothing to cancel.
          this.killed.delete(id)
        }
      }
    } finally {
      control.destroy()
    }
    return true
  }

  async close(): Promise<void> {
    // Closing waits for the connection's queue, so stop what runs first rather than wait for it.
    if (this.running.size) await this.cancel().catch(() => false)
    this.closed = true
    const conns = [...this.spare, ...(this.primaryConn ? [this.primaryConn] : [])]
    this.spare = []
    this.primaryConn = null
    await Promise.all(
      conns.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.end(() => {
              c.destroy()
              resolve()
            })
          }),
      ),
    )
  }
}

function send(conn: Connection, sql: string, params: SqlValue[]): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const cb = (err: unknown, rows: unknown, fields: unknown) => {
      if (err) reject(err)
      else resolve({ rows, fields: fields as RawResult['fields'] })
    }
    // Without parameters the text goes untouched, so a `?` inside a string literal is never mistaken for one.
    if (params.length) conn.query({ sql, values: toMysqlParams(params) }, cb)
    else conn.query({ sql }, cb)
  })
}
