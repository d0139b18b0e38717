import { cellText, type Cell } from '../../../shared/cells'
import type { ColumnProfile, ProfileResult } from '../../../shared/calls/profile'
import { formatNumber } from './quantiles'

/** The profile as a plain-text table for the command line. */
export function formatProfileTable(r: ProfileResult): string {
  const head = ['column', 'kind', 'nulls', 'distinct', 'min', 'max', 'mean', 'median', 'sd', 'outliers', 'top values']
  const rows = r.columns.map((c) => [
    c.name,
    c.kind,
    c.rows ? `${c.nulls} (${pct(c.nullShare)})` : '0',
    String(c.distinct),
    short(c.number ? formatNumber(c.number.min) : cell(c.min)),
    short(c.number ? formatNumber(c.number.max) : cell(c.max)),
    c.number ? formatNumber(c.number.mean) : '',
    c.number ? formatNumber(c.number.median) : '',
    c.number?.stddev != null ? formatNumber(c.number.stddev) : '',
    c.outliers ? String(c.outliers.count) : '',
    top(c),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]): string => cells.map((x, i) => (i === cells.length - 1 ? x : x.padEnd(widths[i]!))).join('  ').trimEnd()
  const sample = r.sample ? ` (random sample of ${r.sample.rows} rows, ${r.sample.requested} asked)` : ''
  return [
    `${r.sourceName}: ${r.rowCount} rows${sample}, ${r.columns.length} columns, ${(r.elapsedMs / 1000).toFixed(2)} s`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `sd: ${r.method.stddev}; quartiles: ${r.method.quantiles}; outliers: ${r.method.outliers}`,
    ...r.columns.flatMap((c) => c.notes.map((n) => `${c.name}: ${n}`)),
  ].join('\n')
}

function pct(x: number): string {
  return `${(x * 100).toFixed(x > 0 && x < 0.001 ? 2 : 1)}%`
}

function cell(c: Cell): string {
  return c === null ? '' : typeof c === 'number' ? formatNumber(c) : cellText(c)
}

function short(s: string, max = 24): string {
  const one = s.replace(/\s+/g, ' ')
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

function top(c: ColumnProfile): string {
  return c.topValues
    .slice(0, 3)
    .map((t) => `${short(cell(t.value), 16)} (${t.count})`)
    .join(', ')
}
