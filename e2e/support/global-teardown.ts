import { existsSync, readFileSync } from 'node:fs'
import { e2eState, type E2eState } from './paths'

export default function globalTeardown(): void {
  if (!existsSync(e2eState)) return
  const state = JSON.parse(readFileSync(e2eState, 'utf8')) as E2eState
  try {
    if (state.pid) process.kill(state.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}
