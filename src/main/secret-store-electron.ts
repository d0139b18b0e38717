import { safeStorage } from 'electron'
import { AppError } from '../shared/errors'
import { isMemoryToken, MemorySecretStore, type SecretStore } from './core/connections/secret-store'

const KEYCHAIN_PREFIX = 'safe:'

/**
 * Saved passwords encrypted by the operating system's keychain through
 * Electron's safeStorage. Where there is no keychain (Linux without a secret
 * service, where Electron would fall back to a fixed key), passwords are kept
 * in memory only rather than written in a form anyone could decrypt.
 */
export class ElectronSecretStore implements SecretStore {
  private readonly memory = new MemorySecretStore()

  get storage(): 'keychain' | 'memory' {
    return this.keychainUsable() ? 'keychain' : 'memory'
  }

  private keychainUsable(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false
    if (process.platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend()
      if (backend === 'basic_text' || backend === 'unknown') return false
    }
    return true
  }

  isAvailable(): boolean {
    return true
  }

  async encrypt(plain: string): Promise<string> {
    if (!this.keychainUsable()) return this.memory.encrypt(plain)
    return KEYCHAIN_PREFIX + safeStorage.encryptString(plain).toString('base64')
  }

  async decrypt(token: string): Promise<string> {
    if (isMemoryToken(token)) return this.memory.decrypt(token)
    if (!token.startsWith(KEYCHAIN_PREFIX) || !this.keychainUsable()) {
      throw new AppError('NOT_FOUND', 'The saved password cannot be read on this system (keychain unavailable); enter it again.', { field: 'password' })
    }
    try {
      return safeStorage.decryptString(Buffer.from(token.slice(KEYCHAIN_PREFIX.length), 'base64'))
    } catch {
      throw new AppError('NOT_FOUND', 'The saved password cannot be decrypted (keychain changed); enter it again.', { field: 'password' })
    }
  }

  canDecrypt(token: string): boolean {
    if (isMemoryToken(token)) return this.memory.canDecrypt(token)
    return token.startsWith(KEYCHAIN_PREFIX) && this.keychainUsable()
  }

  forget(token: string): void {
    this.memory.forget(token)
  }
}
