import { open, type FileHandle } from 'node:fs/promises'
import type { CsvOptions } from '../../../shared/calls/export'

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
    const sink = new CsvSink(await open(path, 'w'), encoding)
    if (encoding === 'utf8bom') await sink.writeBytes(UTF8_BOM)
    if (encoding === 'utf16le') await sink.writeBytes(UTF16LE_BOM)
    return sink
  }

  /** Text or UTF-8 bytes; re-encoded when the file is UTF-16LE. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.encoding === 'utf16le') {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8')
      return this.writeBytes(Buffer.from(text, 'utf16le'))
    }
    return this.writeBytes(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)
  }

  private async writeBytes(buf: Buffer): Promise<void> {
    await this.pending
    this.bytes += buf.length
    this.pending = this.fh.write(buf)
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
