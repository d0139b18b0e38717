import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { AppPage, state } from './support/app'
import { ErPage } from './support/er-page'
import { screenshotsDir, sharedFixtures } from './support/paths'

const ULTRASOUND_TABLES = [
  'Patients', 'Doctors', 'Departments', 'Appointments', 'Ultrasound_Results', 'Machines', 'Technicians', 'Medical_History', 'Billing', 'Insurance',
  'Medications', 'Treatments', 'Referrals', 'Symptoms', 'Diagnosis', 'Follow_Up', 'Reports', 'Radiologists', 'Clinics', 'Lab_Tests',
]

/** A fresh SQLite file built from SQL, in this spec's folder of the run's work directory. */
function buildDb(name: string, sql: string): string {
  const dir = join(state().workDir, 'er-spec')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  if (existsSync(path)) rmSync(path)
  const db = new Database(path)
  // The dump inserts children before some parents, as mysqldump does.
  db.pragma('foreign_keys = OFF')
  db.exec(sql)
  db.close()
  return path
}

function ultrasoundDb(): string {
  return buildDb('ultrasound.sqlite', readFileSync(join(sharedFixtures, 'seeds', 'ultrasound_db.sql'), 'utf8'))
}

test('ultrasound ER graph: 20 tables, 23 foreign keys, search, focus, PNG at 1× and 2×, SVG from File > Export', async ({ page }) => {
  const app = new AppPage(page)
  const er = new ErPage(app)
  await app.open()
  await er.openDatabase(ultrasoundDb())
  await er.openGraph('ultrasound.sqlite')

  const counts = await er.counts()
  expect(counts.tables).toBe(20)
  expect(counts.declared).toBe(23)
  await expect(er.status()).toContainText('20 tables · 23 relationships')
  await app.screenshot('er-ultrasound-light')

  await er.find('appointments')
  await expect(er.graph()).toHaveAttribute('data-selected', 'Appointments')
  await expect(er.status()).toContainText('selected: Appointments')
  await page.waitForTimeout(400) // the centring animation
  await app.screenshot('er-ultrasound-zoomed')

  // Departments is referenced by four tables: one hop shows five of twenty.
  await er.find('Departments')
  await er.focus(1)
  await expect(er.graph()).toHaveAttribute('data-visible', '5')
  await expect(er.status()).toContainText('showing 5 of 20 tables within 1 hop of Departments')
  await app.screenshot('er-ultrasound-focus')
  await er.focus(2)
  const two = Number(await er.graph().getAttribute('data-visible'))
  expect(two).toBeGreaterThan(5)
  expect(two).toBeLessThan(20)
  await er.toolbar().getByRole('button', { name: 'Show all' }).click()
  await expect(er.graph()).toHaveAttribute('data-visible', '20')

  // Keyboard: + zooms in by a quarter, - back out, 0 fits.
  await er.graph().focus()
  await page.keyboard.press('0')
  await expect(er.graph()).toHaveAttribute('data-zoom', /\d/)
  const z0 = Number(await er.graph().getAttribute('data-zoom'))
  await page.keyboard.press('+')
  await expect.poll(async () => Number(await er.graph().getAttribute('data-zoom'))).toBeCloseTo(z0 * 1.25, 2)
  await page.keyboard.press('-')
  await expect.poll(async () => Number(await er.graph().getAttribute('data-zoom'))).toBeCloseTo(z0, 2)
  await er.toolbar().getByRole('button', { name: 'Zoom in' }).click()
  await expect.poll(async () => Number(await er.graph().getAttribute('data-zoom'))).toBeCloseTo(z0 * 1.25, 2)
  await er.toolbar().getByRole('button', { name: 'Fit to window' }).click()
  await expect.poll(async () => Number(await er.graph().getAttribute('data-zoom'))).toBeCloseTo(z0, 2)

  const one = await er.exportPng(1)
  expect(one.download.suggestedFilename()).toBe('ultrasound-er-1x.png')
  const two2 = await er.exportPng(2)
  expect(two2.download.suggestedFilename()).toBe('ultrasound-er-2x.png')
  copyFileSync(two2.path, join(screenshotsDir, 'er-ultrasound-export-2x.png'))
  expect(Math.abs(two2.width - 2 * one.width)).toBeLessThanOrEqual(4)
  expect(Math.abs(two2.height - 2 * one.height)).toBeLessThanOrEqual(4)
  // White background: the top-left corner is opaque white.
  expect([...two2.png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255])
  const clear = await er.exportPng(1, 'transparent')
  expect(clear.png.data[3]).toBe(0)

  await app.menu('File', 'Export…')
  await expect(page.getByRole('dialog', { name: 'Export' }).getByRole('button')).not.toHaveCount(0)
  await app.screenshot('er-export-dialog')
  await page.keyboard.press('Escape')
  const svg = await er.exportFromMenu(/^ER graph as SVG$/)
  expect(svg.download.suggestedFilename()).toBe('ultrasound-er.svg')
  copyFileSync(svg.path, join(screenshotsDir, 'er-ultrasound-export.svg'))
  const text = readFileSync(svg.path, 'utf8')
  expect(text.startsWith('<svg')).toBe(true)
  const titles = new Set([...text.matchAll(/<g class="table" data-table="([^"]+)"/g)].map((m) => m[1]))
  for (const t of ULTRASOUND_TABLES) expect(titles.has(t), `${t} in the SVG`).toBe(true)
  expect(text.match(/<g class="edge"/g)?.length).toBe(23)
  const layered = readFileSync((await er.exportFromMenu(/SVG, layered layout/)).path, 'utf8')
  for (const t of ULTRASOUND_TABLES) expect(layered).toContain(`data-table="${t}"`)
  const viewer = await page.context().newPage()
  await viewer.setContent(text)
  await viewer.screenshot({ path: join(screenshotsDir, 'er-ultrasound-export-svg.png'), fullPage: true })
  await viewer.close()

  await er.toolbar().getByLabel('Names only').check()
  await page.waitForTimeout(200) // the re-layout starts
  await expect(er.graph()).toHaveAttribute('data-ready', 'true')
  await app.screenshot('er-ultrasound-collapsed')
  await er.toolbar().getByLabel('Names only').uncheck()
  await page.waitForTimeout(200)
  await expect(er.graph()).toHaveAttribute('data-ready', 'true')

  await app.menu('View', 'Dark Theme')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await er.graph().focus()
  await page.keyboard.press('0')
  await app.screenshot('er-ultrasound-dark')
  await app.menu('View', 'Light Theme')
  await er.toolbar().getByLabel('Layout').selectOption('layered')
  await er.toolbar().getByRole('button', { name: 'Re-layout' }).click()
  await expect(er.status()).toContainText('layered layout')
  await app.screenshot('er-ultrasound-layered')
})

test('Chinook ER graph: 11 tables and their 11 foreign keys, light and dark', async ({ page }) => {
  const app = new AppPage(page)
  const er = new ErPage(app)
  await app.open()
  const path = buildDb('Chinook.sqlite', '')
  rmSync(path)
  const src = new Database(state().chinookSqlite, { readonly: true })
  await src.backup(path)
  src.close()
  await er.openDatabase(path)
  await er.openGraph('Chinook.sqlite')
  const counts = await er.counts()
  expect(counts.tables).toBe(11)
  expect(counts.declared).toBe(11)
  await app.screenshot('er-chinook-light')
  // Another tab and back: the same arrangement, not a new random one.
  const layoutText = await er.status().locator('span.muted').first().textContent()
  await app.openTable('Album')
  await page.getByRole('tab', { name: 'ER · Chinook.sqlite' }).click()
  await expect(er.graph()).toHaveAttribute('data-ready', 'true')
  await expect(er.status().locator('span.muted').first()).toHaveText(layoutText ?? '')
  // Employee.ReportsTo references Employee itself: the loop must clear the box.
  await er.find('Employee')
  await page.waitForTimeout(400)
  await app.screenshot('er-chinook-employee')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('er-chinook-dark')
  await app.menu('View', 'Light Theme')
})

test('an inferred relationship is drawn dashed with its confidence and can be accepted, then hidden', async ({ page }) => {
  const app = new AppPage(page)
  const er = new ErPage(app)
  const rows = Array.from({ length: 40 }, (_, i) => `(${i + 1}, 'c${i + 1}')`).join(',')
  const orders = Array.from({ length: 120 }, (_, i) => `(${i + 1}, ${(i % 40) + 1})`).join(',')
  const path = buildDb(
    'inferred-er.sqlite',
    `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT);
     CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER);
     INSERT INTO customers VALUES ${rows};
     INSERT INTO orders VALUES ${orders};`,
  )
  await app.open()
  await er.openDatabase(path)
  await er.openGraph('inferred-er.sqlite')
  await expect(er.graph()).toHaveAttribute('data-inferred', '1')
  await expect(er.graph()).toHaveAttribute('data-declared', '0')
  const panel = page.getByRole('complementary', { name: 'Relationships' })
  await expect(panel).toContainText('orders(customer_id) → customers(customer_id)')
  await expect(panel).toContainText('100% of values found')
  // The two tables are fitted around the middle, so the edge runs through the canvas centre.
  const box = (await er.graph().boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  const selected = panel.getByRole('region', { name: 'Selected relationship' })
  await expect(selected).toContainText('orders(customer_id) → customers(customer_id)')
  await app.screenshot('er-inferred')
  await selected.getByRole('button', { name: /^Accept orders/ }).click()
  await expect(er.status()).toContainText('1 inferred (1 accepted)')
  await expect(panel).toContainText('accepted · 100%')
  await app.menu('View', 'Dark Theme')
  await app.screenshot('er-inferred-accepted-dark')
  await app.menu('View', 'Light Theme')
  await selected.getByRole('button', { name: /^Hide orders/ }).click()
  await expect(er.graph()).toHaveAttribute('data-inferred', '0')
  await er.toolbar().getByLabel('Show hidden edges').check()
  await panel.getByRole('button', { name: /^Reset orders/ }).first().click()
  await expect(er.graph()).toHaveAttribute('data-inferred', '1')
})

test('tables dragged into place stay there when the database is opened again; Re-layout forgets them', async ({ page }) => {
  const app = new AppPage(page)
  const er = new ErPage(app)
  const path = buildDb('arranged.sqlite', '')
  rmSync(path)
  const src = new Database(state().chinookSqlite, { readonly: true })
  await src.backup(path)
  src.close()
  await app.open()
  await er.openDatabase(path)
  await er.openGraph('arranged.sqlite')
  await expect(er.status()).toContainText(/fcose layout|layered layout/)
  await er.find('Track')
  await page.waitForTimeout(400) // Track is now at the centre of the canvas
  const box = (await er.graph().boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await page.mouse.move(cx, cy)
  await page.mouse.down()
  await page.mouse.move(cx + 160, cy + 90, { steps: 8 })
  await page.mouse.up()
  await app.screenshot('er-dragged')

  await page.reload()
  await er.openDatabase(path)
  await er.openGraph('arranged.sqlite')
  await expect(er.status()).toContainText('your arrangement')
  await er.toolbar().getByRole('button', { name: 'Re-layout' }).click()
  await expect(er.status()).toContainText(/fcose layout|layered layout/)
})

test('a generated schema of 300 tables and 500 foreign keys lays out and renders', async ({ page }) => {
  const app = new AppPage(page)
  const er = new ErPage(app)
  const parts: string[] = []
  let fks = 0
  // A fixed pseudo-random second parent, so no one table becomes a hub of hundreds of keys.
  let seed = 12345
  const rand = (n: number): number => (seed = (seed * 16807) % 2147483647) % n
  for (let i = 0; i < 300; i++) {
    const refs: number[] = []
    if (i > 0) refs.push(Math.floor(i / 2))
    if (i >= 99) {
      let p = rand(i)
      if (p === refs[0]) p = (p + 1) % i
      refs.push(p)
    }
    fks += refs.length
    const name = (n: number): string => `t${String(n).padStart(3, '0')}`
    const cols = ['id INTEGER PRIMARY KEY', 'name TEXT NOT NULL', 'code TEXT', 'created_at TEXT', ...refs.map((r) => `ref_${name(r)} INTEGER REFERENCES ${name(r)}(id)`)]
    parts.push(`CREATE TABLE ${name(i)} (${cols.join(', ')});`)
  }
  expect(fks).toBe(500)
  const path = buildDb('big-er.sqlite', parts.join('\n'))
  await app.open()
  await er.openDatabase(path)
  const t0 = Date.now()
  await er.openGraph('big-er.sqlite', 110_000)
  const wall = Date.now() - t0
  const counts = await er.counts()
  expect(counts.tables).toBe(300)
  expect(counts.declared).toBe(500)
  const status = (await er.status().textContent()) ?? ''
  console.log(`300 tables / 500 FKs: graph ready ${wall} ms after the click; status: ${status}`)
  await app.screenshot('er-300-tables')
  // Still responsive: zoom and search work on the big graph.
  await er.find('t150')
  await expect(er.graph()).toHaveAttribute('data-selected', 't150')
  await page.waitForTimeout(600) // the centring animation
  await app.screenshot('er-300-tables-zoomed')
  // 4x of a picture this size would not fit a canvas: it is saved smaller, and says so.
  const t1 = Date.now()
  const big = await er.exportPng(4)
  console.log(`300 tables, PNG 4x asked: ${big.width}x${big.height} in ${Date.now() - t1} ms; ${await er.status().textContent()}`)
  expect(big.width * big.height).toBeLessThanOrEqual(51_000_000)
  await expect(er.status()).toContainText('too large for 4×')
  // fcose on the same graph, in the worker.
  await er.toolbar().getByLabel('Layout').selectOption('organic')
  await er.toolbar().getByRole('button', { name: 'Re-layout' }).click()
  await expect(er.status()).toContainText('fcose layout', { timeout: 110_000 })
  console.log(`300 tables / 500 FKs, fcose: ${await er.status().textContent()}`)
  await app.screenshot('er-300-tables-fcose')
})
