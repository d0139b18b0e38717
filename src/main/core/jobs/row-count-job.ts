import type { SourceSpec } from '../../../shared/source-spec'
import { openDriver } from '../db/open-driver'
import { SqliteDriver } from '../db/sqlite-driver'
import type { JobContext } from './job-context'

export interface RowCountArgs {
  spec: SourceSpec
  /** Tables to count; all tables when omitted. */
  tables?: string[]
  /** Rowids per counting step; smaller steps report progress and see a cancel sooner. */
  chunkRows?: number
}
export type RowCountResult = Record<string, number>

const DEFAULT_CHUNK = 250_000

/**
 * Exact row counts, table by table. On SQLite a table with a rowid is counted in
 * rowid ranges, so progress is reported and a cancel is seen within one chunk.
 * Read-only: nothing in the database changes.
 */
export async function rowCountJob(args: RowCountArgs, ctx: JobContext): Promise<RowCountResult> {
  const driver = await openDriver(args.spec.kind === 'sqlite' ? { ...args.spec, writable: false } : args.spec)
  try {
    const model = await driver.introspect()
    const wanted = args.tables ? new Set(args.tables) : null
    const tables = model.tables.filter((t) => t.kind === 'table' && (!wanted || wanted.has(t.name)))
    const result: RowCountResult = {}
    const CHUNK = args.chunkRows ?? DEFAULT_CHUNK
    if (driver instanceof SqliteDriver) {
      const q = driver.dialect.quoteId
      const spans = tables.map((t) => {
        if (!t.hasRowid) return { t, min: 0, max: -1 }
        const r = driver.db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${q(t.name)}`).get() as { lo: number | null; hi: number | null }
        return { t, min: r.lo ?? 0, max: r.hi ?? -1 }
      })
      const total = spans.reduce((s, x) => s + Math.max(0, x.max - x.min + 1), 0)
      let done = 0
      ctx.progress({ phase: 'counting', done, total, unit: 'rows' })
      for (const { t, min, max } of spans) {
        ctx.throwIfCancelled()
        if (!t.hasRowid) {
          result[t.name] = await driver.countRows(t.name)
          continue
        }
        const stmt = driver.db.prepare(`SELECT count(*) AS n FROM ${q(t.name)} WHERE rowid >= ? AND rowid < ?`)
        let n = 0
        for (let lo = min; lo <= max; lo += CHUNK) {
          ctx.throwIfCancelled()
          n += (stmt.get(lo, lo + CHUNK) as { n: number }).n
          done += Math.min(CHUNK, max - lo + 1)
          ctx.progress({ phase: `counting ${t.name}`, done, total, unit: 'rows' })
        }
        result[t.name] = n
      }
      ctx.progress({ phase: 'done', done: total, total, unit: 'rows' })
    } else {
      let done = 0
      for (const t of tables) {
        ctx.throwIfCancelled()
        result[t.name] = await driver.countRows(t.name)
        done++
        ctx.progress({ phase: `counting ${t.name}`, done, total: tables.length, unit: 'tables' })
      }
    }
    return result
  } finally {
    await driver.close()
  }
}
