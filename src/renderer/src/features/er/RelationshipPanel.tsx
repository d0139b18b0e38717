import { useState, type ReactNode } from 'react'
import type { Relationship } from '../../../../shared/schema-model'
import type { RelationshipState } from './use-er-data'

function describe(r: Relationship): string {
  return `${r.childTable}(${r.childColumns.join(', ')}) → ${r.parentTable}(${r.parentColumns.join(', ')})`
}

function stateOf(r: Relationship): string {
  if (r.origin === 'declared') return 'declared foreign key'
  const pct = `${Math.round((r.confidence ?? 0) * 100)}% of values found`
  return r.hidden ? `hidden · ${pct}` : r.accepted ? `accepted · ${pct}` : `inferred · ${pct}`
}

/**
 * The selected relationship, and every inferred one in a list: accepting makes
 * it a relationship everywhere (inspector, exports, the consolidation wizard);
 * hiding drops it from the graph. The list is the keyboard path to the same.
 */
export function RelationshipPanel({
  rels,
  selectedId,
  onSelect,
  onSetState,
}: {
  rels: Relationship[]
  selectedId: string | null
  onSelect: (id: string) => void
  onSetState: (id: string, state: RelationshipState) => Promise<void>
}): ReactNode {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const selected = rels.find((r) => r.id === selectedId) ?? null
  const inferred = rels.filter((r) => r.origin === 'inferred')

  async function set(id: string, state: RelationshipState): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      await onSetState(id, state)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const actions = (r: Relationship): ReactNode =>
    r.origin === 'inferred' ? (
      <span className="er-rel-actions">
        {!r.accepted ? (
          <button type="button" disabled={busy} onClick={() => void set(r.id, 'accepted')} aria-label={`Accept ${describe(r)}`}>
            Accept
          </button>
        ) : null}
        {!r.hidden ? (
          <button type="button" disabled={busy} onClick={() => void set(r.id, 'hidden')} aria-label={`Hide ${describe(r)}`}>
            Hide
          </button>
        ) : null}
        {r.accepted || r.hidden ? (
          <button type="button" disabled={busy} onClick={() => void set(r.id, 'none')} aria-label={`Reset ${describe(r)}`}>
            Reset
          </button>
        ) : null}
      </span>
    ) : null

  if (!selected && inferred.length === 0) return null
  return (
    <aside className="er-panel" aria-label="Relationships">
      {selected ? (
        <section className="er-selected" aria-label="Selected relationship">
          <h3>Selected relationship</h3>
          <p className="er-rel-name">{describe(selected)}</p>
          <p className="muted small">{stateOf(selected)}</p>
          {actions(selected)}
        </section>
      ) : null}
      {inferred.length ? (
        <details open={inferred.length <= 12}>
          <summary>Inferred relationships ({inferred.length})</summary>
          <ul className="er-rel-list">
            {inferred.map((r) => (
              <li key={r.id} className={r.id === selectedId ? 'selected' : ''}>
                <button type="button" className="link er-rel-name" onClick={() => onSelect(r.id)}>
                  {describe(r)}
                </button>
                <span className="muted small">{stateOf(r)}</span>
                {actions(r)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {error ? (
        <p className="er-error" role="alert">
          {error}
        </p>
      ) : null}
    </aside>
  )
}
