import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { ConnectionStore } from './connection-store'
import { MemorySecretStore, type SecretStore } from './secret-store'
import { scanForPassword } from './secret-scan'

const PASSWORD = 'S3cret-Pässwörd-🔑-xyz'

function expectNoFileContains(dir: string, pw: string): number {
  const { scanned, leaks } = scanForPassword(dir, pw)
  expect(leaks).toEqual([])
  return scanned.length
}

/** A stand-in for the OS keychain: survives a "restart" (a new store instance), ciphertext unlike the input. */
class FakeKeychain implements SecretStore {
  readonly storage = 'keychain' as const
  isAvailable = () => true
  encrypt = async (plain: string) => `safe:${Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)).toString('base64')}`
  decrypt = async (token: string) => Buffer.from([...Buffer.from(token.slice(5), 'base64')].map((b) => b ^ 0x5a)).toString('utf8')
  canDecrypt = (token: string) => token.startsWith('safe:')
  forget = () => undefined
}

const fields = { name: 'Local lab', host: '127.0.0.1', port: 3306, user: 'lab', database: 'clinic', connectTimeoutMs: 5000 }

describe('connection store', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'sonograph-')))

  it('writes no file that contains the saved password in plain text (memory store)', async () => {
    fresh()
    const secrets = new MemorySecretStore()
    const store = new ConnectionStore(dir, secrets)
    const saved = await store.save({ fields, password: PASSWORD })
    expect(saved).toMatchObject({ name: 'Local lab', hasPassword: true, passwordStorage: 'memory' })
    expect(JSON.stringify(saved)).not.toContain(PASSWORD)
    expect(expectNoFileContains(dir, PASSWORD)).toBeGreaterThan(0)
    expect((await store.spec(saved.id)).password).toBe(PASSWORD)
    // After a restart the memory store holds nothing: the connection asks for the password again.
    const restarted = new ConnectionStore(dir, new MemorySecretStore())
    expect(restarted.get(saved.id)).toMatchObject({ hasPassword: false, passwordStorage: 'none' })
    const err = await restarted.spec(saved.id).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('NOT_FOUND')
    expect((await restarted.spec(saved.id, 'typed-again')).password).toBe('typed-again')
  })

  it('keeps keychain-encrypted passwords across restarts, never in plain text', async () => {
    fresh()
    const store = new ConnectionStore(dir, new FakeKeychain())
    const saved = await store.save({ fields, password: PASSWORD })
    expect(saved.passwordStorage).toBe('keychain')
    expectNoFileContains(dir, PASSWORD)
    const again = new ConnectionStore(dir, new FakeKeychain())
    expect((await again.spec(saved.id)).password).toBe(PASSWORD)
    expect(statSync(store.file).mode & 0o077).toBe(0)
  })

  it('updates fields keeping the password, forgets it on request, refuses duplicate names, deletes', async () => {
    fresh()
    const store = new ConnectionStore(dir, new MemorySecretStore())
    const a = await store.save({ fields, password: PASSWORD })
    const b = await store.save({ fields: { ...fields, name: 'Other', ssl: { verify: false } } })
    expect(b.hasPassword).toBe(false)
    const moved = await store.save({ id: a.id, fields: { ...fields, port: 3307 } })
    expect(moved).toMatchObject({ id: a.id, port: 3307, hasPassword: true, createdAt: a.createdAt })
    expect((await store.spec(a.id)).password).toBe(PASSWORD)
    const dup = await store.save({ fields: { ...fields, name: 'Other' } }).catch((e: unknown) => e)
    expect((dup as AppError).code).toBe('BAD_ARGUMENT')
    expect((dup as AppError).details?.field).toBe('name')
    const forgot = await store.save({ id: a.id, fields, savePassword: false })
    expect(forgot.hasPassword).toBe(false)
    expect((await store.spec(a.id)).password).toBeUndefined()
    expect(store.list().map((c) => c.name)).toEqual(['Local lab', 'Other'])
    expect(store.delete(b.id)).toBe(true)
    expect(store.delete(b.id)).toBe(false)
    expect(store.list()).toHaveLength(1)
    expect((await store.spec(a.id)).ssl).toBeUndefined()
  })

  it('keeps both of two saves made at the same time', async () => {
    fresh()
    const store = new ConnectionStore(dir, new FakeKeychain())
    await Promise.all([store.save({ fields: { ...fields, name: 'A' }, password: 'a' }), store.save({ fields: { ...fields, name: 'B' }, password: 'b' })])
    expect(store.list().map((c) => c.name)).toEqual(['A', 'B'])
  })
})
