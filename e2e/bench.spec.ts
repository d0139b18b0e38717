import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { state } from './support/app'
import { BenchPage } from './support/bench-page'
import { screenshotsDir } from './support/paths'
import { MysqlPage } from './support/mysql-page'

test('benchmarks the lab OLTP vs star from the screen: chart, speedup table, PNG and report; a wrong pair stops with a mismatch; a small sweep', async ({ page }) => {
  test.setTimeout(420_000)
  const b = new BenchPage(page)
  const app = b.app
  await app.open()

  // A small lab with its star schema.
  await app.menu('File', 'New Healthcare Lab Database…')
  const dialog = page.getByRole('dialog', { name: 'New Healthcare Lab Database' })
  await dialog.getByLabel('Patients').fill('300')
  await dialog.getByLabel('Encounters').fill('1500')
  await dialog.getByLabel('Seed').fill('11')
  await dialog.getByRole('button', { name: 'Generate' }).click()
  const lab = page.getByRole('toolbar', { name: 'Lab' })
  await expect(lab).toBeVisible({ timeout: 120_000 })
  await lab.getByRole('button', { name: 'Build Star Schema (full ETL)' }).click()
  await expect(page.getByTestId('etl-done')).toContainText('Full load done', { timeout: 120_000 })

  // The benchmark screen lists the four questions with their definitions, all ticked.
  await lab.getByRole('button', { name: 'Benchmark OLTP vs Star' }).click()
  await expect(b.toolbar()).toBeVisible()
  const pairs = page.getByRole('region', { name: 'Pairs to benchmark' })
  await expect(pairs.getByRole('checkbox', { name: /^Benchmark / })).toHaveCount(4)
  for (const box of await pairs.getByRole('checkbox', { name: /^Benchmark / }).all()) await expect(box).toBeChecked()

  await b.run(3, 1)
  await expect(b.speedupTable()).toBeVisible({ timeout: 180_000 })
  await expect(b.speedupTable().locator('tbody tr')).toHaveCount(4)
  await expect(b.mediansChart()).toBeVisible()
  await expect(page.getByTestId('bench-agree')).toContainText('gave the same answer')
  for (const row of await b.speedupTable().locator('tbody tr').all()) {
    await expect(row).toContainText('×')
    await expect(row.locator('td.verdict')).toHaveText(/^(yes|no):/)
  }
  await expect(page.getByRole('tree', { name: /OLTP$/ }).first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'Engine and machine' })).toContainText('sqlite')

  // PNG of the chart from the toolbar: the canvas's pixels with an opaque background.
  const { png, name } = await b.png(() => b.toolbar().getByRole('button', { name: 'Chart PNG' }).click(), join(screenshotsDir, 'bench-export-medians.png'))
  expect(name).toMatch(/\.png$/)
  const size = await b.mediansChart().evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }))
  expect({ w: png.width, h: png.height }).toEqual(size)
  expect(png.width).toBeGreaterThan(400)
  expect(png.height).toBeGreaterThan(200)
  expect(png.data[3]).toBe(255)

  // The Markdown report through File > Export names the machine, SQLite's version and the data sizes.
  await app.menu('File', 'Export…')
  const report = await b.text(
    () => page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Benchmark report — Markdown' }).click(),
    join(state().workDir, 'bench-report.md'),
  )
  expect(report.name).toMatch(/\.md$/)
  expect(report.text).toMatch(/^- CPU: .+, \d+ cores$/m)
  expect(report.text).toMatch(/^- Engine: SQLite 3\.\d+\.\d+$/m)
  expect(report.text).toMatch(/^\| encounters \| 1500 \|$/m)
  expect(report.text).toMatch(/^\| patients \| 300 \|$/m)
  expect(report.text).toMatch(/3 timed runs per form after 1 warm-up/)

  // Timings CSV: one row per timed run (4 questions x 2 forms x 3 runs).
  const csv = await b.text(() => b.toolbar().getByRole('button', { name: 'Results CSV' }).click(), join(state().workDir, 'bench-timings.csv'))
  expect(csv.text.trim().split(/\r?\n/).length).toBeGreaterThanOrEqual(1 + 4 * 2 * 3)

  await b.results().getByRole('img', { name: /Median time/ }).scrollIntoViewIfNeeded()
  await app.screenshot('bench-results-light')
  await b.speedupTable().scrollIntoViewIfNeeded()
  await app.screenshot('bench-speedup-light')
  await page.getByRole('tree', { name: /OLTP$/ }).first().scrollIntoViewIfNeeded()
  await app.screenshot('bench-plans-light')
  await app.menu('View', 'Dark Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await b.results().getByRole('img', { name: /Median time/ }).scrollIntoViewIfNeeded()
  await app.screenshot('bench-results-dark')
  await b.speedupTable().scrollIntoViewIfNeeded()
  await app.screenshot('bench-speedup-dark')
  await app.menu('View', 'Light Theme')

  // A pair whose two queries answer differently stops the run: the differing rows, no speedup.
  await b.addPair('Deliberately wrong', 'SELECT 1 AS n', 'SELECT 2 AS n')
  await b.only(['Deliberately wrong'])
  await b.run(3, 1)
  await expect(b.mismatch()).toBeVisible({ timeout: 60_000 })
  await expect(b.mismatch()).toContainText('no speedup is reported')
  await expect(b.mismatch().getByRole('region', { name: 'Rows only in A' })).toContainText('1')
  await expect(b.mismatch().getByRole('region', { name: 'Rows only in B' })).toContainText('2')
  await expect(b.speedupTable()).toHaveCount(0)
  await expect(b.results()).toHaveCount(0)
  await b.mismatch().scrollIntoViewIfNeeded()
  await app.screenshot('bench-mismatch')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('bench-mismatch-dark')
  await app.menu('View', 'Light Theme')

  // A small scale sweep: two sizes, a log-log line per question and model.
  const sweep = b.sweep()
  await sweep.getByLabel('Sweep sizes').fill('500, 1000')
  await sweep.getByLabel('Sweep runs').fill('2')
  await sweep.getByLabel('Sweep warm-ups').fill('0')
  await sweep.getByRole('button', { name: 'Run sweep' }).click()
  const sweepChart = sweep.getByRole('img', { name: /against data size/ })
  await expect(sweepChart).toBeVisible({ timeout: 240_000 })
  const sweepPng = await b.png(() => sweep.getByRole('button', { name: 'Sweep chart PNG' }).click(), join(screenshotsDir, 'bench-export-sweep.png'))
  expect(sweepPng.png.width).toBeGreaterThan(400)
  expect(sweepPng.png.data[3]).toBe(255)
  await sweepChart.scrollIntoViewIfNeeded()
  await app.screenshot('bench-sweep-light')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('bench-sweep-dark')
  await app.menu('View', 'Light Theme')

  // A bigger sweep can be cancelled from its progress bar.
  await sweep.getByLabel('Sweep sizes').fill('50000, 100000')
  await sweep.getByRole('button', { name: 'Run sweep' }).click()
  const progress = sweep.getByRole('group', { name: 'Job Scale sweep' })
  await expect(progress).toBeVisible()
  await progress.getByRole('button', { name: 'Cancel' }).click()
  await expect(sweep.getByRole('status')).toContainText('Sweep cancelled', { timeout: 60_000 })
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeEnabled()
})

test('your own pair on MariaDB: no lab questions, a join against a subquery, speedup with its interval, buffer pool and measured plans', async ({ page }) => {
  test.setTimeout(180_000)
  const s = state()
  if (!s.mysqlDatabase) {
    if (process.env.CI) throw new Error(`MariaDB is required in CI: ${s.mysqlUnavailable ?? 'no database'}`)
    test.skip(true, s.mysqlUnavailable ?? 'global setup loaded no MariaDB database')
    return
  }
  const db = s.mysqlDatabase
  const b = new BenchPage(page)
  await b.app.open()
  const my = new MysqlPage(b.app)
  await my.connect(db)
  await my.source(db).getByRole('button', { name: 'Benchmark', exact: true }).click()
  await expect(page.getByText('This database has no healthcare lab star schema')).toBeVisible()
  // With no built-in questions, the form to add a pair is open.
  await expect(page.getByLabel('Query A')).toBeVisible()
  await b.addPair(
    'Tracks per genre',
    'SELECT g.Name, COUNT(*) AS n FROM Track t JOIN Genre g ON g.GenreId = t.GenreId GROUP BY g.Name',
    'SELECT g.Name, (SELECT COUNT(*) FROM Track t WHERE t.GenreId = g.GenreId) AS n FROM Genre g WHERE EXISTS (SELECT 1 FROM Track t WHERE t.GenreId = g.GenreId)',
    ['join', 'subquery'],
  )
  await b.run(3, 1)
  await expect(b.speedupTable().locator('tbody tr')).toHaveCount(1, { timeout: 120_000 })
  await expect(b.speedupTable()).toContainText('Tracks per genre')
  const info = page.getByRole('table', { name: 'Engine and machine' })
  await expect(info).toContainText('MariaDB')
  await expect(info).toContainText('Buffer pool before')
  await expect(page.getByRole('tree', { name: 'Plan of Tracks per genre · join' })).toBeVisible()
  await expect(page.getByText(/MariaDB ANALYZE FORMAT=JSON · measured/).first()).toBeVisible()
  await b.speedupTable().scrollIntoViewIfNeeded()
  await b.app.screenshot('bench-mariadb-pair')
})
