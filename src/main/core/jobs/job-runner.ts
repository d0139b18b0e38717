import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, fromErrorShape, toErrorShape, type AppErrorShape } from '../../../shared/errors'
import type { JobProgress, JobState } from '../../../shared/jobs'
import { RateTracker } from './job-context'
import type { JobArgs, JobKind, JobResult } from './registry'
import type { WorkerInit, WorkerMessage } from './worker-protocol'

export interface JobEvents {
  progress(p: JobProgress): void
  finished(e: { jobId: string; kind: string; state: Exclude<JobState, 'running'>; result?: unknown; error?: AppErrorShape }): void
}

interface RunningJob {
  id: string
  kind: string
  worker: Worker
  cancel: Int32Array
  promise: Promise<unknown>
}

/**
 * The worker: next to the bundle when built (out/main/worker.js); from source
 * (tests, the CLI before a build) a small bootstrap registers tsx in the worker
 * and imports the TypeScript entry, since workers do not take `--import`.
 */
export function createWorker(workerData: WorkerInit): Worker {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // The ES module build of tsx's API (require.resolve finds the CommonJS one).
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
    const entry = new URL('./worker-entry.ts', here).href
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(bootstrap, { eval: true, workerData })
  }
  // The bundler may place this code in out/main/ or in out/main/chunks/.
  for (const rel of ['./worker.js', '../worker.js']) {
    const built = new URL(rel, here)
    if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData })
  }
  throw new AppError('INTERNAL', `Worker bundle missing next to ${fileURLToPath(here)}`)
}

/** Cancel asks nicely first (the job polls a shared flag); a job that does not stop in time is terminated. */
const CANCEL_GRACE_MS = 3000

export class JobRunner {
  private jobs = new Map<string, RunningJob>()

  constructor(private readonly events: JobEvents) {}

  start<K extends JobKind>(kind: K, args: JobArgs<K>): { jobId: string; done: Promise<JobResult<K>> } {
    const id = randomUUID()
    const cancelBuf = new SharedArrayBuffer(4)
    const worker = createWorker({ kind, args, cancel: cancelBuf })
    const rate = new RateTracker()
    let lastPhase = ''
    const promise = new Promise<JobResult<K>>((resolve, reject) => {
      let settled = false
      const finish = (state: 'done' | 'failed' | 'cancelled', result?: unknown, error?: AppErrorShape): void => {
        if (settled) return
        settled = true
        this.jobs.delete(id)
        this.events.finished({ jobId: id, kind, state, ...(result !== undefined ? { result } : {}), ...(error ? { error } : {}) })
        if (state === 'done') resolve(result as JobResult<K>)
        else reject(fromErrorShape(error ?? { code: 'INTERNAL', message: 'Job failed' }))
        void worker.terminate()
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          if (m.update.phase !== lastPhase) {
            lastPhase = m.update.phase
          }
          const { rate: r, etaSeconds } = rate.update(m.update.done, m.update.total)
          this.events.progress({
            jobId: id,
            kind,
            phase: m.update.phase,
            done: m.update.done,
            total: m.update.total ?? null,
            unit: m.update.unit,
            rate: r,
            etaSeconds,
            ...(m.update.message ? { message: m.update.message } : {}),
          })
        } else if (m.type === 'done') {
          finish('done', m.result)
        } else {
          finish(m.error.code === 'CANCELLED' ? 'cancelled' : 'failed', undefined, m.error)
        }
      })
      worker.on('error', (err) => finish('failed', undefined, toErrorShape(err)))
      worker.on('exit', (code) => {
        if (Atomics.load(new Int32Array(cancelBuf), 0) !== 0) finish('cancelled', undefined, { code: 'CANCELLED', message: 'Cancelled by the user' })
        else finish('failed', undefined, { code: 'INTERNAL', message: `Job worker exited with code ${code}` })
      })
    })
    // Callers that only listen to events must not trigger unhandled rejections.
    promise.catch(() => undefined)
    this.jobs.set(id, { id, kind, worker, cancel: new Int32Array(cancelBuf), promise })
    return { jobId: id, done: promise }
  }

  /** Requests cancellation; resolves once the job has stopped. */
  async cancel(jobId: string): Promise<boolean> {
    const job = this.jobs.get(jobId)
    if (!job) return false
    Atomics.store(job.cancel, 0, 1)
    const timer = setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS)
    try {
      await job.promise
    } catch {
      // expected: a cancelled job rejects
    } finally {
      clearTimeout(timer)
    }
    return true
  }

  running(): { jobId: string; kind: string }[] {
    return [...this.jobs.values()].map((j) => ({ jobId: j.id, kind: j.kind }))
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)))
  }
}
