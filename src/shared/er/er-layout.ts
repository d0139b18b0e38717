import type { Relationship, TableInfo } from '../schema-model'
import { routeEdges } from './er-edges'
import { ER_METRICS as M, type ErInput, type ErLayout, type ErNode, type ErOptions } from './er-types'

function nodeFor(t: TableInfo, rels: Relationship[], collapsed: boolean): ErNode {
  const fk = new Set(rels.filter((r) => r.childTable === t.name).flatMap((r) => r.childColumns))
  const columns = t.columns.map((c) => ({ name: c.name, type: c.type, pk: c.pk > 0, fk: fk.has(c.name) }))
  const texts = [t.name.length + 2, ...(collapsed ? [] : columns.map((c) => c.name.length + c.type.length + 6))]
  const width = Math.min(M.maxWidth, Math.max(M.minWidth, Math.max(...texts) * M.charWidth + 2 * M.padX))
  const height = M.headerHeight + (collapsed ? 0 : Math.max(1, columns.length) * M.rowHeight + 6)
  return { name: t.name, kind: t.kind, columns, x: 0, y: 0, width, height }
}

/** Connected components of the graph, largest first, so the big cluster sits top-left. */
function components(names: string[], adj: Map<string, Set<string>>): string[][] {
  const seen = new Set<string>()
  const out: string[][] = []
  for (const n of names) {
    if (seen.has(n)) continue
    const comp: string[] = []
    const stack = [n]
    seen.add(n)
    while (stack.length) {
      const cur = stack.pop()!
      comp.push(cur)
      for (const m of adj.get(cur) ?? []) {
        if (!seen.has(m)) {
          seen.add(m)
          stack.push(m)
        }
      }
    }
    out.push(comp)
  }
  return out.sort((a, b) => b.length - a.length)
}

/**
 * Layers by longest path with parents above their children (edges child -> parent
 * point up). Cycles are broken by ignoring edges that close one during the DFS.
 */
function layers(comp: string[], parentsOf: Map<string, Set<string>>): Map<string, number> {
  const inComp = new Set(comp)
  const depth = new Map<string, number>()
  const visiting = new Set<string>()
  const visit = (n: string): number => {
    const known = depth.get(n)
    if (known !== undefined) return known
    if (visiting.has(n)) return 0
    visiting.add(n)
    let d = 0
    for (const p of parentsOf.get(n) ?? []) if (inComp.has(p) && p !== n) d = Math.max(d, visit(p) + 1)
    visiting.delete(n)
    depth.set(n, d)
    return d
  }
  for (const n of comp) visit(n)
  // Tables nothing references upward (lookups like Genre) sink to just above their
  // nearest child, instead of all crowding the top row far from their children.
  const childrenOf = new Map<string, string[]>()
  for (const n of comp) for (const p of parentsOf.get(n) ?? []) if (inComp.has(p) && p !== n) childrenOf.set(p, [...(childrenOf.get(p) ?? []), n])
  for (const n of comp) {
    const hasParents = [...(parentsOf.get(n) ?? [])].some((p) => inComp.has(p) && p !== n)
    const kids = childrenOf.get(n)
    if (!hasParents && kids?.length) depth.set(n, Math.max(0, Math.min(...kids.map((k) => depth.get(k)!)) - 1))
  }
  return depth
}

/** Barycenter ordering within layers, a few sweeps down and up. */
function orderLayers(rows: string[][], adj: Map<string, Set<string>>): void {
  const pos = new Map<string, number>()
  const index = (): void => rows.forEach((r) => r.forEach((n, i) => pos.set(n, i / Math.max(1, r.length))))
  index()
  for (let sweep = 0; sweep < 6; sweep++) {
    const order = sweep % 2 === 0 ? rows.slice(1) : rows.slice(0, -1).reverse()
    for (const row of order) {
      const bary = new Map<string, number>()
      for (const n of row) {
        const ns = [...(adj.get(n) ?? [])].map((m) => pos.get(m)).filter((v): v is number => v !== undefined)
        bary.set(n, ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : (pos.get(n) ?? 0))
      }
      row.sort((a, b) => bary.get(a)! - bary.get(b)!)
      index()
    }
  }
}

/** Lays out one component as rows of layers; a wide layer wraps onto several rows. */
function placeComponent(comp: string[], nodes: Map<string, ErNode>, adj: Map<string, Set<string>>, parentsOf: Map<string, Set<string>>, maxRowWidth: number): { width: number; height: number } {
  const depth = layers(comp, parentsOf)
  const byLayer: string[][] = []
  for (const n of comp) (byLayer[depth.get(n)!] ??= []).push(n)
  const rows = byLayer.filter((r) => r && r.length)
  orderLayers(rows, adj)
  let y = 0
  let width = 0
  for (const layer of rows) {
    let x = 0
    let rowHeight = 0
    for (const name of layer) {
      const node = nodes.get(name)!
      if (x > 0 && x + node.width > maxRowWidth) {
        y += rowHeight + M.gapY / 2
        x = 0
        rowHeight = 0
      }
      node.x = x
      node.y = y
      x += node.width + M.gapX
      rowHeight = Math.max(rowHeight, node.height)
      width = Math.max(width, x - M.gapX)
    }
    y += rowHeight + M.gapY
  }
  return { width, height: Math.max(0, y - M.gapY) }
}

/**
 * A layered layout that stays readable with hundreds of tables: each connected
 * group of tables is laid out in layers (referenced tables above the tables that
 * reference them, ordered to reduce crossings, wide layers wrapped), and the
 * groups are packed in shelves. Linear-ish in tables + relationships.
 */
export function layoutEr(input: ErInput, opts: ErOptions = {}): ErLayout {
  const collapsed = !!opts.collapsed
  const rels = input.relationships.filter((r) => !r.hidden)
  const nodes = new Map(input.model.tables.map((t) => [t.name, nodeFor(t, rels, collapsed)]))
  const usable = rels.filter((r) => nodes.has(r.childTable) && nodes.has(r.parentTable))
  const adj = new Map<string, Set<string>>()
  const parentsOf = new Map<string, Set<string>>()
  const link = (m: Map<string, Set<string>>, a: string, b: string): void => {
    let s = m.get(a)
    if (!s) m.set(a, (s = new Set()))
    s.add(b)
  }
  for (const r of usable) {
    link(adj, r.childTable, r.parentTable)
    link(adj, r.parentTable, r.childTable)
    link(parentsOf, r.childTable, r.parentTable)
  }
  const totalArea = [...nodes.values()].reduce((s, n) => s + (n.width + M.gapX) * (n.height + M.gapY), 0)
  // Aim for a roughly 4:3 picture.
  const targetWidth = Math.max(800, Math.sqrt(totalArea * 1.33))
  const comps = components([...nodes.keys()], adj)
  // Shelf packing of components, each placed as its own block.
  let shelfX = 0
  let shelfY = 0
  let shelfH = 0
  let width = 0
  const singles: string[] = []
  for (const comp of comps) {
    if (comp.length === 1) {
      singles.push(comp[0]!)
      continue
    }
    const size = placeComponent(comp, nodes, adj, parentsOf, Math.max(targetWidth, 600))
    if (shelfX > 0 && shelfX + size.width > targetWidth) {
      shelfY += shelfH + M.gapY
      shelfX = 0
      shelfH = 0
    }
    for (const n of comp) {
      const node = nodes.get(n)!
      node.x += shelfX
      node.y += shelfY
    }
    shelfX += size.width + M.gapX * 2
    shelfH = Math.max(shelfH, size.height)
    width = Math.max(width, shelfX - M.gapX * 2)
  }
  // Tables with no relationships: a grid below the rest, sorted by name.
  if (singles.length) {
    shelfY += shelfH + (shelfH ? M.gapY : 0)
    shelfH = 0
    shelfX = 0
    for (const name of singles.sort((a, b) => a.localeCompare(b))) {
      const node = nodes.get(name)!
      if (shelfX > 0 && shelfX + node.width > targetWidth) {
        shelfY += shelfH + M.gapY / 2
        shelfX = 0
        shelfH = 0
      }
      node.x = shelfX
      node.y = shelfY
      shelfX += node.width + M.gapX
      shelfH = Math.max(shelfH, node.height)
      width = Math.max(width, shelfX - M.gapX)
    }
  }
  const all = [...nodes.values()]
  for (const n of all) {
    n.x += M.margin
    n.y += M.margin
  }
  const height = all.reduce((h, n) => Math.max(h, n.y + n.height), 0) + M.margin
  const edges = routeEdges(usable, nodes)
  const right = all.reduce((w, n) => Math.max(w, n.x + n.width), 0) + M.margin + 40
  return { nodes: all, edges, width: Math.ceil(Math.max(right, width)), height: Math.ceil(height), collapsed }
}
