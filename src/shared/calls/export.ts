import { z } from 'zod'
import { defineCall } from '../contract'
import { consolidationPlanSchema } from '../recipe'

/**
 * CSV options. Defaults follow RFC 4180 (comma, CRLF, minimal quoting) and keep
 * NULL apart from the empty string: NULL is written bare (nothing between the
 * delimiters), the empty string as `""`.
 */
export const csvOptionsSchema = z
  .object({
    delimiter: z
      .string()
      .length(1)
      .refine((d) => d !== '"' && d !== '\r' && d !== '\n', 'The delimiter cannot be a quote or a line break')
      .default(','),
    header: z.boolean().default(true),
    /** `minimal`: quote only fields that need it; `all`: quote every non-NULL field. */
    quoting: z.enum(['minimal', 'all']).default('minimal'),
    lineEnding: z.enum(['lf', 'crlf']).default('crlf'),
    /** `utf8bom` writes a byte order mark so Excel reads the file as UTF-8; UTF-16LE always has one. */
    encoding: z.enum(['utf8', 'utf8bom', 'utf16le']).default('utf8'),
    /** Text written, unquoted, for NULL; a value equal to it is quoted so the two stay apart. */
    nullText: z.string().max(20).default(''),
    /** How the empty string is written when quoting is minimal: `quoted` (`""`) or `bare` (same as NULL with the default nullText). */
    emptyString: z.enum(['quoted', 'bare']).default('quoted'),
    /** `iso`: date-times `YYYY-MM-DD HH:MM:SS` of date/time columns are written `YYYY-MM-DDTHH:MM:SS`. */
    dates: z.enum(['asStored', 'iso']).default('asStored'),
    /**
     * SQLite prints REAL values with 15 significant digits, as sqlite3 -csv does; exact values (the last
     * bits of computed numbers such as 1/3) need up to 17, which costs time on the SQLite fast path.
     * Other paths always write the shortest text that reads back as the same double.
     */
    exactReals: z.boolean().default(false),
  })
  .strict()
export type CsvOptions = z.infer<typeof csvOptionsSchema>
export type CsvOptionsInput = z.input<typeof csvOptionsSchema>

/** What to export: a table or view, a query (a console result), or a consolidation plan. */
export const exportSubjectSchema = z.union([
  z.object({ table: z.string().min(1) }).strict(),
  z.object({ sql: z.string().min(1) }).strict(),
  z.object({ plan: consolidationPlanSchema }).strict(),
])
export type ExportSubject = z.infer<typeof exportSubjectSchema>

export interface CsvExportResult {
  path: string
  rows: number
  bytes: number
  /** True when the lines were built inside SQLite (the fast path). */
  fastPath: boolean
  elapsedMs: number
}

export const exportCalls = {
  /** Starts an `exportCsv` job; progress by rows arrives as job.progress events, the result (CsvExportResult) with job.finished. */
  'export.csv': defineCall<{ jobId: string }>()(
    z
      .object({
        sourceId: z.string().min(1),
        what: exportSubjectSchema,
        path: z.string().min(1),
        options: csvOptionsSchema.default(csvOptionsSchema.parse({})),
      })
      .strict(),
  ),
}
