import type { Cell } from '../../../shared/cells'
import type { SqlValue } from '../db/driver'

/** A value as it travels to the window (JSON-safe: bigints and blobs tagged). */
export function toCell(v: SqlValue | undefined): Cell {
  if (v === undefined || v === null) return null
  if (typeof v === 'number' || typeof v === 'string') return v
  if (typeof v === 'bigint') return { $int: v.toString() }
  const hex = Buffer.from(v.buffer, v.byteOffset, Math.min(v.byteLength, 32)).toString('hex')
  return { $blob: { size: v.byteLength, hex, truncated: v.byteLength > 32 } }
}

/** A numeric result; MySQL returns DECIMAL and some aggregates as text. NULL/non-numeric → null. */
export function toNum(v: SqlValue | undefined): number | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'string') {
    const n = Number(v)
    return v.trim() !== '' && Number.isFinite(n) ? n : null
  }
  return null
}

export function toInt(v: SqlValue | undefined): number {
  return toNum(v) ?? 0
}

export function toText(v: SqlValue | undefined): string {
  if (v === undefined || v === null) return ''
  if (v instanceof Uint8Array) return `<blob ${v.byteLength} bytes>`
  return String(v)
}

/** For CSV rows: numbers stay numbers, everything else text, NULL null. */
export function toCsv(v: SqlValue | undefined): string | number | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'number') return v
  return toText(v)
}
