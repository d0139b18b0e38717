/**
 * Fixed-height row windowing with a scaled scrollbar. Browsers cap an
 * element's height (Chrome near 33M px, Firefox near 17M px), and per-item
 * measurement lists (as virtualizer libraries keep) cost memory per row, so a
 * table of tens of millions of rows is windowed by arithmetic: the scroll
 * content is at most MAX_BODY_PX tall and a scroll position maps linearly onto
 * the full row range.
 */
export const ROW_HEIGHT = 26
export const MAX_BODY_PX = 8_000_000

export interface RowWindow {
  /** Height of the scrollable body (capped). */
  bodyHeight: number
  /** Where the viewport's top sits in the unscaled row space (px). */
  virtualTop: number
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
function ratio(count: number, bodyViewport: number): number {
  const full = count * ROW_HEIGHT
  if (full <= MAX_BODY_PX) return 1
  return Math.max(1, (full - bodyViewport) / Math.max(1, MAX_BODY_PX - bodyViewport))
}

export function rowWindow(count: number, scrollTop: number, bodyViewport: number, overscan = 10): RowWindow {
  const full = count * ROW_HEIGHT
  const bodyHeight = Math.min(full, MAX_BODY_PX)
  const r = ratio(count, bodyViewport)
  const virtualTop = Math.max(0, Math.min(Math.max(0, full - bodyViewport), scrollTop * r))
  const firstVisible = Math.min(Math.max(0, count - 1), Math.floor(virtualTop / ROW_HEIGHT))
  const lastVisible = Math.min(count - 1, Math.floor((virtualTop + Math.max(bodyViewport, ROW_HEIGHT) - 1) / ROW_HEIGHT))
  return {
    bodyHeight,
    virtualTop,
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(count, lastVisible + 1 + overscan),
    firstVisible,
    lastVisible: Math.max(firstVisible, lastVisible),
    top: (i) => i * ROW_HEIGHT - virtualTop + Math.min(scrollTop, bodyHeight),
  }
}

/** The scrollTop that brings row i into view (minimal movement), or null when it already is. */
export function scrollTopFor(count: number, row: number, scrollTop: number, bodyViewport: number, align: 'auto' | 'start' = 'auto'): number | null {
  const r = ratio(count, bodyViewport)
  const virtualTop = scrollTop * r
  const rowTop = row * ROW_HEIGHT
  let target: number | null = null
  if (align === 'start' || rowTop < virtualTop) target = Math.min(rowTop, Math.max(0, count * ROW_HEIGHT - bodyViewport))
  else if (rowTop + ROW_HEIGHT > virtualTop + bodyViewport) target = rowTop + ROW_HEIGHT - bodyViewport
  if (target === null) return null
  return Math.max(0, target / r)
}
