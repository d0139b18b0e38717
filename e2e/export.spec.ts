import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import Database from 'better-sqlite3'
import { AppPage, state } from './support/app'

async function openChinook(app: AppPage): Promise<void> {
  await app.open()
  await app.menu('File', 'Open Database…')
  const dialog = app.page.getByRole('dialog', { name: 'Open Database' })
  await dialog.getByLabel(/Or a path/).fill(state().chinookSqlite)
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(app.tableCount('Track')).toHaveText('3,503')
}

test('File > Export writes a table as RFC 4180 CSV with the chosen options', async ({ page }) => {
  const app = new AppPage(page)
  await openChinook(app)
  await app.openTable('Customer')
  await app.menu('File', 'Export…')
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'CSV…' }).click()
  const csvDialog = page.getByRole('dialog', { name: 'Export Customer as CSV' })
  await csvDialog.getByLabel('Delimiter').selectOption(';')
  await csvDialog.getByLabel('Encoding').selectOption('utf8bom')
  await csvDialog.getByLabel('NULL written as').fill('NULL')
  await app.screenshot('export-csv-options')
  await csvDialog.getByRole('button', { name: 'Export…' }).click()
  const target = join(state().workDir, 'customers.csv')
  const prompt = page.getByRole('dialog', { name: /Export Customer as CSV/ }).last()
  await page.getByLabel('Path on the machine running Sonograph').fill(target)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('csv-export-done')).toContainText('59 rows')
  void prompt

  const bytes = readFileSync(target)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = parse(bytes.subarray(3).toString('utf8'), { delimiter: ';', columns: true }) as Record<string, string>[]
  expect(rows).toHaveLength(59)
  const db = new Database(state().chinookSqlite, { readonly: true })
  const expected = db.prepare('SELECT CustomerId, FirstName, Company FROM Customer ORDER BY CustomerId').all() as { CustomerId: number; FirstName: string; Company: string | null }[]
  db.close()
  rows.sort((a, b) => Number(a.CustomerId) - Number(b.CustomerId))
  expected.forEach((e, i) => {
    expect(rows[i]?.FirstName).toBe(e.FirstName)
    expect(rows[i]?.Company).toBe(e.Company ?? 'NULL')
  })
})

test('a cancelled export leaves no file behind', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  // A table large enough that the export is still running when Cancel is pressed.
  const big = join(state().workDir, 'big-export.sqlite')
  if (!existsSync(big)) {
    const db = new Database(big)
    db.exec(`CREATE TABLE big(id INTEGER PRIMARY KEY, a TEXT, b REAL);
      WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)
      INSERT INTO big(a, b) SELECT printf('row %d with, some "quoted" text', x), x / 7.0 FROM c;`)
    db.close()
  }
  await app.menu('File', 'Open Database…')
  const dialog = page.getByRole('dialog', { name: 'Open Database' })
  await dialog.getByLabel(/Or a path/).fill(big)
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()
  await app.openTable('big')
  await app.menu('File', 'Export…')
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'CSV…' }).click()
  await page.getByRole('dialog', { name: 'Export big as CSV' }).getByRole('button', { name: 'Export…' }).click()
  const outDir = join(state().workDir, 'cancel-out')
  const target = join(outDir, 'big.csv')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(outDir, { recursive: true })
  await page.getByLabel('Path on the machine running Sonograph').fill(target)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const csvDialog = page.getByRole('dialog', { name: 'Export big as CSV' })
  await csvDialog.getByTestId('job-cancel').click()
  await expect(csvDialog.getByRole('alert')).toContainText('cancelled')
  expect(readdirSync(outDir)).toEqual([])
})
