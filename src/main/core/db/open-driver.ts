import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from './driver'
import { SqliteDriver } from './sqlite-driver'

/** Opens a connection for a source spec. Workers call this to get their own connection. */
export async function openDriver(spec: SourceSpec): Promise<Driver> {
  if (spec.kind === 'sqlite') return new SqliteDriver(spec.path, { writable: spec.writable })
  const { MysqlDriver } = await import('./mysql-driver')
  return MysqlDriver.connect(spec)
}
