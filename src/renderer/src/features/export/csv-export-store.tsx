import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import type { ExportSubject } from '../../../../shared/calls/export'
import { CsvExportDialog } from './CsvExportDialog'

export interface CsvExportRequest {
  sourceId: string
  what: ExportSubject
  /** Suggested file name, e.g. `Track.csv`. */
  defaultName: string
  /** Shown in the dialog title: the table, "query result", "consolidation". */
  label: string
}

interface CsvExportState {
  open(req: CsvExportRequest): void
}

const CsvExportContext = createContext<CsvExportState | null>(null)

/** One CSV export dialog for every view: tables, views, console results and consolidations. */
export function CsvExportProvider({ children }: { children: ReactNode }): ReactNode {
  const [req, setReq] = useState<CsvExportRequest | null>(null)
  const value = useMemo<CsvExportState>(() => ({ open: setReq }), [])
  return (
    <CsvExportContext.Provider value={value}>
      {children}
      {req ? <CsvExportDialog request={req} onClose={() => setReq(null)} /> : null}
    </CsvExportContext.Provider>
  )
}

export function useCsvExport(): CsvExportState {
  const ctx = useContext(CsvExportContext)
  if (!ctx) throw new Error('useCsvExport outside CsvExportProvider')
  return ctx
}
