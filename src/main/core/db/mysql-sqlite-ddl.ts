import type { ColumnInfo, TableInfo } from '../../../shared/schema-model'
import type { SqlValue } from './driver'
import { sqliteDialect } from './sqlite-driver'

const q = sqliteDialect.quoteId

/** How a column's values are stored in SQLite, beyond its declared type. */
export type ValueConversion = 'none' | 'bits' | 'int64' | 'decimal'

export interface MappedColumn {
  name: string
  /** Declared SQLite type; keeps MySQL's name where SQLite reads it with the right affinity. */
  type: string
  convert: ValueConversion
}

/**
 * MySQL column type → SQLite declared type. Integers become INTEGER, so a
 * single integer key is SQLite's rowid; DECIMAL keeps NUMERIC affinity while
 * its precision fits a double (15 digits) and becomes TEXT beyond, so no digit
 * is lost; dates stay text under their own names; binary types are BLOB.
 */
export function mapColumnType(mysqlType: string): { type: string; convert: ValueConversion } {
  const t = mysqlType.toLowerCase().trim()
  const base = /^[a-z]+/.exec(t)?.[0] ?? ''
  switch (base) {
    case 'tinyint':
    case 'smallint':
    case 'mediumint':
    case 'int':
    case 'integer':
      return { type: 'INTEGER', convert: 'none' }
    case 'bigint':
      // BIGINT UNSIGNED may exceed SQLite's signed 64 bits; the copy checks the data (see wideUnsigned).
      return { type: 'INTEGER', convert: t.includes('unsigned') ? 'int64' : 'none' }
    case 'bit':
      return { type: 'INTEGER', convert: 'bits' }
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed': {
      const m = /\((\d+)(?:\s*,\s*(\d+))?\)/.exec(t)
      const precision = m ? Number(m[1]) : 10
      const scale = m?.[2] ? Number(m[2]) : 0
      // Up to 15 digits a double holds the value exactly; binding it as a number spares SQLite parsing the text.
      return precision <= 15 ? { type: `NUMERIC(${precision},${scale})`, convert: 'decimal' } : { type: 'TEXT', convert: 'none' }
    }
    case 'float':
    case 'double':
    case 'real':
      return { type: 'REAL', convert: 'none' }
    case 'year':
      return { type: 'INTEGER', convert: 'none' }
    case 'date':
      return { type: 'DATE', convert: 'none' }
    case 'datetime':
      return { type: 'DATETIME', convert: 'none' }
    case 'timestamp':
      return { type: 'TIMESTAMP', convert: 'none' }
    case 'time':
      return { type: 'TIME', convert: 'none' }
    case 'char':
    case 'varchar': {
      const len = /\((\d+)\)/.exec(t)?.[1]
      return { type: len ? `${base.toUpperCase()}(${len})` : 'TEXT', convert: 'none' }
    }
    case 'binary':
    case 'varbinary':
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
    case 'geometry':
    case 'point':
    case 'linestring':
    case 'polygon':
    case 'multipoint':
    case 'multilinestring':
    case 'multipolygon':
    case 'geometrycollection':
      return { type: 'BLOB', convert: 'none' }
    default:
      // text types, enum, set, json, uuid, inet: text in SQLite
      return { type: 'TEXT', convert: 'none' }
  }
}

/** A default SQLite can parse: literals and the CURRENT_* keywords; anything else is left out. */
export function sqliteDefault(def: string | null): string | null {
  if (def === null) return null
  const d = def.trim()
  if (/^current_timestamp(\(\d*\))?$/i.test(d) || /^now\(\)$/i.test(d)) return 'CURRENT_TIMESTAMP'
  if (/^current_date(\(\))?$/i.test(d) || /^curdate\(\)$/i.test(d)) return 'CURRENT_DATE'
  if (/^current_time(\(\d*\))?$/i.test(d)) return 'CURRENT_TIME'
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(d)) return d
  if (/^'(?:[^']|'')*'$/s.test(d)) return d
  if (/^null$/i.test(d)) return 'NULL'
  return null
}

function columnDef(c: ColumnInfo, mapped: MappedColumn, inlinePk: boolean): string {
  let s = mapped.type ? `${q(c.name)} ${mapped.type}` : q(c.name)
  if (inlinePk) s += ' PRIMARY KEY'
  if (!c.nullable && !inlinePk) s += ' NOT NULL'
  const def = sqliteDefault(c.defaultValue)
  if (def !== null && def !== 'NULL') s += ` DEFAULT ${def}`
  return s
}

export interface TableDdl {
  create: string
  columns: MappedColumn[]
  /** Foreign keys left out because their parent table is not copied. */
  droppedForeignKeys: string[]
}

/**
 * CREATE TABLE for SQLite with the primary key and the foreign keys among `copied` tables.
 * `wideUnsigned` names BIGINT UNSIGNED columns holding values beyond 2^63: they get no
 * declared type, so SQLite keeps those values as exact text (an INTEGER column would turn
 * them into approximate REALs) while the others stay integers and still sort first.
 */
export function createTableSql(t: TableInfo, copied: Set<string>, wideUnsigned: Set<string> = new Set()): TableDdl {
  const columns = t.columns.map((c) => ({ name: c.name, ...(wideUnsigned.has(c.name) ? { type: '', convert: 'int64' as const } : mapColumnType(c.type)) }))
  const pkCol = t.primaryKey.length === 1 ? t.primaryKey[0] : undefined
  // A single integer key becomes the rowid alias: fast keyset browsing and the same values.
  const rowidPk = columns.find((c) => c.name === pkCol)?.type === 'INTEGER'
  const parts = t.columns.map((c, i) => columnDef(c, columns[i]!, rowidPk && c.name === pkCol))
  if (t.primaryKey.length && !rowidPk) parts.push(`PRIMARY KEY (${t.primaryKey.map(q).join(', ')})`)
  const droppedForeignKeys: string[] = []
  for (const fk of t.foreignKeys) {
    const label = `${t.name}(${fk.columns.join(',')}) -> ${fk.refTable}(${fk.refColumns.join(',')})`
    if (!copied.has(fk.refTable)) {
      droppedForeignKeys.push(label)
      continue
    }
    let s = `FOREIGN KEY (${fk.columns.map(q).join(', ')}) REFERENCES ${q(fk.refTable)} (${fk.refColumns.map(q).join(', ')})`
    if (fk.onDelete && fk.onDelete !== 'RESTRICT' && fk.onDelete !== 'NO ACTION') s += ` ON DELETE ${fk.onDelete}`
    if (fk.onUpdate && fk.onUpdate !== 'RESTRICT' && fk.onUpdate !== 'NO ACTION') s += ` ON UPDATE ${fk.onUpdate}`
    parts.push(fk.name ? `CONSTRAINT ${q(fk.name)} ${s}` : s)
  }
  return { create: `CREATE TABLE ${q(t.name)} (\n  ${parts.join(',\n  ')}\n)`, columns, droppedForeignKeys }
}

/** CREATE INDEX statements; SQLite index names are per database, so a name used twice gets the table's prefix. */
export function createIndexSql(tables: TableInfo[]): { sql: string[]; skipped: string[] } {
  const used = new Set<string>()
  const sql: string[] = []
  const skipped: string[] = []
  for (const t of tables) {
    for (const ix of t.indexes) {
      if (ix.columns.includes('<expr>')) {
        skipped.push(`index ${t.name}.${ix.name}: expression index`)
        continue
      }
      let name = ix.name
      if (used.has(name.toLowerCase())) name = `${t.name}_${ix.name}`
      used.add(name.toLowerCase())
      sql.push(`CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} ON ${q(t.name)} (${ix.columns.map(q).join(', ')})`)
    }
  }
  return { sql, skipped }
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Converts one value for SQLite as the column's mapping says. */
export function convertValue(v: SqlValue, how: ValueConversion): SqlValue {
  if (v === null || how === 'none') return v
  if (how === 'bits' && v instanceof Uint8Array) {
    let n = 0n
    for (const b of v) n = (n << 8n) | BigInt(b)
    return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n <= INT64_MAX ? n : n.toString()
  }
  if (how === 'int64' && typeof v === 'bigint' && (v > INT64_MAX || v < INT64_MIN)) return v.toString()
  if (how === 'decimal' && typeof v === 'string') return Number(v)
  return v
}

/**
 * A MySQL view's definition in SQLite's dialect, where a plain rewrite is enough:
 * backtick names to double quotes, the schema qualifier dropped. The caller
 * checks the result by preparing it and skips the view when SQLite refuses.
 */
export function translateViewSql(name: string, definition: string, database: string): string {
  const body = definition
    .replace(/^CREATE\s+VIEW\s+.*?\s+AS\s+/is, '')
    .split(`\`${database.replace(/`/g, '``')}\`.`)
    .join('')
    .replace(/`((?:[^`]|``)*)`/g, (_m, id: string) => q(id.replace(/``/g, '`')))
  return `CREATE VIEW ${q(name)} AS ${body}`
}
