import { useState, type FormEvent, type ReactNode } from 'react'
import type { DumpImportResult } from '../../../../shared/calls/dump'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { pickFile } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { DialogProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'
import { keepReport } from './report-store'
import './import.css'

const DUMP_FILTERS = [
  { name: 'SQL dumps', extensions: ['sql', 'gz', 'dump', 'txt'] },
  { name: 'All files', extensions: ['*'] },
]

type Dialect = 'auto' | 'mysql' | 'postgres' | 'sqlite'

/**
 * File > Open SQL Dump…: choose a dump (or get one dropped on the window), load
 * it into a new SQLite database or run it on a MySQL/MariaDB server, with
 * progress and Cancel; then open the result with its report.
 */
export function ImportDumpDialog({ onClose, arg }: DialogProps): ReactNode {
  const jobs = useJobs()
  const sources = useSources()
  const ws = useWorkspace()
  const [path, setPath] = useState(arg ?? '')
  const [dialect, setDialect] = useState<Dialect>('auto')
  const [strict, setStrict] = useState(false)
  const [target, setTarget] = useState<'sqlite' | 'mysql'>('sqlite')
  const [mysql, setMysql] = useState({ host: '127.0.0.1', port: '3306', user: 'root', password: '', database: '', stayInDatabase: true })
  const [busy, setBusy] = useState<string | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined

  async function choose(): Promise<void> {
    setError(null)
    try {
      setBusy(api.transport === 'bridge' ? 'Uploading the dump…' : null)
      const picked = await pickFile('Open SQL Dump', DUMP_FILTERS)
      if (picked) setPath(picked.path)
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(null)
    }
  }

  async function start(e?: FormEvent): Promise<void> {
    e?.preventDefault()
    if (!path.trim()) return setError(new AppError('BAD_ARGUMENT', 'Choose a dump file first', { field: 'path' }))
    setError(null)
    const name = path.split(/[\\/]/).pop() ?? path
    try {
      const args =
        target === 'sqlite'
          ? { path: path.trim(), dialect, strict }
          : {
              path: path.trim(),
              dialect,
              strict,
              target: {
                kind: 'mysql' as const,
                host: mysql.host,
                port: Number(mysql.port),
                user: mysql.user,
                database: mysql.database,
                stayInDatabase: mysql.stayInDatabase,
                ...(mysql.password ? { password: mysql.password } : {}),
              },
            }
      const started = await api.call('dump.import', args)
      setJobId(started.jobId)
      jobs.track(started.jobId, 'importDump', `Importing ${name}`)
      const result = await jobs.wait<DumpImportResult>(started.jobId)
      const reportId = keepReport(result.report)
      if (result.outputPath) {
        const summary = await sources.openSqlite(result.outputPath, false)
        ws.open({ kind: 'import-report', title: `Report: ${name}`, sourceId: summary.sourceId, params: { reportId } })
      } else {
        ws.open({ kind: 'import-report', title: `Report: ${name}`, params: { reportId } })
      }
      onClose()
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? new AppError('CANCELLED', 'Import cancelled; no database was created.') : (err as Error))
    } finally {
      setJobId(null)
    }
  }

  const field = (k: keyof typeof mysql, label: string, type = 'text'): ReactNode => (
    <label>
      {label}
      <input type={type} value={String(mysql[k])} onChange={(e) => setMysql((m) => ({ ...m, [k]: e.target.value }))} spellCheck={false} />
    </label>
  )

  return (
    <Modal title="Open SQL Dump" onClose={onClose}>
      <form className="import-form" onSubmit={(e) => void start(e)}>
        <p className="muted">MySQL/MariaDB dumps (mysqldump, phpMyAdmin, Workbench), PostgreSQL plain dumps (pg_dump), SQLite dumps and hand-written scripts; .sql or .sql.gz.</p>
        <div className="row">
          <button type="button" onClick={() => void choose()} disabled={busy !== null || jobId !== null}>
            Choose File…
          </button>
          <input type="text" aria-label="Dump file path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/dump.sql" spellCheck={false} className="grow" />
        </div>
        <div className="import-options">
          <label>
            Dialect
            <select value={dialect} onChange={(e) => setDialect(e.target.value as Dialect)}>
              <option value="auto">Detect automatically</option>
              <option value="mysql">MySQL / MariaDB</option>
              <option value="postgres">PostgreSQL</option>
              <option value="sqlite">SQLite</option>
            </select>
          </label>
          <label>
            Load into
            <select value={target} onChange={(e) => setTarget(e.target.value as 'sqlite' | 'mysql')}>
              <option value="sqlite">A new SQLite database (offline)</option>
              <option value="mysql">A MySQL/MariaDB server (runs natively)</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} /> Stop at the first error
          </label>
        </div>
        {target === 'mysql' ? (
          <fieldset className="import-mysql">
            <legend>MySQL/MariaDB server</legend>
            {field('host', 'Host')}
            {field('port', 'Port')}
            {field('user', 'User')}
            {field('password', 'Password', 'password')}
            {field('database', 'Database')}
            <label className="check">
              <input type="checkbox" checked={mysql.stayInDatabase} onChange={(e) => setMysql((m) => ({ ...m, stayInDatabase: e.target.checked }))} /> Ignore the dump's own CREATE DATABASE / USE
            </label>
          </fieldset>
        ) : null}
        <div className="row">
          <button type="submit" className="primary" disabled={busy !== null || jobId !== null || !path.trim()}>
            Import
          </button>
        </div>
      </form>
      {busy ? <p role="status">{busy}</p> : null}
      {running ? <JobProgressBar job={running} label="Importing" onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {jobId && !running ? <p role="status">Starting…</p> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </Modal>
  )
}
