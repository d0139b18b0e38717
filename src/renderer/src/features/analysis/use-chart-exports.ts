import { useCallback, useRef } from 'react'
import type { Chart } from 'chart.js'
import type { ChartData } from '../../../../shared/chart-spec'
import { useTabExports, type ExportOption } from '../shell/export-registry'
import { downloadChartCsv, downloadChartPng } from './chart-export'

export interface ExportableChart {
  id: string
  data: ChartData
}

/**
 * Registers PNG and CSV for every chart of a tab with File > Export
 * ("Visits per month — PNG"), and hands out the callbacks that keep the
 * Chart.js instances the PNG is taken from.
 */
export function useChartExports(tabId: string, charts: ExportableChart[], extra: ExportOption[] = []): (id: string) => (chart: Chart | null) => void {
  const instances = useRef(new Map<string, Chart>())
  const callbacks = useRef(new Map<string, (chart: Chart | null) => void>())
  const options: ExportOption[] = [
    ...charts.flatMap(({ id, data }) => [
      { id: `${id}:png`, label: `${data.title} — PNG`, description: 'the chart as drawn, with its title and axis labels', run: () => downloadChartPng(instances.current.get(id), data.title) },
      {
        id: `${id}:csv`,
        label: `${data.title} — CSV`,
        description: 'the chart’s data',
        run: async () => downloadChartCsv(data),
      },
    ]),
    ...extra,
  ]
  useTabExports(tabId, options)
  return useCallback((id: string) => {
    let cb = callbacks.current.get(id)
    if (!cb) {
      cb = (chart) => {
        if (chart) instances.current.set(id, chart)
        else instances.current.delete(id)
      }
      callbacks.current.set(id, cb)
    }
    return cb
  }, [])
}
