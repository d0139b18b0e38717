import type { DateBucket } from '../../../shared/chart-spec'
import type { Driver } from '../db/driver'

/**
 * The few SQL expressions that differ between SQLite and MySQL/MariaDB for
 * analysis queries. Numbers the engine computed itself (bin edges, ranks) are
 * written as literals through `num`, which only accepts finite numbers; values
 * that come from the user always travel as parameters.
 */
export interface AnalysisDialect {
  kind: 'sqlite' | 'mysql'
  q(name: string): string
  /** A condition true when a value is numeric (SQLite columns can mix storage classes). */
  isNumeric(v: string): string
  /** A condition true when a value is text that starts like an ISO date. */
  looksLikeDate(v: string): string
  /** Days as a real number, comparable across values; NULL when not a date. */
  dayNumber(v: string): string
  /** The inverse of dayNumber, in JavaScript: an ISO date/time. */
  dayNumberToIso(n: number): string
  textLength(v: string): string
  /** floor() of a non-negative expression. */
  floorNonNeg(expr: string): string
  random(): string
  /** A date bucketed for charts, as sortable text. */
  bucket(v: string, bucket: DateBucket): string
  /** Whole days from a to b (b − a), NULL when either is not a date. */
  daysBetween(a: string, b: string): string
  /** Whole years of age at `at` for a birth date. */
  ageYears(birth: string, at: string): string
}

export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`)
  // Keep integers exact and reals in full precision; parenthesised so a negative sign cannot combine with an operator.
  return `(${Number.isInteger(n) ? n.toFixed(0) : n.toPrecision(17)})`
}

const DATE_GLOB = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'"

const sqlite = (q: (n: string) => string): AnalysisDialect => ({
  kind: 'sqlite',
  q,
  isNumeric: (v) => `typeof(${v}) IN ('integer','real')`,
  looksLikeDate: (v) => `(typeof(${v}) = 'text' AND ${v} GLOB ${DATE_GLOB})`,
  dayNumber: (v) => `julianday(${v})`,
  dayNumberToIso: (n) => isoFromMs((n - 2440587.5) * 86_400_000),
  textLength: (v) => `length(${v})`,
  floorNonNeg: (e) => `CAST(${e} AS INTEGER)`,
  random: () => 'random()',
  bucket: (v, b) => {
    switch (b) {
      case 'day':
        return `date(${v})`
      case 'week':
        // 'weekday 0' moves forward to Sunday (or stays), then back six days: the ISO week's Monday.
        return `date(${v}, 'weekday 0', '-6 days')`
      case 'month':
        return `strftime('%Y-%m', ${v})`
      case 'quarter':
        return `(strftime('%Y', ${v}) || '-Q' || ((CAST(strftime('%m', ${v}) AS INTEGER) + 2) / 3))`
    }
  },
  daysBetween: (a, b) => `CAST(julianday(date(${b})) - julianday(date(${a})) AS INTEGER)`,
  ageYears: (birth, at) =>
    `(CAST(strftime('%Y', ${at}) AS INTEGER) - CAST(strftime('%Y', ${birth}) AS INTEGER) - (strftime('%m-%d', ${at}) < strftime('%m-%d', ${birth})))`,
})

const mysql = (q: (n: string) => string): AnalysisDialect => ({
  kind: 'mysql',
  q,
  // A MySQL column has one declared type (numeric stats run only on numeric types), so only NULL needs excluding.
  isNumeric: (v) => `${v} IS NOT NULL`,
  looksLikeDate: (v) => `(${v} REGEXP '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]')`,
  // A double (86400e0): a DECIMAL quotient would be cut to div_precision_increment digits.
  dayNumber: (v) => `(TO_SECONDS(${v}) / 86400e0)`,
  dayNumberToIso: (n) => isoFromMs((n * 86_400 - 62_167_219_200) * 1000),
  textLength: (v) => `CHAR_LENGTH(${v})`,
  floorNonNeg: (e) => `FLOOR(${e})`,
  random: () => 'RAND()',
  bucket: (v, b) => {
    switch (b) {
      case 'day':
        return `DATE_FORMAT(${v}, '%Y-%m-%d')`
      case 'week':
        return `DATE_FORMAT(DATE_SUB(DATE(${v}), INTERVAL WEEKDAY(${v}) DAY), '%Y-%m-%d')`
      case 'month':
        return `DATE_FORMAT(${v}, '%Y-%m')`
      case 'quarter':
        return `CONCAT(YEAR(${v}), '-Q', QUARTER(${v}))`
    }
  },
  daysBetween: (a, b) => `DATEDIFF(${b}, ${a})`,
  ageYears: (birth, at) => `TIMESTAMPDIFF(YEAR, ${birth}, ${at})`,
})

export function analysisDialect(driver: Driver): AnalysisDialect {
  const q = (n: string): string => driver.dialect.quoteId(n)
  return driver.kind === 'sqlite' ? sqlite(q) : mysql(q)
}

/**
 * A number as a floating-point literal in both engines. MySQL reads `0.05` as
 * DECIMAL and then divides to only div_precision_increment (4) extra digits,
 * which can push a value across a bin edge; `5.0000000000000000e-2` is a double.
 */
export function dbl(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`)
  return `(${n.toExponential(16)})`
}

/** A LIMIT count: MySQL takes neither parentheses nor expressions there. */
export function limit(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a row count: ${n}`)
  return String(n)
}

function isoFromMs(ms: number): string {
  const d = new Date(Math.round(ms))
  if (Number.isNaN(d.getTime())) return ''
  const s = d.toISOString()
  const time = s.slice(11, 19)
  return time === '00:00:00' ? s.slice(0, 10) : `${s.slice(0, 10)} ${time}`
}
