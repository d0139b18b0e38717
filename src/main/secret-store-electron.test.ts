import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../shared/errors'
import { ConnectionStore } from './core/connections/connection-store'
import { scanForPassword } from './core/connections/secret-scan'

/** safeStorage stand-in: a keychain whose backend and availability the test sets. */
const keychain = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' as string }))

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    encryptString: (s: string) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ 0xa5).reverse()),
    decryptString: (b: Buffer) => {
      if (b.length === 0) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from([...b].reverse().map((x) => x ^ 0xa5)).toString('utf8')
    },
  },
}))

const { ElectronSecretStore } = await import('./secret-store-electron')

const PASSWORD = 'Keychain-Pässwörd-42'
const fields = { name: 'Prod', host: 'db.example', port: 3306, user: 'lab', database: 'clinic', connectTimeoutMs: 5000 }

describe('Electron secret store', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    keychain.available = true
    keychain.backend = 'gnome_libsecret'
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('encrypts with the OS keychain; the file never holds the password; a restart can decrypt', async () => {
    const store = new ConnectionStore(dir, new ElectronSecretStore())
    const saved = await store.save({ fields, password: PASSWORD })
    expect(saved.passwordStorage).toBe('keychain')
    expect(scanForPassword(dir, PASSWORD).leaks).toEqual([])
    const restarted = new ConnectionStore(dir, new ElectronSecretStore())
    expect((await restarted.spec(saved.id)).password).toBe(PASSWORD)
  })

  it("keeps passwords in memory only where Electron would use a fixed key (Linux 'basic_text')", async () => {
    if (process.platform !== 'linux') return
    keychain.backend = 'basic_text'
    const secrets = new ElectronSecretStore()
    expect(secrets.storage).toBe('memory')
    const store = new ConnectionStore(dir, secrets)
    const saved = await store.save({ fields, password: PASSWORD })
    expect(saved.passwordStorage).toBe('memory')
    expect(scanForPassword(dir, PASSWORD).leaks).toEqual([])
    expect((await store.spec(saved.id)).password).toBe(PASSWORD)
  })

  it('asks again when the keychain can no longer decrypt', async () => {
    const secrets = new ElectronSecretStore()
    const err = await secrets.decrypt('safe:').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('NOT_FOUND')
    keychain.available = false
    expect(secrets.canDecrypt('safe:abcd')).toBe(false)
    expect(secrets.storage).toBe('memory')
  })
})
