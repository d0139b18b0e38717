import type { DumpDialect } from './dialect'
import { hexToBytes, mysqlEscapeChar, stringToBytes, unescapePgE } from './string-escapes'

export type SqlValue = null | number | bigint | string | Buffer

/** What kind of literal a scanned value is, and where its value lives (see ScannedValues). */
export const enum Tag {
  /** A string written without escapes: the text between `starts` and `ends`. */
  Str = 0,
  /** A number of at most 15 characters: `nums` holds it exactly, the text is between `starts` and `ends`. */
  Num = 1,
  /** A longer number: only its text (bound by the column's affinity, see numberForTypeless). */
  NumText = 2,
  Null = 3,
  /** A string with escapes, decoded: `decoded[starts[v]]`. */
  Decoded = 4,
  /** Hex digits of `X'..'` or `0x..` between `starts` and `ends`: a blob. */
  Hex = 5,
  /** A `_binary '...'` string without escapes: its characters are bytes. */
  StrBytes = 6,
  /** A `_binary '...'` string with escapes, decoded: `decoded[starts[v]]`, characters as bytes. */
  DecodedBytes = 7,
  /** TRUE/FALSE: the number in `nums`, whatever the column. */
  Fixed = 8,
  /** A `b'..'` literal: its value as decimal text in `decoded[starts[v]]`, bound as a number literal. */
  DecodedNum = 9,
}

/**
 * The values of one `VALUES (...), (...)` list as typed arrays over the
 * statement text: a tag per value, the span of its text, the number when it
 * is one. Nothing is copied while scanning, which is the point: an import
 * scans on one thread and binds on another (sqlite-load-client.ts), and typed
 * arrays cross threads as cheap copies where arrays of small values would be
 * cloned one by one.
 */
export interface ScannedValues {
  count: number
  /** Values in the first row; `mixedWidth` is the first other row width met, or -1. */
  width: number
  mixedWidth: number
  tags: Uint8Array
  starts: Int32Array
  ends: Int32Array
  nums: Float64Array
  decoded: string[]
}

export type ScanOutcome = { ok: true; end: number; values: ScannedValues } | { ok: false; at: number; reason: string }

const SQ = 39
const DQ = 34
const BS = 92
const LP = 40
const RP = 41
const COMMA = 44
const DOT = 46
const MINUS = 45

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)

/** A number for a numeric column: a JS number when exact, else the text (SQLite's affinity converts it). */
export function numberForNumeric(s: string): SqlValue {
  return s.length <= 15 ? Number(s) : s
}

/** A number for a typeless column: exact integers (BigInt past 2^53), text past 64 bits. */
export function numberForTypeless(s: string): SqlValue {
  if (/^[+-]?\d+$/.test(s)) {
    if (s.length <= 15) return Number(s)
    const b = BigInt(s)
    return b >= INT64_MIN && b <= INT64_MAX ? b : s
  }
  return s.length <= 15 ? Number(s) : s
}

class Builder {
  count = 0
  tags: Uint8Array
  starts: Int32Array
  ends: Int32Array
  nums: Float64Array
  decoded: string[] = []
  /** Spans are stored relative to `base`: the start of the statement in a larger text. */
  constructor(
    cap: number,
    private readonly base: number,
  ) {
    this.tags = new Uint8Array(cap)
    this.starts = new Int32Array(cap)
    this.ends = new Int32Array(cap)
    this.nums = new Float64Array(cap)
  }
  add(tag: number, start: number, end: number): number {
    const v = this.count
    if (v === this.tags.length) {
      const cap = v * 2
      const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(cap)
        b.set(a as never)
        return b
      }
      this.tags = grow(this.tags, (n) => new Uint8Array(n))
      this.starts = grow(this.starts, (n) => new Int32Array(n))
      this.ends = grow(this.ends, (n) => new Int32Array(n))
      this.nums = grow(this.nums, (n) => new Float64Array(n))
    }
    this.tags[v] = tag
    this.starts[v] = start - this.base
    this.ends[v] = end - this.base
    this.count = v + 1
    return v
  }
  /** Sets value `v`'s number (after `add`, which may have grown the arrays). */
  setNum(v: number, x: number): void {
    this.nums[v] = x
  }
  /** A value with no span (NULL, TRUE, a bit literal): its index, for `nums`. */
  addBare(tag: number): number {
    return this.add(tag, this.base, this.base)
  }
  addDecoded(tag: number, s: string): void {
    const v = this.addBare(tag)
    this.starts[v] = this.decoded.length
    this.decoded.push(s)
  }
  done(width: number, mixedWidth: number): ScannedValues {
    const n = this.count
    return {
      count: n,
      width,
      mixedWidth,
      tags: this.tags.slice(0, n),
      starts: this.starts.slice(0, n),
      ends: this.ends.slice(0, n),
      nums: this.nums.slice(0, n),
      decoded: this.decoded,
    }
  }
}

/**
 * Reads `(v, v, ...), (...)` from the statement text at `pos`: the fast path
 * for data, which binds values to cached multi-row INSERTs instead of running
 * the text through SQLite's parser. Strings without escapes and numbers are
 * only located (numbers of up to 15 characters also parsed, exactly: digits
 * accumulate to an integer below 2^53 that one division by a power of ten
 * rounds as Number() would). Anything that is not a literal (a function call,
 * an expression) makes the scan fail, and the caller runs the statement as SQL.
 * `base`: where the statement starts in `text` (the splitter scans its buffer).
 */
export function scanValues(text: string, pos: number, dialect: DumpDialect, base = 0): ScanOutcome {
  const n = text.length
  const mysql = dialect === 'mysql'
  // Start small (the arrays double as they fill): `text` may be a whole read buffer of many short INSERTs.
  const b = new Builder(16, base)
  let width = -1
  let mixedWidth = -1
  let i = pos
  for (;;) {
    while (i < n && isWs(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) !== LP) return { ok: false, at: i, reason: 'expected ( before a row of values' }
    i++
    let col = 0
    for (;;) {
      while (isWs(text.charCodeAt(i))) i++
      let c = text.charCodeAt(i)
      let bytes = false
      // Introducers and string prefixes.
      if (c === 95 /* _ */ && mysql) {
        const m = /_(\w+)\s*/y
        m.lastIndex = i
        const r = m.exec(text)
        if (!r) return { ok: false, at: i, reason: 'unexpected _' }
        bytes = r[1]!.toLowerCase() === 'binary'
        i += r[0].length
        c = text.charCodeAt(i)
      }
      let escapes = mysql
      let done = false
      const next = text.charCodeAt(i + 1)
      if (next === SQ && (c === 78 || c === 110)) {
        i++ // N'...'
        c = SQ
      } else if (next === SQ && (c === 69 || c === 101) && !mysql) {
        i++ // E'...'
        c = SQ
        escapes = true
      } else if (next === SQ && (c === 88 || c === 120)) {
        const end = text.indexOf("'", i + 2)
        if (end < 0) return { ok: false, at: i, reason: 'unterminated hex literal' }
        b.add(Tag.Hex, i + 2, end)
        i = end + 1
        done = true
      } else if (next === SQ && (c === 66 || c === 98)) {
        const end = text.indexOf("'", i + 2)
        if (end < 0) return { ok: false, at: i, reason: 'unterminated bit literal' }
        // Its value as decimal text, bound like a number literal of that text.
        b.addDecoded(Tag.DecodedNum, BigInt('0b' + (text.slice(i + 2, end) || '0')).toString())
        i = end + 1
        done = true
      }
      if (done) {
        // a literal added above
      } else if (c === SQ || (c === DQ && mysql)) {
        const q = c
        const start = i + 1
        let j = start
        let seg = j
        let s: string | null = null
        for (;;) {
          const d = text.charCodeAt(j)
          if (d === q) {
            if (text.charCodeAt(j + 1) === q) {
              s = (s ?? '') + text.slice(seg, j + 1)
              j += 2
              seg = j
              continue
            }
            break
          }
          if (d === BS && escapes) {
            if (mysql) {
              s = (s ?? '') + text.slice(seg, j) + mysqlEscapeChar(text.charCodeAt(j + 1))
              j += 2
              seg = j
              continue
            }
            s ??= ''
            j += 2
            continue
          }
          if (d !== d) return { ok: false, at: i, reason: 'unterminated string' }
          j++
        }
        if (s === null) b.add(bytes ? Tag.StrBytes : Tag.Str, start, j)
        else {
          s += text.slice(seg, j)
          if (escapes && !mysql) s = unescapePgE(s)
          b.addDecoded(bytes ? Tag.DecodedBytes : Tag.Decoded, s)
        }
        i = j + 1
      } else if ((c >= 48 && c <= 57) || c === MINUS || c === 43 || c === DOT) {
        if (c === 48 && (next === 120 || next === 88)) {
          let j = i + 2
          while (j < n && /[0-9A-Fa-f]/.test(text[j]!)) j++
          b.add(Tag.Hex, i + 2, j)
          i = j
        } else {
          // Sign, digits, point, digits: parsed as they are read; anything else (an exponent, '+') by Number().
          let j = c === MINUS || c === 43 ? i + 1 : i
          let mant = 0
          let digits = 0
          let frac = -1
          let simple = c !== 43
          for (;;) {
            const d = text.charCodeAt(j)
            if (d >= 48 && d <= 57) {
              mant = mant * 10 + (d - 48)
              digits++
              if (frac >= 0) frac++
            } else if (d === DOT) {
              if (frac < 0) frac = 0
              else simple = false
            } else if (d === 101 || d === 69 || ((d === MINUS || d === 43) && (text.charCodeAt(j - 1) | 32) === 101)) simple = false
            else break
            j++
          }
          const len = j - i
          if (simple && digits > 0) {
            if (len <= 15) {
              const x = frac > 0 ? mant / POW10[frac]! : mant
              b.setNum(b.add(Tag.Num, i, j), c === MINUS ? -x : x)
            } else b.add(Tag.NumText, i, j)
          } else {
            const lit = text.slice(i, j)
            if (!NUMBER.test(lit)) return { ok: false, at: i, reason: 'not a literal' }
            if (len <= 15) b.setNum(b.add(Tag.Num, i, j), Number(lit))
            else b.add(Tag.NumText, i, j)
          }
          i = j
        }
      } else {
        // NULL, TRUE, FALSE; anything else is an expression.
        const w = c | 32
        if (w === 110 && (text.charCodeAt(i + 1) | 32) === 117 && (text.charCodeAt(i + 2) | 32) === 108 && (text.charCodeAt(i + 3) | 32) === 108 && !isWordChar(text.charCodeAt(i + 4))) {
          b.addBare(Tag.Null)
          i += 4
        } else if ((w === 116 || w === 102) && /^(true|false)$/i.test(text.slice(i, w === 116 ? i + 4 : i + 5)) && !isWordChar(text.charCodeAt(w === 116 ? i + 4 : i + 5))) {
          b.setNum(b.addBare(Tag.Fixed), w === 116 ? 1 : 0)
          i += w === 116 ? 4 : 5
        } else {
          return { ok: false, at: i, reason: 'not a literal value' }
        }
      }
      col++
      while (isWs(text.charCodeAt(i))) i++
      c = text.charCodeAt(i)
      if (c === 58 && text.charCodeAt(i + 1) === 58) {
        // PostgreSQL cast after a literal: the value is kept as written.
        const m = /::\s*[A-Za-z_][\w ]*(\(\d+(,\s*\d+)?\))?(\[\])*\s*/y
        m.lastIndex = i
        const r = m.exec(text)
        if (!r) return { ok: false, at: i, reason: 'unreadable cast' }
        i += r[0].length
        c = text.charCodeAt(i)
      }
      if (c === COMMA) {
        i++
        continue
      }
      if (c === RP) {
        i++
        break
      }
      return { ok: false, at: i, reason: 'expected , or ) after a value' }
    }
    if (width < 0) width = col
    else if (col !== width && mixedWidth < 0) mixedWidth = col
    while (i < n && isWs(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) === COMMA) {
      i++
      continue
    }
    return { ok: true, end: i, values: b.done(width, mixedWidth) }
  }
}

/**
 * Value `v` of a scan, as bound to a column of number kind `kind` (see
 * numberKind in table-catalog.ts: 0 text, 1 typeless, 2 numeric). Numbers go
 * to text columns as written (better-sqlite3 binds every JS number as REAL,
 * which would store '5.0').
 */
export function valueAt(sv: ScannedValues, text: string, v: number, kind: number): SqlValue {
  switch (sv.tags[v]) {
    case Tag.Str:
      return text.slice(sv.starts[v], sv.ends[v])
    case Tag.Num:
      return kind === 0 ? text.slice(sv.starts[v], sv.ends[v]) : sv.nums[v]!
    case Tag.NumText: {
      const s = text.slice(sv.starts[v], sv.ends[v])
      return kind === 2 ? numberForNumeric(s) : kind === 1 ? numberForTypeless(s) : s
    }
    case Tag.Null:
      return null
    case Tag.Decoded:
      return sv.decoded[sv.starts[v]!]!
    case Tag.Hex:
      return hexToBytes(text.slice(sv.starts[v], sv.ends[v]))
    case Tag.StrBytes:
      return stringToBytes(text.slice(sv.starts[v], sv.ends[v]))
    case Tag.DecodedBytes:
      return stringToBytes(sv.decoded[sv.starts[v]!]!)
    case Tag.DecodedNum: {
      const s = sv.decoded[sv.starts[v]!]!
      return kind === 2 ? numberForNumeric(s) : kind === 1 ? numberForTypeless(s) : s
    }
    default:
      return sv.nums[v]!
  }
}
