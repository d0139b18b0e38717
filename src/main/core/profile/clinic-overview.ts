import type { AnalysisTarget, ChartData, ChartSpecInput } from '../../../shared/chart-spec'
import { chartSpecSchema } from '../../../shared/chart-spec'
import type { OverviewData, OverviewMapping, OverviewMappingResult } from '../../../shared/calls/profile'
import type { Driver } from '../db/driver'
import { analysisDialect } from './analysis-dialect'
import { resolveSource, sourceColumn, type AnalysisSource } from './analysis-source'
import { chartDataFor } from './chart-data'
import { mapOverviewColumns } from './overview-mapping'

/**
 * The clinic overview of a patient-visit table (the ultrasound consolidation,
 * the lab's encounters joined to patients): visits per month, days from visit
 * to report, delays by age group and gender, and an age pyramid.
 */
export async function overviewMapping(driver: Driver, target: AnalysisTarget): Promise<OverviewMappingResult> {
  return mapOverviewColumns(driver, await resolveSource(driver, target))
}

/** Names of the derived columns; they are the charts' axis labels. */
export const OV = { patient: 'Patient', visit: 'Visit date', delay: 'Days to report', age: 'Age', ageGroup: 'Age group', gender: 'Gender' } as const

/** Age groups as sortable labels ("0-17" … "80+"); the chart orders them numerically. */
const AGE_GROUPS: [number, number | null, string][] = [
  [0, 17, '0-17'],
  [18, 29, '18-29'],
  [30, 39, '30-39'],
  [40, 49, '40-49'],
  [50, 59, '50-59'],
  [60, 69, '60-69'],
  [70, 79, '70-79'],
  [80, null, '80+'],
]

/**
 * The mapped columns renamed and the derived ones (age, age group, delay)
 * computed, as one derived table. With `visits`, one row per patient and visit
 * time: a consolidation repeats a visit once per report (LEFT JOIN), and a
 * visit count or an age pyramid must not count it twice.
 */
function derivedSource(driver: Driver, source: AnalysisSource, m: OverviewMapping, visits = false): AnalysisSource {
  const d = analysisDialect(driver)
  const col = (name: string | null, field: string): string | null => (name ? d.q(sourceColumn(source, name, `mapping.${field}`).name) : null)
  const visit = col(m.visitDate, 'visitDate')
  const report = col(m.reportDate, 'reportDate')
  const birth = col(m.birthDate, 'birthDate')
  const ageCol = col(m.age, 'age')
  const gender = col(m.gender, 'gender')
  const age = ageCol ?? (birth && visit ? d.ageYears(birth, visit) : null)
  const ageGroup = age
    ? `CASE ${AGE_GROUPS.map(([lo, hi, label]) => `WHEN ${age} >= ${lo}${hi === null ? '' : ` AND ${age} <= ${hi}`} THEN '${label}'`).join(' ')} END`
    : null
  const fields: [string, string | null][] = [
    ...(visits ? ([[OV.patient, col(m.patientId, 'patientId')]] as [string, string | null][]) : []),
    [OV.visit, visit],
    [OV.delay, visit && report && !visits ? d.daysBetween(visit, report) : null],
    [OV.age, age],
    [OV.ageGroup, ageGroup],
    [OV.gender, gender],
  ]
  const present = fields.filter((f): f is [string, string] => f[1] !== null)
  const select = present.map(([name, expr]) => `${expr} AS ${d.q(name)}`).join(', ')
  return {
    from: `(SELECT ${visits ? 'DISTINCT ' : ''}${select || '1 AS one'} FROM ${source.from}) AS ${d.q('overview')}`,
    label: 'overview',
    columns: present.map(([name]) => ({ name, declaredType: name === OV.visit ? 'DATE' : '', pk: false })),
  }
}

export async function overviewData(driver: Driver, target: AnalysisTarget, mapping: OverviewMapping): Promise<OverviewData> {
  const source = await resolveSource(driver, target)
  const ov = derivedSource(driver, source, mapping)
  const has = (name: string): boolean => ov.columns.some((c) => c.name === name)
  const notes: string[] = []
  const run = async (spec: Omit<ChartSpecInput, 'target'>, from: AnalysisSource = ov): Promise<ChartData> =>
    chartDataFor(driver, from, chartSpecSchema.parse({ ...spec, target }))
  // Visits are counted once per patient and visit time when a patient column is known.
  const perVisit = mapping.patientId && mapping.visitDate ? derivedSource(driver, source, mapping, true) : ov
  if (perVisit !== ov) {
    const count = async (from: string): Promise<number> => Number((await driver.query(`SELECT count(*) FROM ${from}`)).rows[0]?.[0] ?? 0)
    const all = await count(ov.from)
    const distinct = await count(perVisit.from)
    if (all > distinct) notes.push(`${all - distinct} repeated rows (one visit joined to several reports) are counted once in visits per month and the age pyramid`)
  }
  const genderSeries = has(OV.gender) ? { series: { column: OV.gender, limit: 6 } } : {}

  const visitsPerMonth = has(OV.visit)
    ? await run({ type: 'bar', title: 'Visits per month', x: { kind: 'date', column: OV.visit, bucket: 'month' }, y: { agg: 'count' }, xLabel: 'Month', yLabel: 'Visits' }, perVisit)
    : null
  if (!visitsPerMonth) notes.push('No visit date mapped: visits per month and delays need one')

  let delayDistribution: ChartData | null = null
  let delayByAgeGender: ChartData | null = null
  if (has(OV.delay)) {
    delayDistribution = await run({
      type: 'histogram',
      title: 'Days from visit to report',
      x: { kind: 'bins', column: OV.delay, bins: 20 },
      yLabel: 'Reports',
      filters: [{ column: OV.delay, op: 'notNull' }],
    })
    const negative = await driver.query(`SELECT count(*) FROM ${ov.from} WHERE ${driver.dialect.quoteId(OV.delay)} < 0`)
    const n = Number(negative.rows[0]?.[0] ?? 0)
    if (n > 0) notes.push(`${n} rows have a report dated before the visit (negative delay)`)
    if (has(OV.ageGroup)) {
      delayByAgeGender = await run({
        type: 'bar',
        title: has(OV.gender) ? 'Mean days to report by age group and gender' : 'Mean days to report by age group',
        x: { kind: 'category', column: OV.ageGroup, order: 'label', limit: 20 },
        y: { agg: 'mean', column: OV.delay },
        yLabel: 'Mean days to report',
        ...genderSeries,
      })
    }
  } else notes.push('No report date mapped: the delay charts need one')

  const agePyramid = has(OV.ageGroup)
    ? await run({ type: 'bar', title: 'Age pyramid', x: { kind: 'category', column: OV.ageGroup, order: 'label', limit: 20 }, y: { agg: 'count' }, yLabel: 'Visits', ...genderSeries }, perVisit)
    : null
  if (!agePyramid) notes.push('No birth date or age mapped: age groups need one')
  if (!has(OV.gender)) notes.push('No gender mapped: charts are not split by gender')
  return { mapping, visitsPerMonth, delayDistribution, delayByAgeGender, agePyramid, notes }
}
