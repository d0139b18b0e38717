import { z } from 'zod'
import { defineCall } from '../contract'

export interface AppInfo {
  name: string
  version: string
  transport: 'ipc' | 'bridge'
  platform: string
  sqliteVersion: string
  /** Where outputs go by default when the browser asks for a path on the bridge's machine. */
  exportDir: string
}

export const appCalls = {
  'app.info': defineCall<AppInfo>()(z.object({}).strict()),
  'jobs.cancel': defineCall<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1) }).strict()),
  'jobs.list': defineCall<{ jobId: string; kind: string }[]>()(z.object({}).strict()),
}
