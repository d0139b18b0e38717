import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createJobContext } from '../jobs/job-context'
import { SqliteClinicConn } from './clinic-conn'
import { generateHealthcareJob, type GenerateHealthcareArgs } from './generate-job'
import { runEtl } from './etl'
import { applyLabChanges } from './lab-changes'
import { allQuestions, etl, inline, mismatches } from './lab-test-helpers'
import { questions } from './questions'

const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function generate(name: string, a: Omit<GenerateHealthcareArgs, 'target'>): Promise<string> {
  const path = join(dir, name)
  await generateHealthcareJob({ ...a, target: { kind: 'sqlite', path } }, inline)
  return path
}

async function withConn<T>(path: string, fn: (c: SqliteClinicConn) => Promise<T>): Promise<T> {
  const conn = SqliteClinicConn.open(path)
  try {
    return await fn(conn)
  } finally {
    await conn.close()
  }
}

describe('healthcare lab on SQLite', () => {
  it.each([300, 3000])('OLTP and star forms of every question agree on %i generated encounters', async (encounters) => {
    const path = await generate(`lab-${encounters}.sqlite`, { patients: Math.ceil(encounters / 4), encounters, seed: 42 })
    await withConn(path, async (conn) => {
      const run = await etl(conn, 'full')
      expect(run.rows['fact_encounters.inserted']).toBe(encounters)
      const results = await allQuestions(conn)
      expect(mismatches(results)).toEqual([])
      for (const r of results) expect(r.oltp.rows.length).toBeGreaterThan(0)
      // The readmission question is not trivially zero on generated data.
      const readmit = results.find((r) => r.questionId === 'readmission-rate')!
      expect(readmit.star.rows.some((row) => Number(row[2]) > 0)).toBe(true)
    })
  })

  it('generates realistic data: three encounter types, 1-5 diagnoses, 0-4 procedures, allowed never above claimed', async () => {
    const path = await generate('realism.sqlite', { patients: 500, encounters: 3000, seed: 9, readmissionRate: 0.3 })
    await withConn(path, async (conn) => {
      const types = await conn.all(`SELECT encounter_type AS t, COUNT(*) AS n FROM encounters GROUP BY encounter_type ORDER BY n DESC`)
      expect(types.map((r) => r.t)).toEqual(['Outpatient', 'ER', 'Inpatient'])
      const dx = (await conn.all(`SELECT MIN(n) AS lo, MAX(n) AS hi FROM (SELECT COUNT(*) AS n FROM encounter_diagnoses GROUP BY encounter_id)`))[0]!
      expect([dx.lo, dx.hi]).toEqual([1, 5])
      const px = (await conn.all(`SELECT MAX(n) AS hi FROM (SELECT COUNT(*) AS n FROM encounter_procedures GROUP BY encounter_id)`))[0]!
      expect(Number(px.hi)).toBeLessThanOrEqual(4)
      expect((await conn.all(`SELECT COUNT(*) AS n FROM billing WHERE allowed_amount > claim_amount`))[0]!.n).toBe(0)
      expect((await conn.all(`SELECT COUNT(*) AS n FROM encounters WHERE discharge_date < encounter_date`))[0]!.n).toBe(0)
      const los = (await conn.all(`SELECT AVG(julianday(discharge_date) - julianday(encounter_date)) AS d FROM encounters WHERE encounter_type = 'Inpatient'`))[0]!
      expect(Number(los.d)).toBeGreaterThan(2)
      expect(Number(los.d)).toBeLessThan(8)
      // Seasonality: winter months are busier than summer months.
      const byMonth = await conn.all(`SELECT strftime('%m', encounter_date) AS m, COUNT(*) AS n FROM encounters GROUP BY m`)
      const n = (m: string): number => Number(byMonth.find((r) => r.m === m)?.n ?? 0)
      expect(n('01')).toBeGreaterThan(n('07') * 1.3)
      // Every patient has a plausible birth date and gender.
      expect((await conn.all(`SELECT COUNT(*) AS n FROM patients WHERE gender NOT IN ('F', 'M', 'U') OR date_of_birth > '2023-01-01' OR date_of_birth < '1920-01-01'`))[0]!.n).toBe(0)
      await etl(conn, 'full')
      const rate = (await conn.all(`SELECT AVG(readmitted_30d) AS r FROM fact_encounters f JOIN dim_encounter_type t USING (encounter_type_key) WHERE t.is_inpatient = 1`))[0]!
      expect(Number(rate.r)).toBeGreaterThan(0.15)
    })
  })

  it('gives the same data for the same seed and different data for another seed', async () => {
    const dump = (path: string): Promise<string> =>
      withConn(path, async (conn) => {
        const parts: string[] = []
        for (const t of ['patients', 'providers', 'encounters', 'encounter_diagnoses', 'encounter_procedures', 'billing']) {
          parts.push(JSON.stringify((await conn.table(`SELECT * FROM ${t} ORDER BY 1`)).rows))
        }
        return parts.join('\n')
      })
    const a = await dump(await generate('seed-a.sqlite', { patients: 100, encounters: 400, seed: 123 }))
    const b = await dump(await generate('seed-b.sqlite', { patients: 100, encounters: 400, seed: 123 }))
    const c = await dump(await generate('seed-c.sqlite', { patients: 100, encounters: 400, seed: 124 }))
    expect(a).toBe(b)
    expect(a).not.toBe(c)
  })

  it('leaves no file behind when generation is cancelled', async () => {
    const cancel = new Int32Array(1)
    const ctx = createJobContext((u) => {
      if (u.phase === 'encounters') Atomics.store(cancel, 0, 1)
    }, cancel, 0)
    const path = join(dir, 'cancelled.sqlite')
    await expect(generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: 2000, encounters: 40_000, seed: 1 }, ctx)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([])
  })

  it('incremental load (new data, renamed patients, moved providers, late claims, readmissions) matches a full rebuild, and re-running changes nothing', async () => {
    const path = await generate('incr.sqlite', { patients: 750, encounters: 3000, seed: 5 })
    const changes = await withConn(path, async (conn) => {
      await etl(conn, 'full', '2025-06-01 00:00:00')
      return applyLabChanges(conn, { renamePatients: 25, moveProviders: 6, lateClaims: 40, readmissions: 12, lateCodes: 15, at: '2025-06-02 08:00:00' })
    })
    await generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: 100, encounters: 600, seed: 6, append: true }, inline)
    const rebuilt = join(dir, 'incr-rebuilt.sqlite')
    copyFileSync(path, rebuilt)

    const incremental = await withConn(path, async (conn) => {
      const run = await etl(conn, 'incremental', '2025-06-03 00:00:00')
      expect(run.mode).toBe('incremental')
      expect(run.rows['fact_encounters.inserted']).toBe(600 + 12)
      expect(run.rows['fact_encounters.updated']).toBeGreaterThanOrEqual(40)
      expect(run.rows['dim_patient.expired']).toBe(25)
      expect(run.rows['dim_provider.expired']).toBe(6)
      expect(run.rows['fact_encounters.readmission_flags']).toBeGreaterThan(0)
      const results = await allQuestions(conn)
      expect(mismatches(results)).toEqual([])
      // The question 2 aggregate is exact for every pair, not only the top 20 the question shows.
      const all = (await conn.table(`SELECT dg.icd10_code, pr.cpt_code, COUNT(DISTINCT ed.encounter_id) FROM encounter_diagnoses ed
        JOIN encounter_procedures ep ON ep.encounter_id = ed.encounter_id JOIN diagnoses dg ON dg.diagnosis_id = ed.diagnosis_id
        JOIN procedures pr ON pr.procedure_id = ep.procedure_id GROUP BY 1, 2 ORDER BY 1, 2`)).rows
      expect((await conn.table(`SELECT icd10_code, cpt_code, encounters FROM agg_diagnosis_procedure_pairs ORDER BY 1, 2`)).rows).toEqual(all)
      // Every declared key of the star (and of the OLTP tables) resolves; the ER graph draws those keys.
      expect(await conn.all('PRAGMA foreign_key_check')).toEqual([])
      expect((await conn.all(`SELECT "table" AS t FROM pragma_foreign_key_list('fact_encounters')`)).map((r) => r.t).sort()).toEqual(
        ['dim_date', 'dim_date', 'dim_department', 'dim_encounter_type', 'dim_patient', 'dim_provider', 'dim_specialty'],
      )
      // Idempotent: a second incremental run finds nothing to do and changes no answer.
      const again = await etl(conn, 'incremental', '2025-06-04 00:00:00')
      expect(Object.values(again.rows).every((n) => n === 0)).toBe(true)
      expect(mismatches(await allQuestions(conn))).toEqual([])
      const runs = await conn.all(`SELECT mode, status, watermark, rows_json FROM etl_run ORDER BY run_id`)
      expect(runs.map((r) => `${String(r.mode)}:${String(r.status)}`)).toEqual(['full:success', 'incremental:success', 'incremental:success'])
      expect(JSON.parse(String(runs[1]!.watermark)).encounterId).toBe(3000 + 12 + 600)
      return results
    })
    const full = await withConn(rebuilt, async (conn) => {
      await etl(conn, 'full')
      return allQuestions(conn)
    })
    for (const q of questions) {
      const a = incremental.find((r) => r.questionId === q.id)!
      const b = full.find((r) => r.questionId === q.id)!
      expect(a.star.rows, q.id).toEqual(b.star.rows)
    }
    expect(changes.patients).toHaveLength(25)
  })

  it('keeps type 2 history: facts before a provider changes department point at the old version, later facts at the new one', async () => {
    const path = await generate('scd.sqlite', { patients: 200, encounters: 1200, seed: 11 })
    await withConn(path, async (conn) => {
      await etl(conn, 'full', '2025-01-01 00:00:00')
      const { providers } = await applyLabChanges(conn, { moveProviders: 1, at: '2025-01-05 09:00:00' })
      const moved = providers[0]!
      await conn.run(`INSERT INTO encounters VALUES (100000, 1, ?, 'Outpatient', '2025-01-06 10:00:00', '2025-01-06 10:30:00', ?)`, [moved.providerId, moved.to])
      await etl(conn, 'incremental', '2025-01-07 00:00:00')
      const versions = await conn.all(
        `SELECT provider_key, department_id, department_name, valid_from, valid_to, is_current FROM dim_provider WHERE provider_id = ? ORDER BY provider_key`,
        [moved.providerId],
      )
      expect(versions).toHaveLength(2)
      const [old, cur] = versions as [Record<string, unknown>, Record<string, unknown>]
      expect(old).toMatchObject({ department_id: moved.from, is_current: 0, valid_to: '2025-01-07 00:00:00' })
      expect(cur).toMatchObject({ department_id: moved.to, is_current: 1, valid_from: '2025-01-07 00:00:00', valid_to: '9999-12-31 23:59:59' })
      expect(cur.department_name).not.toBe(old.department_name)
      const keys = await conn.all(
        `SELECT f.encounter_id < 100000 AS before_change, f.provider_key AS k, COUNT(*) AS n FROM fact_encounters f JOIN encounters e ON e.encounter_id = f.encounter_id WHERE e.provider_id = ? GROUP BY 1, 2 ORDER BY 1 DESC`,
        [moved.providerId],
      )
      expect(keys).toEqual([
        { before_change: 1, k: old.provider_key, n: expect.any(Number) },
        { before_change: 0, k: cur.provider_key, n: 1 },
      ])
      expect(mismatches(await allQuestions(conn))).toEqual([])
    })
  })

  it('a cancelled ETL rolls back: the star stays as the last run left it, and the run is recorded as cancelled', async () => {
    const path = await generate('cancel-etl.sqlite', { patients: 200, encounters: 1000, seed: 8 })
    await withConn(path, async (conn) => {
      await etl(conn, 'full')
      await generateHealthcareJob({ target: { kind: 'sqlite', path }, patients: 10, encounters: 100, seed: 9, append: true }, inline)
      const cancel = new Int32Array(1)
      const ctx = createJobContext((u) => {
        if (u.phase === 'bridges') Atomics.store(cancel, 0, 1)
      }, cancel, 0)
      await expect(runEtl(conn, { mode: 'incremental' }, ctx)).rejects.toMatchObject({ code: 'CANCELLED' })
      expect((await conn.all(`SELECT COUNT(*) AS n FROM fact_encounters`))[0]!.n).toBe(1000)
      const runs = await conn.all(`SELECT mode, status FROM etl_run ORDER BY run_id`)
      expect(runs.map((r) => `${String(r.mode)}:${String(r.status)}`)).toEqual(['full:success', 'incremental:cancelled'])
      const next = await etl(conn, 'incremental')
      expect(next.rows['fact_encounters.inserted']).toBe(100)
      expect(mismatches(await allQuestions(conn))).toEqual([])
    })
  })

  it('refuses a database without the lab tables and records nothing half-done', async () => {
    const path = join(dir, 'empty.sqlite')
    const conn = SqliteClinicConn.open(path, { create: true })
    try {
      await expect(etl(conn, 'full')).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await conn.all(`SELECT name FROM sqlite_schema WHERE name LIKE 'fact_%'`)).toEqual([])
    } finally {
      await conn.close()
    }
  })
})
