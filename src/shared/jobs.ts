/** Progress of a long-running job, as events carry it to the window. */
export interface JobProgress {
  jobId: string
  kind: string
  phase: string
  done: number
  total: number | null
  unit: 'rows' | 'bytes' | 'tables' | 'steps' | 'queries'
  /** Units per second over the recent window. */
  rate: number | null
  /** Seconds left, when total and rate are known. */
  etaSeconds: number | null
  message?: string
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled'
