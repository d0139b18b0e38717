import type { QueryPair } from '../../../shared/calls/bench'
import { AppError } from '../../../shared/errors'

/** The star tables the built-in questions read; without them there is nothing to compare. */
const STAR_TABLES = ['fact_encounters', 'dim_date', 'dim_specialty']
const OLTP_TABLES = ['encounters', 'patients', 'providers', 'billing']

export function hasLabTables(tableNames: readonly string[]): boolean {
  const names = new Set(tableNames.map((n) => n.toLowerCase()))
  return [...STAR_TABLES, ...OLTP_TABLES].every((t) => names.has(t))
}

/** The four business questions as OLTP-vs-star pairs for a dialect. Filled from src/main/core/clinic/questions.ts. */
export function labPairs(_dialect: 'sqlite' | 'mysql'): QueryPair[] {
  return []
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
