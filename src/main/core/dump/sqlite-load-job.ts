import { parentPort } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import { HEAP_TRIM_BYTES, heapTrimmer } from '../jobs/heap-trim'
import type { JobContext } from '../jobs/job-context'
import { SqliteLoad, type SqliteLoadArgs, type SqliteLoadResult } from './sqlite-load'
import type { SplitEvent } from './statement-splitter'

/** Messages the import sends to its loader thread, and the loader's answers. */
export type LoaderRequest = { t: 'events'; events: SplitEvent[]; bytesRead: number; bytesEscaped: boolean } | { t: 'end' }
export interface LoaderAck {
  type: 'dump-ack'
  rows: number
  bytesRead: number
}
export interface LoaderPhase {
  type: 'dump-phase'
  phase: string
}

/**
 * The `dumpSqliteLoader` job: the SQLite half of an import, on its own thread.
 * The importing thread sends it batches of split statements (parentPort
 * messages) and it acknowledges each, so no more than a few batches are ever in
 * flight. Internal to importToSqlite; not meant to be started from the window.
 */
export async function dumpSqliteLoaderJob(args: SqliteLoadArgs, _ctx: JobContext): Promise<SqliteLoadResult> {
  const port = parentPort
  if (!port) throw new AppError('INTERNAL', 'dumpSqliteLoader runs in a worker thread')
  const load = new SqliteLoad(args)
  const trimHeap = heapTrimmer(HEAP_TRIM_BYTES)
  return new Promise<SqliteLoadResult>((resolve, reject) => {
    port.on('message', (m: LoaderRequest) => {
      try {
        if (m.t === 'events') {
          load.handle(m.events, m.bytesEscaped)
          trimHeap(m.bytesRead)
          port.postMessage({ type: 'dump-ack', rows: load.rows, bytesRead: m.bytesRead } satisfies LoaderAck)
        } else if (m.t === 'end') {
          port.removeAllListeners('message')
          resolve(load.finish((phase) => port.postMessage({ type: 'dump-phase', phase } satisfies LoaderPhase)))
        }
      } catch (err) {
        port.removeAllListeners('message')
        load.close()
        reject(err)
      }
    })
  })
}
