import type { QueryPair } from '../../../shared/calls/bench'
import { AppError } from '../../../shared/errors'
import { OLTP_TABLES } from '../clinic/oltp-ddl'
import { questions } from '../clinic/questions'
import { STAR_TABLES } from '../clinic/star-ddl'

/** Whether a database holds the lab's OLTP tables and the star the ETL builds; the questions need both. */
export function hasLabTables(tableNames: readonly string[]): boolean {
  const names = new Set(tableNames.map((n) => n.toLowerCase()))
  return [...OLTP_TABLES, ...STAR_TABLES].every((t) => names.has(t))
}

/** The four business questions as OLTP-vs-star pairs in a dialect (A = OLTP, B = star). */
export function labPairs(dialect: 'sqlite' | 'mysql'): QueryPair[] {
  return questions.map((q) => ({
    id: q.id,
    title: q.title,
    definition: q.definition,
    a: { label: 'OLTP', sql: q.oltp[dialect] },
    b: { label: 'star', sql: q.star[dialect] },
    ...(Object.keys(q.tolerance).length ? { tolerance: { ...q.tolerance } } : {}),
  }))
}

/** Built-in ids and custom pairs into the pairs to run, refusing unknown ids. */
export function resolvePairs(requested: readonly (string | QueryPair)[] | undefined, available: readonly QueryPair[]): QueryPair[] {
  if (!requested) {
    if (available.length === 0) {
      throw new AppError('NOT_FOUND', 'This database has no healthcare lab star schema to benchmark; give your own pair of queries', { field: 'pairs' })
    }
    return [...available]
  }
  return requested.map((p, i) => {
    if (typeof p !== 'string') return p
    const found = available.find((q) => q.id === p)
    if (!found) {
      throw new AppError('NOT_FOUND', `No built-in question "${p}" for this database (available: ${available.map((q) => q.id).join(', ') || 'none'})`, {
        field: `pairs.${i}`,
      })
    }
    return found
  })
}
