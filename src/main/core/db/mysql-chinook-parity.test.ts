import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvOptionsSchema } from '../../../shared/calls/export'
import type { SourceSpec } from '../../../shared/source-spec'
import { exportCsvJob } from '../export/csv-export-job'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { CHINOOK_SQLITE, loadChinookInto } from './mysql-test-chinook'
import { openSqlite } from './sqlite-native'

const hasDb = await mariadbAvailable()

const TABLES = ['Album', 'Artist', 'Customer', 'Employee', 'Genre', 'Invoice', 'InvoiceLine', 'MediaType', 'Playlist', 'PlaylistTrack', 'Track']

/**
 * The same data on MariaDB and in SQLite must export to the same CSV: what the
 * MySQL driver hands out (DECIMAL as text, dates as text, big integers) must
 * read like SQLite's values once written.
 */
describe.skipIf(!hasDb)('Chinook on MariaDB exports the same CSV as Chinook in SQLite', () => {
  let db: { database: string; drop(): Promise<void> }
  let dir: string
  let mysqlSpec: SourceSpec
  let sqliteSpec: SourceSpec

  beforeAll(async () => {
    db = await createTestDatabase('parity')
    await loadChinookInto(db.database)
    mysqlSpec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    const path = join(dir, 'chinook.sqlite')
    const ref = openSqlite(path)
    ref.exec(readFileSync(CHINOOK_SQLITE, 'utf8'))
    // Four track names hold `\ `, which MySQL reads as an escaped space: that is what the server has.
    ref.exec("UPDATE Track SET Name = replace(Name, '\\', '') WHERE Name LIKE '%\\%'")
    ref.close()
    sqliteSpec = { kind: 'sqlite', path, writable: false }
  })
  afterAll(async () => {
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const table of TABLES) {
    it(`exports ${table} identically`, async () => {
      const options = csvOptionsSchema.parse({})
      const run = async (spec: SourceSpec, name: string) => {
        const path = join(dir, `${table}-${name}.csv`)
        await exportCsvJob({ spec, what: { table }, path, options }, createJobContext(() => undefined))
        return readFileSync(path, 'utf8').split('\r\n')
      }
      const [fromMysql, fromSqlite] = [await run(mysqlSpec, 'mysql'), await run(sqliteSpec, 'sqlite')]
      expect(fromMysql[0]).toBe(fromSqlite[0])
      // Row order of a bare table read is the engine's; compare the rows as sets.
      expect(fromMysql.slice(1).sort()).toEqual(fromSqlite.slice(1).sort())
    })
  }
})
