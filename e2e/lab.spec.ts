import { expect, test } from '@playwright/test'
import { AppPage } from './support/app'

test('generates a small lab from the dialog, builds the star with the ETL, and the questions agree', async ({ page }) => {
  test.setTimeout(240_000)
  const app = new AppPage(page)
  await app.open()
  await app.menu('File', 'New Healthcare Lab Database…')
  const dialog = page.getByRole('dialog', { name: 'New Healthcare Lab Database' })
  await dialog.getByLabel('Patients').fill('300')
  await dialog.getByLabel('Encounters').fill('1500')
  await dialog.getByLabel('Seed').fill('7')
  await app.screenshot('lab-dialog')
  await dialog.getByRole('button', { name: 'Generate' }).click()

  // Lands on the lab tab with the ten OLTP tables.
  const lab = page.getByRole('toolbar', { name: 'Lab' })
  await expect(lab).toBeVisible({ timeout: 120_000 })
  await expect(app.tableCount('encounters')).toHaveText('1,500')
  await expect(app.tableCount('patients')).toHaveText('300')

  await lab.getByRole('button', { name: 'Build Star Schema (full ETL)' }).click()
  await expect(page.getByTestId('etl-done')).toContainText('Full load done', { timeout: 120_000 })
  await expect(app.sidebar().locator('[data-table="fact_encounters"]')).toBeVisible()
  await expect(app.tableCount('fact_encounters')).toHaveText('1,500')
  await expect(page.getByRole('region', { name: 'ETL runs' }).getByRole('cell', { name: 'success' })).toBeVisible()

  // Every question gives the same answer on both models.
  const runButtons = page.getByRole('button', { name: /^Run / })
  const n = await runButtons.count()
  expect(n).toBe(4)
  for (let i = 0; i < n; i++) await runButtons.nth(i).click()
  await expect(page.locator('[data-testid^="agree-"]')).toHaveCount(4, { timeout: 60_000 })
  for (const el of await page.locator('[data-testid^="agree-"]').all()) await expect(el).toContainText('agree')
  await app.screenshot('lab-questions')

  // The star schema in the ER graph.
  await lab.getByRole('button', { name: 'Star Schema in ER Graph' }).click()
  // The ten OLTP tables, the star's dimensions, fact, bridges and etl_run.
  await expect
    .poll(async () => Number(/(\d+) tables/.exec((await page.getByTestId('er-status').textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(20)
  await page.waitForTimeout(1500)
  await app.screenshot('lab-star-er')
})
