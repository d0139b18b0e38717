import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const sharedFixtures = join(projectRoot, '..', 'shared', 'fixtures')
/** Where global setup writes the bridge URL, its data directory and built fixtures. */
export const e2eState = join(projectRoot, 'test-results', 'e2e-state.json')
export const screenshotsDir = join(projectRoot, 'test-results', 'screenshots')

export interface E2eState {
  url: string
  pid: number
  dataDir: string
  workDir: string
  chinookSqlite: string
}
