import { defineConfig } from '@playwright/test'

/**
 * e2e runs the real renderer against the real main-process code through the
 * browser bridge, in Debian's Chromium (Playwright cannot download browsers
 * here). Set SONOGRAPH_CHROMIUM to use another Chromium binary.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.SONOGRAPH_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
})
