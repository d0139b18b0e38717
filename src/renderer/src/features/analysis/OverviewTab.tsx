import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { OverviewData, OverviewMapping, OverviewMappingResult } from '../../../../shared/calls/profile'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import type { TabViewProps } from '../shell/registry'
import { ChartView } from './ChartView'
import { chartOf, overviewCharts, roleLabels, roles } from './overview-definitions'
import { TargetPicker, targetLabel, targetOf } from './TargetPicker'
import { useChartExports } from './use-chart-exports'
import './analysis.css'

/** Tabs unmount when inactive: keep the confirmed mapping and the charts per tab. */
const memory = new Map<string, { proposal: OverviewMappingResult; mapping: OverviewMapping; data: OverviewData | null }>()

/**
 * The clinic overview of a patient-visit table: the engine proposes which
 * columns hold the visit date, report date, birth date or age, gender and
 * patient; the user confirms the ones it is unsure of; then four charts.
 */
export function OverviewTab({ tab }: TabViewProps): ReactNode {
  const target = targetOf(tab)
  const targetKey = JSON.stringify(target)
  const kept = memory.get(tab.id)
  const [proposal, setProposal] = useState<OverviewMappingResult | null>(kept?.proposal ?? null)
  const [mapping, setMapping] = useState<OverviewMapping | null>(kept?.mapping ?? null)
  const [data, setData] = useState<OverviewData | null>(kept?.data ?? null)
  const [error, setError] = useState<Error | null>(null)
  const [busy, setBusy] = useState(false)

  async function build(m: OverviewMapping): Promise<void> {
    if (!target || !tab.sourceId) return
    setBusy(true)
    setError(null)
    try {
      setData(await api.call('overview.data', { sourceId: tab.sourceId, target, mapping: m }))
    } catch (e) {
      setError(e as Error)
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (!target || !tab.sourceId || memory.get(tab.id)) return
    let live = true
    api
      .call('overview.map', { sourceId: tab.sourceId, target })
      .then((p) => {
        if (!live) return
        setProposal(p)
        setMapping(p.mapping)
        // Sure of everything: draw at once; otherwise wait for the user to confirm.
        if (p.unsure.length === 0) void build(p.mapping)
      })
      .catch((e: unknown) => live && setError(e as Error))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- target is derived from tab.params
  }, [tab.id, tab.sourceId, targetKey])

  useEffect(() => {
    if (proposal && mapping) memory.set(tab.id, { proposal, mapping, data })
  }, [tab.id, proposal, mapping, data])

  const charts = useMemo(
    () =>
      overviewCharts.flatMap((c) => {
        const d = data ? chartOf(data, c.key) : null
        return d ? [{ id: c.key, data: d }] : []
      }),
    [data],
  )
  const chartRef = useChartExports(tab.id, charts)

  if (!target) return <TargetPicker tab={tab} what="clinic overview" />
  const unsure = new Set(proposal?.unsure ?? [])
  return (
    <div className="analysis-tab overview-tab" aria-label={`Clinic overview of ${targetLabel(target)}`}>
      {'sql' in target ? (
        <p className="muted small analysis-sql-line">
          Result of <code title={target.sql}>{target.sql}</code>
        </p>
      ) : null}
      {proposal && mapping ? (
        <form
          className="overview-mapping"
          aria-label="Column mapping"
          onSubmit={(e) => {
            e.preventDefault()
            void build(mapping)
          }}
        >
          {unsure.size > 0 && !data ? (
            <p className="mapping-question" role="note">
              Sonograph is not sure which columns hold: {[...unsure].map((r) => roleLabels[r]).join(', ')}. Check the highlighted fields, then build the overview.
            </p>
          ) : null}
          <div className="mapping-fields">
            {roles.map((role) => {
              const best = proposal.candidates[role]?.find((c) => c.column === mapping[role])
              return (
                <label key={role} className={unsure.has(role) ? 'unsure' : ''}>
                  <span>
                    {roleLabels[role]}
                    {unsure.has(role) ? <span aria-hidden="true"> ?</span> : null}
                  </span>
                  <select
                    aria-label={`Column for ${roleLabels[role]}`}
                    value={mapping[role] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [role]: e.target.value || null })}
                  >
                    <option value="">(none)</option>
                    {proposal.columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                  <span className="muted small" title={best?.reasons.join('; ')}>
                    {best ? `${Math.round(best.confidence * 100)}% sure` : mapping[role] ? 'your choice' : 'not found'}
                  </span>
                </label>
              )
            })}
          </div>
          <button type="submit" disabled={busy}>
            {busy ? 'Building…' : data ? 'Rebuild overview' : 'Build overview'}
          </button>
        </form>
      ) : (
        <p role="status">Looking at the columns of {targetLabel(target)}…</p>
      )}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {data ? (
        <>
          {data.notes.length ? (
            <ul className="overview-notes muted small" aria-label="Overview notes">
              {data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <div className="overview-grid">
            {overviewCharts.map((c) => {
              const chart = chartOf(data, c.key)
              return chart ? (
                <section key={c.key} className="overview-chart" aria-label={chart.title}>
                  <ChartView data={chart} height={280} variant={c.variant} onChart={chartRef(c.key)} />
                  <p className="chart-definition muted small">{c.definition}</p>
                </section>
              ) : null
            })}
          </div>
        </>
      ) : null}
    </div>
  )
}
