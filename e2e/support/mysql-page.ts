import { randomBytes } from 'node:crypto'
import { expect, type Locator, type Page } from '@playwright/test'
import mysql from 'mysql2/promise'
import { loadChinookInto } from '../../src/main/core/db/mysql-test-chinook'
import { MARIADB } from '../../src/main/core/testing/mariadb'
import type { AppPage } from './app'

/**
 * Global setup: a private database on the local MariaDB loaded with Chinook.
 * Without a server it returns why, so mysql.spec.ts can skip (or fail in CI) with that reason.
 */
export async function loadChinookE2e(): Promise<{ mysqlDatabase?: string; mysqlUnavailable?: string }> {
  const database = `sonograph_e2e_${randomBytes(4).toString('hex')}`
  let c: mysql.Connection
  try {
    c = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 })
  } catch (err) {
    return { mysqlUnavailable: `MariaDB at ${MARIADB.host}:${MARIADB.port} did not answer: ${(err as Error).message}` }
  }
  try {
    await c.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await c.end()
  }
  try {
    await loadChinookInto(database)
  } catch (err) {
    await dropChinookE2e(database)
    throw err
  }
  return { mysqlDatabase: database }
}

/** A second private database with one table of `rows` rows, for a copy that runs long enough to cancel. */
export async function createBigDatabase(rows: number): Promise<{ database: string; drop(): Promise<void> }> {
  const database = `sonograph_e2e_${randomBytes(4).toString('hex')}`
  const c = await mysql.createConnection({ ...MARIADB, multipleStatements: true })
  try {
    await c.query(`CREATE DATABASE \`${database}\`; USE \`${database}\`;
      CREATE TABLE big (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL, x DOUBLE);
      INSERT INTO big SELECT seq, CONCAT('row ', seq), seq / 7 FROM seq_1_to_${Math.floor(rows)};`)
  } finally {
    await c.end()
  }
  return { database, drop: () => dropChinookE2e(database) }
}

/** Whether the test server has SSL on (the local MariaDB has have_ssl=DISABLED). */
export async function serverOffersSsl(): Promise<boolean> {
  const c = await mysql.createConnection(MARIADB)
  try {
    const [rows] = await c.query("SHOW VARIABLES LIKE 'have_ssl'")
    return (rows as { Value: string }[])[0]?.Value === 'YES'
  } finally {
    await c.end()
  }
}

/** KILLs (the whole connection, as a server restart would) every connection running a statement starting with `sqlPrefix`. */
export async function killConnectionsRunning(sqlPrefix: string): Promise<number> {
  const c = await mysql.createConnection(MARIADB)
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const [rows] = await c.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()', [`${sqlPrefix}%`])
      const ids = (rows as { id: number }[]).map((r) => r.id)
      if (ids.length) {
        for (const id of ids) await c.query(`KILL CONNECTION ${Number(id)}`)
        return ids.length
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    return 0
  } finally {
    await c.end()
  }
}

export async function dropChinookE2e(database: string): Promise<void> {
  if (!/^sonograph_e2e_[0-9a-f]+$/.test(database)) return
  try {
    const c = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 })
    await c.query(`DROP DATABASE IF EXISTS \`${database}\``)
    await c.end()
  } catch (err) {
    console.warn(`could not drop ${database}: ${(err as Error).message}`)
  }
}

export interface ConnectionInput {
  name?: string
  host?: string
  port?: string
  user?: string
  password?: string
  database?: string
  timeoutSeconds?: string
}

const LABELS: Record<keyof ConnectionInput, string> = {
  name: 'Name',
  host: 'Host',
  port: 'Port',
  user: 'User',
  password: 'Password',
  database: 'Database',
  timeoutSeconds: 'Connect timeout (s)',
}

/** A page model of File > Connect to MySQL/MariaDB… and the Copy to SQLite tab. */
export class MysqlPage {
  readonly page: Page
  constructor(readonly app: AppPage) {
    this.page = app.page
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Connect to MySQL/MariaDB' })
  }

  field(name: keyof ConnectionInput): Locator {
    return this.dialog().getByLabel(LABELS[name], { exact: true })
  }

  async openDialog(): Promise<void> {
    await this.app.menu('File', 'Connect to MySQL/MariaDB…')
    await expect(this.dialog()).toBeVisible()
  }

  async fill(input: ConnectionInput): Promise<void> {
    for (const [k, v] of Object.entries(input) as [keyof ConnectionInput, string | undefined][]) {
      if (v !== undefined) await this.field(k).fill(v)
    }
  }

  button(name: 'Test Connection' | 'Save' | 'Connect' | 'New'): Locator {
    return this.dialog().getByRole('button', { name, exact: true })
  }

  status(): Locator {
    return this.dialog().getByTestId('connection-status')
  }

  savedList(): Locator {
    return this.dialog().getByRole('list', { name: 'Saved connections' })
  }

  source(name: string): Locator {
    return this.page.getByRole('region', { name: `Source ${name}` })
  }

  count(source: string, table: string): Locator {
    return this.source(source).getByTestId(`count-${table}`)
  }

  /** Connects to the local MariaDB through the dialog (Enter in the Database field) and waits for the table list. */
  async connect(database: string, tables = 11): Promise<void> {
    await this.openDialog()
    await this.fill({ host: '127.0.0.1', port: '3306', user: 'root', password: '', database })
    await this.field('database').press('Enter')
    await expect(this.dialog()).toBeHidden()
    await expect(this.source(database).getByRole('listitem')).toHaveCount(tables)
  }

  /** Answers the in-window save prompt of the browser bridge. */
  async answerPathPrompt(path: string): Promise<void> {
    await this.page.getByLabel('Path on the machine running Sonograph').fill(path)
    await this.page.getByRole('button', { name: 'Save', exact: true }).click()
  }
}
