import { z } from 'zod'
import { defineCall } from '../contract'
import { mysqlSpecSchema } from '../source-spec'

export type DumpDialectName = 'mysql' | 'postgres' | 'sqlite'

/** One statement that was not applied: skipped on purpose (no SQLite equivalent) or failed when run. */
export interface DumpIssue {
  kind: 'skipped' | 'failed'
  line: number
  /** The start of the statement's text (at most 200 characters). */
  statement: string
  reason: string
}

export interface DumpTableCount {
  name: string
  rows: number
}

export interface ForeignKeyViolation {
  table: string
  rowid: number | null
  parent: string
}

/** What an import did; `text` is the same report as plain text, for "Save as text". */
export interface DumpImportReport {
  file: string
  target: 'sqlite' | 'mysql'
  dialect: DumpDialectName
  /** Whether the dialect came from detection (`--dialect auto`). */
  dialectDetected: boolean
  encoding: 'utf-8' | 'utf-8 with Latin-1 fallback'
  gzip: boolean
  bytes: number
  statements: number
  rowsLoaded: number
  durationMs: number
  /** Tables (SQLite target) with their row counts after loading. */
  tables: DumpTableCount[]
  views: string[]
  /** Skipped and failed statements, in file order (the first 1000; see issuesOmitted). */
  issues: DumpIssue[]
  issuesOmitted: number
  /** Statements that have no effect on the target (SET, LOCK TABLES, USE ...), counted by kind. */
  ignored: Record<string, number>
  warnings: string[]
  /** SQLite target: `PRAGMA foreign_key_check` after loading. */
  foreignKeyCheck: { ran: boolean; violations: number; sample: ForeignKeyViolation[]; error?: string }
  text: string
}

export interface DumpImportResult {
  outputPath?: string
  report: DumpImportReport
}

export const dumpDialectArg = z.enum(['auto', 'mysql', 'postgres', 'sqlite'])

/** A MySQL/MariaDB server to run the dump on natively (instead of loading it into SQLite). */
export const dumpMysqlTargetSchema = mysqlSpecSchema.extend({
  /** Skip the script's own CREATE DATABASE / USE so it runs in `database`. */
  stayInDatabase: z.boolean().default(false),
})

export const dumpImportArgsSchema = z
  .object({
    path: z.string().min(1),
    /** SQLite file to create; default: a new file under the app data directory's imports/, named after the dump. */
    output: z.string().min(1).optional(),
    dialect: dumpDialectArg.default('auto'),
    target: z.union([z.literal('sqlite'), dumpMysqlTargetSchema]).default('sqlite'),
    /** Stop at the first statement that fails. */
    strict: z.boolean().default(false),
  })
  .strict()

export type DumpImportArgs = z.output<typeof dumpImportArgsSchema>

export const dumpCalls = {
  /** Starts an `importDump` job; progress (unit 'bytes', rows in `message`) and the DumpImportResult arrive as job events. */
  'dump.import': defineCall<{ jobId: string; outputPath?: string }>()(dumpImportArgsSchema),
  /** Writes a report's text to a file the user chose ("Save as text"). */
  'dump.saveReport': defineCall<{ path: string }>()(z.object({ path: z.string().min(1), text: z.string() }).strict()),
}
