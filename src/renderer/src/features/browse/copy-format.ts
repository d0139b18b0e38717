import { cellText, isBigIntCell, isBlobCell, type Cell } from '../../../../shared/cells'

export type CopyFormat = 'tsv' | 'csv' | 'json'

/** TSV for pasting into a spreadsheet: tabs and newlines inside values become spaces. */
function tsvValue(c: Cell): string {
  return c === null ? '' : cellText(c).replace(/[\t\r\n]+/g, ' ')
}

/** RFC 4180: quote when the value holds a comma, quote or line break; NULL is an empty field. */
function csvValue(c: Cell): string {
  if (c === null) return ''
  const t = cellText(c)
  return /[",\r\n]/.test(t) || t === '' ? `"${t.replace(/"/g, '""')}"` : t
}

/** JSON keeps NULL as null and numbers as numbers; 64-bit integers stay exact as strings, blobs as hex. */
function jsonValue(c: Cell): unknown {
  if (c === null || typeof c === 'number' || typeof c === 'string') return c
  if (isBigIntCell(c)) return c.$int
  if (isBlobCell(c)) return { hex: c.$blob.hex, size: c.$blob.size, truncated: c.$blob.truncated }
  return null
}

/** Rows (with a header line for TSV/CSV, objects for JSON) in the chosen format. */
export function formatRows(columns: string[], rows: Cell[][], format: CopyFormat): string {
  if (format === 'json') {
    const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, jsonValue(r[i] ?? null)])))
    return JSON.stringify(objects, null, 2)
  }
  const one = format === 'tsv' ? tsvValue : csvValue
  const sep = format === 'tsv' ? '\t' : ','
  const head = columns.map((c) => (format === 'csv' ? csvValue(c) : c.replace(/[\t\r\n]+/g, ' '))).join(sep)
  return [head, ...rows.map((r) => r.map(one).join(sep))].join(format === 'csv' ? '\r\n' : '\n')
}

/** One cell's text as copied: the value itself, nothing for NULL. */
export function formatCell(c: Cell, format: CopyFormat): string {
  if (format === 'json') return JSON.stringify(jsonValue(c))
  return c === null ? '' : cellText(c)
}

/** Writes to the clipboard; falls back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const ta = document.createElement('textarea')
    ta.value = text
    ta.style.position = 'fixed'
    ta.style.opacity = '0'
    document.body.appendChild(ta)
    ta.select()
    document.execCommand('copy')
    ta.remove()
  }
}
