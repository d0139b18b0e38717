import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { api } from '../../api/client'
import { downloadBlob } from '../../api/platform'
import { useTabExports, type ExportOption } from '../shell/export-registry'
import type { TabViewProps } from '../shell/registry'
import { useSources } from '../sources/sources-store'
import { exportBaseName, graphPng, graphSvg } from './er-export'
import type { ErLayoutName } from './er-layouts'
import { ErToolbar, type ErViewOptions } from './ErToolbar'
import { RelationshipPanel } from './RelationshipPanel'
import { useErData } from './use-er-data'
import { useErGraph } from './use-er-graph'
import './er.css'

const PAN_STEP = 80
/**
 * fcose reads well for small schemas but its boxes overlap past a few dozen
 * tables; the layered layout never overlaps and is instant, so it is the
 * default for big schemas (fcose stays one click away, run in a worker).
 */
const ORGANIC_MAX_TABLES = 80

export function ErTab({ tab }: TabViewProps): ReactNode {
  const { sources } = useSources()
  const src = sources.find((s) => s.summary.sourceId === tab.sourceId)
  if (!src || !tab.sourceId) return <p className="muted">This source is closed.</p>
  return <ErView key={tab.sourceId} tabId={tab.id} sourceId={tab.sourceId} name={src.summary.name} location={src.summary.location} />
}

/**
 * The ER graph of one source: tables with their columns and keys, declared
 * foreign keys and inferred relationships (dashed, with their confidence, to
 * accept or hide), search, focus, collapse, zoom, and PNG/SVG export.
 */
function ErView({ tabId, sourceId, name, location }: { tabId: string; sourceId: string; name: string; location: string }): ReactNode {
  const [chosen, setViewState] = useState<Omit<ErViewOptions, 'layout'> & { layout: ErLayoutName | null }>({ collapsed: false, layout: null, hops: 1, showHidden: false, scale: 2, transparent: false })
  const setView = useCallback((patch: Partial<ErViewOptions>) => setViewState((v) => ({ ...v, ...patch })), [])
  const [error, setError] = useState<Error | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const data = useErData(sourceId, chosen.showHidden)
  const view: ErViewOptions = { ...chosen, layout: chosen.layout ?? ((data.model?.tables.length ?? 0) > ORGANIC_MAX_TABLES ? 'layered' : 'organic') }
  const canvas = useRef<HTMLDivElement>(null)
  const graph = useErGraph(canvas, data.model, data.rels, { location, collapsed: view.collapsed, layout: view.layout })
  const base = exportBaseName(name)
  const { cy } = graph

  const exportPng = useCallback(
    async (scale: number, transparent: boolean) => {
      if (!cy) throw new Error('The graph is still being drawn.')
      setNote(`Drawing the PNG at ${scale}×…`)
      // Drawing blocks the window for a big picture: let the note paint first.
      await new Promise((r) => setTimeout(r, 30))
      const out = await graphPng(cy, scale, transparent)
      downloadBlob(out.blob, `${base}-${scale}x${transparent ? '-transparent' : ''}.png`)
      setNote(out.scale < scale ? `The picture was too large for ${scale}×; saved at ${out.scale.toFixed(2)}×.` : `Saved ${base}-${scale}x${transparent ? '-transparent' : ''}.png`)
    },
    [cy, base],
  )
  const exportSvg = useCallback(
    async (transparent: boolean) => {
      if (!cy || !data.model || !data.rels) throw new Error('The graph is still being drawn.')
      const svg = graphSvg(cy, data.model, data.rels, view.collapsed, transparent)
      downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`)
      setNote(`Saved ${base}.svg`)
    },
    [cy, data.model, data.rels, view.collapsed, base],
  )
  const exportEngineSvg = useCallback(async () => {
    const out = await api.call('schema.erSvg', { sourceId, collapsed: view.collapsed, transparent: false, includeInferred: true })
    downloadBlob(new Blob([out.svg], { type: 'image/svg+xml' }), `${base}-layered.svg`)
  }, [sourceId, view.collapsed, base])

  const options = useMemo<ExportOption[]>(() => {
    const png = ([1, 2, 4] as const).flatMap((scale) =>
      [false, true].map((transparent) => ({
        id: `png-${scale}x${transparent ? '-transparent' : ''}`,
        label: `ER graph as PNG ${scale}×${transparent ? ', transparent' : ', white'} background`,
        run: () => exportPng(scale, transparent),
      })),
    )
    return [
      ...png,
      { id: 'svg', label: 'ER graph as SVG', description: 'as arranged on screen', run: () => exportSvg(false) },
      { id: 'svg-layered', label: 'ER graph as SVG, layered layout', description: 'what `sonograph er` draws', run: exportEngineSvg },
    ]
  }, [exportPng, exportSvg, exportEngineSvg])
  useTabExports(tabId, options)

  const run = (f: () => Promise<void>): void => {
    setExporting(true)
    setError(null)
    f()
      .catch((err: Error) => setError(err))
      .finally(() => setExporting(false))
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>): void {
    if (!cy || e.ctrlKey || e.metaKey || e.altKey) return
    const pan: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] }
    const p = pan[e.key]
    if (p) cy.panBy({ x: p[0], y: p[1] })
    else if (e.key === '+' || e.key === '=') graph.zoomBy(1.25)
    else if (e.key === '-' || e.key === '_') graph.zoomBy(1 / 1.25)
    else if (e.key === '0') graph.fit()
    else if (e.key === 'f' || e.key === 'F') graph.focusOn(view.hops)
    else if (e.key === 'Escape') graph.showAll()
    else return
    e.preventDefault()
  }

  const c = graph.counts
  const tableNames = useMemo(() => (data.model?.tables ?? []).map((t) => t.name), [data.model])
  const layoutText = graph.layoutInfo
    ? graph.layoutInfo.where === 'saved'
      ? 'your arrangement'
      : `${graph.layoutInfo.name === 'organic' ? 'fcose' : 'layered'} layout ${Math.round(graph.layoutInfo.ms)} ms${graph.layoutInfo.where === 'worker' ? ' (worker)' : ''}`
    : ''

  return (
    <div className="er-view">
      <ErToolbar
        graph={graph}
        tableNames={tableNames}
        view={view}
        setView={setView}
        exporting={exporting}
        onExportPng={() => run(() => exportPng(view.scale, view.transparent))}
        onExportSvg={() => run(() => exportSvg(view.transparent))}
      />
      {data.error ? <ErrorBanner error={data.error} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {graph.layoutError ? <ErrorBanner error={graph.layoutError} /> : null}
      <div className="er-body">
        <div
          ref={canvas}
          className="er-canvas"
          role="application"
          aria-label={`ER graph of ${name}`}
          aria-roledescription="diagram"
          aria-describedby={`${tabId}-er-help`}
          tabIndex={0}
          onKeyDown={onKey}
          data-testid="er-graph"
          data-tables={c.tables}
          data-declared={c.declared}
          data-inferred={c.inferred}
          data-visible={c.visibleTables}
          data-ready={!!cy && !graph.laying && c.tables > 0}
          data-selected={graph.selectedTable ?? ''}
        />
        {graph.laying || !data.rels ? (
          <div className="er-overlay" role="status">
            {data.rels ? `Laying out ${data.model?.tables.length ?? 0} tables…` : 'Reading relationships…'}
          </div>
        ) : null}
        {data.rels ? <RelationshipPanel rels={data.rels} selectedId={graph.selectedEdge} onSelect={graph.selectEdge} onSetState={data.setState} /> : null}
      </div>
      <div className="er-status" role="status" data-testid="er-status">
        <span>
          {c.tables} tables · {c.declared} relationships
          {c.inferred ? ` · ${c.inferred} inferred (${c.accepted} accepted)` : ''}
        </span>
        {graph.focus ? (
          <span>
            showing {c.visibleTables} of {c.tables} tables within {graph.focus.hops} hop{graph.focus.hops > 1 ? 's' : ''} of {graph.focus.table}
          </span>
        ) : null}
        {graph.selectedTable ? <span>selected: {graph.selectedTable}</span> : null}
        {layoutText ? <span className="muted">{layoutText}</span> : null}
        {note ? <span className="muted">{note}</span> : null}
        <span id={`${tabId}-er-help`} className="muted er-help">
          Keys: arrows pan · + − zoom · 0 fit · F focus · Esc show all · drag tables to arrange (remembered)
        </span>
      </div>
    </div>
  )
}
