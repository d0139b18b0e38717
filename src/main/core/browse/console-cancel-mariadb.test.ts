import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobRunner } from '../jobs/job-runner'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('console cancel on MariaDB', () => {
  let db: { database: string; drop(): Promise<void> }
  beforeAll(async () => {
    db = await createTestDatabase('console')
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('stops the statement on the server (KILL QUERY), not only in the app', async () => {
    const runner = new JobRunner({ progress: () => undefined, finished: () => undefined })
    const marker = `sonograph_cancel_${Date.now()}`
    const { jobId, done } = runner.start('consoleQuery', {
      spec: { kind: 'mysql', host: MARIADB.host, port: MARIADB.port, user: MARIADB.user, password: MARIADB.password, database: db.database, connectTimeoutMs: 5000 },
      sql: `SELECT SLEEP(30) AS ${marker}`,
      limit: 10,
    })
    const admin = await mysql.createConnection(MARIADB)
    const running = async (): Promise<boolean> => {
      const [rows] = await admin.query('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE ?', [`%${marker}%`])
      return Number((rows as { n: number }[])[0]?.n ?? 0) > 1 // our own lookup matches too
    }
    for (let i = 0; i < 200 && !(await running()); i++) await new Promise((r) => setTimeout(r, 50))
    expect(await running()).toBe(true)
    await runner.cancel(jobId)
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' })
    let still = true
    for (let i = 0; i < 40 && still; i++) {
      still = await running()
      if (still) await new Promise((r) => setTimeout(r, 50))
    }
    await admin.end()
    expect(still).toBe(false)
  })
})
