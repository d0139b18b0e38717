import { expect, test } from '@playwright/test'
import { AppPage, state } from './support/app'

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

test('opens a SQLite file through the file picker, lists 11 tables with row counts, browses Track, switches to dark mode', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.menu('File', 'Open Database…')
  const dialog = page.getByRole('dialog', { name: 'Open Database' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose File…' }).click()
  await (await chooser).setFiles(state().chinookSqlite)

  const list = page.getByRole('list', { name: /Tables of Chinook\.sqlite/ })
  await expect(list.getByRole('listitem')).toHaveCount(11)
  for (const [table, n] of Object.entries(CHINOOK_COUNTS)) {
    await expect(app.tableCount(table)).toHaveText(n.toLocaleString('en-US'))
  }
  // Opened read-only by default.
  await expect(app.sidebar().getByText('read-only')).toBeVisible()

  await app.openTable('Track')
  const grid = app.grid('Rows of Track')
  await expect(grid.getByRole('columnheader', { name: /Name/ }).first()).toBeVisible()
  const firstRow = grid.getByRole('row').nth(1)
  await expect(firstRow).toContainText('For Those About To Rock (We Salute You)')
  await expect(page.getByTestId('table-status')).toContainText('of 3,503')
  await app.screenshot('foundation-light')

  await app.menu('View', 'Dark Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await app.screenshot('foundation-dark')

  // The theme survives a reload.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await app.menu('View', 'Light Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

test('a typed path that is not a database gives a clear error and the app stays usable', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.menu('File', 'Open Database…')
  const dialog = page.getByRole('dialog', { name: 'Open Database' })
  await dialog.getByLabel(/Or a path/).fill('/nonexistent/nothing.sqlite')
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('/nonexistent/nothing.sqlite')
  await dialog.getByLabel(/Or a path/).fill(state().chinookSqlite)
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(app.tableCount('Track')).toHaveText('3,503')
})

test('recently opened files are remembered and reopen from File > Open Recent', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.page.getByRole('menubar', { name: 'Main menu' }).getByRole('menuitem', { name: 'File', exact: true }).click()
  const recent = page.getByRole('group', { name: 'Open Recent' })
  await expect(recent.getByRole('menuitem').first()).toBeVisible()
  await recent.getByRole('menuitem', { name: /Chinook\.sqlite/ }).first().click()
  await expect(app.tableCount('Album')).toHaveText('347')
})

test('Help menu shows the shortcuts and the about box', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.menu('Help', 'Keyboard Shortcuts')
  await expect(page.getByRole('dialog', { name: 'Keyboard Shortcuts' })).toContainText('Open SQL dump')
  await page.keyboard.press('Escape')
  await app.menu('Help', 'About Sonograph')
  await expect(page.getByRole('dialog', { name: 'About Sonograph' })).toContainText(/SQLite 3\.\d+/)
})
