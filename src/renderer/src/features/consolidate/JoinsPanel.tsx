import type { ReactNode } from 'react'
import type { CandidateTable, FanoutMeasure } from '../../../../shared/calls/consolidate'
import { addPath, removeJoin, setStrategy, updateJoin, type Plan, type StrategyInput } from './plan-edit'

function pathText(c: CandidateTable, i: number): string {
  const p = c.paths[i]
  if (!p) return c.table
  return p.hops.map((h, n) => `${n === 0 ? h.from : ''} ${h.direction === 'parent' ? '→' : '⇉'} ${h.to}`).join('')
}

/** Tables reachable from the base (with their paths) and the join steps already in the plan. */
export function JoinsPanel({ plan, candidates, fanout, onChange }: { plan: Plan; candidates: CandidateTable[]; fanout: FanoutMeasure[]; onChange: (p: Plan) => void }): ReactNode {
  const used = new Set((plan.joins ?? []).map((j) => j.table))
  return (
    <section className="wizard-panel" aria-label="Related tables">
      <h3>Related tables</h3>
      <p className="muted small">→ many-to-one (adds columns, keeps the grain) · ⇉ one-to-many (rows multiply unless aggregated)</p>
      <ul className="candidates" aria-label="Reachable tables">
        {candidates.map((c) => {
          const row = (i: number): ReactNode => {
            const p = c.paths[i]!
            return (
              <div key={i} className="candidate">
                <span className={`card-badge ${p.cardinality}`}>{p.cardinality === 'manyToOne' ? 'N:1' : '1:N'}</span>
                <span className="path" title={p.hops.map((h) => h.relationshipId).join(' · ')}>
                  {pathText(c, i)}
                  {p.hops.some((h) => h.origin === 'inferred') ? <span className="muted small"> (inferred)</span> : null}
                </span>
                <button type="button" onClick={() => onChange(addPath(plan, c, p))} aria-label={`Add ${c.table} via ${pathText(c, i)}`}>
                  {used.has(c.table) ? 'Add again' : 'Add'}
                </button>
              </div>
            )
          }
          // The shortest path first; longer ones (through other tables) on request.
          return (
            <li key={c.table}>
              {row(0)}
              {c.paths.length > 1 ? (
                <details className="more-paths">
                  <summary className="muted small">{c.paths.length - 1} longer path{c.paths.length > 2 ? 's' : ''}</summary>
                  {c.paths.slice(1).map((_, i) => row(i + 1))}
                </details>
              ) : null}
            </li>
          )
        })}
        {candidates.length === 0 ? <li className="muted">No table is related to this one (declared or accepted relationships).</li> : null}
      </ul>
      {(plan.joins ?? []).length ? <h3>Joins</h3> : null}
      <ol className="joins" aria-label="Joins">
        {(plan.joins ?? []).map((j) => {
          const m = fanout.find((f) => f.alias === j.alias)
          const strategy: StrategyInput = j.fanout ?? { strategy: 'rows' }
          return (
            <li key={j.alias} className="join" aria-label={`Join ${j.alias}`}>
              <div className="row">
                <strong>{j.alias}</strong>
                <span className="muted small">
                  {j.from}.{j.fromColumns.join(',')} = {j.alias}.{j.toColumns.join(',')}
                </span>
                <select aria-label={`Join type of ${j.alias}`} value={j.join ?? 'left'} onChange={(e) => onChange(updateJoin(plan, j.alias, { join: e.target.value as 'left' | 'inner' }))}>
                  <option value="left">LEFT JOIN</option>
                  <option value="inner">INNER JOIN</option>
                </select>
                <button type="button" className="link" onClick={() => onChange(removeJoin(plan, j.alias))} aria-label={`Remove ${j.alias}`}>
                  ×
                </button>
              </div>
              {j.direction === 'child' ? (
                <div className="row fanout">
                  <label>
                    Rows from {j.alias}
                    <select
                      aria-label={`Fan-out of ${j.alias}`}
                      value={strategy.strategy}
                      onChange={(e) => {
                        const s = e.target.value
                        onChange(setStrategy(plan, j.alias, s === 'aggregate' ? { strategy: 'aggregate' } : s === 'spread' ? { strategy: 'spread', count: 2, descending: false } : { strategy: 'rows' }))
                      }}
                    >
                      <option value="rows">One row per child (base rows repeat)</option>
                      <option value="aggregate">Aggregate into the base row</option>
                      <option value="spread">Spread the first N into columns</option>
                    </select>
                  </label>
                  {strategy.strategy === 'spread' ? (
                    <label>
                      N
                      <input type="number" min={1} max={50} value={strategy.count} aria-label={`Children spread from ${j.alias}`} onChange={(e) => onChange(setStrategy(plan, j.alias, { ...strategy, count: Math.max(1, Math.min(50, Number(e.target.value) || 1)) }))} />
                    </label>
                  ) : null}
                  {strategy.strategy !== 'rows' ? (
                    <label>
                      ordered by
                      <input
                        type="text"
                        aria-label={`Order children of ${j.alias} by`}
                        value={strategy.orderBy ?? ''}
                        placeholder="column"
                        onChange={(e) => {
                          const { orderBy: _o, ...rest } = strategy
                          onChange(setStrategy(plan, j.alias, e.target.value ? { ...rest, orderBy: e.target.value } : rest))
                        }}
                      />
                    </label>
                  ) : null}
                </div>
              ) : null}
              {m ? (
                <p className={`measure ${m.warning ? 'warn' : ''}`} role={m.warning ? 'alert' : undefined} data-testid={`fanout-${j.alias}`}>
                  {m.warning ? `⚠ ${m.warning} ` : ''}
                  {`${m.rowsBefore.toLocaleString()} → ${m.rowsIfJoined.toLocaleString()} rows if joined; ${m.rowsMultiplied.toLocaleString()} base rows multiply (up to ${m.maxMatches} matches each), ${m.rowsWithoutMatch.toLocaleString()} have no match`}
                </p>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
