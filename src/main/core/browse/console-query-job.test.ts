import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext } from '../jobs/job-context'
import { consoleQueryJob } from './console-query-job'

let dir: string
let path: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  path = join(dir, 'c.sqlite')
  const d = new SqliteDriver(path, { writable: true, create: true })
  d.db.exec(`CREATE TABLE n (i INTEGER PRIMARY KEY, g INTEGER, t TEXT, b BLOB);
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000) INSERT INTO n SELECT i, i % 3, 'row ' || i, NULL FROM s;
    UPDATE n SET b = x'00ff', i = 9007199254740993 WHERE i = 5000;`)
  d.db.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ctx = (): ReturnType<typeof createJobContext> => createJobContext(() => undefined)
const ro = (): { kind: 'sqlite'; path: string; writable: boolean } => ({ kind: 'sqlite', path, writable: false })
const rw = (): { kind: 'sqlite'; path: string; writable: boolean } => ({ kind: 'sqlite', path, writable: true })

describe('console queries', () => {
  it('returns the first rows as cells with columns, cut at the limit', async () => {
    const r = await consoleQueryJob({ spec: ro(), sql: '-- hi\nSELECT i, t FROM n WHERE g = ?1 ORDER BY i;', params: [1], limit: 10 }, ctx())
    expect(r.rows[0]).toEqual([1, 'row 1'])
    expect(r.rowCount).toBe(10)
    expect(r.truncated).toBe(true)
    expect(r.columns.map((c) => c.name)).toEqual(['i', 't'])
    const big = await consoleQueryJob({ spec: ro(), sql: 'SELECT i, b FROM n WHERE b IS NOT NULL', limit: 10 }, ctx())
    expect(big.rows).toEqual([[{ $int: '9007199254740993' }, { $blob: { size: 2, hex: '00ff', truncated: false } }]])
  })

  it('refuses writes on a read-only source with a clear error, runs them on a writable one', async () => {
    await expect(consoleQueryJob({ spec: ro(), sql: 'SELECT 1; DELETE FROM n', limit: 10 }, ctx())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/read-only/),
    })
    const w = await consoleQueryJob({ spec: rw(), sql: "UPDATE n SET t = 'x' WHERE i <= 3; SELECT count(*) FROM n WHERE t = 'x'", limit: 10 }, ctx())
    expect(w.changes).toBe(3)
    expect(w.rows).toEqual([[3]])
    expect(w.statements).toBe(2)
  })

  it('reports SQL errors and an empty script', async () => {
    await expect(consoleQueryJob({ spec: ro(), sql: 'SELEC 1', limit: 10 }, ctx())).rejects.toMatchObject({ code: 'SQL_ERROR' })
    await expect(consoleQueryJob({ spec: ro(), sql: '-- nothing', limit: 10 }, ctx())).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
  })

  it('a cancelled write is rolled back', async () => {
    const flag = new Int32Array(1)
    let seen = 0
    const c = createJobContext(() => undefined, flag)
    const cancelling = {
      ...c,
      progress: c.progress,
      get cancelled() {
        return c.cancelled
      },
      throwIfCancelled() {
        // Cancel arrives after the UPDATE ran, before the commit.
        if (++seen === 2) Atomics.store(flag, 0, 1)
        c.throwIfCancelled()
      },
    }
    await expect(consoleQueryJob({ spec: rw(), sql: "UPDATE n SET t = 'gone'; SELECT 1", limit: 10 }, cancelling)).rejects.toMatchObject({ code: 'CANCELLED' })
    const after = await consoleQueryJob({ spec: ro(), sql: "SELECT count(*) FROM n WHERE t = 'gone'", limit: 10 }, ctx())
    expect(after.rows).toEqual([[0]])
  })

  it('stops a streaming query between rows once cancelled', async () => {
    const flag = new Int32Array(1)
    const sql = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c'
    // An endless query: only the cancel check between rows can end it.
    Atomics.store(flag, 0, 1)
    await expect(consoleQueryJob({ spec: ro(), sql, limit: 10_000 }, createJobContext(() => undefined, flag))).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})
