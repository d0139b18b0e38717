import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { loadChinookE2e } from './mysql-page'
import { e2eStateFile, projectRoot, screenshotsDir, sharedFixtures, type E2eState } from './paths'

/** Starts `sonograph serve` on a free port with a fresh data directory and builds the fixtures. */
export default async function globalSetup(): Promise<void> {
  const chromium = process.env.SONOGRAPH_CHROMIUM ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    throw new Error(`e2e needs Chromium at ${chromium}: apt-get install -y chromium (or set SONOGRAPH_CHROMIUM)`)
  }
  if (!existsSync(join(projectRoot, 'out', 'renderer', 'index.html'))) {
    throw new Error('e2e needs the built app: run `npx electron-vite build` first (npm run test:e2e does)')
  }
  const workDir = mkdtempSync(join(tmpdir(), 'sonograph-e2e-'))
  const dataDir = join(workDir, 'data')
  mkdirSync(screenshotsDir, { recursive: true })

  const chinookSqlite = join(workDir, 'Chinook.sqlite')
  const db = new Database(chinookSqlite)
  db.exec(readFileSync(join(sharedFixtures, 'chinook', 'Chinook_Sqlite.sql'), 'utf8'))
  db.close()

  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'sonograph.mjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`sonograph serve did not print its URL:\n${out}`)), 60_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString()
      process.stderr.write(d)
    })
    child.on('exit', (code) => reject(new Error(`sonograph serve exited with ${code}:\n${out}`)))
  })
  child.stdout.removeAllListeners('data')
  child.stdout.resume()
  child.unref()
  const state: E2eState = { url, pid: child.pid ?? 0, dataDir, workDir, chinookSqlite, ...(await loadChinookE2e()) }
  process.env.SONOGRAPH_E2E_RUN = `${process.pid}`
  writeFileSync(e2eStateFile(), JSON.stringify(state, null, 2))
}
