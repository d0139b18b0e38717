import type { SchemaModel, SourceKind } from '../../../shared/schema-model'

/** A value as drivers read and bind it. */
export type SqlValue = null | number | bigint | string | Uint8Array

export interface ResultColumn {
  name: string
  /** Declared type where the engine knows it. */
  type?: string
}

export interface QueryResult {
  columns: ResultColumn[]
  rows: SqlValue[][]
  /** Rows changed, for statements that change data. */
  changes?: number
}

export interface ExplainOptions {
  /** Run the statement and report measured rows and time (MariaDB `ANALYZE`, MySQL `EXPLAIN ANALYZE`). Reads only. */
  analyze?: boolean
}

export interface PlanNode {
  id: number
  parent: number
  detail: string
  rows?: number
  timeMs?: number
}

/**
 * One interface, one implementation per engine. Per-engine differences are
 * declared in `features` and `dialect`, so callers don't test `kind` everywhere.
 */
export interface SqlDialect {
  quoteId(name: string): string
  /** Placeholder for the n-th (1-based) parameter; SQLite reuses `?n`, MySQL only has `?`. */
  param(n: number): string
  /** Whether a placeholder can be referenced more than once (`?1` twice). */
  reusableParams: boolean
  /** Whether `(a,b) > (?,?)` is optimised into an index seek. */
  rowValueSeek: boolean
}

export interface Driver {
  readonly kind: SourceKind
  readonly name: string
  readonly dialect: SqlDialect
  readonly readonly: boolean
  query(sql: string, params?: SqlValue[]): Promise<QueryResult>
  /** Runs statements that return nothing; several may be given separated by `;`. */
  exec(sql: string): Promise<void>
  /** Streams the rows of a query in batches, so memory stays bounded. */
  iterate(sql: string, params?: SqlValue[], batchSize?: number): AsyncIterable<SqlValue[][]>
  introspect(): Promise<SchemaModel>
  /** Exact count of one table. */
  countRows(table: string): Promise<number>
  explain(sql: string, params?: SqlValue[], opts?: ExplainOptions): Promise<PlanNode[]>
  /**
   * Stops the statements this driver is running (MySQL: `KILL QUERY` from a second
   * connection); they then fail with CANCELLED. Resolves whether anything was running.
   * Absent where the engine cannot interrupt (SQLite runs synchronously).
   */
  cancel?(): Promise<boolean>
  close(): Promise<void>
}
