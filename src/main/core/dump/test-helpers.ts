import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { createJobContext } from '../jobs/job-context'
import { importToSqlite } from './import-to-sqlite'
import type { DumpImportResult } from '../../../shared/calls/dump'

export const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url))
export const TEST_DUMPS = fileURLToPath(new URL('../../../../test-data/dumps/', import.meta.url))

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export async function importFile(path: string, output: string, opts: { dialect?: 'auto' | 'mysql' | 'postgres' | 'sqlite'; strict?: boolean } = {}): Promise<DumpImportResult> {
  return importToSqlite({ path, output, dialect: opts.dialect ?? 'auto', strict: opts.strict ?? false }, createJobContext(() => undefined))
}

/** Reads a whole table or view, integers exact (BigInt past 2^53). */
export function readAll(file: string, sql: string): unknown[][] {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).safeIntegers(true).raw(true).all() as unknown[][]
  } finally {
    db.close()
  }
}

export function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    const names = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]
    return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number)]))
  } finally {
    db.close()
  }
}
