import { join } from 'node:path'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { runDumpOnMysql, type MysqlTarget } from './mysql-target'
import { FIXTURES, TEST_DUMPS } from './test-helpers'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('running dumps natively on MariaDB', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlTarget
  beforeAll(async () => {
    db = await createTestDatabase('dump')
    spec = { kind: 'mysql', host: MARIADB.host, port: MARIADB.port, user: MARIADB.user, password: MARIADB.password, database: db.database, connectTimeoutMs: 10_000, stayInDatabase: true }
  })
  afterAll(async () => {
    await db?.drop()
  })

  async function query(sql: string): Promise<unknown[]> {
    const c = await mysql.createConnection({ ...MARIADB, database: db.database, supportBigNumbers: true, bigNumberStrings: true })
    try {
      return (await c.query(sql))[0] as unknown[]
    } finally {
      await c.end()
    }
  }

  it('the healthcare lab generator (recursive CTEs, RAND(), session variables, temporary tables), then its increment', async () => {
    const progress: number[] = []
    const ctx = createJobContext((u) => progress.push(u.done), undefined, 0)
    const r = await runDumpOnMysql(join(FIXTURES, 'seeds', 'healthcare_generated_10k_mysql.sql'), spec, ctx)
    expect(r.report.issues).toEqual([])
    expect(Object.fromEntries(r.report.tables.map((t) => [t.name, t.rows]))).toEqual({
      billing: 10200, departments: 15, diagnoses: 10000, encounter_diagnoses: 10200, encounter_procedures: 10200, encounters: 10200, patients: 10000, procedures: 10000, providers: 1000, specialties: 20,
    })
    expect(progress.length).toBeGreaterThan(5)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    const inc = await runDumpOnMysql(join(FIXTURES, 'seeds', 'healthcare_increment_3k_mysql.sql'), spec, createJobContext(() => undefined))
    expect(inc.report.issues).toEqual([])
    expect(inc.report.tables.find((t) => t.name === 'patients')?.rows).toBe(13000)
  })

  it('a mariadb-dump file with its executable comments, LOCK TABLES and binary strings; values as the source had them', async () => {
    const r = await runDumpOnMysql(join(TEST_DUMPS, 'mariadb-default.sql'), spec, createJobContext(() => undefined))
    expect(r.report.issues).toEqual([])
    expect((await query('SELECT HEX(`blob`) AS h, u64 FROM `values` WHERE id = 2'))[0]).toEqual({ h: '00010203FF', u64: '18446744073709551615' })
    expect(await query('SELECT COUNT(*) AS n FROM v_members')).toEqual([{ n: '5' }])
  })

  it('reports a failing statement with its line and goes on; strict stops there', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'sonograph-')), 'bad.sql')
    writeFileSync(file, 'CREATE TABLE ok1 (a INT);\nINSERT INTO nowhere VALUES (1);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nDELIMITER ;\nINSERT INTO ok1 VALUES (1);\n')
    const r = await runDumpOnMysql(file, spec, createJobContext(() => undefined))
    expect(r.report.issues).toEqual([{ kind: 'failed', line: 2, statement: 'INSERT INTO nowhere VALUES (1)', reason: expect.stringContaining("doesn't exist") }])
    expect(await query('SELECT a FROM ok1')).toEqual([{ a: 1 }])
    expect(await query(`SELECT ROUTINE_NAME AS r FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${db.database}'`)).toEqual([{ r: 'p' }])
    await expect(runDumpOnMysql(file, spec, createJobContext(() => undefined), { strict: true })).rejects.toMatchObject({ code: 'SQL_ERROR', details: { line: 1 } })
  })

  it('a wrong password is AUTH_FAILED', async () => {
    await expect(runDumpOnMysql(join(TEST_DUMPS, 'mariadb-compact.sql'), { ...spec, user: 'nobody_here', password: 'wrong' }, createJobContext(() => undefined))).rejects.toMatchObject({ code: expect.stringMatching(/AUTH_FAILED|CONNECTION_FAILED/) })
  })
})
