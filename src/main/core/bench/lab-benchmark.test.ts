import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqliteSpec } from '../../../shared/source-spec'
import { AppError } from '../../../shared/errors'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext } from '../jobs/job-context'
import { clinicLab } from './clinic-lab'
import { hasLabTables, labPairs } from './lab-questions'
import { benchmarkReport } from './report'
import { benchmarkJob } from './runner'

const quiet = (): ReturnType<typeof createJobContext> => createJobContext(() => {}, new Int32Array(1), 0)
let dir: string
let spec: SqliteSpec

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  spec = { kind: 'sqlite', path: join(dir, 'lab.sqlite'), writable: true }
  await clinicLab.generate(spec, { patients: 400, encounters: 2000, seed: 7 }, quiet())
  await clinicLab.buildStar(spec, quiet())
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('benchmark of the healthcare lab (SQLite, small scale)', () => {
  it('answers all four questions the same on both models and times them', async () => {
    const d = new SqliteDriver(spec.path)
    expect(hasLabTables((await d.introspect()).tables.map((t) => t.name))).toBe(true)
    await d.close()
    const r = await benchmarkJob({ spec: { ...spec, writable: false }, pairs: labPairs('sqlite'), runs: 2, warmups: 0 }, quiet())
    expect(r.pairs.map((p) => p.id)).toEqual(['encounters-by-month', 'diagnosis-procedure-pairs', 'readmission-rate', 'allowed-by-specialty-month'])
    for (const p of r.pairs) {
      expect(p.resultRows).toBeGreaterThan(0)
      expect(p.comparedInOrder).toBe(true)
      expect(p.a.label).toBe('OLTP')
      expect(p.b.label).toBe('star')
      expect(p.a.timingsMs).toHaveLength(2)
      expect(p.b.plan?.steps.length).toBeGreaterThan(0)
    }
    expect(r.tableRows.encounters).toBe(2000)
    expect(r.tableRows.fact_encounters).toBe(2000)
    expect(benchmarkReport(r)).toContain('| 30-day readmission rate by specialty |')
  })

  it('stops at a deliberately wrong star query for readmissions and shows the differing rows', async () => {
    const pairs = labPairs('sqlite')
    const readmit = pairs.find((p) => p.id === 'readmission-rate')!
    // Wrong: counts every inpatient stay as readmitted when the flag is 0 or 1 (i.e. always).
    const wrong = { ...readmit, b: { ...readmit.b, sql: readmit.b.sql.replace(/SUM\(f\.readmitted_30d\)/g, 'SUM(f.readmitted_30d + 1)') } }
    expect(wrong.b.sql).not.toBe(readmit.b.sql)
    const err = (await benchmarkJob({ spec, pairs: [pairs[0]!, wrong], runs: 2, warmups: 0 }, quiet()).catch((e: unknown) => e)) as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('MISMATCH')
    expect(err.details?.pairId).toBe('readmission-rate')
    expect(err.message).toMatch(/no speedup is reported/)
    expect(err.message).toMatch(/Rows only in OLTP \(by position\):/)
    expect(JSON.parse(String(err.details?.onlyInB)).length).toBeGreaterThan(0)
  })
})
