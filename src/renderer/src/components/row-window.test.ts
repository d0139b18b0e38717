import { describe, expect, it } from 'vitest'
import { MAX_BODY_PX, maxVirtualTop, ROW_HEIGHT, rowWindow, scaleRatio, virtualTopFor } from './row-window'

describe('row window', () => {
  it('is plain arithmetic below the height cap', () => {
    expect(scaleRatio(3503, 600)).toBe(1)
    const w = rowWindow(3503, 260, 260, 600)
    expect(w.firstVisible).toBe(10)
    expect(w.lastVisible).toBe(33)
    expect(w.top(10)).toBe(260)
    expect(w.bodyHeight).toBe(3503 * ROW_HEIGHT)
  })

  it('caps the body for 50 million rows and still reaches the last row', () => {
    const count = 50_000_000
    const view = 600
    expect(rowWindow(count, 0, 0, view).bodyHeight).toBe(MAX_BODY_PX)
    const r = scaleRatio(count, view)
    const maxScroll = MAX_BODY_PX - view
    const end = rowWindow(count, maxScroll * r, maxScroll, view)
    expect(end.lastVisible).toBe(count - 1)
    // The last row sits at the bottom of the viewport, inside the capped body.
    expect(end.top(count - 1) + ROW_HEIGHT).toBeCloseTo(MAX_BODY_PX, 0)
  })

  it('brings a row into view with the least movement, or to the top when asked', () => {
    expect(virtualTopFor(1000, 5, 0, 260)).toBeNull()
    expect(virtualTopFor(1000, 20, 0, 260)).toBe(21 * ROW_HEIGHT - 260)
    expect(virtualTopFor(1000, 3, 100 * ROW_HEIGHT, 260)).toBe(3 * ROW_HEIGHT)
    expect(virtualTopFor(1000, 999, 0, 260, 'start')).toBe(maxVirtualTop(1000, 260))
  })
})
