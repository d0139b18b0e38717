import type { Core } from 'cytoscape'
import type { Relationship, SchemaModel, TableInfo } from '../../../../shared/schema-model'
import { routeEdges } from '../../../../shared/er/er-edges'
import { layoutEr } from '../../../../shared/er/er-layout'
import { erToSvg } from '../../../../shared/er/er-svg'
import { ER_METRICS, type ErLayout, type ErNode } from '../../../../shared/er/er-types'
import { childUnique } from './er-elements'
import { EXPORT_PALETTE, erStylesheet, readPalette } from './er-style'

/**
 * Chromium refuses canvases above about 268 M pixels, and the picture is drawn
 * twice (cytoscape's, then with a margin): 50 M pixels (about 7,000 square) is
 * plenty for print and keeps the window's memory sane.
 */
const MAX_PIXELS = 50_000_000
const PNG_MARGIN = 20

/** "ultrasound.sqlite" -> "ultrasound"; file names say the database and the scale. */
export function exportBaseName(sourceName: string): string {
  const base = sourceName.replace(/\.(sqlite3?|db|s3db)$/i, '').replace(/[^\w.-]+/g, '_')
  return `${base || 'database'}-er`
}

/**
 * The visible graph as a PNG. Drawn with the light export palette (a dark graph
 * on a white page is unreadable) and at a lower scale if the picture would be
 * larger than a canvas can hold; returns the scale used.
 */
export async function graphPng(cy: Core, scale: number, transparent: boolean): Promise<{ blob: Blob; scale: number }> {
  const bb = cy.elements(':visible').boundingBox({})
  const fits = Math.sqrt(MAX_PIXELS / Math.max(1, (bb.w + 2 * PNG_MARGIN) * (bb.h + 2 * PNG_MARGIN)))
  const used = Math.max(0.1, Math.min(scale, fits))
  let raw: Blob
  // The export shows full tables whatever the zoom on screen.
  const far = cy.nodes('.far')
  far.removeClass('far')
  cy.style(erStylesheet(EXPORT_PALETTE, true))
  try {
    raw = cy.png({ output: 'blob', full: true, scale: used })
  } finally {
    cy.style(erStylesheet(readPalette(cy.container() ?? document.documentElement)))
    far.addClass('far')
  }
  return { blob: await withMargin(raw, Math.round(PNG_MARGIN * used), transparent ? null : '#ffffff'), scale: used }
}

/** cytoscape crops the picture to the boxes' edges; a margin keeps them off the border. */
async function withMargin(png: Blob, margin: number, bg: string | null): Promise<Blob> {
  const img = await createImageBitmap(png)
  const canvas = document.createElement('canvas')
  canvas.width = img.width + 2 * margin
  canvas.height = img.height + 2 * margin
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This window cannot draw the PNG (no 2D canvas).')
  if (bg) {
    ctx.fillStyle = bg
    ctx.fillRect(0, 0, canvas.width, canvas.height)
  }
  ctx.drawImage(img, margin, margin)
  img.close()
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'))
}

function childOptional(t: TableInfo | undefined, r: Relationship): boolean {
  return !t || r.childColumns.some((c) => t.columns.find((x) => x.name === c)?.nullable !== false)
}

/**
 * The graph as an SVG with the arrangement on screen: boxes drawn by the shared
 * SVG writer (the one `sonograph er` uses) at the centres cytoscape has, spread
 * out as much as needed for the writer's bigger boxes to keep clear of each other.
 */
export function graphSvg(cy: Core, model: SchemaModel, rels: Relationship[], collapsed: boolean, transparent: boolean): string {
  const visible = new Set(cy.nodes(':visible').map((n) => n.id()))
  const tables = model.tables.filter((t) => visible.has(t.name))
  const shown = rels.filter((r) => !r.hidden && visible.has(r.childTable) && visible.has(r.parentTable))
  const base = layoutEr({ model: { ...model, tables }, relationships: shown }, { collapsed })
  let s = 1
  for (const n of base.nodes) {
    const el = cy.getElementById(n.name)
    const w = Number(el.data(collapsed ? 'sw' : 'w')) || n.width
    const h = Number(el.data(collapsed ? 'sh' : 'h')) || n.height
    s = Math.max(s, n.width / w, n.height / h)
  }
  const nodes: ErNode[] = base.nodes.map((n) => {
    const p = cy.getElementById(n.name).position()
    return { ...n, x: p.x * s - n.width / 2, y: p.y * s - n.height / 2 }
  })
  const minX = Math.min(...nodes.map((n) => n.x))
  const minY = Math.min(...nodes.map((n) => n.y))
  // Room above for self-references' loops.
  const m = ER_METRICS.margin + 16
  for (const n of nodes) {
    n.x += m - minX
    n.y += m - minY
  }
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const layout: ErLayout = {
    nodes,
    edges: routeEdges(shown, byName),
    width: Math.ceil(Math.max(...nodes.map((n) => n.x + n.width)) + m + 24),
    height: Math.ceil(Math.max(...nodes.map((n) => n.y + n.height)) + m),
    collapsed,
  }
  const info = new Map(model.tables.map((t) => [t.name, t]))
  return erToSvg(layout, { childUnique: (r) => childUnique(info.get(r.childTable), r), childOptional: (r) => childOptional(info.get(r.childTable), r) }, { transparent })
}
