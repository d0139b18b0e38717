import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SavedConnection } from '../../shared/calls/connections'
import type { SourceSummary } from '../../shared/calls/sources'
import type { EventMap } from '../../shared/events'
import type { SchemaModel } from '../../shared/schema-model'
import { SqliteDriver } from '../core/db/sqlite-driver'
import { scanForPassword } from '../core/connections/secret-scan'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../core/testing/mariadb'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('connections.* calls against MariaDB', () => {
  const user = `sono_t_${randomBytes(3).toString('hex')}`
  const password = `Pw-${randomBytes(6).toString('hex')}-ünï`
  let db: { database: string; drop(): Promise<void> }
  let admin: mysql.Connection
  let dataDir: string
  let ctx: ApiContext
  const finished: EventMap['job.finished'][] = []

  beforeAll(async () => {
    db = await createTestDatabase('conn')
    admin = await mysql.createConnection(MARIADB)
    for (const host of ['%', 'localhost']) {
      await admin.query('CREATE USER ?@? IDENTIFIED BY ?', [user, host, password])
      await admin.query(`GRANT ALL ON \`${db.database}\`.* TO ?@?`, [user, host])
    }
    await admin.query(`CREATE TABLE \`${db.database}\`.patient (id INT PRIMARY KEY, name VARCHAR(40))`)
    dataDir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    ctx = createApiContext({
      transport: 'bridge',
      dataDir,
      emit: (name, payload) => {
        if (name === 'job.finished') finished.push(payload as EventMap['job.finished'])
      },
    })
  })
  afterAll(async () => {
    if (ctx) await disposeApiContext(ctx)
    for (const host of ['%', 'localhost']) await admin?.query('DROP USER IF EXISTS ?@?', [user, host])
    await admin?.end()
    await db?.drop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  async function call<T>(name: string, args: unknown): Promise<T> {
    const out = await route(name, args, ctx)
    if (!out.ok) throw Object.assign(new Error(out.error.message), out.error)
    return out.result as T
  }
  async function callError(name: string, args: unknown): Promise<{ code: string; message: string }> {
    const out = await route(name, args, ctx)
    expect(out.ok).toBe(false)
    return (out as { ok: false; error: { code: string; message: string } }).error
  }

  const fields = () => ({ name: 'Lab', host: MARIADB.host, port: MARIADB.port, user, database: db.database, connectTimeoutMs: 5000 })

  it('tests, saves (after a test), lists and opens a connection; no file holds the password', async () => {
    const { name: _n, ...adHoc } = fields()
    const test = await call<{ server: string; serverVersion: string }>('connections.test', { fields: adHoc, password })
    expect(test.server).toBe('mariadb')
    // The dialog may send its whole form, name included.
    expect(await call('connections.test', { fields: fields(), password })).toMatchObject({ server: 'mariadb' })

    const forbidden = await callError('connections.test', { fields: { ...fields(), database: 'mysql' }, password })
    expect(forbidden.code).toBe('AUTH_FAILED')
    expect(forbidden.message).toContain("may not use database 'mysql'")

    const wrong = await callError('connections.save', { fields: fields(), password: 'nope' })
    expect(wrong.code).toBe('AUTH_FAILED')
    expect(wrong.message).toContain(user)
    expect(await call<SavedConnection[]>('connections.list', {})).toEqual([])

    const saved = await call<SavedConnection>('connections.save', { fields: fields(), password })
    expect(saved).toMatchObject({ name: 'Lab', hasPassword: true, passwordStorage: 'memory' })
    expect(JSON.stringify(await call('connections.list', {}))).not.toContain(password)
    expect(await call('connections.storage', {})).toEqual({ passwordStorage: 'memory', persistent: false })

    const source = await call<SourceSummary>('connections.open', { id: saved.id })
    expect(source).toMatchObject({ kind: 'mysql', location: `${user}@${MARIADB.host}:${MARIADB.port}/${db.database}` })
    expect(JSON.stringify(source)).not.toContain(password)
    const schema = await call<SchemaModel>('sources.schema', { sourceId: source.sourceId })
    expect(schema.tables.map((t) => t.name)).toEqual(['patient'])

    const { scanned, leaks } = scanForPassword(dataDir, password)
    expect(scanned.some((f) => f.endsWith('connections.json'))).toBe(true)
    expect(leaks).toEqual([])

    expect(await call('query.cancel', { sourceId: source.sourceId })).toEqual({ cancelled: false })
    await call('sources.close', { sourceId: source.sourceId })
    expect(await call('connections.delete', { id: saved.id })).toEqual({ deleted: true })
  })

  it('opens an ad-hoc spec, and asks for the password when none is saved', async () => {
    const saved = await call<SavedConnection>('connections.save', { fields: { ...fields(), name: 'NoPw' }, password, savePassword: false })
    expect(saved.hasPassword).toBe(false)
    const denied = await callError('connections.open', { id: saved.id })
    expect(denied.code).toBe('AUTH_FAILED')
    const opened = await call<SourceSummary>('connections.open', { id: saved.id, password })
    await call('sources.close', { sourceId: opened.sourceId })
    const { name: _n, ...spec } = fields()
    const adHoc = await call<SourceSummary>('connections.open', { spec: { kind: 'mysql', ...spec, password } })
    expect(adHoc.kind).toBe('mysql')
    await call('sources.close', { sourceId: adHoc.sourceId })
    const bad = await callError('connections.open', {})
    expect(bad.code).toBe('BAD_ARGUMENT')
  })

  it('copies an open MySQL source to SQLite as a job', async () => {
    await admin.query(`INSERT INTO \`${db.database}\`.patient VALUES (1, 'Åsa'), (2, NULL)`)
    const { name: _n, ...spec } = fields()
    const source = await call<SourceSummary>('connections.open', { spec: { kind: 'mysql', ...spec, password } })
    const output = join(dataDir, 'offline.sqlite')
    const { jobId } = await call<{ jobId: string }>('connections.copyToSqlite', { sourceId: source.sourceId, output })
    for (let i = 0; i < 600 && !finished.some((f) => f.jobId === jobId); i++) await new Promise((r) => setTimeout(r, 50))
    const done = finished.find((f) => f.jobId === jobId)
    expect(done).toMatchObject({ kind: 'copyToSqlite', state: 'done', result: { rows: 2, tables: [{ name: 'patient', rows: 2 }] } })
    const copy = new SqliteDriver(output)
    expect((await copy.query('SELECT id, name FROM patient ORDER BY id')).rows).toEqual([
      [1, 'Åsa'],
      [2, null],
    ])
    await copy.close()
    expect(scanForPassword(dataDir, password).leaks).toEqual([])
    await call('sources.close', { sourceId: source.sourceId })
  })
})
