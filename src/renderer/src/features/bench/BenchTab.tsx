import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { BenchmarkResult, QueryPair, SweepResult } from '../../../../shared/calls/bench'
import { AppError } from '../../../../shared/errors'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useThemeColors } from '../analysis/theme-colors'
import { JobProgressBar } from '../jobs/JobProgressBar'
import { useJobs } from '../jobs/jobs-store'
import { useTabExports, type ExportOption } from '../shell/export-registry'
import type { TabViewProps } from '../shell/registry'
import { useSources } from '../sources/sources-store'
import { chartPng } from './BenchChart'
import { BenchResults } from './BenchResults'
import { MEDIANS_TITLE, SWEEP_TITLE, type Chart } from './bench-charts'
import { saveReport, saveResultsCsv } from './bench-exports'
import { MismatchReport } from './MismatchReport'
import { PairPicker } from './PairPicker'
import { SweepSection } from './SweepSection'
import './bench.css'

function clampInt(text: string, min: number, max: number): number {
  const n = Math.round(Number(text))
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min
}

/**
 * The benchmark screen on one source: choose pairs (the lab's OLTP-vs-star
 * questions and your own), run them as a job, and read medians with error
 * bars, speedups with intervals, plans, and a scale sweep; export it all.
 */
export function BenchTab({ tab }: TabViewProps): ReactNode {
  const sourceId = tab.sourceId ?? ''
  const jobs = useJobs()
  const colors = useThemeColors()
  const { sources } = useSources()
  const src = sources.find((s) => s.summary.sourceId === sourceId)
  const tablesKey = (src?.schema?.tables ?? []).map((t) => t.name).join('\n')

  const [builtIn, setBuiltIn] = useState<QueryPair[]>([])
  const [custom, setCustom] = useState<QueryPair[]>([])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const seen = useRef(new Set<string>())
  const [runs, setRuns] = useState(10)
  const [warmups, setWarmups] = useState(2)
  const [cold, setCold] = useState(false)
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<BenchmarkResult | null>(null)
  const [mismatch, setMismatch] = useState<AppError | null>(null)
  const [sweep, setSweep] = useState<SweepResult | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const medians = useRef<Chart | null>(null)
  const sweepChartRef = useRef<Chart | null>(null)
  const running = jobId ? jobs.running.find((j) => j.jobId === jobId) : undefined
  const outcome = useRef<HTMLDivElement>(null)
  const name = src?.summary.name ?? 'source'

  // Reload the built-in questions when the tables change (the ETL just built the star).
  useEffect(() => {
    if (!sourceId) return
    api
      .call('bench.questions', { sourceId })
      .then((qs) => {
        setBuiltIn(qs)
        const fresh = qs.filter((q) => !seen.current.has(q.id))
        fresh.forEach((q) => seen.current.add(q.id))
        if (fresh.length) setSelected((prev) => new Set([...prev, ...fresh.map((q) => q.id)]))
      })
      .catch((err: unknown) => setError(err as Error))
  }, [sourceId, tablesKey])

  // A finished run (results or a mismatch) scrolls into view: it lands below the list of pairs.
  useEffect(() => {
    if (result || mismatch) outcome.current?.scrollIntoView({ block: 'start' })
  }, [result, mismatch])

  function toggle(id: string, on: boolean): void {
    setSelected((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }

  async function run(): Promise<void> {
    setError(null)
    setMismatch(null)
    setCancelled(false)
    const pairs: (string | QueryPair)[] = [...builtIn.filter((p) => selected.has(p.id)).map((p) => p.id), ...custom.filter((p) => selected.has(p.id))]
    if (!pairs.length) {
      setError(new AppError('BAD_ARGUMENT', 'Choose at least one pair to benchmark', { field: 'pairs' }))
      return
    }
    setResult(null)
    try {
      const started = await api.call('bench.run', { sourceId, pairs, runs, warmups, cold })
      setJobId(started.jobId)
      jobs.track(started.jobId, 'benchmark', `Benchmark · ${name}`)
      setResult(await jobs.wait<BenchmarkResult>(started.jobId))
    } catch (err) {
      if (err instanceof AppError && err.code === 'MISMATCH') setMismatch(err)
      else if (err instanceof AppError && err.code === 'CANCELLED') setCancelled(true)
      else setError(err as Error)
    } finally {
      setJobId(null)
    }
  }

  function guarded(fn: () => Promise<void>): () => Promise<void> {
    return () => fn().catch((err: unknown) => setError(err as Error))
  }
  const stem = `benchmark ${name}`
  const exportMediansPng = guarded(() => chartPng(medians.current, `${stem} medians`))
  const exportCsv = guarded(async () => (result ? saveResultsCsv(result, `${stem} timings`) : undefined))
  const exportReport = guarded(async () => (result ? saveReport(result, `${stem} report`) : undefined))
  const exportSweepPng = guarded(() => chartPng(sweepChartRef.current, 'benchmark sweep'))
  const exportSweepCsv = guarded(async () => (sweep ? saveResultsCsv(sweep, 'benchmark sweep timings') : undefined))
  const exportSweepReport = guarded(async () => (sweep ? saveReport(sweep, 'benchmark sweep report') : undefined))

  const exports: ExportOption[] = []
  if (result) {
    exports.push(
      { id: 'bench-png', label: 'Benchmark chart — PNG', description: MEDIANS_TITLE, run: exportMediansPng },
      { id: 'bench-csv', label: 'Benchmark timings — CSV', description: 'one row per timed run', run: exportCsv },
      { id: 'bench-report', label: 'Benchmark report — Markdown', description: 'machine, engine, data sizes, settings and results', run: exportReport },
    )
  }
  if (sweep) {
    exports.push(
      { id: 'sweep-png', label: 'Sweep chart — PNG', description: SWEEP_TITLE, run: exportSweepPng },
      { id: 'sweep-csv', label: 'Sweep timings — CSV', run: exportSweepCsv },
      { id: 'sweep-report', label: 'Sweep report — Markdown', run: exportSweepReport },
    )
  }
  useTabExports(tab.id, exports)

  if (!src) return <p className="muted">This source is closed.</p>
  const busy = jobId !== null
  return (
    <div className="bench">
      <div className="toolbar" role="toolbar" aria-label="Benchmark">
        <strong className="bench-title" title={name}>
          Benchmark · {name}
        </strong>
        <label className="field-inline">
          Runs
          <input type="number" min={1} max={1000} value={runs} onChange={(e) => setRuns(clampInt(e.target.value, 1, 1000))} disabled={busy} aria-label="Runs" />
        </label>
        <label className="field-inline">
          Warm-ups
          <input type="number" min={0} max={100} value={warmups} onChange={(e) => setWarmups(clampInt(e.target.value, 0, 100))} disabled={busy} aria-label="Warm-ups" />
        </label>
        <label className="check" title="Each timed run opens a fresh connection, so the engine's own cache starts empty (the operating system's file cache stays warm).">
          <input type="checkbox" checked={cold} onChange={(e) => setCold(e.target.checked)} disabled={busy} /> Cold runs
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
          Run benchmark
        </button>
        <button type="button" onClick={() => void exportMediansPng()} disabled={!result}>
          Chart PNG
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={!result}>
          Results CSV
        </button>
        <button type="button" onClick={() => void exportReport()} disabled={!result} aria-label="Markdown report">
          Report .md
        </button>
      </div>
      {running ? <JobProgressBar job={running} label="Benchmark" onCancel={() => void jobs.cancel(running.jobId)} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {cancelled ? (
        <p className="bench-note" role="status">
          Benchmark cancelled: nothing is reported from a partial run.
        </p>
      ) : null}
      <div className="bench-body">
        <PairPicker
          builtIn={builtIn}
          custom={custom}
          selected={selected}
          onToggle={toggle}
          onAdd={(p) => {
            setCustom((prev) => [...prev, p])
            toggle(p.id, true)
          }}
          onRemove={(id) => {
            setCustom((prev) => prev.filter((p) => p.id !== id))
            toggle(id, false)
          }}
          disabled={busy}
        />
        <div className="bench-main" aria-live="polite" ref={outcome}>
          {mismatch ? <MismatchReport error={mismatch} /> : null}
          {result ? <BenchResults result={result} colors={colors} chartRef={medians} /> : null}
          {!result && !mismatch && !busy ? (
            <p className="muted bench-empty">
              Choose the pairs and press Run benchmark. Each pair’s two answers are compared first; a difference stops the run. Then the warm-ups and the timed runs, the two forms interleaved.
            </p>
          ) : null}
          <SweepSection
            sweep={sweep}
            onSweep={setSweep}
            colors={colors}
            chartRef={sweepChartRef}
            onExportPng={() => void exportSweepPng()}
            onExportCsv={() => void exportSweepCsv()}
            onExportReport={() => void exportSweepReport()}
          />
        </div>
      </div>
    </div>
  )
}
