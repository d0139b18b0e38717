import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { mysqlSpecSchema, type MysqlSpec, type SourceSpec } from '../../shared/source-spec'
import type { CliIO } from './cli-command'

export const PASSWORD_ENV = 'SONOGRAPH_MYSQL_PASSWORD'

/** Usage lines a command can append to its own usage text. */
export const SOURCE_USAGE = `  <file.sqlite>                  a SQLite database file, or
  --source mysql://USER@HOST[:PORT]/DATABASE[?ssl=1&ssl-ca=FILE&ssl-cert=FILE&ssl-key=FILE&ssl-verify=0&connectTimeout=SECONDS]
                                 a MySQL/MariaDB database; the password comes from
                                 the ${PASSWORD_ENV} environment variable (set it empty
                                 for none) or is asked for at the prompt, never from the URL`

const isMysqlUrl = (s: string) => /^(mysql|mariadb):\/\//i.test(s)

/**
 * Parses `mysql://user@host:port/db` into a spec without a password. A URL
 * that carries a password is refused: argv is visible in `ps` and shell history.
 */
export function parseMysqlUrl(url: string): Omit<MysqlSpec, 'password'> {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new AppError('BAD_ARGUMENT', `Not a valid MySQL URL: ${url}. Expected mysql://USER@HOST[:PORT]/DATABASE`, { field: 'source' })
  }
  if (u.password) {
    throw new AppError(
      'BAD_ARGUMENT',
      `Do not put the password in the URL (command lines are visible to other users and kept in shell history). Use mysql://USER@HOST:PORT/DATABASE and set ${PASSWORD_ENV} or type the password at the prompt.`,
      { field: 'source' },
    )
  }
  const user = decodeURIComponent(u.username)
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''))
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1')
  if (!user) throw new AppError('BAD_ARGUMENT', `The MySQL URL names no user: ${url}. Expected mysql://USER@HOST[:PORT]/DATABASE`, { field: 'source' })
  if (!database || database.includes('/')) {
    throw new AppError('BAD_ARGUMENT', `The MySQL URL names no database: ${url}. Expected mysql://USER@HOST[:PORT]/DATABASE`, { field: 'source' })
  }
  const known = new Set(['connectTimeout', 'ssl', 'ssl-ca', 'ssl-cert', 'ssl-key', 'ssl-verify'])
  const unknown = [...u.searchParams.keys()].filter((k) => !known.has(k))
  if (unknown.length) {
    throw new AppError('BAD_ARGUMENT', `Unknown option in the MySQL URL: ${unknown.join(', ')} (known: ${[...known].join(', ')})`, { field: 'source' })
  }
  const timeout = u.searchParams.get('connectTimeout')
  const flag = (v: string | null) => v !== null && !/^(0|false|no|off)$/i.test(v)
  const sslFiles = { ca: u.searchParams.get('ssl-ca'), cert: u.searchParams.get('ssl-cert'), key: u.searchParams.get('ssl-key') }
  const wantsSsl = flag(u.searchParams.get('ssl')) || Object.values(sslFiles).some((v) => v !== null)
  const ssl = wantsSsl
    ? {
        ...(sslFiles.ca ? { ca: sslFiles.ca } : {}),
        ...(sslFiles.cert ? { cert: sslFiles.cert } : {}),
        ...(sslFiles.key ? { key: sslFiles.key } : {}),
        verify: u.searchParams.get('ssl-verify') === null ? true : flag(u.searchParams.get('ssl-verify')),
      }
    : undefined
  const parsed = mysqlSpecSchema.safeParse({
    kind: 'mysql',
    host: host || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user,
    database,
    ...(timeout ? { connectTimeoutMs: Number(timeout) * 1000 } : {}),
    ...(ssl ? { ssl } : {}),
  })
  if (!parsed.success) {
    throw new AppError('BAD_ARGUMENT', `Invalid MySQL URL ${url}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { field: 'source' })
  }
  const { password: _omit, ...spec } = parsed.data
  return spec
}

/** The password for a MySQL source: the environment variable if set (even empty), else a prompt. */
export async function mysqlPassword(spec: Pick<MysqlSpec, 'user' | 'host' | 'port'>, io: CliIO): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV]
  if (fromEnv !== undefined) return fromEnv
  try {
    return await io.promptSecret(`Password for ${spec.user}@${spec.host}:${spec.port}: `)
  } catch {
    throw new AppError('AUTH_FAILED', `No password for ${spec.user}@${spec.host}:${spec.port}: set ${PASSWORD_ENV} (empty for none) or run in a terminal to be asked.`, {
      field: PASSWORD_ENV,
    })
  }
}

/**
 * The data source of a CLI command: a SQLite file given as the positional
 * argument, or `--source mysql://user@host:port/db` (a `mysql://` URL is also
 * accepted in the positional place).
 */
export async function resolveSource(
  positional: string | undefined,
  sourceUrl: string | undefined,
  io: CliIO,
  opts: { writable?: boolean } = {},
): Promise<SourceSpec> {
  if (positional && sourceUrl) {
    throw new AppError('BAD_ARGUMENT', 'Give either a database file or --source, not both', { field: 'source' })
  }
  const given = sourceUrl ?? positional
  if (!given) throw new AppError('BAD_ARGUMENT', 'No database given: pass a SQLite file or --source mysql://USER@HOST:PORT/DATABASE', { field: 'source' })
  if (isMysqlUrl(given)) {
    const spec = parseMysqlUrl(given)
    return { ...spec, password: await mysqlPassword(spec, io) }
  }
  if (sourceUrl && /^[a-z][a-z0-9+.-]*:\/\//i.test(sourceUrl)) {
    throw new AppError('BAD_ARGUMENT', `Unsupported source ${sourceUrl}: only mysql:// (or mariadb://) URLs and SQLite files`, { field: 'source' })
  }
  return { kind: 'sqlite', path: resolve(given), writable: opts.writable ?? false }
}
