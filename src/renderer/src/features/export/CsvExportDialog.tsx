import './export.css'
import { useState, type ReactNode } from 'react'
import { csvOptionsSchema, type CsvExportResult, type CsvOptions } from '../../../../shared/calls/export'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { chooseSavePath } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { CsvExportRequest } from './csv-export-store'

const OPTIONS_KEY = 'sonograph.csvOptions'

function loadOptions(): CsvOptions {
  try {
    const parsed = csvOptionsSchema.safeParse(JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? '{}'))
    if (parsed.success) return parsed.data
  } catch {
    // fall through to the defaults
  }
  return csvOptionsSchema.parse({})
}

const DELIMITERS: [string, string][] = [
  [',', 'Comma ,'],
  [';', 'Semicolon ;'],
  ['\t', 'Tab'],
  ['|', 'Pipe |'],
]

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

/**
 * CSV options (RFC 4180 by default), then a streaming export job with progress
 * and Cancel. The file is written under a temporary name and renamed at the
 * end, so a cancelled export leaves nothing.
 */
export function CsvExportDialog({ request, onClose }: { request: CsvExportRequest; onClose: () => void }): ReactNode {
  const jobs = useJobs()
  const [opts, setOpts] = useState<CsvOptions>(loadOptions)
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<CsvExportResult | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined
  const set = <K extends keyof CsvOptions>(k: K, v: CsvOptions[K]): void => setOpts((o) => ({ ...o, [k]: v }))

  async function start(): Promise<void> {
    setError(null)
    setResult(null)
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(opts))
    const path = await chooseSavePath(`Export ${request.label} as CSV`, request.defaultName, [{ name: 'CSV', extensions: ['csv'] }])
    if (!path) return
    try {
      const { jobId: id } = await api.call('export.csv', { sourceId: request.sourceId, what: request.what, path, options: opts })
      setJobId(id)
      jobs.track(id, 'exportCsv', `Exporting ${request.label}`)
      setResult(await jobs.wait<CsvExportResult>(id))
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? new AppError('CANCELLED', 'Export cancelled; no file was written.') : (err as Error))
    } finally {
      setJobId(null)
    }
  }

  return (
    <Modal title={`Export ${request.label} as CSV`} onClose={onClose}>
      <form
        className="csv-options"
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <label>
          Delimiter
          <select value={opts.delimiter} onChange={(e) => set('delimiter', e.target.value)}>
            {DELIMITERS.map(([v, label]) => (
              <option key={label} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={opts.header} onChange={(e) => set('header', e.target.checked)} /> Header row
        </label>
        <label>
          Quoting
          <select value={opts.quoting} onChange={(e) => set('quoting', e.target.value as CsvOptions['quoting'])}>
            <option value="minimal">Only where needed</option>
            <option value="all">Every value</option>
          </select>
        </label>
        <label>
          Line ending
          <select value={opts.lineEnding} onChange={(e) => set('lineEnding', e.target.value as CsvOptions['lineEnding'])}>
            <option value="crlf">CRLF (RFC 4180, Windows)</option>
            <option value="lf">LF (Unix)</option>
          </select>
        </label>
        <label>
          Encoding
          <select value={opts.encoding} onChange={(e) => set('encoding', e.target.value as CsvOptions['encoding'])}>
            <option value="utf8">UTF-8</option>
            <option value="utf8bom">UTF-8 with BOM (Excel)</option>
            <option value="utf16le">UTF-16LE</option>
          </select>
        </label>
        <label>
          NULL written as
          <input type="text" value={opts.nullText} onChange={(e) => set('nullText', e.target.value)} placeholder="(nothing)" maxLength={20} aria-label="NULL written as" />
        </label>
        <label>
          Empty text written as
          <select value={opts.emptyString} onChange={(e) => set('emptyString', e.target.value as CsvOptions['emptyString'])}>
            <option value="quoted">"" (distinct from NULL)</option>
            <option value="bare">nothing</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={opts.dates === 'iso'} onChange={(e) => set('dates', e.target.checked ? 'iso' : 'asStored')} /> ISO 8601 date-times (T separator)
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={jobId !== null}>
            Export…
          </button>
        </div>
      </form>
      {running ? <JobProgressBar job={running} label={`Exporting ${request.label}`} onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {result ? (
        <p role="status" data-testid="csv-export-done">
          Wrote {result.rows.toLocaleString()} rows ({formatBytes(result.bytes)}) to <code>{result.path}</code>
        </p>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
    </Modal>
  )
}
