import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../db/sqlite-driver'
import { overviewData, overviewMapping } from './clinic-overview'
import { tmpDir, ULTRASOUND_CONSOLIDATION_SQL, ultrasoundDb } from './profile-fixtures'

let driver: SqliteDriver
let raw: Database.Database
let lab: SqliteDriver

interface Row {
  PatientID: number
  Gender: string | null
  DateOfBirth: string | null
  AppointmentDate: string | null
  ReportDate: string | null
}

/** Whole years between two ISO dates, computed here in JavaScript (independent of the SQL under test). */
function age(birth: string, at: string): number {
  const [by, bm, bd] = birth.slice(0, 10).split('-').map(Number) as [number, number, number]
  const [ay, am, ad] = at.slice(0, 10).split('-').map(Number) as [number, number, number]
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0)
}

beforeAll(() => {
  const dir = tmpDir()
  const path = ultrasoundDb(dir)
  driver = new SqliteDriver(path)
  raw = new Database(path, { readonly: true })
  const labPath = join(dir, 'lab.db')
  const l = new Database(labPath)
  // The healthcare lab's column names, with a few rows.
  l.exec(`CREATE TABLE patients (patient_id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, date_of_birth DATE, gender CHAR(1), mrn VARCHAR(20));
    CREATE TABLE encounters (encounter_id INTEGER PRIMARY KEY, patient_id INT, provider_id INT, encounter_type VARCHAR(50), encounter_date DATETIME, discharge_date DATETIME, department_id INT);
    INSERT INTO patients VALUES (1,'A','B','1970-03-01','M','MRN1'), (2,'C','D','2001-12-31','F','MRN2'), (3,'E','F','1950-06-15','F','MRN3');
    INSERT INTO encounters VALUES (1,1,1,'Outpatient','2024-01-05 09:00:00','2024-01-05 12:00:00',1), (2,2,1,'ER','2024-02-10 22:00:00','2024-02-12 08:00:00',2),
      (3,3,2,'Inpatient','2024-02-20 10:00:00','2024-03-01 10:00:00',1);`)
  l.close()
  lab = new SqliteDriver(labPath)
})

afterAll(async () => {
  await driver.close()
  await lab.close()
  raw.close()
})

describe('clinic overview', () => {
  it('maps the ultrasound consolidation columns by name and values, sure of each', async () => {
    for (const target of [{ table: 'consolidated' }, { sql: ULTRASOUND_CONSOLIDATION_SQL }]) {
      const m = await overviewMapping(driver, target)
      expect(m.mapping).toEqual({ visitDate: 'AppointmentDate', reportDate: 'ReportDate', birthDate: 'DateOfBirth', age: null, gender: 'Gender', patientId: 'PatientID' })
      expect(m.unsure).toEqual([])
      expect(m.candidates.visitDate[0]).toMatchObject({ column: 'AppointmentDate', confidence: 1 })
    }
  })

  it('maps the lab encounters joined to patients, and asks when it cannot tell', async () => {
    const sql = 'SELECT e.encounter_id, e.encounter_type, e.encounter_date, e.discharge_date, p.date_of_birth, p.gender, p.patient_id FROM encounters e JOIN patients p USING (patient_id)'
    const m = await overviewMapping(lab, { sql })
    expect(m.mapping).toMatchObject({ visitDate: 'encounter_date', reportDate: 'discharge_date', birthDate: 'date_of_birth', gender: 'gender', patientId: 'patient_id' })
    const vague = await overviewMapping(lab, { sql: 'SELECT encounter_date AS d1, discharge_date AS d2, encounter_type FROM encounters' })
    expect(vague.unsure).toEqual(expect.arrayContaining(['visitDate', 'reportDate', 'gender']))
    expect(vague.candidates.visitDate.map((c) => c.column).sort()).toEqual(['d1', 'd2'])
  })

  it('computes the four charts against values computed in the test', async () => {
    const { mapping } = await overviewMapping(driver, { table: 'consolidated' })
    const data = await overviewData(driver, { table: 'consolidated' }, mapping)
    const rows = raw.prepare('SELECT PatientID, Gender, DateOfBirth, AppointmentDate, ReportDate FROM consolidated').all() as Row[]
    // Visits once per patient and visit time: the consolidation repeats a visit per report.
    const visits = [...new Map(rows.map((r) => [`${r.PatientID}|${r.AppointmentDate}`, r])).values()]
    expect(visits.length).toBeLessThan(rows.length)
    expect(data.notes.join(' ')).toMatch(new RegExp(`${rows.length - visits.length} repeated rows`))

    const perMonth = new Map<string, number>()
    for (const r of visits) if (r.AppointmentDate) perMonth.set(r.AppointmentDate.slice(0, 7), (perMonth.get(r.AppointmentDate.slice(0, 7)) ?? 0) + 1)
    const v = data.visitsPerMonth!
    v.labels.forEach((l, i) => expect(v.datasets[0]!.data[i], l).toBe(perMonth.get(l) ?? 0))
    expect([...perMonth.keys()].every((k) => v.labels.includes(k))).toBe(true)

    const withBoth = rows.filter((r) => r.AppointmentDate && r.ReportDate)
    const delays = withBoth.map((r) => Math.round((Date.parse(r.ReportDate!.slice(0, 10)) - Date.parse(r.AppointmentDate!.slice(0, 10))) / 86_400_000))
    const hist = data.delayDistribution!
    expect(hist.datasets[0]!.data.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(withBoth.length)
    expect(hist.labels[0]).toMatch(new RegExp(`^${Math.min(...delays)}`))

    const group = (a: number): string => (a < 18 ? '0-17' : a < 30 ? '18-29' : a >= 80 ? '80+' : `${Math.floor(a / 10) * 10}-${Math.floor(a / 10) * 10 + 9}`)
    const pyramid = new Map<string, number>()
    for (const r of visits) {
      if (!r.DateOfBirth || !r.AppointmentDate || !r.Gender) continue
      const k = `${group(age(r.DateOfBirth, r.AppointmentDate))}|${r.Gender}`
      pyramid.set(k, (pyramid.get(k) ?? 0) + 1)
    }
    const p = data.agePyramid!
    expect(p.datasets.map((d) => d.label).sort()).toEqual([...new Set(rows.map((r) => r.Gender))].filter(Boolean).sort())
    for (const ds of p.datasets) p.labels.forEach((l, i) => expect(ds.data[i], `${l} ${ds.label}`).toBe(pyramid.get(`${l}|${ds.label}`) ?? 0))
    expect(p.labels).toEqual([...p.labels].sort((a, b) => parseInt(a, 10) - parseInt(b, 10)))

    const means = new Map<string, number[]>()
    for (const r of withBoth) {
      if (!r.DateOfBirth || !r.Gender) continue
      const k = `${group(age(r.DateOfBirth, r.AppointmentDate!))}|${r.Gender}`
      const days = Math.round((Date.parse(r.ReportDate!.slice(0, 10)) - Date.parse(r.AppointmentDate!.slice(0, 10))) / 86_400_000)
      means.set(k, [...(means.get(k) ?? []), days])
    }
    const dg = data.delayByAgeGender!
    for (const ds of dg.datasets)
      dg.labels.forEach((l, i) => {
        const xs = means.get(`${l}|${ds.label}`)
        if (xs) expect(ds.data[i], `${l} ${ds.label}`).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9)
        else expect(ds.data[i]).toBeNull()
      })
  })

  it('accepts an explicit mapping and says what is missing', async () => {
    const data = await overviewData(driver, { table: 'consolidated' }, { visitDate: 'ReportDate', reportDate: null, birthDate: null, age: null, gender: null, patientId: null })
    expect(data.visitsPerMonth!.datasets[0]!.data.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(
      (raw.prepare('SELECT count(ReportDate) AS n FROM consolidated').get() as { n: number }).n,
    )
    expect(data.delayDistribution).toBeNull()
    expect(data.agePyramid).toBeNull()
    expect(data.notes.join(' ')).toMatch(/No report date mapped/)
    await expect(overviewData(driver, { table: 'consolidated' }, { visitDate: 'Nope', reportDate: null, birthDate: null, age: null, gender: null, patientId: null })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      details: { field: 'mapping.visitDate' },
    })
  })
})
