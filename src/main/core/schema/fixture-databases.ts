import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteDriver } from '../db/sqlite-driver'

/** The shared fixtures, next to the project (see /work/shared/fixtures/README.md). */
export const fixturesDir = new URL('../../../../../shared/fixtures/', import.meta.url).pathname

export const CHINOOK_SQL = join(fixturesDir, 'chinook/Chinook_Sqlite.sql')
export const ULTRASOUND_SQL = join(fixturesDir, 'seeds/ultrasound_db.sql')

/** Removes FOREIGN KEY ... REFERENCES ... clauses (and the comma before them) from CREATE TABLE text. */
export function stripForeignKeys(sql: string): string {
  return sql.replace(
    /,\s*(CONSTRAINT\s+\S+\s+)?FOREIGN\s+KEY\s*\([^)]*\)\s*REFERENCES\s+[^\s(]+\s*\([^)]*\)(\s*ON\s+(DELETE|UPDATE)\s+(NO\s+ACTION|CASCADE|SET\s+NULL|SET\s+DEFAULT|RESTRICT))*/gi,
    '',
  )
}

/** Builds a SQLite file from a fixture script, optionally without its foreign keys. Test helper. */
export function buildFixtureDb(sqlPath: string, target: string, opts: { stripFks?: boolean } = {}): SqliteDriver {
  let sql = readFileSync(sqlPath, 'utf8')
  if (opts.stripFks) sql = stripForeignKeys(sql)
  const d = new SqliteDriver(target, { writable: true, create: true })
  d.db.exec('PRAGMA foreign_keys = OFF')
  d.db.exec(sql)
  return d
}
