import type { Relationship, SchemaModel } from '../schema-model'

/** Pure TypeScript, no Node or DOM: the renderer and the CLI both draw with it. */
export interface ErOptions {
  /** Names only, no column lists. */
  collapsed?: boolean
}

export interface ErColumn {
  name: string
  type: string
  pk: boolean
  fk: boolean
}

export interface ErNode {
  name: string
  kind: 'table' | 'view'
  columns: ErColumn[]
  x: number
  y: number
  width: number
  height: number
}

export interface ErEdge {
  relationship: Relationship
  /** Polyline from the child's box border to the parent's. */
  points: { x: number; y: number }[]
}

export interface ErLayout {
  nodes: ErNode[]
  edges: ErEdge[]
  width: number
  height: number
  collapsed: boolean
}

export type ErInput = { model: SchemaModel; relationships: Relationship[] }

/** Box metrics shared by the layout and the SVG writer. */
export const ER_METRICS = {
  fontSize: 12,
  charWidth: 7.2,
  headerHeight: 26,
  rowHeight: 18,
  padX: 10,
  minWidth: 120,
  maxWidth: 360,
  gapX: 60,
  gapY: 80,
  margin: 30,
}
