import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { SourceSummary } from '../../../../shared/calls/sources'
import type { SchemaModel } from '../../../../shared/schema-model'
import type { SourceSpec } from '../../../../shared/source-spec'
import { api } from '../../api/client'
import { useJobs } from '../jobs/jobs-store'

export interface OpenSourceState {
  summary: SourceSummary
  schema: SchemaModel | null
  /** Exact counts once the background job has them. */
  counts: Record<string, number>
  countJobId: string | null
  countError: string | null
}

export interface SourcesState {
  sources: OpenSourceState[]
  activeSourceId: string | null
  setActive(id: string): void
  openSqlite(path: string, writable?: boolean): Promise<SourceSummary>
  openSpec(spec: SourceSpec): Promise<SourceSummary>
  /** Registers a source opened by another call (an import, a connection). */
  adopt(summary: SourceSummary): Promise<void>
  close(id: string): Promise<void>
  refreshSchema(id: string): Promise<void>
  countRows(id: string, name?: string): Promise<void>
}

const SourcesContext = createContext<SourcesState | null>(null)

export function SourcesProvider({ children }: { children: ReactNode }): ReactNode {
  const jobs = useJobs()
  const [sources, setSources] = useState<OpenSourceState[]>([])
  const [activeSourceId, setActive] = useState<string | null>(null)

  const patch = useCallback((id: string, f: (s: OpenSourceState) => OpenSourceState) => {
    setSources((prev) => prev.map((s) => (s.summary.sourceId === id ? f(s) : s)))
  }, [])

  const countRows = useCallback(
    async (id: string, name?: string) => {
      try {
        const { jobId } = await api.call('sources.countRows', { sourceId: id })
        jobs.track(jobId, 'rowCount', `Counting rows${name ? ` of ${name}` : ''}`)
        patch(id, (s) => ({ ...s, countJobId: jobId, countError: null }))
        const counts = await jobs.wait<Record<string, number>>(jobId)
        patch(id, (s) => ({ ...s, counts, countJobId: null }))
      } catch (err) {
        patch(id, (s) => ({ ...s, countJobId: null, countError: (err as Error).message }))
      }
    },
    [jobs, patch],
  )

  const adopt = useCallback(
    async (summary: SourceSummary) => {
      setSources((prev) => [...prev, { summary, schema: null, counts: {}, countJobId: null, countError: null }])
      setActive(summary.sourceId)
      // The table list first (with estimates where the engine has them), exact counts in the background.
      const schema = await api.call('sources.schema', { sourceId: summary.sourceId })
      patch(summary.sourceId, (s) => ({ ...s, schema }))
      // A failed count must not fail the open: the tables are already listed.
      void countRows(summary.sourceId, summary.name)
    },
    [patch, countRows],
  )

  const value = useMemo<SourcesState>(
    () => ({
      sources,
      activeSourceId,
      setActive,
      async openSqlite(path, writable = false) {
        const summary = await api.call('sources.openSqlite', { path, writable })
        await adopt(summary)
        return summary
      },
      async openSpec(spec) {
        const summary = await api.call('sources.open', { spec })
        await adopt(summary)
        return summary
      },
      adopt,
      async close(id) {
        const s = sources.find((x) => x.summary.sourceId === id)
        if (s?.countJobId) await jobs.cancel(s.countJobId)
        await api.call('sources.close', { sourceId: id })
        setSources((prev) => prev.filter((x) => x.summary.sourceId !== id))
        setActive((cur) => (cur === id ? null : cur))
      },
      async refreshSchema(id) {
        const schema = await api.call('sources.schema', { sourceId: id })
        patch(id, (s) => ({ ...s, schema }))
        // Tables may have been added (an ETL, a saved consolidation): count again in the background.
        void countRows(id, sources.find((s) => s.summary.sourceId === id)?.summary.name)
      },
      countRows,
    }),
    [sources, activeSourceId, adopt, countRows, jobs, patch],
  )
  return <SourcesContext.Provider value={value}>{children}</SourcesContext.Provider>
}

export function useSources(): SourcesState {
  const ctx = useContext(SourcesContext)
  if (!ctx) throw new Error('useSources outside SourcesProvider')
  return ctx
}
