import { useId, useState, type ReactNode } from 'react'
import type { ErLayoutName } from './er-layouts'
import type { ErGraph } from './use-er-graph'

export interface ErViewOptions {
  collapsed: boolean
  layout: ErLayoutName
  hops: number
  showHidden: boolean
  scale: 1 | 2 | 4
  transparent: boolean
}

/** Find, focus, collapse, layout, zoom and export: every graph control, each labelled for keyboard and screen reader. */
export function ErToolbar({
  graph,
  tableNames,
  view,
  setView,
  onExportPng,
  onExportSvg,
  exporting,
}: {
  graph: ErGraph
  tableNames: string[]
  view: ErViewOptions
  setView: (patch: Partial<ErViewOptions>) => void
  onExportPng: () => void
  onExportSvg: () => void
  exporting: boolean
}): ReactNode {
  const [query, setQuery] = useState('')
  const [miss, setMiss] = useState(false)
  const listId = useId()
  const ready = !!graph.cy && !graph.laying

  return (
    <div className="toolbar er-toolbar" role="toolbar" aria-label="ER graph tools">
      <form
        className="er-group"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          setMiss(graph.search(query) === null)
        }}
      >
        <input type="search" aria-label="Find table" placeholder="Find table" list={listId} value={query} onChange={(e) => setQuery(e.target.value)} aria-invalid={miss} />
        <datalist id={listId}>
          {tableNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" disabled={!ready}>
          Find
        </button>
      </form>
      <span className="er-group">
        <label>
          Hops{' '}
          <select aria-label="Hops" value={view.hops} onChange={(e) => setView({ hops: Number(e.target.value) })}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!ready || !graph.selectedTable} onClick={() => graph.focusOn(view.hops)} title="Show the selected table and its neighbours (F)">
          Focus
        </button>
        <button type="button" disabled={!graph.focus} onClick={graph.showAll} title="Show every table (Esc)">
          Show all
        </button>
      </span>
      <label className="er-group">
        <input type="checkbox" checked={view.collapsed} onChange={(e) => setView({ collapsed: e.target.checked })} /> Names only
      </label>
      <span className="er-group">
        <label>
          Layout{' '}
          <select aria-label="Layout" value={view.layout} onChange={(e) => setView({ layout: e.target.value as ErLayoutName })}>
            <option value="organic">Organic (fcose)</option>
            <option value="layered">Layered</option>
          </select>
        </label>
        <button type="button" disabled={!ready} onClick={() => graph.relayout(view.layout)} title="Lay the tables out again (forgets dragged positions)">
          Re-layout
        </button>
      </span>
      <span className="er-group" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" disabled={!ready} onClick={() => graph.zoomBy(1 / 1.25)}>
          −
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" disabled={!ready} onClick={() => graph.zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label="Fit to window" title="Fit (0)" disabled={!ready} onClick={graph.fit}>
          Fit
        </button>
      </span>
      <span className="er-group" role="group" aria-label="Export">
        <select aria-label="PNG scale" value={view.scale} onChange={(e) => setView({ scale: Number(e.target.value) as 1 | 2 | 4 })}>
          <option value={1}>1×</option>
          <option value={2}>2×</option>
          <option value={4}>4×</option>
        </select>
        <select aria-label="PNG background" value={view.transparent ? 'transparent' : 'white'} onChange={(e) => setView({ transparent: e.target.value === 'transparent' })}>
          <option value="white">White</option>
          <option value="transparent">Transparent</option>
        </select>
        <button type="button" disabled={!ready || exporting} onClick={onExportPng}>
          Export PNG
        </button>
        <button type="button" disabled={!ready || exporting} onClick={onExportSvg}>
          Export SVG
        </button>
      </span>
      <label className="er-group">
        <input type="checkbox" checked={view.showHidden} onChange={(e) => setView({ showHidden: e.target.checked })} /> Show hidden edges
      </label>
    </div>
  )
}
