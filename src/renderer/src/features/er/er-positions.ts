import type { Positions } from './fcose-core'

/** Node positions the user arranged, per database (keyed by its location: file path or server/db). */
const PREFIX = 'sonograph.er.positions.v1:'

export function loadPositions(location: string): Positions | null {
  try {
    const raw = localStorage.getItem(PREFIX + location)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return null
    const out: Positions = {}
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v && typeof v === 'object' && typeof (v as { x: unknown }).x === 'number' && typeof (v as { y: unknown }).y === 'number') {
        out[k] = { x: (v as { x: number }).x, y: (v as { y: number }).y }
      }
    }
    return out
  } catch {
    // A corrupt entry only loses the arrangement, never the graph.
    return null
  }
}

export function savePositions(location: string, positions: Positions): void {
  try {
    localStorage.setItem(PREFIX + location, JSON.stringify(positions))
  } catch {
    // Storage full: the arrangement is not remembered, the graph still works.
  }
}

export function clearPositions(location: string): void {
  localStorage.removeItem(PREFIX + location)
}
