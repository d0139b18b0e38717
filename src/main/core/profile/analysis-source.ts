import type { AnalysisTarget } from '../../../shared/chart-spec'
import { AppError } from '../../../shared/errors'
import type { Driver } from '../db/driver'

export interface SourceColumn {
  name: string
  declaredType: string
  pk: boolean
}

/** A table, view or query, ready to sit in a FROM clause. */
export interface AnalysisSource {
  /** `"table"` or `(SELECT ...) AS src`. */
  from: string
  columns: SourceColumn[]
  label: string
}

/**
 * Accepts one SELECT (or WITH ... SELECT / VALUES) and returns it without a
 * trailing semicolon. A second statement is refused: the text is pasted into
 * a FROM clause, so only a single query may pass. Quotes and comments are
 * skipped so a `;` inside a string does not count.
 */
export function checkSelect(sql: string): string {
  let i = 0
  const n = sql.length
  let firstWord = ''
  let end = n
  while (i < n) {
    const c = sql[i]!
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i)
      i = nl < 0 ? n : nl + 1
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      if (close < 0) throw new AppError('BAD_ARGUMENT', 'Unclosed comment in the query', { field: 'target.sql' })
      i = close + 2
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1
      while (j < n) {
        if (sql[j] === '\\' && c === "'") j += 2
        else if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2
          else break
        } else j++
      }
      if (j >= n) throw new AppError('BAD_ARGUMENT', 'Unclosed quote in the query', { field: 'target.sql' })
      i = j + 1
    } else if (c === ';') {
      if (sql.slice(i + 1).replace(/--[^\n]*|\/\*[\s\S]*?\*\/|\s|;/g, '') !== '') {
        throw new AppError('BAD_ARGUMENT', 'Only one statement can be analysed', { field: 'target.sql', column: i + 1 })
      }
      end = i
      break
    } else {
      if (!firstWord && /[A-Za-z(]/.test(c)) {
        const m = /^\(*\s*([A-Za-z]+)/.exec(sql.slice(i))
        firstWord = (m?.[1] ?? '').toUpperCase()
      }
      i++
    }
  }
  if (!['SELECT', 'WITH', 'VALUES'].includes(firstWord)) {
    throw new AppError('BAD_ARGUMENT', 'Only a SELECT query can be analysed', { field: 'target.sql' })
  }
  return sql.slice(0, end).trim()
}

export async function resolveSource(driver: Driver, target: AnalysisTarget): Promise<AnalysisSource> {
  const q = (s: string): string => driver.dialect.quoteId(s)
  if ('table' in target) {
    const model = await driver.introspect()
    const t = model.tables.find((x) => x.name === target.table) ?? model.tables.find((x) => x.name.toLowerCase() === target.table.toLowerCase())
    if (!t) throw new AppError('NOT_FOUND', `No table or view named ${target.table}`, { field: 'target.table' })
    return {
      from: q(t.name),
      label: t.name,
      columns: t.columns.map((c) => ({ name: c.name, declaredType: c.type, pk: c.pk > 0 })),
    }
  }
  const sql = checkSelect(target.sql)
  const from = `(${sql}) AS ${q('src')}`
  // LIMIT 0 reads the result's columns without running the whole query.
  const probe = await driver.query(`SELECT * FROM ${from} LIMIT 0`)
  return {
    from,
    label: 'query',
    columns: probe.columns.map((c) => ({ name: c.name, declaredType: c.type ?? '', pk: false })),
  }
}

/** The named columns, checked to exist in the source (exact name first, then ignoring case). */
export function sourceColumn(source: AnalysisSource, name: string, field: string): SourceColumn {
  const c = source.columns.find((x) => x.name === name) ?? source.columns.find((x) => x.name.toLowerCase() === name.toLowerCase())
  if (!c) throw new AppError('BAD_ARGUMENT', `No column named ${name} in ${source.label}`, { field })
  return c
}
