/** The database model every driver introspects into. */
export type SourceKind = 'sqlite' | 'mysql'

export interface ColumnInfo {
  name: string
  /** Declared type as the engine reports it, e.g. `INTEGER`, `varchar(40)`. */
  type: string
  nullable: boolean
  defaultValue: string | null
  /** 1-based position in the primary key, 0 when not part of it. */
  pk: number
  autoIncrement?: boolean
}

export interface ForeignKeyInfo {
  name?: string
  columns: string[]
  refTable: string
  refColumns: string[]
  onDelete?: string
  onUpdate?: string
}

export interface IndexInfo {
  name: string
  columns: string[]
  unique: boolean
}

export interface TableInfo {
  name: string
  kind: 'table' | 'view'
  columns: ColumnInfo[]
  primaryKey: string[]
  foreignKeys: ForeignKeyInfo[]
  indexes: IndexInfo[]
  /** Estimate or exact count; null until known. */
  rowCount: number | null
  rowCountExact: boolean
  /** Whether rows have a rowid (SQLite tables not declared WITHOUT ROWID). */
  hasRowid?: boolean
  sql?: string
}

export interface SchemaModel {
  kind: SourceKind
  name: string
  tables: TableInfo[]
}

export interface Relationship {
  /** Stable id: `child(cols)->parent(cols)`. */
  id: string
  childTable: string
  childColumns: string[]
  parentTable: string
  parentColumns: string[]
  origin: 'declared' | 'inferred'
  /** Share of non-null child values found in the parent, 0..1 (inferred only). */
  confidence?: number
  accepted?: boolean
  /** An inferred relationship the user hid (listed only when asked for). */
  hidden?: boolean
}

export function relationshipId(r: Pick<Relationship, 'childTable' | 'childColumns' | 'parentTable' | 'parentColumns'>): string {
  return `${r.childTable}(${r.childColumns.join(',')})->${r.parentTable}(${r.parentColumns.join(',')})`
}
