import type { Relationship } from '../schema-model'
import type { ErEdge, ErNode } from './er-types'

type Side = 'top' | 'bottom' | 'left' | 'right'
interface End {
  edge: number
  node: ErNode
  side: Side
  /** Centre of the box at the other end: ends on one side are ordered by it, so lines do not cross at the box. */
  toward: { x: number; y: number }
  at?: { x: number; y: number }
}

const STUB = 16
const center = (n: ErNode): { x: number; y: number } => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 })

function sidesOf(child: ErNode, parent: ErNode): [Side, Side] {
  if (parent.y + parent.height <= child.y) return ['top', 'bottom']
  if (child.y + child.height <= parent.y) return ['bottom', 'top']
  return parent.x + parent.width <= child.x ? ['left', 'right'] : ['right', 'left']
}

function stub(p: { x: number; y: number }, side: Side): { x: number; y: number } {
  switch (side) {
    case 'top':
      return { x: p.x, y: p.y - STUB }
    case 'bottom':
      return { x: p.x, y: p.y + STUB }
    case 'left':
      return { x: p.x - STUB, y: p.y }
    case 'right':
      return { x: p.x + STUB, y: p.y }
  }
}

function selfLoop(r: Relationship, n: ErNode): ErEdge {
  const x = n.x + n.width
  const y = n.y + 13
  return { relationship: r, points: [{ x, y: y + 10 }, { x: x + 18, y: y + 10 }, { x: x + 18, y: n.y - 14 }, { x: x - 24, y: n.y - 14 }, { x: x - 24, y: n.y }] }
}

/**
 * Edges leave and enter boxes at ports spread along the facing sides (ordered by
 * where the other end lies), with a short straight stub so the cardinality marks
 * sit square on the box and many edges into one table stay apart.
 */
export function routeEdges(rels: Relationship[], nodes: Map<string, ErNode>): ErEdge[] {
  const ends: End[] = []
  rels.forEach((r, i) => {
    const child = nodes.get(r.childTable)!
    const parent = nodes.get(r.parentTable)!
    if (child === parent) return
    const [cs, ps] = sidesOf(child, parent)
    ends.push({ edge: i, node: child, side: cs, toward: center(parent) }, { edge: i, node: parent, side: ps, toward: center(child) })
  })
  const groups = new Map<string, End[]>()
  for (const e of ends) {
    const k = `${e.node.name}\u0000${e.side}`
    groups.set(k, [...(groups.get(k) ?? []), e])
  }
  for (const group of groups.values()) {
    const horizontal = group[0]!.side === 'top' || group[0]!.side === 'bottom'
    group.sort((a, b) => (horizontal ? a.toward.x - b.toward.x : a.toward.y - b.toward.y))
    group.forEach((e, i) => {
      const n = e.node
      const f = (i + 1) / (group.length + 1)
      if (horizontal) e.at = { x: n.x + n.width * f, y: e.side === 'top' ? n.y : n.y + n.height }
      else e.at = { x: e.side === 'left' ? n.x : n.x + n.width, y: n.y + Math.min(n.height, 26) * f }
    })
  }
  const byEdge = new Map<number, End[]>()
  for (const e of ends) byEdge.set(e.edge, [...(byEdge.get(e.edge) ?? []), e])
  return rels.map((r, i) => {
    const pair = byEdge.get(i)
    if (!pair) return selfLoop(r, nodes.get(r.childTable)!)
    const [c, p] = pair as [End, End]
    return { relationship: r, points: [c.at!, stub(c.at!, c.side), stub(p.at!, p.side), p.at!] }
  })
}
