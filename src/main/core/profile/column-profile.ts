import type { ColumnProfile, HistogramBin, NumberStats, OutlierInfo, TopValue } from '../../../shared/calls/profile'
import { AppError } from '../../../shared/errors'
import type { Driver, SqlValue } from '../db/driver'
import { dbl, limit, num, type AnalysisDialect } from './analysis-dialect'
import type { SourceColumn } from './analysis-source'
import { detectKind, type ValueCounts } from './column-kind'
import { binEnd, binLabel, binPlan, formatNumber, interpolate, rankLookup, rankPlan, ranksNeeded, type BinPlan } from './quantiles'
import { toCell, toInt, toNum, toText } from './sql-values'

export interface ColumnProfileOptions {
  bins: number
  top: number
}

/**
 * Profiles one column in a handful of queries. The only pass over the rows is
 * one GROUP BY that turns the column into (value, count) pairs, sorted by
 * value; on SQLite those pairs go into a temp table. Everything else (null
 * share, distinct, top values, mean, variance, quartiles, histogram, outliers)
 * is read from the pairs, whose size is the number of distinct values, so a
 * column costs one sort, the same as a single COUNT(DISTINCT).
 */
export async function profileColumn(
  driver: Driver,
  d: AnalysisDialect,
  from: string,
  col: SourceColumn,
  opts: ColumnProfileOptions,
): Promise<ColumnProfile> {
  const values = await ValueTable.create(driver, d, from, col.name)
  try {
    return await profileFromValues(values, d, col, opts)
  } finally {
    await values.drop()
  }
}

/**
 * The column as (v, n) pairs in a temporary table, so the GROUP BY runs once.
 * On MySQL the driver keeps one primary connection, which keeps temporary
 * tables; a user without CREATE TEMPORARY TABLES gets a derived table instead
 * (correct, but the GROUP BY then runs once per query).
 */
class ValueTable {
  private constructor(
    readonly driver: Driver,
    readonly from: string,
    private readonly dropSql: string | null,
    /** What orders the pairs by value: rowid for the SQLite temp table, which was filled in value order. */
    readonly valueOrder: string,
  ) {}

  static async create(driver: Driver, d: AnalysisDialect, source: string, column: string): Promise<ValueTable> {
    const c = d.q(column)
    const grouped = `SELECT ${c} AS v, count(*) AS n FROM ${source} GROUP BY ${c}`
    if (d.kind === 'sqlite') {
      const name = 'temp.sonograph_profile_values'
      await driver.exec(`DROP TABLE IF EXISTS ${name}`)
      // ORDER BY matches the GROUP BY, so it costs nothing, and it makes rowid order value order: the running count for quartiles then needs no second sort.
      await driver.exec(`CREATE TEMP TABLE sonograph_profile_values AS ${grouped} ORDER BY ${c}`)
      return new ValueTable(driver, name, `DROP TABLE IF EXISTS ${name}`, 'rowid')
    }
    const name = d.q('sonograph_profile_values')
    try {
      await driver.exec(`DROP TEMPORARY TABLE IF EXISTS ${name}`)
      await driver.exec(`CREATE TEMPORARY TABLE ${name} AS ${grouped}`)
      return new ValueTable(driver, name, `DROP TEMPORARY TABLE IF EXISTS ${name}`, 'v')
    } catch (err) {
      if (err instanceof AppError && err.code === 'SQL_ERROR' && /denied|read.only|read-only/i.test(err.message)) {
        return new ValueTable(driver, `(${grouped}) AS g`, null, 'v')
      }
      throw err
    }
  }

  async rows(sql: string): Promise<SqlValue[][]> {
    return (await this.driver.query(sql)).rows
  }

  async drop(): Promise<void> {
    if (this.dropSql) await this.driver.exec(this.dropSql)
  }
}

async function profileFromValues(g: ValueTable, d: AnalysisDialect, col: SourceColumn, opts: ColumnProfileOptions): Promise<ColumnProfile> {
  const isNum = d.isNumeric('v')
  const isDate = d.looksLikeDate('v')
  const sqliteTypes =
    d.kind === 'sqlite'
      ? `sum(CASE WHEN typeof(v) = 'integer' THEN n ELSE 0 END), sum(CASE WHEN typeof(v) = 'real' THEN n ELSE 0 END),
         sum(CASE WHEN typeof(v) = 'text' THEN n ELSE 0 END), sum(CASE WHEN typeof(v) = 'blob' THEN n ELSE 0 END),
         min(CASE WHEN typeof(v) = 'text' THEN length(v) END), max(CASE WHEN typeof(v) = 'text' THEN length(v) END)`
      : `NULL, NULL, NULL, NULL, min(${d.textLength('v')}), max(${d.textLength('v')})`
  const [s] = await g.rows(`SELECT sum(n), sum(CASE WHEN v IS NULL THEN n ELSE 0 END), count(v),
      ${sqliteTypes},
      sum(CASE WHEN ${isDate} THEN n ELSE 0 END), min(CASE WHEN ${isDate} THEN v END), max(CASE WHEN ${isDate} THEN v END),
      min(CASE WHEN ${isDate} THEN ${d.dayNumber('v')} END), max(CASE WHEN ${isDate} THEN ${d.dayNumber('v')} END),
      max(CASE WHEN ${isDate} THEN ${d.textLength('v')} END),
      min(v), max(v),
      sum(CASE WHEN ${isNum} THEN v * n * 1.0 END), min(CASE WHEN ${isNum} THEN v END), max(CASE WHEN ${isNum} THEN v END),
      ${g.valueOrder === 'rowid' ? `max(CASE WHEN ${isNum} THEN n END), min(CASE WHEN ${isNum} THEN rowid END)` : 'NULL, NULL'}
    FROM ${g.from}`)
  const r = s ?? []
  const rows = toInt(r[0])
  const nulls = toInt(r[1])
  const distinct = toInt(r[2])
  const nonNull = rows - nulls
  const storage = d.kind === 'sqlite' ? { integer: toInt(r[3]), real: toInt(r[4]), text: toInt(r[5]), blob: toInt(r[6]) } : null
  const mysqlNumeric = d.kind === 'mysql' && /int|dec|numeric|float|double|real|year/i.test(col.declaredType)
  const numeric = storage ? storage.integer + storage.real : mysqlNumeric ? nonNull : 0
  const real = storage ? storage.real : /dec|numeric|float|double|real/i.test(col.declaredType) ? nonNull : 0

  const topRows = await g.rows(`SELECT v, n FROM ${g.from} WHERE v IS NOT NULL ORDER BY n DESC, v LIMIT ${limit(opts.top)}`)
  const topValues: TopValue[] = topRows.map((t) => ({ value: toCell(t[0]), count: toInt(t[1]) }))

  const counts: ValueCounts = {
    engine: d.kind,
    declaredType: col.declaredType,
    pk: col.pk,
    name: col.name,
    nonNull,
    distinct,
    numeric,
    real,
    blob: storage?.blob ?? 0,
    dateLike: toInt(r[9]),
    minLength: toNum(r[7]),
    maxLength: toNum(r[8]),
    smallDomain: distinct <= 2 ? topValues.map((t) => t.value) : null,
  }
  const kind = detectKind(counts)
  const profile: ColumnProfile = {
    name: col.name,
    declaredType: col.declaredType,
    kind,
    storage,
    rows,
    nulls,
    nullShare: rows ? nulls / rows : 0,
    distinct,
    min: toCell(r[15]),
    max: toCell(r[16]),
    topValues,
    notes: [],
  }
  if (counts.minLength !== null && counts.maxLength !== null && (kind === 'text' || kind === 'identifier')) {
    profile.text = { minLength: counts.minLength, maxLength: counts.maxLength }
  }

  if (kind === 'number' && numeric > 0) {
    if (numeric < nonNull) profile.notes.push(`${nonNull - numeric} non-numeric values left out of the number statistics`)
    const stats = await numberStats(g, isNum, { count: numeric, sum: toNum(r[17]) ?? 0, min: toNum(r[18]) ?? 0, max: toNum(r[19]) ?? 0, maxRepeat: toNum(r[20]), firstRowid: toNum(r[21]) }, real === 0, opts.bins)
    const st = stats.stats
    profile.number = st
    profile.outliers = await outliers(g, isNum, st)
    // Bins span the values inside Tukey's fences, so one far outlier cannot squeeze the bulk into a single bar; outliers get a bin at each end.
    const integer = real === 0
    const lo = profile.outliers.count ? Math.max(st.min, integer ? Math.ceil(profile.outliers.lowerFence) : profile.outliers.lowerFence) : st.min
    const hi = profile.outliers.count ? Math.min(st.max, integer ? Math.floor(profile.outliers.upperFence) : profile.outliers.upperFence) : st.max
    const range = lo <= hi ? { lo, hi, min: st.min, max: st.max } : undefined
    profile.histogram = await histogram(g, d, isNum, 'v', range ? binPlan(lo, hi, integer, opts.bins) : stats.plan, 'value', range)
  } else if (kind === 'datetime') {
    const minDay = toNum(r[12])
    const maxDay = toNum(r[13])
    const dateOnly = toNum(r[14]) === 10
    if (minDay !== null && maxDay !== null) {
      profile.datetime = { min: toText(r[10]), max: toText(r[11]), spanDays: maxDay - minDay }
      profile.min = toCell(r[10])
      profile.max = toCell(r[11])
      const plan = binPlan(minDay, maxDay, dateOnly, opts.bins)
      const dateWhere = `${isDate} AND ${d.dayNumber('v')} IS NOT NULL`
      profile.histogram = await histogram(g, d, dateWhere, d.dayNumber('v'), plan, 'days')
    }
    if (counts.dateLike < nonNull) profile.notes.push(`${nonNull - counts.dateLike} values that are not dates left out of the date statistics`)
  } else if (kind === 'text' || kind === 'boolean' || kind === 'identifier') {
    const shown = topValues.reduce((a, t) => a + t.count, 0)
    profile.bars = topValues.map((t) => ({ label: t.value === null ? '(null)' : toText(typeof t.value === 'object' ? JSON.stringify(t.value) : t.value), count: t.count }))
    if (nonNull > shown) profile.bars.push({ label: '(other)', count: nonNull - shown, other: true })
  }
  return profile
}

async function numberStats(
  g: ValueTable,
  isNum: string,
  { count, sum, min, max, maxRepeat, firstRowid }: { count: number; sum: number; min: number; max: number; maxRepeat: number | null; firstRowid: number | null },
  integer: boolean,
  bins: number,
): Promise<{ stats: NumberStats; plan: BinPlan }> {
  const mean = sum / count
  // Two passes over the pairs (mean first, then squared deviations) keep the variance exact where sum-of-squares would cancel.
  const [v] = await g.rows(`SELECT sum(n * (v - ${num(mean)}) * (v - ${num(mean)})) FROM ${g.from} WHERE ${isNum}`)
  const ss = toNum(v?.[0]) ?? 0
  const plans = [0.25, 0.5, 0.75].map((p) => rankPlan(count, p))
  const ranks = ranksNeeded(plans)
  let spans: { value: number; start: number; end: number }[]
  if (maxRepeat === 1 && firstRowid !== null) {
    // Every value occurs once and the pairs sit in value order with the numbers together (SQLite sorts NULL, numbers, text, blobs):
    // rank k is simply the k-th row after the first number, found by rowid without a running sum.
    const rows = await g.rows(`SELECT rowid, v FROM ${g.from} WHERE rowid IN (${ranks.map((k) => num(firstRowid + k)).join(', ')})`)
    spans = rows.map((x) => ({ value: toNum(x[1]) ?? 0, start: toInt(x[0]) - firstRowid, end: toInt(x[0]) - firstRowid + 1 }))
  } else {
    const where = ranks.map((k) => `(cum - n <= ${num(k)} AND cum > ${num(k)})`).join(' OR ')
    // A running count over the distinct values gives each value its rank span; one pass over the sorted pairs serves all quartiles.
    const rows = await g.rows(`SELECT v, cum - n, cum FROM (
        SELECT v, n, sum(n) OVER (ORDER BY ${g.valueOrder} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum FROM ${g.from} WHERE ${isNum}
      ) AS w WHERE ${where}`)
    spans = rows.map((x) => ({ value: toNum(x[0]) ?? 0, start: toInt(x[1]), end: toInt(x[2]) }))
  }
  const at = rankLookup(spans)
  const [q1, median, q3] = plans.map((p) => interpolate(p, at)) as [number, number, number]
  return {
    stats: { count, min, max, sum, mean, median, q1, q3, stddev: count > 1 ? Math.sqrt(Math.max(0, ss) / (count - 1)) : null },
    plan: binPlan(min, max, integer, bins),
  }
}

async function histogram(
  g: ValueTable,
  d: AnalysisDialect,
  where: string,
  expr: string,
  plan: BinPlan,
  unit: 'value' | 'days',
  /** Values below lo / above hi go to an overflow bin at each end (numbers only). */
  range?: { lo: number; hi: number; min: number; max: number },
): Promise<{ bins: HistogramBin[]; binWidth: number; unit: 'value' | 'days' }> {
  const last = plan.count - 1
  const idx = d.floorNonNeg(`(${expr} - ${num(plan.lo)}) / ${dbl(plan.width)}`)
  const inner = `CASE WHEN ${idx} > ${num(last)} THEN ${num(last)} ELSE ${idx} END`
  const bin = range ? `CASE WHEN ${expr} < ${num(range.lo)} THEN -1 WHEN ${expr} > ${num(range.hi)} THEN ${num(plan.count)} ELSE ${inner} END` : inner
  const rows = await g.rows(`SELECT b, sum(n) FROM (SELECT ${bin} AS b, n FROM ${g.from} WHERE ${where}) AS h GROUP BY b`)
  const counts = new Array<number>(plan.count).fill(0)
  let below = 0
  let above = 0
  for (const row of rows) {
    if (row[0] === null) continue
    const i = toInt(row[0])
    if (i >= 0 && i < plan.count) counts[i] = (counts[i] ?? 0) + toInt(row[1])
    else if (i < 0) below += toInt(row[1])
    else above += toInt(row[1])
  }
  const edge = (n: number): number | string => (unit === 'days' ? d.dayNumberToIso(n) : n)
  const bins: HistogramBin[] = counts.map((count, i) => ({
    from: edge(plan.lo + i * plan.width),
    to: edge(binEnd(plan, i)),
    label: unit === 'days' ? dateBinLabel(d, plan, i) : binLabel(plan, i),
    count,
  }))
  if (range && below) bins.unshift({ from: range.min, to: range.lo, label: `< ${formatNumber(range.lo)}`, count: below, overflow: 'low' })
  if (range && above) bins.push({ from: range.hi, to: range.max, label: `> ${formatNumber(range.hi)}`, count: above, overflow: 'high' })
  return { bins, binWidth: plan.width, unit }
}

function dateBinLabel(d: AnalysisDialect, plan: BinPlan, i: number): string {
  // Bins a day or wider are labelled by date; the exact edges stay in from/to.
  const day = (n: number): string => (plan.width >= 1 ? d.dayNumberToIso(n).slice(0, 10) : d.dayNumberToIso(n))
  const from = day(plan.lo + i * plan.width)
  if (plan.integer && plan.width === 1) return from
  const to = plan.integer ? day(plan.lo + (i + 1) * plan.width - 1) : day(plan.lo + (i + 1) * plan.width)
  return `${from} – ${to}`
}

async function outliers(g: ValueTable, isNum: string, s: NumberStats): Promise<OutlierInfo> {
  const iqr = s.q3 - s.q1
  const lowerFence = s.q1 - 1.5 * iqr
  const upperFence = s.q3 + 1.5 * iqr
  const beyond = `${isNum} AND (v < ${num(lowerFence)} OR v > ${num(upperFence)})`
  const [c] = await g.rows(`SELECT sum(n) FROM ${g.from} WHERE ${beyond}`)
  const count = toInt(c?.[0])
  const info: OutlierInfo = { rule: 'tukey-1.5-iqr', lowerFence, upperFence, count, low: [], high: [] }
  if (count > 0) {
    const low = await g.rows(`SELECT v FROM ${g.from} WHERE ${isNum} AND v < ${num(lowerFence)} ORDER BY v LIMIT 5`)
    const high = await g.rows(`SELECT v FROM ${g.from} WHERE ${isNum} AND v > ${num(upperFence)} ORDER BY v DESC LIMIT 5`)
    info.low = low.map((x) => toNum(x[0]) ?? 0)
    info.high = high.map((x) => toNum(x[0]) ?? 0)
  }
  return info
}
