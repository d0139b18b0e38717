import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openSqlite } from '../core/db/sqlite-native'
import type { Handlers } from './router'

function exportDir(dataDir: string): string {
  const dir = join(dataDir, 'exports')
  mkdirSync(dir, { recursive: true })
  return dir
}

let sqliteVersion: string | undefined
function getSqliteVersion(): string {
  if (!sqliteVersion) {
    const db = openSqlite(':memory:')
    sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
    db.close()
  }
  return sqliteVersion
}

export const appHandlers: Handlers<'app.info' | 'jobs.cancel' | 'jobs.list'> = {
  'app.info': async (_args, ctx) => ({
    name: 'Sonograph',
    version: process.env.SONOGRAPH_VERSION ?? '0.1.0',
    transport: ctx.transport,
    platform: process.platform,
    sqliteVersion: getSqliteVersion(),
    exportDir: exportDir(ctx.dataDir),
  }),
  'jobs.cancel': async ({ jobId }, ctx) => ({ cancelled: await ctx.jobs.cancel(jobId) }),
  'jobs.list': async (_args, ctx) => ctx.jobs.running(),
}
