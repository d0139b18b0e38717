import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { AppPage, state } from './support/app'
import { createBigDatabase, killConnectionsRunning, MysqlPage, serverOffersSsl } from './support/mysql-page'

const CHINOOK_COUNTS: Record<string, number> = {
  Album: 347,
  Artist: 275,
  Customer: 59,
  Employee: 8,
  Genre: 25,
  Invoice: 412,
  InvoiceLine: 2240,
  MediaType: 5,
  Playlist: 18,
  PlaylistTrack: 8715,
  Track: 3503,
}

/** The private Chinook database global setup loaded; without a server the spec skips, loudly, except in CI. */
function database(): string {
  const s = state()
  if (s.mysqlDatabase) return s.mysqlDatabase
  const why = s.mysqlUnavailable ?? 'global setup loaded no MariaDB database'
  if (process.env.CI) throw new Error(`MariaDB is required in CI: ${why}`)
  console.warn(`\n*** SKIPPING e2e/mysql.spec.ts: ${why} ***\n`)
  test.skip(true, why)
  return ''
}

async function setup(page: Page): Promise<{ app: AppPage; my: MysqlPage; db: string }> {
  const db = database()
  const app = new AppPage(page)
  await app.open()
  return { app, my: new MysqlPage(app), db }
}

test('connects through the dialog: 11 tables with counts, Track browses, screenshots light and dark', async ({ page }) => {
  const { app, my, db } = await setup(page)
  await my.openDialog()
  // The caret starts in Host; every field is labelled.
  await expect(my.field('host')).toBeFocused()
  await my.fill({ name: 'Local Chinook', host: '127.0.0.1', port: '3306', user: 'root', password: '', database: db })
  await my.button('Test Connection').click()
  await expect(my.status()).toContainText(/Connected: MariaDB \d+\.\d+.* · \d+ ms/)
  await expect(my.dialog().getByTestId('password-storage')).toContainText('memory only')
  await app.screenshot('mysql-dialog-light')

  // Escape closes; the dark theme shows the same dialog.
  await page.keyboard.press('Escape')
  await expect(my.dialog()).toBeHidden()
  await app.menu('View', 'Dark Theme')
  await my.openDialog()
  // In dark, the error state: a wrong password, named beside its field.
  await my.fill({ name: 'Local Chinook', database: db, password: 'wrong' })
  await my.button('Test Connection').click()
  await expect(my.dialog().getByRole('alert')).toContainText('Access denied')
  await app.screenshot('mysql-dialog-dark')
  await page.keyboard.press('Escape')
  await app.menu('View', 'Light Theme')

  // Enter in a field connects.
  await my.connect(db)
  for (const [table, n] of Object.entries(CHINOOK_COUNTS)) {
    await expect(my.count(db, table)).toHaveText(n.toLocaleString('en-US'))
  }
  await expect(my.source(db).getByText('MySQL', { exact: true })).toBeVisible()

  await my.source(db).locator('[data-table="Track"]').click()
  const grid = app.grid('Rows of Track')
  await expect(grid.locator('.grid-body').getByRole('row').first()).toContainText('For Those About To Rock (We Salute You)')
  await expect(page.getByTestId('table-status')).toContainText('3,503')
  await app.screenshot('mysql-table-track')
})

test('ER graph of the MySQL source: 11 tables and their 11 foreign keys', async ({ page }) => {
  const { app, my, db } = await setup(page)
  await my.connect(db)
  await my.source(db).getByRole('button', { name: 'ER Graph', exact: true }).click()
  const graph = page.getByTestId('er-graph')
  await expect(graph).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
  await expect(graph).toHaveAttribute('data-tables', '11')
  await expect(page.getByTestId('er-status')).toContainText('11 tables · 11 relationships')
  await app.screenshot('mysql-er-graph')
})

test('Track exported as CSV from MariaDB equals the export from SQLite', async ({ page }) => {
  const { app, my, db } = await setup(page)
  const dir = state().workDir
  await my.connect(db)

  async function exportTrack(source: string, target: string): Promise<string> {
    rmSync(target, { force: true })
    await my.source(source).locator('[data-table="Track"]').click()
    await app.menu('File', 'Export…')
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'CSV…' }).click()
    const csvDialog = page.getByRole('dialog', { name: 'Export Track as CSV' })
    await csvDialog.getByRole('button', { name: 'Export…' }).click()
    await my.answerPathPrompt(target)
    await expect(csvDialog.getByTestId('csv-export-done')).toContainText('3,503 rows')
    await page.keyboard.press('Escape')
    await expect(csvDialog).toBeHidden()
    return readFileSync(target, 'utf8')
  }

  // The reference: state().chinookSqlite, copied so the shared file stays as it is. Both Chinook scripts
  // spell four track names with `\ `, which MySQL reads as an escaped space and SQLite keeps as a backslash;
  // the copy drops that backslash as the core tests do, so the two databases hold the same data.
  const reference = join(dir, 'chinook-reference.sqlite')
  copyFileSync(state().chinookSqlite, reference)
  const ref = new Database(reference)
  expect(ref.prepare("UPDATE Track SET Name = replace(Name, '\\', '') WHERE Name LIKE '%\\%'").run().changes).toBeGreaterThan(0)
  ref.close()

  const fromMysql = await exportTrack(db, join(dir, 'track-mysql.csv'))
  await app.menu('File', 'Open Database…')
  const open = page.getByRole('dialog', { name: 'Open Database' })
  await open.getByLabel(/Or a path/).fill(reference)
  await open.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(my.count('chinook-reference.sqlite', 'Track')).toHaveText('3,503')
  const fromSqlite = await exportTrack('chinook-reference.sqlite', join(dir, 'track-sqlite.csv'))

  // Value-identical after parsing: same header, same rows in the same order, every field equal.
  const a = parse(fromMysql) as string[][]
  const b = parse(fromSqlite) as string[][]
  expect(a).toHaveLength(3504)
  expect(a[0]).toEqual(['TrackId', 'Name', 'AlbumId', 'MediaTypeId', 'GenreId', 'Composer', 'Milliseconds', 'Bytes', 'UnitPrice'])
  expect(a).toEqual(b)
  // And byte-identical: the same quoting, NULLs, numbers and line endings.
  expect(fromMysql === fromSqlite, 'MySQL and SQLite CSV files are byte-identical').toBe(true)
})

test('a wrong password names the password field, keeps the dialog usable, and the right one connects', async ({ page }) => {
  const { app, my, db } = await setup(page)
  // Ctrl+Shift+M opens the dialog as File > Connect to MySQL/MariaDB… does.
  await page.keyboard.press('ControlOrMeta+Shift+M')
  await expect(my.dialog()).toBeVisible()
  await my.fill({ host: '127.0.0.1', port: '3306', user: 'root', password: 'not-the-password', database: db })
  await my.button('Connect').click()
  const password = my.field('password')
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(password).toBeFocused()
  const alert = my.dialog().getByRole('alert')
  await expect(alert).toContainText("Access denied for user 'root'")
  await expect(alert).toContainText('field password')
  await app.screenshot('mysql-dialog-wrong-password')

  // Editing the field clears its error; other mistakes name their own fields.
  await password.fill('')
  await expect(password).not.toHaveAttribute('aria-invalid', 'true')
  await my.fill({ database: 'sonograph_e2e_no_such_db' })
  await my.button('Test Connection').click()
  await expect(my.field('database')).toHaveAttribute('aria-invalid', 'true')
  await expect(my.dialog().getByRole('alert')).toContainText("Database 'sonograph_e2e_no_such_db' does not exist")

  await my.fill({ database: db, port: '1' })
  await my.button('Test Connection').click()
  await expect(my.dialog().getByRole('alert')).toContainText('Connection refused by 127.0.0.1:1')
  await expect(my.field('port')).toBeFocused()

  await my.fill({ port: '3306', host: 'no-such-host.invalid' })
  await my.button('Test Connection').click()
  await expect(my.dialog().getByRole('alert')).toContainText("Unknown host 'no-such-host.invalid'")

  // SSL: a missing CA file is named beside its field; a server without SSL is blamed on the SSL switch.
  await my.fill({ host: '127.0.0.1', port: '3306' })
  await my.dialog().getByLabel('Use SSL/TLS').check()
  await my.dialog().getByLabel('CA certificate').fill('/nonexistent/ca.pem')
  await my.button('Test Connection').click()
  await expect(my.dialog().getByLabel('CA certificate')).toHaveAttribute('aria-invalid', 'true')
  await expect(my.dialog().getByRole('alert')).toContainText('SSL ca file not found: /nonexistent/ca.pem')
  await app.screenshot('mysql-dialog-ssl-error')
  await my.dialog().getByLabel('CA certificate').fill('')
  await my.button('Test Connection').click()
  if (await serverOffersSsl()) {
    await expect(my.status()).toContainText('Connected')
  } else {
    await expect(my.dialog().getByRole('alert')).toContainText('does not offer SSL')
    await expect(my.dialog().getByLabel('Use SSL/TLS')).toBeFocused()
  }
  await my.dialog().getByLabel('Use SSL/TLS').uncheck()
  await expect(my.dialog().getByLabel('CA certificate')).toHaveCount(0)

  // A server that accepts the connection and never answers: the connect timeout ends the wait.
  const silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const silentPort = String((silent.address() as AddressInfo).port)
  try {
    await my.fill({ host: '127.0.0.1', port: silentPort, timeoutSeconds: '1' })
    await my.button('Test Connection').click()
    await expect(my.dialog().getByRole('alert')).toContainText(`No answer from 127.0.0.1:${silentPort} within 1 s`)
  } finally {
    silent.close()
  }

  await my.fill({ host: '127.0.0.1', port: 'abc', timeoutSeconds: '10' })
  await my.button('Connect').click()
  await expect(my.dialog().getByRole('alert')).toContainText('Port must be a whole number')

  // Still usable: the right settings connect.
  await my.fill({ port: '3306' })
  await my.field('password').press('Enter')
  await expect(my.dialog()).toBeHidden()
  await expect(my.count(db, 'Track')).toHaveText('3,503')
})

test('saved connections: save without the password, connect asks for it, edit, delete', async ({ page }) => {
  const { my, db } = await setup(page)
  const name = `e2e saved ${Date.now()}`
  await my.openDialog()
  await my.fill({ name, host: '127.0.0.1', port: '3306', user: 'root', password: '', database: db })
  await my.dialog().getByLabel('Remember password').uncheck()
  await expect(my.dialog().getByTestId('password-storage')).toContainText('not kept')
  await my.button('Save').click()
  await expect(my.status()).toContainText(`Saved “${name}”`)
  const item = my.savedList().getByRole('listitem', { name })
  await expect(item).toContainText('asks for password')
  await expect(item).toContainText(`root@127.0.0.1:3306/${db}`)

  // Connect from the list: no password stored, so the form asks for it.
  await item.getByRole('button', { name: `Connect ${name}` }).click()
  await expect(my.dialog().getByText(/No password is stored/)).toBeVisible()
  await expect(my.field('password')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(my.dialog()).toBeHidden()
  await expect(my.count(db, 'Album')).toHaveText('347')

  await page.getByRole('button', { name: `Close ${db}` }).click()
  await expect(my.source(db)).toHaveCount(0)

  // Edit: the saved values come back into the form; saving again with the password remembered
  // keeps it in the bridge's memory, and Connect from the list then asks for nothing.
  await my.openDialog()
  await item.getByRole('button', { name: `Edit ${name}` }).click()
  await expect(my.field('database')).toHaveValue(db)
  await expect(my.field('name')).toHaveValue(name)
  await my.fill({ timeoutSeconds: '5' })
  await my.dialog().getByLabel('Remember password').check()
  await expect(my.dialog().getByTestId('password-storage')).toContainText('memory only')
  await my.button('Save').click()
  await expect(my.status()).toContainText('Password kept in memory until the bridge stops')
  await expect(item).toContainText('password in memory')
  await my.app.screenshot('mysql-dialog-saved')
  await item.getByRole('button', { name: `Connect ${name}` }).click()
  await expect(my.dialog()).toBeHidden()
  await expect(my.count(db, 'Album')).toHaveText('347')

  // Delete needs a second click.
  await my.openDialog()
  await expect(item.getByRole('button', { name: `Edit ${name}` })).toBeVisible()
  await item.getByRole('button', { name: `Edit ${name}` }).click()
  await expect(my.field('timeoutSeconds')).toHaveValue('5')
  await item.getByRole('button', { name: `Delete ${name}` }).click()
  await item.getByRole('button', { name: `Really delete ${name}` }).click()
  await expect(my.savedList().getByRole('listitem', { name })).toHaveCount(0)
  await expect(my.status()).toContainText(`Deleted “${name}”`)
})

test('Copy to SQLite: all tables with progress, then the copy opens with the same counts', async ({ page }) => {
  const { app, my, db } = await setup(page)
  const output = join(state().workDir, 'mysql-copy.sqlite')
  rmSync(output, { force: true })
  await my.connect(db)
  await my.source(db).getByRole('button', { name: 'Copy to SQLite…' }).click()
  const panel = page.getByRole('tabpanel')
  await expect(panel.getByRole('group', { name: /Tables \(11 of 11\)/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Copy to SQLite…' }).click()
  await my.answerPathPrompt(output)
  const result = panel.getByRole('status', { name: 'Copy result' })
  await expect(result).toContainText('Copied 11 tables and 15,607 rows')
  expect(existsSync(output)).toBe(true)
  await app.screenshot('mysql-copy-done')

  // A second copy to the same path is refused unless replacing is allowed; nothing is lost.
  await panel.getByRole('button', { name: 'Copy to SQLite…' }).click()
  await my.answerPathPrompt(output)
  await expect(panel.getByRole('alert')).toContainText('already exists')
  await panel.getByLabel('Replace the file if it exists').check()
  await panel.getByLabel('Copy table Track').uncheck()
  await expect(panel.getByRole('group', { name: /Tables \(10 of 11\)/ })).toBeVisible()
  await panel.getByLabel('Copy table Track').check()
  await panel.getByRole('button', { name: 'Copy to SQLite…' }).click()
  await my.answerPathPrompt(output)
  await expect(result).toContainText('Copied 11 tables')

  await result.getByRole('button', { name: 'Open the Copy' }).click()
  for (const [table, n] of Object.entries(CHINOOK_COUNTS)) {
    await expect(my.count('mysql-copy.sqlite', table)).toHaveText(n.toLocaleString('en-US'))
  }
})

test('Copy to SQLite of a large table shows progress and Cancel leaves no file', async ({ page }) => {
  const { my } = await setup(page)
  const big = await createBigDatabase(1_000_000)
  try {
    const output = join(state().workDir, 'mysql-big-cancelled.sqlite')
    rmSync(output, { force: true })
    await my.connect(big.database, 1)
    await my.source(big.database).getByRole('button', { name: 'Copy to SQLite…' }).click()
    const panel = page.getByRole('tabpanel')
    await panel.getByRole('button', { name: 'Copy to SQLite…' }).click()
    await my.answerPathPrompt(output)
    const job = panel.getByTestId('job-progress')
    // Rows done climb above zero (the text also shows the total, so read the bar).
    await expect.poll(async () => Number((await job.locator('progress').getAttribute('value')) ?? 0), { timeout: 60_000 }).toBeGreaterThan(0)
    await my.app.screenshot('mysql-copy-progress')
    // Leaving the tab and coming back keeps following the job.
    await my.source(big.database).locator('[data-table="big"]').click()
    await expect(my.app.grid('Rows of big')).toBeVisible()
    await page.getByRole('tab', { name: `Copy · ${big.database}` }).click()
    await expect(job).toBeVisible()
    await job.getByTestId('job-cancel').click()
    await expect(panel.getByRole('alert')).toContainText('Copy cancelled; no file was written.')
    await expect(job).toBeHidden()
    expect(existsSync(output)).toBe(false)
    // The source is still usable after the cancel.
    await my.source(big.database).locator('[data-table="big"]').click()
    await expect(my.app.grid('Rows of big').locator('.grid-body').getByRole('row').first()).toContainText('row 1')
  } finally {
    await page.close()
    await big.drop()
  }
})

test('the explorer on MySQL: console query, plan, cancel of SLEEP, schema inspector', async ({ page }) => {
  const { app, my, db } = await setup(page)
  await my.connect(db)
  await my.source(db).getByRole('button', { name: 'SQL Console', exact: true }).click()
  const editor = page.getByRole('textbox', { name: 'SQL editor' })
  async function run(sql: string): Promise<void> {
    await editor.click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('Delete')
    await page.keyboard.insertText(sql)
    await page.keyboard.press('ControlOrMeta+Enter')
  }
  const results = app.grid('Query results')
  const status = page.getByTestId('console-status')

  await run('SELECT GenreId, COUNT(*) AS n FROM Track GROUP BY GenreId ORDER BY n DESC LIMIT 3')
  await expect(status).toContainText('3 rows')
  await expect(results.locator('.grid-body').getByRole('row').first()).toContainText('1297')
  await page.getByRole('button', { name: 'Explain' }).click()
  await expect(page.getByRole('tree', { name: 'Plan tree' })).toContainText('Track')

  // Cancel reaches the server (KILL QUERY) and the console stays usable.
  await run('SELECT SLEEP(60)')
  await expect(status).toContainText('Running')
  await page.getByRole('button', { name: 'Cancel query' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible()
  await run('SELECT 42 AS answer')
  await expect(results.locator('.grid-body')).toContainText('42')

  // The server drops the connection in the middle of a query: a clear error, and the next query reconnects.
  await run('SELECT SLEEP(45) AS slept')
  await expect(status).toContainText('Running')
  expect(await killConnectionsRunning('SELECT SLEEP(45)')).toBeGreaterThan(0)
  await expect(page.getByRole('alert').filter({ hasText: 'Lost the connection to 127.0.0.1:3306' })).toBeVisible()
  await run('SELECT 43 AS answer')
  await expect(results.locator('.grid-body')).toContainText('43')
  await app.screenshot('mysql-console')

  await my.source(db).getByRole('button', { name: 'Schema', exact: true }).click()
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: /^Track\b/ }).click()
  const details = page.getByRole('article', { name: 'Table Track' })
  await expect(details.getByRole('table', { name: 'Columns of Track' }).getByRole('row', { name: /TrackId/ })).toContainText('PK')
  const out = details.getByRole('list', { name: 'Foreign keys out' })
  for (const t of ['Album', 'Genre', 'MediaType']) await expect(out.getByRole('button', { name: t, exact: true })).toBeVisible()
})
