import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { expect, test, type Page } from '@playwright/test'
import { AppPage, state } from './support/app'
import { sharedFixtures } from './support/paths'

const ULTRASOUND = join(sharedFixtures, 'seeds', 'ultrasound_db.sql')

function importsDir(): string {
  return join(state().dataDir, 'imports')
}
function databasesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.txt')) : []
}

async function openDumpDialog(app: AppPage): Promise<ReturnType<Page['getByRole']>> {
  await app.menu('File', 'Open SQL Dump…')
  return app.page.getByRole('dialog', { name: 'Open SQL Dump' })
}

test('opens ultrasound_db.sql through the file picker and lands in the explorer with 20 tables and the report', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  const dialog = await openDumpDialog(app)
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Choose File…' }).click()
  await (await chooser).setFiles(ULTRASOUND)
  await expect(dialog.getByLabel('Dump file path')).toHaveValue(/ultrasound_db\.sql$/)
  await app.screenshot('import-dialog')
  await dialog.getByRole('button', { name: 'Import' }).click()

  const report = page.getByLabel('Import report')
  await expect(report.getByTestId('import-summary')).toContainText('20 tables')
  await expect(report.getByTestId('fk-check')).toContainText('every reference resolves')
  const list = page.getByRole('list', { name: /Tables of ultrasound_db/ })
  await expect(list.getByRole('listitem')).toHaveCount(20)
  await expect(app.tableCount('Patients')).not.toHaveText('…')
  await app.screenshot('import-report')

  // The report saves as text.
  await report.getByRole('button', { name: 'Save as Text…' }).click()
  const reportPath = join(state().workDir, 'ultrasound-report.txt')
  await page.getByLabel('Path on the machine running Sonograph').fill(reportPath)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(`Saved to ${reportPath}`)).toBeVisible()
  expect(readFileSync(reportPath, 'utf8')).toMatch(/Patients/)

  // A table from the report opens in the browser.
  await report.getByRole('button', { name: 'Appointments', exact: true }).click()
  await expect(app.grid('Rows of Appointments').getByRole('row').nth(1)).toBeVisible()
})

test('a dump dropped on the window opens the import dialog and loads', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  const text = readFileSync(join(sharedFixtures, 'chinook', 'Chinook_MySql.sql'), 'utf8')
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer()
    dt.items.add(new File([content], 'Chinook_MySql.sql', { type: 'application/sql' }))
    return dt
  }, text)
  await page.dispatchEvent('body', 'dragover', { dataTransfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer })
  const dialog = page.getByRole('dialog', { name: 'Open SQL Dump' })
  await expect(dialog.getByLabel('Dump file path')).toHaveValue(/Chinook_MySql\.sql$/)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByLabel('Import report').getByTestId('import-summary')).toContainText('11 tables')
  await expect(page.getByRole('list', { name: /Tables of Chinook_MySql/ }).getByRole('listitem')).toHaveCount(11)
})

test('a broken dump gives an error naming the line and leaves no database', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  const bad = join(state().workDir, 'unterminated.sql')
  writeFileSync(bad, "CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('ok');\nINSERT INTO t VALUES ('never closed);\n")
  const before = databasesIn(importsDir())
  const dialog = await openDumpDialog(app)
  await dialog.getByLabel('Dump file path').fill(bad)
  await dialog.getByRole('button', { name: 'Import' }).click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText(/line 3/)
  await expect(alert).toContainText('unterminated.sql')
  expect(databasesIn(importsDir())).toEqual(before)
})

test('a large import shows progress and can be cancelled, leaving no database behind', async ({ page }) => {
  test.setTimeout(240_000)
  const app = new AppPage(page)
  await app.open()
  const big = join(state().workDir, 'large-dump.sql')
  if (!existsSync(big)) {
    // ~120 MB of extended INSERTs: long enough to still be running when Cancel is pressed.
    const out = createWriteStream(big)
    out.write('CREATE TABLE `events` (`id` int NOT NULL, `patient` varchar(40), `note` text, PRIMARY KEY (`id`)) ENGINE=InnoDB;\n')
    let id = 0
    for (let s = 0; s < 1200; s++) {
      const rows: string[] = []
      for (let r = 0; r < 1000; r++, id++) rows.push(`(${id},'patient-${id % 5000}','Visit note ${id}: follow-up in two weeks, no complications reported.')`)
      if (!out.write(`INSERT INTO \`events\` VALUES ${rows.join(',')};\n`)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
  }
  const before = databasesIn(importsDir())
  const dialog = await openDumpDialog(app)
  await dialog.getByLabel('Dump file path').fill(big)
  await dialog.getByRole('button', { name: 'Import' }).click()
  const progress = dialog.getByTestId('job-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toContainText(/MB/)
  await app.screenshot('import-progress')
  await progress.getByTestId('job-cancel').click()
  await expect(dialog.getByRole('alert')).toContainText('Import cancelled')
  expect(databasesIn(importsDir())).toEqual(before)
  // The app is still usable.
  await dialog.getByLabel('Dump file path').fill(ULTRASOUND)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByLabel('Import report').getByTestId('import-summary')).toContainText('20 tables')
})
