import type { Readable } from 'node:stream'
import type { SqlValue } from './driver'

/** How many full batches may wait for the reader before the socket is paused. */
const QUEUED_BATCHES = 2

/**
 * Groups a mysql2 row stream into batches. Rows are gathered from 'data'
 * events (an async iterator would cost a promise per row, about twice the
 * time of the read itself); the stream is paused while the reader is
 * behind, which pauses the socket, so memory stays bounded.
 */
export async function* rowBatches(stream: Readable, batchSize: number): AsyncGenerator<SqlValue[][]> {
  const queue: SqlValue[][][] = []
  let current: SqlValue[][] = []
  let ended = false
  let failure: { err: unknown } | null = null
  let wake: (() => void) | null = null
  const notify = () => {
    const w = wake
    wake = null
    w?.()
  }
  stream.on('data', (row: SqlValue[]) => {
    current.push(row)
    if (current.length >= batchSize) {
      queue.push(current)
      current = []
      if (queue.length >= QUEUED_BATCHES) stream.pause()
      notify()
    }
  })
  stream.on('end', () => {
    if (current.length) queue.push(current)
    current = []
    ended = true
    notify()
  })
  stream.on('error', (err: unknown) => {
    failure = { err }
    notify()
  })
  try {
    for (;;) {
      if (failure) throw (failure as { err: unknown }).err
      const next = queue.shift()
      if (next) {
        if (queue.length < QUEUED_BATCHES && stream.isPaused() && !ended) stream.resume()
        yield next
        continue
      }
      if (ended) return
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  } finally {
    stream.removeAllListeners('data')
  }
}
