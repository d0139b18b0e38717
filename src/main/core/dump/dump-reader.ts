import { isUtf8 } from 'node:buffer'
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { createGunzip } from 'node:zlib'
import { AppError } from '../../../shared/errors'

/** One decoded piece of the dump, with how many bytes of the file have been read so far. */
export interface DecodedChunk {
  text: string
  bytesRead: number
}

export interface DumpReaderInfo {
  gzip: boolean
  fileSize: number
  bom: boolean
  /** Set once a byte sequence was not valid UTF-8 (kept as escape characters, see below). */
  invalidUtf8: boolean
}

const CHUNK_BYTES = 1 << 20

/**
 * Invalid UTF-8 bytes become U+DC80..U+DCFF ("surrogate escapes", as in
 * Python). Nothing is lost: a blob column turns the string back into the exact
 * bytes, and a text value that holds escapes is read as Latin-1 (see
 * value-convert.ts). This keeps raw binary strings written by mysqldump and
 * Latin-1 dumps intact without a second pass over the file.
 */
export const ESCAPE_BASE = 0xdc00

function decodeEscaping(bytes: Uint8Array, final: boolean): { text: string; rest: Uint8Array } {
  const out: string[] = []
  let run = ''
  let i = 0
  const n = bytes.length
  const strict = new TextDecoder('utf-8', { fatal: true })
  while (i < n) {
    const b = bytes[i]!
    let len = 0
    if (b < 0x80) len = 1
    else if (b >= 0xc2 && b <= 0xdf) len = 2
    else if (b >= 0xe0 && b <= 0xef) len = 3
    else if (b >= 0xf0 && b <= 0xf4) len = 4
    if (len === 1) {
      run += String.fromCharCode(b)
      i++
      continue
    }
    if (len > 1 && i + len > n && !final) {
      // Possibly a character split across reads: keep it for the next chunk.
      let prefixOk = true
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) prefixOk = false
      if (prefixOk) break
    }
    if (len > 1 && i + len <= n) {
      try {
        run += strict.decode(bytes.subarray(i, i + len))
        i += len
        continue
      } catch {
        // fall through to an escape
      }
    }
    run += String.fromCharCode(ESCAPE_BASE + b)
    i++
    if (run.length > 65536) {
      out.push(run)
      run = ''
    }
  }
  out.push(run)
  return { text: out.join(''), rest: bytes.subarray(i) }
}

/** Whether the first bytes look like a binary file rather than SQL text. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0
  const n = Math.min(head.length, 8192)
  for (let i = 0; i < n; i++) {
    const b = head[i]!
    if (b === 0) return true
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return n > 0 && control / n > 0.05
}

/**
 * Streams a dump file as text: gunzips `.sql.gz` (detected by its magic bytes),
 * drops a UTF-8 BOM, decodes UTF-8 and keeps invalid bytes as escapes. Memory
 * is one read buffer whatever the file size.
 */
export async function* readDump(path: string, info: DumpReaderInfo): AsyncGenerator<DecodedChunk> {
  let size: number
  try {
    size = statSync(path).size
  } catch (err) {
    throw new AppError('NOT_FOUND', `Cannot read ${basename(path)}: ${(err as Error).message}`, { file: path })
  }
  info.fileSize = size
  if (size === 0) throw new AppError('PARSE_ERROR', `${basename(path)} is empty (line 1): there is nothing to import`, { file: path, line: 1 })
  const head = await peekHead(path)
  info.gzip = head[0] === 0x1f && head[1] === 0x8b
  // Plain files are read synchronously into one reused buffer: an import is CPU-bound work on its
  // own thread, and each asynchronous read would wait for the thread pool and the event loop again.
  const raw = info.gzip ? createReadStream(path, { highWaterMark: CHUNK_BYTES }) : null
  const plain = raw ? null : { fd: openSync(path, 'r'), read: 0 }
  const source: AsyncIterable<Buffer> | Iterable<Buffer> = raw ? raw.pipe(createGunzip()) : syncChunks(plain!)
  const bytesRead = (): number => (raw ? raw.bytesRead : plain!.read)
  let pending: Uint8Array = new Uint8Array(0)
  let first = true
  try {
    for await (const buf of source) {
      let bytes: Uint8Array = pending.length ? Buffer.concat([pending, buf]) : buf
      pending = new Uint8Array(0)
      if (first) {
        first = false
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          info.bom = true
          bytes = bytes.subarray(3)
        }
        if (looksBinary(bytes)) {
          throw new AppError('PARSE_ERROR', `${basename(path)} is not a SQL text file (binary content at line 1)`, { file: path, line: 1 })
        }
      }
      let text: string
      const cut = completeUpTo(bytes)
      const whole = bytes.subarray(0, cut)
      // isUtf8 (simdutf) plus toString is several times faster than a fatal TextDecoder.
      if (isUtf8(whole)) {
        text = Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString('utf8')
        // A copy: the read buffer is reused.
        pending = Uint8Array.from(bytes.subarray(cut))
      } else {
        // Rare path: this chunk has bytes that are not UTF-8.
        info.invalidUtf8 = true
        const r = decodeEscaping(bytes, false)
        text = r.text
        pending = Uint8Array.from(r.rest)
      }
      yield { text, bytesRead: bytesRead() }
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    const code = (err as { code?: string }).code
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      throw new AppError('PARSE_ERROR', `${basename(path)}: the gzip data is truncated or damaged`, { file: path })
    }
    throw new AppError('IO_ERROR', `Reading ${basename(path)} failed: ${(err as Error).message}`, { file: path })
  } finally {
    raw?.destroy()
    if (plain) closeSync(plain.fd)
  }
  const tail = pending.length ? decodeEscaping(pending, true).text : ''
  if (/[\udc80-\udcff]/.test(tail)) info.invalidUtf8 = true
  if (tail) yield { text: tail, bytesRead: size }
}

function* syncChunks(file: { fd: number; read: number }): Generator<Buffer> {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES)
  for (;;) {
    const n = readSync(file.fd, buf, 0, CHUNK_BYTES, null)
    if (n === 0) return
    file.read += n
    yield buf.subarray(0, n)
  }
}

/** Length of the prefix that ends on a whole UTF-8 character (a split one waits for the next read). */
function completeUpTo(bytes: Uint8Array): number {
  const n = bytes.length
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k]!
    if ((b & 0xc0) === 0x80) continue
    if (b < 0x80) return n
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
    return len > k ? n - k : n
  }
  return n
}

async function peekHead(path: string): Promise<Uint8Array> {
  const { open } = await import('node:fs/promises')
  const fh = await open(path, 'r')
  try {
    const b = Buffer.alloc(4)
    const { bytesRead } = await fh.read(b, 0, 4, 0)
    return b.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}
