import { useState, type ReactNode } from 'react'
import type { AnalysisTarget } from '../../../../shared/chart-spec'
import type { Tab } from '../shell/workspace-store'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'

/** The tab's target from its params: `{table}` or `{sql}` (a console result or a consolidation's SQL). */
export function targetOf(tab: Tab): AnalysisTarget | null {
  if (tab.params.table) return { table: tab.params.table }
  if (tab.params.sql) return { sql: tab.params.sql }
  return null
}

export function targetLabel(t: AnalysisTarget): string {
  return 'table' in t ? t.table : 'SQL result'
}

/**
 * Asks what to analyse when a tab was opened from the source (not a table):
 * a table or view of the source, or a read-only SELECT.
 */
export function TargetPicker({ tab, what }: { tab: Tab; what: string }): ReactNode {
  const ws = useWorkspace()
  const { sources } = useSources()
  const source = sources.find((s) => s.summary.sourceId === tab.sourceId)
  const tables = source?.schema?.tables ?? []
  const [table, setTable] = useState(tables[0]?.name ?? '')
  const [sql, setSql] = useState('')
  const base = tab.title.split(' · ')[0] ?? what
  return (
    <section className="analysis-target" aria-label={`Choose what to analyse for the ${what}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (table) ws.update(tab.id, { params: { table }, title: `${base} · ${table}` })
        }}
      >
        <label>
          Table or view{' '}
          <select aria-label="Table or view to analyse" value={table} onChange={(e) => setTable(e.target.value)}>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
                {t.kind === 'view' ? ' (view)' : ''}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={!table}>
          Use table
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (sql.trim()) ws.update(tab.id, { params: { sql: sql.trim() }, title: `${base} · SQL` })
        }}
      >
        <label className="analysis-sql">
          Or a SELECT statement
          <textarea aria-label="SELECT to analyse" rows={4} value={sql} onChange={(e) => setSql(e.target.value)} placeholder="SELECT … FROM …" />
        </label>
        <button type="submit" disabled={!sql.trim()}>
          Use SQL
        </button>
      </form>
    </section>
  )
}
