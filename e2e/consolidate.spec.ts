import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { AppPage, state } from './support/app'
import { sharedFixtures } from './support/paths'

function ultrasoundDb(): string {
  const path = join(state().workDir, 'ultrasound-wizard.sqlite')
  if (!existsSync(path)) {
    const tmp = `${path}.tmp`
    const db = new Database(tmp)
    // The dump creates Doctors (referencing Departments) before Departments: load first, check after.
    db.pragma('foreign_keys = OFF')
    db.exec(readFileSync(join(sharedFixtures, 'seeds', 'ultrasound_db.sql'), 'utf8'))
    db.close()
    renameSync(tmp, path)
  }
  return path
}

test('the wizard flattens the ultrasound visits, warns about fan-out, aggregates, and exports the CSV', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.menu('File', 'Open Database…')
  const open = page.getByRole('dialog', { name: 'Open Database' })
  await open.getByLabel('Allow changes').check()
  await open.getByLabel(/Or a path/).fill(ultrasoundDb())
  await open.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(app.tableCount('Appointments')).toHaveText('10')
  await app.sidebar().getByRole('button', { name: 'Consolidate' }).click()

  await page.getByLabel('Base table').selectOption('Appointments')
  await expect(page.getByTestId('consolidate-count')).toContainText('10 rows')
  await page.getByRole('button', { name: /^Add Patients via/ }).first().click()
  await page.getByRole('button', { name: /^Add Reports via/ }).first().click()

  // Appointments with two reports repeat: the wizard says so, measured on the data.
  const measure = page.getByTestId('fanout-Reports')
  await expect(measure).toContainText('⚠')
  await expect(measure).toContainText(/base rows multiply/)
  const joined = await page.getByTestId('consolidate-count').textContent()
  expect(Number(/([\d,]+) rows/.exec(joined ?? '')?.[1]?.replace(/,/g, ''))).toBeGreaterThan(10)
  await app.screenshot('consolidate-fanout-warning')

  await page.getByLabel('Fan-out of Reports').selectOption('aggregate')
  await page.getByLabel('Order children of Reports by').fill('ReportDate')
  await expect(page.getByTestId('consolidate-count')).toContainText('10 rows from 10 Appointments rows')
  await expect(page.getByTestId('consolidate-sql')).toContainText('LEFT JOIN')

  // A derived column: days from the appointment to its report.
  await page.getByLabel('Column kind').selectOption('daysBetween')
  await page.getByLabel('From date').selectOption({ label: 'Appointments.AppointmentDate' })
  await page.getByLabel('To date').selectOption({ label: 'Reports.ReportDate' })
  await page.getByLabel('New column name').fill('DaysToReport')
  await page.getByRole('button', { name: 'Add column' }).click()
  await expect(page.getByRole('grid', { name: 'Consolidation preview' }).getByRole('columnheader', { name: /DaysToReport/ })).toBeVisible()
  await app.screenshot('consolidate-aggregated')

  await app.menu('File', 'Export…')
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'CSV…' }).click()
  await page.getByRole('dialog', { name: 'Export consolidation as CSV' }).getByRole('button', { name: 'Export…' }).click()
  const target = join(state().workDir, 'visits.csv')
  await page.getByLabel('Path on the machine running Sonograph').fill(target)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('csv-export-done')).toContainText('10 rows')
  const rows = parse(readFileSync(target, 'utf8'), { columns: true }) as Record<string, string>[]
  expect(rows).toHaveLength(10)
  expect(new Set(rows.map((r) => r.AppointmentID)).size).toBe(10)
  expect(Object.keys(rows[0] ?? {})).toContain('DaysToReport')
  await page.keyboard.press('Escape')

  // Save as a view in the database; it appears in the sidebar.
  await page.getByLabel('Save as', { exact: true }).selectOption('view')
  await page.getByLabel('Name to save as').fill('visits_flat')
  await page.getByRole('button', { name: 'Save in Database' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'visits_flat' })).toBeVisible()
  await expect(app.sidebar().locator('[data-table="visits_flat"]')).toBeVisible()
})
