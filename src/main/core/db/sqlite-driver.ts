import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { SchemaModel, TableInfo } from '../../../shared/schema-model'
import { AppError } from '../../../shared/errors'
import type { Driver, PlanNode, QueryResult, SqlDialect, SqlValue } from './driver'
import { openSqlite, type SqliteDatabase } from './sqlite-native'

export const sqliteDialect: SqlDialect = {
  quoteId: (name) => `"${name.replace(/"/g, '""')}"`,
  param: (n) => `?${n}`,
  reusableParams: true,
  rowValueSeek: true,
}

function sqlError(err: unknown, sql?: string): AppError {
  const message = err instanceof Error ? err.message : String(err)
  return new AppError('SQL_ERROR', message, sql ? { sql: sql.slice(0, 500) } : undefined)
}

interface PragmaColumn {
  cid: number
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
  hidden?: number
}
interface PragmaFk {
  id: number
  seq: number
  table: string
  from: string
  to: string | null
  on_update: string
  on_delete: string
}
interface PragmaIndex {
  name: string
  unique: number
  origin: string
}

export class SqliteDriver implements Driver {
  readonly kind = 'sqlite' as const
  readonly dialect = sqliteDialect
  readonly name: string
  readonly readonly: boolean
  readonly db: SqliteDatabase

  constructor(readonly path: string, opts: { writable?: boolean; create?: boolean } = {}) {
    if (!opts.create && path !== ':memory:' && !existsSync(path)) {
      throw new AppError('NOT_FOUND', `No such database file: ${path}`, { file: path })
    }
    this.readonly = !opts.writable
    try {
      this.db = openSqlite(path, { readonly: this.readonly, fileMustExist: !opts.create })
      // Fails fast on a file that is not SQLite ("file is not a database").
      this.db.prepare('SELECT count(*) FROM sqlite_schema').get()
    } catch (err) {
      if (err instanceof AppError) throw err
      throw new AppError('IO_ERROR', `Cannot open ${path} as SQLite: ${(err as Error).message}`, { file: path })
    }
    this.name = basename(path)
  }

  query(sql: string, params: SqlValue[] = []): Promise<QueryResult> {
    // A bad statement must reject the promise, not throw before the caller can catch.
    try {
      return Promise.resolve(this.querySync(sql, params))
    } catch (err) {
      return Promise.reject(err)
    }
  }

  querySync(sql: string, params: SqlValue[] = []): QueryResult {
    try {
      const stmt = this.db.prepare(sql)
      if (!stmt.reader) {
        const info = stmt.run(...bindArgs(sql, params))
        return { columns: [], rows: [], changes: info.changes }
      }
      stmt.raw(true).safeIntegers(true)
      const columns = stmt.columns().map((c) => ({ name: c.name, ...(c.type ? { type: c.type } : {}) }))
      const rows = stmt.all(...bindArgs(sql, params)) as SqlValue[][]
      return { columns, rows: rows.map(normalizeRow) }
    } catch (err) {
      throw sqlError(err, sql)
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

  async *iterate(sql: string, params: SqlValue[] = [], batchSize = 1000): AsyncIterable<SqlValue[][]> {
    let stmt
    try {
      stmt = this.db.prepare(sql).raw(true).safeIntegers(true)
    } catch (err) {
      throw sqlError(err, sql)
    }
    let batch: SqlValue[][] = []
    for (const row of stmt.iterate(...bindArgs(sql, params)) as IterableIterator<SqlValue[]>) {
      batch.push(normalizeRow(row))
      if (batch.length >= batchSize) {
        yield batch
        batch = []
      }
    }
    if (batch.length) yield batch
  }

  introspect(): Promise<SchemaModel> {
    return Promise.resolve(this.introspectSync())
  }

  introspectSync(): SchemaModel {
    const objects = this.db
      .prepare(
        "SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string; type: 'table' | 'view'; sql: string | null }[]
    const estimates = this.statEstimates()
    const tables: TableInfo[] = objects.map((o) => {
      const q = sqliteDialect.quoteId(o.name)
      const cols = this.db.prepare(`PRAGMA table_xinfo(${q})`).all() as PragmaColumn[]
      const visible = cols.filter((c) => !c.hidden || c.hidden === 2 || c.hidden === 3)
      const fkRows = o.type === 'table' ? (this.db.prepare(`PRAGMA foreign_key_list(${q})`).all() as PragmaFk[]) : []
      const idxRows = o.type === 'table' ? (this.db.prepare(`PRAGMA index_list(${q})`).all() as PragmaIndex[]) : []
      const fks = new Map<number, PragmaFk[]>()
      for (const fk of fkRows) fks.set(fk.id, [...(fks.get(fk.id) ?? []), fk])
      const sql = o.sql ?? ''
      const autoinc = /\bAUTOINCREMENT\b/i.test(sql)
      const pkCols = visible.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
      const info: TableInfo = {
        name: o.name,
        kind: o.type,
        columns: visible.map((c) => ({
          name: c.name,
          type: c.type,
          nullable: c.notnull === 0 && c.pk === 0,
          defaultValue: c.dflt_value,
          pk: c.pk,
          ...(autoinc && c.pk === 1 && pkCols.length === 1 ? { autoIncrement: true } : {}),
        })),
        primaryKey: pkCols.map((c) => c.name),
        foreignKeys: [...fks.values()].map((parts) => {
          parts.sort((a, b) => a.seq - b.seq)
          const first = parts[0]!
          return {
            columns: parts.map((p) => p.from),
            refTable: first.table,
            refColumns: parts.map((p) => p.to ?? ''),
            onDelete: first.on_delete,
            onUpdate: first.on_update,
          }
        }),
        indexes: idxRows.map((ix) => ({
          name: ix.name,
          unique: ix.unique === 1,
          columns: (this.db.prepare(`PRAGMA index_info(${sqliteDialect.quoteId(ix.name)})`).all() as { name: string | null }[]).map(
            (r) => r.name ?? '<expr>',
          ),
        })),
        rowCount: estimates.get(o.name) ?? null,
        rowCountExact: false,
        hasRowid: o.type === 'table' && !/\bWITHOUT\s+ROWID\b/i.test(sql),
        sql,
      }
      // A foreign key that names no parent columns refers to the parent's primary key.
      for (const fk of info.foreignKeys) {
        if (fk.refColumns.every((c) => c === '')) {
          fk.refColumns = this.primaryKeyOf(fk.refTable)
        }
      }
      return info
    })
    return { kind: 'sqlite', name: this.name, tables }
  }

  private primaryKeyOf(table: string): string[] {
    const cols = this.db.prepare(`PRAGMA table_info(${sqliteDialect.quoteId(table)})`).all() as PragmaColumn[]
    return cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
  }

  /** Row estimates from sqlite_stat1 when ANALYZE has run; SQLite has no cheaper source. */
  private statEstimates(): Map<string, number> {
    const out = new Map<string, number>()
    try {
      const rows = this.db.prepare('SELECT tbl, stat FROM sqlite_stat1 WHERE idx IS NULL OR idx = tbl').all() as { tbl: string; stat: string }[]
      for (const r of rows) {
        const n = Number.parseInt(r.stat, 10)
        if (Number.isFinite(n)) out.set(r.tbl, n)
      }
    } catch {
      // no sqlite_stat1: no estimates
    }
    return out
  }

  countRows(table: string): Promise<number> {
    const row = this.db.prepare(`SELECT count(*) AS n FROM ${sqliteDialect.quoteId(table)}`).get() as { n: number }
    return Promise.resolve(row.n)
  }

  explain(sql: string, params: SqlValue[] = []): Promise<PlanNode[]> {
    try {
      const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bindArgs(sql, params)) as { id: number; parent: number; detail: string }[]
      return Promise.resolve(rows.map((r) => ({ id: r.id, parent: r.parent, detail: r.detail })))
    } catch (err) {
      return Promise.reject(sqlError(err, sql))
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close()
    return Promise.resolve()
  }
}

/**
 * better-sqlite3 treats numbered placeholders (`?1`, the dialect's form) as named
 * ones and refuses an array for them; it wants `{ 1: value }`. Plain `?` takes the array.
 */
function bindArgs(sql: string, params: SqlValue[]): unknown[] {
  if (!params.length || !/\?\d/.test(sql)) return params
  return [Object.fromEntries(params.map((v, i) => [i + 1, v]))]
}

/** Integers that fit a double travel as numbers; larger ones stay bigint. */
function normalizeRow(row: SqlValue[]): SqlValue[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i]
    if (typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)) {
      row[i] = Number(v)
    } else if (v instanceof Buffer) {
      row[i] = new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
    }
  }
  return row
}
