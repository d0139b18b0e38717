import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { MysqlClinicConn, SqliteClinicConn } from './clinic-conn'
import { compareResults } from './compare-results'
import { generateHealthcareJob } from './generate-job'
import { applyLabChanges } from './lab-changes'
import { allQuestions, etl, inline, mismatches } from './lab-test-helpers'
import { questions } from './questions'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('healthcare lab on MariaDB', () => {
  const dbs: { database: string; drop(): Promise<void> }[] = []
  const conns: MysqlClinicConn[] = []

  async function freshLab(name: string, patients: number, encounters: number, seed: number): Promise<MysqlClinicConn> {
    const db = await createTestDatabase(name)
    dbs.push(db)
    const spec = { kind: 'mysql' as const, ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    await generateHealthcareJob({ target: { kind: 'mysql', spec }, patients, encounters, seed }, inline)
    const conn = await MysqlClinicConn.open(spec)
    conns.push(conn)
    return conn
  }

  afterAll(async () => {
    for (const c of conns) await c.close()
    for (const d of dbs) await d.drop()
  })

  it.each([300, 3000])('OLTP and star forms of every question agree on %i generated encounters', async (encounters) => {
    const conn = await freshLab(`clinic${encounters}`, Math.ceil(encounters / 4), encounters, 42)
    const run = await etl(conn, 'full')
    expect(run.rows['fact_encounters.inserted']).toBe(encounters)
    const results = await allQuestions(conn)
    expect(mismatches(results)).toEqual([])
    for (const r of results) expect(r.oltp.rows.length).toBeGreaterThan(0)
    if (encounters !== 3000) return
    // The generator is engine-agnostic: the same seed on SQLite answers every question the same way.
    const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    try {
      const path = join(dir, 'same-seed.sqlite')
      await generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: Math.ceil(encounters / 4), encounters, seed: 42 }, inline)
      const lite = SqliteClinicConn.open(path)
      await etl(lite, 'full')
      const sqliteResults = await allQuestions(lite)
      await lite.close()
      for (const q of questions) {
        const a = results.find((r) => r.questionId === q.id)!
        const b = sqliteResults.find((r) => r.questionId === q.id)!
        expect(compareResults(q, a.star, b.star).differences, q.id).toEqual([])
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives the same data for the same seed on MariaDB', async () => {
    const conn = await freshLab('clinicseed', 100, 400, 123)
    const totals = (await conn.all(`SELECT COUNT(*) AS n, SUM(claim_amount) AS claimed FROM billing`))[0]!
    const again = await freshLab('clinicseed2', 100, 400, 123)
    expect((await again.all(`SELECT COUNT(*) AS n, SUM(claim_amount) AS claimed FROM billing`))[0]).toEqual(totals)
  })

  it('incremental load matches a full rebuild from scratch, with type 2 versions for moved providers', async () => {
    const conn = await freshLab('clinicincr', 750, 3000, 5)
    await etl(conn, 'full', '2025-06-01 00:00:00')
    const changes = await applyLabChanges(conn, { renamePatients: 25, moveProviders: 6, lateClaims: 40, readmissions: 12, lateCodes: 15, at: '2025-06-02 08:00:00' })
    const spec = { kind: 'mysql' as const, ...MARIADB, database: dbs[dbs.length - 1]!.database, connectTimeoutMs: 10_000 }
    await generateHealthcareJob({ target: { kind: 'mysql', spec }, patients: 100, encounters: 600, seed: 6, append: true }, inline)

    const run = await etl(conn, 'incremental', '2025-06-03 00:00:00')
    expect(run.mode).toBe('incremental')
    expect(run.rows['fact_encounters.inserted']).toBe(612)
    expect(run.rows['fact_encounters.updated']).toBeGreaterThanOrEqual(40)
    expect(run.rows['dim_patient.expired']).toBe(25)
    expect(run.rows['dim_provider.expired']).toBe(6)
    const incremental = await allQuestions(conn)
    expect(mismatches(incremental)).toEqual([])
    const moved = changes.providers[0]!
    const versions = await conn.all(`SELECT department_id, is_current FROM dim_provider WHERE provider_id = ? ORDER BY provider_key`, [moved.providerId])
    expect(versions).toEqual([
      { department_id: moved.from, is_current: 0 },
      { department_id: moved.to, is_current: 1 },
    ])

    const again = await etl(conn, 'incremental')
    expect(Object.values(again.rows).every((n) => n === 0)).toBe(true)

    await etl(conn, 'full')
    const rebuilt = await allQuestions(conn)
    expect(mismatches(rebuilt)).toEqual([])
    for (const q of questions) {
      const a = incremental.find((r) => r.questionId === q.id)!
      const b = rebuilt.find((r) => r.questionId === q.id)!
      expect(a.star.rows, q.id).toEqual(b.star.rows)
    }
    // The star's foreign keys are declared after the full load, so the ER graph can draw it.
    const fks = await conn.all(`SELECT TABLE_NAME AS t, COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'fact%' OR (CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'bridge%') GROUP BY TABLE_NAME ORDER BY TABLE_NAME`)
    expect(fks.map((r) => [r.t, Number(r.n)])).toEqual([
      ['bridge_encounter_diagnosis', 2],
      ['bridge_encounter_procedure', 3],
      ['fact_encounters', 7],
    ])
    const runs = await conn.all(`SELECT mode, status FROM etl_run ORDER BY run_id`)
    expect(runs.map((r) => `${String(r.mode)}:${String(r.status)}`)).toEqual(['full:success', 'incremental:success', 'incremental:success', 'full:success'])
  })
})
