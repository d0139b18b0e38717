import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../core/db/sqlite-driver'
import { benchCommand } from './bench-command'
import type { CliIO } from './cli-command'

let dir: string
let db: string

function io(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = []
  const errText: string[] = []
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t), promptSecret: () => Promise.reject(new Error('no tty')), env: {} }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  db = join(dir, 'n.sqlite')
  const d = new SqliteDriver(db, { writable: true, create: true })
  d.db.exec(`CREATE TABLE n (i INTEGER PRIMARY KEY, g INTEGER);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000) INSERT INTO n SELECT i, i % 4 FROM s;`)
  d.db.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const pair = (bSql: string): string =>
  JSON.stringify([{ id: 'g', title: 'By group', a: { label: 'plain', sql: 'SELECT g, count(*) FROM n GROUP BY g' }, b: { label: 'other', sql: bSql } }])

describe('sonograph bench', () => {
  it('benchmarks a pairs file and writes the report and the raw timings', async () => {
    writeFileSync(join(dir, 'ok.json'), pair('SELECT g, count(*) FROM n WHERE i >= 1 GROUP BY g'))
    const t = io()
    const code = await benchCommand.run([db, '--pairs', join(dir, 'ok.json'), '--runs', '3', '--warmups', '0', '--report', join(dir, 'r.md')], t)
    expect(code).toBe(0)
    expect(t.outText[0]).toMatch(/^By group: plain .* vs other .* \(medians\) → /)
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('| By group | 4 | plain |')
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n')).toHaveLength(7)
  })

  it('exits 3 with the differing rows, and writes no report, when the two queries disagree', async () => {
    writeFileSync(join(dir, 'bad.json'), pair('SELECT g, count(*) FROM n WHERE i > 4 GROUP BY g'))
    const t = io()
    const code = await benchCommand.run([db, '--pairs', join(dir, 'bad.json'), '--report', join(dir, 'bad.md')], t)
    expect(code).toBe(3)
    expect(t.errText.join('\n')).toMatch(/Rows only in plain:\n {2}\(0, 750\)/)
    expect(existsSync(join(dir, 'bad.md'))).toBe(false)
  })

  it('explains what is missing: no report path, or no lab tables and no pairs', async () => {
    const t = io()
    expect(await benchCommand.run([db], t)).toBe(2)
    expect(t.errText[0]).toMatch(/--report FILE\.md is required/)
    const u = io()
    expect(await benchCommand.run([db, '--report', join(dir, 'x.md')], u)).toBe(1)
    expect(u.errText.join('\n')).toMatch(/no healthcare lab star schema/)
  })
})
