import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'

/**
 * A second thread that builds CSV chunks with its own read-only connection,
 * so the SQLite work of a large table export uses two cores. It runs the same
 * chunk statement as the exporting thread, on the rowid ranges given to it, and
 * sends each chunk's bytes back in order. It is a small script evaluated in the
 * worker (no file of its own), so it works from source and from the bundle alike.
 */
const HELPER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.modulePath)
const db = new Database(workerData.dbPath, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) })
const stmt = db.prepare(workerData.sql).raw(true).safeIntegers(true)
let credits = workerData.credits
let wake = null
parentPort.on('message', (m) => { if (m === 'ack') { credits++; if (wake) { const w = wake; wake = null; w() } } })
const waitCredit = () => credits > 0 ? Promise.resolve() : new Promise((r) => { wake = r })
;(async () => {
  try {
    for (const [index, lo, hi] of workerData.ranges) {
      let last = BigInt(lo) < -(2n ** 63n) ? -Infinity : BigInt(lo)
      const end = BigInt(hi)
      for (;;) {
        await waitCredit()
        const [chunk, n, max, lines] = stmt.get(last, end)
        if (lines !== n) throw new Error('A CSV line came out NULL inside SQLite')
        const done = !n || max === null || max >= end
        const buf = chunk === null ? null : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8')
        credits--
        const own = buf && buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength
        parentPort.postMessage({ index, buf, n: Number(n), max: max === null ? null : max.toString(), done }, own ? [buf.buffer] : [])
        if (done) break
        last = max
      }
    }
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) })
  } finally {
    db.close()
  }
})()
`

export interface HelperChunk {
  index: number
  buf: Buffer | null
  n: number
  /** Last rowid in the chunk (decimal text), so the exporter can take over mid-range if the helper fails. */
  max: string | null
  done: boolean
}

/** Where better-sqlite3's native build for Electron lives (see sqlite-native.ts). */
function nativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined
  const candidate = join(process.env.SONOGRAPH_APP_ROOT ?? process.cwd(), 'native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

export class ChunkHelper {
  private readonly worker: Worker
  private readonly queue: HelperChunk[] = []
  private waiter: ((c: HelperChunk) => void) | null = null
  private failure: AppError | null = null
  private onFail: ((e: AppError) => void) | null = null

  /** `sql` takes (last rowid, range end) and returns (chunk, rows, max rowid, non-NULL lines), as the exporter's own statement. */
  constructor(dbPath: string, sql: string, ranges: [number, bigint, bigint][]) {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(HELPER_SOURCE, {
      eval: true,
      workerData: { modulePath, dbPath, sql, ranges: ranges.map(([i, lo, hi]) => [i, lo.toString(), hi.toString()]), credits: 3, nativeBinding: nativeBinding() },
    })
    this.worker.on('message', (m: HelperChunk | { error: string }) => {
      if ('error' in m) return this.fail(new AppError('SQL_ERROR', m.error))
      const chunk = { ...m, buf: m.buf ? Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength) : null }
      if (this.waiter) {
        const w = this.waiter
        this.waiter = null
        w(chunk)
      } else this.queue.push(chunk)
    })
    this.worker.on('error', (err) => this.fail(new AppError('INTERNAL', `CSV helper thread failed: ${err.message}`)))
  }

  private fail(e: AppError): void {
    this.failure = e
    if (this.onFail) this.onFail(e)
  }

  /** The next chunk, in the order the helper produced them; gives the helper one more credit. */
  next(): Promise<HelperChunk> {
    if (this.failure) return Promise.reject(this.failure)
    const ready = this.queue.shift()
    const p = ready
      ? Promise.resolve(ready)
      : new Promise<HelperChunk>((resolve, reject) => {
          this.waiter = resolve
          this.onFail = reject
        })
    return p.then((c) => {
      this.worker.postMessage('ack')
      return c
    })
  }

  async stop(): Promise<void> {
    await this.worker.terminate()
  }
}
