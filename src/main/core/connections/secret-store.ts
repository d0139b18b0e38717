import { randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import type { PasswordStorage } from '../../../shared/calls/connections'

/**
 * Turns a password into a token that may be written to disk, and back.
 * The Electron implementation encrypts with the OS keychain (safeStorage);
 * the memory one keeps the password in this process and writes only a handle.
 */
export interface SecretStore {
  /** Where the secret lives; 'keychain' survives a restart, 'memory' does not. */
  readonly storage: Exclude<PasswordStorage, 'none'>
  /** Whether encrypt/decrypt work now. */
  isAvailable(): boolean
  /** A token safe to store in a file: never the password itself. */
  encrypt(plain: string): Promise<string>
  /** The password for a token; NOT_FOUND when the token can no longer be read (memory after a restart). */
  decrypt(token: string): Promise<string>
  /** Whether a token can still be decrypted. */
  canDecrypt(token: string): boolean
  /** Drops what the store holds for a token (memory store); a no-op for encrypted tokens. */
  forget(token: string): void
}

const MEMORY_PREFIX = 'mem:'

/**
 * Keeps passwords in this process only; the token is a random handle, so the
 * file holds nothing a reader could use. Used by the browser bridge, and by
 * Electron when no OS keychain is available.
 */
export class MemorySecretStore implements SecretStore {
  readonly storage = 'memory' as const
  private readonly secrets = new Map<string, string>()

  isAvailable(): boolean {
    return true
  }

  encrypt(plain: string): Promise<string> {
    const token = `${MEMORY_PREFIX}${randomBytes(16).toString('hex')}`
    this.secrets.set(token, plain)
    return Promise.resolve(token)
  }

  decrypt(token: string): Promise<string> {
    const plain = this.secrets.get(token)
    if (plain === undefined) {
      return Promise.reject(new AppError('NOT_FOUND', 'The password was kept in memory only and is gone since a restart; enter it again.', { field: 'password' }))
    }
    return Promise.resolve(plain)
  }

  canDecrypt(token: string): boolean {
    return this.secrets.has(token)
  }

  forget(token: string): void {
    this.secrets.delete(token)
  }
}

export function isMemoryToken(token: string): boolean {
  return token.startsWith(MEMORY_PREFIX)
}
