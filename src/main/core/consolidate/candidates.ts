import type { Relationship, SchemaModel } from '../../../shared/schema-model'
import { relationshipId } from '../../../shared/schema-model'
import type { CandidateHop, CandidatePath, CandidateTable } from '../../../shared/calls/consolidate'
import { AppError } from '../../../shared/errors'

/**
 * The relationships the wizard may follow: every declared foreign key of the
 * model, plus the caller's relationships (inferred ones only once accepted).
 */
export function usableRelationships(model: SchemaModel, extra: Relationship[] = []): Relationship[] {
  const out = new Map<string, Relationship>()
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      if (!fk.refColumns.length || fk.refColumns.some((c) => !c)) continue
      const r = { childTable: t.name, childColumns: fk.columns, parentTable: fk.refTable, parentColumns: fk.refColumns }
      const id = relationshipId(r)
      out.set(id, { id, ...r, origin: 'declared' })
    }
  }
  for (const r of extra) {
    if (r.origin === 'inferred' && r.accepted === false) continue
    if (!out.has(r.id)) out.set(r.id, r)
  }
  return [...out.values()]
}

function hopsFrom(table: string, rels: Relationship[]): CandidateHop[] {
  const hops: CandidateHop[] = []
  for (const r of rels) {
    // child -> parent: each child row finds at most one parent.
    if (r.childTable === table) {
      hops.push({ from: table, to: r.parentTable, direction: 'parent', fromColumns: r.childColumns, toColumns: r.parentColumns, relationshipId: r.id, origin: r.origin })
    }
    // parent -> child: one row may find many (fan-out).
    if (r.parentTable === table) {
      hops.push({ from: table, to: r.childTable, direction: 'child', fromColumns: r.parentColumns, toColumns: r.childColumns, relationshipId: r.id, origin: r.origin })
    }
  }
  return hops
}

export interface CandidateOptions {
  /** Longest path listed, in hops. */
  maxDepth?: number
  /** Most paths listed per table, shortest first. */
  maxPathsPerTable?: number
}

/**
 * Tables reachable from the base along relationships in both directions, with
 * every simple path up to `maxDepth` hops, shortest first. A path that takes
 * any parent->child hop fans out (one base row may become many).
 */
export function findCandidates(model: SchemaModel, baseTable: string, rels: Relationship[], opts: CandidateOptions = {}): CandidateTable[] {
  const maxDepth = opts.maxDepth ?? 4
  const maxPaths = opts.maxPathsPerTable ?? 8
  if (!model.tables.some((t) => t.name === baseTable)) {
    throw new AppError('NOT_FOUND', `No table named ${baseTable}`, { field: 'baseTable', table: baseTable })
  }
  const paths = new Map<string, CandidatePath[]>()
  // Simple paths grow exponentially on dense schemas; the budget keeps the answer quick.
  let budget = 20_000
  const walk = (table: string, visited: Set<string>, hops: CandidateHop[]): void => {
    if (hops.length >= maxDepth) return
    for (const hop of hopsFrom(table, rels)) {
      if (visited.has(hop.to) || budget-- <= 0) continue
      const next = [...hops, hop]
      const list = paths.get(hop.to) ?? []
      list.push({ hops: next, cardinality: next.some((h) => h.direction === 'child') ? 'oneToMany' : 'manyToOne' })
      paths.set(hop.to, list)
      visited.add(hop.to)
      walk(hop.to, visited, next)
      visited.delete(hop.to)
    }
  }
  walk(baseTable, new Set([baseTable]), [])
  const tables = new Map(model.tables.map((t) => [t.name, t]))
  const out: CandidateTable[] = []
  for (const [table, list] of paths) {
    list.sort((a, b) => a.hops.length - b.hops.length || (a.cardinality === 'manyToOne' ? -1 : 1) - (b.cardinality === 'manyToOne' ? -1 : 1))
    const best = list[0]!
    out.push({
      table,
      columns: (tables.get(table)?.columns ?? []).map((c) => ({ name: c.name, type: c.type })),
      distance: best.hops.length,
      cardinality: best.cardinality,
      paths: list.slice(0, maxPaths),
    })
  }
  return out.sort((a, b) => a.distance - b.distance || a.table.localeCompare(b.table))
}
