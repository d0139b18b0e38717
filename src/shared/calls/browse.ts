import { z } from 'zod'
import type { Cell } from '../cells'
import { defineCall } from '../contract'

/**
 * A value that must round-trip exactly (cursor positions, filter values, row keys):
 * integers beyond 2^53 as `{$int}`, blobs as full hex `{$bytes}`.
 */
export const keyValueSchema = z.union([
  z.null(),
  z.number(),
  z.string(),
  z.object({ $int: z.string().regex(/^-?\d+$/) }).strict(),
  z.object({ $bytes: z.string().regex(/^(?:[0-9a-fA-F]{2})*$/) }).strict(),
])
export type KeyValue = z.infer<typeof keyValueSchema>

const column = z.string().min(1)

/** Per-column filters; all given filters must hold (AND). */
export const columnFilterSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('eq'), column, value: keyValueSchema }).strict(),
  /** Substring match, case-insensitive for ASCII on SQLite (LIKE). */
  z.object({ op: z.literal('contains'), column, value: z.string() }).strict(),
  /** Inclusive bounds; either may be omitted. */
  z.object({ op: z.literal('range'), column, min: keyValueSchema.optional(), max: keyValueSchema.optional() }).strict(),
  z.object({ op: z.literal('isNull'), column }).strict(),
  z.object({ op: z.literal('notNull'), column }).strict(),
])
export type ColumnFilter = z.infer<typeof columnFilterSchema>

export const sortSchema = z.object({ column, dir: z.enum(['asc', 'desc']) }).strict()
export type SortSpec = z.infer<typeof sortSchema>

/**
 * Where a page starts.
 * - `key`: the page lies strictly after (forward) or strictly before (backward) this
 *   row; `values` is a `nextCursor`/`prevCursor` from an earlier page.
 * - `row`: jump to the 0-based row N of the sorted, filtered order (forward only);
 *   `total` (the row count, when known) lets unfiltered jumps seek instead of scan.
 *   Whether the landing row is exactly N is reported in the result's `approximate`.
 * - `offset`: used by sources without a usable key (views): the page starts at
 *   (forward) or ends before (backward) this offset.
 * No cursor: the first page (forward) or the last page (backward).
 */
export const cursorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), values: z.array(keyValueSchema).min(1) }).strict(),
  z.object({ kind: z.literal('row'), row: z.number().int().min(0), total: z.number().int().min(0).optional() }).strict(),
  z.object({ kind: z.literal('offset'), offset: z.number().int().min(0) }).strict(),
])
export type PageCursor = z.infer<typeof cursorSchema>

export const pageArgsSchema = z
  .object({
    sourceId: z.string().min(1),
    table: z.string().min(1),
    sort: sortSchema.optional(),
    filters: z.array(columnFilterSchema).max(64).default([]),
    cursor: cursorSchema.optional(),
    direction: z.enum(['forward', 'backward']).default('forward'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
export type PageArgs = z.output<typeof pageArgsSchema>

export interface BrowseColumn {
  name: string
  type: string
  /** 1-based position in the primary key, 0 when not part of it. */
  pk: number
}

export interface BrowsePage {
  columns: BrowseColumn[]
  /** Rows in display order (also for backward pages). */
  rows: Cell[][]
  /** Each row's identity for `browse.cell` (key mode only; null in offset mode). */
  rowKeys: KeyValue[][] | null
  /** Pass back to read the page after this one (forward); null at the end. */
  nextCursor: PageCursor | null
  /** Pass back with direction 'backward' to read the page before; null at the start. */
  prevCursor: PageCursor | null
  atStart: boolean
  atEnd: boolean
  /** 'keyset' seeks on rowid/primary key; 'offset' is the fallback for views and keyless tables. */
  mode: 'keyset' | 'offset'
  /** The columns that identify a row (`rowid` or the primary key). */
  keyColumns: string[]
  /** 0-based position of the first row when known exactly (first page, offset mode, exact jumps). */
  firstRow: number | null
  /** True when a `row` jump landed near, not exactly at, the asked row. */
  approximate: boolean
  /** [rowIndex, columnIndex] of text cells cut to keep the page small; fetch them with browse.cell. */
  clipped: [number, number][]
  elapsedMs: number
}

export const cellArgsSchema = z
  .object({
    sourceId: z.string().min(1),
    table: z.string().min(1),
    column,
    /** The row: its key (from `rowKeys`) or, in offset mode, its offset in the given order. */
    row: z.union([
      z.object({ key: z.array(keyValueSchema).min(1) }).strict(),
      z
        .object({ offset: z.number().int().min(0), sort: sortSchema.optional(), filters: z.array(columnFilterSchema).default([]) })
        .strict(),
    ]),
    /** Bound on what is returned: characters of text, bytes of a blob. */
    maxBytes: z.number().int().min(1).max(16 * 1024 * 1024).default(1024 * 1024),
  })
  .strict()

export interface CellValue {
  kind: 'null' | 'integer' | 'real' | 'text' | 'blob'
  /** Characters for text, bytes for blobs (as the engine's length() reports). */
  size: number
  /** The text (or the number as text), cut at maxBytes. */
  text?: string
  /** Hex of the blob's first maxBytes bytes. */
  hex?: string
  truncated: boolean
  /** Whether the (untruncated) text parses as a JSON object or array. */
  json: boolean
}

export interface CountResult {
  /** Exact count when it was cheap enough to answer inline. */
  count: number | null
  /** Otherwise a `browseCount` job whose result is `{ count }`; progress arrives as job events. */
  jobId: string | null
  /** A quick estimate to size the scrollbar until the job ends (rowid span or statistics). */
  estimate: number | null
}

export const browseCalls = {
  /** One page of a table or view, by keyset where possible. */
  'browse.page': defineCall<BrowsePage>()(pageArgsSchema),
  /** The full (bounded) value of one cell, for the cell viewer. */
  'browse.cell': defineCall<CellValue>()(cellArgsSchema),
  /** Row count with filters: inline for small tables, else a job id. */
  'browse.count': defineCall<CountResult>()(
    z.object({ sourceId: z.string().min(1), table: z.string().min(1), filters: z.array(columnFilterSchema).max(64).default([]) }).strict(),
  ),
}

/** Result of `console.run`. */
export interface ConsoleResult {
  columns: { name: string; type?: string }[]
  /** The first `limit` rows of the last statement that returned rows. */
  rows: Cell[][]
  rowCount: number
  /** More rows existed than `limit`. */
  truncated: boolean
  /** Rows changed by the statements that change data (null when none did). */
  changes: number | null
  /** How many statements the text held and ran. */
  statements: number
  elapsedMs: number
}

export interface PlanTreeNode {
  id: number
  parent: number
  detail: string
  rows?: number
  children: PlanTreeNode[]
}

export interface StatementSpan {
  /** Offsets into the script: [start, end) of the statement text, without the `;`. */
  start: number
  end: number
  text: string
}

const sourceId = z.string().min(1)
const sqlText = z.string().min(1).max(4 * 1024 * 1024)

export const consoleCalls = {
  /**
   * Runs the statement(s) in `sql` in a worker with its own connection; returns the
   * first `limit` rows of the last statement that returns rows. Pass a `runId` of
   * your choosing to be able to cancel it with `console.cancel`. A read-only source
   * refuses writes with FORBIDDEN.
   */
  'console.run': defineCall<ConsoleResult>()(
    z
      .object({
        sourceId,
        sql: sqlText,
        params: z.array(keyValueSchema).max(999).optional(),
        limit: z.number().int().min(1).max(10_000).default(1000),
        runId: z.string().min(1).max(100).optional(),
      })
      .strict(),
  ),
  /** Cancels a running `console.run`; its promise rejects with CANCELLED at once. */
  'console.cancel': defineCall<{ cancelled: boolean }>()(z.object({ runId: z.string().min(1) }).strict()),
  /** EXPLAIN QUERY PLAN (SQLite) / EXPLAIN (MySQL) of one statement, as a tree. */
  'console.plan': defineCall<{ tree: PlanTreeNode[]; elapsedMs: number }>()(
    z.object({ sourceId, sql: sqlText, params: z.array(keyValueSchema).max(999).optional() }).strict(),
  ),
  /** Splits a script into statements and names the one under `cursor` (an offset), respecting strings and comments. */
  'console.split': defineCall<{ statements: StatementSpan[]; current: StatementSpan | null }>()(
    z.object({ sql: z.string().max(4 * 1024 * 1024), cursor: z.number().int().min(0).optional(), dialect: z.enum(['sqlite', 'mysql']).default('sqlite') }).strict(),
  ),
}
