import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CopyToSqliteResult } from '../../../../shared/calls/connections'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { chooseSavePath } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { TabViewProps } from '../shell/registry'
import { useSources } from '../sources/sources-store'
import './connections.css'

const SQLITE_FILTERS = [{ name: 'SQLite databases', extensions: ['sqlite', 'db'] }]

/** The last copy job of each source: a tab shows only while active, so coming back picks up its progress or result. */
const lastJob = new Map<string, string>()

/**
 * Copy a MySQL/MariaDB source (all tables, or the ones ticked) into a new
 * SQLite file for offline work: a job with progress and Cancel, then an offer
 * to open the copy. The file appears only when the copy is complete.
 */
export function CopyToSqliteTab({ tab }: TabViewProps): ReactNode {
  const sources = useSources()
  const jobs = useJobs()
  const source = sources.sources.find((s) => s.summary.sourceId === tab.sourceId)
  const tables = useMemo(() => (source?.schema?.tables ?? []).filter((t) => t.kind === 'table').map((t) => t.name), [source?.schema])
  const [unticked, setUnticked] = useState<Set<string>>(new Set())
  const [replace, setReplace] = useState(false)
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<CopyToSqliteResult | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [opening, setOpening] = useState(false)

  const follow = useCallback(
    async (id: string) => {
      setJobId(id)
      try {
        setResult(await jobs.wait<CopyToSqliteResult>(id))
      } catch (err) {
        setError(err instanceof AppError && err.code === 'CANCELLED' ? new AppError('CANCELLED', 'Copy cancelled; no file was written.') : (err as Error))
      } finally {
        setJobId(null)
      }
    },
    [jobs],
  )

  const sourceId = tab.sourceId
  useEffect(() => {
    const id = sourceId ? lastJob.get(sourceId) : undefined
    if (id) void follow(id)
    // Once per mount: the job of an earlier visit to this tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId])

  if (!source) return <p className="copy-sqlite muted">The source of this tab is closed.</p>
  const name = source.summary.name
  if (source.summary.kind !== 'mysql') {
    return (
      <div className="copy-sqlite">
        <h2>Copy to SQLite</h2>
        <p className="muted">“{name}” is already a SQLite database; Copy to SQLite reads MySQL/MariaDB sources.</p>
      </div>
    )
  }

  const chosen = tables.filter((t) => !unticked.has(t))
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined

  function toggle(t: string, on: boolean): void {
    setUnticked((prev) => {
      const next = new Set(prev)
      if (on) next.delete(t)
      else next.add(t)
      return next
    })
  }

  async function start(): Promise<void> {
    setError(null)
    setResult(null)
    try {
      const output = await chooseSavePath(`Copy ${name} to SQLite`, `${name}.sqlite`, SQLITE_FILTERS)
      if (!output) return
      // The native save dialog has already asked before replacing a file; the browser prompt has not.
      const overwrite = api.transport === 'ipc' || replace
      const all = chosen.length === tables.length
      const started = await api.call('connections.copyToSqlite', {
        sourceId: source!.summary.sourceId,
        output,
        overwrite,
        ...(all ? {} : { tables: chosen }),
      })
      jobs.track(started.jobId, 'copyToSqlite', `Copying ${name} to SQLite`)
      lastJob.set(source!.summary.sourceId, started.jobId)
      await follow(started.jobId)
    } catch (err) {
      setError(err as Error)
    }
  }

  async function openCopy(path: string): Promise<void> {
    setOpening(true)
    setError(null)
    try {
      await sources.openSqlite(path)
    } catch (err) {
      setError(err as Error)
    } finally {
      setOpening(false)
    }
  }

  const busy = jobId !== null
  return (
    <div className="copy-sqlite">
      <h2>Copy “{name}” to SQLite</h2>
      <p className="muted">
        Tables with their keys, indexes and rows, and the views SQLite can read, go into a new SQLite file for offline work. The file appears only when the copy is
        complete; Cancel leaves nothing behind.
      </p>
      {!source.schema ? <p className="muted">Reading the table list…</p> : null}
      <fieldset className="copy-tables" disabled={busy}>
        <legend>
          Tables ({chosen.length} of {tables.length})
        </legend>
        {tables.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={!unticked.has(t)} onChange={(e) => toggle(t, e.target.checked)} aria-label={`Copy table ${t}`} />
            {t}
            {source.counts[t] !== undefined ? <span className="muted small">{source.counts[t].toLocaleString()}</span> : null}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" onClick={() => setUnticked(new Set())} disabled={busy}>
          All Tables
        </button>
        <button type="button" onClick={() => setUnticked(new Set(tables))} disabled={busy}>
          None
        </button>
        {api.transport === 'bridge' ? (
          <label className="check">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={busy} />
            Replace the file if it exists
          </label>
        ) : null}
        <button type="button" className="primary" onClick={() => void start()} disabled={busy || chosen.length === 0}>
          Copy to SQLite…
        </button>
      </div>
      {busy && running ? (
        <JobProgressBar job={running} label={`Copying ${name}`} onCancel={() => void jobs.cancel(running.jobId)} />
      ) : busy ? (
        <p role="status">Starting…</p>
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {result ? (
        <div className="copy-result" role="status" aria-label="Copy result">
          <p>
            Copied {result.tables.length} tables and {result.rows.toLocaleString()} rows{result.views.length ? `, ${result.views.length} views` : ''} to{' '}
            <code>{result.output}</code>.
          </p>
          {result.skipped.length ? (
            <>
              <p className="muted">Left out:</p>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s} className="small">
                    {s}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" className="primary" onClick={() => void openCopy(result.output)} disabled={opening}>
            Open the Copy
          </button>
        </div>
      ) : null}
    </div>
  )
}
