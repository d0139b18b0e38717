import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { watchCancel, whileCancellable } from './mysql-cancel-watch'
import { MysqlDriver } from './mysql-driver'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('cancelling a MySQL statement from a job', () => {
  let db: { database: string; drop(): Promise<void> }
  beforeAll(async () => {
    db = await createTestDatabase('cancelwatch')
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('kills the statement on the server when the job is cancelled', async () => {
    const d = await MysqlDriver.connect({ kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 })
    try {
      const flag = new Int32Array(1)
      const ctx = createJobContext(() => undefined, flag)
      const running = whileCancellable(d, ctx, () => d.query('SELECT SLEEP(20)')).catch((e: unknown) => e)
      setTimeout(() => Atomics.store(flag, 0, 1), 300)
      const err = await running
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('CANCELLED')
      // Nothing of ours is left running on the server.
      const left = await d.query("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(20)%'")
      expect(left.rows).toEqual([[0]])
      const ok = await whileCancellable(d, createJobContext(() => undefined), () => d.query('SELECT 5'))
      expect(ok.rows).toEqual([[5]])
    } finally {
      await d.close()
    }
  })

  it('stops a streamed read that waits on the server', async () => {
    const d = await MysqlDriver.connect({ kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 })
    const flag = new Int32Array(1)
    const stop = watchCancel(d, createJobContext(() => undefined, flag))
    try {
      const read = (async () => {
        for await (const _ of d.iterate('SELECT SLEEP(20) AS stream_wait')) {
          // the only row comes after the sleep
        }
      })().then(
        () => undefined,
        (e: unknown) => e,
      )
      setTimeout(() => Atomics.store(flag, 0, 1), 300)
      const err = await read
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('CANCELLED')
    } finally {
      stop()
      await d.close()
    }
  })
})
