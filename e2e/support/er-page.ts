import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import type { AppPage } from './app'
import { state } from './app'

export interface GraphCounts {
  tables: number
  declared: number
  inferred: number
  visible: number
}

/** A page model of the ER graph tab. */
export class ErPage {
  readonly page: Page
  constructor(readonly app: AppPage) {
    this.page = app.page
  }

  /** File > Open Database…, a path typed into the dialog. */
  async openDatabase(path: string): Promise<void> {
    await this.app.menu('File', 'Open Database…')
    const dialog = this.page.getByRole('dialog', { name: 'Open Database' })
    await dialog.getByLabel(/Or a path/).fill(path)
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  /** Opens the source's ER Graph tab and waits until the tables are placed. */
  async openGraph(sourceName: string, timeout = 30_000): Promise<void> {
    await this.page.getByRole('region', { name: `Source ${sourceName}` }).getByRole('button', { name: 'ER Graph', exact: true }).click()
    await expect(this.graph()).toHaveAttribute('data-ready', 'true', { timeout })
  }

  graph(): Locator {
    return this.page.getByTestId('er-graph')
  }

  status(): Locator {
    return this.page.getByTestId('er-status')
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'ER graph tools' })
  }

  async counts(): Promise<GraphCounts> {
    const g = this.graph()
    const n = async (attr: string): Promise<number> => Number(await g.getAttribute(attr))
    return { tables: await n('data-tables'), declared: await n('data-declared'), inferred: await n('data-inferred'), visible: await n('data-visible') }
  }

  async find(table: string): Promise<void> {
    await this.toolbar().getByLabel('Find table').fill(table)
    await this.toolbar().getByRole('button', { name: 'Find', exact: true }).click()
  }

  async focus(hops: number): Promise<void> {
    await this.toolbar().getByLabel('Hops').selectOption(String(hops))
    await this.toolbar().getByRole('button', { name: 'Focus', exact: true }).click()
  }

  /** Export PNG from the toolbar; returns the download and the decoded size. */
  async exportPng(scale: 1 | 2 | 4, background: 'white' | 'transparent' = 'white'): Promise<{ download: Download; path: string; width: number; height: number; png: PNG }> {
    await this.toolbar().getByLabel('PNG scale').selectOption(String(scale))
    await this.toolbar().getByLabel('PNG background').selectOption(background)
    const waiting = this.page.waitForEvent('download')
    await this.toolbar().getByRole('button', { name: 'Export PNG' }).click()
    const download = await waiting
    const path = await this.save(download)
    const png = PNG.sync.read(readFileSync(path))
    return { download, path, width: png.width, height: png.height, png }
  }

  /** File > Export…, then one of the graph's options; returns the saved file's path. */
  async exportFromMenu(label: string | RegExp): Promise<{ download: Download; path: string }> {
    await this.app.menu('File', 'Export…')
    const waiting = this.page.waitForEvent('download')
    await this.page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: label }).click()
    const download = await waiting
    return { download, path: await this.save(download) }
  }

  private async save(download: Download): Promise<string> {
    const path = join(state().workDir, `download-${Date.now()}-${download.suggestedFilename()}`)
    await download.saveAs(path)
    return path
  }
}
