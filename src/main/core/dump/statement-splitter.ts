import { AppError } from '../../../shared/errors'
import type { DumpDialect } from './dialect'
import { InsertPass, isSpace, WAIT_FOR_MORE } from './insert-pass'
import type { PreScanned } from './prescan'

/** What the splitter hands on: statements, client commands and COPY data lines, each with its line number. */
export type SplitEvent =
  /** `pre`: an INSERT's values, read ahead for the loader thread (prescan.ts). */
  | { type: 'statement'; text: string; line: number; pre?: PreScanned }
  /** A client-side command: psql's `\connect`, `\restrict` ..., or mysql's DELIMITER. */
  | { type: 'meta'; text: string; line: number }
  | { type: 'copyRow'; text: string; line: number }
  | { type: 'copyEnd'; line: number }

export interface SplitOptions {
  dialect: DumpDialect
  /** Keep `/*!40101 ... *\/` as written (a MySQL server runs them); otherwise their content becomes plain SQL. */
  keepExecutableComments?: boolean
  file?: string
}

const enum S {
  Normal,
  SQuote,
  DQuote,
  Backtick,
  Bracket,
  LineComment,
  BlockComment,
  Dollar,
  CopyData,
}

const NL = 10
const CR = 13
const SQ = 39
const DQ = 34
const BT = 96
const BS = 92
const DASH = 45
const SLASH = 47
const STAR = 42
const HASH = 35
const DOLLAR = 36
const LBRACKET = 91
const RBRACKET = 93
const LPAREN = 40
const RPAREN = 41
const BANG = 33


/** Open parentheses left at the end of a statement's text (outside quotes): a cut-off statement has some. */
function parenDepth(text: string, dialect: DumpDialect): number {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === LPAREN) depth++
    else if (c === RPAREN) depth--
    else if (c === SQ || c === DQ || c === BT) {
      for (i++; i < text.length && text.charCodeAt(i) !== c; i++) if (text.charCodeAt(i) === BS && dialect === 'mysql') i++
    }
  }
  return depth
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DOLLAR || c > 127
}

/**
 * Splits a stream of SQL text into statements in one pass over the characters,
 * carrying state across chunks so a statement, string or comment may span any
 * number of reads. Plain comments are dropped from statement text; the line of
 * each statement's first character is kept for the report.
 */
export class StatementSplitter {
  private readonly dialect: DumpDialect
  private readonly keepExec: boolean
  private readonly file: string | undefined
  private carry = ''
  private state: S = S.Normal
  private line = 1
  private delim = ';'
  private parts: string[] = []
  private started = false
  private stmtLine = 0
  private inExec = false
  /** Escapes apply in the current quoted string (MySQL always, PostgreSQL in E'...'). */
  private escapes = false
  private dollarTag = ''
  private openLine = 0
  private stmtIsTrigger: boolean | null = null
  private readonly inserts: InsertPass
  private copyLine = 0
  /** Characters (below 128) that matter inside a statement outside quotes. */
  private specials = new Uint8Array(128)

  constructor(opts: SplitOptions) {
    this.dialect = opts.dialect
    this.keepExec = opts.keepExecutableComments ?? false
    this.file = opts.file
    this.inserts = new InsertPass(opts.dialect)
    this.setDelimiter(';')
  }

  private setDelimiter(d: string): void {
    this.delim = d
    const base = this.dialect === 'mysql' ? `'"\`-#/*` : this.dialect === 'postgres' ? `'"-/*$` : `'"\`[-/*`
    this.specials = new Uint8Array(128)
    for (const ch of base + d[0]!) if (ch.charCodeAt(0) < 128) this.specials[ch.charCodeAt(0)] = 1
  }

  get currentLine(): number {
    return this.line
  }

  push(chunk: string, out: SplitEvent[]): void {
    this.scan(this.carry + chunk, false, out)
  }

  /** Flushes the last statement; throws when the text ends inside a string, comment or statement. */
  end(out: SplitEvent[]): void {
    this.scan(this.carry, true, out)
    this.carry = ''
    const where = { ...(this.file ? { file: this.file } : {}) }
    const fail = (what: string, line: number): never => {
      throw new AppError('PARSE_ERROR', `${what} (line ${line})`, { ...where, line })
    }
    switch (this.state) {
      case S.SQuote:
      case S.DQuote:
        fail(`Unterminated string: the quote opened on line ${this.openLine} is never closed, the dump may be truncated`, this.openLine)
        break
      case S.Backtick:
      case S.Bracket:
        fail(`Unterminated quoted identifier opened on line ${this.openLine}`, this.openLine)
        break
      case S.BlockComment:
        fail(`Unterminated comment: the /* opened on line ${this.openLine} is never closed`, this.openLine)
        break
      case S.Dollar:
        fail(`Unterminated dollar-quoted string $${this.dollarTag}$ opened on line ${this.openLine}`, this.openLine)
        break
      case S.CopyData:
        fail(`COPY data starting on line ${this.copyLine} has no terminating \\. line: the dump is truncated`, this.copyLine)
        break
      default:
        break
    }
    if (this.started) {
      if (this.inExec || parenDepth(this.parts.join(''), this.dialect) > 0) {
        fail(`The dump ends in the middle of the statement that starts on line ${this.stmtLine}: the file looks truncated`, this.stmtLine)
      }
      const text = this.parts.join('').trim()
      this.parts = []
      this.started = false
      if (text) out.push({ type: 'statement', text, line: this.stmtLine })
    }
  }

  private scan(buf: string, final: boolean, out: SplitEvent[]): void {
    const n = buf.length
    this.inserts.newBuffer()
    let i = 0
    const specials = this.specials
    const inComment = this.state === S.LineComment || this.state === S.BlockComment
    let seg = this.started && !inComment ? 0 : -1
    let line = this.line
    // Lines are counted lazily up to the positions that need one: a scan of each newline, once.
    let nextNl = buf.indexOf('\n')
    const at = (pos: number): number => {
      while (nextNl >= 0 && nextNl < pos) {
        line++
        nextNl = buf.indexOf('\n', nextNl + 1)
      }
      return line
    }
    let state = this.state
    const mysql = this.dialect === 'mysql'
    const pg = this.dialect === 'postgres'
    const sqlite = this.dialect === 'sqlite'
    let stopAt = -1
    const startStatement = (at0: number): void => {
      this.started = true
      this.stmtLine = at(at0)
      this.stmtIsTrigger = null
      seg = at0
    }
    const finishStatement = (endAt: number, resumeAt: number): void => {
      this.parts.push(buf.slice(seg, endAt))
      const text = this.parts.join('').trim()
      this.parts = []
      this.started = false
      seg = -1
      this.inExec = false
      if (text) {
        out.push({ type: 'statement', text, line: this.stmtLine })
        if (text.length > 4 && (text.charCodeAt(0) | 32) === 99 && /^COPY\b[\s\S]*\bFROM\s+stdin\b/i.test(text)) {
          // The data begins on the next line.
          const nl = buf.indexOf('\n', resumeAt)
          state = S.CopyData
          this.copyLine = at(resumeAt) + 1
          i = nl < 0 ? n : nl
          return
        }
      }
      i = resumeAt
    }

    outer: while (i < n) {
      let c = buf.charCodeAt(i)
      switch (state) {
        case S.Normal: {
          if (this.started) {
            // Inside a statement only a few characters matter: a tight loop over a lookup table skips the rest.
            while (i < n) {
              c = buf.charCodeAt(i)
              if (c < 128 && specials[c] === 1) {
                if (c === SQ || (c === DQ && mysql)) {
                  // Fast path for the many quoted values of data: skip a string that closes in this buffer.
                  const esc = mysql || (pg && (buf.charCodeAt(i - 1) | 32) === 101 && !isIdentChar(buf.charCodeAt(i - 2)))
                  let j = i + 1
                  while (j < n) {
                    const d = buf.charCodeAt(j)
                    if (d === c) {
                      if (buf.charCodeAt(j + 1) === c) {
                        j += 2
                        continue
                      }
                      break
                    }
                    j += d === BS && esc ? 2 : 1
                  }
                  if (j < n - 1) {
                    i = j + 1
                    continue
                  }
                }
                break
              }
              i++
            }
            if (i >= n) break outer
          }
          // Characters that need a look at what follows wait for the next chunk near the end of this one.
          if (!final && i + 12 >= n && (c === DASH || c === SLASH || c === STAR || c === 68 || c === 100 || c === BS || c === DOLLAR)) {
            stopAt = i
            break outer
          }
          const c1 = buf.charCodeAt(i + 1)
          const lineDash = c === DASH && c1 === DASH && (!mysql || isSpace(buf.charCodeAt(i + 2)) || i + 2 >= n)
          const blockStart = c === SLASH && c1 === STAR
          if (!this.started) {
            if (isSpace(c)) {
              i++
              continue
            }
            // Client commands are whole lines; they only appear where a statement could start.
            if ((pg && c === BS) || (mysql && (c === 68 || c === 100) && /^delimiter[ \t]/i.test(buf.slice(i, i + 10)))) {
              const nl = buf.indexOf('\n', i)
              if (nl < 0 && !final) {
                stopAt = i
                break outer
              }
              const end = nl < 0 ? n : nl
              const text = buf.slice(i, end).trim()
              if (c !== BS) {
                const d = text.slice(9).trim()
                if (d) this.setDelimiter(d)
              }
              out.push({ type: 'meta', text, line: at(i) })
              i = end
              continue
            }
            const isComment = lineDash || (blockStart && !this.isExecutableComment(buf, i)) || (mysql && c === HASH)
            if (!isComment && ((c | 32) === 105 || (c | 32) === 114) && this.delim === ';') {
              const fast = this.inserts.at(buf, i, final)
              if (fast === WAIT_FOR_MORE) {
                stopAt = i
                break outer
              }
              if (fast !== null) {
                out.push({ type: 'statement', text: fast.text, line: at(i), pre: fast.pre })
                i = fast.resume
                continue
              }
            }
            if (!isComment) startStatement(i)
          }
          if (c === SQ) {
            state = S.SQuote
            this.openLine = at(i)
            this.escapes = mysql || (pg && i > 0 && (buf.charCodeAt(i - 1) | 32) === 101 && !isIdentChar(buf.charCodeAt(i - 2)))
          } else if (c === DQ) {
            state = S.DQuote
            this.openLine = at(i)
            this.escapes = mysql
          } else if (c === BT && !pg) {
            state = S.Backtick
            this.openLine = at(i)
          } else if (c === LBRACKET && sqlite) {
            state = S.Bracket
            this.openLine = at(i)
          } else if (lineDash || (c === HASH && mysql)) {
            if (this.started) this.parts.push(buf.slice(seg, i), ' ')
            seg = -1
            state = S.LineComment
            i += c === HASH ? 1 : 2
            continue
          } else if (blockStart) {
            if (this.isExecutableComment(buf, i)) {
              if (!this.keepExec) {
                // `/*!40101 x */` and `/*M!100101 x */` run x on MySQL/MariaDB: keep x, drop the wrapper.
                this.parts.push(buf.slice(seg, i), ' ')
                let j = i + 2
                if (buf.charCodeAt(j) === 77) j++
                j++
                while (j < n && buf.charCodeAt(j) >= 48 && buf.charCodeAt(j) <= 57) j++
                if (buf.charCodeAt(j) === BS) {
                  // `/*M!999999\- enable the sandbox mode */`: a command for the mariadb client, not SQL.
                  seg = -1
                  state = S.BlockComment
                  this.openLine = at(i)
                  i = j
                  continue
                }
                seg = j
                i = j
                this.inExec = true
                continue
              }
            } else {
              if (this.started) this.parts.push(buf.slice(seg, i), ' ')
              seg = -1
              state = S.BlockComment
              this.openLine = at(i)
              i += 2
              continue
            }
          } else if (c === STAR && this.inExec && c1 === SLASH) {
            this.parts.push(buf.slice(seg, i), ' ')
            this.inExec = false
            i += 2
            seg = i
            continue
          } else if (c === DOLLAR && pg && !isIdentChar(buf.charCodeAt(i - 1))) {
            const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(buf.slice(i, i + 66))
            if (m) {
              state = S.Dollar
              this.dollarTag = m[0]
              this.openLine = at(i)
              i += m[0].length
              continue
            }
          } else if (c === this.delim.charCodeAt(0)) {
            const dl = this.delim.length
            if (dl === 1 || buf.startsWith(this.delim, i)) {
              if (sqlite && this.insideTrigger(buf, seg, i)) {
                i++
                continue
              }
              finishStatement(i, i + dl)
              continue
            }
          }
          i++
          continue
        }
        case S.SQuote:
        case S.DQuote:
        case S.Backtick:
        case S.Bracket: {
          const q = state === S.SQuote ? SQ : state === S.DQuote ? DQ : state === S.Backtick ? BT : RBRACKET
          const esc = this.escapes && (state === S.SQuote || state === S.DQuote)
          // The hot loop for data: jump to the closing quote (or the next backslash escape).
          if (esc) {
            while (i < n) {
              const d = buf.charCodeAt(i)
              if (d === q) break
              if (d === BS) {
                if (i + 1 >= n) break
                i += 2
                continue
              }
              i++
            }
          } else {
            const k = buf.indexOf(String.fromCharCode(q), i)
            i = k < 0 ? n : k
          }
          if (i >= n || buf.charCodeAt(i) !== q || (i + 1 >= n && !final)) {
            // Out of text (or a lone backslash/quote at the very end): continue with the next chunk.
            if (final) {
              i = n
              break outer
            }
            stopAt = i
            break outer
          }
          // At the closing quote; a doubled quote is an escaped one.
          if (q !== RBRACKET && buf.charCodeAt(i + 1) === q) {
            i += 2
            continue
          }
          state = S.Normal
          i++
          continue
        }
        case S.LineComment: {
          const nl = buf.indexOf('\n', i)
          if (nl < 0) {
            i = n
            break outer
          }
          i = nl
          state = S.Normal
          if (this.started) seg = nl
          continue
        }
        case S.BlockComment: {
          while (i < n - 1) {
            const d = buf.charCodeAt(i)
            if (d === STAR && buf.charCodeAt(i + 1) === SLASH) break
            i++
          }
          if (i >= n - 1) {
            if (final) {
              i = n
              break outer
            }
            stopAt = i
            break outer
          }
          i += 2
          state = S.Normal
          if (this.started) seg = i
          continue
        }
        case S.Dollar: {
          const tag = this.dollarTag
          const close = buf.indexOf(tag, i)
          const stop = close < 0 ? Math.max(i, n - tag.length + 1) : close
          if (close < 0) {
            if (final) {
              i = n
              break outer
            }
            stopAt = stop
            break outer
          }
          i = close + tag.length
          state = S.Normal
          continue
        }
        case S.CopyData: {
          if (c === NL) {
            i++
            continue
          }
          const nl = buf.indexOf('\n', i)
          if (nl < 0 && !final) {
            stopAt = i
            break outer
          }
          const end = nl < 0 ? n : nl
          let text = buf.slice(i, end)
          if (text.charCodeAt(text.length - 1) === CR) text = text.slice(0, -1)
          if (text === '\\.') {
            out.push({ type: 'copyEnd', line: at(i) })
            state = S.Normal
          } else {
            out.push({ type: 'copyRow', text, line: at(i) })
          }
          i = end
          continue
        }
      }
    }

    const cut = stopAt >= 0 ? stopAt : n
    if (this.started && seg >= 0 && seg < cut) this.parts.push(buf.slice(seg, cut))
    if (final && this.state === S.Normal && state === S.Normal && stopAt < 0) this.carry = ''
    this.carry = cut < n ? buf.slice(cut) : ''
    at(cut)
    this.line = line
    this.state = state
  }

  private isExecutableComment(buf: string, i: number): boolean {
    if (this.dialect !== 'mysql') return false
    const c2 = buf.charCodeAt(i + 2)
    return c2 === BANG || (c2 === 77 && buf.charCodeAt(i + 3) === BANG)
  }

  /** SQLite's CREATE TRIGGER ... BEGIN ... END has semicolons inside; only the one after END ends it. */
  private insideTrigger(buf: string, seg: number, i: number): boolean {
    if (this.stmtIsTrigger === null) {
      const head = (this.parts.join('') + buf.slice(seg, Math.min(i, seg + 200))).slice(0, 200)
      this.stmtIsTrigger = /^\s*CREATE\s+(TEMP\w*\s+)?TRIGGER\b/i.test(head)
    }
    if (!this.stmtIsTrigger) return false
    const before = buf.slice(Math.max(seg, i - 20), i)
    return !/\bEND\s*$/i.test(before)
  }
}
