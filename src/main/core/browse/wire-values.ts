import type { Cell } from '../../../shared/cells'
import type { KeyValue } from '../../../shared/calls/browse'
import type { SqlValue } from '../db/driver'

/** Bytes of a blob shown in a grid cell; the cell viewer fetches the rest. */
export const BLOB_PREVIEW_BYTES = 64
/** Characters of text kept in a grid cell; longer text is clipped and reported. */
export const TEXT_PREVIEW_CHARS = 4096

function hex(bytes: Uint8Array, max = bytes.length): string {
  let out = ''
  const n = Math.min(max, bytes.length)
  for (let i = 0; i < n; i++) out += bytes[i]!.toString(16).padStart(2, '0')
  return out
}

function fromHex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** A value in the grid's wire form; `clip` reports text that was cut. */
export function toCell(v: SqlValue, clip?: () => void): Cell {
  if (v === null || typeof v === 'number') return v
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : { $int: v.toString() }
  }
  if (typeof v === 'string') {
    if (v.length > TEXT_PREVIEW_CHARS && clip) {
      clip()
      return v.slice(0, TEXT_PREVIEW_CHARS)
    }
    return v
  }
  return { $blob: { size: v.length, hex: hex(v, BLOB_PREVIEW_BYTES), truncated: v.length > BLOB_PREVIEW_BYTES } }
}

/** A value that must round-trip exactly (cursor, row key). */
export function toKeyValue(v: SqlValue): KeyValue {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : { $int: v.toString() }
  }
  return { $bytes: hex(v) }
}

export function fromKeyValue(v: KeyValue): SqlValue {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v
  if ('$int' in v) return BigInt(v.$int)
  return fromHex(v.$bytes)
}

export { hex as bytesToHex }
