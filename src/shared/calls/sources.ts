import { z } from 'zod'
import { defineCall } from '../contract'
import type { SchemaModel, SourceKind } from '../schema-model'
import { sourceSpecSchema } from '../source-spec'

export interface SourceSummary {
  sourceId: string
  kind: SourceKind
  name: string
  /** File path for SQLite; `user@host:port/db` for MySQL (never the password). */
  location: string
  readonly: boolean
}

export interface RecentEntry {
  path: string
  name: string
  openedAt: string
}

const sourceId = z.string().min(1)

export const sourceCalls = {
  'sources.openSqlite': defineCall<SourceSummary>()(
    z.object({ path: z.string().min(1), writable: z.boolean().default(false) }).strict(),
  ),
  'sources.open': defineCall<SourceSummary>()(z.object({ spec: sourceSpecSchema }).strict()),
  'sources.list': defineCall<SourceSummary[]>()(z.object({}).strict()),
  'sources.close': defineCall<{ closed: boolean }>()(z.object({ sourceId }).strict()),
  'sources.schema': defineCall<SchemaModel>()(z.object({ sourceId }).strict()),
  /** Starts a background job counting every table exactly; progress arrives as events. */
  'sources.countRows': defineCall<{ jobId: string }>()(
    z.object({ sourceId, tables: z.array(z.string().min(1)).optional() }).strict(),
  ),
  'recent.list': defineCall<RecentEntry[]>()(z.object({}).strict()),
  /** Accepts a file the browser uploaded to the bridge; see the bridge's /upload endpoint. */
  'uploads.path': defineCall<{ path: string }>()(z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict()),
}
