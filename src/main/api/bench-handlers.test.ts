import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMap } from '../../shared/events'
import { SqliteDriver } from '../core/db/sqlite-driver'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
const finished: EventMap['job.finished'][] = []
const progress: EventMap['job.progress'][] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  const d = new SqliteDriver(join(dir, 'n.sqlite'), { writable: true, create: true })
  d.db.exec(`CREATE TABLE n (i INTEGER PRIMARY KEY, g INTEGER);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) INSERT INTO n SELECT i, i % 3 FROM s;`)
  d.db.close()
  ctx = createApiContext({
    transport: 'bridge',
    dataDir: join(dir, 'data'),
    emit: (name, payload) => {
      if (name === 'job.finished') finished.push(payload as EventMap['job.finished'])
      if (name === 'job.progress') progress.push(payload as EventMap['job.progress'])
    },
  })
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

async function waitFor(jobId: string): Promise<EventMap['job.finished']> {
  for (let i = 0; i < 600; i++) {
    const f = finished.find((e) => e.jobId === jobId)
    if (f) return f
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`job ${jobId} did not finish`)
}

describe('bench calls', () => {
  it('runs a custom pair as a background job and turns its result into a report and CSV', async () => {
    const { sourceId } = (await call('sources.openSqlite', { path: join(dir, 'n.sqlite') })) as { sourceId: string }
    expect(await call('bench.questions', { sourceId })).toEqual([])
    const pair = { id: 'p', title: 'Groups', a: { label: 'group', sql: 'SELECT g, count(*) FROM n GROUP BY g' }, b: { label: 'filtered', sql: 'SELECT g, count(*) FROM n WHERE i > 0 GROUP BY g' } }
    const { jobId } = (await call('bench.run', { sourceId, pairs: [pair], runs: 3, warmups: 0 })) as { jobId: string }
    const done = await waitFor(jobId)
    expect(done.state).toBe('done')
    expect(progress.some((p) => p.jobId === jobId && p.unit === 'queries' && p.phase === 'Groups: timed run 3/3')).toBe(true)
    const { markdown } = (await call('bench.report', { result: done.result })) as { markdown: string }
    expect(markdown).toContain('| Groups | 3 | group |')
    const { csv } = (await call('bench.resultsCsv', { result: done.result })) as { csv: string }
    expect(csv.trim().split('\n')).toHaveLength(7)
  })

  it('fails the job with MISMATCH and the differing rows when the forms disagree', async () => {
    const { sourceId } = (await call('sources.openSqlite', { path: join(dir, 'n.sqlite') })) as { sourceId: string }
    const pair = { id: 'bad', title: 'Groups', a: { label: 'group', sql: 'SELECT g, count(*) FROM n GROUP BY g' }, b: { label: 'wrong', sql: 'SELECT g, count(*) FROM n WHERE i > 1 GROUP BY g' } }
    const { jobId } = (await call('bench.run', { sourceId, pairs: [pair] })) as { jobId: string }
    const done = await waitFor(jobId)
    expect(done.state).toBe('failed')
    expect(done.error?.code).toBe('MISMATCH')
    expect(JSON.parse(String(done.error?.details?.onlyInA))).toEqual([[1, 1667]])
    expect(JSON.parse(String(done.error?.details?.onlyInB))).toEqual([[1, 1666]])
  })

  it('refuses an unknown built-in question and a result that is not one', async () => {
    const { sourceId } = (await call('sources.openSqlite', { path: join(dir, 'n.sqlite') })) as { sourceId: string }
    await expect(call('bench.run', { sourceId, pairs: ['readmissions'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(call('bench.report', { result: { hello: 1 } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
  })
})
