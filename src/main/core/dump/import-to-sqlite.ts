import { basename } from 'node:path'
import type { DumpImportReport, ForeignKeyViolation } from '../../../shared/calls/dump'
import { AppError } from '../../../shared/errors'
import { openSqlite, type SqliteDatabase } from '../db/sqlite-native'
import type { JobContext } from '../jobs/job-context'
import { withAtomicFile } from '../jobs/atomic-file'
import { detectDialect, type DumpDialect } from './dialect'
import { readDump, type DumpReaderInfo } from './dump-reader'
import { ReportBuilder, reportText } from './import-report'
import { InsertLoader } from './insert-loader'
import { applyStatement, StatementIssue, type StatementEnv } from './sqlite-statements'
import { StatementSplitter, type SplitEvent } from './statement-splitter'
import { TableCatalog } from './table-catalog'
import { newTranslateContext } from './translate-expr'

export interface SqliteImportOptions {
  path: string
  output: string
  dialect: 'auto' | DumpDialect
  strict: boolean
}

/** Text read before the dialect is decided: enough for any dump's header. */
const DETECT_CHARS = 64 * 1024

/**
 * Reads the dump chunk by chunk and feeds whole statements to `onEvents`;
 * the dialect is detected from the first 64 KiB unless given.
 */
export async function streamDump(
  path: string,
  dialectArg: 'auto' | DumpDialect,
  info: DumpReaderInfo,
  ctx: JobContext,
  opts: { keepExecutableComments: boolean },
  onStart: (dialect: DumpDialect, detected: boolean) => void,
  onEvents: (events: SplitEvent[], bytesRead: number) => Promise<void> | void,
): Promise<{ line: number; firstLine: string; tail: string }> {
  let firstLine: string | null = null
  let tail = ''
  let splitter: StatementSplitter | null = null
  let head = ''
  const events: SplitEvent[] = []
  const file = basename(path)
  const start = (): StatementSplitter => {
    const d = dialectArg === 'auto' ? detectDialect(head) : { dialect: dialectArg, confident: true }
    onStart(d.dialect, dialectArg === 'auto')
    return new StatementSplitter({ dialect: d.dialect, keepExecutableComments: opts.keepExecutableComments, file: path })
  }
  let lastBytes = 0
  for await (const chunk of readDump(path, info)) {
    ctx.throwIfCancelled()
    lastBytes = chunk.bytesRead
    if (firstLine === null) firstLine = chunk.text.slice(0, 200).split('\n')[0] ?? ''
    tail = (tail + chunk.text.slice(-400)).slice(-400)
    if (!splitter) {
      head += chunk.text
      if (head.length < DETECT_CHARS) continue
      splitter = start()
      splitter.push(head, events)
      head = ''
    } else splitter.push(chunk.text, events)
    if (events.length) await onEvents(events, chunk.bytesRead)
    events.length = 0
  }
  if (!splitter) {
    if (!head.trim()) throw new AppError('PARSE_ERROR', `${file} has no SQL in it (line 1)`, { file: path, line: 1 })
    splitter = start()
    splitter.push(head, events)
  }
  splitter.end(events)
  if (events.length) await onEvents(events, lastBytes)
  return { line: splitter.currentLine, firstLine: firstLine ?? '', tail }
}

function applyPragmas(db: SqliteDatabase): void {
  // A new file that is deleted on failure: no need for durability while loading.
  db.pragma('journal_mode = MEMORY')
  db.pragma('synchronous = OFF')
  db.pragma('foreign_keys = OFF')
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
}

export async function importToSqlite(opts: SqliteImportOptions, ctx: JobContext): Promise<{ outputPath: string; report: DumpImportReport }> {
  const t0 = Date.now()
  const info: DumpReaderInfo = { gzip: false, fileSize: 0, bom: false, invalidUtf8: false }
  const report = new ReportBuilder()
  const rows = { n: 0 }
  let dialect: DumpDialect = 'mysql'
  let detected = false
  return withAtomicFile(opts.output, async (tmp) => {
    const db = openSqlite(tmp)
    try {
      applyPragmas(db)
      db.exec('BEGIN')
      let env: StatementEnv | null = null
      let copyTable: string | null = null
      let copyLine = 0
      let copyText = ''
      const fail = (line: number, text: string, err: StatementIssue): void => {
        report.issue(err.kind, line, text, err.message)
        if (opts.strict && err.kind === 'failed') {
          throw new AppError('SQL_ERROR', `${basename(opts.path)} line ${line}: ${err.message}`, { file: opts.path, line, sql: text.slice(0, 200) })
        }
      }
      const streamed = await streamDump(
        opts.path,
        opts.dialect,
        info,
        ctx,
        { keepExecutableComments: false },
        (d, det) => {
          dialect = d
          detected = det
          const catalog = new TableCatalog(db)
          env = { db, dialect: d, tctx: newTranslateContext(d), catalog, inserts: new InsertLoader(db, catalog, d, () => info.invalidUtf8), report, rows, deferredIndexes: [], line: 0 }
        },
        (events, bytesRead) => {
          const e = env!
          for (const ev of events) {
            if (ev.type === 'statement') {
              report.statements++
              if (/^COPY\b/i.test(ev.text)) {
                const m = /^COPY\s+((?:"(?:[^"]|"")*"|[\w$]+)(?:\.(?:"(?:[^"]|"")*"|[\w$]+))?)\s*(\(([^)]*)\))?\s+FROM\s+stdin/i.exec(ev.text)
                const name = m ? m[1]!.split('.').pop()!.replace(/^"|"$/g, '').replace(/""/g, '"') : ''
                const cols = m?.[3] ? m[3].split(',').map((c) => c.trim().replace(/^"|"$/g, '').replace(/""/g, '"')) : null
                copyLine = ev.line
                copyText = ev.text
                copyTable = name && e.inserts.beginCopy(name, cols) ? name : null
                if (!copyTable) fail(ev.line, ev.text, new StatementIssue('failed', `COPY into unknown table ${name}: its rows are skipped`))
                continue
              }
              e.line = ev.line
              try {
                applyStatement(ev.text, e)
              } catch (err) {
                if (err instanceof StatementIssue) fail(ev.line, ev.text, err)
                else throw err
              }
            } else if (ev.type === 'copyRow') {
              if (copyTable) e.inserts.copyRow(ev.text, ev.line)
            } else if (ev.type === 'copyEnd') {
              if (copyTable) {
                const r = e.inserts.endCopy(ev.line)
                rows.n += r.rows
                if (r.failed) fail(copyLine, copyText, new StatementIssue('failed', `COPY ${copyTable}: ${r.failed}; none of its rows were loaded`))
              }
              copyTable = null
            } else if (ev.type === 'meta') {
              report.ignore(/^delimiter/i.test(ev.text) ? 'DELIMITER' : `psql ${ev.text.split(/\s/)[0]}`)
            }
          }
          ctx.progress({ phase: 'loading', done: bytesRead, total: info.fileSize, unit: 'bytes', message: `${rows.n.toLocaleString('en-US')} rows loaded` })
        },
      )
      ctx.throwIfCancelled()
      const deferred = (env as StatementEnv | null)?.deferredIndexes ?? []
      ctx.progress({ phase: 'creating indexes', done: info.fileSize, total: info.fileSize, unit: 'bytes', message: `${rows.n.toLocaleString('en-US')} rows loaded` })
      for (const ix of deferred) {
        ctx.throwIfCancelled()
        try {
          db.exec(ix.sql)
        } catch (err) {
          fail(ix.line, ix.sql, new StatementIssue('failed', `index: SQLite: ${(err as Error).message}`))
        }
      }
      ctx.progress({ phase: 'checking foreign keys', done: info.fileSize, total: info.fileSize, unit: 'bytes', message: `${rows.n.toLocaleString('en-US')} rows loaded` })
      db.exec('COMMIT')
      const fk = foreignKeyCheck(db)
      const { tables, views } = tableCounts(db)
      if (tables.length === 0 && views.length === 0) {
        throw new AppError('PARSE_ERROR', `${basename(opts.path)}: no table could be created from this file (line 1); see the report's issues: ${report.issues.slice(0, 3).map((i) => `line ${i.line}: ${i.reason}`).join('; ')}`, { file: opts.path, line: report.issues[0]?.line ?? 1 })
      }
      const latin1 = (env as StatementEnv | null)?.inserts.latin1Values ?? 0
      if (latin1 > 0) report.warn(`The file is not valid UTF-8: ${latin1} text value(s) were read as Latin-1 (blob values keep their bytes)`)
      if (/^-- (MySQL|MariaDB) dump/.test(streamed.firstLine) && !/-- Dump completed/.test(streamed.tail)) report.warn('The dump has no "-- Dump completed" trailer: it may have been cut off between two statements')
      const base: Omit<DumpImportReport, 'text'> = {
        file: opts.path,
        target: 'sqlite',
        dialect,
        dialectDetected: detected,
        encoding: latin1 > 0 ? 'utf-8 with Latin-1 fallback' : 'utf-8',
        gzip: info.gzip,
        bytes: info.fileSize,
        statements: report.statements,
        rowsLoaded: rows.n,
        durationMs: Date.now() - t0,
        tables,
        views,
        issues: report.issues,
        issuesOmitted: report.issuesOmitted,
        ignored: report.ignored,
        warnings: report.warnings,
        foreignKeyCheck: fk,
      }
      db.close()
      return { outputPath: opts.output, report: { ...base, text: reportText(base, opts.output) } }
    } finally {
      if (db.open) db.close()
    }
  })
}

function foreignKeyCheck(db: SqliteDatabase): DumpImportReport['foreignKeyCheck'] {
  try {
    const rows = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null; parent: string }[]
    const sample: ForeignKeyViolation[] = rows.slice(0, 20).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }))
    return { ran: true, violations: rows.length, sample }
  } catch (err) {
    return { ran: false, violations: 0, sample: [], error: (err as Error).message }
  }
}

function tableCounts(db: SqliteDatabase): { tables: { name: string; rows: number }[]; views: string[] } {
  const objs = db.prepare(`SELECT name, type FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as { name: string; type: string }[]
  const tables = objs
    .filter((o) => o.type === 'table')
    .map((o) => ({ name: o.name, rows: (db.prepare(`SELECT count(*) AS n FROM "${o.name.replace(/"/g, '""')}"`).get() as { n: number }).n }))
  return { tables, views: objs.filter((o) => o.type === 'view').map((o) => o.name) }
}
