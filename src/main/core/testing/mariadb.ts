import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'

export const MARIADB = {
  host: process.env.SONOGRAPH_TEST_MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.SONOGRAPH_TEST_MYSQL_PORT ?? 3306),
  user: process.env.SONOGRAPH_TEST_MYSQL_USER ?? 'root',
  password: process.env.SONOGRAPH_TEST_MYSQL_PASSWORD ?? '',
}

let reachable: boolean | undefined

/**
 * Whether the test MariaDB answers. In CI it must: an unreachable server there
 * throws, so a suite that needs it fails instead of skipping. On a developer's
 * machine without MySQL the suite skips, and says so.
 */
export async function mariadbAvailable(): Promise<boolean> {
  if (reachable !== undefined) return reachable
  try {
    const c = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 })
    await c.end()
    reachable = true
  } catch (err) {
    if (process.env.CI) {
      throw new Error(`MariaDB is required in CI but ${MARIADB.host}:${MARIADB.port} did not answer: ${(err as Error).message}`)
    }
    console.warn(`\n*** SKIPPING MariaDB tests: ${MARIADB.host}:${MARIADB.port} did not answer (${(err as Error).message}) ***\n`)
    reachable = false
  }
  return reachable
}

/** Creates a fresh database for one test file; call the returned drop() in afterAll. */
export async function createTestDatabase(prefix: string): Promise<{ database: string; drop(): Promise<void> }> {
  const database = `sonograph_t_${prefix}_${randomBytes(4).toString('hex')}`
  const c = await mysql.createConnection(MARIADB)
  await c.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await c.end()
  return {
    database,
    async drop() {
      const d = await mysql.createConnection(MARIADB)
      await d.query(`DROP DATABASE IF EXISTS \`${database}\``)
      await d.end()
    },
  }
}
