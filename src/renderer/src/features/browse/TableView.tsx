import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { ColumnFilter, SortSpec } from '../../../../shared/calls/browse'
import type { Cell } from '../../../../shared/cells'
import { DataGrid, type DataGridHandle, type GridColumn, type GridSelection } from '../../components/DataGrid'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useJobs } from '../jobs/jobs-store'
import { CellViewer, type CellRef } from './CellViewer'
import { copyText, formatCell, formatRows, type CopyFormat } from './copy-format'
import { draftToFilter, EMPTY_DRAFT, FilterCell, type FilterDraft } from './FilterCell'
import { useTableRows, type CountHooks } from './use-table-rows'
import './browse.css'

/** Rows copied at most at once (the loaded ones in the selected range). */
const MAX_COPY_ROWS = 50_000
const FILTER_DELAY_MS = 450

function fmt(n: number): string {
  return n.toLocaleString('en-US')
}

/**
 * Browses one table or view over its whole row count: the scrollbar spans every
 * row and pages load where the view is (keyset next to loaded pages, a row jump
 * elsewhere); per-column filters, sort both ways, the exact count in the
 * background, a cell viewer and copying as TSV, CSV or JSON.
 */
export function TableView({ sourceId, table, rowCount }: { sourceId: string; table: string; rowCount: number | null }): ReactNode {
  const jobs = useJobs()
  const [sort, setSort] = useState<SortSpec | null>(null)
  const [drafts, setDrafts] = useState<Record<string, FilterDraft>>({})
  const [filters, setFilters] = useState<ColumnFilter[]>([])
  const [range, setRange] = useState<[number, number]>([0, 0])
  const [sel, setSel] = useState<GridSelection | null>(null)
  const [viewing, setViewing] = useState<CellRef | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [goTo, setGoTo] = useState('')
  const [copyOpen, setCopyOpen] = useState(false)
  const grid = useRef<DataGridHandle>(null)
  const copyAnchor = useRef<HTMLDivElement>(null)

  // The Copy menu closes on a click elsewhere.
  useEffect(() => {
    if (!copyOpen) return
    const onDown = (e: MouseEvent): void => {
      if (!copyAnchor.current?.contains(e.target as Node)) setCopyOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [copyOpen])

  const counts = useMemo<CountHooks>(
    () => ({ track: (id, label) => jobs.track(id, 'browseCount', label), wait: (id) => jobs.wait<{ count: number }>(id), cancel: (id) => jobs.cancel(id) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- track/wait/cancel only touch refs and setters; a new object each progress tick would restart the count
    [],
  )
  const data = useTableRows(sourceId, table, sort, filters, rowCount, counts)
  const columns: GridColumn[] = useMemo(() => (data.columns ?? []).map((c) => ({ name: c.name, type: c.type, pk: c.pk })), [data.columns])
  const { setVisible } = data

  // Typing filters applies them after a pause; Enter applies at once.
  const computed = useMemo(
    () => columns.flatMap((c) => draftToFilter(c.name, c.type ?? '', drafts[c.name] ?? EMPTY_DRAFT) ?? []),
    [columns, drafts],
  )
  const applyFilters = useCallback(() => setFilters((cur) => (JSON.stringify(cur) === JSON.stringify(computed) ? cur : computed)), [computed])
  useEffect(() => {
    const t = setTimeout(applyFilters, FILTER_DELAY_MS)
    return () => clearTimeout(t)
  }, [applyFilters])

  // A new order or filter starts at the top.
  useEffect(() => {
    grid.current?.scrollToRow(0, 'start')
    setSel(null)
  }, [sort, filters])

  const onVisibleRange = useCallback(
    (first: number, last: number) => {
      setRange([first, last])
      setVisible(first, last)
    },
    [setVisible],
  )

  const onSort = useCallback((column: string) => {
    setSort((cur) => (cur?.column !== column ? { column, dir: 'asc' } : cur.dir === 'asc' ? { column, dir: 'desc' } : null))
  }, [])

  function openCell(row: number, col: number): void {
    const column = columns[col]?.name
    if (!column) return
    if (data.mode === 'offset') return setViewing({ column, row: { offset: row, filters, ...(sort ? { sort } : {}) } })
    const key = data.keyAt(row)
    if (key) setViewing({ column, row: { key } })
    else setNote('That row is still loading.')
  }

  async function copy(format: CopyFormat, what: 'cell' | 'rows'): Promise<void> {
    setCopyOpen(false)
    if (!sel) return setNote('Select a cell or rows first (click, Shift+click a second row).')
    if (what === 'cell') {
      const c = data.rowAt(sel.row)?.[sel.col]
      if (c === undefined) return setNote('That row is still loading.')
      await copyText(formatCell(c, format))
      return setNote(`Copied the cell${format === 'json' ? ' as JSON' : ''}`)
    }
    const lo = Math.min(sel.row, sel.anchorRow ?? sel.row)
    const hi = Math.min(Math.max(sel.row, sel.anchorRow ?? sel.row), lo + MAX_COPY_ROWS - 1)
    const rows: Cell[][] = []
    for (let i = lo; i <= hi; i++) {
      const r = data.rowAt(i)
      if (r) rows.push(r)
    }
    await copyText(formatRows(columns.map((c) => c.name), rows, format))
    const skipped = hi - lo + 1 - rows.length
    setNote(`Copied ${fmt(rows.length)} row${rows.length === 1 ? '' : 's'} as ${format.toUpperCase()}${skipped ? ` (${fmt(skipped)} not loaded were left out)` : ''}`)
  }

  function onGridCopy(s: GridSelection): void {
    void copy('tsv', s.anchorRow !== undefined && s.anchorRow !== s.row ? 'rows' : 'cell')
  }

  function jump(e: FormEvent): void {
    e.preventDefault()
    const n = Number(goTo.replace(/[,_\s]/g, ''))
    if (!Number.isInteger(n) || n < 1) return setNote('Row numbers start at 1.')
    const row = Math.min(n, Math.max(1, data.total)) - 1
    grid.current?.scrollToRow(row, 'start')
    setSel({ row, col: sel?.col ?? 0 })
  }

  const exact = data.exactCount
  const countLabel =
    exact !== null ? `${fmt(exact)} row${exact === 1 ? '' : 's'}` : data.estimate !== null ? `~${fmt(data.estimate)} rows (counting…)` : 'counting…'
  const activeFilters = filters.length
  const status = [
    data.columns && data.total > 0
      ? `Rows ${fmt(range[0] + 1)}–${fmt(Math.min(range[1] + 1, data.total))} of ${exact !== null ? fmt(exact) : `~${fmt(data.total)}`}`
      : data.columns
        ? 'No rows'
        : 'Loading…',
    data.lastElapsedMs !== null ? `page ${data.lastElapsedMs.toFixed(1)} ms` : '',
    sort ? `sorted by ${sort.column} ${sort.dir}` : '',
    data.approximate ? 'position approximate' : '',
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <div className="table-view">
      <div className="toolbar" role="toolbar" aria-label={`${table} toolbar`}>
        <strong>{table}</strong>
        <span className="count-label" data-testid="row-count" aria-live="polite">
          {countLabel}
          {activeFilters ? ` · ${activeFilters} filter${activeFilters === 1 ? '' : 's'}` : ''}
        </span>
        <span className="muted table-status" data-testid="table-status" title={status}>
          {status}
        </span>
        <button type="button" onClick={() => grid.current?.scrollToRow(0, 'start')} aria-label="First rows" title="First rows (Ctrl+Home in the grid)">
          ⤒ First
        </button>
        <button type="button" onClick={() => grid.current?.scrollToRow(Math.max(0, data.total - 1))} aria-label="Last rows" title="Last rows (Ctrl+End in the grid)">
          ⤓ Last
        </button>
        <form className="goto" onSubmit={jump}>
          <input type="text" inputMode="numeric" aria-label="Go to row" placeholder="row #" value={goTo} onChange={(e) => setGoTo(e.target.value)} />
          <button type="submit">Go</button>
        </form>
        <button type="button" onClick={() => sel && openCell(sel.row, sel.col)} disabled={!sel} title="Open the selected cell (Enter or double-click)">
          View cell
        </button>
        <div className="menu-anchor" ref={copyAnchor}>
          <button type="button" aria-haspopup="menu" aria-expanded={copyOpen} onClick={() => setCopyOpen((o) => !o)}>
            Copy ▾
          </button>
          {copyOpen ? (
            <div className="menu-popup copy-menu" role="menu" aria-label="Copy" onKeyDown={(e) => e.key === 'Escape' && setCopyOpen(false)}>
              <button type="button" role="menuitem" onClick={() => void copy('tsv', 'cell')}>
                Cell value
              </button>
              <button type="button" role="menuitem" onClick={() => void copy('tsv', 'rows')}>
                Rows as TSV
              </button>
              <button type="button" role="menuitem" onClick={() => void copy('csv', 'rows')}>
                Rows as CSV
              </button>
              <button type="button" role="menuitem" onClick={() => void copy('json', 'rows')}>
                Rows as JSON
              </button>
            </div>
          ) : null}
        </div>
        {Object.values(drafts).some((d) => d.op) ? (
          <button type="button" onClick={() => (setDrafts({}), setFilters([]))}>
            Clear filters
          </button>
        ) : null}
      </div>
      {note ? (
        <p className="browse-note" role="status">
          {note}{' '}
          <button type="button" className="link" aria-label="Dismiss note" onClick={() => setNote(null)}>
            ×
          </button>
        </p>
      ) : null}
      {data.error ? <ErrorBanner error={data.error} /> : null}
      {data.columns ? (
        <DataGrid
          ref={grid}
          label={`Rows of ${table}`}
          columns={columns}
          rows={[]}
          rowAt={data.rowAt}
          rowCount={data.total}
          sort={sort}
          onSort={onSort}
          onVisibleRange={onVisibleRange}
          onSelectionChange={setSel}
          onCellOpen={openCell}
          onCopy={onGridCopy}
          headerExtra={(c) => (
            <FilterCell
              column={c.name}
              draft={drafts[c.name] ?? EMPTY_DRAFT}
              onChange={(d) => setDrafts((prev) => ({ ...prev, [c.name]: d }))}
              onApply={applyFilters}
            />
          )}
        />
      ) : null}
      {viewing ? <CellViewer sourceId={sourceId} table={table} cell={viewing} onClose={() => setViewing(null)} /> : null}
    </div>
  )
}
