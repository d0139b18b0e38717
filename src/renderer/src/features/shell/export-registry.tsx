import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

/**
 * What File > Export offers depends on the active tab: a table offers CSV, the
 * ER graph PNG and SVG, a chart PNG and CSV. Each view registers its options
 * with useTabExports; the Export dialog lists the active tab's.
 */
export interface ExportOption {
  id: string
  label: string
  /** Optional longer text shown under the label. */
  description?: string
  run(): Promise<void>
}

interface ExportRegistry {
  options: Record<string, ExportOption[]>
  set(tabId: string, options: ExportOption[] | null): void
}

const ExportContext = createContext<ExportRegistry | null>(null)

export function ExportRegistryProvider({ children }: { children: ReactNode }): ReactNode {
  const [options, setOptions] = useState<Record<string, ExportOption[]>>({})
  const value = useMemo<ExportRegistry>(
    () => ({
      options,
      set(tabId, opts) {
        setOptions((prev) => {
          const next = { ...prev }
          if (opts) next[tabId] = opts
          else delete next[tabId]
          return next
        })
      },
    }),
    [options],
  )
  return <ExportContext.Provider value={value}>{children}</ExportContext.Provider>
}

export function useExportRegistry(): ExportRegistry {
  const ctx = useContext(ExportContext)
  if (!ctx) throw new Error('useExportRegistry outside ExportRegistryProvider')
  return ctx
}

/**
 * Registers a tab's export options while it is mounted. `options` may change
 * every render; `run` is always called through the latest version.
 */
export function useTabExports(tabId: string, options: ExportOption[]): void {
  const { set } = useExportRegistry()
  const latest = useRef(options)
  latest.current = options
  const key = options.map((o) => `${o.id}:${o.label}`).join('|')
  useEffect(() => {
    set(
      tabId,
      latest.current.map((o) => ({ ...o, run: () => latest.current.find((x) => x.id === o.id)?.run() ?? Promise.resolve() })),
    )
    return () => set(tabId, null)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register only when the set of options changes
  }, [tabId, key])
}
