import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProfileResult } from '../../shared/calls/profile'
import mysql from 'mysql2/promise'
import { chinookDb, tmpDir } from '../core/profile/profile-fixtures'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../core/testing/mariadb'
import type { CliIO } from './cli-command'
import { profileCommand } from './profile-command'

let dir: string
let db: string
beforeAll(() => {
  dir = tmpDir()
  db = chinookDb(dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io(): CliIO & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (o.stdout += `${t}\n`),
    err: (t: string) => void (o.stderr += `${t}\n`),
    promptSecret: () => Promise.reject(new Error('no terminal')),
    env: {},
  }
  return o
}

describe('sonograph profile', () => {
  it('prints a readable table with one line per column', async () => {
    const a = io()
    expect(await profileCommand.run([db, 'Track'], a)).toBe(0)
    const lines = a.stdout.split('\n')
    expect(lines[0]).toMatch(/Track: 3503 rows, 9 columns/)
    expect(lines[2]).toMatch(/^column\s+kind\s+nulls\s+distinct\s+min\s+max\s+mean\s+median\s+sd\s+outliers\s+top values$/)
    expect(a.stdout).toMatch(/\nComposer\s+text\s+977 \(27\.9%\)\s+853\s/)
    expect(a.stdout).toMatch(/\nUnitPrice\s+number\s+0 \(0\.0%\)\s+2\s+0\.99\s+1\.99\s/)
  })

  it('prints JSON, profiles a query and labels a sample', async () => {
    const a = io()
    expect(await profileCommand.run([db, '--sql', 'SELECT Total FROM Invoice', '--json', '--sample', '40'], a)).toBe(0)
    const r = JSON.parse(a.stdout) as ProfileResult
    expect(r.sample).toEqual({ rows: 40, requested: 40, method: 'random' })
    expect(r.columns[0]).toMatchObject({ name: 'Total', kind: 'number', rows: 40 })
  })

  it('explains bad arguments with exit code 2 and missing tables with 1', async () => {
    const a = io()
    expect(await profileCommand.run([db], a)).toBe(2)
    expect(a.stderr).toMatch(/Name a table/)
    const b = io()
    expect(await profileCommand.run([db, 'Track', '--sample', 'x'], b)).toBe(2)
    const c = io()
    expect(await profileCommand.run([db, 'Nope'], c)).toBe(1)
    expect(c.stderr).toMatch(/No table or view named Nope/)
  })
})

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('sonograph profile --source mysql://', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    db = await createTestDatabase('profilecli')
    const c = await mysql.createConnection({ ...MARIADB, database: db.database })
    await c.query('CREATE TABLE t (id INT PRIMARY KEY, amount DECIMAL(8,2), seen DATE)')
    await c.query("INSERT INTO t VALUES (1, 10.5, '2024-01-01'), (2, 20, '2024-02-01'), (3, NULL, '2024-02-03'), (4, 30.25, NULL)")
    await c.end()
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('reads the password from the environment and prints the profile', async () => {
    const a = io()
    a.env = { SONOGRAPH_MYSQL_PASSWORD: MARIADB.password }
    const code = await profileCommand.run(['--source', `mysql://${MARIADB.user}@${MARIADB.host}:${MARIADB.port}/${db.database}`, 't', '--json'], a)
    expect(a.stderr).toBe('')
    expect(code).toBe(0)
    const r = JSON.parse(a.stdout) as ProfileResult
    expect(r.columns.map((c) => [c.name, c.kind, c.nulls])).toEqual([
      ['id', 'identifier', 0],
      ['amount', 'number', 1],
      ['seen', 'datetime', 1],
    ])
    expect(r.columns[1]!.number).toMatchObject({ count: 3, min: 10.5, max: 30.25, median: 20 })
  })
})
