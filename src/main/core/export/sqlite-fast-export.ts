import { availableParallelism } from 'node:os'
import type { CsvOptions } from '../../../shared/calls/export'
import { AppError } from '../../../shared/errors'
import type { TableInfo } from '../../../shared/schema-model'
import type { SqliteDatabase } from '../db/sqlite-native'
import { sqliteDialect } from '../db/sqlite-driver'
import type { JobContext } from '../jobs/job-context'
import type { PlanSql } from '../consolidate/plan-sql'
import { ChunkHelper } from './chunk-helper'
import type { CsvSink } from './csv-sink'
import { lineEnding, lineSql, sqlText, type LineColumn } from './sqlite-csv-line'

/** Rows per chunk: big enough that per-call overhead vanishes, small enough to keep memory flat (a few MB). */
export const CHUNK_ROWS = 20_000
const MIN_ROWID = -(2n ** 63n)

const q = sqliteDialect.quoteId

export type FastSubject =
  /** A rowid table: read in rowid order, one chunk per statement. */
  | { kind: 'table'; table: TableInfo }
  /** A plan without ORDER BY over a rowid base table: chunks are ranges of the base table's rowid. */
  | { kind: 'plan'; plan: PlanSql; base: TableInfo; baseAlias: string }
  /** Anything else (views, sorted plans): lines are still built by SQLite, then gathered in JS. */
  | { kind: 'query'; sql: string }

/** Most ranges a table is cut into, however sparse its rowids. */
const MAX_RANGES = 10_000

/**
 * Rowid ranges (index, lo exclusive, hi inclusive) of about CHUNK_ROWS rowids
 * each, without counting rows first (a count is a full pass of its own); a
 * range holding more rows is still read CHUNK_ROWS at a time. Also returns the
 * rowid span, which is the row count when rowids are dense (the usual case).
 */
function rowidRanges(db: SqliteDatabase, table: string, rid: string): { ranges: [number, bigint, bigint][]; span: number } {
  const [lo, hi] = db.prepare(`SELECT min(${rid}), max(${rid}) FROM ${q(table)}`).raw(true).safeIntegers(true).get() as [bigint | null, bigint | null]
  if (lo === null || hi === null) return { ranges: [], span: 0 }
  const span = hi - lo + 1n
  let n = (span + BigInt(CHUNK_ROWS) - 1n) / BigInt(CHUNK_ROWS)
  if (n > BigInt(MAX_RANGES)) n = BigInt(MAX_RANGES)
  const width = (span + n - 1n) / n
  const out: [number, bigint, bigint][] = []
  for (let start = lo - 1n, i = 0; start < hi; start += width, i++) out.push([i, start, start + width < hi ? start + width : hi])
  return { ranges: out, span: Number(span) }
}

/** group_concat skips NULL: a line that came out NULL would be a row silently missing from the file. */
function lostLine(): AppError {
  return new AppError('INTERNAL', 'A CSV line came out NULL inside SQLite; the export stopped rather than drop the row')
}

/** A name that reaches the rowid, unless the table has columns shadowing all three. */
export function rowidName(table: TableInfo): string | null {
  if (table.kind !== 'table' || table.hasRowid === false) return null
  const names = new Set(table.columns.map((c) => c.name.toLowerCase()))
  return ['rowid', '_rowid_', 'oid'].find((n) => !names.has(n)) ?? null
}

function queryColumns(db: SqliteDatabase, sql: string): { name: string; type: string | null }[] {
  return db
    .prepare(`SELECT * FROM (${sql}) LIMIT 0`)
    .columns()
    .map((c) => ({ name: c.name, type: c.type }))
}

/**
 * Builds every CSV line inside SQLite (one SQL expression per column, joined
 * with ||) and moves them to the file in chunks of ~20k lines: one value per
 * chunk crosses into JavaScript, as bytes, so JS does no per-row work.
 * Returns the column names (for the header) before writing any row.
 */
export async function exportSqliteFast(
  db: SqliteDatabase,
  subject: FastSubject,
  sink: CsvSink,
  o: CsvOptions,
  ctx: JobContext,
  total: number | null,
  writeHeader: (names: string[]) => Promise<void>,
  /** Use a second thread for large tables (when the machine has more than one CPU). */
  parallel = availableParallelism() > 1,
): Promise<number> {
  const eol = lineEnding(o)
  const eolBuf = Buffer.from(eol, 'utf8')
  // CAST(... AS BLOB) hands over the bytes without decoding only when the database stores UTF-8.
  const utf8 = String(db.pragma('encoding', { simple: true })).toUpperCase() === 'UTF-8'
  const agg = (line: string): string => (utf8 ? `CAST(group_concat(${line}, ${sqlText(eol)}) AS BLOB)` : `group_concat(${line}, ${sqlText(eol)})`)
  let rows = 0
  const report = (): void => {
    ctx.progress({ phase: 'writing', done: rows, total, unit: 'rows' })
    ctx.throwIfCancelled()
  }
  const emit = async (chunk: Buffer | string, n: number): Promise<void> => {
    await sink.write(chunk, eolBuf)
    rows += n
    report()
  }

  /**
   * Runs the chunk statement (params: after this rowid, up to this rowid; columns: bytes, rows, last rowid,
   * non-NULL lines) over the ranges. Two threads build chunks of alternate ranges; this one writes them in order.
   */
  const runRanges = async (sql: string, ranges: [number, bigint, bigint][]): Promise<void> => {
    const stmt = db.prepare(sql).raw(true).safeIntegers(true)
    let helper = ranges.length >= 4 && parallel && db.name && !db.memory ? new ChunkHelper(db.name, sql, ranges.filter(([i]) => i % 2 === 1)) : null
    const own = async (lo: bigint, hi: bigint): Promise<void> => {
      // Below the smallest rowid there is no 64-bit integer: -Infinity binds as a REAL and compares below all.
      let last: bigint | number = lo < MIN_ROWID ? -Infinity : lo
      for (;;) {
        const [chunk, n, max, lines] = stmt.get(last, hi) as [Buffer | string | null, bigint, bigint | null, bigint]
        if (lines !== n) throw lostLine()
        if (!n || chunk === null || max === null) break
        await emit(chunk, Number(n))
        if (max >= hi) break
        last = max
      }
    }
    try {
      for (const [i, lo, hi] of ranges) {
        if (!helper || i % 2 === 0) {
          await own(lo, hi)
          continue
        }
        let last = lo
        try {
          for (;;) {
            const c = await helper.next()
            if (c.buf && c.n) await emit(c.buf, c.n)
            else report()
            if (c.max !== null) last = BigInt(c.max)
            if (c.done) break
          }
        } catch (err) {
          if (err instanceof AppError && err.code === 'CANCELLED') throw err
          // The helper thread failed (it could not load SQLite, say): this thread does the rest alone.
          await helper.stop()
          helper = null
          await own(last, hi)
        }
      }
    } finally {
      await helper?.stop()
    }
  }

  if (subject.kind === 'table') {
    const t = subject.table
    const rid = rowidName(t)!
    const single = t.primaryKey.length === 1 ? t.columns.find((c) => c.name === t.primaryKey[0]) : undefined
    const cols: LineColumn[] = t.columns.map((c) => ({
      ref: q(c.name),
      type: c.type,
      // INTEGER PRIMARY KEY is the rowid (never NULL, always an integer), except in the `PRIMARY KEY DESC` quirk.
      rowidAlias: c === single && c.type.toUpperCase() === 'INTEGER' && !/\bDESC\b/i.test(t.sql ?? ''),
    }))
    await writeHeader(t.columns.map((c) => c.name))
    const { ranges, span } = rowidRanges(db, t.name, rid)
    total ??= span
    // LIMIT: a range denser than expected is read CHUNK_ROWS rows at a time.
    await runRanges(
      `SELECT ${agg('line')}, count(*), max(rid), count(line) FROM (SELECT ${lineSql(cols, o)} AS line, ${rid} AS rid FROM ${q(t.name)} WHERE ${rid} > ? AND ${rid} <= ? ORDER BY ${rid} LIMIT ${CHUNK_ROWS})`,
      ranges,
    )
    return rows
  }

  if (subject.kind === 'plan') {
    const { plan, base, baseAlias } = subject
    const rid = rowidName(base)!
    const inner = `SELECT ${plan.select} ${plan.from}`
    const cols = queryColumns(db, `${inner}${plan.where ? ` WHERE ${plan.where}` : ''}`)
    await writeHeader(cols.map((c) => c.name))
    const line = lineSql(cols.map((c) => ({ ref: `${q('q')}.${q(c.name)}`, type: c.type })), o)
    const baseRid = `${q(baseAlias)}.${rid}`
    // No LIMIT: the rows of one base row (its children) must not be split across chunks, so a range is read whole.
    const ridCol = q('__sonograph_rid')
    const { ranges } = rowidRanges(db, base.name, rid)
    await runRanges(
      `SELECT ${agg('line')}, count(*), max(${ridCol}), count(line) FROM (SELECT ${line} AS line, ${q('q')}.${ridCol} AS ${ridCol} FROM (SELECT ${plan.select}, ${baseRid} AS ${ridCol} ${plan.from} WHERE ${baseRid} > ? AND ${baseRid} <= ?${plan.where ? ` AND ${plan.where}` : ''}) AS ${q('q')})`,
      ranges,
    )
    return rows
  }

  const cols = queryColumns(db, subject.sql)
  await writeHeader(cols.map((c) => c.name))
  const line = lineSql(cols.map((c) => ({ ref: `${q('q')}.${q(c.name)}`, type: c.type })), o)
  const stmt = db.prepare(`SELECT ${line} FROM (${subject.sql}) AS ${q('q')}`).pluck(true)
  let parts: string[] = []
  let size = 0
  for (const text of stmt.iterate() as IterableIterator<string>) {
    parts.push(text)
    size += text.length
    if (parts.length >= CHUNK_ROWS || size > 4_000_000) {
      const n = parts.length
      await emit(parts.join(eol), n)
      parts = []
      size = 0
    }
  }
  if (parts.length) await emit(parts.join(eol), parts.length)
  return rows
}
