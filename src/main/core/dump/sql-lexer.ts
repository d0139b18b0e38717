import type { DumpDialect } from './dialect'
import { unescapeMysql, unescapePgE } from './string-escapes'

/**
 * Tokens of one statement, for translating DDL and other statements (never the
 * bulk data, which value-scanner.ts reads without building tokens).
 */
export type Token =
  | { k: 'word'; v: string; up: string }
  | { k: 'ident'; v: string }
  | { k: 'str'; v: string; prefix: string }
  | { k: 'num'; v: string }
  | { k: 'hex'; v: string }
  | { k: 'op'; v: string }

const WORD = /[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/y
const NUM = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y
const HEX0X = /0x[0-9A-Fa-f]*/y
const OPS = ['::', '<=', '>=', '<>', '!=', '||', ':=', '->>', '->']

export function tokenize(sql: string, dialect: DumpDialect): Token[] {
  const out: Token[] = []
  const n = sql.length
  let i = 0
  const readQuoted = (q: string, escapes: boolean): string => {
    let j = i + 1
    let v = ''
    let seg = j
    for (;;) {
      if (j >= n) throw new Error(`unterminated ${q} quote`)
      const c = sql[j]
      if (c === q) {
        if (sql[j + 1] === q) {
          v += sql.slice(seg, j + 1)
          j += 2
          seg = j
          continue
        }
        break
      }
      if (c === '\\' && escapes) {
        j += 2
        continue
      }
      j++
    }
    v += sql.slice(seg, j)
    i = j + 1
    return v
  }
  while (i < n) {
    const c = sql[i]!
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === "'") {
      const raw = readQuoted("'", dialect === 'mysql')
      out.push({ k: 'str', v: dialect === 'mysql' ? unescapeMysql(raw) : raw, prefix: '' })
      continue
    }
    if (c === '"') {
      const raw = readQuoted('"', dialect === 'mysql')
      if (dialect === 'mysql') out.push({ k: 'str', v: unescapeMysql(raw), prefix: '' })
      else out.push({ k: 'ident', v: raw })
      continue
    }
    if (c === '`') {
      out.push({ k: 'ident', v: readQuoted('`', false) })
      continue
    }
    if (c === '[' && dialect === 'sqlite') {
      const end = sql.indexOf(']', i)
      if (end < 0) throw new Error('unterminated [ identifier')
      out.push({ k: 'ident', v: sql.slice(i + 1, end) })
      i = end + 1
      continue
    }
    if (c === '$' && dialect === 'postgres') {
      const m = /\$([A-Za-z_]\w*)?\$/y
      m.lastIndex = i
      const r = m.exec(sql)
      if (r) {
        const end = sql.indexOf(r[0], i + r[0].length)
        if (end < 0) throw new Error('unterminated dollar quote')
        out.push({ k: 'str', v: sql.slice(i + r[0].length, end), prefix: '$' })
        i = end + r[0].length
        continue
      }
    }
    HEX0X.lastIndex = i
    const hx = c === '0' ? HEX0X.exec(sql) : null
    if (hx && hx[0].length > 2) {
      out.push({ k: 'hex', v: hx[0].slice(2) })
      i += hx[0].length
      continue
    }
    NUM.lastIndex = i
    const num = (c >= '0' && c <= '9') || (c === '.' && /\d/.test(sql[i + 1] ?? '')) ? NUM.exec(sql) : null
    if (num) {
      out.push({ k: 'num', v: num[0] })
      i += num[0].length
      continue
    }
    WORD.lastIndex = i
    const w = WORD.exec(sql)
    if (w) {
      const word = w[0]
      i += word.length
      const up = word.toUpperCase()
      // String prefixes: N'..', E'..', X'..', B'..', and MySQL's _charset introducers.
      if (sql[i] === "'" && (up === 'N' || up === 'E' || up === 'X' || up === 'B' || up === 'U&')) {
        const raw = readQuoted("'", dialect === 'mysql' || up === 'E')
        if (up === 'X') out.push({ k: 'hex', v: raw })
        else out.push({ k: 'str', v: dialect === 'mysql' ? unescapeMysql(raw) : up === 'E' ? unescapePgE(raw) : raw, prefix: up })
        continue
      }
      if (dialect === 'mysql' && word.startsWith('_') && /^_(binary|utf8\w*|latin1|ascii|ucs2|utf16|utf32|cp\d+)$/i.test(word)) {
        out.push({ k: 'word', v: word, up: 'INTRODUCER' })
        continue
      }
      out.push({ k: 'word', v: word, up })
      continue
    }
    const op = OPS.find((o) => sql.startsWith(o, i))
    if (op) {
      out.push({ k: 'op', v: op })
      i += op.length
      continue
    }
    out.push({ k: 'op', v: c })
    i++
  }
  return out
}

export function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

export function sqlString(v: string): string {
  return `'${v.replace(/'/g, "''")}'`
}

/** Renders tokens back as SQLite text: identifiers double-quoted, strings standard. */
export function render(tokens: readonly Token[]): string {
  let s = ''
  let prev: Token | undefined
  for (const t of tokens) {
    let piece: string
    switch (t.k) {
      case 'word':
        piece = t.v
        break
      case 'ident':
        piece = quoteId(t.v)
        break
      case 'str':
        piece = sqlString(t.v)
        break
      case 'num':
        piece = t.v
        break
      case 'hex':
        piece = `X'${t.v.length % 2 ? '0' + t.v : t.v}'`
        break
      case 'op':
        piece = t.v
        break
    }
    const tight = t.k === 'op' ? t.v === ',' || t.v === ')' || t.v === '.' : prev?.k === 'op' && (prev.v === '(' || prev.v === '.')
    s += s && !tight ? ' ' + piece : piece
    prev = t
  }
  return s
}

/** Splits tokens at top-level commas (inside parentheses only). */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = []
  let cur: Token[] = []
  let depth = 0
  for (const t of tokens) {
    if (t.k === 'op' && t.v === '(') depth++
    else if (t.k === 'op' && t.v === ')') depth--
    if (depth === 0 && t.k === 'op' && t.v === ',') {
      parts.push(cur)
      cur = []
    } else cur.push(t)
  }
  if (cur.length) parts.push(cur)
  return parts
}

/** Index of the parenthesis closing the one at `open`. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'op' && t.v === '(') depth++
    else if (t.k === 'op' && t.v === ')' && --depth === 0) return i
  }
  return -1
}

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.k === 'word' && words.includes(t.up)
}

export function isOp(t: Token | undefined, v: string): boolean {
  return t !== undefined && t.k === 'op' && t.v === v
}

/** Name of an identifier or bare word token. */
export function nameOf(t: Token | undefined): string | undefined {
  if (!t) return undefined
  if (t.k === 'ident') return t.v
  if (t.k === 'word') return t.v
  return undefined
}
