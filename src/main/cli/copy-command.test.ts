import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../core/db/sqlite-driver'
import { loadChinookInto } from '../core/db/mysql-test-chinook'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../core/testing/mariadb'
import type { CliIO } from './cli-command'
import { copyCommand } from './copy-command'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('sonograph copy', () => {
  let db: { database: string; drop(): Promise<void> }
  let dir: string
  beforeAll(async () => {
    db = await createTestDatabase('cli_copy')
    await loadChinookInto(db.database)
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  })
  afterAll(async () => {
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  function io(): CliIO & { outText: string[]; errText: string[] } {
    const outText: string[] = []
    const errText: string[] = []
    return {
      outText,
      errText,
      out: (t) => outText.push(t),
      err: (t) => errText.push(t),
      env: { SONOGRAPH_MYSQL_PASSWORD: MARIADB.password },
      promptSecret: () => Promise.reject(new Error('no terminal')),
    }
  }
  const url = () => `mysql://${MARIADB.user}@${MARIADB.host}:${MARIADB.port}/${db.database}`

  it('copies chosen tables into a SQLite file and reports rows per table', async () => {
    const out = join(dir, 'music.sqlite')
    const cli = io()
    const code = await copyCommand.run(['--source', url(), '--tables', 'Artist,Album', '-o', out], cli)
    expect(cli.errText.filter((l) => l.startsWith('sonograph copy'))).toEqual([])
    expect(code).toBe(0)
    expect(cli.outText.join('\n')).toContain('Artist: 275 rows')
    expect(cli.outText.join('\n')).toContain('Album: 347 rows')
    const d = new SqliteDriver(out)
    expect((await d.introspect()).tables.map((t) => t.name).sort()).toEqual(['Album', 'Artist'])
    await d.close()
    // A second run refuses to replace the file without --force.
    const again = io()
    expect(await copyCommand.run(['--source', url(), '--tables', 'Artist', '-o', out], again)).toBe(2)
    expect(again.errText.join('\n')).toContain('already exists')
    expect(await copyCommand.run(['--source', url(), '--tables', 'Artist', '-o', out, '--force'], io())).toBe(0)
  })

  it('explains what is wrong: missing output, password in the URL, unknown table, wrong password', async () => {
    expect(await copyCommand.run(['--source', url()], io())).toBe(2)
    const pw = io()
    expect(await copyCommand.run(['--source', `mysql://${MARIADB.user}:secret@${MARIADB.host}/${db.database}`, '-o', join(dir, 'x.sqlite')], pw)).toBe(2)
    expect(pw.errText.join('\n')).toContain('SONOGRAPH_MYSQL_PASSWORD')
    const missing = io()
    expect(await copyCommand.run(['--source', url(), '--tables', 'Nope', '-o', join(dir, 'y.sqlite')], missing)).toBe(1)
    expect(missing.errText.join('\n')).toContain('Nope')
    const wrong = io()
    wrong.env.SONOGRAPH_MYSQL_PASSWORD = 'not-the-password'
    expect(await copyCommand.run(['--source', url(), '-o', join(dir, 'z.sqlite')], wrong)).toBe(1)
    expect(wrong.errText.join('\n')).toMatch(/Access denied for user/)
    expect(existsSync(join(dir, 'z.sqlite'))).toBe(false)
  })
})
