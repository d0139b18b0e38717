import { existsSync } from 'node:fs'
import type { CopyToSqliteResult } from '../../../shared/calls/connections'
import { AppError } from '../../../shared/errors'
import type { TableInfo } from '../../../shared/schema-model'
import type { MysqlSpec } from '../../../shared/source-spec'
import { withAtomicFile } from '../jobs/atomic-file'
import type { JobContext } from '../jobs/job-context'
import type { SqlValue } from './driver'
import { watchCancel } from './mysql-cancel-watch'
import { MysqlDriver, mysqlDialect } from './mysql-driver'
import { convertValue, createIndexSql, createTableSql, translateViewSql, type MappedColumn } from './mysql-sqlite-ddl'
import { sqliteDialect } from './sqlite-driver'
import { openSqlite, type SqliteDatabase } from './sqlite-native'

export interface CopyToSqliteArgs {
  spec: MysqlSpec
  /** Tables to copy; every table when omitted. Views come along when all their tables do. */
  tables?: string[]
  /** The SQLite file to write; written under a temporary name and renamed when complete. */
  output: string
  /** Replace an existing output file. */
  overwrite?: boolean
  /** Rows per read batch and per SQLite transaction. */
  batchSize?: number
}

export type { CopyToSqliteResult }

function pickTables(all: TableInfo[], wanted: string[] | undefined): TableInfo[] {
  const tables = all.filter((t) => t.kind === 'table')
  if (!wanted) return tables
  const byName = new Map(tables.map((t) => [t.name, t]))
  const missing = wanted.filter((n) => !byName.has(n))
  if (missing.length) {
    throw new AppError('NOT_FOUND', `No such table in the MySQL database: ${missing.join(', ')}`, { field: 'tables', tables: missing.join(',') })
  }
  return [...new Set(wanted)].map((n) => byName.get(n)!)
}

async function copyTable(driver: MysqlDriver, db: SqliteDatabase, t: TableInfo, columns: MappedColumn[], batchSize: number, onRows: (n: number) => void, ctx: JobContext): Promise<number> {
  const mq = mysqlDialect.quoteId
  const insert = db.prepare(`INSERT INTO ${sqliteDialect.quoteId(t.name)} VALUES (${columns.map(() => '?').join(', ')})`)
  const conversions = columns.map((c) => c.convert)
  const needsConversion = conversions.some((c) => c !== 'none')
  const writeBatch = db.transaction((rows: SqlValue[][]) => {
    for (const row of rows) {
      if (needsConversion) for (let i = 0; i < row.length; i++) row[i] = convertValue(row[i]!, conversions[i]!)
      insert.run(row)
    }
  })
  let copied = 0
  const select = `SELECT ${columns.map((c) => mq(c.name)).join(', ')} FROM ${mq(t.name)}`
  for await (const batch of driver.iterate(select, [], batchSize)) {
    ctx.throwIfCancelled()
    writeBatch(batch)
    copied += batch.length
    onRows(batch.length)
  }
  return copied
}

/**
 * Copies a MySQL/MariaDB database (or chosen tables) into a new SQLite file for
 * offline work: tables with their primary and foreign keys, indexes, the views
 * SQLite can read, and every row, streamed in batches. Progress is in rows
 * against the server's estimate; a cancel or a failure leaves no output file.
 */
export async function copyToSqliteJob(args: CopyToSqliteArgs, ctx: JobContext): Promise<CopyToSqliteResult> {
  if (existsSync(args.output) && !args.overwrite) {
    throw new AppError('BAD_ARGUMENT', `${args.output} already exists; choose another file or allow replacing it`, { file: args.output, field: 'output' })
  }
  const batchSize = args.batchSize ?? 2000
  ctx.progress({ phase: 'connecting', done: 0, total: null, unit: 'rows' })
  const driver = await MysqlDriver.connect(args.spec)
  // A cancel during a long server-side read stops the statement on the server at once.
  const stopWatching = watchCancel(driver, ctx)
  try {
    const model = await driver.introspect()
    const tables = pickTables(model.tables, args.tables)
    const copiedNames = new Set(tables.map((t) => t.name))
    let total = tables.reduce((n, t) => n + (t.rowCount ?? 0), 0)
    let done = 0
    const skipped: string[] = []
    const result = await withAtomicFile(args.output, async (tmp) => {
      const db = openSqlite(tmp)
      try {
        // A fresh file nobody reads until it is complete: no journal needed.
        db.pragma('journal_mode = OFF')
        db.pragma('synchronous = OFF')
        // Rows arrive table by table, children possibly before parents; keys are checked by the source already.
        db.pragma('foreign_keys = OFF')
        const ddl: ReturnType<typeof createTableSql>[] = []
        for (const t of tables) ddl.push(createTableSql(t, copiedNames, await wideUnsignedColumns(driver, t)))
        for (const d of ddl) {
          db.exec(d.create)
          skipped.push(...d.droppedForeignKeys.map((fk) => `foreign key ${fk}: parent table not copied`))
        }
        const counts: { name: string; rows: number }[] = []
        for (const [i, t] of tables.entries()) {
          ctx.throwIfCancelled()
          const phase = `copying ${t.name}`
          ctx.progress({ phase, done, total, unit: 'rows' })
          const rows = await copyTable(driver, db, t, ddl[i]!.columns, batchSize, (n) => {
            done += n
            if (done > total) total = done
            ctx.progress({ phase, done, total, unit: 'rows' })
          }, ctx)
          counts.push({ name: t.name, rows })
        }
        ctx.progress({ phase: 'indexing', done, total: done, unit: 'rows' })
        const indexes = createIndexSql(tables)
        skipped.push(...indexes.skipped)
        for (const sql of indexes.sql) {
          ctx.throwIfCancelled()
          db.exec(sql)
        }
        const views = copyViews(db, model.tables, copiedNames, args.spec.database, skipped)
        // Sampled statistics: row estimates for the explorer without reading every index in full.
        db.pragma('analysis_limit = 1000')
        db.exec('ANALYZE')
        return { tables: counts, views }
      } finally {
        db.close()
      }
    })
    ctx.progress({ phase: 'done', done, total: done, unit: 'rows' })
    return { output: args.output, ...result, rows: done, skipped }
  } finally {
    stopWatching()
    await driver.close()
  }
}

const INT64_MAX = 2n ** 63n - 1n

/** BIGINT UNSIGNED columns whose largest value does not fit SQLite's signed 64-bit integer. */
async function wideUnsignedColumns(driver: MysqlDriver, t: TableInfo): Promise<Set<string>> {
  const wide = new Set<string>()
  for (const c of t.columns) {
    if (!/^bigint\b.*unsigned/i.test(c.type)) continue
    const r = await driver.query(`SELECT MAX(${mysqlDialect.quoteId(c.name)}) FROM ${mysqlDialect.quoteId(t.name)}`)
    const max = r.rows[0]?.[0]
    if (typeof max === 'bigint' && max > INT64_MAX) wide.add(c.name)
  }
  return wide
}

/** Views whose tables were all copied and whose SQL SQLite accepts after a plain rewrite. */
function copyViews(db: SqliteDatabase, all: TableInfo[], copied: Set<string>, database: string, skipped: string[]): string[] {
  const created: string[] = []
  for (const v of all.filter((t) => t.kind === 'view')) {
    if (!v.sql) continue
    const sql = translateViewSql(v.name, v.sql, database)
    const refs = all.filter((t) => t.kind === 'table' && new RegExp(`"${t.name.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')}"`).test(sql))
    if (refs.some((t) => !copied.has(t.name))) {
      skipped.push(`view ${v.name}: uses a table that was not copied`)
      continue
    }
    try {
      db.exec(sql)
      // Unknown functions or syntax show up when the view is first read.
      db.prepare(`SELECT * FROM ${sqliteDialect.quoteId(v.name)} LIMIT 0`).all()
      created.push(v.name)
    } catch (err) {
      db.exec(`DROP VIEW IF EXISTS ${sqliteDialect.quoteId(v.name)}`)
      skipped.push(`view ${v.name}: SQLite cannot read its MySQL SQL (${(err as Error).message})`)
    }
  }
  return created
}
