import type { SqliteDatabase } from '../db/sqlite-native'
import { quoteId } from './sql-lexer'

/**
 * Adds PRIMARY KEY, UNIQUE and FOREIGN KEY constraints to an existing table.
 * SQLite cannot ALTER TABLE ADD CONSTRAINT, so the table is recreated with the
 * constraints in its definition (PostgreSQL dumps add them after the data):
 * an empty table is simply dropped and created again, a loaded one is copied.
 */
export function addTableConstraints(db: SqliteDatabase, table: string, constraints: string[]): void {
  const row = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE`).get(table) as { name: string; sql: string } | undefined
  if (!row) throw new Error(`no such table: ${table}`)
  const close = row.sql.lastIndexOf(')')
  const newSql = `${row.sql.slice(0, close).trimEnd()},\n  ${constraints.join(',\n  ')}\n${row.sql.slice(close)}`
  const others = db.prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index','trigger') AND sql IS NOT NULL`).all(row.name) as { sql: string }[]
  const q = quoteId(row.name)
  const empty = db.prepare(`SELECT 1 FROM ${q} LIMIT 1`).get() === undefined
  db.exec('PRAGMA legacy_alter_table = ON')
  try {
    if (empty) {
      db.exec(`DROP TABLE ${q}`)
      db.exec(newSql)
    } else {
      const tmp = quoteId(`${row.name}__sonograph_rebuild`)
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(row.name) as { name: string }[]).map((c) => quoteId(c.name)).join(', ')
      db.exec(newSql.replace(/^CREATE TABLE (IF NOT EXISTS )?("(?:[^"]|"")*"|\S+)/i, `CREATE TABLE ${tmp}`))
      db.exec(`INSERT INTO ${tmp} (${cols}) SELECT ${cols} FROM ${q}`)
      db.exec(`DROP TABLE ${q}`)
      db.exec(`ALTER TABLE ${tmp} RENAME TO ${q}`)
    }
    for (const o of others) db.exec(o.sql)
  } finally {
    db.exec('PRAGMA legacy_alter_table = OFF')
  }
}
