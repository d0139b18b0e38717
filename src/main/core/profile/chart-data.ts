import type { BoxDataset, ChartData, ChartDataset, ChartSpec, CsvValue, FiveNumberSummary, ScatterDataset } from '../../../shared/chart-spec'
import type { Driver, SqlValue } from '../db/driver'
import { analysisDialect, limit, num, type AnalysisDialect } from './analysis-dialect'
import { resolveSource, sourceColumn, type AnalysisSource } from './analysis-source'
import { fillDateBuckets, filterWhere, planX, type Where, type XPlan } from './chart-sql'
import { binLabel, interpolate, rankPlan } from './quantiles'
import { smallSorterCache } from './sqlite-tuning'
import { toInt, toNum, toText } from './sql-values'

const NULL_LABEL = '(null)'
const OTHER_LABEL = '(other)'

/** Chart data for a spec, computed in the database. */
export async function chartData(driver: Driver, spec: ChartSpec): Promise<ChartData> {
  return chartDataFor(driver, await resolveSource(driver, spec.target), spec)
}

/** Same, for a source already resolved (the clinic overview passes derived columns this way). */
export async function chartDataFor(driver: Driver, source: AnalysisSource, spec: ChartSpec): Promise<ChartData> {
  const restore = await smallSorterCache(driver)
  try {
    const d = analysisDialect(driver)
    if (spec.type === 'scatter') return await scatter(driver, d, source, spec)
    const filters = filterWhere(d, source, spec.filters)
    const x = await planX(driver, d, source, spec, filters)
    const seriesCol = spec.series ? d.q(sourceColumn(source, spec.series.column, 'spec.series.column').name) : null
    const y = spec.y.column ? d.q(sourceColumn(source, spec.y.column, 'spec.y.column').name) : null
    const groups = spec.type === 'box' || spec.y.agg === 'median' ? await quantileGroups(driver, d, source, spec, x, seriesCol, y!, filters) : await aggregateGroups(driver, d, source, spec, x, seriesCol, y, filters)
    return assemble(spec, x, groups)
  } finally {
    await restore()
  }
}

interface Group {
  x: string
  /** Sort key: the bin index for bins, the label otherwise. */
  order: number | string
  s: string
  y: number | null
  /** Rows (count), or values aggregated. */
  n: number
  box?: FiveNumberSummary
}

function xKey(x: XPlan, v: SqlValue | undefined): { label: string; order: number | string } {
  if (v === null || v === undefined) return { label: NULL_LABEL, order: '\uffff' }
  if (x.kind === 'bins' && x.bins) {
    const i = toInt(v)
    return { label: binLabel(x.bins, i), order: i }
  }
  const t = toText(v)
  return { label: t === '' ? '(empty)' : t, order: t }
}

const seriesLabel = (v: SqlValue | undefined): string => (v === null || v === undefined ? NULL_LABEL : toText(v) || '(empty)')

function withWhere(filters: Where, extra: string[]): string {
  const parts = [filters.sql.replace(/^WHERE /, ''), ...extra].filter(Boolean)
  return parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : ''
}

async function aggregateGroups(
  driver: Driver,
  d: AnalysisDialect,
  source: AnalysisSource,
  spec: ChartSpec,
  x: XPlan,
  seriesCol: string | null,
  y: string | null,
  filters: Where,
): Promise<Group[]> {
  const numY = y ? `CASE WHEN ${d.isNumeric(y)} THEN ${y} END` : null
  const agg = spec.y.agg === 'count' || !numY ? 'count(*)' : spec.y.agg === 'sum' ? `sum(${numY})` : `avg(${numY})`
  const n = spec.y.agg === 'count' || !numY ? 'count(*)' : `count(${numY})`
  const sql = `SELECT ${x.expr} AS x, ${seriesCol ?? 'NULL'} AS s, ${agg} AS y, ${n} AS n FROM ${source.from} ${withWhere(filters, x.where)} GROUP BY 1, 2`
  const rows = (await driver.query(sql, filters.params)).rows
  return rows.map((r) => {
    const k = xKey(x, r[0])
    return { x: k.label, order: k.order, s: seriesCol ? seriesLabel(r[1]) : '', y: spec.y.agg === 'sum' ? (toNum(r[2]) ?? 0) : toNum(r[2]), n: toInt(r[3]) }
  })
}

/**
 * Medians and five-number summaries per group: ROW_NUMBER over each (x, series)
 * partition, keeping only the rows at the ranks the quartiles need, so a handful
 * of rows per group leave the database.
 */
async function quantileGroups(
  driver: Driver,
  d: AnalysisDialect,
  source: AnalysisSource,
  spec: ChartSpec,
  x: XPlan,
  seriesCol: string | null,
  y: string,
  filters: Where,
): Promise<Group[]> {
  const ps = spec.type === 'box' ? [0.25, 0.5, 0.75] : [0.5]
  const partition = `PARTITION BY ${x.expr}${seriesCol ? `, ${seriesCol}` : ''}`
  const rankTests = ps.flatMap((p) => {
    const lo = d.floorNonNeg(`(cnt - 1) * ${num(p)}`)
    return [`rn - 1 = ${lo}`, `rn - 2 = ${lo}`]
  })
  if (spec.type === 'box') rankTests.push('rn = 1', 'rn = cnt')
  const sql = `SELECT x, s, v, rn, cnt FROM (
      SELECT ${x.expr} AS x, ${seriesCol ?? 'NULL'} AS s, ${y} AS v,
        row_number() OVER (${partition} ORDER BY ${y}) AS rn, count(*) OVER (${partition}) AS cnt
      FROM ${source.from} ${withWhere(filters, [...x.where, `${y} IS NOT NULL`, d.isNumeric(y)])}
    ) AS w WHERE ${rankTests.join(' OR ')}`
  const rows = (await driver.query(sql, filters.params)).rows
  const byGroup = new Map<string, { x: SqlValue; s: SqlValue; cnt: number; at: Map<number, number> }>()
  for (const r of rows) {
    const key = JSON.stringify([toText(r[0] ?? null), r[0] === null, toText(r[1] ?? null), r[1] === null])
    let g = byGroup.get(key)
    if (!g) byGroup.set(key, (g = { x: r[0] ?? null, s: r[1] ?? null, cnt: toInt(r[4]), at: new Map() }))
    g.at.set(toInt(r[3]) - 1, toNum(r[2]) ?? 0)
  }
  return [...byGroup.values()].map((g) => {
    const at = (rank: number): number => g.at.get(rank) ?? 0
    const [q1, median, q3] = ps.length === 3 ? ps.map((p) => interpolate(rankPlan(g.cnt, p), at)) : [0, interpolate(rankPlan(g.cnt, 0.5), at), 0]
    const k = xKey(x, g.x)
    const group: Group = { x: k.label, order: k.order, s: seriesCol ? seriesLabel(g.s) : '', y: median ?? null, n: g.cnt }
    if (spec.type === 'box') group.box = { min: at(0), q1: q1 ?? 0, median: median ?? 0, q3: q3 ?? 0, max: at(g.cnt - 1), n: g.cnt }
    return group
  })
}

function yLabelOf(spec: ChartSpec): string {
  if (spec.yLabel) return spec.yLabel
  if (spec.type === 'box') return spec.y.column ?? ''
  if (spec.y.agg === 'count' || !spec.y.column) return 'Rows'
  return `${spec.y.agg === 'sum' ? 'Sum' : spec.y.agg === 'mean' ? 'Mean' : 'Median'} of ${spec.y.column}`
}

/** Keeps the `limit` largest keys by rows; folds the rest into "(other)" where the aggregate can be merged. */
function fold(groups: Group[], key: 'x' | 's', limit: number, agg: ChartSpec['y']['agg'] | 'box', notes: string[], what: string): Group[] {
  const totals = new Map<string, number>()
  for (const g of groups) totals.set(g[key], (totals.get(g[key]) ?? 0) + g.n)
  if (totals.size <= limit) return groups
  const keep = new Set([...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map((e) => e[0]))
  const hidden = totals.size - keep.size
  const kept = groups.filter((g) => keep.has(g[key]))
  if (agg === 'median' || agg === 'box') {
    notes.push(`${hidden} ${what} with fewer rows are not shown (medians cannot be merged)`)
    return kept
  }
  notes.push(`${hidden} ${what} with fewer rows are folded into "${OTHER_LABEL}"`)
  const other = new Map<string, Group & { weighted: number }>()
  for (const g of groups) {
    if (keep.has(g[key])) continue
    const k = key === 'x' ? g.s : g.x
    const o = other.get(k) ?? { ...g, [key]: OTHER_LABEL, order: key === 'x' ? '\uffff\uffff' : g.order, y: 0, n: 0, weighted: 0 }
    // Counts and sums add; means combine weighted by the number of values behind each.
    o.weighted += (g.y ?? 0) * (agg === 'mean' ? g.n : 1)
    o.n += g.n
    other.set(k, o)
  }
  const merged = [...other.values()].map(({ weighted, ...o }) => ({ ...o, y: agg === 'mean' ? (o.n ? weighted / o.n : null) : weighted }))
  return [...kept, ...merged]
}

function assemble(spec: ChartSpec, x: XPlan, groupsIn: Group[]): ChartData {
  const notes: string[] = []
  const agg = spec.type === 'box' ? 'box' : spec.y.agg
  let groups = groupsIn
  if (spec.x.kind === 'category') groups = fold(groups, 'x', spec.x.limit, agg, notes, 'categories')
  if (spec.series) groups = fold(groups, 's', spec.series.limit, agg, notes, 'series')
  if (x.kind === 'date' && groups.some((g) => g.x === NULL_LABEL)) notes.push('rows without a date are not shown')
  groups = groups.filter((g) => !(x.kind === 'date' && g.x === NULL_LABEL))

  const xs = new Map<string, number | string>()
  for (const g of groups) xs.set(g.x, g.order)
  let labels = [...xs.keys()]
  if (x.kind === 'bins' && x.bins) {
    // Every bin, empty ones too, in order.
    labels = Array.from({ length: x.bins.count }, (_, i) => binLabel(x.bins!, i))
  } else if (x.kind === 'date' && x.bucket) {
    const filled = spec.x.kind === 'date' && spec.x.fillGaps ? fillDateBuckets(labels, x.bucket) : null
    labels = filled ?? labels.sort()
  } else if (spec.x.kind === 'category' && spec.x.order === 'label') {
    labels.sort((a, b) => lastOf(a) - lastOf(b) || a.localeCompare(b, 'en', { numeric: true }))
  } else {
    const totals = new Map<string, number>()
    for (const g of groups) totals.set(g.x, (totals.get(g.x) ?? 0) + g.n)
    labels.sort((a, b) => lastOf(a) - lastOf(b) || (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b))
  }
  const index = new Map(labels.map((l, i) => [l, i]))
  const seriesNames = spec.series ? orderSeries(groups) : ['']
  const yLabel = yLabelOf(spec)
  const empty = spec.y.agg === 'count' || spec.y.agg === 'sum' ? 0 : null
  const datasets: ChartDataset[] = seriesNames.map((s) => ({ label: s || yLabel, data: labels.map(() => (spec.type === 'box' ? null : empty)) }))
  const boxDatasets: BoxDataset[] = seriesNames.map((s) => ({ label: s || yLabel, data: labels.map(() => null) }))
  const sIndex = new Map(seriesNames.map((s, i) => [s, i]))
  for (const g of groups) {
    const i = index.get(g.x)
    const j = sIndex.get(g.s)
    if (i === undefined || j === undefined) continue
    datasets[j]!.data[i] = g.y
    if (g.box) boxDatasets[j]!.data[i] = g.box
  }
  const xLabel = spec.xLabel ?? x.label
  const rows = csvRows(spec, labels, seriesNames, datasets, boxDatasets, groups)
  const title = spec.title ?? `${yLabel} by ${xLabel}${spec.series ? `, by ${spec.series.column}` : ''}`
  return {
    type: spec.type,
    title,
    xLabel,
    yLabel,
    stacked: spec.type === 'stackedBar',
    labels,
    datasets: spec.type === 'box' ? [] : datasets,
    ...(spec.type === 'box' ? { boxDatasets } : {}),
    sample: null,
    rows: { columns: rows.columns, rows: rows.rows },
    notes,
  }
}

/** "(null)" and "(other)" go after the real values. */
const lastOf = (label: string): number => (label === OTHER_LABEL ? 2 : label === NULL_LABEL ? 1 : 0)

function orderSeries(groups: Group[]): string[] {
  const totals = new Map<string, number>()
  for (const g of groups) totals.set(g.s, (totals.get(g.s) ?? 0) + g.n)
  return [...totals.keys()].sort((a, b) => lastOf(a) - lastOf(b) || a.localeCompare(b))
}

function csvRows(spec: ChartSpec, labels: string[], series: string[], datasets: ChartDataset[], boxes: BoxDataset[], groups: Group[]): { columns: string[]; rows: CsvValue[][] } {
  const xName = spec.x.column
  const sName = spec.series?.column
  const nOf = new Map(groups.map((g) => [`${g.x}\u0000${g.s}`, g.n]))
  const rows: CsvValue[][] = []
  if (spec.type === 'box') {
    series.forEach((s, j) =>
      labels.forEach((l, i) => {
        const b = boxes[j]!.data[i]
        if (b) rows.push([l, ...(sName ? [s] : []), b.min, b.q1, b.median, b.q3, b.max, b.n])
      }),
    )
    return { columns: [xName, ...(sName ? [sName] : []), 'min', 'q1', 'median', 'q3', 'max', 'n'], rows }
  }
  series.forEach((s, j) => labels.forEach((l, i) => rows.push([l, ...(sName ? [s] : []), datasets[j]!.data[i] ?? null, nOf.get(`${l}\u0000${s}`) ?? 0])))
  return { columns: [xName, ...(sName ? [sName] : []), yLabelOf(spec), 'rows'], rows }
}

async function scatter(driver: Driver, d: AnalysisDialect, source: AnalysisSource, spec: ChartSpec): Promise<ChartData> {
  const xc = d.q(sourceColumn(source, spec.x.column, 'spec.x.column').name)
  const yc = d.q(sourceColumn(source, spec.y.column ?? '', 'spec.y.column').name)
  const sc = spec.series ? d.q(sourceColumn(source, spec.series.column, 'spec.series.column').name) : null
  const filters = filterWhere(d, source, spec.filters)
  const where = withWhere(filters, [`${xc} IS NOT NULL`, `${yc} IS NOT NULL`, d.isNumeric(xc), d.isNumeric(yc)])
  const total = toInt((await driver.query(`SELECT count(*) FROM ${source.from} ${where}`, filters.params)).rows[0]?.[0])
  const sampled = total > spec.sampleRows
  const rows = (
    await driver.query(
      `SELECT ${xc}, ${yc}, ${sc ?? 'NULL'} FROM ${source.from} ${where}${sampled ? ` ORDER BY ${d.random()} LIMIT ${limit(spec.sampleRows)}` : ''}`,
      filters.params,
    )
  ).rows
  const bySeries = new Map<string, ScatterDataset>()
  for (const r of rows) {
    const s = sc ? seriesLabel(r[2]) : `${spec.y.column} vs ${spec.x.column}`
    let ds = bySeries.get(s)
    if (!ds) bySeries.set(s, (ds = { label: s, data: [] }))
    ds.data.push({ x: toNum(r[0]) ?? 0, y: toNum(r[1]) ?? 0 })
  }
  const notes = sampled ? [`a random sample of ${rows.length} of ${total} points`] : []
  return {
    type: 'scatter',
    title: spec.title ?? `${spec.y.column} vs ${spec.x.column}${sampled ? ' (sample)' : ''}`,
    xLabel: spec.x.column,
    yLabel: spec.y.column ?? '',
    stacked: false,
    labels: [],
    datasets: [],
    scatterDatasets: [...bySeries.values()],
    sample: sampled ? { rows: rows.length, of: total } : null,
    rows: { columns: [spec.x.column, spec.y.column ?? '', ...(sc ? [spec.series?.column ?? ''] : [])], rows: rows.map((r) => [toNum(r[0]), toNum(r[1]), ...(sc ? [seriesLabel(r[2])] : [])]) },
    notes,
  }
}
