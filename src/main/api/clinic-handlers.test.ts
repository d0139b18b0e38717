import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClinicEtlRun, ClinicQuestionInfo, ClinicQuestionResult } from '../../shared/calls/clinic'
import type { SourceSummary } from '../../shared/calls/sources'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
const finished = new Map<string, { state: string; result?: unknown; error?: unknown }>()
const waiters = new Map<string, () => void>()

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  ctx = createApiContext({
    transport: 'bridge',
    dataDir: join(dir, 'data'),
    emit: (name, payload) => {
      if (name !== 'job.finished') return
      const e = payload as { jobId: string; state: string; result?: unknown; error?: unknown }
      finished.set(e.jobId, e)
      waiters.get(e.jobId)?.()
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

async function jobDone(jobId: string): Promise<{ state: string; result?: unknown; error?: unknown }> {
  if (!finished.has(jobId)) await new Promise<void>((resolve) => waiters.set(jobId, resolve))
  return finished.get(jobId)!
}

describe('clinic calls', () => {
  it('generate a lab under dataDir/labs, run the ETL on it, and answer the four questions in both forms', async () => {
    const gen = (await call('clinic.generate', { patients: 120, encounters: 600, seed: 3 })) as { jobId: string; target: string }
    expect(dirname(gen.target)).toBe(join(dir, 'data', 'labs'))
    const g = await jobDone(gen.jobId)
    expect(g.state).toBe('done')
    expect(existsSync(gen.target)).toBe(true)

    const src = (await call('sources.openSqlite', { path: gen.target })) as SourceSummary
    await expect(call('clinic.runQuestion', { sourceId: src.sourceId, questionId: 'readmission-rate' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await call('clinic.etlRuns', { sourceId: src.sourceId })).toEqual([])

    const etl = (await call('clinic.etl', { sourceId: src.sourceId, mode: 'full' })) as { jobId: string }
    const e = await jobDone(etl.jobId)
    expect(e).toMatchObject({ state: 'done', result: { mode: 'full', status: 'success' } })

    const qs = (await call('clinic.questions', {})) as ClinicQuestionInfo[]
    expect(qs.map((q) => q.id)).toEqual(['encounters-by-month', 'diagnosis-procedure-pairs', 'readmission-rate', 'allowed-by-specialty-month'])
    for (const q of qs) {
      expect(q.definition.length).toBeGreaterThan(40)
      const r = (await call('clinic.runQuestion', { sourceId: src.sourceId, questionId: q.id })) as ClinicQuestionResult
      expect(r.equal, r.differences.join('\n')).toBe(true)
      expect(r.columns).toEqual(q.columns)
      expect(r.rows.length).toBeGreaterThan(0)
    }
    const pairs = (await call('clinic.runQuestion', { sourceId: src.sourceId, questionId: 'diagnosis-procedure-pairs' })) as ClinicQuestionResult
    // Codes stay text for display.
    expect(typeof pairs.rows[0]![1]).toBe('string')

    // Generate more into the same lab, then an incremental load picks up only the new rows.
    const more = (await call('clinic.generate', { patients: 10, encounters: 60, seed: 4, append: true, target: { kind: 'sqlite', path: gen.target } })) as { jobId: string }
    expect((await jobDone(more.jobId)).state).toBe('done')
    const inc = (await call('clinic.etl', { sourceId: src.sourceId })) as { jobId: string }
    expect(await jobDone(inc.jobId)).toMatchObject({ state: 'done', result: { mode: 'incremental', rows: { 'fact_encounters.inserted': 60 } } })
    expect(((await call('clinic.runQuestion', { sourceId: src.sourceId, questionId: 'encounters-by-month' })) as ClinicQuestionResult).equal).toBe(true)

    const runs = (await call('clinic.etlRuns', { sourceId: src.sourceId })) as ClinicEtlRun[]
    expect(runs.map((r) => r.mode)).toEqual(['incremental', 'full'])
    expect(runs[1]).toMatchObject({ mode: 'full', status: 'success', rows: { 'fact_encounters.inserted': 600 } })
    expect(runs[1]!.watermark?.encounterId).toBe(600)
  })

  it('refuses to overwrite a chosen file, and rejects bad arguments before any job starts', async () => {
    const path = join(dir, 'mine.sqlite')
    const gen = (await call('clinic.generate', { patients: 10, encounters: 20, target: { kind: 'sqlite', path } })) as { jobId: string }
    expect((await jobDone(gen.jobId)).state).toBe('done')
    await expect(call('clinic.generate', { patients: 10, encounters: 20, target: { kind: 'sqlite', path } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', details: { field: 'target.path' } })
    await expect(call('clinic.generate', { patients: 0, encounters: 20 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', details: { field: 'patients' } })
    await expect(call('clinic.runQuestion', { sourceId: 'nope', questionId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
