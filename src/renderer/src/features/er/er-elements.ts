import type { ElementDefinition } from 'cytoscape'
import type { Relationship, SchemaModel, TableInfo } from '../../../../shared/schema-model'

/** Table boxes are one monospace label per node, so column names and types line up. */
export const ER_FONT = {
  // Double quotes only: cytoscape's font-family parser rejects single-quoted names.
  family: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
  size: 11,
  lineHeight: 1.45,
  padX: 10,
  padY: 7,
}
const MAX_NAME = 28
const MAX_TYPE = 16

let charWidth: number | null = null
/** Width of one monospace character at ER_FONT.size, measured once. */
export function monoCharWidth(): number {
  if (charWidth !== null) return charWidth
  // No DOM in unit tests: fall back to the usual monospace ratio.
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (ctx) {
    ctx.font = `${ER_FONT.size}px ${ER_FONT.family}`
    charWidth = ctx.measureText('MMMMMMMMMM').width / 10
  }
  if (!charWidth) charWidth = ER_FONT.size * 0.62
  return charWidth
}

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

export interface TableNodeData {
  id: string
  kind: 'table' | 'view'
  /** Name and column list. */
  label: string
  /** Name only (collapsed). */
  short: string
  w: number
  h: number
  sw: number
  sh: number
  /** Where the header band ends, as a percentage of the full height. */
  headerPct: number
  columns: number
  /** Font size for the name alone when zoomed far out: as large as fits the box. */
  ff: number
}

export interface RelEdgeData {
  id: string
  source: string
  target: string
  origin: 'declared' | 'inferred'
  /** "N" or "1" at the child end. */
  childCard: string
  label: string
  confidence: number
  /** Self-references: how far the loop reaches, so it clears the box. */
  loop?: number
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c))
}

/** One-to-one when the child's key columns are its primary key or a unique index. */
export function childUnique(t: TableInfo | undefined, r: Relationship): boolean {
  return !!t && (sameColumns(t.primaryKey, r.childColumns) || t.indexes.some((ix) => ix.unique && sameColumns(ix.columns, r.childColumns)))
}

export function tableNode(t: TableInfo, fkColumns: Set<string>): TableNodeData {
  const cw = monoCharWidth()
  const lineH = ER_FONT.size * ER_FONT.lineHeight
  const names = t.columns.map((c) => cut(c.name, MAX_NAME))
  const nameW = Math.max(0, ...names.map((n) => n.length))
  // One key column ("PK"/"FK"), widened to "PK FK" only where a column is both.
  const both = t.columns.some((c) => c.pk > 0 && fkColumns.has(c.name))
  const anyKey = t.columns.some((c) => c.pk > 0 || fkColumns.has(c.name))
  const lines = t.columns.map((c, i) => {
    const keys = [c.pk > 0 ? 'PK' : '', fkColumns.has(c.name) ? 'FK' : ''].filter(Boolean).join(' ')
    const mark = anyKey ? `${keys.padEnd(both ? 5 : 2)} ` : ''
    return `${mark}${(names[i] ?? '').padEnd(nameW)}  ${cut(c.type || '', MAX_TYPE)}`.trimEnd()
  })
  const title = t.kind === 'view' ? `${t.name} (view)` : t.name
  const all = [title, ...lines]
  const chars = Math.max(...all.map((l) => l.length))
  const w = Math.ceil(chars * cw + 2 * ER_FONT.padX)
  const h = Math.ceil(all.length * lineH + 2 * ER_FONT.padY)
  const sw = Math.ceil(title.length * cw + 2 * ER_FONT.padX)
  const sh = Math.ceil(lineH + 2 * ER_FONT.padY)
  const headerPct = Math.min(100, ((ER_FONT.padY + lineH + 2) / h) * 100)
  const ff = Math.max(ER_FONT.size, Math.min(44, (w * 0.9) / (title.length * (cw / ER_FONT.size))))
  return { id: t.name, kind: t.kind, label: all.join('\n'), short: title, w, h, sw, sh, headerPct, columns: t.columns.length, ff }
}

/** Tables as nodes, relationships (declared and inferred, child -> parent) as edges. */
export function erElements(model: SchemaModel, rels: Relationship[]): ElementDefinition[] {
  const byName = new Map(model.tables.map((t) => [t.name, t]))
  const fkCols = new Map<string, Set<string>>()
  for (const r of rels) {
    if (r.hidden) continue
    const s = fkCols.get(r.childTable) ?? new Set<string>()
    r.childColumns.forEach((c) => s.add(c))
    fkCols.set(r.childTable, s)
  }
  const nodes: ElementDefinition[] = model.tables.map((t) => {
    const data = tableNode(t, fkCols.get(t.name) ?? new Set())
    return {
      group: 'nodes',
      data,
      classes: t.kind === 'view' ? 'view' : 'table',
      style: { 'background-gradient-stop-positions': `0% ${data.headerPct.toFixed(2)}% ${data.headerPct.toFixed(2)}% 100%` },
    }
  })
  const widths = new Map(nodes.map((n) => [String(n.data.id), Number(n.data.w)]))
  const edges: ElementDefinition[] = rels
    .filter((r) => byName.has(r.childTable) && byName.has(r.parentTable))
    .map((r) => {
      const inferred = r.origin === 'inferred'
      const pct = Math.round((r.confidence ?? 0) * 100)
      const data: RelEdgeData = {
        id: r.id,
        source: r.childTable,
        target: r.parentTable,
        origin: r.origin,
        childCard: childUnique(byName.get(r.childTable), r) ? '1' : 'N',
        label: inferred ? `${r.accepted ? '✓ ' : ''}${pct}%` : '',
        confidence: r.confidence ?? 1,
        ...(r.childTable === r.parentTable ? { loop: (widths.get(r.childTable) ?? 100) / 2 + 40 } : {}),
      }
      const classes = [r.origin, r.accepted ? 'accepted' : '', r.hidden ? 'hidden-rel' : ''].filter(Boolean).join(' ')
      return { group: 'edges', data, classes }
    })
  return [...nodes, ...edges]
}
