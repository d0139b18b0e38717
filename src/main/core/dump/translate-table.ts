import { closingParen, isOp, isWord, quoteId, render, splitTopLevel, type Token } from './sql-lexer'
import { readName, skipCastType, skipIfExists, translateTokens, type TranslateContext } from './translate-expr'

export interface TranslatedTable {
  table: string
  createSql: string
  /** CREATE INDEX statements that follow the table (MySQL declares them inside it). */
  indexSql: string[]
  notes: string[]
}

const INTEGER_TYPES = new Set(['INT', 'INTEGER', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'BIGINT', 'SERIAL', 'BIGSERIAL', 'SMALLSERIAL', 'INT2', 'INT4', 'INT8'])

/** Maps a MySQL or PostgreSQL column type to a SQLite declared type that gives the right affinity. */
export function mapColumnType(words: string[], args: string, unsigned: boolean, ctx: TranslateContext, note: (s: string) => void, col: string): string {
  const base = words[0] ?? ''
  const all = words.join(' ')
  if (ctx.enumTypes.has(base.toLowerCase())) return 'TEXT'
  switch (base) {
    case 'SERIAL':
    case 'SMALLSERIAL':
    case 'BIGSERIAL':
      return 'INTEGER'
    case 'BIGINT':
    case 'INT8':
      if (unsigned) {
        // No SQLite type keeps integers above 2^63 exactly except a typeless column.
        note(`column ${col}: BIGINT UNSIGNED is stored without a declared type so values above 2^63-1 stay exact`)
        return ''
      }
      return 'BIGINT'
    case 'ENUM':
    case 'SET':
    case 'JSON':
    case 'JSONB':
    case 'UUID':
    case 'INTERVAL':
    case 'INET':
    case 'CIDR':
    case 'MACADDR':
    case 'XML':
    case 'CITEXT':
    case 'TSVECTOR':
      return 'TEXT'
    case 'BIT':
      return ctx.dialect === 'postgres' ? 'TEXT' : 'INTEGER'
    case 'BOOL':
    case 'BOOLEAN':
      return 'BOOLEAN'
    case 'BINARY':
    case 'VARBINARY':
    case 'BYTEA':
    case 'GEOMETRY':
    case 'POINT':
    case 'LINESTRING':
    case 'POLYGON':
    case 'MULTIPOINT':
    case 'MULTILINESTRING':
    case 'MULTIPOLYGON':
    case 'GEOMETRYCOLLECTION':
      return 'BLOB'
    case 'TIMESTAMPTZ':
      return 'TIMESTAMPTZ'
    case 'TIMETZ':
      return 'TIMETZ'
    case 'MONEY':
      return 'NUMERIC'
    case 'DECIMAL':
    case 'NUMERIC':
    case 'DEC':
    case 'FIXED': {
      const p = /^\((\d+)/.exec(args)
      if (p && Number(p[1]) > 15) {
        note(`column ${col}: ${base}${args} is stored without a declared type so its ${p[1]} digits stay exact`)
        return ''
      }
      break
    }
    default:
      break
  }
  if (base.endsWith('BLOB')) return base
  if (base.endsWith('TEXT')) return base
  if (all.startsWith('CHARACTER VARYING') || base === 'VARCHAR' || base === 'NVARCHAR') return `VARCHAR${args}`
  if (all.startsWith('DOUBLE')) return 'DOUBLE'
  if (base === 'TIMESTAMP' || base === 'TIME') {
    return all.includes('WITH TIME ZONE') ? `${base}TZ` : base
  }
  if (words.includes('[]')) return 'TEXT'
  const name = words.filter((w) => w !== 'ZEROFILL' && w !== 'SIGNED' && w !== 'UNSIGNED' && w !== 'VARYING').join(' ')
  return `${name}${args}${unsigned && INTEGER_TYPES.has(base) ? ' UNSIGNED' : ''}`
}

const ATTRIBUTE_WORDS = new Set([
  'NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'AUTO_INCREMENT', 'COMMENT', 'COLLATE', 'CHARSET', 'REFERENCES', 'CHECK',
  'GENERATED', 'AS', 'ON', 'CONSTRAINT', 'INVISIBLE', 'VISIBLE', 'COLUMN_FORMAT', 'STORAGE', 'KEY', 'SERIAL',
])

function columnList(tokens: readonly Token[], open: number): { cols: string[]; next: number } {
  const close = closingParen(tokens, open)
  const parts = splitTopLevel(tokens.slice(open + 1, close))
  const cols = parts.map((p) => {
    const first = p[0]
    if (!first) return ''
    const desc = p.some((t) => isWord(t, 'DESC'))
    if (first.k === 'ident' || first.k === 'word') return quoteId(first.v) + (desc ? ' DESC' : '')
    return render(p)
  })
  return { cols, next: close + 1 }
}

/** `REFERENCES t (cols) [ON DELETE x] [ON UPDATE y] [DEFERRABLE ...]` as SQLite text. */
function referencesClause(tokens: readonly Token[], i: number): { sql: string; next: number } {
  const ref = readName(tokens, i + 1)
  if (!ref) return { sql: '', next: tokens.length }
  let j = ref.next
  let cols = ''
  if (isOp(tokens[j], '(')) {
    const c = columnList(tokens, j)
    cols = ` (${c.cols.join(', ')})`
    j = c.next
  }
  let sql = `REFERENCES ${quoteId(ref.name)}${cols}`
  while (j < tokens.length) {
    if (isWord(tokens[j], 'ON') && isWord(tokens[j + 1], 'DELETE', 'UPDATE')) {
      const what = tokens[j + 1]!.v.toUpperCase()
      j += 2
      let action = ''
      if (isWord(tokens[j], 'SET', 'NO')) {
        action = `${tokens[j]!.v} ${tokens[j + 1]?.v ?? ''}`.toUpperCase()
        j += 2
      } else {
        action = (tokens[j]?.v ?? '').toUpperCase()
        j++
      }
      sql += ` ON ${what} ${action}`
    } else if (isWord(tokens[j], 'MATCH')) j += 2
    else if (isWord(tokens[j], 'DEFERRABLE')) {
      sql += ' DEFERRABLE'
      j++
    } else if (isWord(tokens[j], 'INITIALLY')) {
      sql += ` INITIALLY ${(tokens[j + 1]?.v ?? '').toUpperCase()}`
      j += 2
    } else if (isWord(tokens[j], 'NOT') && isWord(tokens[j + 1], 'DEFERRABLE', 'VALID')) j += 2
    else break
  }
  return { sql, next: j }
}

/** A DEFAULT value: one token, a call, or a parenthesised expression; PostgreSQL casts dropped. */
function defaultValue(tokens: readonly Token[], i: number, ctx: TranslateContext): { sql: string | null; next: number } {
  let j = i
  const t = tokens[j]
  if (!t) return { sql: null, next: j }
  let expr: Token[]
  if (isOp(t, '(')) {
    const close = closingParen(tokens, j)
    expr = tokens.slice(j, close + 1)
    j = close + 1
  } else if (isOp(t, '-') || isOp(t, '+')) {
    expr = tokens.slice(j, j + 2)
    j += 2
  } else if (t.k === 'word' && isOp(tokens[j + 1], '(')) {
    const close = closingParen(tokens, j + 1)
    expr = tokens.slice(j, close + 1)
    j = close + 1
  } else {
    expr = [t]
    j++
  }
  while (isOp(tokens[j], '::')) j = skipCastType(tokens, j + 1)
  const head = expr[0]!
  if (head.k === 'word' && (head.up === 'NEXTVAL' || head.up === 'UUID_GENERATE_V4' || head.up === 'GEN_RANDOM_UUID')) return { sql: null, next: j }
  if (head.k === 'hex') return { sql: render(expr), next: j }
  if (head.k === 'word' && head.up === 'B' && expr.length === 1) return { sql: null, next: j }
  const translated = translateTokens(expr, ctx)
  let sql = render(translated)
  if (translated.length > 1 && !isOp(translated[0], '(') && !(translated.length === 2 && translated[1]!.k === 'num')) sql = `(${sql})`
  if (/^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME)$/i.test(sql) || translated[0]?.k === 'str' || translated[0]?.k === 'num') return { sql, next: j }
  if (head.k === 'word' && (head.up === 'TRUE' || head.up === 'FALSE')) return { sql: head.up === 'TRUE' ? '1' : '0', next: j }
  return { sql, next: j }
}

/**
 * CREATE TABLE from MySQL/MariaDB or PostgreSQL as SQLite: types mapped for
 * affinity, AUTO_INCREMENT/SERIAL integer keys made rowid aliases, inline
 * KEY/INDEX/FULLTEXT turned into CREATE INDEX, table options dropped.
 */
export function translateCreateTable(tokens: readonly Token[], ctx: TranslateContext): TranslatedTable | { unsupported: string } {
  let i = 1
  while (isWord(tokens[i], 'TEMPORARY', 'TEMP', 'UNLOGGED', 'GLOBAL', 'LOCAL')) i++
  if (!isWord(tokens[i], 'TABLE')) return { unsupported: 'not a CREATE TABLE' }
  i = skipIfExists(tokens, i + 1)
  const nm = readName(tokens, i)
  if (!nm) return { unsupported: 'table name missing' }
  const table = nm.name
  i = nm.next
  if (!isOp(tokens[i], '(')) return { unsupported: 'CREATE TABLE without a column list (LIKE or AS SELECT)' }
  const close = closingParen(tokens, i)
  if (close < 0) return { unsupported: 'unbalanced parentheses' }
  const after = tokens.slice(close + 1)
  if (after.some((t) => isWord(t, 'SELECT'))) return { unsupported: 'CREATE TABLE ... AS SELECT' }
  const defs = splitTopLevel(tokens.slice(i + 1, close))
  const notes: string[] = []
  const note = (s: string): void => void notes.push(`${table}: ${s}`)
  const columns: { name: string; sql: string; autoinc: boolean; integer: boolean; inlinePk: boolean; decl: string }[] = []
  const tableConstraints: string[] = []
  const indexSql: string[] = []
  let pk: string[] | null = null
  let droppedChecks = 0

  const indexName = (name: string | undefined, cols: string[]): string => {
    let n = name ?? `${table}_${cols.map((c) => c.replace(/"| DESC/g, '')).join('_')}_idx`
    if (ctx.indexNames.has(n.toLowerCase())) n = `${table}_${n}`
    let k = 2
    const stem = n
    while (ctx.indexNames.has(n.toLowerCase())) n = `${stem}_${k++}`
    ctx.indexNames.add(n.toLowerCase())
    return n
  }

  for (const def of defs) {
    const first = def[0]
    if (!first) continue
    let j = 0
    let constraintName: string | undefined
    if (isWord(first, 'CONSTRAINT')) {
      if (def[1] && !isWord(def[1], 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) {
        constraintName = def[1].v
        j = 2
      } else j = 1
    }
    const head = def[j]
    if (isWord(head, 'PRIMARY') && isWord(def[j + 1], 'KEY')) {
      const open = def.findIndex((t, k) => k > j && isOp(t, '('))
      pk = columnList(def, open).cols
      continue
    }
    // In PostgreSQL `key` or `index` at the start of a definition is a column name.
    if (isWord(head, 'UNIQUE') || (ctx.dialect === 'mysql' && isWord(head, 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL'))) {
      const unique = isWord(head, 'UNIQUE')
      if (isWord(head, 'FULLTEXT', 'SPATIAL')) note(`${head!.v} index kept as a plain index`)
      let k = j + 1
      if (isWord(def[k], 'KEY', 'INDEX')) k++
      let name = constraintName
      if (def[k] && !isOp(def[k], '(') && !isWord(def[k], 'USING')) name = def[k]!.v
      const open = def.findIndex((t, m) => m >= k && isOp(t, '('))
      const { cols } = columnList(def, open)
      indexSql.push(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${quoteId(indexName(name, cols))} ON ${quoteId(table)} (${cols.join(', ')})`)
      continue
    }
    if (isWord(head, 'FOREIGN') && isWord(def[j + 1], 'KEY')) {
      const open = def.findIndex((t, k) => k > j && isOp(t, '('))
      const { cols, next } = columnList(def, open)
      if (!isWord(def[next], 'REFERENCES')) continue
      const ref = referencesClause(def, next)
      tableConstraints.push(`${constraintName ? `CONSTRAINT ${quoteId(constraintName)} ` : ''}FOREIGN KEY (${cols.join(', ')}) ${ref.sql}`)
      continue
    }
    if (isWord(head, 'CHECK', 'EXCLUDE')) {
      droppedChecks++
      continue
    }
    if (isWord(head, 'PERIOD', 'LIKE')) continue
    // A column.
    const name = head && (head.k === 'ident' || head.k === 'word') ? head.v : undefined
    if (!name) continue
    let k = j + 1
    const words: string[] = []
    let args = ''
    let unsigned = false
    while (k < def.length) {
      const t = def[k]!
      if (t.k === 'word' && ATTRIBUTE_WORDS.has(t.up) && !(t.up === 'CHARACTER')) break
      if (t.k === 'word' && t.up === 'CHARACTER' && isWord(def[k + 1], 'SET')) break
      if (t.k === 'word') {
        if (t.up === 'UNSIGNED') unsigned = true
        words.push(t.up)
        k++
      } else if (t.k === 'ident') {
        words.push(t.v.toUpperCase())
        k++
      } else if (isOp(t, '(')) {
        const c = closingParen(def, k)
        if (words[0] !== 'ENUM' && words[0] !== 'SET') args = render(def.slice(k, c + 1)).replace(/\s+/g, '')
        k = c + 1
      } else if (isOp(t, '[')) {
        words.push('[]')
        k = isOp(def[k + 1], ']') ? k + 2 : k + 1
      } else if (isOp(t, '.')) k++
      else break
    }
    const decl = mapColumnType(words, args, unsigned, ctx, note, name)
    let autoinc = words[0] === 'SERIAL' || words[0] === 'BIGSERIAL' || words[0] === 'SMALLSERIAL'
    let inlinePk = false
    const attrs: string[] = []
    while (k < def.length) {
      const t = def[k]!
      if (isWord(t, 'NOT') && isWord(def[k + 1], 'NULL')) {
        attrs.push('NOT NULL')
        k += 2
      } else if (isWord(t, 'NULL')) k++
      else if (isWord(t, 'DEFAULT')) {
        const d = defaultValue(def, k + 1, ctx)
        if (d.sql !== null) attrs.push(`DEFAULT ${d.sql}`)
        k = d.next
      } else if (isWord(t, 'AUTO_INCREMENT')) {
        autoinc = true
        k++
      } else if (isWord(t, 'PRIMARY')) {
        inlinePk = true
        k += isWord(def[k + 1], 'KEY') ? 2 : 1
      } else if (isWord(t, 'KEY')) {
        inlinePk = true
        k++
      } else if (isWord(t, 'UNIQUE')) {
        attrs.push('UNIQUE')
        k += isWord(def[k + 1], 'KEY') ? 2 : 1
      } else if (isWord(t, 'COMMENT', 'COLLATE', 'CHARSET', 'COLUMN_FORMAT', 'STORAGE')) k += 2
      else if (isWord(t, 'CHARACTER') && isWord(def[k + 1], 'SET')) k += 3
      else if (isWord(t, 'ON') && isWord(def[k + 1], 'UPDATE')) {
        k += 3
        if (isOp(def[k], '(')) k = closingParen(def, k) + 1
        note(`column ${name}: ON UPDATE CURRENT_TIMESTAMP is not kept (SQLite has no such clause)`)
      } else if (isWord(t, 'GENERATED') && isWord(def[k + 1], 'ALWAYS', 'BY')) {
        // PostgreSQL identity or a generated column.
        let m = k + 1
        while (m < def.length && !isWord(def[m], 'AS')) m++
        if (isWord(def[m + 1], 'IDENTITY')) {
          autoinc = true
          k = m + 2
          if (isOp(def[k], '(')) k = closingParen(def, k) + 1
        } else k = m
      } else if (isWord(t, 'AS') && isOp(def[k + 1], '(')) {
        const c = closingParen(def, k + 1)
        const expr = render(translateTokens(def.slice(k + 1, c + 1), ctx))
        k = c + 1
        let stored = false
        if (isWord(def[k], 'STORED', 'PERSISTENT')) {
          stored = true
          k++
        } else if (isWord(def[k], 'VIRTUAL')) k++
        attrs.push(`GENERATED ALWAYS AS ${expr} ${stored ? 'STORED' : 'VIRTUAL'}`)
      } else if (isWord(t, 'REFERENCES')) {
        const r = referencesClause(def, k)
        attrs.push(r.sql)
        k = r.next
      } else if (isWord(t, 'CHECK')) {
        droppedChecks++
        k = isOp(def[k + 1], '(') ? closingParen(def, k + 1) + 1 : k + 1
      } else if (isWord(t, 'CONSTRAINT')) k += 2
      else k++
    }
    columns.push({ name, sql: '', autoinc, integer: INTEGER_TYPES.has(words[0] ?? ''), inlinePk, decl: decl + ' ' + attrs.join(' ') })
  }

  // A single integer key that MySQL numbers itself becomes SQLite's rowid: faster to load, same values.
  const pkCols = pk ?? columns.filter((c) => c.inlinePk).map((c) => quoteId(c.name))
  const rowidCol = pkCols.length === 1 ? columns.find((c) => quoteId(c.name) === pkCols[0] && c.integer && (c.autoinc || c.decl.startsWith('INTEGER'))) : undefined
  const colSql = columns.map((c) => {
    const rest = c.decl.replace(/^\S*( UNSIGNED)?/, '').trim()
    if (c === rowidCol) return `${quoteId(c.name)} INTEGER PRIMARY KEY${rest ? ' ' + rest.replace(/\bNOT NULL\b/, '').trim() : ''}`.trimEnd()
    const pkHere = c.inlinePk && !pk && pkCols.length === 1 ? ' PRIMARY KEY' : ''
    return `${quoteId(c.name)}${c.decl.trim() ? ' ' + c.decl.trim() : ''}${pkHere}`
  })
  const constraints: string[] = []
  if (!rowidCol && pkCols.length > 0 && (pk || pkCols.length > 1)) constraints.push(`PRIMARY KEY (${pkCols.join(', ')})`)
  if (droppedChecks) note(`${droppedChecks} CHECK constraint(s) not kept`)
  const createSql = `CREATE TABLE ${quoteId(table)} (\n  ${[...colSql, ...constraints, ...tableConstraints].join(',\n  ')}\n)`
  return { table, createSql, indexSql, notes }
}
