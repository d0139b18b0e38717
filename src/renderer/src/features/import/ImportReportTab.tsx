import { useState, type ReactNode } from 'react'
import { api } from '../../api/client'
import { chooseSavePath } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import type { TabViewProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { getReport } from './report-store'
import './import.css'

/** What an import did: tables and rows, every skipped or failed statement with its line, the FK check. */
export function ImportReportTab({ tab }: TabViewProps): ReactNode {
  const report = getReport(tab.params.reportId ?? '')
  const ws = useWorkspace()
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  if (!report) return <p className="muted">This report is no longer available.</p>
  const fileName = report.file.split(/[\\/]/).pop() ?? report.file

  async function save(): Promise<void> {
    if (!report) return
    setError(null)
    const path = await chooseSavePath('Save import report', `${fileName}.import-report.txt`, [{ name: 'Text', extensions: ['txt'] }])
    if (!path) return
    try {
      setSaved((await api.call('dump.saveReport', { path, text: report.text })).path)
    } catch (err) {
      setError(err as Error)
    }
  }

  const failed = report.issues.filter((i) => i.kind === 'failed').length
  const skipped = report.issues.length - failed
  return (
    <div className="import-report" aria-label="Import report">
      <div className="toolbar">
        <strong>Import of {fileName}</strong>
        <span className="muted" data-testid="import-summary">
          {report.tables.length} tables · {report.rowsLoaded.toLocaleString()} rows · {report.statements.toLocaleString()} statements · {(report.durationMs / 1000).toFixed(1)} s · {report.dialect}
          {report.dialectDetected ? ' (detected)' : ''}
        </span>
        <button type="button" onClick={() => void save()}>
          Save as Text…
        </button>
      </div>
      {saved ? <p role="status">Saved to {saved}</p> : null}
      {error ? <ErrorBanner error={error} /> : null}
      <div className="report-body">
        <section aria-label="Tables loaded">
          <h3>Tables</h3>
          <table className="report-table">
            <thead>
              <tr>
                <th>Table</th>
                <th>Rows</th>
              </tr>
            </thead>
            <tbody>
              {report.tables.map((t) => (
                <tr key={t.name}>
                  <td>
                    {tab.sourceId ? (
                      <button type="button" className="link" onClick={() => ws.open({ kind: 'table', title: t.name, sourceId: tab.sourceId, params: { table: t.name } })}>
                        {t.name}
                      </button>
                    ) : (
                      t.name
                    )}
                  </td>
                  <td className="num">{t.rows.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.views.length ? <p>Views: {report.views.join(', ')}</p> : null}
        </section>
        <section aria-label="Checks">
          <h3>Checks</h3>
          <p data-testid="fk-check">
            Foreign keys:{' '}
            {!report.foreignKeyCheck.ran
              ? `not checked${report.foreignKeyCheck.error ? ` (${report.foreignKeyCheck.error})` : ''}`
              : report.foreignKeyCheck.violations === 0
                ? 'every reference resolves'
                : `${report.foreignKeyCheck.violations} rows reference missing parents`}
          </p>
          {report.warnings.map((w) => (
            <p key={w} className="warning">
              ⚠ {w}
            </p>
          ))}
          {Object.keys(report.ignored).length ? (
            <p className="muted">Ignored (no effect here): {Object.entries(report.ignored).map(([k, n]) => `${k} ×${n}`).join(', ')}</p>
          ) : null}
        </section>
        <section aria-label="Statements not applied">
          <h3>
            Statements not applied: {skipped} skipped, {failed} failed
            {report.issuesOmitted ? ` (and ${report.issuesOmitted} more)` : ''}
          </h3>
          {report.issues.length ? (
            <table className="report-table issues">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>What</th>
                  <th>Statement</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, n) => (
                  <tr key={n} className={i.kind}>
                    <td className="num">{i.line}</td>
                    <td>{i.kind}</td>
                    <td>
                      <code>{i.statement}</code>
                    </td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">Every statement was applied.</p>
          )}
        </section>
      </div>
    </div>
  )
}
