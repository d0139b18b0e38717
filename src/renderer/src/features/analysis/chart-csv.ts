import type { ChartData, CsvValue } from '../../../../shared/chart-spec'

export function csvField(v: CsvValue): string {
  if (v === null) return ''
  const s = typeof v === 'number' ? String(v) : v
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The chart's data as CSV (RFC 4180, CRLF), built from the rows the engine returned. */
export function chartCsv(data: ChartData): string {
  const lines = [data.rows.columns.map(csvField).join(','), ...data.rows.rows.map((r) => r.map(csvField).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

