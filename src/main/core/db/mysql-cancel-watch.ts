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
  if (!driver.cancel) return work()
  let asked = false
  const timer = setInterval(() => {
    if (!asked && ctx.cancelled) {
      asked = true
      void driver.cancel?.().catch(() => undefined)
    }
  }, pollMs)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}
