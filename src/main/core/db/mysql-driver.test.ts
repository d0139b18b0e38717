import { createServer, type Server, type Socket } from 'node:net'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { MysqlDriver } from './mysql-driver'

const hasDb = await mariadbAvailable()

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address()
      resolve(typeof addr === 'object' && addr ? addr.port : 0)
    })
  })
}

describe('mysql driver: connection errors a user meets', () => {
  const base = { kind: 'mysql', host: '127.0.0.1', user: 'someone', database: 'x' } as const

  it('says the port refused the connection, naming host:port', async () => {
    const server = createServer()
    const port = await listen(server)
    await new Promise((r) => server.close(r))
    const err = await failure(MysqlDriver.connect({ ...base, port, connectTimeoutMs: 5000 }))
    expect(err.code).toBe('CONNECTION_FAILED')
    expect(err.message).toContain(`127.0.0.1:${port}`)
    expect(err.message).toMatch(/refused/i)
  })

  it('reports a server that never answers as TIMEOUT', async () => {
    const sockets: Socket[] = []
    const server = createServer((s) => sockets.push(s))
    const port = await listen(server)
    try {
      const err = await failure(MysqlDriver.connect({ ...base, port, connectTimeoutMs: 500 }))
      expect(err.code).toBe('TIMEOUT')
      expect(err.message).toContain(`127.0.0.1:${port}`)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise((r) => server.close(r))
    }
  })

  it('says a host name does not resolve', async () => {
    const err = await failure(MysqlDriver.connect({ ...base, host: 'no-such-host.invalid', port: 3306, connectTimeoutMs: 5000 }))
    expect(['CONNECTION_FAILED', 'TIMEOUT']).toContain(err.code)
    expect(err.message).toContain('no-such-host.invalid')
  })
})

describe.skipIf(!hasDb)('mysql driver on MariaDB: auth, cancel, lost connections', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec
  let admin: mysql.Connection

  beforeAll(async () => {
    db = await createTestDatabase('mysqldrv')
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    admin = await mysql.createConnection(MARIADB)
  })
  afterAll(async () => {
    await admin?.end()
    await db?.drop()
  })

  /** Waits until the server shows `sql` running on connection `id`. */
  async function waitRunning(id: number, fragment: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const [rows] = await admin.query('SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?', [id])
      const info = (rows as { INFO: string | null }[])[0]?.INFO
      if (info?.includes(fragment)) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`query never started on connection ${id}`)
  }

  async function connectionId(d: MysqlDriver): Promise<number> {
    return Number((await d.query('SELECT CONNECTION_ID()')).rows[0]![0])
  }

  it('refuses a wrong password as AUTH_FAILED naming user and host:port', async () => {
    const err = await failure(MysqlDriver.connect({ ...spec, password: 'definitely-wrong' }))
    expect(err.code).toBe('AUTH_FAILED')
    expect(err.message).toContain(`'${MARIADB.user}'`)
    expect(err.message).toContain(`${MARIADB.host}:${MARIADB.port}`)
    expect(err.message).not.toContain('definitely-wrong')
    expect(JSON.stringify(err.toJSON())).not.toContain('definitely-wrong')
    // The dialog can point at the field to fix.
    expect(err.details?.field).toBe('password')
  })

  it('says when the server offers no SSL, or an SSL file is missing', async () => {
    const [rows] = await admin.query("SHOW VARIABLES LIKE 'have_ssl'")
    if ((rows as { Value: string }[])[0]?.Value !== 'YES') {
      const err = await failure(MysqlDriver.connect({ ...spec, ssl: { verify: false } }))
      expect(err.code).toBe('CONNECTION_FAILED')
      expect(err.message).toMatch(/does not offer SSL/)
    }
    const missing = await failure(MysqlDriver.connect({ ...spec, ssl: { verify: true, ca: '/nonexistent/ca.pem' } }))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.details?.field).toBe('ssl.ca')
  })

  it('says a database does not exist', async () => {
    const err = await failure(MysqlDriver.connect({ ...spec, database: 'sonograph_no_such_db_x' }))
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toContain('sonograph_no_such_db_x')
  })

  it('reports a connection killed mid-query clearly and works again afterwards', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      const id = await connectionId(d)
      const running = d.query('SELECT SLEEP(5)')
      const outcome = running.catch((e: unknown) => e)
      await waitRunning(id, 'SLEEP(5)')
      await admin.query(`KILL ${id}`)
      const err = await outcome
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('CONNECTION_FAILED')
      expect((err as AppError).message).toMatch(/lost the connection/i)
      expect((err as AppError).message).toContain(`${MARIADB.host}:${MARIADB.port}`)
      // The next call reopens the connection.
      const after = await d.query('SELECT 40 + 2')
      expect(after.rows).toEqual([[42]])
      expect(await connectionId(d)).not.toBe(id)
    } finally {
      await d.close()
    }
  })

  it('reopens a connection the server closed while idle (server gone away)', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      const id = await connectionId(d)
      await admin.query(`KILL ${id}`)
      // Once the client has seen the socket close, the next query reopens without an error. If the
      // query races the close, it may fail once, with a clear CONNECTION_FAILED; the one after works.
      const first = await d.query('SELECT 1').catch((e: unknown) => e)
      if (first instanceof AppError) expect(first.code).toBe('CONNECTION_FAILED')
      else expect(first).toMatchObject({ rows: [[1]] })
      expect((await d.query('SELECT 2')).rows).toEqual([[2]])
      expect(await connectionId(d)).not.toBe(id)
    } finally {
      await d.close()
    }
  })

  it('cancels a running query with KILL QUERY and keeps the session', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      await d.exec('SET @kept = 7')
      const id = await connectionId(d)
      const outcome = d.query('SELECT SLEEP(5)').catch((e: unknown) => e)
      await waitRunning(id, 'SLEEP(5)')
      expect(await d.cancel()).toBe(true)
      const err = await outcome
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('CANCELLED')
      // Same connection, same session: only the statement was stopped.
      expect(await connectionId(d)).toBe(id)
      expect((await d.query('SELECT @kept')).rows).toEqual([[7]])
      expect(await d.cancel()).toBe(false)
    } finally {
      await d.close()
    }
  })

  it('cancels the running statement and lets the ones queued behind it run', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      const id = await connectionId(d)
      const first = d.query('SELECT SLEEP(5)').catch((e: unknown) => e)
      const second = d.query('SELECT 2')
      await waitRunning(id, 'SLEEP(5)')
      expect(await d.cancel()).toBe(true)
      expect(((await first) as AppError).code).toBe('CANCELLED')
      expect((await second).rows).toEqual([[2]])
    } finally {
      await d.close()
    }
  })

  it('cancels a long streamed read', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      const sql = 'SELECT a.seq, SLEEP(0.01) AS cancel_marker FROM seq_1_to_100000 a'
      let rows = 0
      const read = (async () => {
        for await (const batch of d.iterate(sql, [], 10)) rows += batch.length
      })().then(
        () => undefined,
        (e: unknown) => e,
      )
      let streamId: number | undefined
      for (let i = 0; i < 200 && streamId === undefined; i++) {
        const [found] = await admin.query("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE '%cancel_marker%' AND INFO NOT LIKE '%PROCESSLIST%'")
        streamId = (found as { ID: number }[])[0]?.ID
        if (streamId === undefined) await new Promise((r) => setTimeout(r, 25))
      }
      expect(streamId).toBeDefined()
      expect(await d.cancel()).toBe(true)
      const err = await read
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('CANCELLED')
      expect(rows).toBeLessThan(100_000)
      expect((await d.query('SELECT 3')).rows).toEqual([[3]])
    } finally {
      await d.close()
    }
  })

  it('can query while a stream is open (it reads on its own connection)', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      let n = 0
      for await (const batch of d.iterate('SELECT seq FROM seq_1_to_3000', [], 1000)) {
        n += batch.length
        const r = await d.query('SELECT ?', [n])
        expect(r.rows).toEqual([[n]])
      }
      expect(n).toBe(3000)
    } finally {
      await d.close()
    }
  })

  it('measures a plan with ANALYZE FORMAT=JSON and refuses to ANALYZE a write', async () => {
    const d = await MysqlDriver.connect(spec)
    try {
      await d.exec('CREATE TABLE t (id INT PRIMARY KEY, v INT); INSERT INTO t SELECT seq, seq % 7 FROM seq_1_to_500')
      const plan = await d.explain('SELECT v, COUNT(*) FROM t WHERE id > ? GROUP BY v', [100], { analyze: true })
      expect(plan.some((n) => n.timeMs !== undefined)).toBe(true)
      expect(plan.some((n) => /table t\b/.test(n.detail) && n.rows === 400)).toBe(true)
      const err = await failure(d.explain('UPDATE t SET v = 0', [], { analyze: true }))
      expect(err.code).toBe('UNSUPPORTED')
      expect((await d.query('SELECT COUNT(*) FROM t WHERE v = 0')).rows).toEqual([[71]])
    } finally {
      await d.close()
    }
  })

  it('names a foreign key parent in another database with that database', async () => {
    const other = await createTestDatabase('xref')
    const d = await MysqlDriver.connect(spec)
    try {
      await admin.query(`CREATE TABLE \`${other.database}\`.parent (id INT PRIMARY KEY)`)
      await d.exec(`CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES \`${other.database}\`.parent (id))`)
      const model = await d.introspect()
      const child = model.tables.find((t) => t.name === 'child')!
      expect(child.foreignKeys).toMatchObject([{ columns: ['parent_id'], refTable: `${other.database}.parent`, refColumns: ['id'] }])
      await d.exec('DROP TABLE child')
    } finally {
      await d.close()
      await other.drop()
    }
  })

  it('closes at once while a statement runs, stopping it on the server', async () => {
    const d = await MysqlDriver.connect(spec)
    const id = await connectionId(d)
    const running = d.query('SELECT SLEEP(30)').catch((e: unknown) => e)
    await waitRunning(id, 'SLEEP(30)')
    await d.close()
    expect(((await running) as AppError).code).toBe('CANCELLED')
    // The server drops the thread once it has read the QUIT; give it time on a busy machine.
    let left = 1
    for (let i = 0; i < 200 && left > 0; i++) {
      const [rows] = await admin.query('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ?', [id])
      left = Number((rows as { n: number }[])[0]?.n)
      if (left > 0) await new Promise((r) => setTimeout(r, 25))
    }
    expect(left).toBe(0)
  })
})
