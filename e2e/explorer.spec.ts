import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { AppPage, state } from './support/app'
import { ExplorerPage } from './support/explorer-page'
import { MysqlPage } from './support/mysql-page'
import { sharedFixtures } from './support/paths'

test('browse Track: sort both ways, filters with exact counts, last page, cell viewer, light and dark', async ({ page }) => {
  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(state().chinookSqlite)
  await expect(app.tableCount('Track')).toHaveText('3,503')
  await app.openTable('Track')
  const grid = ex.grid('Track')
  await expect(ex.row(grid, 0)).toContainText('For Those About To Rock (We Salute You)')
  await expect(ex.rowCount()).toHaveText('3,503 rows')
  // The scrollbar spans every row, not only the loaded page.
  await expect(grid).toHaveAttribute('aria-rowcount', '3503')

  await ex.sortBy(grid, 'Name')
  await expect(page.getByTestId('table-status')).toContainText('sorted by Name asc')
  await expect(ex.row(grid, 0)).toContainText('"40"')
  await ex.sortBy(grid, 'Name')
  await expect(page.getByTestId('table-status')).toContainText('sorted by Name desc')
  await expect(ex.row(grid, 0)).toContainText('Último Pau-De-Arara')
  await ex.sortBy(grid, 'Name')
  await expect(ex.row(grid, 0)).toContainText('For Those About To Rock (We Salute You)')

  // The last page by key, not by OFFSET: TrackId 3503 is the last row.
  await page.getByRole('button', { name: 'Last rows' }).click()
  await expect(grid.getByRole('row', { name: /^3,503\b/ })).toContainText('3503')
  await page.getByRole('button', { name: 'First rows' }).click()
  await expect(grid.getByRole('row', { name: /^1\b/ }).first()).toBeVisible()

  // Go to a row in the middle.
  await page.getByLabel('Go to row').fill('2000')
  await page.getByLabel('Go to row').press('Enter')
  await expect(grid.getByRole('row', { name: /^2,000\b/ })).toContainText('2000')

  await ex.filter(grid, 'Composer', 'contains', 'AC/DC')
  await expect(ex.rowCount()).toHaveText('8 rows · 1 filter')
  await expect(ex.row(grid, 0)).toContainText('AC/DC')
  await app.screenshot('explorer-grid-filtered')

  await ex.filter(grid, 'Composer', 'isNull')
  await expect(ex.rowCount()).toHaveText('977 rows · 1 filter')
  await expect(ex.row(grid, 0).getByRole('gridcell').nth(5)).toHaveText('NULL')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(ex.rowCount()).toHaveText('3,503 rows')

  // Cell viewer: Enter on a selected cell.
  await expect(ex.row(grid, 0)).toContainText('For Those About To Rock (We Salute You)')
  await ex.row(grid, 0).getByRole('gridcell').nth(1).click()
  await grid.press('Enter')
  const viewer = page.getByRole('dialog', { name: 'Cell Track.Name' })
  await expect(viewer.getByLabel('Cell value')).toHaveText('For Those About To Rock (We Salute You)')
  await expect(viewer.getByTestId('cell-size')).toHaveText('39 characters')
  await app.screenshot('explorer-cell-viewer')
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()

  // Copy a range of rows: click, Shift+click, Copy > Rows as CSV.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await ex.row(grid, 0).getByRole('gridcell').nth(1).click()
  await ex.row(grid, 2).getByRole('gridcell').nth(1).click({ modifiers: ['Shift'] })
  await page.getByRole('button', { name: 'Copy ▾' }).click()
  await page.getByRole('menu', { name: 'Copy' }).getByRole('menuitem', { name: 'Rows as CSV' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied 3 rows as CSV' })).toBeVisible()
  const csv = await page.evaluate(() => navigator.clipboard.readText())
  expect(csv.split('\r\n')[0]).toBe('TrackId,Name,AlbumId,MediaTypeId,GenreId,Composer,Milliseconds,Bytes,UnitPrice')
  expect(csv.split('\r\n')[3]).toContain('3,Fast As a Shark,3,2,1,')

  await app.screenshot('explorer-grid-light')
  await app.menu('View', 'Dark Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await app.screenshot('explorer-grid-dark')
  await app.menu('View', 'Light Theme')
})

test('console: statement under the cursor, plan tree, errors, cancel a long query', async ({ page }) => {
  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(state().chinookSqlite)
  await ex.sourceAction('Chinook.sqlite', 'SQL Console')
  await expect(ex.editor()).toBeVisible()

  // Two statements; the cursor goes back to the first line, so the first one runs.
  await ex.typeSql('SELECT Name, Milliseconds FROM Track WHERE GenreId = 1 ORDER BY Milliseconds DESC LIMIT 5;\nSELECT 1 AS one;')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(ex.consoleStatus()).toContainText('5 rows')
  await expect(ex.results().getByRole('columnheader', { name: /Milliseconds/ })).toBeVisible()
  await expect(ex.results().locator('.grid-body').getByRole('row')).toHaveCount(5)

  await page.getByRole('button', { name: 'Explain' }).click()
  const tree = page.getByRole('tree', { name: 'Plan tree' })
  await expect(tree).toContainText('Track')
  await expect(tree.getByRole('treeitem').first()).toBeVisible()
  await app.screenshot('explorer-console-plan')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('explorer-console-dark')
  await app.menu('View', 'Light Theme')

  // File > Export offers the result as CSV (all rows of the last query).
  await app.menu('File', 'Export…')
  await expect(page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'CSV…' })).toBeVisible()
  await page.keyboard.press('Escape')

  // A selection runs as it is, whatever statement the cursor is in.
  await ex.typeSql('SELECT 7 AS seven, 8 AS eight')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(ex.results().getByRole('columnheader', { name: /seven/ })).toBeVisible()
  await expect(ex.consoleStatus()).toContainText('1 row')

  await ex.typeSql('SELECT * FROM NoSuchTable')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByRole('alert')).toContainText(/no such table/i)

  // A long query: Cancel answers at once and the console stays usable.
  await ex.typeSql('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(ex.consoleStatus()).toContainText('Running')
  await page.getByRole('button', { name: 'Cancel query' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible()
  await ex.typeSql('SELECT 42 AS answer')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(ex.results().locator('.grid-body')).toContainText('42')

  // Completion knows the source's tables and columns.
  await ex.typeSql('SELECT * FROM ')
  await page.keyboard.type('PlaylistT')
  await expect(page.getByRole('listbox').getByRole('option', { name: /PlaylistTrack/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await ex.typeSql('SELECT 42 AS answer')

  // History: Ctrl+Up brings back the previous statements.
  await ex.editor().click()
  await page.keyboard.press('ControlOrMeta+ArrowUp')
  await expect(ex.editor()).toContainText('SELECT 42 AS answer')
  await page.keyboard.press('ControlOrMeta+ArrowUp')
  await expect(ex.editor()).toContainText('WITH RECURSIVE')

  // View > New SQL Console opens a second console on the active source.
  await app.menu('View', 'New SQL Console')
  await expect(page.getByRole('tab', { name: 'Console · Chinook.sqlite' })).toHaveCount(2)
})

test('inspector: Track columns, keys both ways, Mermaid export', async ({ page }) => {
  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(state().chinookSqlite)
  await ex.sourceAction('Chinook.sqlite', 'Schema')
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: /^Track\b/ }).click()
  const details = page.getByRole('article', { name: 'Table Track' })
  const columns = details.getByRole('table', { name: 'Columns of Track' })
  await expect(columns.getByRole('row')).toHaveCount(10)
  await expect(columns.getByRole('row', { name: /TrackId/ })).toContainText('PK')
  await expect(columns.getByRole('row', { name: /Composer/ })).toContainText('NVARCHAR(220)')
  const out = details.getByRole('list', { name: 'Foreign keys out' })
  for (const t of ['Album', 'Genre', 'MediaType']) await expect(out.getByRole('button', { name: t, exact: true })).toBeVisible()
  const incoming = details.getByRole('list', { name: 'Foreign keys in' })
  for (const t of ['InvoiceLine', 'PlaylistTrack']) await expect(incoming.getByRole('button', { name: t, exact: true })).toBeVisible()
  await expect(page.getByTestId('inspector-rowcount')).toHaveText('3,503 rows')

  await page.getByRole('radio', { name: 'Mermaid erDiagram' }).check()
  const text = page.getByLabel('Exported schema')
  await expect(text).toContainText('erDiagram')
  await app.screenshot('explorer-inspector')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('explorer-inspector-dark')
  await app.menu('View', 'Light Theme')
  const download = page.waitForEvent('download')
  await expect(page.getByTestId('export-file-name')).toHaveText('Chinook_er.mmd')
  await page.getByRole('region', { name: 'Schema export' }).getByRole('button', { name: 'Save', exact: true }).click()
  expect((await download).suggestedFilename()).toBe('Chinook_er.mmd')

  // File > Export offers the same formats.
  await app.menu('File', 'Export…')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('button', { name: 'Schema: DBML' })).toBeVisible()
  const dbml = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Schema: DBML' }).click()
  expect((await dbml).suggestedFilename()).toBe('Chinook.dbml')
})

test('the ultrasound database: 20 tables, browse and inspect', async ({ page }) => {
  const path = join(state().workDir, 'ultrasound-explorer.sqlite')
  rmSync(path, { force: true })
  const db = new Database(path)
  // As the sqlite3 shell runs it: the dump inserts children before their parents.
  db.pragma('foreign_keys = OFF')
  db.exec(readFileSync(join(sharedFixtures, 'seeds', 'ultrasound_db.sql'), 'utf8'))
  db.close()

  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(path)
  await expect(page.getByRole('list', { name: 'Tables of ultrasound-explorer.sqlite' }).getByRole('listitem')).toHaveCount(20)
  await app.openTable('Ultrasound_Results')
  const grid = ex.grid('Ultrasound_Results')
  await expect(ex.row(grid, 0)).toBeVisible()
  await ex.sourceAction('ultrasound-explorer.sqlite', 'Schema')
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: /^Ultrasound_Results\b/ }).click()
  const out = page.getByRole('list', { name: 'Foreign keys out' })
  for (const t of ['Patients', 'Appointments']) await expect(out.getByRole('button', { name: t, exact: true })).toBeVisible()
  await app.screenshot('explorer-ultrasound-inspector')
})

test('a table of two million rows: the scrollbar spans them all, jumps land on the right rows', async ({ page }) => {
  const path = join(state().workDir, 'explorer-big.sqlite')
  rmSync(path, { force: true })
  const db = new Database(path)
  db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT NOT NULL, n INTEGER);
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000)
    INSERT INTO big SELECT x, 'row ' || x, x % 1000 FROM c;`)
  db.close()

  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(path)
  await app.openTable('big')
  const grid = ex.grid('big')
  await expect(ex.row(grid, 0)).toContainText('row 1')
  await expect(ex.rowCount()).toHaveText('2,000,000 rows')
  await expect(grid).toHaveAttribute('aria-rowcount', '2000000')

  await page.getByRole('button', { name: 'Last rows' }).click()
  await expect(grid.getByRole('row', { name: /^2,000,000\b/ })).toContainText('row 2000000')

  // Drag the scrollbar to the middle: the rows shown there are the rows at that position.
  await grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2
  })
  const shown = grid.locator('.grid-body [role=row]:not(.loading)').nth(5)
  // The window re-renders after the scroll event: wait for the rows of the new position, not the old ones.
  const rowNumber = async (): Promise<number> => Number(((await shown.getByRole('rowheader').textContent()) ?? '').replace(/,/g, ''))
  await expect.poll(async () => { const n = await rowNumber(); return n > 900_000 && n < 1_100_000 ? 'middle' : n }).toBe('middle')
  const num = await rowNumber()
  await expect(shown).toContainText(`row ${num}`)

  await page.getByLabel('Go to row').fill('1234567')
  await page.getByLabel('Go to row').press('Enter')
  await expect(grid.getByRole('row', { name: /^1,234,567\b/ })).toContainText('row 1234567')
  await expect(page.getByTestId('table-status')).not.toContainText('approximate')
  await expect(page.getByTestId('table-status')).toContainText('Rows 1,234,567–')
  // The wheel moves by pixels even though one scrollbar pixel spans several rows here.
  await grid.hover()
  await page.mouse.wheel(0, 26 * 4)
  await expect(page.getByTestId('table-status')).toContainText('Rows 1,234,571–')
  await expect(grid.getByRole('row', { name: /^1,234,571\b/ })).toContainText('row 1234571')
  // Further on, across page boundaries: the next pages follow by key and line up.
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 26 * 100)
  await expect(page.getByTestId('table-status')).toContainText('Rows 1,234,871–')
  await expect(grid.getByRole('row', { name: /^1,234,871\b/ })).toContainText('row 1234871')
  await expect(grid.getByRole('row', { name: /^1,234,890\b/ })).toContainText('row 1234890')
  await app.screenshot('explorer-grid-big')
  // The file is about 60 MB: not worth keeping in the run's work directory.
  await ex.source('explorer-big.sqlite').getByRole('button', { name: 'Close explorer-big.sqlite' }).click()
  rmSync(path, { force: true })
})

test('cell viewer: JSON pretty-printed, blobs as size and hex, NULL unlike the empty string', async ({ page }) => {
  const path = join(state().workDir, 'explorer-cells.sqlite')
  rmSync(path, { force: true })
  const db = new Database(path)
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, doc TEXT, data BLOB, note TEXT);
    INSERT INTO docs VALUES (1, '{"patient":{"id":7,"tags":["a","b"]}}', x'00010203414243ff', NULL), (2, 'plain', NULL, '');
    CREATE VIEW docs_view AS SELECT id, doc FROM docs;`)
  db.close()

  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await ex.openDatabase(path)
  await app.openTable('docs')
  const grid = ex.grid('docs')
  await expect(ex.row(grid, 0)).toContainText('patient')
  await expect(ex.row(grid, 0).getByRole('gridcell').nth(3)).toHaveText('NULL')
  await expect(ex.row(grid, 1).getByRole('gridcell').nth(3)).not.toHaveText('NULL')

  await ex.row(grid, 0).getByRole('gridcell').nth(1).dblclick()
  const viewer = page.getByRole('dialog', { name: 'Cell docs.doc' })
  await expect(viewer.getByLabel('Cell value')).toContainText('"patient": {')
  await expect(viewer.getByLabel('Cell value')).toContainText('    "id": 7,')
  await page.keyboard.press('Escape')

  await ex.row(grid, 0).getByRole('gridcell').nth(2).dblclick()
  const blob = page.getByRole('dialog', { name: 'Cell docs.data' })
  await expect(blob.getByTestId('cell-size')).toHaveText('8 bytes')
  await expect(blob.getByLabel('Cell value')).toContainText('00 01 02 03 41 42 43 ff')
  await expect(blob.getByLabel('Cell value')).toContainText('....ABC.')
  await app.screenshot('explorer-cell-blob')
  await page.keyboard.press('Escape')

  // A view has no key: it pages by offset, and the viewer finds its cells by position.
  await app.openTable('docs_view')
  const view = ex.grid('docs_view')
  await expect(ex.row(view, 1)).toContainText('plain')
  await expect(ex.rowCount()).toHaveText('2 rows')
  await ex.row(view, 1).getByRole('gridcell').nth(1).dblclick()
  await expect(page.getByRole('dialog', { name: 'Cell docs_view.doc' }).getByLabel('Cell value')).toHaveText('plain')
  await page.keyboard.press('Escape')

  // A range filter on a numeric column.
  await app.openTable('docs')
  await ex.filter(grid, 'id', 'range')
  await grid.getByLabel('Filter id from', { exact: true }).fill('2')
  await grid.getByLabel('Filter id to', { exact: true }).fill('5')
  await grid.getByLabel('Filter id to', { exact: true }).press('Enter')
  await expect(ex.rowCount()).toHaveText('1 row · 1 filter')
  await expect(ex.row(grid, 0)).toContainText('plain')
  await app.screenshot('explorer-filter-range')
})

test('on MariaDB: browse Track by key, filter, last page, console with its plan, inspector keys', async ({ page }) => {
  const database = state().mysqlDatabase
  if (!database && process.env.CI) throw new Error(`MariaDB is required in CI: ${state().mysqlUnavailable ?? 'no database'}`)
  test.skip(!database, state().mysqlUnavailable ?? 'no MariaDB')
  if (!database) return
  const app = new AppPage(page)
  const ex = new ExplorerPage(app)
  await app.open()
  await new MysqlPage(app).connect(database)
  await ex.source(database).locator('[data-table="Track"]').click()
  const grid = ex.grid('Track')
  await expect(ex.row(grid, 0)).toContainText('For Those About To Rock (We Salute You)')
  await expect(ex.rowCount()).toHaveText('3,503 rows')
  await page.getByRole('button', { name: 'Last rows' }).click()
  await expect(grid.getByRole('row', { name: /^3,503\b/ })).toContainText('3503')
  await ex.sortBy(grid, 'Milliseconds')
  await ex.sortBy(grid, 'Milliseconds')
  await expect(ex.row(grid, 0)).toContainText('Occupation / Precipice')
  await ex.filter(grid, 'Composer', 'contains', 'AC/DC')
  await expect(ex.rowCount()).toHaveText('8 rows · 1 filter')
  await app.screenshot('explorer-mysql-grid')

  await ex.sourceAction(database, 'SQL Console')
  await ex.typeSql('SELECT Name, Milliseconds FROM Track WHERE GenreId = 1 ORDER BY Milliseconds DESC LIMIT 5')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(ex.consoleStatus()).toContainText('5 rows')
  await page.getByRole('button', { name: 'Explain' }).click()
  await expect(page.getByRole('tree', { name: 'Plan tree' })).toContainText('Track')
  await app.screenshot('explorer-mysql-console')

  await ex.sourceAction(database, 'Schema')
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: /^Track\b/ }).click()
  const out = page.getByRole('list', { name: 'Foreign keys out' })
  for (const t of ['Album', 'Genre', 'MediaType']) await expect(out.getByRole('button', { name: t, exact: true })).toBeVisible()
})
