import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartSpecSchema } from '../../../shared/chart-spec'
import type { ColumnProfile, ProfileResult } from '../../../shared/calls/profile'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { chartData } from './chart-data'
import { overviewData, overviewMapping } from './clinic-overview'
import { profileSource } from './profile-job'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('profile on MariaDB', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>
  let admin: mysql.Connection
  let driver: Driver
  let r: ProfileResult

  const one = async (sql: string): Promise<unknown> => {
    const [rows] = await admin.query({ sql, rowsAsArray: true })
    return (rows as unknown[][])[0]?.[0]
  }
  const col = (name: string): ColumnProfile => r.columns.find((c) => c.name === name)!

  beforeAll(async () => {
    db = await createTestDatabase('profile')
    admin = await mysql.createConnection({ ...MARIADB, database: db.database, dateStrings: true })
    await admin.query(`CREATE TABLE visits (id INT PRIMARY KEY, age INT, amount DECIMAL(10,2), score DOUBLE, gender VARCHAR(10),
      visit_date DATE, report_at DATETIME, birth_date DATE, note TEXT)`)
    const rows: unknown[][] = []
    for (let i = 1; i <= 300; i++) {
      const visit = new Date(Date.UTC(2024, 0, 1) + ((i * 7) % 400) * 86_400_000)
      const report = new Date(visit.getTime() + ((i % 30) * 24 + (i % 24)) * 3_600_000)
      rows.push([
        i,
        i % 17 === 0 ? null : (i * 37) % 90,
        i % 11 === 0 ? null : ((i * 13) % 500) / 4,
        i === 300 ? 10_000 : ((i * 7919) % 1000) / 10,
        i % 13 === 0 ? null : i % 3 === 0 ? 'Female' : 'Male',
        visit.toISOString().slice(0, 10),
        report.toISOString().slice(0, 19).replace('T', ' '),
        `${1940 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
        i % 4 === 0 ? null : `note ${i % 25}`,
      ])
    }
    await admin.query('INSERT INTO visits VALUES ?', [rows])
    driver = await openDriver({ kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 })
    r = await profileSource(driver, { target: { table: 'visits' } }, createJobContext(() => {}))
  })

  afterAll(async () => {
    await driver?.close()
    await admin?.end()
    await db?.drop()
  })

  it('matches SQL run on the server for counts, distinct, top values and number statistics', async () => {
    for (const c of r.columns) {
      const q = `\`${c.name}\``
      expect(c.rows, c.name).toBe(300)
      expect(c.nulls, c.name).toBe(Number(await one(`SELECT count(*) - count(${q}) FROM visits`)))
      expect(c.distinct, c.name).toBe(Number(await one(`SELECT count(DISTINCT ${q}) FROM visits`)))
      const [top] = await admin.query({ sql: `SELECT ${q}, count(*) AS n FROM visits WHERE ${q} IS NOT NULL GROUP BY ${q} ORDER BY n DESC, ${q} LIMIT 10`, rowsAsArray: true })
      expect(c.topValues.map((t) => t.count), c.name).toEqual((top as unknown[][]).map((t) => Number(t[1])))
    }
    for (const name of ['age', 'amount', 'score']) {
      const s = col(name).number!
      expect(col(name).kind).toBe('number')
      expect(s.mean).toBeCloseTo(Number(await one(`SELECT avg(${name} * 1e0) FROM visits`)), 9)
      expect(s.stddev!).toBeCloseTo(Number(await one(`SELECT stddev_samp(${name} * 1e0) FROM visits`)), 6)
      expect(s.min).toBe(Number(await one(`SELECT min(${name}) FROM visits`)))
      expect(s.max).toBe(Number(await one(`SELECT max(${name}) FROM visits`)))
      const n = Number(await one(`SELECT count(${name}) FROM visits`))
      const at = async (k: number): Promise<number> => Number(await one(`SELECT ${name} FROM visits WHERE ${name} IS NOT NULL ORDER BY ${name} LIMIT 1 OFFSET ${k}`))
      const median = n % 2 ? await at((n - 1) / 2) : ((await at(n / 2 - 1)) + (await at(n / 2))) / 2
      expect(s.median).toBeCloseTo(median, 9)
      expect(col(name).histogram!.bins.reduce((a, b) => a + b.count, 0)).toBe(n)
    }
    expect(col('score').outliers).toMatchObject({ count: 1, high: [10_000] })
  })

  it('gives the same profile to a user who may only SELECT (no temporary tables)', async () => {
    const user = `sonograph_ro_${db.database.slice(-8)}`
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'pw-${user}'`)
    try {
      await admin.query(`GRANT SELECT ON \`${db.database}\`.* TO '${user}'@'%'`)
      const ro = await openDriver({ kind: 'mysql', host: MARIADB.host, port: MARIADB.port, user, password: `pw-${user}`, database: db.database, connectTimeoutMs: 10_000 })
      try {
        const p = await profileSource(ro, { target: { table: 'visits' } }, createJobContext(() => {}))
        expect(p.columns.map(({ name, kind, distinct, number, topValues }) => ({ name, kind, distinct, number, topValues }))).toEqual(
          r.columns.map(({ name, kind, distinct, number, topValues }) => ({ name, kind, distinct, number, topValues })),
        )
      } finally {
        await ro.close()
      }
    } finally {
      await admin.query(`DROP USER '${user}'@'%'`)
    }
  })

  it('sees DATE and DATETIME as dates and text as text', async () => {
    expect(col('visit_date')).toMatchObject({ kind: 'datetime', datetime: { min: await one('SELECT min(visit_date) FROM visits'), max: await one('SELECT max(visit_date) FROM visits') } })
    expect(col('report_at').kind).toBe('datetime')
    expect(col('report_at').histogram!.bins.reduce((a, b) => a + b.count, 0)).toBe(300)
    expect(col('gender').kind).toBe('text')
    expect(col('id').kind).toBe('identifier')
  })

  it('profiles a sample and charts months with a series, as SQL on the server says', async () => {
    const s = await profileSource(driver, { target: { sql: 'SELECT age, gender FROM visits' }, sample: { rows: 50 } }, createJobContext(() => {}))
    expect(s.sample).toMatchObject({ rows: 50, requested: 50 })
    expect(s.columns.every((c) => c.rows === 50)).toBe(true)
    const c = await chartData(driver, chartSpecSchema.parse({ target: { table: 'visits' }, type: 'bar', x: { kind: 'date', column: 'visit_date', bucket: 'month' }, series: { column: 'gender' }, y: { agg: 'median', column: 'age' } }))
    const [rows] = await admin.query({ sql: "SELECT DATE_FORMAT(visit_date, '%Y-%m'), count(*) FROM visits WHERE gender = 'Female' AND age IS NOT NULL GROUP BY 1 ORDER BY 1", rowsAsArray: true })
    const female = c.datasets.find((d) => d.label === 'Female')!
    expect((rows as unknown[][]).map((x) => String(x[0])).every((m) => c.labels.includes(m))).toBe(true)
    expect(female.data.filter((v) => v !== null)).toHaveLength((rows as unknown[][]).length)
  })

  it('maps the overview columns and computes the overview on MariaDB', async () => {
    const m = await overviewMapping(driver, { table: 'visits' })
    expect(m.mapping).toMatchObject({ visitDate: 'visit_date', reportDate: 'report_at', birthDate: 'birth_date', gender: 'gender', age: 'age' })
    const data = await overviewData(driver, { table: 'visits' }, { ...m.mapping, age: null })
    const [months] = await admin.query({ sql: "SELECT DATE_FORMAT(visit_date, '%Y-%m'), count(*) FROM visits GROUP BY 1", rowsAsArray: true })
    const want = new Map((months as unknown[][]).map((x) => [String(x[0]), Number(x[1])]))
    data.visitsPerMonth!.labels.forEach((l, i) => expect(data.visitsPerMonth!.datasets[0]!.data[i]).toBe(want.get(l) ?? 0))
    const delays = data.delayDistribution!.datasets[0]!.data.reduce<number>((a, b) => a + (b ?? 0), 0)
    expect(delays).toBe(300)
    const [ages] = await admin.query({ sql: "SELECT count(*) FROM visits WHERE gender = 'Female' AND TIMESTAMPDIFF(YEAR, birth_date, visit_date) BETWEEN 30 AND 39", rowsAsArray: true })
    const female = data.agePyramid!.datasets.find((d) => d.label === 'Female')!
    expect(female.data[data.agePyramid!.labels.indexOf('30-39')] ?? 0).toBe(Number((ages as unknown[][])[0]![0]))
  })
})
