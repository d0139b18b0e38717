import type { SourceKind } from '../../../shared/schema-model'

/**
 * The few SQL spellings the planner needs that differ between SQLite and
 * MySQL/MariaDB. Plans become SQL text that can be copied, opened in the
 * console or stored as a view, so literals are written inline (escaped), not bound.
 */
export interface PlanDialect {
  kind: SourceKind
  quoteId(name: string): string
  literal(text: string): string
  concatWs(separator: string, parts: string[]): string
  daysBetween(from: string, to: string): string
  ageAt(birth: string, at: string): string
  yearMonth(date: string): string
  /** Text of the values joined by a separator, in the given order. */
  groupConcat(value: string, separator: string, orderBy: string): string
}

const sqliteQuote = (name: string): string => `"${name.replace(/"/g, '""')}"`
const mysqlQuote = (name: string): string => `\`${name.replace(/`/g, '``')}\``

export const sqlitePlanDialect: PlanDialect = {
  kind: 'sqlite',
  quoteId: sqliteQuote,
  literal: (t) => `'${t.replace(/'/g, "''")}'`,
  concatWs: (sep, parts) => `concat_ws(${sqlitePlanDialect.literal(sep)}, ${parts.join(', ')})`,
  // date() drops the time of day, so a visit at 09:00 and a report that day are 0 days apart, as DATEDIFF does.
  daysBetween: (from, to) => `CAST(julianday(date(${to})) - julianday(date(${from})) AS INTEGER)`,
  ageAt: (birth, at) =>
    `(CAST(strftime('%Y', ${at}) AS INTEGER) - CAST(strftime('%Y', ${birth}) AS INTEGER) - (strftime('%m-%d', ${at}) < strftime('%m-%d', ${birth})))`,
  yearMonth: (d) => `strftime('%Y-%m', ${d})`,
  groupConcat: (v, sep, order) => `group_concat(${v}, ${sqlitePlanDialect.literal(sep)} ORDER BY ${order})`,
}

export const mysqlPlanDialect: PlanDialect = {
  kind: 'mysql',
  quoteId: mysqlQuote,
  // Backslash is an escape character in MySQL string literals unless NO_BACKSLASH_ESCAPES is set.
  literal: (t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
  concatWs: (sep, parts) => `CONCAT_WS(${mysqlPlanDialect.literal(sep)}, ${parts.join(', ')})`,
  daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
  ageAt: (birth, at) => `TIMESTAMPDIFF(YEAR, ${birth}, ${at})`,
  yearMonth: (d) => `DATE_FORMAT(${d}, '%Y-%m')`,
  groupConcat: (v, sep, order) => `GROUP_CONCAT(${v} ORDER BY ${order} SEPARATOR ${mysqlPlanDialect.literal(sep)})`,
}

export function planDialect(kind: SourceKind): PlanDialect {
  return kind === 'mysql' ? mysqlPlanDialect : sqlitePlanDialect
}
