import { readFileSync } from 'node:fs'
import mysql from 'mysql2/promise'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { openSqlite, type SqliteDatabase } from '../db/sqlite-native'
import type { ClinicDialect } from './oltp-ddl'

export type ClinicParam = string | number | null

export interface ClinicTable {
  columns: string[]
  rows: unknown[][]
}

/**
 * The narrow connection the lab needs on both engines: run SQL text with
 * positional `?` parameters. The generator and the ETL use it so one body of
 * code serves SQLite and MySQL; speed-critical SQLite inserts use `.db`.
 */
export interface ClinicConn {
  readonly dialect: ClinicDialect
  exec(sql: string): Promise<void>
  run(sql: string, params?: ClinicParam[]): Promise<number>
  all(sql: string, params?: ClinicParam[]): Promise<Record<string, unknown>[]>
  table(sql: string, params?: ClinicParam[]): Promise<ClinicTable>
  close(): Promise<void>
}

/** A CA/cert/key field holds PEM text or the path of a PEM file (as in the connection dialog). */
function pem(value: string | undefined): string | undefined {
  if (!value) return undefined
  return value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8')
}

function sqlError(err: unknown, sql: string): AppError {
  if (err instanceof AppError) return err
  return new AppError('SQL_ERROR', err instanceof Error ? err.message : String(err), { sql: sql.slice(0, 500) })
}

export class SqliteClinicConn implements ClinicConn {
  readonly dialect = 'sqlite' as const
  constructor(readonly db: SqliteDatabase, private readonly owned = true) {}

  static open(path: string, opts: { readonly?: boolean; create?: boolean } = {}): SqliteClinicConn {
    try {
      return new SqliteClinicConn(openSqlite(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create }))
    } catch (err) {
      throw new AppError('IO_ERROR', `Cannot open ${path} as SQLite: ${(err as Error).message}`, { file: path })
    }
  }

  exec(sql: string): Promise<void> {
    try {
      this.db.exec(sql)
      return Promise.resolve()
    } catch (err) {
      return Promise.reject(sqlError(err, sql))
    }
  }
  run(sql: string, params: ClinicParam[] = []): Promise<number> {
    try {
      return Promise.resolve(this.db.prepare(sql).run(...params).changes)
    } catch (err) {
      return Promise.reject(sqlError(err, sql))
    }
  }
  all(sql: string, params: ClinicParam[] = []): Promise<Record<string, unknown>[]> {
    try {
      return Promise.resolve(this.db.prepare(sql).all(...params) as Record<string, unknown>[])
    } catch (err) {
      return Promise.reject(sqlError(err, sql))
    }
  }
  table(sql: string, params: ClinicParam[] = []): Promise<ClinicTable> {
    try {
      const stmt = this.db.prepare(sql).raw(true)
      const columns = stmt.columns().map((c) => c.name)
      return Promise.resolve({ columns, rows: stmt.all(...params) as unknown[][] })
    } catch (err) {
      return Promise.reject(sqlError(err, sql))
    }
  }
  close(): Promise<void> {
    if (this.owned && this.db.open) this.db.close()
    return Promise.resolve()
  }
}

export class MysqlClinicConn implements ClinicConn {
  readonly dialect = 'mysql' as const
  constructor(readonly conn: mysql.Connection) {}

  static async open(spec: Pick<MysqlSpec, 'host' | 'port' | 'user' | 'password' | 'database'> & { ssl?: MysqlSpec['ssl'] }): Promise<MysqlClinicConn> {
    const ssl = spec.ssl
    try {
      const conn = await mysql.createConnection({
        host: spec.host,
        port: spec.port,
        user: spec.user,
        password: spec.password ?? '',
        database: spec.database,
        charset: 'utf8mb4',
        // Dates and DECIMALs as text: nothing shifted by a time zone or rounded through a double.
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: false,
        decimalNumbers: false,
        multipleStatements: false,
        connectTimeout: 10_000,
        ...(ssl ? { ssl: { ca: pem(ssl.ca), cert: pem(ssl.cert), key: pem(ssl.key), rejectUnauthorized: ssl.verify } } : {}),
      })
      // Readmission windows compare DATETIMEs; keep the session in UTC so TIMESTAMPs read back unchanged.
      await conn.query(`SET time_zone = '+00:00'`)
      return new MysqlClinicConn(conn)
    } catch (err) {
      throw new AppError('CONNECTION_FAILED', `Cannot connect to ${spec.user}@${spec.host}:${spec.port}/${spec.database}: ${(err as Error).message}`)
    }
  }

  async exec(sql: string): Promise<void> {
    await this.run(sql)
  }
  async run(sql: string, params: ClinicParam[] = []): Promise<number> {
    try {
      const [res] = await this.conn.query(sql, params)
      return typeof res === 'object' && res !== null && 'affectedRows' in res ? Number(res.affectedRows) : 0
    } catch (err) {
      throw sqlError(err, sql)
    }
  }
  async all(sql: string, params: ClinicParam[] = []): Promise<Record<string, unknown>[]> {
    try {
      const [rows] = await this.conn.query(sql, params)
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : []
    } catch (err) {
      throw sqlError(err, sql)
    }
  }
  async table(sql: string, params: ClinicParam[] = []): Promise<ClinicTable> {
    try {
      const [rows, fields] = await this.conn.query({ sql, rowsAsArray: true }, params)
      const columns = Array.isArray(fields) ? fields.map((f) => f.name) : []
      return { columns, rows: Array.isArray(rows) ? (rows as unknown[][]) : [] }
    } catch (err) {
      throw sqlError(err, sql)
    }
  }
  async close(): Promise<void> {
    await this.conn.end()
  }
}

/** Whether a table has a column (the ETL adapts to sources with or without `last_update`). */
export async function hasColumn(conn: ClinicConn, table: string, column: string): Promise<boolean> {
  if (conn.dialect === 'sqlite') {
    const rows = await conn.all(`SELECT name FROM pragma_table_info(?)`, [table])
    return rows.some((r) => r.name === column)
  }
  const rows = await conn.all(
    `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?`,
    [table, column],
  )
  return rows.length > 0
}

export async function hasTable(conn: ClinicConn, table: string): Promise<boolean> {
  const rows =
    conn.dialect === 'sqlite'
      ? await conn.all(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?`, [table])
      : await conn.all(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`, [table])
  return rows.length > 0
}
