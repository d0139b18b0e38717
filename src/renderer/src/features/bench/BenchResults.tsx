import { useMemo, type ReactNode } from 'react'
import type { BenchmarkResult, BufferPoolState, PairResult } from '../../../../shared/calls/bench'
import { intervalVerdict, ms, ratio } from './bench-format'
import type { ThemeColors } from '../analysis/theme-colors'
import { BenchChart } from './BenchChart'
import { MEDIANS_TITLE, mediansChart, type Chart } from './bench-charts'
import { PlanTree } from './PlanTree'

function SpeedupTable({ result }: { result: BenchmarkResult }): ReactNode {
  const level = Math.round((result.pairs[0]?.speedup.level ?? 0.95) * 100)
  return (
    <div className="bench-table-wrap">
      <table className="bench-table" aria-label="Speedup table">
        <caption className="muted small">
          Speedup = median(A) ÷ median(B); above 1 means B is faster. Interval: {level}% bootstrap over the timed runs
          {result.pairs[0] ? ` (${result.pairs[0].speedup.resamples.toLocaleString()} resamples, seed ${result.pairs[0].speedup.seed})` : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Rows</th>
            <th scope="col">A median</th>
            <th scope="col">A p95 / min</th>
            <th scope="col">B median</th>
            <th scope="col">B p95 / min</th>
            <th scope="col">Speedup</th>
            <th scope="col">{level}% interval</th>
            <th scope="col">Excludes 1?</th>
          </tr>
        </thead>
        <tbody>
          {result.pairs.map((p) => {
            const verdict = intervalVerdict(p.speedup, p.b.label)
            return (
              <tr key={p.id} data-testid={`speedup-${p.id}`}>
                <th scope="row" title={p.definition}>
                  {p.title}
                </th>
                <td className="num">{p.resultRows.toLocaleString()}</td>
                <td className="num">
                  <span className="muted small">{p.a.label}</span> {ms(p.a.summary.medianMs)}
                </td>
                <td className="num muted">
                  {ms(p.a.summary.p95Ms)} / {ms(p.a.summary.minMs)}
                </td>
                <td className="num">
                  <span className="muted small">{p.b.label}</span> {ms(p.b.summary.medianMs)}
                </td>
                <td className="num muted">
                  {ms(p.b.summary.p95Ms)} / {ms(p.b.summary.minMs)}
                </td>
                <td className="num speedup">{ratio(p.speedup.ratio)}</td>
                <td className="num">
                  {ratio(p.speedup.low)} – {ratio(p.speedup.high)}
                </td>
                <td className={verdict.excludesOne ? 'verdict sure' : 'verdict unsure'}>{verdict.text}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Plans({ pair, open }: { pair: PairResult; open: boolean }): ReactNode {
  return (
    <details className="bench-plans" open={open}>
      <summary>Plans · {pair.title}</summary>
      <div className="plan-pair">
        {[pair.a, pair.b].map((f, i) => (
          <section key={i} aria-label={`${pair.title} · ${f.label} plan`}>
            <h4>
              {f.label} <span className="muted small">median {ms(f.summary.medianMs)}</span>
            </h4>
            <PlanTree plan={f.plan} label={`${pair.title} · ${f.label}`} />
            <details>
              <summary className="small">SQL</summary>
              <pre className="bench-sql">{f.sql}</pre>
            </details>
          </section>
        ))}
      </div>
    </details>
  )
}

function pool(b: BufferPoolState): string {
  return `${(b.poolSizeBytes / 2 ** 20).toFixed(0)} MiB pool, ${b.pagesData.toLocaleString()} of ${b.pagesTotal.toLocaleString()} pages hold data (${b.pagesFree.toLocaleString()} free), ${b.readRequests.toLocaleString()} read requests, ${b.diskReads.toLocaleString()} from disk`
}

function EngineInfo({ result }: { result: BenchmarkResult }): ReactNode {
  const s = result.settings
  const rows: [string, string][] = [
    ['Engine', result.engine.version],
    ['Source', `${result.source.name} (${result.source.kind})`],
    ['Machine', `${result.machine.cpuModel} · ${result.machine.cores} cores · ${result.machine.memoryGiB.toFixed(1)} GiB · ${result.machine.os} · Node ${result.machine.node}`],
    ['Settings', `${s.runs} timed runs, ${s.warmups} warm-ups, ${s.cold ? 'cold (fresh connection per run)' : 'warm'}, A and B ${s.order}`],
    ['Cache', result.cacheNote],
    ['Engine settings', Object.entries(result.engineSettings).map(([k, v]) => `${k} ${String(v)}`).join(' · ') || '—'],
    ['Data', Object.entries(result.tableRows).map(([t, n]) => `${t} ${n.toLocaleString()}`).join(' · ') || '—'],
    ['Load average', `before ${result.load.before.map((n) => n.toFixed(2)).join(' / ')} · after ${result.load.after.map((n) => n.toFixed(2)).join(' / ')}`],
    ['Ran', `${result.startedAt} → ${result.finishedAt}`],
  ]
  if (result.bufferPool) rows.push(['Buffer pool before', pool(result.bufferPool.before)], ['Buffer pool after', pool(result.bufferPool.after)])
  return (
    <table className="bench-info" aria-label="Engine and machine">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The results of one benchmark: medians with error bars, speedups with intervals, plans, and what it ran on. */
export function BenchResults({ result, colors, chartRef }: { result: BenchmarkResult; colors: ThemeColors; chartRef: { current: Chart | null } }): ReactNode {
  const config = useMemo(() => mediansChart(result, colors), [result, colors])
  return (
    <section className="bench-results" aria-label="Benchmark results">
      <p className="bench-agree" data-testid="bench-agree">
        ✓ The two forms of every pair were run once and gave the same answer before any timing (rows per pair: {result.pairs.map((p) => p.resultRows.toLocaleString()).join(', ')}).
      </p>
      <BenchChart config={config} label={MEDIANS_TITLE} height={340} chartRef={chartRef} />
      <h3>Speedup</h3>
      <SpeedupTable result={result} />
      <h3>Plans of the two forms</h3>
      {result.pairs.map((p, i) => (
        <Plans key={p.id} pair={p} open={i === 0} />
      ))}
      <h3>Engine, machine and data</h3>
      <EngineInfo result={result} />
    </section>
  )
}
