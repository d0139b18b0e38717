import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaModel, TableInfo } from '../../../shared/schema-model'
import type { QueryResult, SqlValue } from './driver'

type Run = (sql: string, params: SqlValue[]) => Promise<QueryResult>
type Row = Record<string, SqlValue>

async function records(run: Run, sql: string, params: SqlValue[]): Promise<Row[]> {
  const r = await run(sql, params)
  // information_schema column names differ in case between servers; key them in lower case.
  const names = r.columns.map((c) => c.name.toLowerCase())
  return r.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i] ?? null])))
}

const str = (v: SqlValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v))
const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v))

const NUMERIC_TYPE = /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|year)\b/i

/**
 * Defaults as SQL text, the way SQLite reports them: `'abc'`, `0`, `CURRENT_TIMESTAMP`.
 * MariaDB already gives SQL text (and the word NULL for no default); MySQL gives
 * the bare literal and marks expressions with DEFAULT_GENERATED.
 */
function normalizeDefault(raw: SqlValue, columnType: string, extra: string, mariadb: boolean): string | null {
  if (raw === null) return null
  const text = str(raw)
  if (mariadb) return text === 'NULL' ? null : text
  if (/DEFAULT_GENERATED/i.test(extra) || /^current_timestamp/i.test(text)) return text
  if (NUMERIC_TYPE.test(columnType)) return text
  return `'${text.replace(/'/g, "''")}'`
}

/** Builds the SchemaModel of one database from information_schema (a handful of queries, not one per table). */
export async function introspectMysql(run: Run, database: string, mariadb: boolean): Promise<SchemaModel> {
  const [tables, columns, keyUsage, refs, stats, views] = await Promise.all([
    records(
      run,
      'SELECT TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_ROWS AS est FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
      [database],
    ),
    records(
      run,
      `SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      [database],
    ),
    records(
      run,
      `SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS cname, COLUMN_NAME AS col, REFERENCED_TABLE_SCHEMA AS refschema, REFERENCED_TABLE_NAME AS reftbl, REFERENCED_COLUMN_NAME AS refcol
       FROM information_schema.KEY_COLUMN_USAGE
       WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL
       ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
      [database],
    ),
    records(
      run,
      `SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS cname, UPDATE_RULE AS onupdate, DELETE_RULE AS ondelete
       FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?`,
      [database],
    ),
    records(
      run,
      `SELECT TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS nonunique, COLUMN_NAME AS col
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      [database],
    ),
    records(run, 'SELECT TABLE_NAME AS name, VIEW_DEFINITION AS def FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?', [database]),
  ])

  const byTable = new Map<string, TableInfo>()
  for (const t of tables) {
    const name = str(t.name)
    const isView = str(t.type) === 'VIEW'
    const est = num(t.est)
    byTable.set(name, {
      name,
      kind: isView ? 'view' : 'table',
      columns: [],
      primaryKey: [],
      foreignKeys: [],
      indexes: [],
      rowCount: isView ? null : est,
      rowCountExact: false,
      hasRowid: false,
    })
  }
  for (const v of views) {
    const t = byTable.get(str(v.name))
    if (t) t.sql = `CREATE VIEW \`${str(v.name).replace(/`/g, "``")}\` AS ${str(v.def)}`
  }
  for (const c of columns) {
    const t = byTable.get(str(c.tbl))
    if (!t) continue
    const type = str(c.type)
    const extra = str(c.extra)
    const col: ColumnInfo = {
      name: str(c.name),
      type,
      nullable: str(c.nullable) === 'YES',
      defaultValue: normalizeDefault(c.dflt ?? null, type, extra, mariadb),
      pk: 0,
    }
    if (/auto_increment/i.test(extra)) col.autoIncrement = true
    t.columns.push(col)
  }
  const indexes = new Map<string, IndexInfo & { table: string }>()
  for (const s of stats) {
    const table = str(s.tbl)
    const key = `${table}\u0000${str(s.name)}`
    let ix = indexes.get(key)
    if (!ix) {
      ix = { table, name: str(s.name), unique: num(s.nonunique) === 0, columns: [] }
      indexes.set(key, ix)
    }
    // A functional index part (MySQL 8) has no column name.
    ix.columns.push(s.col === null ? '<expr>' : str(s.col))
  }
  for (const ix of indexes.values()) {
    const t = byTable.get(ix.table)
    if (!t) continue
    if (ix.name === 'PRIMARY') {
      t.primaryKey = ix.columns
      ix.columns.forEach((name, i) => {
        const col = t.columns.find((c) => c.name === name)
        if (col) col.pk = i + 1
      })
    } else {
      t.indexes.push({ name: ix.name, columns: ix.columns, unique: ix.unique })
    }
  }
  const rules = new Map(refs.map((r) => [`${str(r.tbl)}\u0000${str(r.cname)}`, r]))
  const fks = new Map<string, ForeignKeyInfo & { table: string }>()
  for (const k of keyUsage) {
    const table = str(k.tbl)
    const key = `${table}\u0000${str(k.cname)}`
    let fk = fks.get(key)
    if (!fk) {
      const rule = rules.get(key)
      // A parent in another database is named with its database, so it is never taken for a local table.
      const refTable = str(k.refschema) === database || k.refschema === null ? str(k.reftbl) : `${str(k.refschema)}.${str(k.reftbl)}`
      fk = { table, name: str(k.cname), columns: [], refTable, refColumns: [] }
      if (rule) {
        fk.onDelete = str(rule.ondelete)
        fk.onUpdate = str(rule.onupdate)
      }
      fks.set(key, fk)
    }
    fk.columns.push(str(k.col))
    fk.refColumns.push(str(k.refcol))
  }
  for (const { table, ...fk } of fks.values()) byTable.get(table)?.foreignKeys.push(fk)
  return { kind: 'mysql', name: database, tables: [...byTable.values()] }
}
