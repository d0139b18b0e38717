import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/**
 * Electron needs better-sqlite3 built against its own ABI, tests and the CLI
 * need the Node build. `npm run rebuild:electron` puts the Electron build in
 * `native/electron/`; node_modules keeps the Node build, so neither breaks the other.
 */
function electronBinding(): string | undefined {
  if (!process.versions.electron) return undefined
  const root = process.env.SONOGRAPH_APP_ROOT ?? process.cwd()
  const candidate = join(root, 'native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

export interface OpenSqliteOptions {
  readonly?: boolean
  /** Fail instead of creating a missing file. */
  fileMustExist?: boolean
}

export function openSqlite(path: string, opts: OpenSqliteOptions = {}): Database.Database {
  const nativeBinding = electronBinding()
  return new Database(path, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  })
}

export type SqliteDatabase = Database.Database
