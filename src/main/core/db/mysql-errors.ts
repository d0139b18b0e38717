import { AppError } from '../../../shared/errors'

/** Where a connection goes, for messages; never the password. */
export interface Endpoint {
  host: string
  port: number
  user: string
  database: string
}

interface MysqlErrorLike {
  message: string
  code?: string
  errno?: number
  fatal?: boolean
  sqlMessage?: string
}

function asMysqlError(err: unknown): MysqlErrorLike {
  if (err instanceof Error) return err as MysqlErrorLike
  return { message: String(err) }
}

const where = (e: Endpoint) => `${e.host}:${e.port}`

/** Errors while opening a connection, in the words a user can act on. */
export function connectError(err: unknown, e: Endpoint, timeoutMs: number): AppError {
  if (err instanceof AppError) return err
  const m = asMysqlError(err)
  const details = { host: e.host, port: e.port, user: e.user, database: e.database, cause: m.code ?? m.message }
  switch (m.code) {
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new AppError('AUTH_FAILED', `Access denied for user '${e.user}' at ${where(e)}: wrong user name or password.`, { ...details, field: 'password' })
    case 'ER_DBACCESS_DENIED_ERROR':
      return new AppError('AUTH_FAILED', `User '${e.user}' may not use database '${e.database}' on ${where(e)}.`, { ...details, field: 'database' })
    case 'ER_BAD_DB_ERROR':
      return new AppError('NOT_FOUND', `Database '${e.database}' does not exist on ${where(e)}.`, { ...details, field: 'database' })
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('CONNECTION_FAILED', `Unknown host '${e.host}': the name does not resolve. Check the host name.`, { ...details, field: 'host' })
    case 'ECONNREFUSED':
      return new AppError(
        'CONNECTION_FAILED',
        `Connection refused by ${where(e)}: no MySQL/MariaDB server is listening there. Check the host, the port and that the server runs.`,
        { ...details, field: 'port' },
      )
    case 'ETIMEDOUT':
    case 'PROTOCOL_SEQUENCE_TIMEOUT':
      return new AppError('TIMEOUT', `No answer from ${where(e)} within ${Math.round(timeoutMs / 1000)} s (user '${e.user}'). Check the host, port and firewall.`, details)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('CONNECTION_FAILED', `Host ${e.host} cannot be reached from this machine (${m.code}).`, details)
    case 'ECONNRESET':
    case 'PROTOCOL_CONNECTION_LOST':
      return new AppError('CONNECTION_FAILED', `${where(e)} closed the connection during login (user '${e.user}'). Is it a MySQL server, and does it accept this client (SSL settings)?`, details)
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new AppError('CONNECTION_FAILED', `${where(e)} does not offer SSL. Turn SSL off for this connection, or enable SSL on the server.`, { ...details, field: 'ssl' })
    case 'HANDSHAKE_SSL_ERROR':
      return new AppError('CONNECTION_FAILED', `SSL to ${where(e)} failed: ${m.message}`, details)
    default:
      if (/certificate|ssl|tls/i.test(m.message)) {
        return new AppError('CONNECTION_FAILED', `SSL to ${where(e)} failed: ${m.message}`, details)
      }
      return new AppError('CONNECTION_FAILED', `Cannot connect to ${where(e)} as '${e.user}': ${m.message}`, details)
  }
}

/** Codes meaning the query was stopped by KILL QUERY or a statement time limit. */
const INTERRUPTED = new Set(['ER_QUERY_INTERRUPTED', 'ER_STATEMENT_TIMEOUT', 'ER_QUERY_TIMEOUT'])

/** Whether the connection is unusable after this error (it is then reopened). */
export function isConnectionLost(err: unknown): boolean {
  const m = asMysqlError(err)
  return m.fatal === true || m.code === 'ER_CONNECTION_KILLED' || m.code === 'PROTOCOL_CONNECTION_LOST' || m.code === 'ECONNRESET' || m.code === 'EPIPE'
}

/** Errors while a query runs. `cancelled` says whether this driver asked for a KILL QUERY. */
export function queryError(err: unknown, e: Endpoint, sql: string, cancelled: boolean): AppError {
  if (err instanceof AppError) return err
  const m = asMysqlError(err)
  const details = { sql: sql.slice(0, 500), host: e.host, port: e.port, ...(m.code ? { cause: m.code } : {}) }
  if (isConnectionLost(err)) {
    return new AppError(
      'CONNECTION_FAILED',
      `Lost the connection to ${where(e)} during the query (server gone away or connection killed). The connection is reopened on the next query; run it again.`,
      details,
    )
  }
  if (m.code && INTERRUPTED.has(m.code)) {
    return cancelled
      ? new AppError('CANCELLED', 'Query cancelled', details)
      : new AppError('TIMEOUT', `The query was interrupted by the server on ${where(e)}: ${m.message}`, details)
  }
  return new AppError('SQL_ERROR', m.sqlMessage ?? m.message, details)
}
