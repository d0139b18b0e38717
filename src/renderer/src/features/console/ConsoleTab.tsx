import type { SQLNamespace } from '@codemirror/lang-sql'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ConsoleResult, PlanTreeNode } from '../../../../shared/calls/browse'
import { api } from '../../api/client'
import { DataGrid, type GridSort } from '../../components/DataGrid'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useCsvExport } from '../export/csv-export-store'
import { useTabExports } from '../shell/export-registry'
import type { TabViewProps } from '../shell/registry'
import { useWorkspace } from '../shell/workspace-store'
import { useSources } from '../sources/sources-store'
import { loadHistory, pushHistory } from './console-history'
import { PlanTree } from './PlanTree'
import { sortRows } from './sort-rows'
import { SqlEditor, type SqlEditorHandle } from './SqlEditor'
import './console.css'

const ROW_LIMIT = 5000
const PARAMS_DELAY_MS = 400

interface Ran {
  sql: string
  result: ConsoleResult
}

function newRunId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

function fmt(n: number): string {
  return n.toLocaleString('en-US')
}

/**
 * The SQL console: CodeMirror with the source's tables and columns for
 * completion; Ctrl+Enter runs the statement under the cursor (or the
 * selection), results in the grid, Cancel for a long query, history per
 * source, EXPLAIN QUERY PLAN as a tree. The text lives in the tab's `sql`
 * param so an exporter can read it.
 */
export function ConsoleTab({ tab }: TabViewProps): ReactNode {
  const { sources, refreshSchema } = useSources()
  const ws = useWorkspace()
  const src = sources.find((s) => s.summary.sourceId === tab.sourceId)
  const sourceId = tab.sourceId ?? ''
  const sourceName = src?.summary.name ?? sourceId
  const dialect = src?.summary.kind === 'mysql' ? 'mysql' : 'sqlite'
  const editor = useRef<SqlEditorHandle>(null)
  const [ran, setRan] = useState<Ran | null>(null)
  const [plan, setPlan] = useState<{ sql: string; tree: PlanTreeNode[]; elapsedMs: number } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [running, setRunning] = useState<{ runId: string; sql: string; started: number } | null>(null)
  const [now, setNow] = useState(0)
  const [resultSort, setResultSort] = useState<GridSort | null>(null)
  const [history, setHistory] = useState<string[]>(() => loadHistory(sourceName))
  const historyPos = useRef<number | null>(null)
  const draft = useRef('')
  const csv = useCsvExport()

  // File > Export: all rows of the last statement that ran (not only the shown ones).
  const lastSql = ran?.result.columns.length ? ran.sql : null
  useTabExports(
    tab.id,
    lastSql && sourceId
      ? [{ id: 'csv', label: 'CSV…', description: 'All rows of the last query', run: async () => csv.open({ sourceId, what: { sql: lastSql }, defaultName: 'query.csv', label: 'query result' }) }]
      : [],
  )

  const schema = useMemo<SQLNamespace>(() => Object.fromEntries((src?.schema?.tables ?? []).map((t) => [t.name, t.columns.map((c) => c.name)])), [src?.schema])

  // The text in the tab's params (debounced), for File > Export and for reopening.
  const paramsTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const tabRef = useRef(tab)
  useEffect(() => {
    tabRef.current = tab
  })
  const onChange = useCallback(
    (text: string) => {
      historyPos.current = null
      if (paramsTimer.current) clearTimeout(paramsTimer.current)
      paramsTimer.current = setTimeout(() => ws.update(tabRef.current.id, { params: { ...tabRef.current.params, sql: text } }), PARAMS_DELAY_MS)
    },
    [ws],
  )
  useEffect(() => () => void (paramsTimer.current && clearTimeout(paramsTimer.current)), [])

  // A live timer while a query runs.
  useEffect(() => {
    if (!running) return
    const t = setInterval(() => setNow(performance.now()), 200)
    return () => clearInterval(t)
  }, [running])

  /** The selection if any, else the statement under the cursor (via console.split). */
  async function statementToRun(all: boolean): Promise<string> {
    // CodeMirror reads some DOM edits on the next frame: let a just-typed or pasted text land first.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    const text = editor.current?.text() ?? ''
    if (all) return text
    const { from, to } = editor.current?.selection() ?? { from: 0, to: 0 }
    if (from !== to) return text.slice(from, to)
    const { current, statements } = await api.call('console.split', { sql: text, cursor: from, dialect })
    return (current ?? statements[statements.length - 1])?.text ?? ''
  }

  async function run(all = false): Promise<void> {
    if (running) return
    setError(null)
    setNote(null)
    let sql: string
    try {
      sql = (await statementToRun(all)).trim()
    } catch (err) {
      return setError(err as Error)
    }
    if (!sql) return setNote('Nothing to run: write a statement, or put the cursor inside one.')
    const runId = newRunId()
    const started = performance.now()
    setRunning({ runId, sql, started })
    setNow(started)
    setHistory(pushHistory(sourceName, sql))
    try {
      const result = await api.call('console.run', { sourceId, sql, runId, limit: ROW_LIMIT })
      setRan({ sql, result })
      setResultSort(null)
      if (result.changes !== null) void refreshSchema(sourceId).catch(() => undefined)
    } catch (err) {
      const e = err as Error & { code?: string }
      if (e.code === 'CANCELLED') setNote(`Cancelled after ${((performance.now() - started) / 1000).toFixed(1)} s; nothing was changed by the cancelled statement.`)
      else setError(e)
    } finally {
      setRunning(null)
    }
  }

  async function cancel(): Promise<void> {
    if (!running) return
    try {
      await api.call('console.cancel', { runId: running.runId })
    } catch (err) {
      setError(err as Error)
    }
  }

  async function explain(): Promise<void> {
    setError(null)
    try {
      const sql = (await statementToRun(false)).trim()
      if (!sql) return setNote('Nothing to explain: put the cursor inside a statement.')
      const res = await api.call('console.plan', { sourceId, sql })
      setPlan({ sql, tree: res.tree, elapsedMs: res.elapsedMs })
    } catch (err) {
      setError(err as Error)
    }
  }

  function recall(step: -1 | 1): void {
    if (!history.length) return
    const cur = historyPos.current
    if (cur === null && step === 1) return
    if (cur === null) draft.current = editor.current?.text() ?? ''
    const next = cur === null ? history.length - 1 : cur + step
    if (next >= history.length) {
      historyPos.current = null
      editor.current?.setText(draft.current)
      return
    }
    const pos = Math.max(0, next)
    editor.current?.setText(history[pos] ?? '')
    historyPos.current = pos
  }

  const result = ran?.result
  const sortedRows = useMemo(() => {
    if (!result || !resultSort) return result?.rows ?? []
    const col = result.columns.findIndex((c) => c.name === resultSort.column)
    return col < 0 ? result.rows : sortRows(result.rows, col, resultSort.dir)
  }, [result, resultSort])
  const onSortResult = useCallback((column: string) => {
    setResultSort((cur) => (cur?.column !== column ? { column, dir: 'asc' } : cur.dir === 'asc' ? { column, dir: 'desc' } : null))
  }, [])

  if (!src || !tab.sourceId) return <p className="muted">This source is closed.</p>
  return (
    <div className="console-view">
      <div className="toolbar" role="toolbar" aria-label="Console toolbar">
        <strong>{sourceName}</strong>
        <button type="button" className="primary" onClick={() => void run()} disabled={!!running} title="Run the statement under the cursor, or the selection (Ctrl+Enter)">
          ▶ Run
        </button>
        <button type="button" onClick={() => void run(true)} disabled={!!running} title="Run every statement in the editor">
          Run all
        </button>
        <button type="button" onClick={() => void cancel()} disabled={!running} aria-label="Cancel query">
          ■ Cancel
        </button>
        <button type="button" onClick={() => void explain()} disabled={!!running} title="EXPLAIN QUERY PLAN of the statement under the cursor">
          Explain
        </button>
        <select
          aria-label="History"
          value=""
          onChange={(e) => {
            const i = Number(e.target.value)
            const s = history[i]
            if (s !== undefined) {
              editor.current?.setText(s)
              historyPos.current = i
              editor.current?.focus()
            }
          }}
        >
          <option value="">History ({history.length})</option>
          {history
            .map((h, i) => [h, i] as const)
            .reverse()
            .map(([h, i]) => (
              <option key={i} value={i}>
                {h.replace(/\s+/g, ' ').slice(0, 90)}
              </option>
            ))}
        </select>
        <span className="toolbar-spacer" />
        <span className="muted" role="status" data-testid="console-status">
          {running
            ? `Running… ${((now - running.started) / 1000).toFixed(1)} s`
            : result
              ? `${result.columns.length ? `${fmt(result.rowCount)} row${result.rowCount === 1 ? '' : 's'}${result.truncated ? ` (first ${fmt(result.rows.length)} shown)` : ''}` : 'Done'}${result.changes !== null ? ` · ${fmt(result.changes)} changed` : ''}${result.statements > 1 ? ` · ${result.statements} statements` : ''} · ${result.elapsedMs.toFixed(1)} ms`
              : 'Ctrl+Enter runs the statement under the cursor · Ctrl+↑/↓ history'}
        </span>
      </div>
      <div className="console-editor">
        <SqlEditor ref={editor} initial={tab.params.sql ?? ''} schema={schema} dialect={dialect} onChange={onChange} onRun={() => void run()} onHistory={recall} />
      </div>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {note ? (
        <p className="console-note" role="status">
          {note}
        </p>
      ) : null}
      <div className={`console-results ${plan ? 'with-plan' : ''}`}>
        <div className="console-grid">
          {result && result.columns.length ? (
            <DataGrid
              label="Query results"
              columns={result.columns.map((c) => ({ name: c.name, ...(c.type ? { type: c.type } : {}) }))}
              rows={sortedRows}
              sort={resultSort}
              onSort={onSortResult}
            />
          ) : result ? (
            <p className="muted console-empty">The statement returned no rows.</p>
          ) : (
            <p className="muted console-empty">Results appear here.</p>
          )}
        </div>
        {plan ? (
          <div className="console-plan">
            <button type="button" className="link plan-close" aria-label="Close plan" onClick={() => setPlan(null)}>
              ×
            </button>
            <PlanTree tree={plan.tree} sql={plan.sql} elapsedMs={plan.elapsedMs} />
          </div>
        ) : null}
      </div>
    </div>
  )
}
