import type { DumpImportReport } from '../../../../shared/calls/dump'

/** Import reports by id, so a report tab (whose params are strings) can show one. */
const reports = new Map<string, DumpImportReport>()
let counter = 0

export function keepReport(report: DumpImportReport): string {
  const id = `report-${++counter}`
  reports.set(id, report)
  return id
}

export function getReport(id: string): DumpImportReport | undefined {
  return reports.get(id)
}
