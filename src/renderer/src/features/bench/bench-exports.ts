import type { BenchmarkResult, SweepResult } from '../../../../shared/calls/bench'
import { api } from '../../api/client'
import { downloadBlob } from '../../api/platform'
import { fileStem } from '../analysis/chart-export'

/** The timings (one row per timed run) as CSV, made by the main process from the result. */
export async function saveResultsCsv(result: BenchmarkResult | SweepResult, stem: string): Promise<void> {
  const { csv } = await api.call('bench.resultsCsv', { result })
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileStem(stem)}.csv`)
}

/** The Markdown report: machine, engine versions, data sizes, settings and the numbers. */
export async function saveReport(result: BenchmarkResult | SweepResult, stem: string): Promise<void> {
  const { markdown } = await api.call('bench.report', { result })
  downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), `${fileStem(stem)}.md`)
}
