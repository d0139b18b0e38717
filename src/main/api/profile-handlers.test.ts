import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChartData } from '../../shared/chart-spec'
import type { OverviewData, OverviewMappingResult, ProfileResult } from '../../shared/calls/profile'
import type { SourceSummary } from '../../shared/calls/sources'
import type { EventMap } from '../../shared/events'
import { chinookDb, tmpDir, ultrasoundDb } from '../core/profile/profile-fixtures'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
let chinook: SourceSummary
let ultrasound: SourceSummary
const finished: EventMap['job.finished'][] = []
const progress: EventMap['job.progress'][] = []

async function call(name: string, args: unknown): Promise<unknown> {
  const r = await route(name, args, ctx)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.result
}

beforeAll(async () => {
  dir = tmpDir()
  const chinookPath = chinookDb(dir)
  const ultrasoundPath = ultrasoundDb(dir)
  ctx = createApiContext({
    transport: 'bridge',
    dataDir: `${dir}/data`,
    emit: (name, payload) => {
      if (name === 'job.finished') finished.push(payload as EventMap['job.finished'])
      if (name === 'job.progress') progress.push(payload as EventMap['job.progress'])
    },
  })
  chinook = (await call('sources.openSqlite', { path: chinookPath })) as SourceSummary
  ultrasound = (await call('sources.openSqlite', { path: ultrasoundPath })) as SourceSummary
})

afterAll(async () => {
  await disposeApiContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

describe('analysis calls', () => {
  it('profile.start runs the profile job in a worker and delivers the result with per-column progress', async () => {
    const { jobId } = (await call('profile.start', { sourceId: chinook.sourceId, target: { table: 'Album' } })) as { jobId: string }
    const { jobId: oneColumn } = (await call('profile.start', { sourceId: chinook.sourceId, target: { table: 'Album' }, columns: ['Title'] })) as { jobId: string }
    for (let i = 0; i < 600 && !finished.some((f) => f.jobId === jobId); i++) await new Promise((r) => setTimeout(r, 100))
    const done = finished.find((f) => f.jobId === jobId)
    expect(done).toMatchObject({ state: 'done', kind: 'profile' })
    const result = done!.result as ProfileResult
    expect(result.columns.map((c) => c.name)).toEqual(['AlbumId', 'Title', 'ArtistId'])
    expect(result.rowCount).toBe(347)
    expect(progress.filter((p) => p.jobId === jobId).at(-1)).toMatchObject({ phase: 'done', done: 3, total: 3 })
    for (let i = 0; i < 600 && !finished.some((f) => f.jobId === oneColumn); i++) await new Promise((r) => setTimeout(r, 100))
    expect((finished.find((f) => f.jobId === oneColumn)?.result as ProfileResult).columns.map((c) => c.name)).toEqual(['Title'])
  })

  it('validates arguments before anything runs', async () => {
    await expect(call('profile.start', { sourceId: chinook.sourceId, target: { table: 'Album' }, sample: { rows: 0 } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    await expect(call('chart.data', { sourceId: chinook.sourceId, spec: { target: { table: 'Album' }, type: 'pie', x: { kind: 'category', column: 'ArtistId' } } })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    })
  })

  it('chart.data answers directly with labels, datasets and CSV rows', async () => {
    const c = (await call('chart.data', {
      sourceId: chinook.sourceId,
      spec: { target: { table: 'Track' }, type: 'bar', x: { kind: 'category', column: 'GenreId', limit: 5 }, y: { agg: 'mean', column: 'Milliseconds' } },
    })) as ChartData
    expect(c.labels).toHaveLength(6)
    expect(c.labels.at(-1)).toBe('(other)')
    expect(c.rows.rows).toHaveLength(6)
  })

  it('computes charts and the overview of a large file in a worker, with the same answer', async () => {
    const chartArgs = {
      sourceId: chinook.sourceId,
      spec: { target: { table: 'Invoice' }, type: 'line', x: { kind: 'date', column: 'InvoiceDate', bucket: 'quarter' }, y: { agg: 'median', column: 'Total' } },
    }
    const inline = (await call('chart.data', chartArgs)) as ChartData
    const before = finished.length
    process.env.SONOGRAPH_INLINE_ANALYSIS_BYTES = '0'
    try {
      const viaWorker = (await call('chart.data', chartArgs)) as ChartData
      expect(viaWorker).toEqual(inline)
      expect(finished.slice(before).map((f) => f.kind)).toEqual(['chartData'])
      const target = { sql: 'SELECT p.Gender, p.DateOfBirth, a.AppointmentDate, r.ReportDate FROM Patients p JOIN Appointments a ON a.PatientID = p.PatientID LEFT JOIN Reports r ON r.AppointmentID = a.AppointmentID' }
      const mapping = { visitDate: 'AppointmentDate', reportDate: 'ReportDate', birthDate: 'DateOfBirth', gender: 'Gender' }
      const data = (await call('overview.data', { sourceId: ultrasound.sourceId, target, mapping })) as OverviewData
      expect(data.visitsPerMonth?.labels).toEqual(['2025-02', '2025-03'])
      expect(finished.slice(before).map((f) => f.kind)).toEqual(['chartData', 'overviewData'])
    } finally {
      delete process.env.SONOGRAPH_INLINE_ANALYSIS_BYTES
    }
  })

  it('overview.map then overview.data on the ultrasound consolidation', async () => {
    const target = { sql: 'SELECT p.Gender, p.DateOfBirth, a.AppointmentDate, r.ReportDate FROM Patients p JOIN Appointments a ON a.PatientID = p.PatientID LEFT JOIN Reports r ON r.AppointmentID = a.AppointmentID' }
    const m = (await call('overview.map', { sourceId: ultrasound.sourceId, target })) as OverviewMappingResult
    expect(m.unsure).toEqual([])
    const data = (await call('overview.data', { sourceId: ultrasound.sourceId, target, mapping: m.mapping })) as OverviewData
    expect(data.visitsPerMonth?.labels).toEqual(['2025-02', '2025-03'])
    expect(data.agePyramid?.datasets.map((d) => d.label)).toEqual(['Female', 'Male'])
  })
})
