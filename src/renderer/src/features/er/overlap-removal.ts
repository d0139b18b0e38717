/** Boxes by centre; moved in place. */
export interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
}

/**
 * Pushes overlapping boxes apart until each pair keeps `gap` between them (or
 * the rounds run out). Force layouts treat boxes as points with repulsion, so
 * tall table boxes in a dense middle overlap; this pass fixes that. Each pair is
 * separated along the axis that needs the smaller move, half each. A sweep over
 * boxes sorted by left edge keeps it near-linear for spread-out graphs.
 */
export function removeOverlaps(boxes: Box[], gap = 24, rounds = 300): number {
  spreadToFit(boxes, gap)
  for (let round = 0; round < rounds; round++) {
    let moved = 0
    const sorted = [...boxes].sort((a, b) => a.x - a.w / 2 - (b.x - b.w / 2))
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!
      for (let j = i + 1; j < sorted.length; j++) {
        const b = sorted[j]!
        if (b.x - b.w / 2 > a.x + a.w / 2 + gap) break
        const dx = b.x - a.x
        const dy = b.y - a.y
        const ox = (a.w + b.w) / 2 + gap - Math.abs(dx)
        const oy = (a.h + b.h) / 2 + gap - Math.abs(dy)
        if (ox <= 0 || oy <= 0) continue
        moved++
        // The smaller push, shared; ties broken by order so identical centres still part.
        if (ox < oy) {
          const s = (dx > 0 || (dx === 0 && i < j) ? 1 : -1) * (ox / 2 + 0.5)
          a.x -= s
          b.x += s
        } else {
          const s = (dy > 0 || (dy === 0 && i < j) ? 1 : -1) * (oy / 2 + 0.5)
          a.y -= s
          b.y += s
        }
      }
    }
    if (moved === 0) return round
  }
  return rounds
}

/**
 * Scales the picture up (keeping its shape) until the boxes could fit in its
 * area with room to spare, so the pairwise pass only has local work left.
 */
function spreadToFit(boxes: Box[], gap: number): void {
  if (boxes.length < 2 || !anyOverlap(boxes)) return
  const need = boxes.reduce((s, b) => s + (b.w + gap) * (b.h + gap), 0) * 1.6
  const xs = boxes.map((b) => b.x)
  const ys = boxes.map((b) => b.y)
  // The area the boxes span (not just their centres: two boxes in a column span no width otherwise).
  const w = Math.max(...boxes.map((b) => b.w))
  const h = Math.max(...boxes.map((b) => b.h))
  const have = (Math.max(...xs) - Math.min(...xs) + w) * (Math.max(...ys) - Math.min(...ys) + h)
  const s = Math.sqrt(need / have)
  if (s <= 1) return
  const cx = xs.reduce((a, b) => a + b, 0) / xs.length
  const cy = ys.reduce((a, b) => a + b, 0) / ys.length
  for (const b of boxes) {
    b.x = cx + (b.x - cx) * s
    b.y = cy + (b.y - cy) * s
  }
}

function anyOverlap(boxes: Box[]): boolean {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2) return true
    }
  return false
}
