import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'

/** An open tab in the main area. `kind` picks the view from the tab registry. */
export interface Tab {
  id: string
  kind: string
  title: string
  sourceId?: string
  /** View-specific parameters (table name, SQL text...). */
  params: Record<string, string>
}

export interface WorkspaceState {
  tabs: Tab[]
  activeTabId: string | null
  /** Opens a tab, or focuses an existing one with the same kind, source and params. */
  open(tab: Omit<Tab, 'id'>): string
  close(id: string): void
  closeForSource(sourceId: string): void
  activate(id: string): void
  update(id: string, patch: Partial<Omit<Tab, 'id'>>): void
}

const WorkspaceContext = createContext<WorkspaceState | null>(null)
let counter = 0

function sameTab(a: Omit<Tab, 'id'>, b: Omit<Tab, 'id'>): boolean {
  return a.kind === b.kind && a.sourceId === b.sourceId && JSON.stringify(a.params) === JSON.stringify(b.params)
}

export function WorkspaceProvider({ children }: { children: ReactNode }): ReactNode {
  const [tabs, setTabs] = useState<Tab[]>([])
  const [activeTabId, setActive] = useState<string | null>(null)
  const value = useMemo<WorkspaceState>(
    () => ({
      tabs,
      activeTabId,
      open(tab) {
        const existing = tab.kind === 'console' ? undefined : tabs.find((t) => sameTab(t, tab))
        if (existing) {
          setActive(existing.id)
          return existing.id
        }
        const id = `tab-${++counter}`
        setTabs((prev) => [...prev, { ...tab, id }])
        setActive(id)
        return id
      },
      close(id) {
        setTabs((prev) => {
          const idx = prev.findIndex((t) => t.id === id)
          const next = prev.filter((t) => t.id !== id)
          setActive((cur) => (cur === id ? (next[Math.max(0, idx - 1)]?.id ?? null) : cur))
          return next
        })
      },
      closeForSource(sourceId) {
        setTabs((prev) => {
          const next = prev.filter((t) => t.sourceId !== sourceId)
          setActive((cur) => (next.some((t) => t.id === cur) ? cur : (next[0]?.id ?? null)))
          return next
        })
      },
      activate: setActive,
      update(id, patch) {
        setTabs((prev) => prev.map((t) => (t.id === id ? { ...t, ...patch } : t)))
      },
    }),
    [tabs, activeTabId],
  )
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>
}

export function useWorkspace(): WorkspaceState {
  const ctx = useContext(WorkspaceContext)
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider')
  return ctx
}
