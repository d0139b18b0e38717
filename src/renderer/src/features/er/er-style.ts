import type { EdgeSingular, StylesheetJson } from 'cytoscape'
import { ER_FONT } from './er-elements'

/** Graph colours; cytoscape draws on a canvas, so the theme's CSS variables are read into this. */
export interface ErPalette {
  canvas: string
  node: string
  header: string
  text: string
  border: string
  edge: string
  inferred: string
  accepted: string
  highlight: string
  labelBg: string
}

/** Exports are drawn light whatever the theme: they go into documents and slides. */
export const EXPORT_PALETTE: ErPalette = {
  canvas: '#ffffff',
  node: '#ffffff',
  header: '#dce6f2',
  text: '#1b1f24',
  border: '#5b7088',
  edge: '#56606d',
  inferred: '#b7791f',
  accepted: '#2f855a',
  highlight: '#1f6feb',
  labelBg: '#ffffff',
}

export function readPalette(el: Element): ErPalette {
  const css = getComputedStyle(el)
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  return {
    canvas: v('--er-canvas', EXPORT_PALETTE.canvas),
    node: v('--er-node', EXPORT_PALETTE.node),
    header: v('--er-header', EXPORT_PALETTE.header),
    text: v('--er-text', EXPORT_PALETTE.text),
    border: v('--er-border', EXPORT_PALETTE.border),
    edge: v('--er-edge', EXPORT_PALETTE.edge),
    inferred: v('--er-inferred', EXPORT_PALETTE.inferred),
    accepted: v('--er-accepted', EXPORT_PALETTE.accepted),
    highlight: v('--er-highlight', EXPORT_PALETTE.highlight),
    labelBg: v('--er-label-bg', EXPORT_PALETTE.labelBg),
  }
}

/** `forExport` leaves out selection and search highlights: they describe the screen, not the schema. */
export function erStylesheet(p: ErPalette, forExport = false): StylesheetJson {
  const highlights: StylesheetJson = forExport
    ? []
    : [
        { selector: 'node:selected, node.found', style: { 'border-width': 3, 'border-color': p.highlight } },
        { selector: 'edge:selected, edge.found', style: { width: 3, 'line-color': p.highlight, 'target-arrow-color': p.highlight } },
      ]
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        'corner-radius': '4px',
        width: 'data(w)',
        height: 'data(h)',
        label: 'data(label)',
        'background-fill': 'linear-gradient',
        'background-gradient-direction': 'to-bottom',
        'background-gradient-stop-colors': [p.header, p.header, p.node, p.node],
        'border-width': 1.2,
        'border-color': p.border,
        color: p.text,
        'font-family': ER_FONT.family,
        'font-size': ER_FONT.size,
        'line-height': ER_FONT.lineHeight,
        'text-wrap': 'wrap',
        'text-max-width': '2000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-justification': 'left',
        // Below this on-screen size text is unreadable anyway; skipping it keeps big graphs smooth.
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node.view', style: { 'border-style': 'dashed' } },
    // Zoomed far out the column lists are dots: show each table's name as large as its box allows.
    {
      selector: 'node.far',
      style: { label: 'data(short)', 'font-size': 'data(ff)', 'font-weight': 'bold', 'text-justification': 'center', 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'node.collapsed',
      style: { label: 'data(short)', width: 'data(sw)', height: 'data(sh)', 'background-fill': 'solid', 'background-color': p.header, 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'line-color': p.edge,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.edge,
        'arrow-scale': 0.9,
        // Cardinality: many (or one) at the child, one at the parent.
        'source-label': 'data(childCard)',
        'target-label': '1',
        'source-text-offset': 16,
        'target-text-offset': 16,
        'font-family': ER_FONT.family,
        'font-size': 10,
        color: p.edge,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge.inferred',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': p.inferred,
        'target-arrow-color': p.inferred,
        color: p.inferred,
        label: 'data(label)',
        'font-weight': 'bold',
      },
    },
    // A table referencing itself (Employee.ReportsTo): a loop out of the right side, wide enough to clear the box.
    { selector: 'edge:loop', style: { 'loop-direction': '90deg', 'loop-sweep': '-70deg', 'control-point-step-size': (e: EdgeSingular) => Number(e.data('loop')) || 40 } },
    { selector: 'edge.inferred.accepted', style: { 'line-color': p.accepted, 'target-arrow-color': p.accepted, color: p.accepted } },
    { selector: 'edge.hidden-rel', style: { opacity: 0.35, 'line-style': 'dotted' } },
    { selector: '.off', style: { display: 'none' } },
    ...highlights,
  ]
}
