import type { ReactNode } from 'react'
import type { AppError } from '../../../../shared/errors'

/** The details carry arrays as JSON text (details hold scalars only). */
function parseArray(v: unknown): unknown[] {
  if (typeof v !== 'string') return []
  try {
    const parsed: unknown = JSON.parse(v)
    return Array.isArray(parsed) ? parsed : []
  } catch {
    return []
  }
}

function parseRows(v: unknown): unknown[][] {
  return parseArray(v).filter((r): r is unknown[] => Array.isArray(r))
}

function parseNames(v: unknown): string[] {
  return parseArray(v).map(String)
}

function rows(v: unknown): string {
  const n = Number(v ?? 0)
  return `${n.toLocaleString()} row${n === 1 ? '' : 's'}`
}

function cell(v: unknown): ReactNode {
  if (v === null || v === undefined) return <span className="null-marker">NULL</span>
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

function Rows({ title, columns, rows }: { title: string; columns: string[]; rows: unknown[][] }): ReactNode {
  if (!rows.length) return null
  const width = Math.max(columns.length, ...rows.map((r) => r.length))
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <div className="bench-table-wrap">
        <table className="bench-table">
          <thead>
            <tr>
              {Array.from({ length: width }, (_, i) => (
                <th key={i}>{columns[i] ?? `column ${i + 1}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {Array.from({ length: width }, (_, j) => (
                  <td key={j}>{cell(r[j])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/**
 * The run stopped because the two forms of a pair answered differently: say
 * which pair, why, and show the rows found in only one of them. No timing or
 * speedup is shown, since comparing the speed of different answers means nothing.
 */
export function MismatchReport({ error }: { error: AppError }): ReactNode {
  const d = error.details ?? {}
  const labelA = String(d.labelA ?? 'A')
  const labelB = String(d.labelB ?? 'B')
  const more = Number(d.moreDifferences ?? 0)
  return (
    <section className="bench-mismatch" role="alert" aria-label="Mismatch report">
      <h3>The two forms of “{String(d.title ?? d.pairId ?? 'a pair')}” answer differently: no speedup is reported</h3>
      <p>
        {String(d.reason ?? '')}. {labelA} returned {rows(d.rowsA)}, {labelB} {rows(d.rowsB)}
        {d.ordered ? ' (compared in order)' : ' (compared as sets of rows)'}. Fix the query that is wrong, then run again.
      </p>
      <Rows title={`Rows only in ${labelA}`} columns={parseNames(d.columnsA)} rows={parseRows(d.onlyInA)} />
      <Rows title={`Rows only in ${labelB}`} columns={parseNames(d.columnsB)} rows={parseRows(d.onlyInB)} />
      {more > 0 ? <p className="muted">…and {more.toLocaleString()} more differing rows.</p> : null}
    </section>
  )
}
