import type { SqliteDatabase } from '../db/sqlite-native'
import type { DumpDialect } from './dialect'

/** How a column's incoming text must be turned into the value to bind. */
export const enum Conv {
  None = 0,
  /** MySQL string into a BLOB column: the exact bytes it came from. */
  Bytes = 1,
  /** PostgreSQL bytea text (`\x0102...`) into bytes. */
  PgBytea = 2,
  /** PostgreSQL boolean text (`t`/`f`) into 1/0. */
  PgBool = 3,
  /** A DATE column: '2021/1/1' is stored as '2021-01-01', as the server would. */
  Date = 4,
  /** A DATETIME/TIMESTAMP column: '2021/1/1' is stored as '2021-01-01 00:00:00'. */
  DateTime = 5,
}

const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?$/

/** MySQL and PostgreSQL accept dates like 2021/1/1 and store them in ISO form; SQLite keeps what it is given. */
export function normalizeDate(v: string, withTime: boolean): string {
  // Already canonical: the common case, checked without a regex.
  if (v.length === (withTime ? 19 : 10) && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && (!withTime || v.charCodeAt(10) === 32)) return v
  const m = LOOSE_DATE.exec(v)
  if (!m) return v
  const p2 = (s: string | undefined): string => (s ?? '0').padStart(2, '0')
  const date = `${m[1]}-${p2(m[2])}-${p2(m[3])}`
  return withTime ? `${date} ${p2(m[4])}:${p2(m[5])}:${p2(m[6])}${m[7] ?? ''}` : date
}

export interface TableEntry {
  name: string
  columns: string[]
  /** Declared types, upper case. */
  types: string[]
  /** Rows loaded by this import (for the progress line; the report counts the table). */
  rowsLoaded: number
}

/** What the loader knows about the tables it created, read back from SQLite itself. */
export class TableCatalog {
  private tables = new Map<string, TableEntry>()

  constructor(private readonly db: SqliteDatabase) {}

  refresh(name: string): TableEntry | undefined {
    const rows = this.db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(name) as { name: string; type: string }[]
    if (!rows.length) {
      this.tables.delete(name.toLowerCase())
      return undefined
    }
    const real = (this.db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name = ? COLLATE NOCASE`).get(name) as { name: string } | undefined)?.name ?? name
    const prev = this.tables.get(name.toLowerCase())
    const entry: TableEntry = { name: real, columns: rows.map((r) => r.name), types: rows.map((r) => r.type.toUpperCase()), rowsLoaded: prev?.rowsLoaded ?? 0 }
    this.tables.set(name.toLowerCase(), entry)
    return entry
  }

  get(name: string): TableEntry | undefined {
    return this.tables.get(name.toLowerCase()) ?? this.refresh(name)
  }

  forget(name: string): void {
    this.tables.delete(name.toLowerCase())
  }

  forgetAll(): void {
    this.tables.clear()
  }
}

/** Per-column conversions for a column list, or null when every column binds as scanned. */
export function conversionsFor(entry: TableEntry, columns: readonly string[], dialect: DumpDialect, copy: boolean): Uint8Array | null {
  let any = false
  const conv = new Uint8Array(columns.length)
  columns.forEach((c, k) => {
    const idx = entry.columns.findIndex((x) => x.toLowerCase() === c.toLowerCase())
    const type = idx >= 0 ? entry.types[idx]! : ''
    if (type.includes('BLOB') || type === 'BYTEA') conv[k] = dialect === 'postgres' ? Conv.PgBytea : dialect === 'mysql' ? Conv.Bytes : Conv.None
    else if (copy && (type === 'BOOLEAN' || type === 'BOOL')) conv[k] = Conv.PgBool
    else if (dialect !== 'sqlite' && type === 'DATE') conv[k] = Conv.Date
    else if (dialect !== 'sqlite' && (type.startsWith('DATETIME') || type === 'TIMESTAMP' || /^TIMESTAMP\(\d\)$/.test(type))) conv[k] = Conv.DateTime
    if (conv[k]) any = true
  })
  return any ? conv : null
}

/** SQLite's affinity rules, as the number binding kinds of value-scanner.ts: 0 text, 1 typeless/blob, 2 numeric. */
export function numberKind(type: string): 0 | 1 | 2 {
  if (type.includes('INT')) return 2
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return 0
  if (type === '' || type.includes('BLOB')) return 1
  return 2
}

export function numberKindsFor(entry: TableEntry, columns: readonly string[]): Uint8Array | null {
  let any = false
  const out = new Uint8Array(columns.length)
  columns.forEach((c, k) => {
    const idx = entry.columns.findIndex((x) => x.toLowerCase() === c.toLowerCase())
    out[k] = idx >= 0 ? numberKind(entry.types[idx]!) : 0
    if (out[k]) any = true
  })
  return any ? out : null
}
