import { useState, type ReactNode } from 'react'
import type { SavedConnection } from '../../../../shared/calls/connections'
import { describe } from './connection-form'

interface Props {
  connections: SavedConnection[]
  selectedId: string | null
  disabled: boolean
  onNew: () => void
  onEdit: (c: SavedConnection) => void
  onConnect: (c: SavedConnection) => void
  onDelete: (c: SavedConnection) => void
}

function storageLabel(c: SavedConnection): string {
  if (c.passwordStorage === 'keychain') return 'password in keychain'
  if (c.passwordStorage === 'memory') return 'password in memory'
  return 'asks for password'
}

/** Saved connections: pick one to edit, connect it, or delete it (after a second click). */
export function SavedConnectionList({ connections, selectedId, disabled, onNew, onEdit, onConnect, onDelete }: Props): ReactNode {
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <div className="conn-saved">
      <div className="conn-saved-head">
        <h3>Saved connections</h3>
        <button type="button" onClick={onNew} disabled={disabled}>
          New
        </button>
      </div>
      {connections.length === 0 ? <p className="muted small">None yet. Fill in the form and Save to keep one here.</p> : null}
      <ul className="conn-saved-list" aria-label="Saved connections">
        {connections.map((c) => (
          <li key={c.id} className={c.id === selectedId ? 'selected' : ''} aria-label={c.name}>
            <button type="button" className="conn-saved-pick" onClick={() => onEdit(c)} disabled={disabled} aria-label={`Edit ${c.name}`} title={describe(c)}>
              <strong>{c.name}</strong>
              <span className="muted small">{describe(c)}</span>
              <span className="muted small">{storageLabel(c)}</span>
            </button>
            <div className="conn-saved-actions">
              <button type="button" className="primary" onClick={() => onConnect(c)} disabled={disabled} aria-label={`Connect ${c.name}`}>
                Connect
              </button>
              {confirming === c.id ? (
                <>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setConfirming(null)
                      onDelete(c)
                    }}
                    disabled={disabled}
                    aria-label={`Really delete ${c.name}`}
                  >
                    Delete it
                  </button>
                  <button type="button" onClick={() => setConfirming(null)} aria-label={`Keep ${c.name}`}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirming(c.id)} disabled={disabled} aria-label={`Delete ${c.name}`}>
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
