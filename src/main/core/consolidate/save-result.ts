import { AppError } from '../../../shared/errors'
import type { ConsolidationPlan } from '../../../shared/recipe'
import type { Driver } from '../db/driver'
import { num, planSql, scalar } from './run-plan'

/** Stores the result in the source as a table (in one transaction) or a view. */
export async function saveResult(driver: Driver, plan: ConsolidationPlan, name: string, as: 'table' | 'view', replace: boolean): Promise<{ name: string; as: 'table' | 'view'; rows: number }> {
  if (driver.readonly) {
    throw new AppError('FORBIDDEN', `${driver.name} is open read-only; reopen it writable (or import the dump into a new database) to save "${name}"`, { field: 'sourceId' })
  }
  const model = await driver.introspect()
  const sql = await planSql(driver, plan, model)
  const existing = model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())
  if (existing && !replace) throw new AppError('BAD_ARGUMENT', `A ${existing.kind} named "${existing.name}" already exists`, { field: 'name' })
  if (existing && plan.base.table === existing.name) throw new AppError('BAD_ARGUMENT', `"${name}" is the plan's base table; choose another name`, { field: 'name' })
  const q = driver.dialect.quoteId
  const drop = existing ? `DROP ${existing.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(existing.name)}` : null
  const create = as === 'view' ? `CREATE VIEW ${q(name)} AS ${sql.sql}` : `CREATE TABLE ${q(name)} AS ${sql.sql}`
  if (driver.kind === 'sqlite') {
    // One transaction: a failure leaves the database as it was.
    await driver.exec(`BEGIN IMMEDIATE;${drop ? `${drop};` : ''}${create};COMMIT;`).catch(async (err: unknown) => {
      await driver.exec('ROLLBACK').catch(() => undefined)
      throw err
    })
  } else {
    // MySQL commits DDL implicitly; create under a temporary name, then swap.
    const tmp = `${name}__sonograph_tmp`
    await driver.exec(as === 'view' ? `CREATE VIEW ${q(tmp)} AS ${sql.sql}` : `CREATE TABLE ${q(tmp)} AS ${sql.sql}`)
    try {
      if (drop) await driver.exec(drop)
      await driver.exec(as === 'view' ? `RENAME TABLE ${q(tmp)} TO ${q(name)}` : `RENAME TABLE ${q(tmp)} TO ${q(name)}`)
    } catch (err) {
      await driver.exec(`DROP ${as === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${q(tmp)}`).catch(() => undefined)
      throw err
    }
  }
  const rows = num((await scalar(driver, `SELECT COUNT(*) FROM ${q(name)}`))[0])
  return { name, as, rows }
}
