import { randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { connectionFieldsSchema, type ConnectionFields, type SavedConnection } from '../../../shared/calls/connections'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { isMemoryToken, type SecretStore } from './secret-store'

/** One saved connection on disk: the fields, and a token from the SecretStore instead of the password. */
const storedSchema = connectionFieldsSchema.extend({
  id: z.string().min(1),
  secret: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
type Stored = z.output<typeof storedSchema>
const fileSchema = z.object({ version: z.literal(1), connections: z.array(z.unknown()) })

export interface SaveInput {
  id?: string
  fields: ConnectionFields
  /** Omitted on update: keep the saved password. */
  password?: string
  /** False: keep no password (it is asked for on open). */
  savePassword?: boolean
}

export function specFromFields(fields: Omit<ConnectionFields, 'name'>, password: string | undefined): MysqlSpec {
  return {
    kind: 'mysql',
    host: fields.host,
    port: fields.port,
    user: fields.user,
    database: fields.database,
    connectTimeoutMs: fields.connectTimeoutMs,
    ...(fields.ssl ? { ssl: fields.ssl } : {}),
    ...(password !== undefined ? { password } : {}),
  }
}

/**
 * Saved MySQL/MariaDB connections in `connections.json` under the data
 * directory. The password never reaches the file: only the SecretStore's token
 * (keychain ciphertext, or a memory handle) does.
 */
export class ConnectionStore {
  readonly file: string

  constructor(dataDir: string, private readonly secrets: SecretStore) {
    this.file = join(dataDir, 'connections.json')
  }

  private readAll(): Stored[] {
    if (!existsSync(this.file)) return []
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch (err) {
      throw new AppError('PARSE_ERROR', `Saved connections file is not valid JSON: ${(err as Error).message}`, { file: this.file })
    }
    const parsed = fileSchema.safeParse(raw)
    if (!parsed.success) throw new AppError('PARSE_ERROR', 'Saved connections file has an unknown format', { file: this.file })
    // One damaged entry must not hide the others.
    return parsed.data.connections.flatMap((c) => {
      const one = storedSchema.safeParse(c)
      return one.success ? [one.data] : []
    })
  }

  private writeAll(list: Stored[]): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ version: 1, connections: list }, null, 2), { mode: 0o600 })
    renameSync(tmp, this.file)
    try {
      chmodSync(this.file, 0o600)
    } catch {
      // best effort on file systems without modes
    }
  }

  private toPublic(s: Stored): SavedConnection {
    const { secret, ...fields } = s
    const hasPassword = secret !== undefined && this.secrets.canDecrypt(secret)
    return {
      ...fields,
      hasPassword,
      passwordStorage: hasPassword ? (isMemoryToken(secret) ? 'memory' : 'keychain') : 'none',
    }
  }

  list(): SavedConnection[] {
    return this.readAll()
      .map((s) => this.toPublic(s))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  get(id: string): SavedConnection {
    return this.toPublic(this.stored(id))
  }

  private stored(id: string): Stored {
    const s = this.readAll().find((c) => c.id === id)
    if (!s) throw new AppError('NOT_FOUND', `No saved connection with id ${id}`, { field: 'id' })
    return s
  }

  async save(input: SaveInput): Promise<SavedConnection> {
    // Encrypt first: from reading the file to writing it nothing awaits, so two saves cannot interleave and lose one.
    const fresh = input.savePassword !== false && input.password !== undefined ? await this.secrets.encrypt(input.password) : undefined
    try {
      return this.saveNow(input, fresh)
    } catch (err) {
      if (fresh !== undefined) this.secrets.forget(fresh)
      throw err
    }
  }

  private saveNow(input: SaveInput, fresh: string | undefined): SavedConnection {
    const all = this.readAll()
    const existing = input.id ? all.find((c) => c.id === input.id) : undefined
    if (input.id && !existing) throw new AppError('NOT_FOUND', `No saved connection with id ${input.id}`, { field: 'id' })
    const clash = all.find((c) => c.name === input.fields.name && c.id !== input.id)
    if (clash) throw new AppError('BAD_ARGUMENT', `A connection named "${input.fields.name}" already exists`, { field: 'name' })
    const secret = input.savePassword === false ? undefined : (fresh ?? existing?.secret)
    if (existing?.secret && existing.secret !== secret) this.secrets.forget(existing.secret)
    const now = new Date().toISOString()
    const next: Stored = {
      ...input.fields,
      id: existing?.id ?? randomUUID(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(secret !== undefined ? { secret } : {}),
    }
    this.writeAll(existing ? all.map((c) => (c.id === next.id ? next : c)) : [...all, next])
    return this.toPublic(next)
  }

  delete(id: string): boolean {
    const all = this.readAll()
    const gone = all.find((c) => c.id === id)
    if (!gone) return false
    if (gone.secret) this.secrets.forget(gone.secret)
    this.writeAll(all.filter((c) => c.id !== id))
    return true
  }

  /**
   * The spec to open a saved connection. `password` given wins; otherwise the
   * saved one; with none at all the connection is tried without a password.
   */
  async spec(id: string, password?: string): Promise<MysqlSpec> {
    const s = this.stored(id)
    if (password !== undefined) return specFromFields(s, password)
    if (s.secret !== undefined) return specFromFields(s, await this.secrets.decrypt(s.secret))
    return specFromFields(s, undefined)
  }
}
