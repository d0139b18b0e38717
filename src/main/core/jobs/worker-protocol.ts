import type { AppErrorShape } from '../../../shared/errors'
import type { ProgressUpdate } from './job-context'

export interface WorkerInit {
  kind: string
  args: unknown
  cancel: SharedArrayBuffer
}

export type WorkerMessage =
  | { type: 'progress'; update: ProgressUpdate }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: AppErrorShape }
