import { readFileSync } from 'node:fs'
import type { Download, Locator, Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { AppPage } from './app'

/** A page model of the benchmark tab: pairs, settings, results, sweep and exports. */
export class BenchPage {
  readonly app: AppPage
  constructor(readonly page: Page) {
    this.app = new AppPage(page)
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Benchmark' })
  }

  results(): Locator {
    return this.page.getByRole('region', { name: 'Benchmark results' })
  }

  speedupTable(): Locator {
    return this.page.getByRole('table', { name: 'Speedup table' })
  }

  mediansChart(): Locator {
    return this.results().getByRole('img', { name: /Median time per question/ })
  }

  sweep(): Locator {
    return this.page.getByRole('region', { name: 'Scale sweep' })
  }

  mismatch(): Locator {
    return this.page.getByRole('alert', { name: 'Mismatch report' })
  }

  async run(runs: number, warmups: number): Promise<void> {
    await this.toolbar().getByLabel('Runs', { exact: true }).fill(String(runs))
    await this.toolbar().getByLabel('Warm-ups', { exact: true }).fill(String(warmups))
    await this.toolbar().getByRole('button', { name: 'Run benchmark' }).click()
  }

  async addPair(title: string, a: string, b: string, labels?: [string, string]): Promise<void> {
    // The form is folded while the lab's questions are listed.
    if (!(await this.page.getByLabel('Query A').isVisible())) await this.page.getByText('Add your own pair (any two queries').click()
    const form = this.page.getByRole('group', { name: 'Add your own pair', exact: true })
    await form.getByLabel('Pair title').fill(title)
    if (labels) {
      await form.getByLabel('Label A').fill(labels[0])
      await form.getByLabel('Label B').fill(labels[1])
    }
    await form.getByLabel('Query A').fill(a)
    await form.getByLabel('Query B').fill(b)
    await form.getByRole('button', { name: 'Add pair' }).click()
  }

  /** Unticks every pair but the named ones. */
  async only(titles: string[]): Promise<void> {
    for (const box of await this.page.getByRole('region', { name: 'Pairs to benchmark' }).getByRole('checkbox', { name: /^Benchmark / }).all()) {
      const name = ((await box.getAttribute('aria-label')) ?? '').replace(/^Benchmark /, '')
      await box.setChecked(titles.includes(name))
    }
  }

  async download(action: () => Promise<void>): Promise<Download> {
    const dl = this.page.waitForEvent('download')
    await action()
    return dl
  }

  async png(action: () => Promise<void>, saveAs: string): Promise<{ png: PNG; name: string }> {
    const dl = await this.download(action)
    await dl.saveAs(saveAs)
    return { png: PNG.sync.read(readFileSync(saveAs)), name: dl.suggestedFilename() }
  }

  async text(action: () => Promise<void>, saveAs: string): Promise<{ text: string; name: string }> {
    const dl = await this.download(action)
    await dl.saveAs(saveAs)
    return { text: readFileSync(saveAs, 'utf8'), name: dl.suggestedFilename() }
  }
}
