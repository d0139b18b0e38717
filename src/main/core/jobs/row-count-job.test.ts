import { mkdtempSync, readdirSync, statSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../shared/jobs'
import { openSqlite } from '../db/sqlite-native'
import { RateTracker } from './job-context'
import { JobRunner, type JobEvents } from './job-runner'

const ROWS = 5_000_000
let dir: string
let dbPath: string

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-rowcount-'))
  dbPath = join(dir, 'big.sqlite')
  const db = openSqlite(dbPath)
  db.exec(`
    CREATE TABLE big(id INTEGER PRIMARY KEY, v INTEGER);
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${ROWS})
    INSERT INTO big(v) SELECT x % 1000 FROM c;
    CREATE TABLE small(a TEXT);
    INSERT INTO small VALUES ('x'), ('y'), (NULL);
  `)
  db.close()
}, 300_000)

function collectingRunner(onProgress?: (p: JobProgress) => void): { runner: JobRunner; progress: JobProgress[]; finished: Parameters<JobEvents['finished']>[0][] } {
  const progress: JobProgress[] = []
  const finished: Parameters<JobEvents['finished']>[0][] = []
  const runner = new JobRunner({
    progress: (p) => {
      progress.push(p)
      onProgress?.(p)
    },
    finished: (f) => finished.push(f),
  })
  return { runner, progress, finished }
}

describe('row-count job', () => {
  it('counts every table exactly in a worker thread, with progress events', async () => {
    const { runner, progress, finished } = collectingRunner()
    const { done } = runner.start('rowCount', { spec: { kind: 'sqlite', path: dbPath, writable: false } })
    const counts = await done
    expect(counts).toEqual({ big: ROWS, small: 3 })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total)
    expect(finished).toMatchObject([{ state: 'done', kind: 'rowCount' }])
  })

  it('cancels mid-count on a 5-million-row table: progress arrives first, nothing is changed', async () => {
    const before = { digest: digest(dbPath), mtime: statSync(dbPath).mtimeMs, files: readdirSync(dir).sort() }
    // Cancel from the job's first progress event, sent once the spans are known and before any
    // counting: nearly all 5 million rows are still to count when the flag is set.
    let cancelling: Promise<boolean> | undefined
    let jobId = ''
    const { runner, progress, finished } = collectingRunner(() => {
      cancelling ??= runner.cancel(jobId)
    })
    const started = runner.start('rowCount', { spec: { kind: 'sqlite', path: dbPath, writable: false }, chunkRows: 20_000 })
    jobId = started.jobId
    const { done } = started
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await cancelling).toBe(true)
    expect(finished).toHaveLength(1)
    expect(finished[0]?.state).toBe('cancelled')
    const last = progress.at(-1)!
    expect(last.done).toBeLessThan(ROWS)
    expect(last.total).toBe(ROWS + 3)
    expect(last.unit).toBe('rows')
    expect(runner.running()).toEqual([])
    expect({ digest: digest(dbPath), mtime: statSync(dbPath).mtimeMs, files: readdirSync(dir).sort() }).toEqual(before)
  })
})

describe('progress rate and estimate', () => {
  it('derives units per second and the time left from successive updates', () => {
    const t = new RateTracker()
    expect(t.update(0, 1000, 10_000)).toEqual({ rate: null, etaSeconds: null })
    expect(t.update(200, 1000, 11_000)).toEqual({ rate: 200, etaSeconds: 4 })
    expect(t.update(500, 1000, 12_000)).toEqual({ rate: 250, etaSeconds: 2 })
  })
})
