import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import { removeOverlaps, type Box } from './overlap-removal'

cytoscape.use(fcose)

export interface LayoutInput {
  nodes: { id: string; w: number; h: number }[]
  edges: { id: string; source: string; target: string }[]
}
export type Positions = Record<string, { x: number; y: number }>

/**
 * fcose on a headless cytoscape (no canvas), so it runs the same in a Web Worker
 * and on the page. Node sizes come in explicitly; repulsion and edge length grow
 * with the boxes so tall tables do not overlap their neighbours.
 */
export function fcosePositions(input: LayoutInput): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...input.nodes.map((n) => ({ group: 'nodes' as const, data: n })),
      ...input.edges.filter((e) => e.source !== e.target).map((e) => ({ group: 'edges' as const, data: e })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
  })
  const avg = input.nodes.reduce((s, n) => s + Math.max(n.w, n.h), 0) / Math.max(1, input.nodes.length)
  cy.layout({
    name: 'fcose',
    quality: input.nodes.length > 600 ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: true,
    tile: true,
    tilingPaddingVertical: 30,
    tilingPaddingHorizontal: 30,
    nodeRepulsion: () => 2000 + avg * 35,
    idealEdgeLength: () => 30 + avg * 0.35,
    edgeElasticity: () => 0.35,
    nodeSeparation: 90,
    numIter: 2500,
    gravity: 0.2,
  } as cytoscape.LayoutOptions).run()
  const size = new Map(input.nodes.map((n) => [n.id, n]))
  const boxes: Box[] = cy.nodes().map((n) => {
    const p = n.position()
    const s = size.get(n.id())
    return { id: n.id(), x: p.x, y: p.y, w: s?.w ?? 100, h: s?.h ?? 40 }
  })
  cy.destroy()
  removeOverlaps(boxes)
  const out: Positions = {}
  for (const b of boxes) out[b.id] = { x: b.x, y: b.y }
  return out
}
