import { useEffect, useState, type ReactNode } from 'react'
import type { CellValue, ColumnFilter, KeyValue, SortSpec } from '../../../../shared/calls/browse'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { copyText } from './copy-format'

export interface CellRef {
  column: string
  /** The row's key (keyset tables) or its offset in the given order (views). */
  row: { key: KeyValue[] } | { offset: number; sort?: SortSpec; filters: ColumnFilter[] }
}

const MAX_BYTES = 1024 * 1024
/** Bytes shown as hex lines; the rest is summarised (a DOM of megabytes of hex helps nobody). */
const HEX_SHOWN = 64 * 1024

/** Classic hex dump: offset, 16 bytes, their printable ASCII. */
export function hexDump(hex: string, limit = HEX_SHOWN): string {
  const bytes = Math.min(hex.length / 2, limit)
  const lines: string[] = []
  for (let off = 0; off < bytes; off += 16) {
    const n = Math.min(16, bytes - off)
    const hexPart: string[] = []
    let ascii = ''
    for (let i = 0; i < n; i++) {
      const h = hex.slice((off + i) * 2, (off + i) * 2 + 2)
      hexPart.push(h)
      const b = parseInt(h, 16)
      ascii += b >= 32 && b < 127 ? String.fromCharCode(b) : '.'
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hexPart.join(' ').padEnd(47)}  ${ascii}`)
  }
  return lines.join('\n')
}

function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2)
  } catch {
    return null
  }
}

/** The full value of one cell: long text, pretty-printed JSON, or a blob's size and hex. */
export function CellViewer({ sourceId, table, cell, onClose }: { sourceId: string; table: string; cell: CellRef; onClose: () => void }): ReactNode {
  const [value, setValue] = useState<CellValue | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [raw, setRaw] = useState(false)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    api
      .call('browse.cell', { sourceId, table, column: cell.column, row: cell.row, maxBytes: MAX_BYTES })
      .then(setValue)
      .catch((err: Error) => setError(err))
  }, [sourceId, table, cell])

  const pretty = value?.json && value.text !== undefined && !value.truncated ? prettyJson(value.text) : null
  const shown = value?.kind === 'blob' ? hexDump(value.hex ?? '') : pretty && !raw ? pretty : (value?.text ?? '')
  const unit = value?.kind === 'blob' ? 'bytes' : 'characters'

  return (
    <Modal title={`Cell ${table}.${cell.column}`} onClose={onClose} wide>
      {error ? <ErrorBanner error={error} /> : null}
      {!value && !error ? <p role="status">Reading the value…</p> : null}
      {value ? (
        <div className="cell-viewer">
          <div className="row">
            <span className="badge" data-testid="cell-kind">
              {value.kind}
            </span>
            <span className="muted" data-testid="cell-size">
              {value.kind === 'null' ? 'NULL' : `${value.size.toLocaleString()} ${unit}`}
              {value.truncated ? ` · first ${MAX_BYTES.toLocaleString()} shown` : ''}
              {value.kind === 'blob' && value.size > HEX_SHOWN ? ` · hex of the first ${HEX_SHOWN.toLocaleString()} bytes` : ''}
            </span>
            {pretty ? (
              <label className="check">
                <input type="checkbox" checked={!raw} onChange={(e) => setRaw(!e.target.checked)} /> Pretty JSON
              </label>
            ) : null}
            <button
              type="button"
              onClick={() => void copyText(value.kind === 'blob' ? (value.hex ?? '') : (value.text ?? '')).then(() => setCopied(true))}
              disabled={value.kind === 'null'}
            >
              {copied ? 'Copied' : value.kind === 'blob' ? 'Copy hex' : 'Copy'}
            </button>
          </div>
          {value.kind === 'null' ? (
            <p className="null-marker">NULL (no value; not the same as an empty string)</p>
          ) : value.kind === 'text' && value.size === 0 ? (
            <p className="muted">Empty string (not NULL)</p>
          ) : (
            <pre className="cell-viewer-text" aria-label="Cell value" tabIndex={0}>
              {shown}
            </pre>
          )}
        </div>
      ) : null}
    </Modal>
  )
}
