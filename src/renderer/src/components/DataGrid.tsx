import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { cellText, isBigIntCell, isBlobCell, type Cell } from '../../../shared/cells'

export interface GridColumn {
  name: string
  type?: string
  pk?: number
}

export interface GridSort {
  column: string
  dir: 'asc' | 'desc'
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
  onSelectionChange?: (sel: { row: number; col: number } | null) => void
  /** Extra content under each header cell (filter inputs). */
  headerExtra?: (column: GridColumn, index: number) => ReactNode
  label: string
}

const ROW_HEIGHT = 26

/** A starting width from the column's type and name: numbers narrow, text wide. */
function columnWidth(c: GridColumn): number {
  const t = (c.type ?? '').toUpperCase()
  const byType = /INT|REAL|NUM|DEC|FLOAT|DOUBLE|BOOL/.test(t) ? 110 : /DATE|TIME/.test(t) ? 170 : 200
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
 * A virtualized grid: only the visible rows are in the DOM, so a page of
 * thousands of rows scrolls as smoothly as ten. Keyboard: arrows move the
 * selected cell, Enter opens it, Ctrl+C copies it.
 */
export function DataGrid(props: DataGridProps): ReactNode {
  const { columns, rows, onNeedMore, onSelectionChange } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [sel, setSel] = useState<{ row: number; col: number } | null>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  })
  const items = virtualizer.getVirtualItems()
  const lastVisible = items.length ? items[items.length - 1]!.index : 0

  useEffect(() => {
    if (onNeedMore && rows.length > 0 && lastVisible >= rows.length - 40) onNeedMore()
  }, [lastVisible, rows.length, onNeedMore])

  const select = useCallback(
    (next: { row: number; col: number } | null) => {
      setSel(next)
      onSelectionChange?.(next)
      if (next) virtualizer.scrollToIndex(next.row)
    },
    [onSelectionChange, virtualizer],
  )

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (!sel) return
    const move = (dr: number, dc: number): void => {
      e.preventDefault()
      select({ row: Math.max(0, Math.min(rows.length - 1, sel.row + dr)), col: Math.max(0, Math.min(columns.length - 1, sel.col + dc)) })
    }
    if (e.key === 'ArrowDown') move(1, 0)
    else if (e.key === 'ArrowUp') move(-1, 0)
    else if (e.key === 'ArrowRight') move(0, 1)
    else if (e.key === 'ArrowLeft') move(0, -1)
    else if (e.key === 'PageDown') move(20, 0)
    else if (e.key === 'PageUp') move(-20, 0)
    else if (e.key === 'Enter') props.onCellOpen?.(sel.row, sel.col)
    else if ((e.ctrlKey || e.metaKey) && e.key === 'c') {
      const c = rows[sel.row]?.[sel.col]
      if (c !== undefined) void navigator.clipboard?.writeText(c === null ? '' : cellText(c))
    }
  }

  // Fixed pixel widths: every row is its own CSS grid, so flexible tracks would differ row by row.
  const widths = columns.map(columnWidth)
  const template = `56px ${widths.map((w) => `${w}px`).join(' ')}`
  const totalWidth = 56 + widths.reduce((a, b) => a + b, 0)
  return (
    <div className="grid" role="grid" aria-label={props.label} aria-rowcount={props.rowCount ?? rows.length} aria-colcount={columns.length} tabIndex={0} onKeyDown={onKeyDown} ref={scroller}>
      <div className="grid-header" role="row" style={{ gridTemplateColumns: template, width: totalWidth }}>
        <div className="grid-rownum" role="columnheader" aria-label="row number">#</div>
        {columns.map((c, i) => (
          <div key={c.name} role="columnheader" className="grid-th" aria-sort={props.sort?.column === c.name ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
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
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((vi) => {
          const row = rows[vi.index]!
          return (
            <div key={vi.key} role="row" aria-rowindex={vi.index + 1} className={`grid-row ${vi.index % 2 ? 'odd' : ''}`} style={{ transform: `translateY(${vi.start}px)`, gridTemplateColumns: template, width: totalWidth }}>
              <div className="grid-rownum" role="rowheader">{vi.index + 1}</div>
              {row.map((c, ci) => (
                <div
                  key={ci}
                  role="gridcell"
                  className={`${cellClass(c)} ${sel && sel.row === vi.index && sel.col === ci ? 'selected' : ''}`}
                  onClick={() => select({ row: vi.index, col: ci })}
                  onDoubleClick={() => props.onCellOpen?.(vi.index, ci)}
                >
                  {renderCell(c)}
                </div>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
