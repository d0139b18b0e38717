import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvOptionsSchema } from '../../../shared/calls/export'
import { cellText } from '../../../shared/cells'
import { planOfRecipe } from '../../../shared/recipe'
import type { MysqlSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import { exportCsvJob } from '../export/csv-export-job'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { loadRecipeFile } from './recipe-file'
import { measureFanout } from './fanout-measure'
import { previewPlan } from './run-plan'
import { saveResult } from './save-result'

const hasDb = await mariadbAvailable()
const fixtures = new URL('../../../../../shared/fixtures/seeds/', import.meta.url)
const recipes = new URL('../../../../resources/recipes/', import.meta.url)

describe.skipIf(!hasDb)('consolidation on MariaDB (MySQL dialect)', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec
  let driver: Driver
  let dir: string

  beforeAll(async () => {
    db = await createTestDatabase('consolidate')
    const c = await mysql.createConnection({ ...MARIADB, database: db.database, multipleStatements: true })
    // The dump has a column named Condition, reserved in MySQL; the four tables of the consolidation load as they are.
    const wanted = /^(CREATE TABLE|INSERT INTO) (Patients|Appointments|Ultrasound_Results|Reports)\b/
    const statements = readFileSync(new URL('ultrasound_db.sql', fixtures), 'utf8')
      .split(/;\s*\n/)
      .map((x) => x.trim())
      .filter((x) => wanted.test(x))
    expect(statements).toHaveLength(8)
    // Appointments references Doctors, which is not loaded: accepted with checks off, as a dump restore does.
    await c.query(`SET FOREIGN_KEY_CHECKS = 0; ${statements.join(';\n')};`)
    await c.end()
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    driver = await openDriver(spec)
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  })
  afterAll(async () => {
    await driver?.close()
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('reproduces the reference rows with the same recipe as on SQLite', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits.json', recipes).pathname))
    const preview = await previewPlan(driver, plan, 1000)
    expect(preview.sql).toContain('LEFT JOIN `Reports` AS `Reports`')
    const [header, ...refRows] = parse(readFileSync(new URL('ultrasound_consolidated_reference.csv', fixtures))) as string[][]
    expect(preview.columns.map((c) => c.name)).toEqual(header)
    // AppointmentDate is declared DATE: MySQL keeps the day only, where SQLite kept the whole text the dump inserted.
    const at = header!.indexOf('AppointmentDate')
    const norm = (rows: string[][]): string[] => rows.map((r) => JSON.stringify(r.map((v, i) => (i === at ? v.slice(0, 10) : v)))).sort()
    expect(norm(preview.rows.map((r) => r.map(cellText)))).toEqual(norm(refRows))
  })

  it('aggregates with GROUP_CONCAT and window functions: one row per appointment', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits-aggregated.json', recipes).pathname))
    const preview = await previewPlan(driver, plan, 1000)
    expect(preview.rowCount).toBe(10)
    const cols = preview.columns.map((c) => c.name)
    const first = Object.fromEntries(cols.map((c, i) => [c, cellText(preview.rows[0]![i]!)]))
    expect(first).toMatchObject({
      AppointmentID: '1',
      FullName: 'John Doe',
      AgeAtVisit: '44',
      VisitMonth: '2025-02',
      ReportCount: '2',
      FirstReportDate: '2025-02-20',
      LastReportDate: '2025-03-20',
      ReportTexts: 'Patient is responding well to treatment. | Cholesterol levels are stable.',
      DaysToFirstReport: '0',
    })
    const fan = await measureFanout(driver, plan)
    expect(fan.steps.find((s) => s.alias === 'Reports')).toMatchObject({ rowsMultiplied: 10, maxMatches: 2, strategy: 'aggregate' })
  })

  it('exports the plan as CSV through the generic writer and saves it as a view', async () => {
    const plan = planOfRecipe(await loadRecipeFile(new URL('ultrasound-visits-aggregated.json', recipes).pathname))
    const path = join(dir, 'visits.csv')
    const res = await exportCsvJob({ spec, what: { plan }, path, options: csvOptionsSchema.parse({ dates: 'iso' }) }, createJobContext(() => undefined))
    expect(res).toMatchObject({ rows: 10, fastPath: false })
    const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[]
    expect(rows[0]!.AppointmentDate).toBe('2025-02-20')
    expect(rows[0]!.ReportTexts).toBe('Patient is responding well to treatment. | Cholesterol levels are stable.')
    expect(rows[0]!.UltrasoundImage).toBe('')
    const saved = await saveResult(driver, plan, 'visits_by_appointment', 'view', false)
    expect(saved).toEqual({ name: 'visits_by_appointment', as: 'view', rows: 10 })
  })
})
