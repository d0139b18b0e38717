import { useState, type FormEvent, type ReactNode } from 'react'
import type { ClinicGenerateJobResult } from '../../../../shared/calls/clinic'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import type { DialogProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'
import './lab.css'

/**
 * File > New Healthcare Lab Database…: generates the lab's ten OLTP tables
 * (deterministic by seed) into a new SQLite file, then opens the Lab tab.
 */
export function NewLabDialog({ onClose }: DialogProps): ReactNode {
  const jobs = useJobs()
  const sources = useSources()
  const ws = useWorkspace()
  const [form, setForm] = useState({ patients: '2000', encounters: '10000', seed: '42', readmission: '8' })
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined

  async function start(e: FormEvent): Promise<void> {
    e.preventDefault()
    setError(null)
    const n = (k: keyof typeof form): number => Number(form[k])
    for (const k of ['patients', 'encounters'] as const) {
      if (!Number.isInteger(n(k)) || n(k) < 1) return setError(new AppError('BAD_ARGUMENT', `${k} must be a whole number of at least 1`, { field: k }))
    }
    try {
      const started = await api.call('clinic.generate', {
        patients: n('patients'),
        encounters: n('encounters'),
        seed: Number.isInteger(n('seed')) ? n('seed') : 42,
        readmissionRate: Math.min(1, Math.max(0, n('readmission') / 100)),
      })
      setJobId(started.jobId)
      jobs.track(started.jobId, 'generateHealthcare', 'Generating the healthcare lab')
      const result = await jobs.wait<ClinicGenerateJobResult>(started.jobId)
      // Writable: the ETL builds the star schema in the same database.
      const summary = await sources.openSqlite(result.target, true)
      ws.open({ kind: 'lab', title: `Lab · ${summary.name}`, sourceId: summary.sourceId, params: {} })
      onClose()
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? new AppError('CANCELLED', 'Generation cancelled; no database was created.') : (err as Error))
    } finally {
      setJobId(null)
    }
  }

  const field = (k: keyof typeof form, label: string, help: string): ReactNode => (
    <label>
      {label}
      <input type="number" value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} />
      <span className="muted small">{help}</span>
    </label>
  )

  return (
    <Modal title="New Healthcare Lab Database" onClose={onClose}>
      <p>
        Generates the lab's normalized hospital database (patients, providers, encounters, diagnoses, procedures, billing) with realistic, repeatable data. Then build its star schema
        and compare the four business questions on both models.
      </p>
      <form className="lab-form" onSubmit={(e) => void start(e)}>
        {field('patients', 'Patients', 'ages, genders')}
        {field('encounters', 'Encounters', 'Outpatient, Inpatient, ER; seasonal')}
        {field('seed', 'Seed', 'the same seed gives the same data')}
        {field('readmission', 'Readmissions (%)', 'share of inpatient stays readmitted within 30 days')}
        <div className="row">
          <button type="submit" className="primary" disabled={jobId !== null}>
            Generate
          </button>
        </div>
      </form>
      {running ? <JobProgressBar job={running} label="Generating" onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </Modal>
  )
}
