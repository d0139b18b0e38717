import type { ReactNode } from 'react'
import { useCsvExport } from '../export/csv-export-store'
import { useTabExports } from '../shell/export-registry'
import { useSources } from '../sources/sources-store'
import type { TabViewProps } from '../shell/registry'
import { TableView } from './TableView'

export function TableTab({ tab }: TabViewProps): ReactNode {
  const { sources } = useSources()
  const csv = useCsvExport()
  const table = tab.params.table ?? ''
  const sourceId = tab.sourceId
  useTabExports(
    tab.id,
    sourceId
      ? [{ id: 'csv', label: 'CSV…', description: `All rows of ${table}`, run: async () => csv.open({ sourceId, what: { table }, defaultName: `${table}.csv`, label: table }) }]
      : [],
  )
  const src = sources.find((s) => s.summary.sourceId === tab.sourceId)
  if (!src || !tab.sourceId) return <p className="muted">This source is closed.</p>
  const exact = src.counts[table]
  const estimate = src.schema?.tables.find((t) => t.name === table)?.rowCount ?? null
  return <TableView key={`${tab.sourceId}:${table}`} sourceId={tab.sourceId} table={table} rowCount={exact ?? estimate} />
}
