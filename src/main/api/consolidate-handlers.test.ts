import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CandidateTable, FanoutResult, PlanIssue, PreviewResult } from '../../shared/calls/consolidate'
import type { CsvExportResult } from '../../shared/calls/export'
import type { SourceSummary } from '../../shared/calls/sources'
import type { EventMap } from '../../shared/events'
import { planOfRecipe, type ConsolidationPlanInput, type Recipe } from '../../shared/recipe'
import { openSqlite } from '../core/db/sqlite-native'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
let ro: SourceSummary
let rw: SourceSummary
const finished: EventMap['job.finished'][] = []
const progress: EventMap['job.progress'][] = []

async function call<T>(name: string, args: unknown): Promise<T> {
  const r = await route(name, args, ctx)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.result as T
}

async function waitJob(jobId: string): Promise<EventMap['job.finished']> {
  for (let i = 0; i < 600; i++) {
    const f = finished.find((e) => e.jobId === jobId)
    if (f) return f
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`job ${jobId} did not finish`)
}

const recipePath = new URL('../../../resources/recipes/ultrasound-visits-aggregated.json', import.meta.url).pathname

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  const dbPath = join(dir, 'ultrasound.db')
  const db = openSqlite(dbPath)
  db.pragma('foreign_keys = OFF')
  db.exec(readFileSync(new URL('../../../../shared/fixtures/seeds/ultrasound_db.sql', import.meta.url), 'utf8'))
  // Big enough for several chunks and the second export thread.
  db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) INSERT INTO big SELECT i, 'value, ' || i FROM n;`)
  db.close()
  ctx = createApiContext({
    transport: 'bridge',
    dataDir: join(dir, 'data'),
    emit: (name, payload) => {
      if (name === 'job.finished') finished.push(payload as EventMap['job.finished'])
      if (name === 'job.progress') progress.push(payload as EventMap['job.progress'])
    },
  })
  ro = await call<SourceSummary>('sources.openSqlite', { path: dbPath })
  rw = await call<SourceSummary>('sources.openSqlite', { path: dbPath, writable: true })
})

afterAll(async () => {
  await disposeApiContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

describe('consolidation and export calls', () => {
  it('walks the wizard: candidates, fan-out warning, aggregation, preview, SQL', async () => {
    const cands = await call<CandidateTable[]>('consolidate.candidates', { sourceId: ro.sourceId, baseTable: 'Appointments' })
    const reports = cands.find((c) => c.table === 'Reports')!
    expect(reports.cardinality).toBe('oneToMany')
    const hop = reports.paths[0]!.hops[0]!
    const plan: ConsolidationPlanInput = {
      base: { table: 'Appointments' },
      joins: [{ alias: 'Reports', table: hop.to, from: hop.from, direction: hop.direction, fromColumns: hop.fromColumns, toColumns: hop.toColumns }],
      columns: [
        { kind: 'column', name: 'AppointmentID', ref: { alias: 'Appointments', column: 'AppointmentID' } },
        { kind: 'column', name: 'ReportText', ref: { alias: 'Reports', column: 'ReportText' } },
      ],
    }
    const fan = await call<FanoutResult>('consolidate.fanout', { sourceId: ro.sourceId, plan })
    expect(fan.steps[0]!.warning).toMatch(/more than one Reports/)
    expect(fan.resultRows).toBe(20)

    const aggregated: ConsolidationPlanInput = {
      ...plan,
      joins: [{ ...plan.joins![0]!, fanout: { strategy: 'aggregate', orderBy: 'ReportDate' } }],
      columns: [plan.columns[0]!, { kind: 'column', name: 'Reports', ref: { alias: 'Reports', column: 'ReportText', aggregate: 'join', separator: '; ' } }],
    }
    const preview = await call<PreviewResult>('consolidate.preview', { sourceId: ro.sourceId, plan: aggregated, limit: 3 })
    expect(preview.rowCount).toBe(10)
    expect(preview.rows).toHaveLength(3)
    expect(preview.rows[0]).toEqual([1, 'Patient is responding well to treatment.; Cholesterol levels are stable.'])
    const { sql } = await call<{ sql: string }>('consolidate.sql', { sourceId: ro.sourceId, plan: aggregated })
    expect(sql).toContain('group_concat')
  })

  it('rejects a free SQL expression that is not one expression', async () => {
    const plan: ConsolidationPlanInput = {
      base: { table: 'Patients' },
      columns: [{ kind: 'sql', name: 'x', expression: '1); DROP TABLE Patients; --' }],
    }
    const res = await call<{ ok: boolean; issues: PlanIssue[] }>('consolidate.validate', { sourceId: ro.sourceId, plan })
    expect(res.ok).toBe(false)
    expect(res.issues[0]!.message).toMatch(/Not a single SQL expression/)
    const bad = await call<{ ok: boolean; issues: PlanIssue[] }>('consolidate.validate', {
      sourceId: ro.sourceId,
      plan: { ...plan, columns: [{ kind: 'sql', name: 'x', expression: '"Patients"."Nope" + 1' }] },
    })
    expect(bad.issues[0]!.message).toMatch(/no such column/)
    const good = await call<{ ok: boolean }>('consolidate.validate', {
      sourceId: ro.sourceId,
      plan: { ...plan, columns: [{ kind: 'sql', name: 'x', expression: 'upper("Patients"."LastName")' }] },
    })
    expect(good.ok).toBe(true)
  })

  it('recipe validation names the missing table and column', async () => {
    const recipe = (await call<Recipe>('recipes.load', { path: recipePath }))
    const broken = JSON.parse(JSON.stringify(recipe)) as Recipe
    broken.joins[2]!.fanout = { strategy: 'aggregate', orderBy: 'ReportDay' }
    const res = await call<{ ok: boolean; issues: PlanIssue[] }>('recipes.validate', { sourceId: ro.sourceId, recipe: broken })
    expect(res.ok).toBe(false)
    expect(res.issues[0]).toMatchObject({ path: 'joins.2.fanout.orderBy', table: 'Reports', column: 'ReportDay' })
    expect(res.issues[0]!.message).toBe('Table "Reports" has no column "ReportDay"')
    const noTable = { ...recipe, base: { table: 'Visits' } }
    const res2 = await call<{ ok: boolean; issues: PlanIssue[] }>('recipes.validate', { sourceId: ro.sourceId, recipe: noTable })
    expect(res2.issues[0]!.message).toMatch(/no table "Visits"/)
    const notRecipe = await call<{ ok: boolean; issues: PlanIssue[] }>('recipes.validate', { sourceId: ro.sourceId, recipe: { version: 2 } })
    expect(notRecipe.ok).toBe(false)
    // Round trip through a file.
    const path = join(dir, 'copy.json')
    await call('recipes.save', { path, plan: planOfRecipe(recipe), name: 'copy' })
    expect((await call<Recipe>('recipes.load', { path })).name).toBe('copy')
  })

  it('export.csv runs a plan as a job and writes one row per appointment', async () => {
    const recipe = await call<Recipe>('recipes.load', { path: recipePath })
    const path = join(dir, 'visits.csv')
    const { jobId } = await call<{ jobId: string }>('export.csv', { sourceId: ro.sourceId, what: { plan: planOfRecipe(recipe) }, path, options: { encoding: 'utf8bom' } })
    const done = await waitJob(jobId)
    expect(done.state).toBe('done')
    expect((done.result as CsvExportResult).rows).toBe(10)
    const rows = parse(readFileSync(path), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(10)
    expect(rows[0]).toMatchObject({ AppointmentID: '1', ReportCount: '2', UltrasoundImage: '' })
  })

  it('export.csv of a large table reports progress in rows, and a cancel leaves no file', async () => {
    const path = join(dir, 'big.csv')
    const { jobId } = await call<{ jobId: string }>('export.csv', { sourceId: ro.sourceId, what: { table: 'big' }, path })
    const done = await waitJob(jobId)
    expect(done.state).toBe('done')
    expect(done.result).toMatchObject({ rows: 300_000, fastPath: true })
    expect(progress.some((p) => p.jobId === jobId && p.unit === 'rows' && p.phase === 'writing')).toBe(true)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('id,v\r\n1,"value, 1"\r\n2,"value, 2"\r\n')).toBe(true)
    expect(text.endsWith('300000,"value, 300000"\r\n')).toBe(true)

    const cancelled = join(dir, 'cancelled.csv')
    const started = await call<{ jobId: string }>('export.csv', { sourceId: ro.sourceId, what: { sql: 'SELECT a.id, b.v FROM big a JOIN big b ON b.id = a.id' }, path: cancelled })
    for (let i = 0; i < 300 && !progress.some((p) => p.jobId === started.jobId && p.done > 0); i++) await new Promise((r) => setTimeout(r, 20))
    expect(await call('jobs.cancel', { jobId: started.jobId })).toEqual({ cancelled: true })
    expect((await waitJob(started.jobId)).state).toBe('cancelled')
    expect(existsSync(cancelled)).toBe(false)
  })

  it('saves the result as a view or table only in a writable source', async () => {
    const plan = planOfRecipe(await call<Recipe>('recipes.load', { path: recipePath }))
    await expect(call('consolidate.save', { sourceId: ro.sourceId, plan, name: 'visits', as: 'table' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('consolidate.save', { sourceId: rw.sourceId, plan, name: 'visits', as: 'table' })).toEqual({ name: 'visits', as: 'table', rows: 10 })
    expect(await call('consolidate.save', { sourceId: rw.sourceId, plan, name: 'visits_v', as: 'view' })).toEqual({ name: 'visits_v', as: 'view', rows: 10 })
    await expect(call('consolidate.save', { sourceId: rw.sourceId, plan, name: 'visits', as: 'table' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    expect(existsSync(join(dir, 'ultrasound.db'))).toBe(true)
  })
})
