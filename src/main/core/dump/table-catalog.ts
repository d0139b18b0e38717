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
