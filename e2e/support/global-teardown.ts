import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dropChinookE2e } from './mysql-page'
import { e2eStateFile, type E2eState } from './paths'

export default async function globalTeardown(): Promise<void> {
  const file = e2eStateFile()
  if (!existsSync(file)) return
  const state = JSON.parse(readFileSync(file, 'utf8')) as E2eState
  try {
    if (state.pid) process.kill(state.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  if (state.mysqlDatabase) await dropChinookE2e(state.mysqlDatabase)
  // One state file per run: remove it so they do not pile up.
  if (process.env.SONOGRAPH_E2E_RUN) rmSync(file, { force: true })
}
