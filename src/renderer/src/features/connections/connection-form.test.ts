import { describe, expect, it } from 'vitest'
import type { SavedConnection } from '../../../../shared/calls/connections'
import { AppError } from '../../../../shared/errors'
import { EMPTY_FORM, fieldOfError, fieldsFromForm, formFromSaved, sameAsSaved, specFromForm, type FormState } from './connection-form'

const form = (patch: Partial<FormState>): FormState => ({ ...EMPTY_FORM, database: 'chinook', ...patch })

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return (err as AppError).details?.field
  }
  return undefined
}

describe('connection form', () => {
  it('turns the typed text into the contract fields: seconds to ms, SSL only when on, a default name', () => {
    expect(fieldsFromForm(form({ timeoutSeconds: '2.5', sslCa: '/ca.pem' }), false)).toEqual({
      name: 'root@127.0.0.1/chinook',
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      database: 'chinook',
      connectTimeoutMs: 2500,
    })
    expect(fieldsFromForm(form({ useSsl: true, sslCa: ' /ca.pem ', sslVerify: false }), false).ssl).toEqual({ verify: false, ca: '/ca.pem' })
  })

  it('names the field of each mistake before anything is sent', () => {
    expect(fieldOf(() => fieldsFromForm(form({ name: ' ' }), true))).toBe('name')
    expect(fieldOf(() => fieldsFromForm(form({ host: '' }), false))).toBe('host')
    expect(fieldOf(() => fieldsFromForm(form({ port: '33o6' }), false))).toBe('port')
    expect(fieldOf(() => fieldsFromForm(form({ port: '70000' }), false))).toBe('port')
    expect(fieldOf(() => fieldsFromForm(form({ user: '' }), false))).toBe('user')
    expect(fieldOf(() => fieldsFromForm(form({ database: '' }), false))).toBe('database')
    expect(fieldOf(() => fieldsFromForm(form({ timeoutSeconds: '0' }), false))).toBe('connectTimeoutMs')
  })

  it('keeps an empty password as a password (root without one), not as "none"', () => {
    expect(specFromForm(form({ password: '' })).password).toBe('')
  })

  it('maps server and contract field names to inputs', () => {
    expect(fieldOfError(new AppError('AUTH_FAILED', 'x', { field: 'password' }))).toBe('password')
    expect(fieldOfError(new AppError('BAD_ARGUMENT', 'x', { field: 'fields.port' }))).toBe('port')
    expect(fieldOfError(new AppError('BAD_ARGUMENT', 'x', { field: 'spec.ssl.ca' }))).toBe('ssl.ca')
    expect(fieldOfError(new AppError('BAD_ARGUMENT', 'x', { field: 'ssl.other' }))).toBe('ssl')
    expect(fieldOfError(new AppError('CONNECTION_FAILED', 'x'))).toBeNull()
    expect(fieldOfError(new Error('x'))).toBeNull()
  })

  it('knows when the form still describes a saved connection (so its stored password applies)', () => {
    const saved: SavedConnection = {
      id: 'c1',
      name: 'Prod',
      host: 'db.example',
      port: 3307,
      user: 'ro',
      database: 'sales',
      connectTimeoutMs: 5000,
      ssl: { verify: true, ca: '/ca.pem' },
      hasPassword: true,
      passwordStorage: 'keychain',
      createdAt: '',
      updatedAt: '',
    }
    const f = formFromSaved(saved)
    expect(f.password).toBe('')
    expect(f.timeoutSeconds).toBe('5')
    expect(sameAsSaved(f, saved)).toBe(true)
    expect(sameAsSaved({ ...f, name: 'Renamed' }, saved)).toBe(true)
    expect(sameAsSaved({ ...f, host: 'other' }, saved)).toBe(false)
    expect(sameAsSaved({ ...f, useSsl: false }, saved)).toBe(false)
    expect(sameAsSaved({ ...f, port: 'x' }, saved)).toBe(false)
  })
})
