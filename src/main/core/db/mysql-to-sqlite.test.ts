import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { createJobContext, type ProgressUpdate } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { MysqlDriver } from './mysql-driver'
import { CHINOOK_SQLITE, loadChinookInto } from './mysql-test-chinook'
import { copyToSqliteJob } from './mysql-to-sqlite'
import { SqliteDriver } from './sqlite-driver'
import { openSqlite } from './sqlite-native'

const hasDb = await mariadbAvailable()

const CHINOOK_TABLES = ['Album', 'Artist', 'Customer', 'Employee', 'Genre', 'Invoice', 'InvoiceLine', 'MediaType', 'Playlist', 'PlaylistTrack', 'Track']

describe.skipIf(!hasDb)('copy a MySQL database into SQLite', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec
  let dir: string
  let reference: string

  beforeAll(async () => {
    db = await createTestDatabase('copy')
    await loadChinookInto(db.database)
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    const d = await MysqlDriver.connect(spec)
    await d.exec(`
      CREATE TABLE typed_extra (id BIGINT UNSIGNED PRIMARY KEY, flags BIT(10), exact DECIMAL(30,10), doc JSON, mood ENUM('ok','sad'),
        raw VARBINARY(8), day DATE, at DATETIME(3), created TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, note VARCHAR(20) DEFAULT 'n/a');
      INSERT INTO typed_extra (id, flags, exact, doc, mood, raw, day, at) VALUES
        (18446744073709551615, b'1000000001', '12345678901234567890.0123456789', '{"a": [1, 2]}', 'sad', x'00ff10', '2024-02-29', '2024-02-29 23:59:59.125'),
        (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
      CREATE VIEW invoice_totals AS SELECT CustomerId, SUM(Total) AS spent, COUNT(*) AS invoices FROM Invoice GROUP BY CustomerId;
      CREATE VIEW mysqlish AS SELECT DATE_FORMAT(InvoiceDate, '%Y') AS year FROM Invoice;`)
    await d.close()
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    // The same data as SQLite's own Chinook script builds it.
    reference = join(dir, 'reference.sqlite')
    const ref = openSqlite(reference)
    ref.exec(readFileSync(CHINOOK_SQLITE, 'utf8'))
    // Four track names hold `\ `, which MySQL reads as an escaped space: that is what the server has.
    ref.exec("UPDATE Track SET Name = replace(Name, '\\', '') WHERE Name LIKE '%\\%'")
    ref.close()
  })
  afterAll(async () => {
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('copies every table with the same rows as the SQLite Chinook, with keys, indexes and readable views', async () => {
    const output = join(dir, 'chinook-copy.sqlite')
    const updates: ProgressUpdate[] = []
    const result = await copyToSqliteJob({ spec, output }, createJobContext((u) => updates.push(u), new Int32Array(1), 0))
    expect(result.tables.map((t) => t.name).sort()).toEqual([...CHINOOK_TABLES, 'typed_extra'].sort())
    expect(result.rows).toBe(result.tables.reduce((n, t) => n + t.rows, 0))
    expect(result.views).toEqual(['invoice_totals'])
    expect(result.skipped.some((s) => s.startsWith('view mysqlish'))).toBe(true)

    // Progress in rows, never going back, ending at the total.
    const copying = updates.filter((u) => u.phase.startsWith('copying'))
    expect(copying.length).toBeGreaterThan(CHINOOK_TABLES.length)
    for (let i = 1; i < copying.length; i++) expect(copying[i]!.done).toBeGreaterThanOrEqual(copying[i - 1]!.done)
    expect(updates.at(-1)).toMatchObject({ phase: 'done', done: result.rows, total: result.rows })

    const copy = new SqliteDriver(output)
    const ref = new SqliteDriver(reference)
    try {
      for (const table of CHINOOK_TABLES) {
        const model = await ref.introspect()
        const key = model.tables.find((t) => t.name === table)!.primaryKey.map((c) => `"${c}"`).join(', ')
        const want = await ref.query(`SELECT * FROM "${table}" ORDER BY ${key}`)
        const got = await copy.query(`SELECT * FROM "${table}" ORDER BY ${key}`)
        expect(got.columns.map((c) => c.name), table).toEqual(want.columns.map((c) => c.name))
        expect(got.rows, table).toEqual(want.rows)
      }
      const model = await copy.introspect()
      const album = model.tables.find((t) => t.name === 'Album')!
      expect(album.primaryKey).toEqual(['AlbumId'])
      expect(album.foreignKeys).toHaveLength(1)
      expect(album.foreignKeys[0]).toMatchObject({ columns: ['ArtistId'], refTable: 'Artist', refColumns: ['ArtistId'] })
      expect(album.indexes.map((i) => i.name)).toContain('IFK_AlbumArtistId')
      const playlistTrack = model.tables.find((t) => t.name === 'PlaylistTrack')!
      expect(playlistTrack.primaryKey).toEqual(['PlaylistId', 'TrackId'])
      expect(playlistTrack.foreignKeys.map((f) => f.refTable).sort()).toEqual(['Playlist', 'Track'])
      expect(model.tables.find((t) => t.name === 'Track')!.hasRowid).toBe(true)
      const fkCheck = await copy.query('PRAGMA foreign_key_check')
      expect(fkCheck.rows).toEqual([])
      const totals = await copy.query('SELECT spent, invoices FROM invoice_totals WHERE CustomerId = 1')
      expect(totals.rows[0]![1]).toBe(7)
    } finally {
      await copy.close()
      await ref.close()
    }
  })

  it('maps MySQL types so nothing is lost', async () => {
    const output = join(dir, 'typed.sqlite')
    await copyToSqliteJob({ spec, output, tables: ['typed_extra'] }, createJobContext(() => undefined))
    const copy = new SqliteDriver(output)
    try {
      const r = await copy.query('SELECT id, flags, exact, doc, mood, raw, day, at, note FROM typed_extra ORDER BY rowid')
      const rows = Object.fromEntries(r.rows.map((row) => [String(row[0]), row]))
      expect(rows['18446744073709551615']).toEqual([
        '18446744073709551615',
        513,
        '12345678901234567890.0123456789',
        '{"a": [1, 2]}',
        'sad',
        new Uint8Array([0, 255, 16]),
        '2024-02-29',
        '2024-02-29 23:59:59.125',
        'n/a',
      ])
      expect(rows['1']).toEqual([1, null, null, null, null, null, null, null, 'n/a'])
      const cols = (await copy.introspect()).tables[0]!.columns
      expect(Object.fromEntries(cols.map((c) => [c.name, c.type]))).toMatchObject({ flags: 'INTEGER', exact: 'TEXT', raw: 'BLOB', day: 'DATE', created: 'TIMESTAMP', note: 'VARCHAR(20)' })
      expect(cols.find((c) => c.name === 'created')!.defaultValue).toBe('CURRENT_TIMESTAMP')
    } finally {
      await copy.close()
    }
  })

  it('copies chosen tables, keeping only foreign keys among them, and says which it left out', async () => {
    const output = join(dir, 'some.sqlite')
    const result = await copyToSqliteJob({ spec, output, tables: ['Album', 'Artist', 'Track'] }, createJobContext(() => undefined))
    expect(result.tables.map((t) => t.name)).toEqual(['Album', 'Artist', 'Track'])
    expect(result.skipped).toContain('foreign key Track(GenreId) -> Genre(GenreId): parent table not copied')
    expect(result.skipped.some((s) => s.startsWith('view invoice_totals'))).toBe(true)
    const copy = new SqliteDriver(output)
    const model = await copy.introspect()
    await copy.close()
    expect(model.tables.find((t) => t.name === 'Track')!.foreignKeys.map((f) => f.refTable)).toEqual(['Album'])
    const missing = await copyToSqliteJob({ spec, output: join(dir, 'x.sqlite'), tables: ['Nope'] }, createJobContext(() => undefined)).catch((e: unknown) => e)
    expect((missing as AppError).code).toBe('NOT_FOUND')
    expect((missing as AppError).message).toContain('Nope')
  })

  it('leaves nothing behind when cancelled, and never replaces an existing file unasked', async () => {
    const output = join(dir, 'cancelled.sqlite')
    const flag = new Int32Array(1)
    const ctx = createJobContext(
      (u) => {
        if (u.phase.startsWith('copying') && u.done > 0) Atomics.store(flag, 0, 1)
      },
      flag,
      0,
    )
    const err = await copyToSqliteJob({ spec, output, batchSize: 100 }, ctx).catch((e: unknown) => e)
    expect((err as AppError).code).toBe('CANCELLED')
    expect(existsSync(output)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([])

    const existing = join(dir, 'existing.sqlite')
    writeFileSync(existing, 'keep me')
    const refused = await copyToSqliteJob({ spec, output: existing, tables: ['Artist'] }, createJobContext(() => undefined)).catch((e: unknown) => e)
    expect((refused as AppError).code).toBe('BAD_ARGUMENT')
    expect(readFileSync(existing, 'utf8')).toBe('keep me')
    await copyToSqliteJob({ spec, output: existing, tables: ['Artist'], overwrite: true }, createJobContext(() => undefined))
    const replaced = new SqliteDriver(existing)
    expect(await replaced.countRows('Artist')).toBe(275)
    await replaced.close()
  })
})
