import { useEffect, useState, type ReactNode } from 'react'
import type { CellValue, ColumnFilter, KeyValue, SortSpec } from '../../../../shared/calls/browse'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { copyText } from './copy-format'
import { hexDump, HEX_SHOWN } from './hex-dump'

export interface CellRef {
  column: string
  /** The row's key (keyset tables) or its offset in the given order (views). */
  row: { key: KeyValue[] } | { offset: number; sort?: SortSpec; filters: ColumnFilter[] }
}

const MAX_BYTES = 1024 * 1024

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
