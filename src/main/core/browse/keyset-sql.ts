import type { ColumnFilter } from '../../../shared/calls/browse'
import type { SqlDialect, SqlValue } from '../db/driver'
import { fromKeyValue } from './wire-values'

export type Dir = 'asc' | 'desc'

/**
 * Collects parameter values in the order their placeholders appear. On a dialect
 * with reusable numbered parameters (SQLite `?1`) one value can be referenced
 * many times; elsewhere (MySQL `?`) each reference pushes the value again.
 */
export class ParamList {
  readonly values: SqlValue[] = []
  constructor(private readonly dialect: SqlDialect) {}

  /** Returns a function that yields the placeholder for each use of `v`, in text order. */
  bind(v: SqlValue): () => string {
    if (this.dialect.reusableParams) {
      this.values.push(v)
      const ph = this.dialect.param(this.values.length)
      return () => ph
    }
    return () => {
      this.values.push(v)
      return this.dialect.param(this.values.length)
    }
  }

  add(v: SqlValue): string {
    return this.bind(v)()
  }
}

/** LIKE pattern for a substring, with `!` as the escape character (MySQL treats `\` specially in literals). */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`
}

/** One parameterised condition per filter; the column must already be checked to exist. */
export function filterConditions(filters: ColumnFilter[], quote: (n: string) => string, params: ParamList): string[] {
  const out: string[] = []
  for (const f of filters) {
    const c = quote(f.column)
    switch (f.op) {
      case 'eq':
        out.push(f.value === null ? `${c} IS NULL` : `${c} = ${params.add(fromKeyValue(f.value))}`)
        break
      case 'contains':
        out.push(`${c} LIKE ${params.add(containsPattern(f.value))} ESCAPE '!'`)
        break
      case 'range':
        if (f.min !== undefined && f.min !== null) out.push(`${c} >= ${params.add(fromKeyValue(f.min))}`)
        if (f.max !== undefined && f.max !== null) out.push(`${c} <= ${params.add(fromKeyValue(f.max))}`)
        break
      case 'isNull':
        out.push(`${c} IS NULL`)
        break
      case 'notNull':
        out.push(`${c} IS NOT NULL`)
        break
    }
  }
  return out
}

/**
 * The keyset predicate "this row comes after `values` in (exprs) order", for a
 * prefix of the order expressions. `op` is '>' when walking an ascending order
 * and '<' for a descending one; `inclusive` also admits the row equal to `values`.
 *
 * Forms, by dialect:
 * - row values `(a, b) > (?1, ?2)` where the engine turns them into an index seek
 *   (SQLite does);
 * - otherwise expanded: `(a > ? OR (a = ? AND b > ?))` which MySQL/MariaDB turn
 *   into index ranges (MariaDB scans for row-value comparisons). With reusable
 *   parameters each value is bound once and referenced as `?n` twice, since
 *   separate copies of the same value would hide the equality from SQLite's planner.
 * Values here are never NULL: NULL sort values live in their own segment.
 */
export function seekCondition(exprs: string[], values: SqlValue[], op: '>' | '<', inclusive: boolean, dialect: SqlDialect, params: ParamList): string {
  const n = Math.min(exprs.length, values.length)
  const refs = values.slice(0, n).map((v) => params.bind(v))
  const last = inclusive ? `${op}=` : op
  if (n === 1) return `${exprs[0]!} ${last} ${refs[0]!()}`
  if (dialect.rowValueSeek) {
    return `(${exprs.slice(0, n).join(', ')}) ${last} (${refs.map((r) => r()).join(', ')})`
  }
  const expand = (i: number): string => {
    if (i === n - 1) return `${exprs[i]!} ${last} ${refs[i]!()}`
    // Text order matters for positional `?`: build left to right.
    const gt = `${exprs[i]!} ${op} ${refs[i]!()}`
    const eq = `${exprs[i]!} = ${refs[i]!()}`
    return `(${gt} OR (${eq} AND ${expand(i + 1)}))`
  }
  return expand(0)
}

export function orderBy(exprs: string[], dir: Dir): string {
  const d = dir === 'asc' ? 'ASC' : 'DESC'
  return exprs.map((e) => `${e} ${d}`).join(', ')
}

export function flip(dir: Dir): Dir {
  return dir === 'asc' ? 'desc' : 'asc'
}

export function whereClause(conds: string[]): string {
  return conds.length ? ` WHERE ${conds.join(' AND ')}` : ''
}
