import { stringify } from 'csv-stringify/sync'
import type { BenchmarkResult, BufferPoolState, PairResult, PlanStep, SweepResult } from '../../../shared/calls/bench'

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 100) return `${ms.toFixed(0)} ms`
  if (ms >= 10) return `${ms.toFixed(1)} ms`
  if (ms >= 1) return `${ms.toFixed(2)} ms`
  return `${ms.toPrecision(3)} ms`
}

export function formatRatio(x: number): string {
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`
}

/** "faster", "slower" or "no clear difference" from whether the interval excludes 1. */
export function verdict(p: PairResult): string {
  if (p.speedup.low > 1) return `${p.b.label} faster`
  if (p.speedup.high < 1) return `${p.b.label} slower`
  return 'no clear difference'
}

function pool(p: BufferPoolState): string {
  const pct = p.pagesTotal ? ((100 * p.pagesData) / p.pagesTotal).toFixed(1) : '?'
  return `${p.pagesData} of ${p.pagesTotal} pages hold data (${pct}%), ${p.pagesFree} free`
}

function planLines(steps: readonly PlanStep[], depth: number, out: string[]): void {
  for (const s of steps) {
    const facts: string[] = []
    if (s.rows !== undefined) facts.push(`rows ${Number.isInteger(s.rows) ? s.rows : s.rows.toFixed(1)}`)
    if (s.estimatedRows !== undefined) facts.push(`est. ${s.estimatedRows}`)
    if (s.loops !== undefined && s.loops !== 1) facts.push(`loops ${s.loops}`)
    if (s.timeMs !== undefined) facts.push(formatMs(s.timeMs))
    out.push(`${'  '.repeat(depth)}- ${s.label.replace(/\s+/g, ' ').slice(0, 200)}${facts.length ? ` — ${facts.join(', ')}` : ''}`)
    planLines(s.children, depth + 1, out)
  }
}

function environmentSection(r: BenchmarkResult, out: string[]): void {
  const m = r.machine
  out.push('## Machine and engine', '')
  out.push(`- CPU: ${m.cpuModel}, ${m.cores} cores`)
  out.push(`- Memory: ${m.memoryGiB} GiB`)
  out.push(`- OS: ${m.os}; Node ${m.node}`)
  out.push(`- Engine: ${r.engine.version}`)
  out.push(`- Cache: ${r.cacheNote}`)
  out.push(`- Engine settings: ${Object.entries(r.engineSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`)
  out.push(`- Load average (1, 5, 15 min): ${r.load.before.join(', ')} before the runs; ${r.load.after.join(', ')} after (${m.cores} cores; anything above 0 is other work sharing the machine)`)
  if (r.bufferPool) {
    const { before, after } = r.bufferPool
    out.push(`- InnoDB buffer pool: ${(before.poolSizeBytes / 2 ** 20).toFixed(0)} MiB (innodb_buffer_pool_size)`)
    out.push(`  - before the runs: ${pool(before)}`)
    out.push(`  - after the runs: ${pool(after)}`)
    out.push(`  - during the runs: ${after.diskReads - before.diskReads} page reads from disk, ${after.readRequests - before.readRequests} logical reads`)
  }
  out.push('')
}

function settingsLine(r: BenchmarkResult): string {
  const s = r.settings
  return `${s.runs} timed runs per form after ${s.warmups} warm-up runs, ${s.cold ? 'cold' : 'warm'}, the two forms alternating (ABBA…); each time covers executing the query and fetching every row. Speedup = median(A) / median(B), with a ${Math.round(s.level * 100)}% percentile-bootstrap interval (${s.resamples} resamples, seed ${s.seed}).`
}

function resultsTable(pairs: readonly PairResult[], out: string[]): void {
  out.push('| Question | Rows | A | A median | A p95 | A min | B | B median | B p95 | B min | Speedup (B vs A) | 95% CI | Verdict |')
  out.push('| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |')
  for (const p of pairs) {
    out.push(
      `| ${p.title} | ${p.resultRows} | ${p.a.label} | ${formatMs(p.a.summary.medianMs)} | ${formatMs(p.a.summary.p95Ms)} | ${formatMs(p.a.summary.minMs)} | ${p.b.label} | ${formatMs(p.b.summary.medianMs)} | ${formatMs(p.b.summary.p95Ms)} | ${formatMs(p.b.summary.minMs)} | ${formatRatio(p.speedup.ratio)} | ${formatRatio(p.speedup.low)} – ${formatRatio(p.speedup.high)} | ${verdict(p)} |`,
    )
  }
  out.push('')
}

/** The Markdown report of one benchmark: enough to reproduce it and to judge it. */
export function benchmarkReport(r: BenchmarkResult, opts: { title?: string; plans?: boolean; sql?: boolean } = {}): string {
  const out: string[] = []
  out.push(`# ${opts.title ?? `Benchmark: ${r.source.name} on ${r.engine.version}`}`, '')
  out.push(`Run ${r.startedAt} to ${r.finishedAt}. ${settingsLine(r)}`, '')
  out.push('## Results', '')
  resultsTable(r.pairs, out)
  out.push('Every pair\'s two forms were run once and their answers compared (same rows, order-insensitive unless both queries order their output) before any timing.', '')
  environmentSection(r, out)
  out.push('## Data', '', '| Table | Rows |', '| --- | ---: |')
  for (const [t, n] of Object.entries(r.tableRows)) out.push(`| ${t} | ${n} |`)
  out.push('')
  if (opts.plans ?? true) {
    out.push('## Plans', '')
    for (const p of r.pairs) {
      for (const f of [p.a, p.b]) {
        if (!f.plan) continue
        out.push(`### ${p.title}: ${f.label}${f.plan.measured ? ' (measured)' : ' (shape only; SQLite reports no per-step rows or times)'}`, '')
        const lines: string[] = []
        planLines(f.plan.steps, 0, lines)
        out.push(...lines, '')
      }
    }
  }
  if (opts.sql ?? true) {
    out.push('## Queries', '')
    for (const p of r.pairs) {
      for (const f of [p.a, p.b]) out.push(`### ${p.title}: ${f.label}`, '', '```sql', f.sql.trim(), '```', '')
    }
  }
  return out.join('\n')
}

/** The Markdown report of a sweep: medians per size, then each size's full table. */
export function sweepReport(s: SweepResult, opts: { title?: string } = {}): string {
  const out: string[] = []
  const first = s.points[0]?.result
  out.push(`# ${opts.title ?? `Scale sweep on ${s.engine.version}`}`, '')
  if (first) out.push(settingsLine(first), '')
  out.push('## Median time by size', '')
  const pairIds = [...new Set(s.series.map((x) => x.pairId))]
  out.push(`| Encounters | ${pairIds.map((id) => s.series.filter((x) => x.pairId === id).map((x) => `${id} ${x.form}`).join(' | ')).join(' | ')} |`)
  out.push(`| ---: | ${pairIds.map((id) => s.series.filter((x) => x.pairId === id).map(() => '---:').join(' | ')).join(' | ')} |`)
  for (const size of s.sizes) {
    const cells = pairIds.flatMap((id) =>
      s.series.filter((x) => x.pairId === id).map((x) => {
        const pt = x.points.find((p) => p.encounters === size)
        return pt ? formatMs(pt.medianMs) : '—'
      }),
    )
    out.push(`| ${size} | ${cells.join(' | ')} |`)
  }
  out.push('')
  for (const pt of s.points) {
    out.push(`## ${pt.encounters} encounters, ${pt.patients} patients`, '')
    resultsTable(pt.result.pairs, out)
  }
  if (first) environmentSection(first, out)
  return out.join('\n')
}

/** Raw timings, one row per timed run, so every number in a report can be recomputed. */
export function timingsCsv(result: BenchmarkResult | SweepResult): string {
  const points = 'points' in result ? result.points.map((p) => ({ encounters: p.encounters as number | '', r: p.result })) : [{ encounters: '' as const, r: result }]
  const rows: (string | number)[][] = [['encounters', 'engine', 'pair_id', 'title', 'form', 'label', 'run', 'ms']]
  for (const { encounters, r } of points) {
    for (const p of r.pairs) {
      for (const [form, f] of [['A', p.a], ['B', p.b]] as const) {
        f.timingsMs.forEach((ms, i) => rows.push([encounters, r.engine.version, p.id, p.title, form, f.label, i + 1, ms.toFixed(4)]))
      }
    }
  }
  return stringify(rows)
}
