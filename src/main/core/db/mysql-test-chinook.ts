import { readFileSync } from 'node:fs'
import mysql from 'mysql2/promise'
import { MARIADB } from '../testing/mariadb'

/** The Chinook fixtures, from /work/shared/fixtures/chinook (../shared relative to the project). */
export const CHINOOK_MYSQL = new URL('../../../../../shared/fixtures/chinook/Chinook_MySql.sql', import.meta.url)
export const CHINOOK_SQLITE = new URL('../../../../../shared/fixtures/chinook/Chinook_Sqlite.sql', import.meta.url)

/**
 * Loads Chinook into an existing (private, test) database. The script creates
 * and selects a database named Chinook itself; those statements are dropped so
 * the shared server keeps no Chinook of ours.
 */
export async function loadChinookInto(database: string): Promise<void> {
  const script = readFileSync(CHINOOK_MYSQL, 'utf8')
    .replace(/^\s*(DROP DATABASE|CREATE DATABASE|USE)\b[^;]*;/gim, '')
  const c = await mysql.createConnection({ ...MARIADB, database, multipleStatements: true, charset: 'UTF8MB4_UNICODE_CI' })
  try {
    await c.query(script)
  } finally {
    await c.end()
  }
}
