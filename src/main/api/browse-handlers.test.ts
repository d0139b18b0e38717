import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowsePage, ConsoleResult, CountResult } from '../../shared/calls/browse'
import type { SourceSummary } from '../../shared/calls/sources'
import { SqliteDriver } from '../core/db/sqlite-driver'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
let ro: SourceSummary

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  const path = join(dir, 'c.sqlite')
  const d = new SqliteDriver(path, { writable: true, create: true })
  d.db.exec(`CREATE TABLE n (i INTEGER PRIMARY KEY, g INTEGER, t TEXT);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) INSERT INTO n SELECT i, i % 3, 'row ' || i FROM s;`)
  d.db.close()
  ctx = createApiContext({ transport: 'bridge', dataDir: join(dir, 'data'), emit: () => undefined })
  ro = (await call('sources.openSqlite', { path })) as SourceSummary
})
afterAll(async () => {
  await disposeApiContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

async function call(name: string, args: unknown): Promise<unknown> {
  const r = await route(name, args, ctx)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.result
}

describe('browse and console calls', () => {
  it('browse.page validates and pages; browse.count answers inline for small tables', async () => {
    const p = (await call('browse.page', { sourceId: ro.sourceId, table: 'n', sort: { column: 'g', dir: 'desc' }, limit: 3 })) as BrowsePage
    expect(p.rows.map((r) => r[0])).toEqual([5000, 4997, 4994])
    expect(p.columns.map((c) => c.name)).toEqual(['i', 'g', 't'])
    await expect(call('browse.page', { sourceId: ro.sourceId, table: 'n', limit: 5000 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    await expect(call('browse.page', { sourceId: ro.sourceId, table: 'n', sort: { column: 'nope', dir: 'asc' } })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      details: { field: 'sort.column' },
    })
    const c = (await call('browse.count', { sourceId: ro.sourceId, table: 'n', filters: [{ op: 'eq', column: 'g', value: 0 }] })) as CountResult
    expect(c).toEqual({ count: 1666, jobId: null, estimate: 5000 })
  })

  it('console.run runs in a job worker and returns cells', async () => {
    const r = (await call('console.run', { sourceId: ro.sourceId, sql: 'SELECT i, t FROM n WHERE g = ?1 ORDER BY i', params: [1], limit: 2 })) as ConsoleResult
    expect(r.rows).toEqual([
      [1, 'row 1'],
      [4, 'row 4'],
    ])
    expect(r.truncated).toBe(true)
  })

  it('console.cancel stops a long query', async () => {
    const sql = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c WHERE x % 1000 = 0'
    const run = call('console.run', { sourceId: ro.sourceId, sql, limit: 10_000, runId: 'long-1' })
    await new Promise((r) => setTimeout(r, 300))
    expect(await call('console.cancel', { runId: 'long-1' })).toEqual({ cancelled: true })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await call('console.cancel', { runId: 'long-1' })).toEqual({ cancelled: false })
  })

  it('console.plan gives a tree and console.split finds the statement under the cursor', async () => {
    const plan = (await call('console.plan', { sourceId: ro.sourceId, sql: 'SELECT * FROM n WHERE i IN (SELECT i FROM n WHERE g = 1) ORDER BY t' })) as {
      tree: { detail: string; children: unknown[] }[]
    }
    expect(plan.tree.length).toBeGreaterThan(0)
    expect(JSON.stringify(plan.tree)).toMatch(/SEARCH n USING INTEGER PRIMARY KEY|LIST SUBQUERY|USE TEMP B-TREE/)
    const sql = "SELECT ';' AS a; -- x; y\nSELECT 2 /* ; */;\n\nSELECT 3"
    const s = (await call('console.split', { sql, cursor: sql.indexOf('2') })) as { statements: { text: string }[]; current: { text: string } }
    expect(s.statements.map((x) => x.text)).toEqual(["SELECT ';' AS a", '-- x; y\nSELECT 2 /* ; */', 'SELECT 3'])
    expect(s.current.text).toBe('-- x; y\nSELECT 2 /* ; */')
  })
})
