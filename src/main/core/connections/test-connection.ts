import type { ConnectionTestResult } from '../../../shared/calls/connections'
import type { MysqlSpec } from '../../../shared/source-spec'
import { MysqlDriver } from '../db/mysql-driver'

/** Connects, asks the server's version, and closes; errors are the driver's AppErrors (AUTH_FAILED, TIMEOUT, ...). */
export async function testConnection(spec: MysqlSpec): Promise<ConnectionTestResult> {
  const started = performance.now()
  const driver = await MysqlDriver.connect(spec)
  const latencyMs = Math.round(performance.now() - started)
  await driver.close()
  return { serverVersion: driver.serverVersion, server: driver.mariadb ? 'mariadb' : 'mysql', latencyMs }
}
