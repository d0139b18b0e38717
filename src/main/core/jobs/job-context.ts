import { AppError } from '../../../shared/errors'
import type { JobProgress } from '../../../shared/jobs'

export type ProgressUpdate = Pick<JobProgress, 'phase' | 'done' | 'unit'> & { total?: number | null; message?: string }

/**
 * What a job function sees. Jobs run in a worker thread (or inline from the
 * command line and tests); they report progress and poll for cancellation
 * between units of work.
 */
export interface JobContext {
  progress(update: ProgressUpdate): void
  readonly cancelled: boolean
  /** Throws a CANCELLED error once the user has asked to cancel. */
  throwIfCancelled(): void
}

export type JobFn<A, R> = (args: A, ctx: JobContext) => Promise<R>

/** A context for running a job inline; `cancelFlag[0] !== 0` means cancelled. */
export function createJobContext(onProgress: (u: ProgressUpdate) => void, cancelFlag: Int32Array = new Int32Array(1), minIntervalMs = 100): JobContext {
  let last = 0
  return {
    progress(update) {
      const now = Date.now()
      // Throttled so a tight loop cannot flood the window; phase changes always pass.
      if (now - last >= minIntervalMs || update.done === update.total || update.done === 0) {
        last = now
        onProgress(update)
      }
    },
    get cancelled() {
      return Atomics.load(cancelFlag, 0) !== 0
    },
    throwIfCancelled() {
      if (Atomics.load(cancelFlag, 0) !== 0) throw new AppError('CANCELLED', 'Cancelled by the user')
    },
  }
}

/** Tracks rate and estimate from successive progress updates. */
export class RateTracker {
  private samples: { t: number; done: number }[] = []
  constructor(private readonly windowMs = 3000) {}

  update(done: number, total: number | null | undefined, now = Date.now()): { rate: number | null; etaSeconds: number | null } {
    this.samples.push({ t: now, done })
    while (this.samples.length > 2 && now - this.samples[0]!.t > this.windowMs) this.samples.shift()
    const first = this.samples[0]!
    const dt = (now - first.t) / 1000
    const rate = dt > 0.05 && done >= first.done ? (done - first.done) / dt : null
    const etaSeconds = rate && rate > 0 && total != null ? Math.max(0, (total - done) / rate) : null
    return { rate, etaSeconds }
  }

  reset(): void {
    this.samples = []
  }
}
