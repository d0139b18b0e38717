import { describe, expect, it } from 'vitest'
import { consolidationPlanSchema, stepsForPath, type PathHop } from '../../../shared/recipe'

const toDoctors: PathHop = { from: 'Appointments', to: 'Doctors', direction: 'parent', fromColumns: ['DoctorID'], toColumns: ['DoctorID'] }
const toDepartments: PathHop = { from: 'Doctors', to: 'Departments', direction: 'parent', fromColumns: ['DepartmentID'], toColumns: ['DepartmentID'] }
const toReferrals: PathHop = { from: 'Appointments', to: 'Referrals', direction: 'child', fromColumns: ['PatientID'], toColumns: ['PatientID'] }
const referralDoctor: PathHop = { from: 'Referrals', to: 'Doctors', direction: 'parent', fromColumns: ['DoctorID'], toColumns: ['DoctorID'] }

describe('stepsForPath (the wizard turns a chosen path into joins)', () => {
  it('adds each hop once, reuses shared prefixes, and numbers a second occurrence of a table', () => {
    const base = { base: { table: 'Appointments' }, joins: [] }
    const a = stepsForPath(base, [toDoctors, toDepartments])
    expect(a.alias).toBe('Departments')
    expect(a.joins.map((j) => `${j.from}->${j.alias}`)).toEqual(['Appointments->Doctors', 'Doctors->Departments'])
    const b = stepsForPath({ ...base, joins: a.joins }, [toDoctors])
    expect(b.joins).toHaveLength(2)
    expect(b.alias).toBe('Doctors')
    const c = stepsForPath({ ...base, joins: a.joins }, [toReferrals, referralDoctor])
    expect(c.alias).toBe('Doctors_2')
    expect(c.joins.at(-1)).toMatchObject({ alias: 'Doctors_2', from: 'Referrals', table: 'Doctors', join: 'left' })
    // The result is a valid plan once columns are chosen.
    expect(() => consolidationPlanSchema.parse({ ...base, joins: c.joins, columns: [{ kind: 'column', name: 'x', ref: { alias: 'Doctors_2', column: 'LastName' } }] })).not.toThrow()
  })
})
