import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../db/sqlite-native'
import type { DumpDialect } from './dialect'
import { quoteId, tokenize } from './sql-lexer'
import { hasByteEscapes, hexToBytes, repairText, stringToBytes, unescapePgE } from './string-escapes'
import { Conv, conversionsFor, normalizeDate, numberKindsFor, type TableCatalog, type TableEntry } from './table-catalog'
import { hasOnDuplicateKey, INSERT_HEAD, type PreScanned } from './prescan'
import { numberForNumeric, numberForTypeless, scanValues, valueAt, type SqlValue } from './value-scanner'

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** Rows bound per statement: large enough to amortise the call into SQLite, small enough to prepare quickly. */
function batchRows(width: number): number {
  return Math.max(1, Math.min(50, Math.floor(1000 / Math.max(1, width))))
}

export class RowWidthError extends Error {}

export interface InsertOutcome {
  rows: number
  /** Not handled here (an expression among the values, INSERT ... SELECT): run the statement as SQL. */
  fallback?: string
}

interface Target {
  entry: TableEntry
  columns: string[]
  mode: '' | 'OR IGNORE ' | 'OR REPLACE '
  suffix: string
}

/**
 * The fast path for data: INSERT statements and COPY blocks are bound to
 * cached multi-row prepared INSERTs instead of being run as SQL text. This is
 * what makes an import faster than feeding the same file to the sqlite3 tool.
 */
export class InsertLoader {
  private stmts = new Map<string, Statement>()
  private savepoint = false
  latin1Values = 0

  constructor(
    private readonly db: SqliteDatabase,
    private readonly catalog: TableCatalog,
    private readonly dialect: DumpDialect,
    /** Set when the reader met bytes that are not UTF-8: text values may need repair. */
    private readonly bytesEscaped: () => boolean,
  ) {}

  clearCache(): void {
    this.stmts.clear()
  }

  private statement(t: Target, rows: number): Statement {
    const key = `${t.mode}|${t.entry.name}|${t.columns.join('\u0001')}|${rows}|${t.suffix}`
    let s = this.stmts.get(key)
    if (!s) {
      const tuple = `(${t.columns.map(() => '?').join(',')})`
      const sql = `INSERT ${t.mode}INTO ${quoteId(t.entry.name)} (${t.columns.map(quoteId).join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}${t.suffix}`
      s = this.db.prepare(sql)
      this.stmts.set(key, s)
    }
    return s
  }

  /**
   * Runs one INSERT/REPLACE statement; throws SQLite's error for a failed one (nothing of it is kept).
   * `pre`: its values, already located on the importing thread (prescan.ts); otherwise they are located here.
   */
  insert(text: string, pre?: PreScanned): InsertOutcome {
    const head = INSERT_HEAD.exec(text)
    if (!head) return { rows: 0, fallback: 'not a VALUES insert' }
    const nameToks = tokenize(head[3]!, this.dialect)
    const tableName = nameToks[nameToks.length - 1]?.v
    const entry = tableName ? this.catalog.get(tableName) : undefined
    if (!entry) return { rows: 0, fallback: 'unknown table' }
    const columns = head[4] ? tokenize(head[4].slice(1, -1), this.dialect).filter((t) => t.k === 'ident' || t.k === 'word').map((t) => t.v) : entry.columns
    // ON DUPLICATE KEY UPDATE is rewritten as an upsert by the SQL path.
    if (!pre && hasOnDuplicateKey(text)) return { rows: 0, fallback: 'ON DUPLICATE KEY UPDATE' }
    let sv = pre?.values
    if (!sv) {
      const r = scanValues(text, head[0].length, this.dialect)
      if (!r.ok) return { rows: 0, fallback: r.reason }
      if (r.end < text.length && text.slice(r.end).trim() !== '') return { rows: 0, fallback: 'text after the values' }
      sv = r.values
    }
    const width = columns.length
    if (sv.width !== width || sv.mixedWidth >= 0) {
      throw new RowWidthError(`Column count does not match: ${sv.width !== width ? sv.width : sv.mixedWidth} values for ${width} columns`)
    }
    const mode = /^REPLACE/i.test(head[1]!) ? 'OR REPLACE ' : head[2] ? 'OR IGNORE ' : ''
    const target: Target = { entry, columns, mode, suffix: '' }
    const rows = sv.count / width
    const per = batchRows(width)
    const conv = conversionsFor(entry, columns, this.dialect, false)
    const kinds = numberKindsFor(entry, columns)
    const repair = this.bytesEscaped()
    const fullBatches = Math.floor(rows / per)
    try {
      // A statement's first batch needs no savepoint (one statement is atomic); later ones do, so a failure undoes them all.
      if (fullBatches + (rows % per) > 1) this.openSavepoint()
      let v = 0
      if (fullBatches > 0) {
        const full = this.statement(target, per)
        const vals = new Array<SqlValue>(per * width)
        for (let b = 0; b < fullBatches; b++) {
          for (let k = 0, col = 0; k < vals.length; k++, v++) {
            vals[k] = valueAt(sv, text, v, kinds === null ? 0 : kinds[col]!)
            if (++col === width) col = 0
          }
          this.prepareValues(vals, width, conv, repair)
          full.run(vals)
        }
      }
      if (v < sv.count) {
        const one = this.statement(target, 1)
        const row = new Array<SqlValue>(width)
        while (v < sv.count) {
          for (let col = 0; col < width; col++, v++) row[col] = valueAt(sv, text, v, kinds === null ? 0 : kinds[col]!)
          this.prepareValues(row, width, conv, repair)
          one.run(row)
        }
      }
      this.releaseSavepoint()
      entry.rowsLoaded += rows
      return { rows }
    } catch (err) {
      this.rollbackSavepoint()
      throw err
    }
  }

  private prepareValues(vals: SqlValue[], width: number, conv: Uint8Array | null, repair: boolean): void {
    if (conv) {
      for (let k = 0; k < vals.length; k++) {
        const c = conv[k % width]!
        const v = vals[k]
        if (c === Conv.None || typeof v !== 'string') continue
        if (c === Conv.Bytes) vals[k] = stringToBytes(v)
        else if (c === Conv.PgBytea) vals[k] = v.startsWith('\\x') ? hexToBytes(v.slice(2)) : stringToBytes(unescapePgE(v))
        else if (c === Conv.PgBool) vals[k] = v === 't' || v === 'true' ? 1 : v === 'f' || v === 'false' ? 0 : v
        else if (c === Conv.Date) vals[k] = normalizeDate(v, false)
        else if (c === Conv.DateTime) vals[k] = normalizeDate(v, true)
      }
    }
    if (repair) {
      for (let k = 0; k < vals.length; k++) {
        const v = vals[k]
        if (typeof v === 'string' && hasByteEscapes(v)) {
          vals[k] = repairText(v).text
          this.latin1Values++
        }
      }
    }
  }

  private openSavepoint(): void {
    if (this.savepoint) return
    this.db.exec('SAVEPOINT dump_stmt')
    this.savepoint = true
  }
  private releaseSavepoint(): void {
    if (!this.savepoint) return
    this.db.exec('RELEASE dump_stmt')
    this.savepoint = false
  }
  rollbackSavepoint(): void {
    if (!this.savepoint) return
    this.db.exec('ROLLBACK TO dump_stmt; RELEASE dump_stmt')
    this.savepoint = false
  }

  // ---- COPY ... FROM stdin ----
  private copy: {
    target: Target
    width: number
    per: number
    vals: SqlValue[]
    conv: Uint8Array | null
    /** Number kinds (see numberKind): COPY text that is a number is bound as one, as for INSERT values. */
    kinds: Uint8Array | null
    rows: number
    failed: string | null
    full: Statement
  } | null = null

  /** Starts a COPY block; returns false when the table is unknown (its rows are then skipped). */
  beginCopy(table: string, columns: string[] | null): boolean {
    const entry = this.catalog.get(table)
    if (!entry) return false
    const cols = columns ?? entry.columns
    const target: Target = { entry, columns: cols, mode: '', suffix: '' }
    const per = batchRows(cols.length)
    this.openSavepoint()
    this.copy = { target, width: cols.length, per, vals: [], conv: conversionsFor(entry, cols, 'postgres', true), kinds: numberKindsFor(entry, cols), rows: 0, failed: null, full: this.statement(target, per) }
    return true
  }

  get copyFailed(): string | null {
    return this.copy?.failed ?? null
  }

  /** One line of COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
  copyRow(line: string, lineNo: number): void {
    const c = this.copy
    if (!c || c.failed) return
    const fields = line.split('\t')
    if (fields.length !== c.width) {
      c.failed = `line ${lineNo}: ${fields.length} fields for ${c.width} columns`
      return
    }
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!
      if (f === '\\N') c.vals.push(null)
      else if (c.kinds !== null && c.kinds[k] !== 0 && NUMERIC_TEXT.test(f)) c.vals.push(c.kinds[k] === 1 ? numberForTypeless(f) : numberForNumeric(f))
      else c.vals.push(f.includes('\\') ? unescapePgE(f) : f)
    }
    if (c.vals.length === c.per * c.width) this.flushCopy(lineNo, true)
  }

  private flushCopy(lineNo: number, full: boolean): void {
    const c = this.copy!
    if (!c.vals.length || c.failed) return
    try {
      this.prepareValues(c.vals, c.width, c.conv, this.bytesEscaped())
      if (full) {
        c.full.run(c.vals)
        c.rows += c.per
      } else {
        const one = this.statement(c.target, 1)
        const n = c.vals.length / c.width
        for (let r = 0; r < n; r++) one.run(c.vals.slice(r * c.width, (r + 1) * c.width))
        c.rows += n
      }
    } catch (err) {
      c.failed = `near line ${lineNo}: ${(err as Error).message}`
    }
    c.vals.length = 0
  }

  /** Ends the block: all of its rows, or (as PostgreSQL does) none when one failed. */
  endCopy(lineNo: number): { rows: number; failed: string | null } {
    const c = this.copy
    if (!c) return { rows: 0, failed: null }
    this.flushCopy(lineNo, false)
    this.copy = null
    if (c.failed) {
      this.rollbackSavepoint()
      return { rows: 0, failed: c.failed }
    }
    this.releaseSavepoint()
    c.target.entry.rowsLoaded += c.rows
    return { rows: c.rows, failed: null }
  }
}

