import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellText, type Cell } from '../../../shared/cells'
import { planOfRecipe } from '../../../shared/recipe'
import { SqliteDriver } from '../db/sqlite-driver'
import { findCandidates, usableRelationships } from './candidates'
import { loadRecipeFile } from './recipe-file'
import { measureFanout } from './fanout-measure'
import { previewPlan } from './run-plan'
import { csvOptionsSchema } from '../../../shared/calls/export'
import { consolidationPlanSchema } from '../../../shared/recipe'
import { relationshipId } from '../../../shared/schema-model'
import { exportCsvJob } from '../export/csv-export-job'
import { createJobContext } from '../jobs/job-context'

const fixtures = new URL('../../../../../shared/fixtures/seeds/', import.meta.url)
const recipes = new URL('../../../../resources/recipes/', import.meta.url)

function rowKey(row: string[]): string {
  return JSON.stringify(row)
}
const asText = (c: Cell): string => cellText(c)

describe('ultrasound consolidation (the original pipeline, planned by the wizard)', () => {
  let dir: string
  let driver: SqliteDriver

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    driver = new SqliteDriver(join(dir, 'ultrasound.db'), { writable: true, create: true })
    // better-sqlite3 enforces foreign keys; the dump inserts children before some parents, as sqlite3 (FKs off) accepts.
    driver.db.pragma('foreign_keys = OFF')
    driver.db.exec(readFileSync(new URL('ultrasound_db.sql', fixtures), 'utf8'))
  })
  afterAll(async () => {
    await driver.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('offers the tables around Appointments in both directions, with paths', async () => {
    const model = await driver.introspect()
    const cands = findCandidates(model, 'Appointments', usableRelationships(model))
    const byName = new Map(cands.map((c) => [c.table, c]))
    expect(byName.get('Patients')?.cardinality).toBe('manyToOne')
    expect(byName.get('Reports')?.cardinality).toBe('oneToMany')
    const reportsHop = byName.get('Reports')!.paths[0]!.hops
    expect(reportsHop).toHaveLength(1)
    expect(reportsHop[0]).toMatchObject({ from: 'Appointments', direction: 'child', fromColumns: ['AppointmentID'], toColumns: ['AppointmentID'] })
    // Departments is two hops away through Doctors.
    expect(byName.get('Departments')?.paths[0]?.hops.map((h) => h.to)).toEqual(['Doctors', 'Departments'])
    // Ultrasound_Results is reachable directly and through Patients.
    expect(byName.get('Ultrasound_Results')!.paths.length).toBeGreaterThan(1)
  })

  it('reproduces the reference CSV rows with the shipped recipe', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits.json', recipes).pathname))
    const preview = await previewPlan(driver, plan, 1000)
    const reference = parse(readFileSync(new URL('ultrasound_consolidated_reference.csv', fixtures)), { bom: true }) as string[][]
    const [header, ...refRows] = reference
    expect(preview.columns.map((c) => c.name)).toEqual(header)
    expect(preview.rowCount).toBe(refRows.length)
    const ours = preview.rows.map((r) => rowKey(r.map(asText))).sort()
    expect(ours).toEqual(refRows.map(rowKey).sort())
    expect(preview.sql).toContain('LEFT JOIN "Reports" AS "Reports"')
  })

  it('reports the fan-out of Reports per Appointment', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits.json', recipes).pathname))
    const fan = await measureFanout(driver, plan)
    const reports = fan.steps.find((s) => s.alias === 'Reports')!
    expect(reports).toMatchObject({ rowsBefore: 10, rowsMultiplied: 10, maxMatches: 2, rowsIfJoined: 20, strategy: 'rows' })
    expect(reports.warning).toMatch(/10 rows have more than one Reports/)
    const us = fan.steps.find((s) => s.alias === 'Ultrasound_Results')!
    expect(us.rowsMultiplied).toBe(0)
    expect(us.warning).toBeUndefined()
    expect(fan.resultRows).toBe(20)
  })

  it('the aggregated recipe gives exactly one row per appointment', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits-aggregated.json', recipes).pathname))
    const appointments = (await driver.query('SELECT COUNT(*) FROM Appointments')).rows[0]![0]
    const preview = await previewPlan(driver, plan, 1000)
    expect(preview.rowCount).toBe(appointments)
    const ids = preview.rows.map((r) => r[0])
    expect(new Set(ids).size).toBe(ids.length)
    const cols = preview.columns.map((c) => c.name)
    const first = Object.fromEntries(cols.map((c, i) => [c, preview.rows[0]![i]]))
    expect(first).toMatchObject({
      AppointmentID: 1,
      FullName: 'John Doe',
      AgeAtVisit: 44,
      VisitMonth: '2025-02',
      ReportCount: 2,
      FirstReportDate: '2025-02-20',
      LastReportDate: '2025-03-20',
      LastReportText: 'Cholesterol levels are stable.',
      ReportTexts: 'Patient is responding well to treatment. | Cholesterol levels are stable.',
      DaysToFirstReport: 0,
    })
    const fan = await measureFanout(driver, plan)
    expect(fan.steps.find((s) => s.alias === 'Reports')).toMatchObject({ strategy: 'aggregate', rowsMultiplied: 10 })
    expect(fan.steps.find((s) => s.alias === 'Reports')?.warning).toBeUndefined()
    expect(fan.resultRows).toBe(appointments)
  })

  it('spreads the first N children into numbered columns', async () => {
    const plan = consolidationPlanSchema.parse({
      base: { table: 'Appointments' },
      joins: [
        { alias: 'R', table: 'Reports', from: 'Appointments', direction: 'child', fromColumns: ['AppointmentID'], toColumns: ['AppointmentID'], fanout: { strategy: 'spread', count: 3, orderBy: 'ReportDate' } },
      ],
      columns: [
        { kind: 'column', name: 'AppointmentID', ref: { alias: 'Appointments', column: 'AppointmentID' } },
        { kind: 'column', name: 'ReportDate', ref: { alias: 'R', column: 'ReportDate' } },
        { kind: 'daysBetween', name: 'DaysToSecondReport', from: { alias: 'Appointments', column: 'AppointmentDate' }, to: { alias: 'R', column: 'ReportDate', index: 2 } },
      ],
      orderBy: [{ column: 'AppointmentID' }],
    })
    const preview = await previewPlan(driver, plan, 2)
    expect(preview.columns.map((c) => c.name)).toEqual(['AppointmentID', 'ReportDate_1', 'ReportDate_2', 'ReportDate_3', 'DaysToSecondReport'])
    expect(preview.rowCount).toBe(10)
    expect(preview.rows[0]).toEqual([1, '2025-02-20', '2025-03-20', null, 28])
  })

  it('follows an accepted inferred relationship, not a rejected one', async () => {
    const model = await driver.introspect()
    const rel = (accepted: boolean) => {
      const r = { childTable: 'Lab_Tests', childColumns: ['TestName'], parentTable: 'Clinics', parentColumns: ['ClinicName'] }
      return { id: relationshipId(r), ...r, origin: 'inferred' as const, confidence: 0.9, accepted }
    }
    const yes = findCandidates(model, 'Clinics', usableRelationships(model, [rel(true)]))
    expect(yes.find((c) => c.table === 'Lab_Tests')?.paths[0]?.hops[0]).toMatchObject({ direction: 'child', origin: 'inferred' })
    const no = findCandidates(model, 'Clinics', usableRelationships(model, [rel(false)]))
    expect(no.find((c) => c.table === 'Lab_Tests')).toBeUndefined()
  })

  it('exports a plan without ORDER BY by base rowid ranges, the same rows as the generic writer', async () => {
    const recipe = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits.json', recipes).pathname))
    const plan = { ...recipe, orderBy: [] }
    const spec = { kind: 'sqlite' as const, path: join(dir, 'ultrasound.db'), writable: false }
    const options = csvOptionsSchema.parse({})
    const fast = await exportCsvJob({ spec, what: { plan }, path: join(dir, 'fast.csv'), options }, createJobContext(() => undefined))
    const generic = await exportCsvJob({ spec, what: { plan }, path: join(dir, 'generic.csv'), options, engine: 'generic' }, createJobContext(() => undefined))
    expect(fast).toMatchObject({ rows: 20, fastPath: true })
    expect(generic).toMatchObject({ rows: 20, fastPath: false })
    const read = (f: string) => (parse(readFileSync(join(dir, f))) as string[][]).map((r) => JSON.stringify(r)).sort()
    expect(read('fast.csv')).toEqual(read('generic.csv'))
    const reference = parse(readFileSync(new URL('ultrasound_consolidated_reference.csv', fixtures))) as string[][]
    expect(read('fast.csv')).toEqual(reference.map((r) => JSON.stringify(r)).sort())
  })
})
