import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react'
import { cellText, isBigIntCell, isBlobCell, type Cell } from '../../../shared/cells'
import { maxVirtualTop, ROW_HEIGHT, rowWindow, scaleRatio, virtualTopFor } from './row-window'
import './data-grid.css'

export interface GridColumn {
  name: string
  type?: string
  pk?: number
}

export interface GridSort {
  column: string
  dir: 'asc' | 'desc'
}

/** The selected cell; `anchorRow` is the other end of a row range (Shift+click / Shift+arrows). */
export interface GridSelection {
  row: number
  col: number
  anchorRow?: number
}

export interface DataGridHandle {
  /** Brings the row into view; 'start' puts it at the top. */
  scrollToRow(row: number, align?: 'auto' | 'start'): void
  focus(): void
}

export interface DataGridProps {
  columns: GridColumn[]
  rows: Cell[][]
  /** Rows known to exist in total (may exceed rows.length while pages load). */
  rowCount?: number
  sort?: GridSort | null
  onSort?: (column: string) => void
  /** Asked when the view nears the end of the loaded rows. */
  onNeedMore?: () => void
  onCellOpen?: (row: number, col: number) => void
  onSelectionChange?: (sel: GridSelection | null) => void
  /** Extra content under each header cell (filter inputs). */
  headerExtra?: (column: GridColumn, index: number) => ReactNode
  label: string
  /**
   * Sparse mode: the grid spans `rowCount` rows and reads each through rowAt
   * (undefined = not loaded yet, shown as a placeholder); `rows` is ignored.
   */
  rowAt?: (index: number) => Cell[] | undefined
  /** The rows on screen changed (sparse mode loads them). */
  onVisibleRange?: (first: number, last: number) => void
  /** Ctrl+C: replaces the default (the selected cell's text). */
  onCopy?: (sel: GridSelection) => void
  ref?: Ref<DataGridHandle>
}

/** A starting width from the column's type and name: numbers narrow, text wide. */
function columnWidth(c: GridColumn): number {
  const t = (c.type ?? '').toUpperCase()
  const byType = /INT|REAL|NUM|DEC|FLOAT|DOUBLE|BOOL/.test(t) ? 120 : /DATE|TIME/.test(t) ? 170 : 200
  const byName = c.name.length * 8 + (c.type ? c.type.length * 6 : 0) + (c.pk ? 28 : 0) + 24
  return Math.min(360, Math.max(byType, byName))
}

function cellClass(c: Cell): string {
  if (c === null) return 'cell null'
  if (typeof c === 'number' || isBigIntCell(c)) return 'cell num'
  if (isBlobCell(c)) return 'cell blob'
  if (c === '') return 'cell empty'
  return 'cell'
}

export function renderCell(c: Cell): ReactNode {
  if (c === null) return <span className="null-marker">NULL</span>
  if (c === '') return <span className="empty-marker" aria-label="empty string"></span>
  const text = cellText(c)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/**
 * A virtualized grid: only the visible rows are in the DOM, and the scrollbar
 * spans every row (scaled past a few hundred thousand), so tens of millions of
 * rows scroll like ten. Keyboard: arrows, Page Up/Down, Ctrl+Home/End move the
 * selected cell (Shift extends a row range), Enter opens it, Ctrl+C copies.
 */
export function DataGrid(props: DataGridProps): ReactNode {
  const { columns, rows, onNeedMore, onSelectionChange, onVisibleRange, rowAt } = props
  const count = rowAt ? (props.rowCount ?? 0) : rows.length
  const scroller = useRef<HTMLDivElement>(null)
  const header = useRef<HTMLDivElement>(null)
  const [sel, setSel] = useState<GridSelection | null>(null)
  // scrollTop is the element's; virtualTop the viewport's top in row space (they differ past the height cap).
  const [pos, setPos] = useState({ scrollTop: 0, virtualTop: 0 })
  const posRef = useRef(pos)
  posRef.current = pos
  /** A scrollTop we set ourselves: its scroll event must not round virtualTop to the scrollbar's coarse steps. */
  const ownScroll = useRef<number | null>(null)
  const [viewport, setViewport] = useState(600)

  // The body's visible height: the scroller minus the sticky header.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = (): void => setViewport(Math.max(ROW_HEIGHT, el.clientHeight - (header.current?.offsetHeight ?? 0)))
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    if (header.current) ro.observe(header.current)
    return () => ro.disconnect()
  }, [])

  const win = rowWindow(count, pos.virtualTop, pos.scrollTop, viewport)

  const moveTo = useCallback(
    (virtualTop: number) => {
      const el = scroller.current
      if (!el) return
      const vt = Math.max(0, Math.min(maxVirtualTop(count, viewport), virtualTop))
      el.scrollTop = vt / scaleRatio(count, viewport)
      ownScroll.current = el.scrollTop
      setPos({ scrollTop: el.scrollTop, virtualTop: vt })
    },
    [count, viewport],
  )

  function onScroll(el: HTMLDivElement): void {
    const st = el.scrollTop
    if (ownScroll.current !== null && Math.abs(st - ownScroll.current) <= 1) {
      ownScroll.current = null
      setPos((p) => ({ ...p, scrollTop: st }))
      return
    }
    ownScroll.current = null
    setPos({ scrollTop: st, virtualTop: st * scaleRatio(count, viewport) })
  }

  // Past the height cap one scrollbar pixel is many rows: the wheel moves by real pixels instead.
  useEffect(() => {
    const el = scroller.current
    if (!el || scaleRatio(count, viewport) === 1) return
    const onWheel = (e: WheelEvent): void => {
      if (e.ctrlKey) return
      e.preventDefault()
      const unit = e.deltaMode === 1 ? ROW_HEIGHT : e.deltaMode === 2 ? viewport : 1
      el.scrollLeft += e.deltaX * unit
      moveTo(posRef.current.virtualTop + e.deltaY * unit)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [count, viewport, moveTo])

  useEffect(() => {
    if (onNeedMore && !rowAt && rows.length > 0 && win.lastVisible >= rows.length - 40) onNeedMore()
  }, [win.lastVisible, rows.length, onNeedMore, rowAt])

  useEffect(() => {
    if (count > 0) onVisibleRange?.(win.firstVisible, win.lastVisible)
  }, [win.firstVisible, win.lastVisible, count, onVisibleRange])

  const scrollToRow = useCallback(
    (row: number, align: 'auto' | 'start' = 'auto') => {
      const target = virtualTopFor(count, row, posRef.current.virtualTop, viewport, align)
      if (target !== null) moveTo(target)
    },
    [count, viewport, moveTo],
  )

  useImperativeHandle(props.ref, () => ({ scrollToRow, focus: () => scroller.current?.focus() }), [scrollToRow])

  const select = useCallback(
    (next: GridSelection | null) => {
      setSel(next)
      onSelectionChange?.(next)
      if (next) scrollToRow(next.row)
    },
    [onSelectionChange, scrollToRow],
  )

  // Shift+click extends the row range; without this the browser would also select the text in between.
  function noTextSelection(e: MouseEvent): void {
    if (!e.shiftKey) return
    e.preventDefault()
    scroller.current?.focus()
  }

  function clickCell(e: MouseEvent, row: number, col: number): void {
    if (e.shiftKey && sel) select({ row, col, anchorRow: sel.anchorRow ?? sel.row })
    else select({ row, col })
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.target !== e.currentTarget || count === 0) return
    const cur = sel ?? { row: win.firstVisible, col: 0 }
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1)
    const go = (row: number, col: number): void => {
      e.preventDefault()
      const r = Math.max(0, Math.min(count - 1, row))
      const c = Math.max(0, Math.min(columns.length - 1, col))
      select(e.shiftKey ? { row: r, col: c, anchorRow: cur.anchorRow ?? cur.row } : { row: r, col: c })
    }
    const ctrl = e.ctrlKey || e.metaKey
    if (e.key === 'ArrowDown') go(cur.row + 1, cur.col)
    else if (e.key === 'ArrowUp') go(cur.row - 1, cur.col)
    else if (e.key === 'ArrowRight') go(cur.row, cur.col + 1)
    else if (e.key === 'ArrowLeft') go(cur.row, cur.col - 1)
    else if (e.key === 'PageDown') go(cur.row + page, cur.col)
    else if (e.key === 'PageUp') go(cur.row - page, cur.col)
    else if (e.key === 'Home') go(ctrl ? 0 : cur.row, ctrl ? cur.col : 0)
    else if (e.key === 'End') go(ctrl ? count - 1 : cur.row, ctrl ? cur.col : columns.length - 1)
    else if (e.key === 'Enter' && sel) {
      // Without this the same key press would activate the first button of a dialog it opens.
      e.preventDefault()
      props.onCellOpen?.(sel.row, sel.col)
    }
    else if (ctrl && e.key.toLowerCase() === 'c' && sel) {
      e.preventDefault()
      if (props.onCopy) props.onCopy(sel)
      else {
        const c = (rowAt ? rowAt(sel.row) : rows[sel.row])?.[sel.col]
        if (c !== undefined) void navigator.clipboard?.writeText(c === null ? '' : cellText(c))
      }
    }
  }

  // Fixed pixel widths: every row is its own CSS grid, so flexible tracks would differ row by row.
  const widths = columns.map(columnWidth)
  // The row-number column fits the largest number (10,000,000 needs more than 100).
  const numWidth = Math.max(48, count.toLocaleString().length * 7 + 18)
  const template = `${numWidth}px ${widths.map((w) => `${w}px`).join(' ')}`
  const totalWidth = numWidth + widths.reduce((a, b) => a + b, 0)
  const lo = sel ? Math.min(sel.row, sel.anchorRow ?? sel.row) : -1
  const hi = sel ? Math.max(sel.row, sel.anchorRow ?? sel.row) : -1
  const items: ReactNode[] = []
  for (let i = win.start; i < win.end; i++) {
    const row = rowAt ? rowAt(i) : rows[i]
    const style = { transform: `translateY(${win.top(i)}px)`, gridTemplateColumns: template, width: totalWidth }
    const cls = `grid-row ${i % 2 ? 'odd' : ''} ${i >= lo && i <= hi && sel?.anchorRow !== undefined ? 'row-selected' : ''}`
    items.push(
      <div key={i} role="row" aria-rowindex={i + 1} className={`${cls} ${row ? '' : 'loading'}`} style={style}>
        <div className="grid-rownum" role="rowheader" onMouseDown={noTextSelection} onClick={(e) => clickCell(e, i, sel?.col ?? 0)}>
          {(i + 1).toLocaleString()}
        </div>
        {row
          ? row.map((c, ci) => (
              <div
                key={ci}
                role="gridcell"
                className={`${cellClass(c)} ${sel && sel.row === i && sel.col === ci ? 'selected' : ''}`}
                onMouseDown={noTextSelection}
                onClick={(e) => clickCell(e, i, ci)}
                onDoubleClick={() => props.onCellOpen?.(i, ci)}
              >
                {renderCell(c)}
              </div>
            ))
          : columns.map((_, ci) => (
              <div key={ci} role="gridcell" className="cell loading" aria-busy="true">
                …
              </div>
            ))}
      </div>,
    )
  }
  return (
    <div
      className="grid"
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.rowCount ?? rows.length}
      aria-colcount={columns.length}
      aria-multiselectable={true}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => onScroll(e.currentTarget)}
      ref={scroller}
    >
      <div className="grid-header" role="row" ref={header} style={{ gridTemplateColumns: template, width: totalWidth }}>
        <div className="grid-rownum" role="columnheader" aria-label="row number">#</div>
        {columns.map((c, i) => (
          <div key={`${i}:${c.name}`} role="columnheader" className="grid-th" aria-sort={props.sort?.column === c.name ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
            <button type="button" className="th-button" onClick={() => props.onSort?.(c.name)} title={c.type ? `${c.name} ${c.type}` : c.name} disabled={!props.onSort}>
              {c.pk ? (
                <span className="pk-marker" title="primary key">
                  PK
                </span>
              ) : null}
              <span className="th-name">{c.name}</span>
              {props.sort?.column === c.name ? <span aria-hidden>{props.sort.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              {c.type ? <span className="th-type">{c.type}</span> : null}
            </button>
            {props.headerExtra?.(c, i)}
          </div>
        ))}
      </div>
      <div className="grid-body" style={{ height: win.bodyHeight, width: totalWidth }}>
        {items}
      </div>
    </div>
  )
}
