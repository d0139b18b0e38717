import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runDumpOnMysql } from '../dump/mysql-target'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { MysqlClinicConn } from './clinic-conn'
import { allQuestions, etl, inline, mismatches } from './lab-test-helpers'
import { questions } from './questions'

const hasDb = await mariadbAvailable()
const seed = (name: string): string => fileURLToPath(new URL(`../../../../../shared/fixtures/seeds/${name}`, import.meta.url))

describe.skipIf(!hasDb)("the lab's own generator scripts on MariaDB", () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c()
  })

  it('healthcare_generated_10k_mysql.sql runs through the importer, the ETL builds a star from it, and the four questions agree; so again after the 3k increment and an incremental load', async () => {
    const db = await createTestDatabase('clinicscript')
    cleanup.push(() => db.drop())
    const spec = { kind: 'mysql' as const, ...MARIADB, database: db.database, connectTimeoutMs: 10_000, stayInDatabase: true }
    const loaded = await runDumpOnMysql(seed('healthcare_generated_10k_mysql.sql'), spec, inline, { strict: true })
    expect(loaded.report.issues).toEqual([])

    const conn = await MysqlClinicConn.open(spec)
    cleanup.push(() => conn.close())
    const full = await etl(conn, 'full')
    expect(full.rows['fact_encounters.inserted']).toBe(10_200)
    expect(full.rows['bridge_encounter_diagnosis']).toBe(10_200)
    const first = await allQuestions(conn)
    expect(mismatches(first)).toEqual([])
    // The script injects 200 inpatient readmissions within 30 days; the star finds them.
    const readmit = first.find((r) => r.questionId === 'readmission-rate')!
    expect(readmit.star.rows.reduce((s, row) => s + Number(row[2]), 0)).toBeGreaterThanOrEqual(200)

    const inc = await runDumpOnMysql(seed('healthcare_increment_3k_mysql.sql'), spec, inline, { strict: true })
    expect(inc.report.issues).toEqual([])
    const run = await etl(conn, 'incremental')
    expect(run.mode).toBe('incremental')
    expect(run.rows['fact_encounters.inserted']).toBe(3000)
    expect(run.rows['dim_patient.inserted']).toBe(3000)
    const incremental = await allQuestions(conn)
    expect(mismatches(incremental)).toEqual([])

    await etl(conn, 'full')
    const rebuilt = await allQuestions(conn)
    for (const q of questions) {
      expect(incremental.find((r) => r.questionId === q.id)!.star.rows, q.id).toEqual(rebuilt.find((r) => r.questionId === q.id)!.star.rows)
    }
  }, 600_000) // runs the lab's 10k script, a full and an incremental ETL on MariaDB: minutes on a loaded machine
})
