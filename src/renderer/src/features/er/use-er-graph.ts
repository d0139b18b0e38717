import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape'
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { Relationship, SchemaModel } from '../../../../shared/schema-model'
import { erElements, type TableNodeData } from './er-elements'
import { layeredLayout, organicLayout, type ErLayoutName, type LayoutResult, type Positions } from './er-layouts'
import { clearPositions, loadPositions, savePositions } from './er-positions'
import { erStylesheet, readPalette } from './er-style'

/** Above this many tables, pan and zoom draw a snapshot and hide edges while moving. */
const LARGE = 150
const FAR_ZOOM = 0.45

export interface LayoutInfo {
  name: ErLayoutName | 'saved'
  ms: number
  where: LayoutResult['where'] | 'saved'
}

/** What the graph holds right now, read from cytoscape itself. */
export interface GraphCounts {
  tables: number
  declared: number
  inferred: number
  accepted: number
  visibleTables: number
}
const NO_COUNTS: GraphCounts = { tables: 0, declared: 0, inferred: 0, accepted: 0, visibleTables: 0 }

function countGraph(cy: Core): GraphCounts {
  return {
    tables: cy.nodes().length,
    declared: cy.edges('.declared').length,
    inferred: cy.edges('.inferred').not('.hidden-rel').length,
    accepted: cy.edges('.accepted').length,
    visibleTables: cy.nodes().not('.off').length,
  }
}

export interface ErGraph {
  cy: Core | null
  laying: boolean
  layoutInfo: LayoutInfo | null
  layoutError: Error | null
  selectedTable: string | null
  selectedEdge: string | null
  counts: GraphCounts
  focus: { table: string; hops: number } | null
  search(query: string): string | null
  focusOn(hops: number, table?: string): boolean
  showAll(): void
  relayout(name: ErLayoutName): void
  zoomBy(factor: number): void
  fit(): void
  selectEdge(id: string | null): void
}

function isNodeDef(e: ElementDefinition): e is ElementDefinition & { data: TableNodeData } {
  return e.group === 'nodes'
}

/**
 * The arrangement of each database for this session: switching tabs unmounts
 * the view, and coming back must not shuffle the tables (fcose starts random).
 * Dragged arrangements persist across sessions in localStorage instead.
 */
const sessionLayouts = new Map<string, { positions: Positions; info: LayoutInfo }>()

/** Fits, but never blows a handful of tables up past a comfortable size. */
export function fitView(cy: Core, eles?: cytoscape.CollectionArgument): void {
  const target = eles ?? cy.elements(':visible')
  // A search's centring animation still running would pull the view off the fitted set.
  cy.stop(true, false)
  cy.fit(target, 30)
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3)
    cy.center(target)
  }
}

function currentPositions(cy: Core): Positions {
  const out: Positions = {}
  cy.nodes().forEach((n) => {
    const p = n.position()
    out[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) }
  })
  return out
}

/**
 * Owns the cytoscape instance: builds it once the schema is known, lays the
 * tables out (remembered arrangement, else fcose in a worker or the layered
 * layout), keeps edges in step with accepted/hidden relationships without
 * moving tables, and follows the theme.
 */
export function useErGraph(
  container: RefObject<HTMLDivElement | null>,
  model: SchemaModel | null,
  rels: Relationship[] | null,
  opts: { location: string; collapsed: boolean; layout: ErLayoutName },
): ErGraph {
  const [cy, setCy] = useState<Core | null>(null)
  const [laying, setLaying] = useState(false)
  const [layoutInfo, setLayoutInfo] = useState<LayoutInfo | null>(null)
  const [layoutError, setLayoutError] = useState<Error | null>(null)
  const [selectedTable, setSelectedTable] = useState<string | null>(null)
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null)
  const [counts, setCounts] = useState<GraphCounts>(NO_COUNTS)
  const [focus, setFocus] = useState<{ table: string; hops: number } | null>(null)
  const optsRef = useRef(opts)
  const layoutSeq = useRef(0)
  optsRef.current = opts
  const hasModel = model !== null
  const large = (model?.tables.length ?? 0) > LARGE

  useEffect(() => {
    const el = container.current
    if (!el || !hasModel) return
    const instance = cytoscape({
      container: el,
      style: erStylesheet(readPalette(el)),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
    })
    instance.on('select', 'node', (e) => setSelectedTable((e.target as NodeSingular).id()))
    instance.on('unselect', 'node', (e) => setSelectedTable((cur) => (cur === (e.target as NodeSingular).id() ? null : cur)))
    instance.on('tap', 'edge', (e) => setSelectedEdge((e.target as cytoscape.EdgeSingular).id()))
    instance.on('tap', (e) => {
      if (e.target === instance) setSelectedEdge(null)
    })
    instance.on('dragfree', 'node', () => savePositions(optsRef.current.location, currentPositions(instance)))
    // Below this zoom the 11px column lists are under 5px: names only, large.
    let far = false
    let frame = 0
    instance.on('zoom', () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        // For tests and tools: the zoom, without re-rendering React on every wheel tick.
        el.dataset.zoom = instance.zoom().toFixed(4)
        const now = instance.zoom() < FAR_ZOOM
        if (now !== far) instance.nodes().toggleClass('far', (far = now))
      })
    })
    const theme = new MutationObserver(() => instance.style(erStylesheet(readPalette(el))))
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    setCy(instance)
    return () => {
      cancelAnimationFrame(frame)
      theme.disconnect()
      instance.destroy()
      setCy(null)
    }
  }, [container, hasModel, large])

  const sizesOf = useCallback((defs: (ElementDefinition & { data: TableNodeData })[]) => {
    const c = optsRef.current.collapsed
    return defs.map((d) => ({ id: d.data.id, w: c ? d.data.sw : d.data.w, h: c ? d.data.sh : d.data.h }))
  }, [])

  const runLayout = useCallback(
    async (name: ErLayoutName, nodes: { id: string; w: number; h: number }[], edges: { id: string; source: string; target: string }[]): Promise<LayoutResult> => {
      if (name === 'layered' && model && rels) return layeredLayout(model, rels, new Map(nodes.map((n) => [n.id, n])))
      return organicLayout({ nodes, edges })
    },
    [model, rels],
  )

  // Full load when the set of tables changes; edge refresh otherwise.
  useEffect(() => {
    if (!cy || !model || !rels) return
    const els = erElements(model, rels)
    const nodeDefs = els.filter(isNodeDef)
    const edgeDefs = els.filter((e) => e.group === 'edges')
    const same = cy.nodes().length === nodeDefs.length && nodeDefs.every((n) => cy.getElementById(n.data.id).nonempty())
    if (same) {
      cy.batch(() => {
        cy.edges().remove()
        for (const n of nodeDefs) cy.getElementById(n.data.id).data(n.data)
        cy.add(edgeDefs)
        cy.edges().forEach((e) => {
          if (e.source().hasClass('off') || e.target().hasClass('off')) e.addClass('off')
        })
      })
      setCounts(countGraph(cy))
      return
    }
    let live = true
    cy.elements().remove()
    setLaying(true)
    setLayoutError(null)
    const saved = loadPositions(optsRef.current.location)
    const edgesIn = edgeDefs.map((e) => ({ id: String(e.data.id), source: String(e.data.source), target: String(e.data.target) }))
    const done = (positions: Positions, info: LayoutInfo): void => {
      if (!live) return
      cy.batch(() => {
        const coll = optsRef.current.collapsed
        cy.add(nodeDefs.map((n) => ({ ...n, classes: `${n.classes as string}${coll ? ' collapsed' : ''}`, position: saved?.[n.data.id] ?? positions[n.data.id] ?? { x: 0, y: 0 } })))
        cy.add(edgeDefs)
      })
      fitView(cy)
      setCounts(countGraph(cy))
      setLayoutInfo(info)
      setLaying(false)
      if (info.where !== 'saved') sessionLayouts.set(optsRef.current.location, { positions: currentPositions(cy), info })
    }
    const session = sessionLayouts.get(optsRef.current.location)
    if (saved && nodeDefs.every((n) => saved[n.data.id])) {
      done(saved, { name: 'saved', ms: 0, where: 'saved' })
    } else if (session && nodeDefs.every((n) => session.positions[n.data.id])) {
      done(session.positions, session.info)
    } else {
      const name = optsRef.current.layout
      runLayout(name, sizesOf(nodeDefs), edgesIn).then(
        (r) => done(r.positions, { name, ms: r.ms, where: r.where }),
        (err: Error) => {
          if (!live) return
          setLayoutError(err)
          done(layeredLayout(model, rels, new Map(nodeDefs.map((n) => [n.data.id, n.data]))).positions, { name: 'layered', ms: 0, where: 'instant' })
        },
      )
    }
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runLayout changes with rels; an edge change must not re-layout
  }, [cy, model, rels])

  const lastCollapsed = useRef(opts.collapsed)
  useEffect(() => {
    if (!cy) return
    cy.nodes().toggleClass('collapsed', opts.collapsed)
    if (lastCollapsed.current === opts.collapsed) return
    lastCollapsed.current = opts.collapsed
    // Name-only boxes are small: lay them out again so the overview is compact
    // (and full boxes again so they do not overlap), unless the user arranged them.
    if (!loadPositions(optsRef.current.location) && cy.nodes().nonempty()) relayoutRef.current(optsRef.current.layout)
  }, [cy, opts.collapsed])

  const showAll = useCallback(() => {
    if (!cy) return
    cy.elements().removeClass('off')
    setFocus(null)
    setCounts(countGraph(cy))
    fitView(cy)
  }, [cy])

  const focusOn = useCallback(
    (hops: number, table?: string) => {
      if (!cy) return false
      const start = table ? cy.getElementById(table) : cy.nodes(':selected').first()
      if (start.empty()) return false
      let set = start.nodes()
      for (let i = 0; i < hops; i++) set = set.union(set.neighborhood().nodes())
      cy.batch(() => {
        cy.elements().addClass('off')
        set.removeClass('off')
        set.edgesWith(set).removeClass('off')
        set.filter((n) => n.edgesWith(n).nonempty()).forEach((n) => void n.edgesWith(n).removeClass('off'))
      })
      setFocus({ table: start.id(), hops })
      setCounts(countGraph(cy))
      fitView(cy, set)
      return true
    },
    [cy],
  )

  const search = useCallback(
    (query: string) => {
      if (!cy) return null
      const q = query.trim().toLowerCase()
      if (!q) return null
      const nodes = cy.nodes()
      const hit = nodes.filter((n) => n.id().toLowerCase() === q).first().nonempty()
        ? nodes.filter((n) => n.id().toLowerCase() === q).first()
        : nodes.filter((n) => n.id().toLowerCase().includes(q)).first()
      if (hit.empty()) return null
      if (hit.hasClass('off')) showAll()
      cy.elements(':selected').unselect()
      cy.nodes('.found').removeClass('found')
      hit.select()
      hit.addClass('found')
      cy.stop(true, false)
      cy.animate({ center: { eles: hit }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 })
      return hit.id()
    },
    [cy, showAll],
  )

  const relayout = useCallback(
    (name: ErLayoutName) => {
      if (!cy || !model || !rels) return
      clearPositions(optsRef.current.location)
      const nodes = cy.nodes().map((n) => {
        const c = n.hasClass('collapsed')
        return { id: n.id(), w: Number(n.data(c ? 'sw' : 'w')), h: Number(n.data(c ? 'sh' : 'h')) }
      })
      const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }))
      setLaying(true)
      setLayoutError(null)
      // Only the latest request lands: toggling names-only twice quickly starts two layouts.
      const seq = ++layoutSeq.current
      runLayout(name, nodes, edges)
        .then((r) => {
          if (seq !== layoutSeq.current) return
          cy.batch(() => cy.nodes().forEach((n) => void n.position(r.positions[n.id()] ?? n.position())))
          fitView(cy)
          setLayoutInfo({ name, ms: r.ms, where: r.where })
          sessionLayouts.set(optsRef.current.location, { positions: currentPositions(cy), info: { name, ms: r.ms, where: r.where } })
        })
        .catch((err: Error) => seq === layoutSeq.current && setLayoutError(err))
        .finally(() => seq === layoutSeq.current && setLaying(false))
    },
    [cy, model, rels, runLayout],
  )

  const relayoutRef = useRef(relayout)
  relayoutRef.current = relayout

  const zoomBy = useCallback(
    (factor: number) => {
      if (!cy) return
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
    },
    [cy],
  )
  const fit = useCallback(() => cy && fitView(cy), [cy])
  const selectEdge = useCallback(
    (id: string | null) => {
      setSelectedEdge(id)
      if (!cy || !id) return
      cy.elements(':selected').unselect()
      cy.getElementById(id).select()
    },
    [cy],
  )

  return { cy, laying, layoutInfo, layoutError, selectedTable, selectedEdge, counts, focus, search, focusOn, showAll, relayout, zoomBy, fit, selectEdge }
}
