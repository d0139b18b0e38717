import type { Relationship, SchemaModel } from '../../../../shared/schema-model'
import { layoutEr } from '../../../../shared/er/er-layout'
import type { LayoutInput, Positions } from './fcose-core'

export type { LayoutInput, Positions }
export type ErLayoutName = 'organic' | 'layered'

export interface LayoutResult {
  positions: Positions
  ms: number
  /** Where it ran: a Web Worker, or the page when workers are unavailable. */
  where: 'worker' | 'page' | 'instant'
}

function onPage(input: LayoutInput): Promise<LayoutResult> {
  // Loaded lazily: the page only needs it when the worker cannot start.
  return import('./fcose-core').then(({ fcosePositions }) => {
    const t0 = performance.now()
    const positions = fcosePositions(input)
    return { positions, ms: performance.now() - t0, where: 'page' as const }
  })
}

/**
 * fcose in a Web Worker (falls back to the page if the worker cannot start).
 * fcose starts from a random arrangement, so a failed run is tried once more.
 */
export function organicLayout(input: LayoutInput): Promise<LayoutResult> {
  return organicOnce(input).catch(() => organicOnce(input))
}

function organicOnce(input: LayoutInput): Promise<LayoutResult> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./fcose-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return onPage(input)
  }
  return new Promise<LayoutResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ positions?: Positions; ms?: number; error?: string }>) => {
      worker.terminate()
      if (e.data.positions) resolve({ positions: e.data.positions, ms: e.data.ms ?? 0, where: 'worker' })
      else reject(new Error(e.data.error ?? 'Layout failed'))
    }
    worker.onerror = (e) => {
      worker.terminate()
      e.preventDefault()
      onPage(input).then(resolve, reject)
    }
    worker.postMessage(input)
  })
}

/**
 * The engine's layered layout (the one `sonograph er` draws): referenced tables
 * above the tables that reference them. Its boxes are sized for a different
 * font, so x is stretched until every box of ours fits where its box was.
 */
export function layeredLayout(model: SchemaModel, rels: Relationship[], sizes: Map<string, { w: number; h: number }>): LayoutResult {
  const t0 = performance.now()
  const layout = layoutEr({ model, relationships: rels.filter((r) => !r.hidden) })
  let sx = 1
  let sy = 1
  for (const n of layout.nodes) {
    const s = sizes.get(n.name)
    if (!s) continue
    sx = Math.max(sx, (s.w + 40) / (n.width + 60))
    sy = Math.max(sy, (s.h + 40) / (n.height + 80))
  }
  const positions: Positions = {}
  for (const n of layout.nodes) positions[n.name] = { x: (n.x + n.width / 2) * sx, y: (n.y + n.height / 2) * sy }
  return { positions, ms: performance.now() - t0, where: 'instant' }
}
