/**
 * Fixed-height row windowing with a scaled scrollbar. Browsers cap an
 * element's height (Chrome near 33M px, Firefox near 17M px), and per-item
 * measurement lists (as virtualizer libraries keep) cost memory per row, so a
 * table of tens of millions of rows is windowed by arithmetic: the scroll
 * content is at most MAX_BODY_PX tall, dragging the scrollbar maps linearly
 * onto the full row range, and the wheel and keys move by real pixels through
 * a separate `virtualTop`.
 */
export const ROW_HEIGHT = 26
export const MAX_BODY_PX = 8_000_000

export interface RowWindow {
  /** Height of the scrollable body (capped). */
  bodyHeight: number
  /** Rows to render: [start, end). */
  start: number
  end: number
  /** First and last rows fully or partly visible. */
  firstVisible: number
  lastVisible: number
  /** Body-relative top of row i. */
  top(i: number): number
}

/** Unscaled px per scroll px (1 unless the table is taller than the cap). */
export function scaleRatio(count: number, bodyViewport: number): number {
  const full = count * ROW_HEIGHT
  if (full <= MAX_BODY_PX) return 1
  return Math.max(1, (full - bodyViewport) / Math.max(1, MAX_BODY_PX - bodyViewport))
}

/** The furthest the viewport's top can go in row space. */
export function maxVirtualTop(count: number, bodyViewport: number): number {
  return Math.max(0, count * ROW_HEIGHT - bodyViewport)
}

/** `virtualTop`: the viewport's top in unscaled row space; `scrollTop`: the element's real scroll position. */
export function rowWindow(count: number, virtualTop: number, scrollTop: number, bodyViewport: number, overscan = 10): RowWindow {
  const bodyHeight = Math.min(count * ROW_HEIGHT, MAX_BODY_PX)
  const vt = Math.max(0, Math.min(maxVirtualTop(count, bodyViewport), virtualTop))
  const firstVisible = Math.min(Math.max(0, count - 1), Math.floor(vt / ROW_HEIGHT))
  const lastVisible = Math.min(count - 1, Math.floor((vt + Math.max(bodyViewport, ROW_HEIGHT) - 1) / ROW_HEIGHT))
  const st = Math.min(scrollTop, bodyHeight)
  return {
    bodyHeight,
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(count, lastVisible + 1 + overscan),
    firstVisible,
    lastVisible: Math.max(firstVisible, lastVisible),
    top: (i) => i * ROW_HEIGHT - vt + st,
  }
}

/** The virtualTop that brings row i into view (minimal movement, or at the top), or null when it already is. */
export function virtualTopFor(count: number, row: number, virtualTop: number, bodyViewport: number, align: 'auto' | 'start' = 'auto'): number | null {
  const rowTop = row * ROW_HEIGHT
  if (align === 'start' || rowTop < virtualTop) return Math.min(rowTop, maxVirtualTop(count, bodyViewport))
  if (rowTop + ROW_HEIGHT > virtualTop + bodyViewport) return rowTop + ROW_HEIGHT - bodyViewport
  return null
}
