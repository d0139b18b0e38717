import { cellText, isBigIntCell, isBlobCell, type Cell } from '../../../../shared/cells'

/** SQLite's order of storage classes: NULL, numbers, text, blobs. */
function rank(c: Cell): number {
  if (c === null) return 0
  if (typeof c === 'number' || isBigIntCell(c)) return 1
  if (isBlobCell(c)) return 3
  return 2
}

export function compareCells(a: Cell, b: Cell): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (ra === 1) {
    const x = typeof a === 'number' ? a : Number(cellText(a))
    const y = typeof b === 'number' ? b : Number(cellText(b))
    return x - y
  }
  const x = cellText(a)
  const y = cellText(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** The shown rows sorted in the window (the query's own ORDER BY is left as it ran). */
export function sortRows(rows: Cell[][], col: number, dir: 'asc' | 'desc'): Cell[][] {
  const sign = dir === 'asc' ? 1 : -1
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => sign * compareCells(a[col] ?? null, b[col] ?? null) || i - j)
    .map(([r]) => r)
}
