import { expect, type Locator, type Page } from '@playwright/test'
import type { AppPage } from './app'

/** A page model of the explorer: table browser, SQL console, schema inspector. */
export class ExplorerPage {
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

  source(name: string): Locator {
    return this.page.getByRole('region', { name: `Source ${name}` })
  }

  async sourceAction(name: string, action: 'SQL Console' | 'Schema'): Promise<void> {
    await this.source(name).getByRole('button', { name: action, exact: true }).click()
  }

  grid(table: string): Locator {
    return this.app.grid(`Rows of ${table}`)
  }

  /** The n-th data row (0-based) among those rendered. */
  row(grid: Locator, n: number): Locator {
    return grid.locator('.grid-body').getByRole('row').nth(n)
  }

  async sortBy(grid: Locator, column: string): Promise<void> {
    await grid.locator(`.th-button[title^="${column} "]`).click()
  }

  async filter(grid: Locator, column: string, op: 'contains' | 'eq' | 'range' | 'isNull' | 'notNull' | '', value?: string): Promise<void> {
    await grid.getByLabel(`Filter operator for ${column}`).selectOption(op)
    if (value !== undefined) {
      const input = grid.getByLabel(`Filter ${column}`, { exact: true })
      await input.fill(value)
      await input.press('Enter')
    }
  }

  rowCount(): Locator {
    return this.page.getByTestId('row-count')
  }

  editor(): Locator {
    return this.page.getByRole('textbox', { name: 'SQL editor' })
  }

  /** Replaces the editor's text; the cursor ends after it. */
  async typeSql(sql: string): Promise<void> {
    const ed = this.editor()
    await ed.click()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.press('Delete')
    await this.page.keyboard.insertText(sql)
    await expect(ed).toContainText(sql.split('\n').pop() ?? sql)
  }

  consoleStatus(): Locator {
    return this.page.getByTestId('console-status')
  }

  results(): Locator {
    return this.app.grid('Query results')
  }
}
