import { useMemo, useState, type ReactNode } from 'react'
import { DEFAULT_SWEEP_SIZES, type SweepResult } from '../../../../shared/calls/bench'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import type { ThemeColors } from '../analysis/theme-colors'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import { BenchChart } from './BenchChart'
import { parseSizes } from './bench-format'
import { SWEEP_TITLE, sweepChart, type Chart } from './bench-charts'

export interface SweepSectionProps {
  sweep: SweepResult | null
  onSweep(result: SweepResult | null): void
  colors: ThemeColors
  chartRef: { current: Chart | null }
  onExportPng(): void
  onExportCsv(): void
  onExportReport(): void
}

/**
 * The scale sweep: generate the lab at each size, rebuild the star and
 * benchmark, then plot each question's time against size on log-log axes.
 */
export function SweepSection({ sweep, onSweep, colors, chartRef, onExportPng, onExportCsv, onExportReport }: SweepSectionProps): ReactNode {
  const jobs = useJobs()
  const [sizes, setSizes] = useState(DEFAULT_SWEEP_SIZES.join(', '))
  const [runs, setRuns] = useState(5)
  const [warmups, setWarmups] = useState(1)
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined
  const config = useMemo(() => (sweep ? sweepChart(sweep, colors) : null), [sweep, colors])

  async function start(): Promise<void> {
    setError(null)
    setCancelled(false)
    try {
      const list = parseSizes(sizes)
      const started = await api.call('bench.sweep', { engine: 'sqlite', sizes: list, runs, warmups })
      setJobId(started.jobId)
      jobs.track(started.jobId, 'benchmarkSweep', 'Scale sweep')
      onSweep(await jobs.wait<SweepResult>(started.jobId))
    } catch (err) {
      if (err instanceof AppError && err.code === 'CANCELLED') setCancelled(true)
      else setError(err as Error)
    } finally {
      setJobId(null)
    }
  }

  return (
    <section className="bench-sweep" aria-label="Scale sweep">
      <h3>Scale sweep</h3>
      <p className="muted small">
        Generates a fresh SQLite lab at each size (patients = 20% of encounters), builds the star with the ETL and benchmarks the four questions. Large sizes take minutes: start small.
      </p>
      <div className="row">
        <label className="field">
          Encounters per size
          <input type="text" value={sizes} onChange={(e) => setSizes(e.target.value)} aria-label="Sweep sizes" size={34} disabled={jobId !== null} />
        </label>
        <label className="field">
          Runs
          <input type="number" min={1} max={1000} value={runs} onChange={(e) => setRuns(Math.max(1, Number(e.target.value) || 1))} aria-label="Sweep runs" disabled={jobId !== null} />
        </label>
        <label className="field">
          Warm-ups
          <input type="number" min={0} max={100} value={warmups} onChange={(e) => setWarmups(Math.max(0, Number(e.target.value) || 0))} aria-label="Sweep warm-ups" disabled={jobId !== null} />
        </label>
        <button type="button" onClick={() => void start()} disabled={jobId !== null}>
          Run sweep
        </button>
      </div>
      {running ? <JobProgressBar job={running} label="Scale sweep" onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {cancelled ? (
        <p className="bench-note" role="status">
          Sweep cancelled: its scratch databases are removed and nothing is reported.
        </p>
      ) : null}
      {sweep && config ? (
        <>
          <div className="row" role="toolbar" aria-label="Sweep exports">
            <span className="muted small">
              {sweep.engine.version} · sizes {sweep.sizes.map((n) => n.toLocaleString()).join(', ')}
            </span>
            <button type="button" className="small" onClick={onExportPng}>
              Sweep chart PNG
            </button>
            <button type="button" className="small" onClick={onExportCsv}>
              Sweep CSV
            </button>
            <button type="button" className="small" onClick={onExportReport}>
              Sweep report
            </button>
          </div>
          <BenchChart config={config} label={SWEEP_TITLE} height={440} chartRef={chartRef} />
        </>
      ) : null}
    </section>
  )
}
