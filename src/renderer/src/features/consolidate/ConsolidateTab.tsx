import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CandidateTable, FanoutResult, PlanIssue, PreviewResult } from '../../../../shared/calls/consolidate'
import { consolidationPlanSchema, planOfRecipe } from '../../../../shared/recipe'
import { api } from '../../api/client'
import { chooseSavePath, pickFile } from '../../api/platform'
import { DataGrid } from '../../components/DataGrid'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCsvExport } from '../export/csv-export-store'
import { useTabExports } from '../shell/export-registry'
import type { TabViewProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'
import { ColumnsPanel } from './ColumnsPanel'
import { JoinsPanel } from './JoinsPanel'
import { newPlan, type Plan } from './plan-edit'
import './consolidate.css'

/**
 * The consolidation wizard: a base table sets the grain; related tables join
 * along relationships; one-to-many steps show how rows multiply and offer to
 * aggregate or spread; a live preview shows the first rows and the exact count.
 */
export function ConsolidateTab({ tab }: TabViewProps): ReactNode {
  const sourceId = tab.sourceId ?? ''
  const { sources, refreshSchema } = useSources()
  const ws = useWorkspace()
  const csv = useCsvExport()
  const schema = sources.find((s) => s.summary.sourceId === sourceId)?.schema ?? null
  const tables = useMemo(() => (schema?.tables ?? []).filter((t) => t.kind === 'table'), [schema])
  const [plan, setPlan] = useState<Plan | null>(null)
  const [candidates, setCandidates] = useState<CandidateTable[]>([])
  const [fanout, setFanout] = useState<FanoutResult | null>(null)
  const [preview, setPreview] = useState<PreviewResult | null>(null)
  const [issues, setIssues] = useState<PlanIssue[]>([])
  const [error, setError] = useState<Error | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [saveName, setSaveName] = useState('consolidated')
  const [saveAs, setSaveAs] = useState<'table' | 'view'>('table')

  const base = plan?.base.table ?? ''
  useEffect(() => {
    if (!base) return
    let live = true
    // Accepted inferred relationships count as relationships here too.
    void api
      .call('schema.relationships', { sourceId, includeInferred: true })
      .then((rels) => api.call('consolidate.candidates', { sourceId, baseTable: base, relationships: rels.filter((r) => r.origin === 'declared' || r.accepted).map(({ hidden: _h, ...r }) => r) }))
      .then((c) => live && setCandidates(c))
      .catch((err: Error) => live && setError(err))
    return () => {
      live = false
    }
  }, [sourceId, base])

  // Validate, measure fan-out and preview whenever the plan changes (debounced).
  useEffect(() => {
    if (!plan) return
    let live = true
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const v = await api.call('consolidate.validate', { sourceId, plan })
          if (!live) return
          setIssues(v.issues)
          if (!v.ok) return setPreview(null)
          const [f, p] = await Promise.all([api.call('consolidate.fanout', { sourceId, plan }), api.call('consolidate.preview', { sourceId, plan, limit: 100 })])
          if (!live) return
          setFanout(f)
          setPreview(p)
          setError(null)
        } catch (err) {
          if (live) setError(err as Error)
        }
      })()
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [sourceId, plan])

  useTabExports(
    tab.id,
    plan && issues.length === 0 ? [{ id: 'csv', label: 'CSV…', description: 'The consolidated rows', run: async () => csv.open({ sourceId, what: { plan: consolidationPlanSchema.parse(plan) }, defaultName: `${base}-consolidated.csv`, label: 'consolidation' }) }] : [],
  )

  function chooseBase(table: string): void {
    const t = tables.find((x) => x.name === table)
    setFanout(null)
    setPreview(null)
    setCandidates([])
    setPlan(t ? newPlan(t.name, t.columns.map((c) => c.name)) : null)
  }

  async function loadRecipe(): Promise<void> {
    setError(null)
    try {
      const picked = await pickFile('Load recipe', [{ name: 'Recipes', extensions: ['json'] }])
      if (!picked) return
      const recipe = await api.call('recipes.load', { path: picked.path })
      const check = await api.call('recipes.validate', { sourceId, recipe })
      setIssues(check.issues)
      if (check.ok) setPlan(planOfRecipe(recipe))
      setNote(check.ok ? `Loaded recipe ${recipe.name ?? picked.name}` : `The recipe does not fit this database`)
    } catch (err) {
      setError(err as Error)
    }
  }

  async function saveRecipe(): Promise<void> {
    if (!plan) return
    const path = await chooseSavePath('Save recipe', `${base}-recipe.json`, [{ name: 'Recipes', extensions: ['json'] }])
    if (!path) return
    try {
      await api.call('recipes.save', { path, plan, name: `${base} consolidation` })
      setNote(`Recipe saved to ${path}`)
    } catch (err) {
      setError(err as Error)
    }
  }

  async function saveResult(): Promise<void> {
    if (!plan) return
    try {
      const r = await api.call('consolidate.save', { sourceId, plan, name: saveName, as: saveAs })
      await refreshSchema(sourceId)
      setNote(`Saved ${r.rows.toLocaleString()} rows as ${r.as} ${r.name}`)
    } catch (err) {
      setError(err as Error)
    }
  }

  if (!schema) return <p className="muted">Reading the schema…</p>
  return (
    <div className="wizard">
      <div className="toolbar" role="toolbar" aria-label="Consolidation">
        <label>
          Base table (one row per…){' '}
          <select aria-label="Base table" value={base} onChange={(e) => chooseBase(e.target.value)}>
            <option value="">choose…</option>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void loadRecipe()}>
          Load Recipe…
        </button>
        <button type="button" onClick={() => void saveRecipe()} disabled={!plan}>
          Save Recipe…
        </button>
        {note ? (
          <span role="status" className="muted">
            {note}
          </span>
        ) : null}
      </div>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {issues.length ? (
        <div className="error-banner" role="alert" aria-label="Plan problems">
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                {i.message}
                {i.table ? ` (table ${i.table}${i.column ? `, column ${i.column}` : ''})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan ? (
        <div className="wizard-body">
          <div className="wizard-left">
            <JoinsPanel plan={plan} candidates={candidates} fanout={fanout?.steps ?? []} onChange={setPlan} />
            <ColumnsPanel plan={plan} schema={schema} onChange={setPlan} />
          </div>
          <div className="wizard-right">
            <section className="wizard-panel preview" aria-label="Preview">
              <h3>
                Preview{' '}
                <span className="muted" data-testid="consolidate-count">
                  {preview ? `${preview.rowCount.toLocaleString()} rows${fanout ? ` from ${fanout.baseRows.toLocaleString()} ${base} rows` : ''}` : '…'}
                </span>
              </h3>
              {preview ? <DataGrid label="Consolidation preview" columns={preview.columns} rows={preview.rows} rowCount={preview.rowCount} /> : null}
            </section>
            <section className="wizard-panel" aria-label="Generated SQL">
              <h3>SQL</h3>
              <pre className="sql" data-testid="consolidate-sql">
                {preview?.sql ?? ''}
              </pre>
              <div className="row">
                <button type="button" onClick={() => void navigator.clipboard?.writeText(preview?.sql ?? '')} disabled={!preview}>
                  Copy SQL
                </button>
                <button type="button" onClick={() => ws.open({ kind: 'console', title: 'Console', sourceId, params: { sql: preview?.sql ?? '' } })} disabled={!preview}>
                  Open in Console
                </button>
                <button type="button" onClick={() => csv.open({ sourceId, what: { plan: consolidationPlanSchema.parse(plan) }, defaultName: `${base}-consolidated.csv`, label: 'consolidation' })} disabled={!preview}>
                  Export CSV…
                </button>
                <button type="button" onClick={() => preview && ws.open({ kind: 'profile', title: `Profile · ${base} consolidation`, sourceId, params: { sql: preview.sql } })} disabled={!preview}>
                  Profile Result
                </button>
                <button type="button" onClick={() => preview && ws.open({ kind: 'overview', title: `Overview · ${base} consolidation`, sourceId, params: { sql: preview.sql } })} disabled={!preview}>
                  Clinic Overview
                </button>
              </div>
              <div className="row">
                <label>
                  Save as{' '}
                  <select aria-label="Save as" value={saveAs} onChange={(e) => setSaveAs(e.target.value as 'table' | 'view')}>
                    <option value="table">table</option>
                    <option value="view">view</option>
                  </select>
                </label>
                <input type="text" aria-label="Name to save as" value={saveName} onChange={(e) => setSaveName(e.target.value)} spellCheck={false} />
                <button type="button" onClick={() => void saveResult()} disabled={!preview}>
                  Save in Database
                </button>
              </div>
            </section>
          </div>
        </div>
      ) : (
        <p className="muted wizard-hint">Choose the base table: the result has one row per row of it (one row per appointment, say), unless a one-to-many join is kept as rows.</p>
      )}
    </div>
  )
}
