import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { BrowseColumn, PageCursor, SortSpec } from '../../../../shared/calls/browse'
import type { Cell } from '../../../../shared/cells'
import { api } from '../../api/client'
import { DataGrid } from '../../components/DataGrid'
import { ErrorBanner } from '../../components/ErrorBanner'

interface LoadedState {
  columns: BrowseColumn[]
  rows: Cell[][]
  next: PageCursor | null
  atEnd: boolean
  elapsedMs: number
}

const PAGE = 200

/** Browses one table or view page by page (keyset), sorted by any column. */
export function TableView({ sourceId, table, rowCount }: { sourceId: string; table: string; rowCount: number | null }): ReactNode {
  const [sort, setSort] = useState<SortSpec | null>(null)
  const [state, setState] = useState<LoadedState | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const loading = useRef(false)
  const generation = useRef(0)

  useEffect(() => {
    const gen = ++generation.current
    loading.current = true
    setError(null)
    api
      .call('browse.page', { sourceId, table, limit: PAGE, ...(sort ? { sort } : {}) })
      .then((page) => {
        if (gen !== generation.current) return
        setState({ columns: page.columns, rows: page.rows, next: page.nextCursor, atEnd: page.atEnd, elapsedMs: page.elapsedMs })
      })
      .catch((err: Error) => gen === generation.current && setError(err))
      .finally(() => {
        if (gen === generation.current) loading.current = false
      })
  }, [sourceId, table, sort])

  const loadMore = useCallback(() => {
    if (!state || state.atEnd || !state.next || loading.current) return
    loading.current = true
    const gen = generation.current
    api
      .call('browse.page', { sourceId, table, limit: PAGE, cursor: state.next, ...(sort ? { sort } : {}) })
      .then((page) => {
        if (gen !== generation.current) return
        setState((prev) => (prev ? { ...prev, rows: [...prev.rows, ...page.rows], next: page.nextCursor, atEnd: page.atEnd, elapsedMs: page.elapsedMs } : prev))
      })
      .catch((err: Error) => setError(err))
      .finally(() => {
        loading.current = false
      })
  }, [state, sourceId, table, sort])

  const onSort = useCallback((column: string) => {
    setSort((cur) => (cur?.column !== column ? { column, dir: 'asc' } : cur.dir === 'asc' ? { column, dir: 'desc' } : null))
  }, [])

  return (
    <div className="table-view">
      <div className="toolbar" role="toolbar" aria-label={`${table} toolbar`}>
        <strong>{table}</strong>
        <span className="muted" data-testid="table-status">
          {state ? `${state.rows.length.toLocaleString()} rows loaded` : 'Loading…'}
          {rowCount !== null ? ` of ${rowCount.toLocaleString()}` : ''}
          {state ? ` · last page ${state.elapsedMs.toFixed(1)} ms` : ''}
          {sort ? ` · sorted by ${sort.column} ${sort.dir}` : ''}
        </span>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {state ? (
        <DataGrid label={`Rows of ${table}`} columns={state.columns} rows={state.rows} rowCount={rowCount ?? undefined} sort={sort} onSort={onSort} onNeedMore={loadMore} />
      ) : null}
    </div>
  )
}
