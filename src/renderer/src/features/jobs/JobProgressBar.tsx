import type { ReactNode } from 'react'
import type { JobProgress } from '../../../../shared/jobs'

function formatAmount(n: number, unit: JobProgress['unit']): string {
  if (unit === 'bytes') {
    if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(2)} GB`
    if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`
    if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KB`
    return `${n} B`
  }
  return `${Math.round(n).toLocaleString()} ${unit}`
}

function formatEta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return ''
  if (s < 1) return 'less than a second left'
  if (s < 90) return `${Math.round(s)} s left`
  return `${Math.round(s / 60)} min left`
}

export function JobProgressBar({ job, label, onCancel }: { job: JobProgress; label?: string; onCancel?: () => void }): ReactNode {
  const pct = job.total ? Math.min(100, (job.done / job.total) * 100) : null
  return (
    <div className="job" role="group" aria-label={`Job ${label ?? job.kind}`} data-testid="job-progress">
      <div className="job-text">
        <strong>{label ?? job.kind}</strong> <span className="muted">{job.phase}</span>
        {job.message ? <span className="muted"> · {job.message}</span> : null}
      </div>
      <progress max={100} value={pct ?? undefined} aria-label={`${label ?? job.kind} progress`} />
      <div className="job-text muted">
        {formatAmount(job.done, job.unit)}
        {job.total ? ` of ${formatAmount(job.total, job.unit)}` : ''}
        {job.rate ? ` · ${formatAmount(job.rate, job.unit)}/s` : ''} {formatEta(job.etaSeconds)}
      </div>
      {onCancel ? (
        <button type="button" onClick={onCancel} data-testid="job-cancel">
          Cancel
        </button>
      ) : null}
    </div>
  )
}
