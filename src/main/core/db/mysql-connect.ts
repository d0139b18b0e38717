import { existsSync, readFileSync } from 'node:fs'
import { createConnection, type Connection, type ConnectionOptions } from 'mysql2'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import { connectError, type Endpoint } from './mysql-errors'
import { castValue } from './mysql-values'

export function endpointOf(spec: MysqlSpec): Endpoint {
  return { host: spec.host, port: spec.port, user: spec.user, database: spec.database }
}

/** A CA/cert/key field holds either PEM text or the path of a PEM file. */
function pem(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (value.includes('-----BEGIN')) return value
  if (!existsSync(value)) throw new AppError('NOT_FOUND', `SSL ${field} file not found: ${value}`, { file: value, field: `ssl.${field}` })
  return readFileSync(value, 'utf8')
}

export function connectionOptions(spec: MysqlSpec): ConnectionOptions {
  const ssl = spec.ssl
  const sslOptions = ssl
    ? {
        ca: pem(ssl.ca, 'ca'),
        cert: pem(ssl.cert, 'cert'),
        key: pem(ssl.key, 'key'),
        rejectUnauthorized: ssl.verify,
      }
    : undefined
  return {
    host: spec.host,
    port: spec.port,
    user: spec.user,
    password: spec.password ?? '',
    database: spec.database,
    connectTimeout: spec.connectTimeoutMs,
    charset: 'UTF8MB4_UNICODE_CI',
    // Values travel as text and are typed by castValue, so nothing is rounded or shifted by a time zone.
    rowsAsArray: true,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    typeCast: castValue,
    // exec() takes several statements separated by `;`, as the console does.
    multipleStatements: true,
    ...(sslOptions ? { ssl: sslOptions } : {}),
  }
}

/** Opens one connection; every failure becomes an AppError naming host:port and user. */
export function openConnection(spec: MysqlSpec): Promise<Connection> {
  const endpoint = endpointOf(spec)
  let options: ConnectionOptions
  try {
    options = connectionOptions(spec)
  } catch (err) {
    return Promise.reject(connectError(err, endpoint, spec.connectTimeoutMs))
  }
  return new Promise((resolve, reject) => {
    let settled = false
    const c = createConnection(options)
    // A later fatal error with no query waiting (server restart, idle timeout) must not crash the process.
    c.on('error', () => undefined)
    c.connect((err) => {
      if (settled) return
      settled = true
      if (err) {
        c.destroy()
        reject(connectError(err, endpoint, spec.connectTimeoutMs))
      } else {
        resolve(c)
      }
    })
  })
}
