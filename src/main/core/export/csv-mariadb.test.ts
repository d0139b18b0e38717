import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvOptionsSchema } from '../../../shared/calls/export'
import type { MysqlSpec } from '../../../shared/source-spec'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { exportCsvJob } from './csv-export-job'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('CSV export from MariaDB (generic writer)', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec
  let dir: string

  beforeAll(async () => {
    db = await createTestDatabase('csvexport')
    const c = await mysql.createConnection({ ...MARIADB, database: db.database })
    await c.query(`CREATE TABLE hard (id INT PRIMARY KEY, t TEXT, big BIGINT, price DECIMAL(30,10), at DATETIME, day DATE, b VARBINARY(8))`)
    await c.query(`INSERT INTO hard VALUES
      (1, 'she said "hi", left', 9223372036854775807, 12345678901234567890.1234567890, '2025-02-20 09:00:00', '2025-02-20', X'00FF10'),
      (2, 'line1\\r\\nline2', -9007199254740993, -0.0000000001, NULL, NULL, NULL),
      (3, '', 0, 0, '1999-12-31 23:59:59', '1999-12-31', X''),
      (4, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, 'Ünïcödé 日本語 🩻', 42, 1.5, '2025-01-01 00:00:00', '2025-01-01', X'41')`)
    await c.end()
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  })
  afterAll(async () => {
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('round-trips quotes, CRLF, NULL next to empty, 64-bit integers, exact decimals and ISO dates', async () => {
    const path = join(dir, 'hard.csv')
    const res = await exportCsvJob({ spec, what: { table: 'hard' }, path, options: csvOptionsSchema.parse({ dates: 'iso', encoding: 'utf8bom' }) }, createJobContext(() => undefined))
    expect(res).toMatchObject({ rows: 5, fastPath: false })
    const rows = parse(readFileSync(path), { bom: true, cast: (v, ctx) => (!ctx.quoting && v === '' ? null : v) }) as (string | null)[][]
    expect(rows).toEqual([
      ['id', 't', 'big', 'price', 'at', 'day', 'b'],
      ['1', 'she said "hi", left', '9223372036854775807', '12345678901234567890.1234567890', '2025-02-20T09:00:00', '2025-02-20', '00FF10'],
      ['2', 'line1\r\nline2', '-9007199254740993', '-0.0000000001', null, null, null],
      ['3', '', '0', '0.0000000000', '1999-12-31T23:59:59', '1999-12-31', ''],
      ['4', null, null, null, null, null, null],
      ['5', 'Ünïcödé 日本語 🩻', '42', '1.5000000000', '2025-01-01T00:00:00', '2025-01-01', '41'],
    ])
  })

  it('exports a query result', async () => {
    const path = join(dir, 'query.csv')
    const res = await exportCsvJob({ spec, what: { sql: 'SELECT id, big FROM hard WHERE big > 0 ORDER BY id' }, path, options: csvOptionsSchema.parse({ lineEnding: 'lf' }) }, createJobContext(() => undefined))
    expect(res.rows).toBe(2)
    expect(readFileSync(path, 'utf8')).toBe('id,big\n1,9223372036854775807\n5,42\n')
  })
})
