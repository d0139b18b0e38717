import type { PlanTreeNode } from '../../../shared/calls/browse'
import type { PlanNode } from '../db/driver'

/** EXPLAIN QUERY PLAN rows (id, parent) as a tree; orphans become roots. */
export function planTree(nodes: PlanNode[]): PlanTreeNode[] {
  const byId = new Map<number, PlanTreeNode>()
  for (const n of nodes) byId.set(n.id, { id: n.id, parent: n.parent, detail: n.detail, ...(n.rows !== undefined ? { rows: n.rows } : {}), children: [] })
  const roots: PlanTreeNode[] = []
  for (const n of nodes) {
    const node = byId.get(n.id)!
    const parent = n.parent !== n.id ? byId.get(n.parent) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
