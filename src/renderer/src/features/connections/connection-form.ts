import type { ConnectionFields, SavedConnection } from '../../../../shared/calls/connections'
import { AppError } from '../../../../shared/errors'
import type { MysqlSpec } from '../../../../shared/source-spec'

/** What the dialog's inputs hold: text, as typed, so a half-typed port is not lost. */
export interface FormState {
  name: string
  host: string
  port: string
  user: string
  password: string
  database: string
  useSsl: boolean
  sslCa: string
  sslCert: string
  sslKey: string
  sslVerify: boolean
  /** Seconds, as the user thinks of a timeout. */
  timeoutSeconds: string
}

/** The ids of the inputs, by the names the core uses in `details.field`. */
export type FieldName = 'name' | 'host' | 'port' | 'user' | 'password' | 'database' | 'ssl' | 'ssl.ca' | 'ssl.cert' | 'ssl.key' | 'connectTimeoutMs'

export const FIELD_IDS: Record<FieldName, string> = {
  name: 'conn-name',
  host: 'conn-host',
  port: 'conn-port',
  user: 'conn-user',
  password: 'conn-password',
  database: 'conn-database',
  ssl: 'conn-ssl',
  'ssl.ca': 'conn-ssl-ca',
  'ssl.cert': 'conn-ssl-cert',
  'ssl.key': 'conn-ssl-key',
  connectTimeoutMs: 'conn-timeout',
}

export const EMPTY_FORM: FormState = {
  name: '',
  host: '127.0.0.1',
  port: '3306',
  user: 'root',
  password: '',
  database: '',
  useSsl: false,
  sslCa: '',
  sslCert: '',
  sslKey: '',
  sslVerify: true,
  timeoutSeconds: '10',
}

export function formFromSaved(c: SavedConnection): FormState {
  return {
    name: c.name,
    host: c.host,
    port: String(c.port),
    user: c.user,
    password: '',
    database: c.database,
    useSsl: c.ssl !== undefined,
    sslCa: c.ssl?.ca ?? '',
    sslCert: c.ssl?.cert ?? '',
    sslKey: c.ssl?.key ?? '',
    sslVerify: c.ssl?.verify ?? true,
    timeoutSeconds: String(c.connectTimeoutMs / 1000),
  }
}

function bad(field: FieldName, message: string): AppError {
  return new AppError('BAD_ARGUMENT', message, { field })
}

/**
 * The form as the contract's fields, checked here first so a typo is reported
 * next to its input without a round trip. `needName` only when saving.
 */
export function fieldsFromForm(f: FormState, needName: boolean): ConnectionFields {
  const host = f.host.trim()
  const port = Number(f.port.trim())
  const seconds = Number(f.timeoutSeconds.trim())
  if (needName && !f.name.trim()) throw bad('name', 'Give the connection a name to save it')
  if (!host) throw bad('host', 'Host is required')
  if (!/^\d+$/.test(f.port.trim()) || port < 1 || port > 65535) throw bad('port', 'Port must be a whole number from 1 to 65535')
  if (!f.user) throw bad('user', 'User is required')
  if (!f.database.trim()) throw bad('database', 'Database is required')
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw bad('connectTimeoutMs', 'Connect timeout must be more than 0 and at most 600 seconds')
  const ssl = f.useSsl
    ? {
        verify: f.sslVerify,
        ...(f.sslCa.trim() ? { ca: f.sslCa.trim() } : {}),
        ...(f.sslCert.trim() ? { cert: f.sslCert.trim() } : {}),
        ...(f.sslKey.trim() ? { key: f.sslKey.trim() } : {}),
      }
    : undefined
  return {
    name: f.name.trim() || `${f.user}@${host}/${f.database.trim()}`,
    host,
    port,
    user: f.user,
    database: f.database.trim(),
    connectTimeoutMs: Math.round(seconds * 1000),
    ...(ssl ? { ssl } : {}),
  }
}

export function specFromForm(f: FormState): MysqlSpec {
  const { name: _name, ...fields } = fieldsFromForm(f, false)
  return { kind: 'mysql', ...fields, password: f.password }
}

/** Whether the form still describes the saved connection (so its stored password applies). */
export function sameAsSaved(f: FormState, c: SavedConnection): boolean {
  try {
    const a = fieldsFromForm(f, false)
    return (
      a.host === c.host &&
      a.port === c.port &&
      a.user === c.user &&
      a.database === c.database &&
      a.connectTimeoutMs === c.connectTimeoutMs &&
      JSON.stringify(a.ssl ?? null) === JSON.stringify(c.ssl ?? null)
    )
  } catch {
    return false
  }
}

const KNOWN = new Set<string>(Object.keys(FIELD_IDS))

/** Which input an error is about: the core's `details.field`, or a contract path such as `fields.port`/`spec.user`. */
export function fieldOfError(err: unknown): FieldName | null {
  if (!(err instanceof AppError)) return null
  const raw = err.details?.field
  if (typeof raw !== 'string') return null
  const f = raw.replace(/^(fields|spec)\./, '')
  if (KNOWN.has(f)) return f as FieldName
  if (f.startsWith('ssl.')) return 'ssl'
  return null
}

/** "user@host:port/db" for lists and prompts (never the password). */
export function describe(c: Pick<ConnectionFields, 'user' | 'host' | 'port' | 'database'>): string {
  return `${c.user}@${c.host}:${c.port}/${c.database}`
}

/** Which field each input of the form edits, so editing it clears that field's error. */
export const FORM_KEY_FIELD: Record<keyof FormState, FieldName> = {
  name: 'name',
  host: 'host',
  port: 'port',
  user: 'user',
  password: 'password',
  database: 'database',
  useSsl: 'ssl',
  sslCa: 'ssl.ca',
  sslCert: 'ssl.cert',
  sslKey: 'ssl.key',
  sslVerify: 'ssl',
  timeoutSeconds: 'connectTimeoutMs',
}
