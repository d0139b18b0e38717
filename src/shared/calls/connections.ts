import { z } from 'zod'
import { defineCall } from '../contract'
import { mysqlSpecSchema } from '../source-spec'
import type { SourceSummary } from './sources'

/** SSL settings of a connection; ca/cert/key are PEM text or the path of a PEM file. */
export const sslSchema = z
  .object({
    ca: z.string().optional(),
    cert: z.string().optional(),
    key: z.string().optional(),
    verify: z.boolean().default(true),
  })
  .strict()

/** What the connection dialog edits. The password is write-only: it is never sent back. */
export const connectionFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    host: z.string().trim().min(1).default('127.0.0.1'),
    port: z.number().int().min(1).max(65535).default(3306),
    user: z.string().min(1),
    database: z.string().min(1),
    ssl: sslSchema.optional(),
    connectTimeoutMs: z.number().int().positive().max(600_000).default(10_000),
  })
  .strict()
export type ConnectionFields = z.output<typeof connectionFieldsSchema>

/** Where a saved password lives: the OS keychain (Electron safeStorage), this process's memory only (bridge), or nowhere. */
export type PasswordStorage = 'keychain' | 'memory' | 'none'

export interface SavedConnection extends ConnectionFields {
  id: string
  /** Whether a password is kept for this connection (usable now). */
  hasPassword: boolean
  passwordStorage: PasswordStorage
  createdAt: string
  updatedAt: string
}

/** What a finished copyToSqlite job returns. */
export interface CopyToSqliteResult {
  output: string
  tables: { name: string; rows: number }[]
  views: string[]
  rows: number
  /** What was not carried over, each with the reason (foreign keys to tables not copied, views SQLite cannot read). */
  skipped: string[]
}

export interface ConnectionTestResult {
  serverVersion: string
  server: 'mysql' | 'mariadb'
  /** Time to connect and ask the version, in milliseconds. */
  latencyMs: number
}

const connectionId = z.string().min(1)

export const connectionCalls = {
  /** Where saved passwords go in this transport, so the dialog can say so. */
  'connections.storage': defineCall<{ passwordStorage: Exclude<PasswordStorage, 'none'>; persistent: boolean }>()(z.object({}).strict()),
  /**
   * Tries a connection without saving it: the fields of the dialog (with `password`),
   * or a saved connection by `id` (optionally with a new `password`). Fails with
   * AUTH_FAILED, CONNECTION_FAILED, TIMEOUT or NOT_FOUND and a message naming host:port/user.
   */
  'connections.test': defineCall<ConnectionTestResult>()(
    z
      .object({
        id: connectionId.optional(),
        fields: connectionFieldsSchema.partial({ name: true }).optional(),
        password: z.string().optional(),
      })
      .strict()
      .refine((a) => (a.id === undefined) !== (a.fields === undefined), { message: 'give either id or fields' }),
  ),
  'connections.list': defineCall<SavedConnection[]>()(z.object({}).strict()),
  /**
   * Creates (no `id`) or updates a saved connection. The connection is tested first
   * unless `test: false`. `password` omitted on update keeps the saved one;
   * `savePassword: false` forgets it.
   */
  'connections.save': defineCall<SavedConnection>()(
    z
      .object({
        id: connectionId.optional(),
        fields: connectionFieldsSchema,
        password: z.string().optional(),
        savePassword: z.boolean().default(true),
        test: z.boolean().default(true),
      })
      .strict(),
  ),
  'connections.delete': defineCall<{ deleted: boolean }>()(z.object({ id: connectionId }).strict()),
  /**
   * Opens a saved connection (`id`, with `password` when none is saved) or an
   * ad-hoc one (`spec`) as a source; then every sources.* / browse.* call works on it.
   */
  'connections.open': defineCall<SourceSummary>()(
    z
      .object({ id: connectionId.optional(), password: z.string().optional(), spec: mysqlSpecSchema.optional() })
      .strict()
      .refine((a) => (a.id === undefined) !== (a.spec === undefined), { message: 'give either id or spec' }),
  ),
  /**
   * Starts a `copyToSqlite` job: the MySQL source's tables (all, or `tables`) with keys,
   * indexes, readable views and rows into a new SQLite file at `output`. Progress in rows;
   * cancel with jobs.cancel leaves no file. Result (job.finished): CopyToSqliteResult.
   */
  'connections.copyToSqlite': defineCall<{ jobId: string }>()(
    z
      .object({
        sourceId: z.string().min(1),
        tables: z.array(z.string().min(1)).min(1).optional(),
        output: z.string().min(1),
        overwrite: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Stops the statements running on a source's connection (MySQL: KILL QUERY); they fail with CANCELLED. */
  'query.cancel': defineCall<{ cancelled: boolean }>()(z.object({ sourceId: z.string().min(1) }).strict()),
}
