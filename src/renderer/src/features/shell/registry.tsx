import type { ReactNode } from 'react'
import type { Tab } from './workspace-store'
import { TableTab } from '../browse/TableTab'
import { ConsoleTab } from '../console/ConsoleTab'
import { InspectorTab } from '../inspector/InspectorTab'
import { ConnectDialog } from '../connections/ConnectDialog'
import { CopyToSqliteTab } from '../connections/CopyToSqliteTab'
import { ErTab } from '../er/ErTab'
import { ImportDumpDialog } from '../import/ImportDumpDialog'
import { ConsolidateTab } from '../consolidate/ConsolidateTab'
import { LabTab } from '../lab/LabTab'
import { NewLabDialog } from '../lab/NewLabDialog'
import { ImportReportTab } from '../import/ImportReportTab'
import { ProfileTab } from '../analysis/ProfileTab'
import { ChartBuilderTab } from '../analysis/ChartBuilderTab'
import { OverviewTab } from '../analysis/OverviewTab'
import { BenchTab } from '../bench/BenchTab'

/**
 * The seams where each feature plugs into the shell: a view per tab kind, the
 * dialogs that commands open, and the actions offered on a source and a table.
 * A feature adds its entries here and keeps its state in its own folder.
 */
export interface TabViewProps {
  tab: Tab
}
export const tabViews: Record<string, (props: TabViewProps) => ReactNode> = {
  table: TableTab,
  console: ConsoleTab,
  inspector: InspectorTab,
  'copy-sqlite': CopyToSqliteTab,
  er: ErTab,
  'import-report': ImportReportTab,
  consolidate: ConsolidateTab,
  profile: ProfileTab,
  chart: ChartBuilderTab,
  overview: OverviewTab,
  lab: LabTab,
  bench: BenchTab,
}

export interface DialogProps {
  onClose: () => void
  /** The command's argument (a path for open-recent, a source id...). */
  arg?: string
}
export const dialogs: Record<string, (props: DialogProps) => ReactNode> = {
  'connect-mysql': ConnectDialog,
  'import-dump': ImportDumpDialog,
  'new-lab': NewLabDialog,
}

export interface SourceAction {
  id: string
  label: string
  /** The tab it opens for the source. */
  tab: (sourceId: string, sourceName: string) => Omit<Tab, 'id'>
  /** Source kinds it applies to; all when absent. */
  kinds?: ('sqlite' | 'mysql')[]
}
export const sourceActions: SourceAction[] = [
  { id: 'console', label: 'SQL Console', tab: (sourceId, name) => ({ kind: 'console', title: `Console · ${name}`, sourceId, params: {} }) },
  { id: 'inspector', label: 'Schema', tab: (sourceId, name) => ({ kind: 'inspector', title: `Schema · ${name}`, sourceId, params: {} }) },
  { id: 'er', label: 'ER Graph', tab: (sourceId, name) => ({ kind: 'er', title: `ER · ${name}`, sourceId, params: {} }) },
  { id: 'lab', label: 'Healthcare Lab', tab: (sourceId, name) => ({ kind: 'lab', title: `Lab · ${name}`, sourceId, params: {} }) },
  { id: 'bench', label: 'Benchmark', tab: (sourceId, name) => ({ kind: 'bench', title: `Benchmark · ${name}`, sourceId, params: {} }) },
  { id: 'consolidate', label: 'Consolidate', tab: (sourceId, name) => ({ kind: 'consolidate', title: `Consolidate · ${name}`, sourceId, params: {} }) },
  { id: 'profile', label: 'Profile…', tab: (sourceId, name) => ({ kind: 'profile', title: `Profile · ${name}`, sourceId, params: {} }) },
  { id: 'charts', label: 'Charts', tab: (sourceId, name) => ({ kind: 'chart', title: `Chart · ${name}`, sourceId, params: {} }) },
  { id: 'overview', label: 'Clinic Overview', tab: (sourceId, name) => ({ kind: 'overview', title: `Overview · ${name}`, sourceId, params: {} }) },
  { id: 'copy-sqlite', label: 'Copy to SQLite…', kinds: ['mysql'], tab: (sourceId, name) => ({ kind: 'copy-sqlite', title: `Copy · ${name}`, sourceId, params: {} }) },
]

export interface TableAction {
  id: string
  label: string
  tab: (sourceId: string, table: string) => Omit<Tab, 'id'>
}
export const tableActions: TableAction[] = [
  { id: 'profile', label: 'Profile', tab: (sourceId, table) => ({ kind: 'profile', title: `Profile · ${table}`, sourceId, params: { table } }) },
]
