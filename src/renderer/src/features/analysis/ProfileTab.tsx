import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ProfileResult } from '../../../../shared/calls/profile'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { downloadBlob } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { TabViewProps } from '../shell/registry'
import { ColumnCard } from './ColumnCard'
import { fileStem } from './chart-export'
import { csvField } from './chart-csv'
import { columnChart, formatNumber } from './profile-charts'
import { TargetPicker, targetLabel, targetOf } from './TargetPicker'
import { useChartExports } from './use-chart-exports'
import './analysis.css'

/** Tabs unmount when inactive: keep each tab's running job and result so coming back shows them. */
const memory = new Map<string, { jobId: string | null; result: ProfileResult | null }>()
/** The sample option per tab, so the checkbox matches the result shown when the user comes back. */
const sampleMemory = new Map<string, { on: boolean; rows: number }>()

function profileCsv(r: ProfileResult): string {
  const head = ['column', 'declared_type', 'kind', 'rows', 'nulls', 'null_share', 'distinct', 'min', 'max', 'mean', 'median', 'stddev', 'outliers']
  const q = (v: string | number | null | undefined): string => csvField(v ?? null)
  const rows = r.columns.map((c) => {
    const min = c.number?.min ?? c.datetime?.min ?? (typeof c.min === 'string' || typeof c.min === 'number' ? c.min : null)
    const max = c.number?.max ?? c.datetime?.max ?? (typeof c.max === 'string' || typeof c.max === 'number' ? c.max : null)
    return [c.name, c.declaredType, c.kind, c.rows, c.nulls, c.nullShare, c.distinct, min, max, c.number?.mean, c.number?.median, c.number?.stddev, c.outliers?.count ?? null].map(q).join(',')
  })
  return `${[head.join(','), ...rows].join('\r\n')}\r\n`
}

/**
 * Profile of a table, view or SELECT: runs `profile.start` as a job (progress,
 * Cancel), then shows one card per column with its statistics and a small chart.
 */
export function ProfileTab({ tab }: TabViewProps): ReactNode {
  const target = targetOf(tab)
  const jobs = useJobs()
  const kept = memory.get(tab.id)
  const [jobId, setJobId] = useState<string | null>(kept?.jobId ?? null)
  const [result, setResult] = useState<ProfileResult | null>(kept?.result ?? null)
  const [error, setError] = useState<Error | null>(null)
  const [sampling, setSampling] = useState(sampleMemory.get(tab.id)?.on ?? false)
  const [sampleRows, setSampleRows] = useState(sampleMemory.get(tab.id)?.rows ?? 1000)
  useEffect(() => {
    sampleMemory.set(tab.id, { on: sampling, rows: sampleRows })
  }, [tab.id, sampling, sampleRows])

  const follow = useCallback(
    (id: string) => {
      jobs
        .wait<ProfileResult>(id)
        .then((r) => {
          memory.set(tab.id, { jobId: null, result: r })
          setResult(r)
        })
        .catch((e: unknown) => {
          memory.set(tab.id, { jobId: null, result: null })
          setError(e instanceof AppError && e.code === 'CANCELLED' ? new AppError('CANCELLED', 'The profile was cancelled; nothing was kept.') : (e as Error))
        })
        .finally(() => setJobId(null))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- jobs.wait is stable in behaviour; the object changes with progress
    [tab.id],
  )

  const start = useCallback(async () => {
    if (!target || !tab.sourceId) return
    setError(null)
    setResult(null)
    try {
      const { jobId: id } = await api.call('profile.start', { sourceId: tab.sourceId, target, ...(sampling ? { sample: { rows: sampleRows } } : {}) })
      jobs.track(id, 'profile', `Profile ${targetLabel(target)}`)
      memory.set(tab.id, { jobId: id, result: null })
      setJobId(id)
      follow(id)
    } catch (e) {
      setError(e as Error)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- target is derived from tab.params
  }, [tab.id, tab.sourceId, JSON.stringify(target), sampling, sampleRows, follow])

  // First visit: profile at once. Coming back to a running job: keep following it.
  useEffect(() => {
    if (!target) return
    const now = memory.get(tab.id)
    if (now?.jobId) follow(now.jobId)
    else if (!now) {
      memory.set(tab.id, { jobId: null, result: null })
      void start()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the tab (or its target) changes
  }, [tab.id, JSON.stringify(target)])

  const charts = useMemo(
    () => (result?.columns ?? []).flatMap((c) => {
      const data = columnChart(c)
      return data ? [{ id: `col:${c.name}`, data }] : []
    }),
    [result],
  )
  const chartRef = useChartExports(
    tab.id,
    charts,
    result
      ? [{ id: 'profile-csv', label: 'Profile — CSV', description: 'one row per column with its statistics', run: async () => downloadBlob(new Blob([profileCsv(result)], { type: 'text/csv' }), `${fileStem(`profile ${targetLabel(result.target)}`)}.csv`) }]
      : [],
  )

  if (!target) return <TargetPicker tab={tab} what="profile" />
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined
  return (
    <div className="analysis-tab profile-tab" aria-label={`Profile of ${targetLabel(target)}`}>
      <div className="analysis-controls" role="group" aria-label="Profile options">
        <label>
          <input type="checkbox" checked={sampling} onChange={(e) => setSampling(e.target.checked)} /> Sample
        </label>
        <label>
          <input
            type="number"
            aria-label="Sample size in rows"
            min={1}
            step={100}
            value={sampleRows}
            disabled={!sampling}
            onChange={(e) => setSampleRows(Math.max(1, Number(e.target.value) || 1))}
          />{' '}
          rows
        </label>
        <button type="button" onClick={() => void start()} disabled={jobId !== null}>
          {result ? 'Profile again' : 'Run profile'}
        </button>
        {'sql' in target ? <code className="muted small analysis-sql-text">{target.sql}</code> : null}
      </div>
      {jobId ? (
        running ? (
          <JobProgressBar job={running} label={`Profiling ${targetLabel(target)}`} onCancel={() => void jobs.cancel(jobId)} />
        ) : (
          <p role="status">Profiling {targetLabel(target)}…</p>
        )
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {result ? (
        <>
          <p className="profile-summary" role="status" data-testid="profile-summary">
            {result.sample ? (
              <strong className="sample-label">
                Sample: {formatNumber(result.sample.rows)} random rows (asked for {formatNumber(result.sample.requested)}) — every number describes the sample only.{' '}
              </strong>
            ) : null}
            {formatNumber(result.rowCount)} rows · {result.columns.length} columns · {result.sourceName} · {formatNumber(result.elapsedMs)} ms
            <span className="muted small"> · std dev: {result.method.stddev}; outliers: {result.method.outliers}</span>
          </p>
          <div className="column-grid">
            {result.columns.map((c) => (
              <ColumnCard key={c.name} col={c} onChart={chartRef(`col:${c.name}`)} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  )
}
