import { useState, type ReactNode } from 'react'
import { useJobs } from '../jobs/jobs-store'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { sourceActions, tableActions } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources, type OpenSourceState } from './sources-store'

function countLabel(s: OpenSourceState, table: string, estimate: number | null): string {
  const exact = s.counts[table]
  if (exact !== undefined) return exact.toLocaleString()
  if (estimate !== null) return `~${estimate.toLocaleString()}`
  return '…'
}

/** Open sources with their tables and views, and row counts as they arrive. */
export function Sidebar({ onOpenDatabase }: { onOpenDatabase: () => void }): ReactNode {
  const { sources, activeSourceId, setActive, close } = useSources()
  const ws = useWorkspace()
  const jobs = useJobs()
  const [filter, setFilter] = useState('')

  if (sources.length === 0) {
    return (
      <nav className="sidebar empty" aria-label="Sources">
        <p className="muted">No database open.</p>
        <button type="button" onClick={onOpenDatabase}>
          Open Database…
        </button>
      </nav>
    )
  }

  return (
    <nav className="sidebar" aria-label="Sources">
      <input type="search" placeholder="Filter tables" aria-label="Filter tables" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {sources.map((s) => {
        const id = s.summary.sourceId
        const job = s.countJobId ? jobs.running.find((j) => j.jobId === s.countJobId) : undefined
        const tables = (s.schema?.tables ?? []).filter((t) => t.name.toLowerCase().includes(filter.toLowerCase()))
        return (
          <section key={id} className={`source ${id === activeSourceId ? 'active' : ''}`} aria-label={`Source ${s.summary.name}`} onClick={() => setActive(id)}>
            <header className="source-header">
              <span className="source-kind">{s.summary.kind === 'sqlite' ? 'SQLite' : 'MySQL'}</span>
              <strong title={s.summary.location}>{s.summary.name}</strong>
              {s.summary.readonly ? <span className="badge" title="Opened read-only">read-only</span> : null}
              <button
                type="button"
                className="link"
                aria-label={`Close ${s.summary.name}`}
                onClick={(e) => {
                  e.stopPropagation()
                  ws.closeForSource(id)
                  void close(id)
                }}
              >
                ×
              </button>
            </header>
            <div className="source-actions">
              {sourceActions.filter((a) => !a.kinds || a.kinds.includes(s.summary.kind)).map((a) => (
                <button key={a.id} type="button" onClick={() => ws.open(a.tab(id, s.summary.name))}>
                  {a.label}
                </button>
              ))}
            </div>
            {job ? <JobProgressBar job={job} label="Counting rows" onCancel={() => void jobs.cancel(job.jobId)} /> : null}
            {s.countError ? <p className="muted small" role="status">Row counts: {s.countError}</p> : null}
            {!s.schema ? <p className="muted">Reading schema…</p> : null}
            <ul className="table-list" aria-label={`Tables of ${s.summary.name}`}>
              {tables.map((t) => (
                <li key={t.name}>
                  <button
                    type="button"
                    className="table-item"
                    data-table={t.name}
                    onClick={() => ws.open({ kind: 'table', title: t.name, sourceId: id, params: { table: t.name } })}
                    title={`${t.kind} ${t.name}`}
                  >
                    <span className="table-icon" aria-hidden>
                      {t.kind === 'view' ? '◇' : '▦'}
                    </span>
                    <span className="table-name">{t.name}</span>
                    <span className="table-count" data-testid={`count-${t.name}`}>
                      {t.kind === 'view' ? 'view' : countLabel(s, t.name, t.rowCount)}
                    </span>
                  </button>
                  {tableActions.length ? (
                    <span className="table-actions">
                      {tableActions.map((a) => (
                        <button key={a.id} type="button" className="link small" onClick={() => ws.open(a.tab(id, t.name))} aria-label={`${a.label} ${t.name}`}>
                          {a.label}
                        </button>
                      ))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </nav>
  )
}
