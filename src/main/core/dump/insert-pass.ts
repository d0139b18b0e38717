import type { DumpDialect } from './dialect'
import { INSERT_HEAD, type PreScanned } from './prescan'
import { scanValues } from './value-scanner'

const SEMI = 59

/** An INSERT that runs past the buffer is read again with the next chunk, up to this size. */
const MAX_WAIT_CHARS = 8 << 20
export const WAIT_FOR_MORE = 'wait' as const

/** SQL whitespace, as the statement splitter reads it. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11
}

/**
 * The statement splitter's fast path for data: an INSERT of literal values is
 * read in one pass where it starts. The value scanner finds where it ends, so
 * its characters are not scanned twice (by the splitter for the end, then for
 * the values), and its values go out located (`pre`). An INSERT that runs past
 * the buffer waits for the next chunk (unless it is already big); anything
 * else, such as an expression among the values or a comment in the head, is
 * left to the splitter's character scan.
 */
export class InsertPass {
  /** Characters an INSERT had when it last waited for more text; 0 when none waits. */
  private waitLen = 0
  /** The last semicolon of the buffer being scanned; -2 until looked for. */
  private lastSemi = -2

  constructor(private readonly dialect: DumpDialect) {}

  /** A new buffer is being scanned. */
  newBuffer(): void {
    this.lastSemi = -2
  }

  /** The INSERT starting at `i`: its text, values and where scanning resumes; or wait for more text; or null. */
  at(buf: string, i: number, final: boolean): { text: string; pre: PreScanned; resume: number } | typeof WAIT_FOR_MORE | null {
    const n = buf.length
    // After waiting, read again only once the text has doubled, so small chunks cost no rescans.
    const waited = this.waitLen
    this.waitLen = 0
    const wait = (): typeof WAIT_FOR_MORE | null => {
      if (final || n - i >= MAX_WAIT_CHARS) return null
      this.waitLen = waited && n - i < 2 * waited ? waited : n - i
      return WAIT_FOR_MORE
    }
    if (waited && !final && n - i < 2 * waited) return wait()
    // No semicolon after its start: it surely goes on in the next chunk, so do not read it twice.
    if (this.lastSemi === -2) this.lastSemi = buf.lastIndexOf(';')
    if (this.lastSemi < i && !final) return wait()
    const head = INSERT_HEAD.exec(buf.slice(i, i + 4096))
    if (!head) {
      // The buffer may end inside the head (even inside the word INSERT).
      const start = buf.slice(i, i + 8).toUpperCase()
      const maybe = /^(INSERT|REPLACE)\b/.test(start) || 'INSERT'.startsWith(start) || 'REPLACE'.startsWith(start)
      return maybe && n - i < 4096 ? wait() : null
    }
    // A comment in the head would stay in the text (the character scan replaces comments with a space).
    if (/\/\*|--|#/.test(head[0])) return null
    const r = scanValues(buf, i + head[0].length, this.dialect, i)
    if (!r.ok) {
      // A value cut off by the end of the buffer fails near it (a number, NULL or string not yet complete).
      const ranOut = r.at >= n - 16 || r.reason.startsWith('unterminated')
      return ranOut ? wait() : null
    }
    let j = r.end
    while (j < n && isSpace(buf.charCodeAt(j))) j++
    if (j >= n && !final) return wait()
    if (j < n && buf.charCodeAt(j) !== SEMI) return null
    return { text: buf.slice(i, r.end).trimEnd(), pre: { values: r.values }, resume: Math.min(n, j + 1) }
  }
}
