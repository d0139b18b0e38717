import { z } from 'zod'

/** How to open a data source; passed to workers so they open their own connection. */
export const sqliteSpecSchema = z.object({
  kind: z.literal('sqlite'),
  path: z.string().min(1),
  writable: z.boolean().default(false),
})

export const mysqlSpecSchema = z.object({
  kind: z.literal('mysql'),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(1).max(65535).default(3306),
  user: z.string().min(1),
  password: z.string().optional(),
  database: z.string().min(1),
  connectTimeoutMs: z.number().int().positive().max(600_000).default(10_000),
  ssl: z
    .object({
      ca: z.string().optional(),
      cert: z.string().optional(),
      key: z.string().optional(),
      verify: z.boolean().default(true),
    })
    .optional(),
})

export const sourceSpecSchema = z.discriminatedUnion('kind', [sqliteSpecSchema, mysqlSpecSchema])
export type SqliteSpec = z.infer<typeof sqliteSpecSchema>
export type MysqlSpec = z.infer<typeof mysqlSpecSchema>
export type SourceSpec = z.infer<typeof sourceSpecSchema>
