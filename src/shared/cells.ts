/**
 * Values as they travel to the window. Both transports carry JSON-safe data,
 * so 64-bit integers beyond 2^53 and blobs get a tagged form; NULL stays null,
 * distinct from the empty string.
 */
export interface BigIntCell {
  $int: string
}
export interface BlobCell {
  $blob: { size: number; hex: string; truncated: boolean }
}
export type Cell = null | number | string | BigIntCell | BlobCell

export function isBlobCell(c: Cell): c is BlobCell {
  return typeof c === 'object' && c !== null && '$blob' in c
}
export function isBigIntCell(c: Cell): c is BigIntCell {
  return typeof c === 'object' && c !== null && '$int' in c
}

/** Display text for a cell; NULL is rendered by the caller, not as text. */
export function cellText(c: Cell): string {
  if (c === null) return ''
  if (typeof c === 'number') return String(c)
  if (typeof c === 'string') return c
  if (isBigIntCell(c)) return c.$int
  return `<blob ${c.$blob.size} bytes>`
}
