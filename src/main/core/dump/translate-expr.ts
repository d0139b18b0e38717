import type { DumpDialect } from './dialect'
import { isOp, isWord, render, type Token } from './sql-lexer'

/** What translation remembers across statements. */
export interface TranslateContext {
  dialect: DumpDialect
  /** Qualifiers to drop from names: the dump's database (MySQL) or schemas (PostgreSQL). */
  schemas: Set<string>
  /** PostgreSQL enum types (CREATE TYPE ... AS ENUM), stored as TEXT. */
  enumTypes: Set<string>
  /** Index names in use: SQLite's are per database, MySQL's per table. */
  indexNames: Set<string>
}

export function newTranslateContext(dialect: DumpDialect): TranslateContext {
  return { dialect, schemas: new Set(['public', 'pg_catalog', 'main']), enumTypes: new Set(), indexNames: new Set() }
}

const FUNCTION_RENAMES: Record<string, string> = {
  NOW: 'CURRENT_TIMESTAMP',
  CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  LOCALTIMESTAMP: 'CURRENT_TIMESTAMP',
  LOCALTIME: 'CURRENT_TIMESTAMP',
  CURDATE: 'CURRENT_DATE',
  CURRENT_DATE: 'CURRENT_DATE',
  CURTIME: 'CURRENT_TIME',
  CURRENT_TIME: 'CURRENT_TIME',
}

/** Skips a type name after `::` (words, one parenthesised argument list, array brackets); returns the next index. */
export function skipCastType(tokens: readonly Token[], i: number): number {
  let j = i
  while (j < tokens.length && (tokens[j]!.k === 'word' || tokens[j]!.k === 'ident')) {
    j++
    if (isOp(tokens[j], '.')) j++
  }
  if (isOp(tokens[j], '(')) {
    while (j < tokens.length && !isOp(tokens[j], ')')) j++
    j++
  }
  while (isOp(tokens[j], '[') && isOp(tokens[j + 1], ']')) j += 2
  return j
}

/**
 * Rewrites MySQL or PostgreSQL expression tokens for SQLite: drops charset
 * introducers, `::` casts and schema qualifiers, and renames the date
 * functions SQLite spells differently. What SQLite still cannot run fails
 * there and is reported with SQLite's message.
 */
export function translateTokens(tokens: readonly Token[], ctx: TranslateContext): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.k === 'word' && t.up === 'INTRODUCER') continue
    if (t.k === 'op' && t.v === '::') {
      i = skipCastType(tokens, i + 1) - 1
      continue
    }
    if ((t.k === 'ident' || t.k === 'word') && isOp(tokens[i + 1], '.') && ctx.schemas.has(t.v.toLowerCase())) {
      const after = tokens[i + 2]
      if (after && (after.k === 'ident' || after.k === 'word')) {
        i++
        continue
      }
    }
    if (t.k === 'word') {
      const rename = FUNCTION_RENAMES[t.up]
      if (rename) {
        const called = isOp(tokens[i + 1], '(') && isOp(tokens[i + 2], ')')
        out.push({ k: 'word', v: rename, up: rename })
        if (called) i += 2
        else if (isOp(tokens[i + 1], '(') && tokens[i + 2]?.k === 'num' && isOp(tokens[i + 3], ')')) i += 3
        continue
      }
      if (t.up === 'IF' && isOp(tokens[i + 1], '(') && ctx.dialect === 'mysql') {
        out.push({ k: 'word', v: 'iif', up: 'IIF' })
        continue
      }
    }
    out.push(t)
  }
  return out
}

export function translateToSql(tokens: readonly Token[], ctx: TranslateContext): string {
  return render(translateTokens(tokens, ctx))
}

/** Reads a possibly qualified name at `i`; returns the last part and the next index. */
export function readName(tokens: readonly Token[], i: number): { name: string; next: number; schema?: string } | null {
  const t = tokens[i]
  if (!t || (t.k !== 'ident' && t.k !== 'word')) return null
  if (isOp(tokens[i + 1], '.')) {
    const u = tokens[i + 2]
    if (u && (u.k === 'ident' || u.k === 'word')) return { name: u.v, next: i + 3, schema: t.v }
  }
  return { name: t.v, next: i + 1 }
}

/** Index after an optional `IF [NOT] EXISTS`. */
export function skipIfExists(tokens: readonly Token[], i: number): number {
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) return i + 3
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'EXISTS')) return i + 2
  return i
}
