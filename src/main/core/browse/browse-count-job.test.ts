import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../db/sqlite-driver'
import { type ProgressUpdate, createJobContext } from '../jobs/job-context'
import { browseCountJob, quickEstimate } from './browse-count-job'

let dir: string
let path: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  path = join(dir, 'count.db')
  const d = new SqliteDriver(path, { writable: true, create: true })
  d.db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, g INTEGER);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 600000) INSERT INTO t SELECT i, i % 10 FROM s;
    DELETE FROM t WHERE id % 100 = 0;`)
  d.db.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('background row count', () => {
  it('counts with filters in key ranges, reporting progress', async () => {
    const updates: ProgressUpdate[] = []
    const r = await browseCountJob({ spec: { kind: 'sqlite', path, writable: false }, table: 't', filters: [{ op: 'eq', column: 'g', value: 3 }] }, createJobContext((u) => updates.push(u), undefined, 0))
    expect(r).toEqual({ count: 60000 })
    expect(updates.length).toBeGreaterThanOrEqual(3)
    expect(updates[updates.length - 1]!.done).toBe(updates[updates.length - 1]!.total)
    const all = await browseCountJob({ spec: { kind: 'sqlite', path, writable: false }, table: 't', filters: [] }, createJobContext(() => undefined))
    expect(all.count).toBe(594000)
  })

  it('stops when cancelled and estimates from the key span at once', async () => {
    const flag = new Int32Array([1])
    await expect(browseCountJob({ spec: { kind: 'sqlite', path, writable: false }, table: 't', filters: [] }, createJobContext(() => undefined, flag))).rejects.toMatchObject({
      code: 'CANCELLED',
    })
    const d = new SqliteDriver(path)
    expect(await quickEstimate(d, 't')).toBe(599999)
    await d.close()
  })
})
