import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { readFileSync } from 'node:fs'
import { AppPage } from './app'

/** Page model of the analysis tabs: profile cards, chart builder, clinic overview, chart toolbars. */
export class AnalysisPage {
  readonly app: AppPage
  constructor(readonly page: Page) {
    this.app = new AppPage(page)
  }

  source(name: string): Locator {
    return this.app.sidebar().getByRole('region', { name: `Source ${name}` })
  }

  async openSource(path: string): Promise<void> {
    await this.app.menu('File', 'Open Database…')
    const open = this.page.getByRole('dialog', { name: 'Open Database' })
    await open.getByLabel(/Or a path/).fill(path)
    await open.getByRole('button', { name: 'Open', exact: true }).click()
  }

  async profileTable(table: string): Promise<void> {
    await this.app.sidebar().getByRole('button', { name: `Profile ${table}`, exact: true }).first().click()
    await expect(this.page.getByTestId('profile-summary')).toBeVisible({ timeout: 60_000 })
  }

  column(name: string): Locator {
    return this.page.getByRole('article', { name: `Column ${name}`, exact: true })
  }

  async stat(column: string, stat: string): Promise<string> {
    return (await this.column(column).locator(`[data-stat="${stat}"] dd`).textContent()) ?? ''
  }

  /** Opens a source action (Charts, Clinic Overview) and picks the table or view it works on. */
  async openOnTable(sourceName: string, action: 'Charts' | 'Clinic Overview', table: string): Promise<void> {
    await this.source(sourceName).getByRole('button', { name: action, exact: true }).click()
    await this.page.getByLabel('Table or view to analyse').selectOption(table)
    await this.page.getByRole('button', { name: 'Use table' }).click()
  }

  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: title, exact: true })
  }

  canvas(title: string): Locator {
    return this.page.getByTestId(`chart-canvas-${title}`)
  }

  async download(action: () => Promise<void>): Promise<Download> {
    const dl = this.page.waitForEvent('download')
    await action()
    return dl
  }

  /** Saves a chart as PNG from its toolbar and decodes it. */
  async pngFromToolbar(title: string, saveAs: string): Promise<PNG> {
    const dl = await this.download(() => this.page.getByRole('button', { name: `Save ${title} as PNG` }).click())
    await dl.saveAs(saveAs)
    return PNG.sync.read(readFileSync(saveAs))
  }

  async csvFromExportMenu(label: string, saveAs: string): Promise<string> {
    await this.app.menu('File', 'Export…')
    const dl = await this.download(() => this.page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: label }).click())
    await dl.saveAs(saveAs)
    return readFileSync(saveAs, 'utf8')
  }

  async activateTab(title: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name: title }).click()
  }
}
