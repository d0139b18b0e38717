import type { OverviewData, OverviewRole } from '../../../../shared/calls/profile'
import type { ChartVariant } from './chart-config'

export const roleLabels: Record<OverviewRole, string> = {
  visitDate: 'Visit date',
  reportDate: 'Report date',
  birthDate: 'Date of birth',
  age: 'Age (years)',
  gender: 'Gender',
  patientId: 'Patient id',
}
export const roles = Object.keys(roleLabels) as OverviewRole[]

export interface OverviewChartDef {
  key: 'visitsPerMonth' | 'delayDistribution' | 'delayByAgeGender' | 'agePyramid'
  variant: ChartVariant
  definition: string
}

/** What each overview chart counts, shown beside it. */
export const overviewCharts: OverviewChartDef[] = [
  {
    key: 'visitsPerMonth',
    variant: 'plain',
    definition:
      'Visits per calendar month of the visit date. A visit is one patient at one visit time: rows repeated by a join (one visit with several reports) count once. Months without visits show as zero.',
  },
  {
    key: 'delayDistribution',
    variant: 'plain',
    definition: 'Days from the visit date to the report date (report date − visit date, in whole days), one count per report. Rows without a report date are left out; a negative value means the report is dated before the visit.',
  },
  {
    key: 'delayByAgeGender',
    variant: 'plain',
    definition: 'Mean days from visit to report per age group, split by gender. Age is in whole years at the visit date (from the date of birth, or the age column).',
  },
  {
    key: 'agePyramid',
    variant: 'pyramid',
    definition: 'Visits per age group at the visit date; the first gender to the left, the other(s) to the right. Each visit counts once.',
  },
]

export function chartOf(data: OverviewData, key: OverviewChartDef['key']): OverviewData[OverviewChartDef['key']] {
  return data[key]
}
