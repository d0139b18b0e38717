import { AppError, fromErrorShape, type AppErrorShape } from '../../../shared/errors'
import { createWorker } from '../jobs/job-runner'
import type { WorkerMessage } from '../jobs/worker-protocol'
import { SqliteLoad, type SqliteLoadArgs, type SqliteLoadResult } from './sqlite-load'
import type { LoaderAck, LoaderPhase, LoaderRequest } from './sqlite-load-job'
import type { SplitEvent } from './statement-splitter'

/** How the import hands statements to SQLite: on a loader thread when one can be started, else inline. */
export interface LoadSink {
  send(events: SplitEvent[], bytesRead: number, bytesEscaped: boolean): Promise<void>
  /** Rows loaded and bytes acknowledged so far. */
  progress(): { rows: number; bytesRead: number }
  finish(onPhase: (phase: string) => void): Promise<SqliteLoadResult>
  /** Stops loading (failure or cancel) and closes the file so it can be removed. */
  abort(): Promise<void>
}

/** Batches in flight to the loader thread: enough to keep both threads busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 3

export function inlineLoad(args: SqliteLoadArgs): LoadSink {
  const load = new SqliteLoad(args)
  let bytes = 0
  return {
    async send(events, bytesRead, bytesEscaped) {
      load.handle(events, bytesEscaped)
      bytes = bytesRead
    },
    progress: () => ({ rows: load.rows, bytesRead: bytes }),
    async finish(onPhase) {
      return load.finish(onPhase)
    },
    async abort() {
      load.close()
    },
  }
}

/**
 * SONOGRAPH_DUMP_THREADS=1 loads on a second thread: about 15% faster on a
 * 248 MB dump with a free core, but the two threads' heaps took peak memory to
 * 256 MB against 200 MB on one thread, past the 250 MB an import is allowed
 * (bench/import-bench.ts prints both). One thread is the default.
 */
function useLoaderThread(): boolean {
  return process.env.SONOGRAPH_DUMP_THREADS === '1'
}

/**
 * Starts the SQLite loader on its own thread (the job worker entry running the
 * `dumpSqliteLoader` job), so the import reads and splits the next part of the
 * dump while SQLite stores the previous one.
 */
export function threadedLoad(args: SqliteLoadArgs): LoadSink {
  if (!useLoaderThread()) return inlineLoad(args)
  // The job worker entry runs the loader (from the sources too, through tsx), as it runs every job.
  const worker = createWorker({ kind: 'dumpSqliteLoader', args, cancel: new SharedArrayBuffer(4) })
  let inFlight = 0
  let rows = 0
  let bytes = 0
  let failure: AppError | null = null
  let wake: (() => void) | null = null
  let phaseCb: (phase: string) => void = () => undefined
  let settle: { resolve(r: SqliteLoadResult): void; reject(e: AppError): void } | null = null
  let result: SqliteLoadResult | null = null
  const fail = (e: AppError): void => {
    if (!failure) failure = e
    wake?.()
    settle?.reject(e)
  }
  worker.on('message', (m: WorkerMessage | LoaderAck | LoaderPhase) => {
    if (m.type === 'dump-ack') {
      inFlight--
      rows = m.rows
      bytes = m.bytesRead
      wake?.()
    } else if (m.type === 'dump-phase') phaseCb(m.phase)
    else if (m.type === 'done') {
      result = m.result as SqliteLoadResult
      settle?.resolve(result)
      // The file is closed; the thread may still hold loader handles (tsx in development).
      void worker.terminate()
    } else if (m.type === 'error') fail(fromErrorShape(m.error as AppErrorShape))
  })
  worker.on('error', (err) => fail(new AppError('INTERNAL', `The SQLite loader failed: ${err.message}`)))
  worker.on('exit', (code) => {
    if (!result) fail(new AppError('INTERNAL', `The SQLite loader stopped (exit code ${code})`))
  })
  const post = (m: LoaderRequest): void => {
    // The located values' arrays move to the loader thread instead of being copied.
    const transfer: ArrayBuffer[] = []
    if (m.t === 'events') {
      for (const ev of m.events) {
        if (ev.type !== 'statement' || !ev.pre) continue
        const v = ev.pre.values
        transfer.push(v.tags.buffer as ArrayBuffer, v.starts.buffer as ArrayBuffer, v.ends.buffer as ArrayBuffer, v.nums.buffer as ArrayBuffer)
      }
    }
    worker.postMessage(m, transfer)
  }
  return {
    async send(events, bytesRead, bytesEscaped) {
      if (failure) throw failure
      post({ t: 'events', events, bytesRead, bytesEscaped })
      inFlight++
      while (inFlight >= MAX_IN_FLIGHT && !failure) await new Promise<void>((r) => (wake = r))
      wake = null
      if (failure) throw failure
    },
    progress: () => ({ rows, bytesRead: bytes }),
    finish(onPhase) {
      phaseCb = onPhase
      if (failure) return Promise.reject(failure)
      return new Promise<SqliteLoadResult>((resolve, reject) => {
        settle = { resolve, reject }
        post({ t: 'end' })
      })
    },
    async abort() {
      // Terminating the thread closes its SQLite connection (better-sqlite3 cleans up per thread).
      result ??= null
      await worker.terminate()
    },
  }
}
