import type { StatementSpan } from '../../../shared/calls/browse'

/**
 * Splits an SQL script into statements for the console, respecting quoted
 * strings and identifiers ('..', "..", `..`, [..]), comments (--, #, /* *\/)
 * and trigger bodies (CREATE TRIGGER ... BEGIN ...; ...; END), whose inner
 * semicolons do not end the statement.
 */
export interface SplitOptions {
  /** MySQL: `#` starts a comment and `\\` escapes in strings; in SQLite neither. */
  mysql?: boolean
}

const WORD = /[A-Za-z_]/

export function splitStatements(sql: string, opts: SplitOptions = {}): StatementSpan[] {
  const out: StatementSpan[] = []
  let start = 0
  let i = 0
  let depth = 0 // BEGIN/CASE ... END nesting inside a trigger body
  let inTrigger = false
  let words: string[] = [] // first words of the current statement
  const n = sql.length
  const push = (end: number): void => {
    const raw = sql.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const text = raw.trim()
    if (text && !isOnlyComments(text, opts)) out.push({ start: start + lead, end: start + lead + text.length, text })
  }
  while (i < n) {
    const ch = sql[i]!
    const next = sql[i + 1]
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(sql, i, ch, !!opts.mysql)
    } else if (ch === '[') {
      const close = sql.indexOf(']', i + 1)
      i = close < 0 ? n : close + 1
    } else if ((ch === '-' && next === '-') || (ch === '#' && opts.mysql)) {
      const nl = sql.indexOf('\n', i)
      i = nl < 0 ? n : nl + 1
    } else if (ch === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close < 0 ? n : close + 2
    } else if (WORD.test(ch) && (i === 0 || !/[\w$]/.test(sql[i - 1]!))) {
      let j = i + 1
      while (j < n && /[\w$]/.test(sql[j]!)) j++
      const w = sql.slice(i, j).toUpperCase()
      if (words.length < 4) {
        words.push(w)
        if (words[0] === 'CREATE' && words.includes('TRIGGER')) inTrigger = true
      }
      if (inTrigger) {
        if (w === 'BEGIN' || w === 'CASE') depth++
        else if (w === 'END' && depth > 0) depth--
      }
      i = j
    } else if (ch === ';' && depth === 0) {
      push(i)
      start = i + 1
      words = []
      inTrigger = false
      i++
    } else {
      i++
    }
  }
  push(n)
  return out
}

function skipQuoted(sql: string, i: number, q: string, backslash: boolean): number {
  let j = i + 1
  while (j < sql.length) {
    const c = sql[j]!
    if (backslash && c === '\\' && q !== '`') {
      j += 2
      continue
    }
    if (c === q) {
      if (sql[j + 1] === q) {
        j += 2
        continue
      }
      return j + 1
    }
    j++
  }
  return j
}

function isOnlyComments(text: string, opts: SplitOptions): boolean {
  const stripped = text
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/--[^\n]*/g, '')
    .replace(opts.mysql ? /#[^\n]*/g : /$^/g, '')
  return stripped.trim() === ''
}

/**
 * The statement to run for a cursor offset: the one containing it, else the
 * nearest one ending before it (the cursor usually sits after the `;`), else
 * the first after it.
 */
export function statementAt(sql: string, offset: number, opts: SplitOptions = {}): StatementSpan | null {
  const all = splitStatements(sql, opts)
  const inside = all.find((s) => offset >= s.start && offset <= s.end)
  if (inside) return inside
  const before = all.filter((s) => s.end <= offset)
  return before[before.length - 1] ?? all.find((s) => s.start >= offset) ?? null
}
