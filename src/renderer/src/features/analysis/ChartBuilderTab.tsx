import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { chartTypes, dateBuckets, type ChartData } from '../../../../shared/chart-spec'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import type { TabViewProps } from '../shell/registry'
import { ChartView } from './ChartView'
import { chartTypeLabels, defaultForm, specOf, withType, xKindLabels, xKindsFor, type ChartForm } from './chart-form'
import { TargetPicker, targetLabel, targetOf } from './TargetPicker'
import { useChartExports } from './use-chart-exports'
import './analysis.css'

type Columns = { name: string; declaredType: string }[]
/** Tabs unmount when inactive: keep the form and the drawn chart per tab. */
const memory = new Map<string, { form: ChartForm; data: ChartData | null }>()

/** Chart builder: x, y, series, filter and chart type, computed in the database by `chart.data`. */
export function ChartBuilderTab({ tab }: TabViewProps): ReactNode {
  const target = targetOf(tab)
  const targetKey = JSON.stringify(target)
  const [columns, setColumns] = useState<Columns | null>(null)
  const [form, setForm] = useState<ChartForm | null>(memory.get(tab.id)?.form ?? null)
  const [data, setData] = useState<ChartData | null>(memory.get(tab.id)?.data ?? null)
  const [error, setError] = useState<Error | null>(null)
  const [busy, setBusy] = useState(false)

  // The target's columns (a table's or a SELECT's), from the overview mapper which reads them for both.
  useEffect(() => {
    if (!target || !tab.sourceId) return
    let live = true
    api
      .call('overview.map', { sourceId: tab.sourceId, target })
      .then((m) => {
        if (!live) return
        setColumns(m.columns)
        setForm((f) => f ?? defaultForm(m.columns))
      })
      .catch((e: unknown) => live && setError(e as Error))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- target is derived from tab.params
  }, [tab.sourceId, targetKey])

  useEffect(() => {
    if (form) memory.set(tab.id, { form, data })
  }, [tab.id, form, data])

  const charts = useMemo(() => (data ? [{ id: 'chart', data }] : []), [data])
  const chartRef = useChartExports(tab.id, charts)

  if (!target) return <TargetPicker tab={tab} what="chart" />

  async function draw(): Promise<void> {
    if (!form || !target || !tab.sourceId) return
    setBusy(true)
    setError(null)
    try {
      setData(await api.call('chart.data', { sourceId: tab.sourceId, spec: specOf(form, target) }))
    } catch (e) {
      setError(e as Error)
    } finally {
      setBusy(false)
    }
  }

  const set = (patch: Partial<ChartForm>): void => setForm((f) => (f ? { ...f, ...patch } : f))
  const cols = columns ?? []
  const colOptions = cols.map((c) => (
    <option key={c.name} value={c.name}>
      {c.name}
    </option>
  ))
  const f = form
  const needsY = f ? f.type === 'box' || f.type === 'scatter' || f.agg !== 'count' : false
  return (
    <div className="analysis-tab chart-builder" aria-label={`Chart builder for ${targetLabel(target)}`}>
      {'sql' in target ? (
        <p className="muted small analysis-sql-line">
          Result of <code title={target.sql}>{target.sql}</code>
        </p>
      ) : null}
      {f ? (
        <form
          className="chart-form"
          aria-label="Chart settings"
          onSubmit={(e) => {
            e.preventDefault()
            void draw()
          }}
        >
          <label>
            Chart type
            <select aria-label="Chart type" value={f.type} onChange={(e) => setForm(withType(f, e.target.value as ChartForm['type']))}>
              {chartTypes.map((t) => (
                <option key={t} value={t}>
                  {chartTypeLabels[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            X as
            <select aria-label="X as" value={f.xKind} onChange={(e) => set({ xKind: e.target.value as ChartForm['xKind'] })}>
              {xKindsFor(f.type).map((k) => (
                <option key={k} value={k}>
                  {xKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            X column
            <select aria-label="X column" value={f.xColumn} onChange={(e) => set({ xColumn: e.target.value })}>
              {colOptions}
            </select>
          </label>
          {f.xKind === 'date' ? (
            <label>
              Bucket
              <select aria-label="Bucket" value={f.bucket} onChange={(e) => set({ bucket: e.target.value as ChartForm['bucket'] })}>
                {dateBuckets.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {f.xKind === 'bins' ? (
            <label>
              Bins
              <input aria-label="Bins" type="number" min={1} max={200} value={f.bins} onChange={(e) => set({ bins: Math.min(200, Math.max(1, Number(e.target.value) || 1)) })} />
            </label>
          ) : null}
          {f.type !== 'box' && f.type !== 'scatter' ? (
            <label>
              Y
              <select aria-label="Y" value={f.agg} onChange={(e) => set({ agg: e.target.value as ChartForm['agg'] })}>
                <option value="count">Count of rows</option>
                <option value="sum">Sum of</option>
                <option value="mean">Mean of</option>
                <option value="median">Median of</option>
              </select>
            </label>
          ) : null}
          {needsY ? (
            <label>
              Y column
              <select aria-label="Y column" value={f.yColumn} onChange={(e) => set({ yColumn: e.target.value })}>
                <option value="">(choose)</option>
                {colOptions}
              </select>
            </label>
          ) : null}
          <label>
            Split into series by
            <select aria-label="Split into series by" value={f.series} onChange={(e) => set({ series: e.target.value })}>
              <option value="">(no split)</option>
              {colOptions}
            </select>
          </label>
          <label className="chart-filter">
            Filter
            <input aria-label="Filter" type="text" value={f.filter} placeholder="e.g. Total > 5 AND BillingCountry != 'USA'" onChange={(e) => set({ filter: e.target.value })} />
          </label>
          <label>
            Title
            <input aria-label="Title" type="text" value={f.title} placeholder="(generated)" onChange={(e) => set({ title: e.target.value })} />
          </label>
          <button type="submit" disabled={busy || !f.xColumn || (needsY && !f.yColumn)}>
            {busy ? 'Drawing…' : 'Draw chart'}
          </button>
        </form>
      ) : (
        <p role="status">Reading the columns of {targetLabel(target)}…</p>
      )}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {data ? <ChartView data={data} height={420} onChart={chartRef('chart')} /> : null}
    </div>
  )
}
