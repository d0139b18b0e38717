import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqliteDriver } from '../db/sqlite-driver'
import { CHINOOK_SQL, ULTRASOUND_SQL, buildFixtureDb } from './fixture-databases'
import { entityKey, referencedEntity, roleEntities, singular } from './name-forms'
import { DEFAULT_INFERENCE_THRESHOLD, inferRelationships } from './relationship-inference'
import { declaredRelationships } from './relationships'

let dir: string
const open: SqliteDriver[] = []
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
})
afterAll(async () => {
  for (const d of open) await d.close()
  rmSync(dir, { recursive: true, force: true })
})

function build(sql: string, name: string, stripFks: boolean): SqliteDriver {
  const d = buildFixtureDb(sql, join(dir, name), { stripFks })
  open.push(d)
  return d
}

async function compare(sql: string, tag: string): Promise<{ declared: string[]; inferred: string[]; confidences: number[] }> {
  const withFks = build(sql, `${tag}-fk.db`, false)
  const stripped = build(sql, `${tag}-nofk.db`, true)
  const declared = declaredRelationships(await withFks.introspect()).map((r) => r.id)
  const model = await stripped.introspect()
  expect(declaredRelationships(model)).toEqual([])
  const inferred = await inferRelationships(stripped, model)
  return { declared: declared.sort(), inferred: inferred.map((r) => r.id).sort(), confidences: inferred.map((r) => r.confidence!) }
}

describe('relationship inference', () => {
  it('knows singular and plural forms and the id conventions', () => {
    expect(['Patients', 'patient', 'Categories', 'Addresses', 'Diagnoses', 'People', 'Status', 'Boxes'].map(singular)).toEqual([
      'patient',
      'patient',
      'category',
      'address',
      'diagnosis',
      'person',
      'status',
      'box',
    ])
    expect(['PatientID', 'patient_id', 'patientId', 'Patient_ID', 'patientid', 'Category_Id'].map(referencedEntity)).toEqual([
      'patient',
      'patient',
      'patient',
      'patient',
      'patient',
      'category',
    ])
    expect(entityKey('Lab_Tests')).toBe(entityKey('LabTest'))
    expect(referencedEntity('Patient')).toBeNull()
  })

  it('finds every declared relationship of the ultrasound dump with its foreign keys stripped, and nothing else', async () => {
    const { declared, inferred, confidences } = await compare(ULTRASOUND_SQL, 'us')
    expect(declared.length).toBeGreaterThan(20)
    expect(inferred).toEqual(declared)
    expect(Math.min(...confidences)).toBeGreaterThanOrEqual(DEFAULT_INFERENCE_THRESHOLD)
  })

  it('finds every Chinook relationship from names and data, the role-named SupportRepId included, and nothing else', async () => {
    const { declared, inferred, confidences } = await compare(CHINOOK_SQL, 'chinook')
    expect(declared).toHaveLength(11)
    expect(declared).toContain('Customer(SupportRepId)->Employee(EmployeeId)')
    expect(inferred).toEqual(declared)
    expect(Math.min(...confidences)).toBeGreaterThanOrEqual(DEFAULT_INFERENCE_THRESHOLD)
  })

  it('reads role names: trailing words first, then the tables that hold such roles', () => {
    expect(roleEntities('SupportRepId')).toEqual(['rep', 'employee', 'staff', 'user', 'person', 'member', 'worker'])
    expect(roleEntities('payment_operator_id')).toEqual(['operator'])
    expect(roleEntities('billing_address_id').slice(0, 1)).toEqual(['address'])
    expect(roleEntities('referring_physician_id')).toContain('doctor')
    expect(roleEntities('SupportRep')).toEqual([])
  })

  it('shows a role-named guess only when every value is found', async () => {
    const d = build(CHINOOK_SQL, 'chinook-role.db', true)
    // One customer in 59 with a representative who is not an employee: 98% would pass a name match, not a role guess.
    d.db.exec('UPDATE Customer SET SupportRepId = 50 WHERE CustomerId = 7')
    expect((await inferRelationships(d, await d.introspect())).map((r) => r.id)).not.toContain('Customer(SupportRepId)->Employee(EmployeeId)')
    d.db.exec('UPDATE Customer SET SupportRepId = SupportRepId + 50 WHERE CustomerId % 3 = 0')
    const shown = await inferRelationships(d, await d.introspect())
    expect(shown.map((r) => r.id)).not.toContain('Customer(SupportRepId)->Employee(EmployeeId)')
    const all = await inferRelationships(d, await d.introspect(), { threshold: 0 })
    const rel = all.find((r) => r.id === 'Customer(SupportRepId)->Employee(EmployeeId)')!
    expect(rel.confidence).toBeGreaterThan(0.5)
    expect(rel.confidence).toBeLessThan(0.8)
  })

  it('scores a candidate by the share of child values found in the parent', async () => {
    const d = build(ULTRASOUND_SQL, 'dirty.db', true)
    // Half the appointments now name a patient that does not exist.
    d.db.exec('UPDATE Appointments SET PatientID = PatientID + 100000 WHERE AppointmentID % 2 = 0')
    const all = await inferRelationships(d, await d.introspect(), { threshold: 0 })
    const rel = all.find((r) => r.id === 'Appointments(PatientID)->Patients(PatientID)')!
    expect(rel.origin).toBe('inferred')
    expect(rel.confidence).toBeGreaterThan(0.3)
    expect(rel.confidence).toBeLessThan(0.7)
    const shown = await inferRelationships(d, await d.introspect())
    expect(shown.find((r) => r.id === rel.id)).toBeUndefined()
  })
})
