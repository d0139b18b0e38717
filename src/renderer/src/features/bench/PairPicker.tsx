import { useState, type ReactNode } from 'react'
import type { QueryPair } from '../../../../shared/calls/bench'

export interface PairPickerProps {
  builtIn: QueryPair[]
  custom: QueryPair[]
  selected: ReadonlySet<string>
  onToggle(id: string, on: boolean): void
  onAdd(pair: QueryPair): void
  onRemove(id: string): void
  disabled: boolean
}

function CustomPairForm({ onAdd, disabled, count }: { onAdd(pair: QueryPair): void; disabled: boolean; count: number }): ReactNode {
  const [title, setTitle] = useState('')
  const [labelA, setLabelA] = useState('A')
  const [sqlA, setSqlA] = useState('')
  const [labelB, setLabelB] = useState('B')
  const [sqlB, setSqlB] = useState('')
  const [ordered, setOrdered] = useState(false)
  const ready = sqlA.trim() !== '' && sqlB.trim() !== '' && labelA.trim() !== '' && labelB.trim() !== '' && labelA.trim() !== labelB.trim()
  function add(): void {
    const n = count + 1
    onAdd({
      id: `custom-${Date.now().toString(36)}-${n}`,
      title: title.trim() || `Custom pair ${n}`,
      a: { label: labelA.trim().slice(0, 40), sql: sqlA.trim() },
      b: { label: labelB.trim().slice(0, 40), sql: sqlB.trim() },
      ...(ordered ? { ordered: true } : {}),
    })
    setTitle('')
    setSqlA('')
    setSqlB('')
  }
  return (
    <fieldset className="custom-pair" aria-label="Add your own pair" disabled={disabled}>
      <label>
        Pair title
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`Custom pair ${count + 1}`} />
      </label>
      <div className="custom-forms">
        <div>
          <label>
            Label A
            <input type="text" value={labelA} maxLength={40} onChange={(e) => setLabelA(e.target.value)} />
          </label>
          <label>
            Query A
            <textarea value={sqlA} rows={4} spellCheck={false} onChange={(e) => setSqlA(e.target.value)} placeholder="SELECT …" />
          </label>
        </div>
        <div>
          <label>
            Label B
            <input type="text" value={labelB} maxLength={40} onChange={(e) => setLabelB(e.target.value)} />
          </label>
          <label>
            Query B
            <textarea value={sqlB} rows={4} spellCheck={false} onChange={(e) => setSqlB(e.target.value)} placeholder="SELECT …" />
          </label>
        </div>
      </div>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={ordered} onChange={(e) => setOrdered(e.target.checked)} /> Compare rows in order
        </label>
        <button type="button" onClick={add} disabled={!ready}>
          Add pair
        </button>
        {labelA.trim() && labelA.trim() === labelB.trim() ? <span className="muted small">The two labels must differ.</span> : null}
      </div>
    </fieldset>
  )
}

/** The pairs to benchmark: the lab's four questions (OLTP vs star) and the user's own pairs, each with a checkbox. */
export function PairPicker({ builtIn, custom, selected, onToggle, onAdd, onRemove, disabled }: PairPickerProps): ReactNode {
  return (
    <section className="bench-pairs" aria-label="Pairs to benchmark">
      <h3>Pairs</h3>
      {builtIn.length === 0 ? (
        <p className="muted">This database has no healthcare lab star schema, so there are no built-in questions: build the star in the lab, or add your own pairs below.</p>
      ) : null}
      <ul className="pair-list">
        {[...builtIn, ...custom].map((p) => (
          <li key={p.id} className="pair-item">
            <label className="check">
              <input type="checkbox" checked={selected.has(p.id)} onChange={(e) => onToggle(p.id, e.target.checked)} disabled={disabled} aria-label={`Benchmark ${p.title}`} />
              <strong>{p.title}</strong>
              <span className="muted small">
                {p.a.label} vs {p.b.label}
              </span>
            </label>
            {p.definition ? <p className="definition small">{p.definition}</p> : null}
            {custom.includes(p) ? (
              <div className="row small">
                <code className="pair-sql" title={p.a.sql}>
                  {p.a.label}: {p.a.sql}
                </code>
                <code className="pair-sql" title={p.b.sql}>
                  {p.b.label}: {p.b.sql}
                </code>
                <button type="button" className="small" onClick={() => onRemove(p.id)} disabled={disabled} aria-label={`Remove ${p.title}`}>
                  Remove
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {/* Folded while the lab's questions are there, so the results stay near the top. */}
      <details className="custom-pair-box" open={builtIn.length === 0}>
        <summary>Add your own pair (any two queries on this database)</summary>
        <CustomPairForm onAdd={onAdd} disabled={disabled} count={custom.length} />
      </details>
    </section>
  )
}
