import { availableParallelism } from 'node:os'
import { basename } from 'node:path'
import type { DumpImportReport, DumpIssue, ForeignKeyViolation } from '../../../shared/calls/dump'
import { AppError } from '../../../shared/errors'
import { openSqlite, type SqliteDatabase } from '../db/sqlite-native'
import type { DumpDialect } from './dialect'
import { ReportBuilder } from './import-report'
import { InsertLoader } from './insert-loader'
import { applyStatement, StatementIssue, type StatementEnv } from './sqlite-statements'
import type { SplitEvent } from './statement-splitter'
import { TableCatalog } from './table-catalog'
import { newTranslateContext } from './translate-expr'

export interface SqliteLoadArgs {
  /** The temporary file to write (renamed into place by the caller). */
  tmpPath: string
  /** The dump, for error messages. */
  file: string
  dialect: DumpDialect
  strict: boolean
  /** Bytes that were not UTF-8 were seen: text values may need repair. */
  bytesEscaped: boolean
}

/** What loading found, for the report (plain data: it crosses from the loader thread). */
export interface SqliteLoadResult {
  statements: number
  rows: number
  tables: { name: string; rows: number }[]
  views: string[]
  issues: DumpIssue[]
  issuesOmitted: number
  ignored: Record<string, number>
  warnings: string[]
  foreignKeyCheck: DumpImportReport['foreignKeyCheck']
  latin1Values: number
}

function applyPragmas(db: SqliteDatabase): void {
  // A new file that is deleted on failure: no need for durability while loading.
  db.pragma('journal_mode = MEMORY')
  db.pragma('synchronous = OFF')
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('foreign_keys = OFF')
  // 8 MiB of pages: loading appends (indexes come after, see finish), so a few pages per table are hot; a
  // larger cache only raised peak memory (16 MiB: +8 MB, no faster).
  db.pragma('cache_size = -8192')
}

/**
 * The SQLite side of an import: applies split statements and COPY data to a new
 * file in one transaction, then builds the deferred indexes, commits and runs
 * the foreign key check. Runs on its own thread (sqlite-load-job.ts) so reading
 * and splitting the dump overlap with SQLite's work, or inline as a fallback.
 */
export class SqliteLoad {
  private readonly db: SqliteDatabase
  private readonly report = new ReportBuilder()
  private readonly env: StatementEnv
  private readonly rowsRef = { n: 0 }
  private copyTable: string | null = null
  private copyLine = 0
  private copyText = ''
  private bytesEscaped: boolean

  constructor(private readonly args: SqliteLoadArgs) {
    this.bytesEscaped = args.bytesEscaped
    this.db = openSqlite(args.tmpPath)
    applyPragmas(this.db)
    this.db.exec('BEGIN')
    const catalog = new TableCatalog(this.db)
    this.env = {
      db: this.db,
      dialect: args.dialect,
      tctx: newTranslateContext(args.dialect),
      catalog,
      inserts: new InsertLoader(this.db, catalog, args.dialect, () => this.bytesEscaped),
      report: this.report,
      rows: this.rowsRef,
      deferredIndexes: [],
      line: 0,
    }
  }

  get rows(): number {
    return this.rowsRef.n
  }

  private fail(line: number, text: string, err: StatementIssue): void {
    this.report.issue(err.kind, line, text, err.message)
    if (this.args.strict && err.kind === 'failed') {
      throw new AppError('SQL_ERROR', `${basename(this.args.file)} line ${line}: ${err.message}`, { file: this.args.file, line, sql: text.slice(0, 200) })
    }
  }

  handle(events: readonly SplitEvent[], bytesEscaped: boolean): void {
    this.bytesEscaped = bytesEscaped
    const e = this.env
    for (const ev of events) {
      if (ev.type === 'statement') {
        this.report.statements++
        if ((ev.text.charCodeAt(0) | 32) === 99 && /^COPY\b/i.test(ev.text)) {
          this.beginCopy(ev.text, ev.line)
          continue
        }
        e.line = ev.line
        try {
          applyStatement(ev.text, e, ev.pre)
        } catch (err) {
          if (err instanceof StatementIssue) this.fail(ev.line, ev.text, err)
          else throw err
        }
      } else if (ev.type === 'copyRow') {
        if (this.copyTable) e.inserts.copyRow(ev.text, ev.line)
      } else if (ev.type === 'copyEnd') {
        if (this.copyTable) {
          const r = e.inserts.endCopy(ev.line)
          this.rowsRef.n += r.rows
          if (r.failed) this.fail(this.copyLine, this.copyText, new StatementIssue('failed', `COPY ${this.copyTable}: ${r.failed}; none of its rows were loaded`))
        }
        this.copyTable = null
      } else if (ev.type === 'meta') {
        this.report.ignore(/^delimiter/i.test(ev.text) ? 'DELIMITER' : `psql ${ev.text.split(/\s/)[0]}`)
      }
    }
  }

  private beginCopy(text: string, line: number): void {
    const m = /^COPY\s+((?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?)\s*(\(([^)]*)\))?\s+FROM\s+stdin/i.exec(text)
    const name = m ? m[1]!.split('.').pop()!.replace(/^"|"$/g, '').replace(/""/g, '"') : ''
    const cols = m?.[3] ? m[3].split(',').map((c) => c.trim().replace(/^"|"$/g, '').replace(/""/g, '"')) : null
    this.copyLine = line
    this.copyText = text
    this.copyTable = name && this.env.inserts.beginCopy(name, cols) ? name : null
    if (!this.copyTable) this.fail(line, text, new StatementIssue('failed', `COPY into unknown table ${name}: its rows are skipped`))
  }

  /** Builds the deferred indexes, commits, checks foreign keys and counts rows; closes the file. */
  finish(onPhase: (phase: string) => void = () => undefined): SqliteLoadResult {
    const db = this.db
    try {
      onPhase('creating indexes')
      // SQLite's sorter may use helper threads: loading is over, so the cores are free. A small cache makes
      // it sort in runs that fit the CPU's caches: a 4M-row index took 2.0 s with 2 MiB against 2.4-2.9 s
      // with 16 MiB, and peak memory grew by 9 MB instead of 65.
      db.pragma(`threads = ${Math.min(4, availableParallelism())}`)
      db.pragma('cache_size = -2048')
      for (const ix of this.env.deferredIndexes) {
        try {
          db.exec(ix.sql)
        } catch (err) {
          this.fail(ix.line, ix.sql, new StatementIssue('failed', `index: SQLite: ${(err as Error).message}`))
        }
      }
      db.exec('COMMIT')
      onPhase('checking foreign keys')
      const fk = foreignKeyCheck(db)
      const objs = db.prepare(`SELECT name, type FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`).all() as { name: string; type: string }[]
      const tables = objs
        .filter((o) => o.type === 'table')
        .map((o) => ({ name: o.name, rows: (db.prepare(`SELECT count(*) AS n FROM "${o.name.replace(/"/g, '""')}"`).get() as { n: number }).n }))
      const latin1Values = this.env.inserts.latin1Values
      if (latin1Values > 0) this.report.warn(`The file is not valid UTF-8: ${latin1Values} text value(s) were read as Latin-1 (blob values keep their bytes)`)
      return {
        statements: this.report.statements,
        rows: this.rowsRef.n,
        tables,
        views: objs.filter((o) => o.type === 'view').map((o) => o.name),
        issues: this.report.issues,
        issuesOmitted: this.report.issuesOmitted,
        ignored: this.report.ignored,
        warnings: this.report.warnings,
        foreignKeyCheck: fk,
        latin1Values,
      }
    } finally {
      this.close()
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

interface FkRow {
  id: number
  table: string
  from: string
  to: string | null
}

/**
 * Whether a one-column key pointing at its parent's rowid has no child value
 * missing from the parent, read from the distinct child values (the child's
 * index when it has one, as dumps do for their foreign keys) instead of row by
 * row as PRAGMA foreign_key_check does: 0.2 s instead of 2.1 s for 4 million
 * rows. A true answer is exact; anything else is left to the PRAGMA.
 */
function keyHasNoOrphans(db: SqliteDatabase, child: string, fk: FkRow): boolean {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`
  const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(fk.table) as { name: string; type: string; pk: number }[]
  const pks = cols.filter((c) => c.pk > 0)
  const rowidKey = pks.length === 1 && pks[0]!.type.toUpperCase() === 'INTEGER' ? pks[0]!.name : null
  if (!rowidKey || (fk.to !== null && fk.to.toLowerCase() !== rowidKey.toLowerCase())) return false
  const orphan = db
    .prepare(`SELECT 1 FROM (SELECT DISTINCT ${q(fk.from)} AS v FROM ${q(child)} WHERE ${q(fk.from)} IS NOT NULL) d WHERE NOT EXISTS (SELECT 1 FROM ${q(fk.table)} p WHERE p.${q(rowidKey)} = d.v) LIMIT 1`)
    .get()
  return orphan === undefined
}

function foreignKeyCheck(db: SqliteDatabase): DumpImportReport['foreignKeyCheck'] {
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`).pluck().all() as string[]
    const rows: { table: string; rowid: number | null; parent: string }[] = []
    for (const t of tables) {
      const fks = db.prepare('SELECT id, "table", "from", "to" FROM pragma_foreign_key_list(?)').all(t) as FkRow[]
      if (!fks.length) continue
      const byId = new Map<number, FkRow[]>()
      for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk])
      const proven = [...byId.values()].every((parts) => parts.length === 1 && keyHasNoOrphans(db, t, parts[0]!))
      if (!proven) rows.push(...(db.prepare(`PRAGMA foreign_key_check("${t.replace(/"/g, '""')}")`).all() as typeof rows))
    }
    const sample: ForeignKeyViolation[] = rows.slice(0, 20).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }))
    return { ran: true, violations: rows.length, sample }
  } catch (err) {
    return { ran: false, violations: 0, sample: [], error: (err as Error).message }
  }
}
