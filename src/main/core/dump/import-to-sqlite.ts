import type { DumpImportReport } from '../../../shared/calls/dump'
import { AppError } from '../../../shared/errors'
import { basename } from 'node:path'
import type { JobContext } from '../jobs/job-context'
import { withAtomicFile } from '../jobs/atomic-file'
import { HEAP_TRIM_BYTES, heapTrimmer } from '../jobs/heap-trim'
import type { DumpDialect } from './dialect'
import type { DumpReaderInfo } from './dump-reader'
import { streamDump } from './dump-stream'
import { reportText } from './import-report'
import { threadedLoad, type LoadSink } from './sqlite-load-client'

export { streamDump } from './dump-stream'

export interface SqliteImportOptions {
  path: string
  output: string
  dialect: 'auto' | DumpDialect
  strict: boolean
}

/**
 * Imports a dump into a new SQLite file: this thread reads, decodes and splits
 * the dump, and the splitter locates INSERT values in the same pass; SQLite
 * stores them on this thread too, or on a loader thread when asked
 * (sqlite-load-client.ts).
 * The file is written under a temporary name and renamed at the end, so a
 * failure or cancel leaves nothing behind.
 */
export async function importToSqlite(opts: SqliteImportOptions, ctx: JobContext): Promise<{ outputPath: string; report: DumpImportReport }> {
  const t0 = Date.now()
  const info: DumpReaderInfo = { gzip: false, fileSize: 0, bom: false, invalidUtf8: false }
  let dialect: DumpDialect = 'mysql'
  let detected = false
  return withAtomicFile(opts.output, async (tmp) => {
    let sink: LoadSink | null = null
    const trimHeap = heapTrimmer(HEAP_TRIM_BYTES)
    const progress = (phase: string): void => {
      const p = sink?.progress() ?? { rows: 0, bytesRead: 0 }
      ctx.progress({ phase, done: phase === 'loading' ? p.bytesRead : info.fileSize, total: info.fileSize, unit: 'bytes', message: `${p.rows.toLocaleString('en-US')} rows loaded` })
    }
    try {
      const streamed = await streamDump(
        opts.path,
        opts.dialect,
        info,
        ctx,
        { keepExecutableComments: false },
        (d, det) => {
          dialect = d
          detected = det
          sink = threadedLoad({ tmpPath: tmp, file: opts.path, dialect: d, strict: opts.strict, bytesEscaped: info.invalidUtf8 })
        },
        async (events, bytesRead) => {
          trimHeap(bytesRead)
          // The events array is reused by the stream: hand over a copy.
          await sink!.send(events.slice(), bytesRead, info.invalidUtf8)
          progress('loading')
        },
      )
      ctx.throwIfCancelled()
      const loaded = await sink!.finish((phase) => progress(phase))
      if (loaded.tables.length === 0 && loaded.views.length === 0) {
        const first = loaded.issues[0]
        throw new AppError(
          'PARSE_ERROR',
          `${basename(opts.path)}: no table could be created from this file (line ${first?.line ?? 1})${first ? `; first problem: ${first.reason}` : ''}`,
          { file: opts.path, line: first?.line ?? 1 },
        )
      }
      const warnings = [...loaded.warnings]
      if (/^-- (MySQL|MariaDB) dump/.test(streamed.firstLine) && !/-- Dump completed/.test(streamed.tail)) {
        warnings.push('The dump has no "-- Dump completed" trailer: it may have been cut off between two statements')
      }
      const base: Omit<DumpImportReport, 'text'> = {
        file: opts.path,
        target: 'sqlite',
        dialect,
        dialectDetected: detected,
        encoding: loaded.latin1Values > 0 ? 'utf-8 with Latin-1 fallback' : 'utf-8',
        gzip: info.gzip,
        bytes: info.fileSize,
        statements: loaded.statements,
        rowsLoaded: loaded.rows,
        durationMs: Date.now() - t0,
        tables: loaded.tables,
        views: loaded.views,
        issues: loaded.issues,
        issuesOmitted: loaded.issuesOmitted,
        ignored: loaded.ignored,
        warnings,
        foreignKeyCheck: loaded.foreignKeyCheck,
      }
      return { outputPath: opts.output, report: { ...base, text: reportText(base, opts.output) } }
    } catch (err) {
      await (sink as LoadSink | null)?.abort()
      throw err
    }
  })
}
