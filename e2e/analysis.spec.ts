import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { state } from './support/app'
import { AnalysisPage } from './support/analysis-page'
import { sharedFixtures } from './support/paths'

/** The original pipeline's flat table: one row per appointment and report (see ultrasound_consolidated_reference.csv). */
const CONSOLIDATE = `
CREATE TABLE visits_consolidated AS
SELECT p.PatientID, p.FirstName || ' ' || p.LastName AS FullName, p.Gender, p.DateOfBirth,
       a.AppointmentDate, a.Reason AS VisitReason, u.Image AS UltrasoundImage, u.Report AS UltrasoundReport,
       r.ReportText, r.ReportDate
FROM Patients p
JOIN Appointments a ON a.PatientID = p.PatientID
LEFT JOIN Ultrasound_Results u ON u.AppointmentID = a.AppointmentID
LEFT JOIN Reports r ON r.AppointmentID = a.AppointmentID`

function ultrasoundDb(): string {
  const path = join(state().workDir, 'ultrasound-analysis.sqlite')
  if (!existsSync(path)) {
    const tmp = `${path}.tmp`
    rmSync(tmp, { force: true })
    const db = new Database(tmp)
    // The dump creates Doctors (referencing Departments) before Departments: load first, check after.
    db.pragma('foreign_keys = OFF')
    db.exec(readFileSync(join(sharedFixtures, 'seeds', 'ultrasound_db.sql'), 'utf8'))
    db.exec(CONSOLIDATE)
    db.close()
    renameSync(tmp, path)
  }
  return path
}

function sqlOne<T>(path: string, sql: string): T {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare(sql).get() as T
  } finally {
    db.close()
  }
}

test('profiles the ultrasound consolidation, builds the clinic overview, exports a PNG and a CSV', async ({ page }) => {
  const a = new AnalysisPage(page)
  const dbPath = ultrasoundDb()
  await a.app.open()
  await a.openSource(dbPath)
  await expect(a.app.tableCount('visits_consolidated')).toBeVisible()

  // Profile: numbers checked against SQL written here.
  await a.profileTable('visits_consolidated')
  const expected = sqlOne<{ rows: number; patients: number; nullReports: number }>(
    dbPath,
    'SELECT count(*) AS rows, count(DISTINCT PatientID) AS patients, sum(ReportDate IS NULL) AS nullReports FROM visits_consolidated',
  )
  await expect(page.getByTestId('profile-summary')).toContainText(`${expected.rows} rows`)
  expect(await a.stat('PatientID', 'Distinct')).toBe(String(expected.patients))
  expect(await a.stat('ReportDate', 'Nulls')).toMatch(new RegExp(`^${expected.nullReports} \\(`))
  await expect(a.column('Gender').getByText('text', { exact: true })).toBeVisible()
  await expect(a.chart('AppointmentDate — histogram')).toBeVisible()
  await expect(a.chart('Gender — values')).toBeVisible()
  await a.app.screenshot('analysis-profile-light')

  // Sampling is labelled as a sample.
  await page.getByLabel('Sample', { exact: true }).check()
  await page.getByLabel('Sample size in rows').fill('5')
  await page.getByRole('button', { name: 'Profile again' }).click()
  await expect(page.getByTestId('profile-summary')).toContainText('Sample: 5 random rows')

  // Clinic overview: answer the mapping questions if asked.
  await a.openOnTable('ultrasound-analysis.sqlite', 'Clinic Overview', 'visits_consolidated')
  const mapping = page.getByRole('form', { name: 'Column mapping' })
  await expect(mapping).toBeVisible()
  const answers: [string, string][] = [
    ['Visit date', 'AppointmentDate'],
    ['Report date', 'ReportDate'],
    ['Date of birth', 'DateOfBirth'],
    ['Gender', 'Gender'],
    ['Patient id', 'PatientID'],
  ]
  for (const [role, column] of answers) {
    const select = mapping.getByLabel(`Column for ${role}`)
    if ((await select.inputValue()) !== column) await select.selectOption(column)
  }
  if (!(await a.chart('Visits per month').isVisible())) await mapping.getByRole('button', { name: /Build overview|Rebuild overview/ }).click()
  for (const title of ['Visits per month', 'Days from visit to report', 'Age pyramid']) await expect(a.chart(title)).toBeVisible()
  await expect(page.getByRole('region', { name: /Mean days to report by age group/ })).toBeVisible()
  await expect(page.getByText(/Visits per calendar month of the visit date/)).toBeVisible()
  await a.app.screenshot('analysis-overview-light')
  await a.chart('Age pyramid').scrollIntoViewIfNeeded()
  await a.app.screenshot('analysis-overview-pyramid-light')

  // PNG from the toolbar: the canvas's pixels, drawn at 2× (the app's export ratio; the test browser's own ratio is 1).
  const png = await a.pngFromToolbar('Visits per month', join(state().workDir, 'visits-per-month.png'))
  const size = await a.canvas('Visits per month').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: window.devicePixelRatio }))
  expect(size.dpr).toBe(1)
  expect({ w: png.width, h: png.height }).toEqual({ w: size.w, h: size.h })
  expect(Math.abs(png.width - size.cw * 2)).toBeLessThanOrEqual(1)
  expect(Math.abs(png.height - size.ch * 2)).toBeLessThanOrEqual(1)
  expect(png.data[3]).toBe(255) // opaque background in the corner

  // CSV through File > Export, checked against SQL: visits are one per patient and visit time.
  const csv = await a.csvFromExportMenu('Visits per month — CSV', join(state().workDir, 'visits-per-month.csv'))
  const rows = parse(csv, { columns: true }) as Record<string, string>[]
  const db = new Database(dbPath, { readonly: true })
  const perMonth = db
    .prepare("SELECT strftime('%Y-%m', AppointmentDate) AS month, count(*) AS n FROM (SELECT DISTINCT PatientID, AppointmentDate FROM visits_consolidated) GROUP BY month ORDER BY month")
    .all() as { month: string; n: number }[]
  db.close()
  const fromCsv = rows.filter((r) => Number(r.Visits) > 0).map((r) => ({ month: r['Visit date'], n: Number(r.Visits) }))
  expect(fromCsv).toEqual(perMonth)

  await a.app.menu('View', 'Dark Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await a.app.screenshot('analysis-overview-dark')
  await a.chart('Age pyramid').scrollIntoViewIfNeeded()
  await a.app.screenshot('analysis-overview-pyramid-dark')
  await a.activateTab(/Profile · visits_consolidated/)
  await expect(page.getByTestId('profile-summary')).toBeVisible()
  await a.app.screenshot('analysis-profile-dark')
  await a.app.menu('View', 'Light Theme')
})

test('chart builder: monthly invoice totals of Chinook split by country, as bars and as a line', async ({ page }) => {
  const a = new AnalysisPage(page)
  await a.app.open()
  await a.openSource(state().chinookSqlite)
  await expect(a.app.tableCount('Invoice')).toHaveText('412')
  await a.openOnTable('Chinook.sqlite', 'Charts', 'Invoice')
  const form = page.getByRole('form', { name: 'Chart settings' })
  await form.getByLabel('Chart type').selectOption('bar')
  await form.getByLabel('X as').selectOption('date')
  await form.getByLabel('X column').selectOption('InvoiceDate')
  await form.getByLabel('Bucket').selectOption('month')
  await form.getByLabel('Y', { exact: true }).selectOption('sum')
  await form.getByLabel('Y column').selectOption('Total')
  await form.getByLabel('Split into series by').selectOption('BillingCountry')
  await form.getByLabel('Title').fill('Monthly invoice totals by country')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  const chart = a.chart('Monthly invoice totals by country')
  await expect(chart).toBeVisible()
  await a.app.screenshot('analysis-chart-bar-light')

  // The CSV holds the same totals as SQL.
  const csv = await a.csvFromExportMenu('Monthly invoice totals by country — CSV', join(state().workDir, 'invoice-totals.csv'))
  const rows = parse(csv, { columns: true }) as Record<string, string>[]
  const sum = rows.reduce((s, r) => s + Number(Object.values(r)[2] || 0), 0)
  const total = sqlOne<{ t: number }>(state().chinookSqlite, 'SELECT sum(Total) AS t FROM Invoice').t
  expect(sum).toBeCloseTo(total, 2)

  await form.getByLabel('Chart type').selectOption('line')
  await form.getByLabel('Filter').fill("BillingCountry IN ('USA', 'Canada')")
  await form.getByLabel('Title').fill('Monthly invoice totals, USA and Canada')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  const line = a.chart('Monthly invoice totals, USA and Canada')
  await expect(line).toBeVisible()
  // One line per country left by the filter.
  const lineCsv = await a.csvFromExportMenu('Monthly invoice totals, USA and Canada — CSV', join(state().workDir, 'invoice-lines.csv'))
  const countries = new Set((parse(lineCsv, { columns: true }) as Record<string, string>[]).map((r) => r.BillingCountry))
  expect([...countries].sort()).toEqual(['Canada', 'USA'])
  await a.app.menu('View', 'Dark Theme')
  await a.app.screenshot('analysis-chart-line-dark')

  // A box plot of totals per country, drawn without a plugin.
  await form.getByLabel('Chart type').selectOption('box')
  await form.getByLabel('X as').selectOption('category')
  await form.getByLabel('X column').selectOption('BillingCountry')
  await form.getByLabel('Y column').selectOption('Total')
  await form.getByLabel('Filter').fill('')
  await form.getByLabel('Title').fill('Invoice totals per country')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  await expect(a.chart('Invoice totals per country')).toBeVisible()
  await a.app.screenshot('analysis-chart-box-dark')
  await a.app.menu('View', 'Light Theme')

  // Stacked bars by quarter and a histogram of totals.
  await form.getByLabel('Chart type').selectOption('stackedBar')
  await form.getByLabel('X as').selectOption('date')
  await form.getByLabel('X column').selectOption('InvoiceDate')
  await form.getByLabel('Bucket').selectOption('quarter')
  await form.getByLabel('Y', { exact: true }).selectOption('count')
  await form.getByLabel('Split into series by').selectOption('BillingCountry')
  await form.getByLabel('Title').fill('Invoices per quarter by country')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  await expect(a.chart('Invoices per quarter by country')).toBeVisible()
  await a.app.screenshot('analysis-chart-stacked-light')
  await form.getByLabel('Chart type').selectOption('histogram')
  await form.getByLabel('X as').selectOption('bins')
  await form.getByLabel('X column').selectOption('Total')
  await form.getByLabel('Split into series by').selectOption('')
  await form.getByLabel('Title').fill('Invoice totals histogram')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  await expect(a.chart('Invoice totals histogram')).toBeVisible()

  // Scatter: invoice id against total, every point (412 is under the sample limit).
  await form.getByLabel('Chart type').selectOption('scatter')
  await form.getByLabel('X column').selectOption('InvoiceId')
  await form.getByLabel('Y column').selectOption('Total')
  await form.getByLabel('Title').fill('Invoice totals by id')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  await expect(a.chart('Invoice totals by id')).toBeVisible()
  await a.app.screenshot('analysis-chart-scatter-light')

  // A filter the engine cannot read is reported, and the last chart stays.
  await form.getByLabel('Filter').fill('Total >> 5')
  await form.getByRole('button', { name: 'Draw chart' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(a.chart('Invoice totals by id')).toBeVisible()

  // Invoice totals have Tukey outliers (a few large invoices): the profile flags them.
  await a.profileTable('Invoice')
  const invoices = sqlOne<{ n: number }>(state().chinookSqlite, 'SELECT count(*) AS n FROM Invoice')
  await expect(page.getByTestId('profile-summary')).toContainText(`${invoices.n} rows`)
  await expect(a.column('Total').getByRole('note', { name: 'Outliers in Total' })).toContainText('outlier')
  await a.column('Total').scrollIntoViewIfNeeded()
  await a.app.screenshot('analysis-profile-outliers-light')
})

test('clinic overview on a SELECT asks which columns hold the dates, and its delay CSV matches SQL', async ({ page }) => {
  const a = new AnalysisPage(page)
  const dbPath = ultrasoundDb()
  await a.app.open()
  await a.openSource(dbPath)
  await a.source('ultrasound-analysis.sqlite').getByRole('button', { name: 'Clinic Overview', exact: true }).click()
  // Column names that say little: the mapper is unsure and asks.
  await page
    .getByLabel('SELECT to analyse')
    .fill('SELECT AppointmentDate AS seen_on, ReportDate AS d2, DateOfBirth AS born, Gender AS sex, PatientID AS who FROM visits_consolidated')
  await page.getByRole('button', { name: 'Use SQL' }).click()
  const mapping = page.getByRole('form', { name: 'Column mapping' })
  await expect(mapping.getByRole('note')).toContainText('Visit date')
  await expect(a.chart('Visits per month')).toHaveCount(0)
  await mapping.getByLabel('Column for Visit date').selectOption('seen_on')
  await mapping.getByLabel('Column for Report date').selectOption('d2')
  await mapping.getByLabel('Column for Patient id').selectOption('who')
  await mapping.getByRole('button', { name: 'Build overview' }).click()
  await expect(a.chart('Days from visit to report')).toBeVisible()
  await expect(a.chart('Age pyramid')).toBeVisible()
  await a.app.screenshot('analysis-overview-sql-light')

  const dl = await a.download(() => page.getByRole('button', { name: 'Save Days from visit to report data as CSV' }).click())
  const target = join(state().workDir, 'delays.csv')
  await dl.saveAs(target)
  const rows = parse(readFileSync(target, 'utf8'), { columns: true }) as Record<string, string>[]
  const reports = rows.reduce((s, r) => s + Number(r.Reports ?? 0), 0)
  const expected = sqlOne<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM visits_consolidated WHERE ReportDate IS NOT NULL').n
  expect(reports).toBe(expected)
})

test('profiles a SELECT (a query result) from the source’s Profile… action', async ({ page }) => {
  const a = new AnalysisPage(page)
  const dbPath = ultrasoundDb()
  await a.app.open()
  await a.openSource(dbPath)
  await a.source('ultrasound-analysis.sqlite').getByRole('button', { name: 'Profile…', exact: true }).click()
  const sql = 'SELECT PatientID, julianday(ReportDate) - julianday(AppointmentDate) AS DaysToReport FROM visits_consolidated WHERE ReportDate IS NOT NULL'
  await page.getByLabel('SELECT to analyse').fill(sql)
  await page.getByRole('button', { name: 'Use SQL' }).click()
  await expect(page.getByTestId('profile-summary')).toBeVisible({ timeout: 60_000 })
  const expected = sqlOne<{ n: number; maxDays: number }>(dbPath, `SELECT count(*) AS n, max(DaysToReport) AS maxDays FROM (${sql})`)
  await expect(page.getByTestId('profile-summary')).toContainText(`${expected.n} rows`)
  const max = Number((await a.stat('DaysToReport', 'Max')).replace(/,/g, ''))
  expect(max).toBeCloseTo(expected.maxDays, 3)
})

test('a profile runs as a job with progress, and Cancel stops it and keeps nothing', async ({ page }) => {
  // Big enough that the profile is still running when Cancel is pressed (about a second per 250k rows here).
  const path = join(state().workDir, 'profile-cancel.sqlite')
  if (!existsSync(path)) {
    const tmp = `${path}.tmp`
    rmSync(tmp, { force: true })
    const db = new Database(tmp)
    db.exec(`CREATE TABLE big(id INTEGER PRIMARY KEY, a REAL, b TEXT, c TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500000)
      INSERT INTO big SELECT i, abs(random() % 100000) / 7.0, 'cat' || (i % 37), date('2020-01-01', '+' || (i % 2000) || ' days') FROM n;`)
    db.close()
    renameSync(tmp, path)
  }
  const a = new AnalysisPage(page)
  await a.app.open()
  await a.openSource(path)
  await a.app.sidebar().getByRole('button', { name: 'Profile big', exact: true }).click()
  const job = page.getByRole('main').getByRole('group', { name: 'Job Profiling big' })
  await expect(job).toBeVisible()
  await job.getByTestId('job-cancel').click()
  await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible()
  await expect(page.getByTestId('profile-summary')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Run profile' })).toBeEnabled()
})
