import type { SqliteDatabase } from '../db/sqlite-native'
import type { DumpDialect } from './dialect'
import type { PreScanned } from './prescan'
import type { ReportBuilder } from './import-report'
import { RowWidthError, type InsertLoader } from './insert-loader'
import { closingParen, isOp, isWord, quoteId, render, splitTopLevel, tokenize, type Token } from './sql-lexer'
import { readName, skipIfExists, translateToSql, translateTokens, type TranslateContext } from './translate-expr'
import { translateCreateTable } from './translate-table'
import type { TableCatalog } from './table-catalog'
import { addTableConstraints } from './table-rebuild'

/** A statement that could not be applied; `kind` says whether it was skipped on purpose or failed. */
export class StatementIssue extends Error {
  constructor(
    readonly kind: 'skipped' | 'failed',
    message: string,
  ) {
    super(message)
  }
}

const IGNORED: [RegExp, string][] = [
  [/^SET\b/i, 'SET'],
  [/^(LOCK|UNLOCK)\s+TABLES?\b/i, 'LOCK/UNLOCK TABLES'],
  [/^USE\b/i, 'USE'],
  [/^(START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|END)\b/i, 'transaction control'],
  [/^(CREATE|DROP|ALTER)\s+(DATABASE|SCHEMA)\b/i, 'CREATE/DROP DATABASE'],
  [/^SELECT\s+pg_catalog\.set_config\b/i, 'set_config'],
  [/^(GRANT|REVOKE)\b/i, 'GRANT/REVOKE'],
  [/^COMMENT\s+ON\b/i, 'COMMENT ON'],
  [/^ALTER\s+TABLE\b[^;]*\bOWNER\s+TO\b/i, 'OWNER TO'],
  [/^ALTER\s+(TYPE|FUNCTION|SEQUENCE|VIEW|MATERIALIZED\s+VIEW|SCHEMA|DOMAIN|EXTENSION)\b[\s\S]*\bOWNER\s+TO\b/i, 'OWNER TO'],
  [/^ALTER\s+TABLE\s+\S+\s+(DISABLE|ENABLE)\s+KEYS\b/i, 'DISABLE/ENABLE KEYS'],
  [/^(ANALYZE|OPTIMIZE|FLUSH|VACUUM|CHECKPOINT)\b/i, 'maintenance'],
  [/^PRAGMA\b/i, 'PRAGMA'],
  [/^SELECT\s+pg_catalog\.pg_/i, 'catalog call'],
]

const SKIPPED: [RegExp, string][] = [
  [/^CREATE\s+(OR\s+REPLACE\s+)?(DEFINER\s*=\s*\S+\s+)?(TRIGGER|PROCEDURE|FUNCTION|EVENT|AGGREGATE)\b/i, 'triggers, procedures and functions are not translated to SQLite'],
  [/^(CREATE|ALTER|DROP)\s+(TEMPORARY\s+)?SEQUENCE\b/i, 'sequences have no SQLite equivalent (integer keys number themselves)'],
  [/^SELECT\s+(pg_catalog\.)?setval\s*\(/i, 'sequences have no SQLite equivalent (integer keys number themselves)'],
  [/^ALTER\s+TABLE\b[\s\S]*\bALTER\s+COLUMN\b[\s\S]*\b(nextval|IDENTITY)\b/i, 'sequences have no SQLite equivalent (integer keys number themselves)'],
  [/^CREATE\s+EXTENSION\b/i, 'extensions do not exist in SQLite'],
  [/^(CREATE|DROP)\s+(ROLE|USER)\b/i, 'users and roles do not exist in SQLite'],
  [/^CREATE\s+(DOMAIN|AGGREGATE|OPERATOR|CAST|COLLATION|RULE|POLICY|PUBLICATION|SUBSCRIPTION|STATISTICS|MATERIALIZED\s+VIEW)\b/i, 'no SQLite equivalent'],
  [/^(CALL|DO|EXECUTE|PREPARE|DEALLOCATE|HANDLER|LOAD\s+DATA)\b/i, 'needs a MySQL/PostgreSQL server (use the MySQL target for scripts)'],
  [/^DROP\s+(TRIGGER|PROCEDURE|FUNCTION|EVENT|TYPE)\b/i, 'triggers, procedures, functions and types are not translated'],
]

export interface StatementEnv {
  db: SqliteDatabase
  dialect: DumpDialect
  tctx: TranslateContext
  catalog: TableCatalog
  inserts: InsertLoader
  report: ReportBuilder
  rows: { n: number }
  /** Plain indexes from CREATE TABLE, built after the data: far faster than keeping them up to date row by row. */
  deferredIndexes: { sql: string; line: number }[]
  line: number
}

/** Applies one statement of the dump to the SQLite file; returns false when it was only counted as ignored. */
export function applyStatement(text: string, env: StatementEnv, pre?: PreScanned): void {
  const { dialect, report } = env
  const c0 = text.charCodeAt(0) | 32
  // Data first: this is nearly every statement of a large dump.
  if (c0 === 105 /* i */ || c0 === 114 /* r */) {
    if (/^(INSERT|REPLACE)\b/i.test(text)) {
      let out
      try {
        out = env.inserts.insert(text, pre)
      } catch (err) {
        throw new StatementIssue('failed', err instanceof RowWidthError ? err.message : `SQLite: ${(err as Error).message}`)
      }
      if (!out.fallback) {
        env.rows.n += out.rows
        return
      }
      runInsertAsSql(text, env)
      return
    }
  }
  for (const [re, what] of IGNORED) {
    if (re.test(text)) {
      if (what === 'USE' || what === 'CREATE/DROP DATABASE') {
        const m = /^(?:USE|CREATE\s+(?:DATABASE|SCHEMA)(?:\s+IF\s+NOT\s+EXISTS)?)\s+[`"[]?([^`"\]\s;]+)/i.exec(text)
        if (m) env.tctx.schemas.add(m[1]!.toLowerCase())
      }
      if (what === 'SET' && dialect === 'sqlite') break
      if (what === 'transaction control' && /^END\b/i.test(text) && dialect !== 'sqlite') break
      report.ignore(what)
      return
    }
  }
  if (dialect === 'sqlite') {
    runSqliteNative(text, env)
    return
  }
  for (const [re, why] of SKIPPED) {
    if (re.test(text)) throw new StatementIssue('skipped', why)
  }
  const tokens = safeTokens(text, dialect)
  if (isWord(tokens[0], 'CREATE')) {
    let i = 1
    if (isWord(tokens[i], 'OR') && isWord(tokens[i + 1], 'REPLACE')) i += 2
    while (isWord(tokens[i], 'TEMPORARY', 'TEMP', 'UNLOGGED', 'GLOBAL', 'LOCAL')) i++
    if (isWord(tokens[i], 'TABLE')) return createTable(tokens, text, env)
    if (isWord(tokens[i], 'UNIQUE', 'INDEX', 'FULLTEXT', 'SPATIAL')) return createIndex(tokens, env)
    if (isWord(tokens[i], 'TYPE')) return createType(tokens, env)
    if (tokens.some((t, k) => k < 40 && isWord(t, 'VIEW'))) return createView(tokens, env)
  }
  if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE')) return alterTable(tokens, env)
  if (isWord(tokens[0], 'DROP') && (isWord(tokens[1], 'TABLE', 'VIEW') || (isWord(tokens[1], 'TEMPORARY') && isWord(tokens[2], 'TABLE')))) {
    const temp = isWord(tokens[1], 'TEMPORARY') ? 1 : 0
    const kind = tokens[1 + temp]!.v.toUpperCase()
    let i = skipIfExists(tokens, 2 + temp)
    const names: string[] = []
    while (i < tokens.length) {
      const nm = readName(tokens, i)
      if (!nm) break
      names.push(nm.name)
      i = nm.next
      if (!isOp(tokens[i], ',')) break
      i++
    }
    for (const n of names) {
      exec(env, `DROP ${kind} IF EXISTS ${quoteId(n)}`)
      env.catalog.forget(n)
    }
    return
  }
  if (isWord(tokens[0], 'TRUNCATE')) {
    const nm = readName(tokens, isWord(tokens[1], 'TABLE') ? 2 : 1)
    if (nm) exec(env, `DELETE FROM ${quoteId(nm.name)}`)
    return
  }
  exec(env, translateToSql(tokens, env.tctx))
}

function safeTokens(text: string, dialect: DumpDialect): Token[] {
  try {
    return tokenize(text, dialect)
  } catch (err) {
    throw new StatementIssue('failed', `cannot read the statement: ${(err as Error).message}`)
  }
}

function exec(env: StatementEnv, sql: string): void {
  try {
    env.db.exec(sql)
  } catch (err) {
    throw new StatementIssue('failed', `SQLite: ${(err as Error).message}`)
  }
}

function runSqliteNative(text: string, env: StatementEnv): void {
  exec(env, text)
  if (/^CREATE\s+(TEMP\w*\s+)?TABLE\b/i.test(text) || /^ALTER\s+TABLE\b/i.test(text)) {
    env.catalog.forgetAll()
    env.inserts.clearCache()
  }
}

/** INSERT the fast path could not read (expressions, ON DUPLICATE KEY UPDATE, INSERT ... SELECT): translated SQL. */
function runInsertAsSql(text: string, env: StatementEnv): void {
  const tokens = translateTokens(safeTokens(text, env.dialect), env.tctx)
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (i === 1 && isWord(t, 'IGNORE') && isWord(tokens[0], 'INSERT')) {
      out.push({ k: 'word', v: 'OR IGNORE', up: 'OR IGNORE' })
      continue
    }
    if (isWord(t, 'ON') && isWord(tokens[i + 1], 'DUPLICATE') && isWord(tokens[i + 2], 'KEY') && isWord(tokens[i + 3], 'UPDATE')) {
      out.push({ k: 'word', v: 'ON CONFLICT DO UPDATE SET', up: 'ON CONFLICT DO UPDATE SET' })
      i += 3
      continue
    }
    if (isWord(t, 'VALUES') && isOp(tokens[i + 1], '(') && tokens[i + 2] && isOp(tokens[i + 3], ')') && out.some((x) => x.v === 'ON CONFLICT DO UPDATE SET')) {
      out.push({ k: 'word', v: 'excluded', up: 'EXCLUDED' }, { k: 'op', v: '.' }, tokens[i + 2]!)
      i += 3
      continue
    }
    out.push(t)
  }
  const before = (env.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  try {
    env.db.exec(render(out))
  } catch (err) {
    const msg = (err as Error).message
    // Functions and syntax SQLite lacks (RAND(), LPAD, DATE_ADD ... INTERVAL): the script wants a server.
    const hint = /no such function|syntax error/.test(msg) ? ' (MySQL-only SQL: run this script on a MySQL target)' : ''
    throw new StatementIssue('failed', `SQLite: ${msg}${hint}`)
  }
  const after = (env.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  env.rows.n += after - before
}

function createTable(tokens: Token[], text: string, env: StatementEnv): void {
  const t = translateCreateTable(tokens, env.tctx)
  if ('unsupported' in t) {
    if (/AS\s+SELECT|SELECT/i.test(t.unsupported) || isWord(tokens[tokens.findIndex((x) => isWord(x, 'LIKE'))], 'LIKE')) {
      const sql = translateToSql(tokens, env.tctx).replace(/^CREATE\s+(TEMPORARY|TEMP)\s+TABLE/i, 'CREATE TEMP TABLE')
      exec(env, sql)
      return
    }
    throw new StatementIssue('failed', `cannot translate: ${t.unsupported} (${text.slice(0, 40)})`)
  }
  const temp = /^CREATE\s+(TEMPORARY|TEMP)\b/i.test(text)
  const ifNotExists = /^CREATE\s+(\w+\s+)?TABLE\s+IF\s+NOT\s+EXISTS\b/i.test(text)
  let sql = t.createSql
  if (temp) sql = sql.replace(/^CREATE TABLE/, 'CREATE TEMP TABLE')
  if (ifNotExists) sql = sql.replace(/^CREATE (TEMP )?TABLE/, (m) => `${m} IF NOT EXISTS`)
  exec(env, sql)
  env.catalog.forget(t.table)
  env.inserts.clearCache()
  for (const n of t.notes) env.report.warn(n)
  for (const ix of t.indexSql) {
    if (ix.startsWith('CREATE INDEX')) env.deferredIndexes.push({ sql: ix.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'), line: env.line })
    else exec(env, ix)
  }
}

function createIndex(tokens: Token[], env: StatementEnv): void {
  let i = 1
  let unique = false
  if (isWord(tokens[i], 'UNIQUE')) {
    unique = true
    i++
  }
  if (isWord(tokens[i], 'FULLTEXT', 'SPATIAL')) i++
  if (!isWord(tokens[i], 'INDEX')) throw new StatementIssue('failed', 'cannot read CREATE INDEX')
  i++
  if (isWord(tokens[i], 'CONCURRENTLY')) i++
  i = skipIfExists(tokens, i)
  let name: string | undefined
  if (!isWord(tokens[i], 'ON')) {
    name = readName(tokens, i)?.name
    i = readName(tokens, i)?.next ?? i + 1
  }
  while (isWord(tokens[i], 'USING')) i += 2
  if (!isWord(tokens[i], 'ON')) throw new StatementIssue('failed', 'cannot read CREATE INDEX')
  i++
  if (isWord(tokens[i], 'ONLY')) i++
  const table = readName(tokens, i)
  if (!table) throw new StatementIssue('failed', 'cannot read CREATE INDEX')
  i = table.next
  while (isWord(tokens[i], 'USING')) i += 2
  if (!isOp(tokens[i], '(')) throw new StatementIssue('failed', 'cannot read CREATE INDEX columns')
  const close = closingParen(tokens, i)
  const cols = splitTopLevel(tokens.slice(i + 1, close)).map((p) => {
    const f = p[0]
    const desc = p.some((x) => isWord(x, 'DESC')) ? ' DESC' : ''
    if (f && (f.k === 'ident' || f.k === 'word') && (p.length === 1 || !isOp(p[1], '('))) return quoteId(f.v) + desc
    return render(translateTokens(p.filter((x) => !isWord(x, 'ASC', 'DESC')), env.tctx)) + desc
  })
  let where = ''
  const w = tokens.findIndex((x, k) => k > close && isWord(x, 'WHERE'))
  if (w > 0) where = ' ' + render(translateTokens(tokens.slice(w), env.tctx))
  let n = name ?? `${table.name}_${cols.join('_').replace(/\W/g, '')}_idx`
  if (env.tctx.indexNames.has(n.toLowerCase())) n = `${table.name}_${n}`
  env.tctx.indexNames.add(n.toLowerCase())
  exec(env, `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteId(n)} ON ${quoteId(table.name)} (${cols.join(', ')})${where}`)
}

function createType(tokens: Token[], env: StatementEnv): void {
  const nm = readName(tokens, 2)
  if (nm && isWord(tokens[nm.next], 'AS') && isWord(tokens[nm.next + 1], 'ENUM')) {
    env.tctx.enumTypes.add(nm.name.toLowerCase())
    env.report.warn(`enum type ${nm.name} is stored as TEXT`)
    env.report.ignore('CREATE TYPE ... AS ENUM')
    return
  }
  throw new StatementIssue('skipped', 'composite and other user-defined types have no SQLite equivalent')
}

function createView(tokens: Token[], env: StatementEnv): void {
  const v = tokens.findIndex((t) => isWord(t, 'VIEW'))
  const nm = readName(tokens, skipIfExists(tokens, v + 1))
  if (!nm) throw new StatementIssue('failed', 'cannot read the view name')
  let i = nm.next
  let cols = ''
  if (isOp(tokens[i], '(')) {
    const close = closingParen(tokens, i)
    cols = ` (${render(tokens.slice(i + 1, close))})`
    i = close + 1
  }
  if (!isWord(tokens[i], 'AS')) throw new StatementIssue('failed', 'cannot read the view definition')
  let body = tokens.slice(i + 1)
  const wco = body.findIndex((t, k) => isWord(t, 'WITH') && isWord(body[k + 1], 'CASCADED', 'LOCAL', 'CHECK'))
  if (wco >= 0) body = body.slice(0, wco)
  const sql = `CREATE VIEW ${quoteId(nm.name)}${cols} AS ${translateToSql(body, env.tctx)}`
  exec(env, `DROP VIEW IF EXISTS ${quoteId(nm.name)}`)
  // mysqldump first creates a stand-in table of the same name; the real view replaces it.
  const standIn = env.db.prepare(`SELECT type FROM sqlite_schema WHERE name = ? COLLATE NOCASE`).get(nm.name) as { type: string } | undefined
  if (standIn?.type === 'table') exec(env, `DROP TABLE ${quoteId(nm.name)}`)
  exec(env, sql)
  try {
    env.db.prepare(`SELECT * FROM ${quoteId(nm.name)} LIMIT 0`).all()
  } catch (err) {
    env.db.exec(`DROP VIEW IF EXISTS ${quoteId(nm.name)}`)
    throw new StatementIssue('failed', `view ${nm.name} could not be translated: SQLite: ${(err as Error).message}`)
  }
}

function alterTable(tokens: Token[], env: StatementEnv): void {
  let i = 2
  i = skipIfExists(tokens, i)
  if (isWord(tokens[i], 'ONLY')) i++
  const nm = readName(tokens, i)
  if (!nm) throw new StatementIssue('failed', 'cannot read ALTER TABLE')
  const actions = splitTopLevel(tokens.slice(nm.next))
  const constraints: string[] = []
  const pending: string[] = []
  for (const a of actions) {
    if (!isWord(a[0], 'ADD')) {
      if (isWord(a[0], 'AUTO_INCREMENT') || isWord(a[0], 'ALTER', 'MODIFY', 'CHANGE') && a.some((t) => isWord(t, 'ON') ) ) {
        env.report.warn(`ALTER TABLE ${nm.name}: ${render(a).slice(0, 80)} not applied (no SQLite equivalent)`)
        continue
      }
      if (isWord(a[0], 'ALTER', 'MODIFY', 'CHANGE', 'DROP', 'RENAME', 'ENABLE', 'DISABLE', 'CLUSTER', 'SET', 'REPLICA', 'INHERIT', 'OWNER')) {
        throw new StatementIssue('skipped', `ALTER TABLE ... ${a[0]!.v.toUpperCase()} is not translated`)
      }
      continue
    }
    let j = 1
    if (isWord(a[j], 'COLUMN')) j++
    const body = a.slice(j)
    const first = body[0]
    const isConstraint = isWord(first, 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL', 'CHECK')
    if (!isConstraint) {
      // ADD [COLUMN] definition: reuse the CREATE TABLE translation on a one-column table.
      const t = translateCreateTable(tokenize(`CREATE TABLE x (${render(body)})`, 'sqlite'), env.tctx)
      if ('unsupported' in t) throw new StatementIssue('failed', t.unsupported)
      const def = /\(\n {2}([\s\S]*)\n\)$/.exec(t.createSql)?.[1]
      if (def) exec(env, `ALTER TABLE ${quoteId(nm.name)} ADD COLUMN ${def}`)
      env.catalog.forget(nm.name)
      env.inserts.clearCache()
      continue
    }
    // Indexes become CREATE INDEX; keys and foreign keys are folded into the table.
    const t = translateCreateTable([...tokenize('CREATE TABLE x (', 'sqlite'), ...body, { k: 'op', v: ')' }], env.tctx)
    if ('unsupported' in t) throw new StatementIssue('failed', t.unsupported)
    for (const ix of t.indexSql) pending.push(ix.replace(` ON "x" `, ` ON ${quoteId(nm.name)} `))
    const m = /\(\n {2}([\s\S]*)\n\)$/.exec(t.createSql)
    if (m?.[1]) constraints.push(...m[1].split(',\n  '))
    if (isWord(first, 'CHECK') || (isWord(first, 'CONSTRAINT') && isWord(body[2], 'CHECK'))) env.report.warn(`${nm.name}: CHECK constraint not kept`)
  }
  if (constraints.length) {
    try {
      addTableConstraints(env.db, nm.name, constraints)
    } catch (err) {
      throw new StatementIssue('failed', `SQLite: ${(err as Error).message}`)
    }
    env.catalog.forget(nm.name)
    env.inserts.clearCache()
  }
  for (const ix of pending) exec(env, ix)
}
