import type { JobContext } from '../jobs/job-context'
import type { Driver } from './driver'

/**
 * Runs `work` on a driver inside a job and, when the job is cancelled while
 * the statement runs, stops it on the server (MySQL: KILL QUERY from a second
 * connection) instead of only abandoning it: a terminated worker would leave
 * a long SELECT or UPDATE running on the server. The statement then fails
 * with CANCELLED. Drivers without `cancel` just run `work`.
 */
export async function whileCancellable<T>(driver: Driver, ctx: Pick<JobContext, 'cancelled'>, work: () => Promise<T>, pollMs = 50): Promise<T> {
  const stop = watchCancel(driver, ctx, pollMs)
  try {
    return await work()
  } finally {
    stop()
  }
}

/** The same as a start/stop pair, for work that is not one promise (a stream read in a loop). */
export function watchCancel(driver: Driver, ctx: Pick<JobContext, 'cancelled'>, pollMs = 50): () => void {
  if (!driver.cancel) return () => undefined
  let busy = false
  const timer = setInterval(() => {
    // Keep killing while cancelled: a statement started after the first KILL must stop too.
    if (!ctx.cancelled || busy) return
    busy = true
    void driver
      .cancel?.()
      .catch(() => undefined)
      .finally(() => {
        busy = false
      })
  }, pollMs)
  return () => clearInterval(timer)
}
