/**
 * Writes expected-mariadb.json: every value of the source database as the
 * tests compare it (strings; blobs as {hex}; null). Run by make-dumps.sh.
 *   npx tsx test-data/dumps/expected-from-mariadb.ts DATABASE OUT.json
 */
import { writeFileSync } from 'node:fs'
import mysql from 'mysql2/promise'

type Cell = string | null | { hex: string }
const [database, out] = process.argv.slice(2)
const conn = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, charset: 'utf8mb4' })
await conn.query("SET time_zone = '+00:00'")
const order: Record<string, string> = { values: 'id', group: 'id', membership: 'group_id, value_id', v_members: 'group_name, role, txt' }
const tables: Record<string, { columns: string[]; rows: Cell[][] }> = {}
for (const [t, by] of Object.entries(order)) {
  // JSON as the text the server stores (mysql2 would parse it into an object).
  const [cols] = await conn.query(
    `SELECT c.COLUMN_NAME AS c, k.CHECK_CLAUSE AS k FROM information_schema.COLUMNS c
       LEFT JOIN information_schema.CHECK_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.COLUMN_NAME
      WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? ORDER BY c.ORDINAL_POSITION`,
    [database, t],
  )
  const list = (cols as { c: string; k: string | null }[]).map(({ c, k }) => (k && /json_valid/i.test(k) ? `CAST(\`${c}\` AS CHAR) AS \`${c}\`` : `\`${c}\``)).join(', ')
  const [rows, fields] = await conn.query({ sql: `SELECT ${list} FROM \`${t}\` ORDER BY ${by}`, rowsAsArray: true })
  tables[t] = {
    columns: (fields as { name: string }[]).map((f) => f.name),
    rows: (rows as unknown[][]).map((r) => r.map((v): Cell => (v === null ? null : Buffer.isBuffer(v) ? { hex: v.toString('hex') } : String(v)))),
  }
}
await conn.end()
writeFileSync(out!, JSON.stringify({ source: 'mariadb', tables }, null, 1) + '\n')
