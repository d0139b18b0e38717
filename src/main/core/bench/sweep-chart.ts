import type { SweepResult } from '../../../shared/calls/bench'

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b']

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function tickLabel(v: number, unit: string): string {
  if (unit === 'ms') return v >= 1000 ? `${v / 1000} s` : `${v} ms`
  return v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v)
}

/** Decades (1, 10, 100, …) covering [lo, hi], so both axes read as powers of ten. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e)
  return out
}

/**
 * The sweep as a standalone SVG: median time against encounters on log-log
 * axes, one colour per question, dashed for the first form (OLTP) and solid
 * for the second (star). For the committed reports; the app draws its own.
 */
export function sweepSvg(s: SweepResult, opts: { width?: number; height?: number } = {}): string {
  const W = opts.width ?? 860
  const H = opts.height ?? 480
  const m = { l: 70, r: 330, t: 30, b: 50 }
  const xs = s.series.flatMap((x) => x.points.map((p) => p.encounters))
  const ys = s.series.flatMap((x) => x.points.map((p) => Math.max(p.medianMs, 0.001)))
  if (xs.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"></svg>`
  const xt = decades(Math.min(...xs), Math.max(...xs))
  const yt = decades(Math.min(...ys), Math.max(...ys))
  const [x0, x1] = [Math.log10(xt[0]!), Math.log10(xt[xt.length - 1]!)]
  const [y0, y1] = [Math.log10(yt[0]!), Math.log10(yt[yt.length - 1]!)]
  const px = (v: number): number => m.l + ((Math.log10(v) - x0) / Math.max(1e-9, x1 - x0)) * (W - m.l - m.r)
  const py = (v: number): number => H - m.b - ((Math.log10(Math.max(v, 0.001)) - y0) / Math.max(1e-9, y1 - y0)) * (H - m.t - m.b)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.l}" y="18" font-size="14">Median time against size (log-log), ${esc(s.engine.version)}</text>`,
  ]
  for (const v of xt) {
    out.push(`<line x1="${px(v)}" x2="${px(v)}" y1="${m.t}" y2="${H - m.b}" stroke="#ddd"/>`)
    out.push(`<text x="${px(v)}" y="${H - m.b + 16}" text-anchor="middle">${tickLabel(v, 'n')}</text>`)
  }
  for (const v of yt) {
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${py(v)}" y2="${py(v)}" stroke="#ddd"/>`)
    out.push(`<text x="${m.l - 6}" y="${py(v) + 4}" text-anchor="end">${tickLabel(v, 'ms')}</text>`)
  }
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 10}" text-anchor="middle">encounters</text>`)
  const ids = [...new Set(s.series.map((x) => x.pairId))]
  s.series.forEach((x, i) => {
    const color = COLORS[ids.indexOf(x.pairId) % COLORS.length]!
    const first = s.series.findIndex((y) => y.pairId === x.pairId) === i
    const dash = first ? ' stroke-dasharray="6 4"' : ''
    const pts = x.points.map((p) => `${px(p.encounters).toFixed(1)},${py(p.medianMs).toFixed(1)}`).join(' ')
    out.push(`<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`)
    for (const p of x.points) out.push(`<circle cx="${px(p.encounters).toFixed(1)}" cy="${py(p.medianMs).toFixed(1)}" r="3" fill="${color}"/>`)
    const ly = m.t + 10 + i * 20
    out.push(`<line x1="${W - m.r + 20}" x2="${W - m.r + 50}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${dash}/>`)
    out.push(`<text x="${W - m.r + 56}" y="${ly + 4}">${esc(`${x.title.slice(0, 34)}${x.title.length > 34 ? '…' : ''} — ${x.form}`)}</text>`)
  })
  out.push('</svg>')
  return out.join('\n')
}
