import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { ClinicEtlJobResult, ClinicEtlRun, ClinicQuestionInfo, ClinicQuestionResult } from '../../../../shared/calls/clinic'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { TabViewProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'
import './lab.css'

function Question({ sourceId, q, ready }: { sourceId: string; q: ClinicQuestionInfo; ready: boolean }): ReactNode {
  const [result, setResult] = useState<ClinicQuestionResult | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  async function run(): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      setResult(await api.call('clinic.runQuestion', { sourceId, questionId: q.id }))
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="question" aria-label={q.title}>
      <header className="row">
        <h3>{q.title}</h3>
        <button type="button" onClick={() => void run()} disabled={busy || !ready} aria-label={`Run ${q.title}`}>
          {busy ? 'Running…' : 'Run both forms'}
        </button>
      </header>
      <p className="definition">{q.definition}</p>
      {error ? <ErrorBanner error={error} /> : null}
      {result ? (
        <>
          <p className={result.equal ? 'agree' : 'disagree'} data-testid={`agree-${q.id}`}>
            {result.equal ? '✓ OLTP and star forms agree' : '✗ The two forms differ'} · {result.rows.length.toLocaleString()} rows · OLTP {result.oltpMs.toFixed(1)} ms · star {result.starMs.toFixed(1)} ms
          </p>
          {result.differences.length ? (
            <ul className="differences">
              {result.differences.slice(0, 10).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
          <div className="result-table">
            <table>
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, 12).map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j}>{v === null ? <span className="null-marker">NULL</span> : String(v)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {result.rows.length > 12 ? <p className="muted small">First 12 of {result.rows.length.toLocaleString()} rows.</p> : null}
          </div>
        </>
      ) : null}
    </section>
  )
}

/** The healthcare lab on one database: build the star with the ETL, then ask the four questions of both models. */
export function LabTab({ tab }: TabViewProps): ReactNode {
  const sourceId = tab.sourceId ?? ''
  const jobs = useJobs()
  const ws = useWorkspace()
  const { sources, refreshSchema } = useSources()
  const src = sources.find((s) => s.summary.sourceId === sourceId)
  const [questions, setQuestions] = useState<ClinicQuestionInfo[]>([])
  const [runs, setRuns] = useState<ClinicEtlRun[]>([])
  const [jobId, setJobId] = useState<string | null>(null)
  const [last, setLast] = useState<ClinicEtlJobResult | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined
  const hasStar = (src?.schema?.tables ?? []).some((t) => t.name === 'fact_encounters')

  const loadRuns = useCallback(() => {
    void api
      .call('clinic.etlRuns', { sourceId })
      .then(setRuns)
      .catch(() => setRuns([]))
  }, [sourceId])

  useEffect(() => {
    void api.call('clinic.questions', {}).then(setQuestions)
    loadRuns()
  }, [loadRuns])

  async function etl(mode: 'full' | 'incremental'): Promise<void> {
    setError(null)
    try {
      const started = await api.call('clinic.etl', { sourceId, mode })
      setJobId(started.jobId)
      jobs.track(started.jobId, 'etl', `ETL (${mode})`)
      setLast(await jobs.wait<ClinicEtlJobResult>(started.jobId))
      await refreshSchema(sourceId)
      loadRuns()
    } catch (err) {
      setError(err as Error)
    } finally {
      setJobId(null)
    }
  }

  if (!src) return <p className="muted">This source is closed.</p>
  return (
    <div className="lab">
      <div className="toolbar" role="toolbar" aria-label="Lab">
        <strong>Healthcare lab · {src.summary.name}</strong>
        <button type="button" className="primary" onClick={() => void etl('full')} disabled={jobId !== null || src.summary.readonly}>
          Build Star Schema (full ETL)
        </button>
        <button type="button" onClick={() => void etl('incremental')} disabled={jobId !== null || !hasStar || src.summary.readonly}>
          Incremental ETL
        </button>
        <button type="button" onClick={() => ws.open({ kind: 'er', title: `ER · ${src.summary.name}`, sourceId, params: {} })} disabled={!hasStar}>
          Star Schema in ER Graph
        </button>
        <button type="button" onClick={() => ws.open({ kind: 'bench', title: `Benchmark · ${src.summary.name}`, sourceId, params: {} })}>
          Benchmark OLTP vs Star
        </button>
        {src.summary.readonly ? <span className="muted">Opened read-only: reopen with changes allowed to run the ETL.</span> : null}
      </div>
      {running ? <JobProgressBar job={running} label="ETL" onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="lab-body">
        <section aria-label="ETL runs" className="etl-runs">
          <h3>ETL runs</h3>
          {last ? (
            <p role="status" data-testid="etl-done">
              {last.mode === 'full' ? 'Full' : 'Incremental'} load done in {last.seconds.toFixed(1)} s: {Object.entries(last.rows).map(([t, n]) => `${t} ${n.toLocaleString()}`).join(', ')}
            </p>
          ) : null}
          {runs.length ? (
            <table>
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Mode</th>
                  <th>Status</th>
                  <th>Started</th>
                  <th>Rows</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.runId}>
                    <td>{r.runId}</td>
                    <td>{r.mode}</td>
                    <td>{r.status}</td>
                    <td>{r.startedAt}</td>
                    <td className="small">{Object.entries(r.rows).map(([t, n]) => `${t}: ${n}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No ETL run yet: build the star schema first.</p>
          )}
        </section>
        <h2>The four business questions</h2>
        {!hasStar ? <p className="muted">Build the star schema to ask the questions of both models.</p> : null}
        {questions.map((q) => (
          <Question key={q.id} sourceId={sourceId} q={q} ready={hasStar} />
        ))}
      </div>
    </div>
  )
}
