import type { DumpDialect } from './dialect'
import { hexToBytes, mysqlEscapeChar, stringToBytes, unescapePgE } from './string-escapes'

export type SqlValue = null | number | bigint | string | Buffer

/** Receives scanned values; `endRow` is called after each parenthesised tuple with its value count. */
export interface RowSink {
  vals: SqlValue[]
  /** Per column, how a number literal is bound: 0 as text (text columns), 1 typeless, 2 numeric affinity. */
  numericCols: Uint8Array | null
  /** When set, one tag per value (see ValueTag): what kind of literal it was. */
  tags?: number[] | null
  endRow(width: number): void
}

/** The kind of literal a value came from, for a loader that binds it later (see prescan.ts). */
export const enum ValueTag {
  Str = 0,
  Num = 1,
  Null = 2,
  Bytes = 3,
}

export type ScanOutcome = { ok: true; end: number } | { ok: false; at: number; reason: string }

const SQ = 39
const DQ = 34
const BS = 92
const LP = 40
const RP = 41
const COMMA = 44

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

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

/**
 * Reads `(v, v, ...), (...)` straight from the statement text into a flat
 * array, for binding to a cached multi-row INSERT. This is where an import
 * spends its time, so it avoids building tokens or re-running SQL text through
 * SQLite's parser: strings are sliced and escapes decoded in place. Numbers are
 * bound by the column's affinity: as JS numbers for numeric columns (cheapest to
 * bind; affinity turns 5.0 back into 5), as text for text columns (better-sqlite3
 * binds every JS number as REAL, which would store '5.0'), exactly for typeless ones.
 * Anything that is not a literal (a function call, an expression) makes the
 * scan fail, and the caller runs the statement as SQL instead.
 */
export function scanTuples(text: string, pos: number, dialect: DumpDialect, sink: RowSink): ScanOutcome {
  const n = text.length
  const mysql = dialect === 'mysql'
  const vals = sink.vals
  const numericCols = sink.numericCols
  const tags = sink.tags ?? null
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
        vals.push(hexToBytes(text.slice(i + 2, end)))
        tags?.push(ValueTag.Bytes)
        i = end + 1
        c = -1
      } else if (next === SQ && (c === 66 || c === 98)) {
        const end = text.indexOf("'", i + 2)
        if (end < 0) return { ok: false, at: i, reason: 'unterminated bit literal' }
        vals.push(String(BigInt('0b' + (text.slice(i + 2, end) || '0'))))
        tags?.push(ValueTag.Num)
        i = end + 1
        c = -1
      }
      if (c === SQ || (c === DQ && mysql)) {
        const q = c
        let j = i + 1
        let seg = j
        let s = ''
        for (;;) {
          const d = text.charCodeAt(j)
          if (d === q) {
            if (text.charCodeAt(j + 1) === q) {
              s += text.slice(seg, j + 1)
              j += 2
              seg = j
              continue
            }
            break
          }
          if (d === BS && escapes) {
            if (mysql) {
              s += text.slice(seg, j) + mysqlEscapeChar(text.charCodeAt(j + 1))
              j += 2
              seg = j
              continue
            }
            j += 2
            continue
          }
          if (d !== d) return { ok: false, at: i, reason: 'unterminated string' }
          j++
        }
        s += text.slice(seg, j)
        if (escapes && !mysql) s = unescapePgE(s)
        vals.push(bytes ? stringToBytes(s) : s)
        tags?.push(bytes ? ValueTag.Bytes : ValueTag.Str)
        i = j + 1
      } else if (c === -1) {
        // a literal pushed above
      } else if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
        if (c === 48 && (next === 120 || next === 88)) {
          let j = i + 2
          while (j < n && /[0-9A-Fa-f]/.test(text[j]!)) j++
          vals.push(hexToBytes(text.slice(i + 2, j)))
          tags?.push(ValueTag.Bytes)
          i = j
        } else {
          let j = i + 1
          for (;;) {
            const d = text.charCodeAt(j)
            if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || ((d === 45 || d === 43) && (text.charCodeAt(j - 1) | 32) === 101)) j++
            else break
          }
          const lit = text.slice(i, j)
          if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(lit)) return { ok: false, at: i, reason: 'not a literal' }
          const kind = numericCols === null ? 0 : numericCols[col]
          vals.push(kind === 2 ? numberForNumeric(lit) : kind === 1 ? numberForTypeless(lit) : lit)
          tags?.push(ValueTag.Num)
          i = j
        }
      } else {
        // NULL, TRUE, FALSE; anything else is an expression.
        const w = text.slice(i, i + 5).toUpperCase()
        if (w.startsWith('NULL') && !isWordChar(text.charCodeAt(i + 4))) {
          vals.push(null)
          tags?.push(ValueTag.Null)
          i += 4
        } else if (w.startsWith('TRUE') && !isWordChar(text.charCodeAt(i + 4))) {
          vals.push(1)
          tags?.push(ValueTag.Num)
          i += 4
        } else if (w === 'FALSE' && !isWordChar(text.charCodeAt(i + 5))) {
          vals.push(0)
          tags?.push(ValueTag.Num)
          i += 5
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
    sink.endRow(col)
    while (i < n && isWs(text.charCodeAt(i))) i++
    if (text.charCodeAt(i) === COMMA) {
      i++
      continue
    }
    return { ok: true, end: i }
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}
