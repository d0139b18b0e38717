import type { ColumnFilter, SortSpec } from '../../../shared/calls/browse'
import { AppError } from '../../../shared/errors'
import type { ColumnInfo, TableInfo } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'
import type { Dir } from './keyset-sql'

/**
 * How a table is paged: which expressions identify a row (the key), what it is
 * sorted by, and whether keyset seeks are possible at all.
 */
export interface TablePlan {
  table: TableInfo
  from: string
  mode: 'keyset' | 'offset'
  /** Quoted key expressions (rowid or primary key columns); empty in offset mode. */
  keyExprs: string[]
  keyNames: string[]
  /** Quoted sort expression when sorted by a non-key column. */
  sortExpr: string | null
  sortColumn: ColumnInfo | null
  dir: Dir
  /** Whether NULLs can occur in the sort column (then they form their own segment). */
  sortNullable: boolean
  /** Single integer key (rowid or INTEGER PRIMARY KEY): row jumps can interpolate it. */
  integerKey: boolean
}

const ROWID_NAMES = ['rowid', '_rowid_', 'oid']

function isIntegerPkAlias(t: TableInfo): boolean {
  if (t.primaryKey.length !== 1) return false
  const col = t.columns.find((c) => c.name === t.primaryKey[0])
  return !!col && col.type.trim().toUpperCase() === 'INTEGER' && t.hasRowid === true
}

function findColumn(t: TableInfo, name: string, field: string): ColumnInfo {
  const col = t.columns.find((c) => c.name === name) ?? t.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())
  if (!col) throw new AppError('BAD_ARGUMENT', `Table ${t.name} has no column ${name}`, { field })
  return col
}

export function planTable(driver: Driver, t: TableInfo, sort: SortSpec | undefined, filters: ColumnFilter[]): TablePlan {
  const q = driver.dialect.quoteId
  filters.forEach((f, i) => findColumn(t, f.column, `filters.${i}.column`))
  const sortColumn = sort ? findColumn(t, sort.column, 'sort.column') : null
  const dir: Dir = sort?.dir ?? 'asc'
  let keyNames: string[] = []
  let integerKey = false
  if (t.kind === 'table') {
    if (driver.kind === 'sqlite' && t.hasRowid) {
      if (isIntegerPkAlias(t)) {
        keyNames = [...t.primaryKey]
      } else {
        // A column may shadow `rowid`; SQLite offers two other names for it.
        const taken = new Set(t.columns.map((c) => c.name.toLowerCase()))
        const free = ROWID_NAMES.find((n) => !taken.has(n))
        keyNames = free ? [free] : [...t.primaryKey]
      }
      integerKey = keyNames.length === 1
    } else {
      keyNames = [...t.primaryKey]
      const only = keyNames.length === 1 ? t.columns.find((c) => c.name === keyNames[0]) : undefined
      integerKey = !!only && /int/i.test(only.type)
    }
  }
  const mode = keyNames.length ? 'keyset' : 'offset'
  // Sorting by the key itself is the key order in that direction.
  const sortIsKey = !!sortColumn && keyNames.length === 1 && keyNames[0] === sortColumn.name
  const effectiveSort = sortIsKey ? null : sortColumn
  return {
    table: t,
    from: q(t.name),
    mode,
    keyExprs: keyNames.map((n) => q(n)),
    keyNames,
    sortExpr: effectiveSort ? q(effectiveSort.name) : null,
    sortColumn: effectiveSort,
    dir,
    sortNullable: !!effectiveSort && effectiveSort.nullable,
    integerKey,
  }
}
