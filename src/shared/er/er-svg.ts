import type { Relationship } from '../schema-model'
import { ER_METRICS as M, type ErEdge, type ErLayout, type ErNode } from './er-types'

export interface SvgOptions {
  /** No background rectangle (for PNG export on transparent background). */
  transparent?: boolean
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const f = (n: number): string => (Math.round(n * 10) / 10).toString()

/** Cuts text that would overflow its box; the full text stays in the <title>. */
function fit(text: string, widthPx: number): string {
  const max = Math.max(3, Math.floor(widthPx / M.charWidth))
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function tableSvg(n: ErNode, collapsed: boolean): string {
  const out: string[] = []
  const view = n.kind === 'view'
  out.push(`<g class="table" data-table="${esc(n.name)}">`)
  out.push(`<title>${esc(n.name)}${view ? ' (view)' : ''}</title>`)
  out.push(`<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="4" fill="#ffffff" stroke="#47607a" stroke-width="1.2"${view ? ' stroke-dasharray="5 3"' : ''}/>`)
  out.push(`<path d="M${f(n.x)} ${f(n.y + M.headerHeight)} V${f(n.y + 4)} Q${f(n.x)} ${f(n.y)} ${f(n.x + 4)} ${f(n.y)} H${f(n.x + n.width - 4)} Q${f(n.x + n.width)} ${f(n.y)} ${f(n.x + n.width)} ${f(n.y + 4)} V${f(n.y + M.headerHeight)} Z" fill="${view ? '#6b7f95' : '#2f4a66'}"/>`)
  out.push(`<text class="table-name" x="${f(n.x + M.padX)}" y="${f(n.y + 17)}" fill="#ffffff" font-weight="bold">${esc(fit(n.name, n.width - 2 * M.padX))}</text>`)
  if (!collapsed) {
    n.columns.forEach((c, i) => {
      const y = n.y + M.headerHeight + 4 + (i + 1) * M.rowHeight - 5
      const mark = c.pk && c.fk ? 'PK FK' : c.pk ? 'PK' : c.fk ? 'FK' : ''
      if (mark) out.push(`<text class="key" x="${f(n.x + M.padX)}" y="${f(y)}" fill="${c.pk ? '#b7791f' : '#2b6cb0'}" font-size="9" font-weight="bold">${mark}</text>`)
      const nameX = n.x + M.padX + (mark ? (mark.length > 2 ? 36 : 20) : 0)
      const typeW = Math.min(n.width / 2, c.type.length * M.charWidth)
      out.push(`<text class="column" x="${f(nameX)}" y="${f(y)}" fill="#1a202c"${c.pk ? ' text-decoration="underline"' : ''}>${esc(fit(c.name, n.x + n.width - M.padX - typeW - 6 - nameX))}</text>`)
      if (c.type) out.push(`<text class="type" x="${f(n.x + n.width - M.padX)}" y="${f(y)}" fill="#718096" text-anchor="end" font-size="10">${esc(fit(c.type, typeW))}</text>`)
    })
  }
  out.push('</g>')
  return out.join('')
}

function unit(ax: number, ay: number, bx: number, by: number): { ux: number; uy: number } {
  const len = Math.hypot(bx - ax, by - ay) || 1
  return { ux: (bx - ax) / len, uy: (by - ay) / len }
}

/** Crow's foot at the child ("many"), bar at the parent ("one"); a bar on the child side when it is one-to-one. */
function markers(e: ErEdge, childUnique: boolean, childOptional: boolean): string {
  const pts = e.points
  const a = pts[0]!
  const a2 = pts[1]!
  const b = pts[pts.length - 1]!
  const b2 = pts[pts.length - 2]!
  const out: string[] = []
  // Child end: direction pointing into the child box.
  const { ux, uy } = unit(a2.x, a2.y, a.x, a.y)
  const px = -uy
  const py = ux
  if (childUnique) {
    out.push(`M${f(a.x - ux * 10 + px * 6)} ${f(a.y - uy * 10 + py * 6)} L${f(a.x - ux * 10 - px * 6)} ${f(a.y - uy * 10 - py * 6)}`)
  } else {
    const bx = a.x - ux * 12
    const by = a.y - uy * 12
    out.push(`M${f(bx)} ${f(by)} L${f(a.x + px * 7)} ${f(a.y + py * 7)} M${f(bx)} ${f(by)} L${f(a.x)} ${f(a.y)} M${f(bx)} ${f(by)} L${f(a.x - px * 7)} ${f(a.y - py * 7)}`)
  }
  // Parent end: one bar, a second for "exactly one", a circle for "zero or one".
  const v = unit(b2.x, b2.y, b.x, b.y)
  const qx = -v.uy
  const qy = v.ux
  const bar = (d: number): string => `M${f(b.x - v.ux * d + qx * 6)} ${f(b.y - v.uy * d + qy * 6)} L${f(b.x - v.ux * d - qx * 6)} ${f(b.y - v.uy * d - qy * 6)}`
  out.push(bar(8))
  const circle = childOptional ? `<circle cx="${f(b.x - v.ux * 17)}" cy="${f(b.y - v.uy * 17)}" r="4" fill="#ffffff"/>` : ''
  if (!childOptional) out.push(bar(13))
  return `<path class="card" d="${out.join(' ')}" fill="none"/>${circle}`
}

export interface EdgeFacts {
  childUnique(r: Relationship): boolean
  childOptional(r: Relationship): boolean
}

/** Writes a laid-out ER diagram as a standalone SVG document. */
export function erToSvg(layout: ErLayout, facts: EdgeFacts, opts: SvgOptions = {}): string {
  const { width, height } = layout
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${M.fontSize}">`,
  ]
  if (!opts.transparent) out.push(`<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`)
  out.push('<g class="edges">')
  for (const e of layout.edges) {
    const r = e.relationship
    const inferred = r.origin === 'inferred'
    const color = inferred ? (r.accepted ? '#2f855a' : '#b7791f') : '#4a5568'
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${f(p.x)} ${f(p.y)}`).join(' ')
    out.push(`<g class="edge${inferred ? ' inferred' : ''}" data-relationship="${esc(r.id)}" stroke="${color}" stroke-width="1.3">`)
    out.push(`<title>${esc(r.id)}${inferred ? ` (inferred, ${Math.round((r.confidence ?? 0) * 100)}%)` : ''}</title>`)
    out.push(`<path d="${d}" fill="none"${inferred ? ' stroke-dasharray="6 4"' : ''}/>`)
    out.push(markers(e, facts.childUnique(r), facts.childOptional(r)))
    if (inferred) {
      const a = e.points[0]!
      const b = e.points[e.points.length - 1]!
      out.push(`<text class="confidence" x="${f((a.x + b.x) / 2 + 4)}" y="${f((a.y + b.y) / 2 - 4)}" fill="${color}" stroke="none" font-size="10">${Math.round((r.confidence ?? 0) * 100)}%</text>`)
    }
    out.push('</g>')
  }
  out.push('</g><g class="tables">')
  for (const n of layout.nodes) out.push(tableSvg(n, layout.collapsed))
  out.push('</g></svg>')
  return `${out.join('\n')}\n`
}
