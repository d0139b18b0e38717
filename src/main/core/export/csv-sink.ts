import { open, type FileHandle } from 'node:fs/promises'
import type { CsvOptions } from '../../../shared/calls/export'
import { AppError } from '../../../shared/errors'

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const UTF16LE_BOM = Buffer.from([0xff, 0xfe])

/**
 * The output file of an export. Writes are pipelined: one write is in flight
 * while the caller builds the next chunk (SQLite work and disk I/O overlap),
 * and never more than one, so memory stays bounded.
 */
export class CsvSink {
  private pending: Promise<unknown> = Promise.resolve()
  bytes = 0

  private constructor(
    private readonly fh: FileHandle,
    private readonly encoding: CsvOptions['encoding'],
  ) {}

  static async open(path: string, encoding: CsvOptions['encoding']): Promise<CsvSink> {
    let fh: FileHandle
    try {
      fh = await open(path, 'w')
    } catch (err) {
      throw new AppError('IO_ERROR', `Cannot write ${path}: ${(err as Error).message}`, { file: path })
    }
    const sink = new CsvSink(fh, encoding)
    if (encoding === 'utf8bom') await sink.writeBytes([UTF8_BOM])
    if (encoding === 'utf16le') await sink.writeBytes([UTF16LE_BOM])
    return sink
  }

  /**
   * Text or UTF-8 bytes, written as one operation (several parts go out in one
   * writev); re-encoded when the file is UTF-16LE. Resolves once the previous
   * write is done and this one has started, not when it completes.
   */
  async write(...parts: (string | Buffer)[]): Promise<void> {
    const bufs = parts.map((p) => {
      if (this.encoding === 'utf16le') return Buffer.from(typeof p === 'string' ? p : p.toString('utf8'), 'utf16le')
      return typeof p === 'string' ? Buffer.from(p, 'utf8') : p
    })
    return this.writeBytes(bufs)
  }

  private async writeBytes(bufs: Buffer[]): Promise<void> {
    await this.pending
    for (const b of bufs) this.bytes += b.length
    this.pending = this.writeAll(bufs)
  }

  /** A write may be short (a full disk reports it on the next one); the rest is written again. */
  private async writeAll(bufs: Buffer[]): Promise<void> {
    const total = bufs.reduce((n, b) => n + b.length, 0)
    const { bytesWritten } = bufs.length === 1 ? await this.fh.write(bufs[0]!) : await this.fh.writev(bufs)
    if (bytesWritten < total) {
      const rest = Buffer.concat(bufs).subarray(bytesWritten)
      for (let off = 0; off < rest.length; ) off += (await this.fh.write(rest, off)).bytesWritten
    }
  }

  /**
   * Waits for the last write and closes. No fsync: atomicity here is about
   * cancel and failure (the temporary file is renamed only when complete), and
   * a sync of a multi-GB export would cost seconds the user waits for.
   */
  async close(): Promise<void> {
    try {
      await this.pending
    } finally {
      await this.fh.close()
    }
  }

  /** Closes without caring about pending errors (the file is about to be removed). */
  async abort(): Promise<void> {
    await this.pending.catch(() => undefined)
    await this.fh.close().catch(() => undefined)
  }
}
