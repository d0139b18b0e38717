import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // SQLite files and MariaDB databases are per test file; two cores do not gain from more.
    maxWorkers: 2,
    pool: 'forks',
  },
})
