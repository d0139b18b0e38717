import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const sharedFixtures = join(projectRoot, '..', 'shared', 'fixtures')
/**
 * Where global setup writes the bridge URL, its data directory and built fixtures: one file per run
 * (global setup sets SONOGRAPH_E2E_RUN, which the workers inherit), so engineers running e2e at the
 * same time in one tree neither read each other's bridge nor kill it in teardown.
 */
export function e2eStateFile(): string {
  const run = process.env.SONOGRAPH_E2E_RUN
  return join(projectRoot, 'test-results', run ? `e2e-state-${run}.json` : 'e2e-state.json')
}
export const screenshotsDir = join(projectRoot, 'test-results', 'screenshots')

export interface E2eState {
  url: string
  pid: number
  dataDir: string
  workDir: string
  chinookSqlite: string
  /** A private MariaDB database loaded with Chinook (mysql.spec.ts); absent when the server did not answer. */
  mysqlDatabase?: string
  /** Why there is no mysqlDatabase (shown when mysql.spec.ts skips). */
  mysqlUnavailable?: string
}
