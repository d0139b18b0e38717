import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DumpImportResult } from '../../shared/calls/dump'
import type { JobProgress } from '../../shared/jobs'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

const ULTRASOUND = fileURLToPath(new URL('../../../../shared/fixtures/seeds/ultrasound_db.sql', import.meta.url))

let dir: string
let ctx: ApiContext
const progress: JobProgress[] = []
const finished = new Map<string, { state: string; result?: unknown; error?: { code: string } }>()
const waiters = new Map<string, () => void>()

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  ctx = createApiContext({
    transport: 'bridge',
    dataDir: join(dir, 'data'),
    emit: (name, payload) => {
      if (name === 'job.progress') progress.push(payload as JobProgress)
      if (name === 'job.finished') {
        const e = payload as { jobId: string; state: string; result?: unknown; error?: { code: string } }
        finished.set(e.jobId, e)
        waiters.get(e.jobId)?.()
      }
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

function done(jobId: string): Promise<{ state: string; result?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const check = (): void => resolve(finished.get(jobId)!)
    if (finished.has(jobId)) check()
    else waiters.set(jobId, check)
  })
}

describe('dump calls', () => {
  it('dump.import runs the importDump job into a new file under the data directory, with progress in bytes', async () => {
    const { jobId, outputPath } = (await call('dump.import', { path: ULTRASOUND })) as { jobId: string; outputPath: string }
    expect(outputPath).toBe(join(dir, 'data', 'imports', 'ultrasound_db.sqlite'))
    const end = await done(jobId)
    expect(end.state).toBe('done')
    const { report } = end.result as DumpImportResult
    expect(report.tables).toHaveLength(20)
    expect(report.text).toContain('Foreign key check: ok')
    expect(existsSync(outputPath)).toBe(true)
    const mine = progress.filter((p) => p.jobId === jobId)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((p) => p.unit === 'bytes' && p.total === readFileSync(ULTRASOUND).length)).toBe(true)
    expect(mine.some((p) => /rows loaded/.test(p.message ?? ''))).toBe(true)
    // A second import of the same dump gets a new name rather than replacing the first.
    const again = (await call('dump.import', { path: ULTRASOUND })) as { jobId: string; outputPath: string }
    expect(again.outputPath).toBe(join(dir, 'data', 'imports', 'ultrasound_db-2.sqlite'))
    await done(again.jobId)
  })

  it('jobs.cancel stops an import and leaves no file', async () => {
    const big = join(dir, 'big.sql')
    const lines = ['CREATE TABLE big (id INT, v TEXT);']
    const row = `'${'y'.repeat(200)}'`
    for (let s = 0; s < 300; s++) lines.push(`INSERT INTO big VALUES ${Array.from({ length: 1000 }, (_v, i) => `(${s * 1000 + i},${row})`).join(',')};`)
    writeFileSync(big, lines.join('\n'))
    const out = join(dir, 'cancelled.sqlite')
    const { jobId } = (await call('dump.import', { path: big, output: out })) as { jobId: string }
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (progress.some((p) => p.jobId === jobId) || finished.has(jobId)) {
          clearInterval(t)
          resolve()
        }
      }, 5)
    })
    await call('jobs.cancel', { jobId })
    const end = await done(jobId)
    expect(end.state).toBe('cancelled')
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled') || f.startsWith('.cancelled'))).toEqual([])
  })

  it('dump.import refuses a relative path; dump.saveReport writes the text', async () => {
    await expect(call('dump.import', { path: 'relative.sql' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', details: { field: 'path' } })
    const p = join(dir, 'report.txt')
    expect(await call('dump.saveReport', { path: p, text: 'hello\n' })).toEqual({ path: p })
    expect(readFileSync(p, 'utf8')).toBe('hello\n')
  })
})
