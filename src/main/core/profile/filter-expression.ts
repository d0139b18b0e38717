import { AppError } from '../../../shared/errors'
import type { SqlValue } from '../db/driver'
import type { AnalysisDialect } from './analysis-dialect'
import { sourceColumn, type AnalysisSource } from './analysis-source'

/**
 * A filter typed by the user, like `Age >= 40 AND Gender = 'F'`, checked and
 * rebuilt token by token: names must be columns of the source (re-quoted by
 * the dialect), literals become bound parameters, and only comparison, logic
 * and arithmetic operators and a few functions pass. Anything else (a
 * subquery, a semicolon, a comment, an unknown function) is refused, so the
 * text can never carry SQL of its own.
 */
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'IN', 'BETWEEN', 'LIKE'])
const FUNCTIONS = new Set(['LOWER', 'UPPER', 'ABS', 'LENGTH', 'COALESCE', 'ROUND', 'TRIM'])
const OPERATORS = ['<=', '>=', '<>', '!=', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',']
const MAX_LENGTH = 2000

export function compileFilterExpression(d: AnalysisDialect, source: AnalysisSource, text: string, field: string): { sql: string; params: SqlValue[] } {
  if (text.length > MAX_LENGTH) throw new AppError('BAD_ARGUMENT', `The filter is longer than ${MAX_LENGTH} characters`, { field })
  const out: string[] = []
  const params: SqlValue[] = []
  let depth = 0
  let i = 0
  const fail = (message: string): never => {
    throw new AppError('BAD_ARGUMENT', `${message} at character ${i + 1} of the filter`, { field, column: i + 1 })
  }
  while (i < text.length) {
    const rest = text.slice(i)
    const space = /^\s+/.exec(rest)
    if (space) {
      i += space[0].length
      continue
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest)
    if (number) {
      out.push('?')
      params.push(Number(number[0]))
      i += number[0].length
      continue
    }
    if (rest[0] === "'") {
      let j = 1
      let value = ''
      for (;;) {
        if (j >= rest.length) fail('Unclosed quote')
        if (rest[j] === "'") {
          if (rest[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        value += rest[j]
        j++
      }
      out.push('?')
      params.push(value)
      i += j + 1
      continue
    }
    const quoted = /^"((?:[^"]|"")*)"|^`((?:[^`]|``)*)`/.exec(rest)
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)
    if (quoted || word) {
      const raw = quoted ? (quoted[1] ?? quoted[2] ?? '').replace(/""|``/g, (m) => m[0]!) : word![0]
      const upper = raw.toUpperCase()
      const length = (quoted ?? word)![0].length
      const next = /^\s*\(/.test(text.slice(i + length))
      if (!quoted && KEYWORDS.has(upper)) out.push(upper)
      else if (!quoted && (upper === 'TRUE' || upper === 'FALSE')) {
        out.push('?')
        params.push(upper === 'TRUE' ? 1 : 0)
      } else if (!quoted && next) {
        if (!FUNCTIONS.has(upper)) fail(`Function ${raw} is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`)
        out.push(upper)
      } else {
        const col = source.columns.find((c) => c.name === raw) ?? source.columns.find((c) => c.name.toLowerCase() === raw.toLowerCase())
        if (!col) fail(`No column named ${raw}`)
        out.push(d.q(sourceColumn(source, raw, field).name))
      }
      i += length
      continue
    }
    const op = OPERATORS.find((o) => rest.startsWith(o))
    if (!op) fail(`Unexpected ${JSON.stringify(rest[0])}`)
    if (op === '(') depth++
    if (op === ')' && --depth < 0) fail('Unmatched )')
    out.push(op === '!=' ? '<>' : op!)
    i += op!.length
  }
  if (depth !== 0) throw new AppError('BAD_ARGUMENT', 'Unclosed ( in the filter', { field })
  if (!out.length) throw new AppError('BAD_ARGUMENT', 'The filter is empty', { field })
  return { sql: out.join(' '), params }
}
