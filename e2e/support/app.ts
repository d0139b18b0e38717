import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { e2eStateFile, screenshotsDir, type E2eState } from './paths'

export function state(): E2eState {
  return JSON.parse(readFileSync(e2eStateFile(), 'utf8')) as E2eState
}

/** A page model of the shell: menus, sidebar, tabs. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(state().url)
    await this.page.getByRole('menubar', { name: 'Main menu' }).waitFor()
  }

  async menu(menu: 'File' | 'View' | 'Help', item: string): Promise<void> {
    await this.page.getByRole('menubar', { name: 'Main menu' }).getByRole('menuitem', { name: menu, exact: true }).click()
    await this.page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item }).click()
  }

  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Sources' })
  }

  tableCount(table: string): Locator {
    return this.page.getByTestId(`count-${table}`)
  }

  async openTable(table: string): Promise<void> {
    await this.sidebar().locator(`[data-table="${table}"]`).first().click()
  }

  grid(label: string): Locator {
    return this.page.getByRole('grid', { name: label })
  }

  async screenshot(name: string): Promise<string> {
    const path = join(screenshotsDir, `${name}.png`)
    await this.page.screenshot({ path })
    return path
  }
}
