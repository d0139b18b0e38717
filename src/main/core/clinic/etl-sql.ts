import type { ClinicDialect } from './oltp-ddl'

/** The few places where SQLite and MySQL spell the same thing differently. */
export interface SqlFlavor {
  dialect: ClinicDialect
  /** True when a and b differ, NULLs included. */
  differs(a: string, b: string): string
  dateKey(expr: string): string
  addDays(expr: string, days: number): string
  /** Whole days between the calendar dates of two datetimes. */
  daysBetween(from: string, to: string): string
  /** Age in whole years at `at` for a date of birth. */
  ageYears(dob: string, at: string): string
  stageTable(name: string, columns: string): string[]
  dropStage(name: string): string
  insertIgnore: string
  /** INSERT ... SELECT that adds `value` onto an existing row with the same key. `select` must have a WHERE. */
  upsertAdd(table: string, keys: string[], value: string, select: string): string
  /** MySQL's join-order hint: the optimizer otherwise starts bridges from the 40-row code table and sorts. */
  straightJoin: string
  dateFromOffset(start: string, n: string): string
  calendar(d: string): { year: string; quarter: string; month: string; monthName: string; calendarMonth: string; dom: string; dow: string; weekday: string }
  /** UPDATE target (aliased t) SET col = expr ... from a join; SQLite forbids qualified SET columns, MySQL needs them. */
  /**
   * `drive` (SQLite only) restricts the target to the staged keys: without statistics on a fresh temp
   * table SQLite would otherwise scan the whole fact table. MySQL cannot read a temporary table twice in
   * one statement, and does not need it.
   */
  updateFrom(target: string, sets: [string, string][], from: string, on: string, where: string, drive?: string): string
}

const sqliteFlavor: SqlFlavor = {
  dialect: 'sqlite',
  differs: (a, b) => `${a} IS NOT ${b}`,
  // Dates are stored as 'YYYY-MM-DD[ HH:MM:SS]' text; slicing is several times cheaper than strftime on millions of rows.
  dateKey: (e) => `CAST(substr(${e}, 1, 4) || substr(${e}, 6, 2) || substr(${e}, 9, 2) AS INTEGER)`,
  addDays: (e, n) => `datetime(${e}, '+${n} days')`,
  daysBetween: (a, b) => `CAST(julianday(substr(${b}, 1, 10)) - julianday(substr(${a}, 1, 10)) AS INTEGER)`,
  ageYears: (dob, at) =>
    `(CAST(strftime('%Y', ${at}) AS INTEGER) - CAST(strftime('%Y', ${dob}) AS INTEGER) - (strftime('%m-%d', ${at}) < strftime('%m-%d', ${dob})))`,
  // INTEGER PRIMARY KEY makes the key the rowid: one lookup per probe instead of index then table.
  stageTable: (name, cols) => [`DROP TABLE IF EXISTS temp.${name}`, `CREATE TEMP TABLE ${name} (${cols.replace(/\bINT PRIMARY KEY\b/, 'INTEGER PRIMARY KEY')})`],
  dropStage: (name) => `DROP TABLE IF EXISTS temp.${name}`,
  insertIgnore: 'INSERT OR IGNORE',
  upsertAdd: (table, keys, value, select) =>
    `INSERT INTO ${table} (${keys.join(', ')}, ${value}) ${select} ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${value} = ${table}.${value} + excluded.${value}`,
  straightJoin: '',
  dateFromOffset: (start, n) => `date(${start}, '+' || ${n} || ' days')`,
  calendar: (d) => ({
    year: `CAST(strftime('%Y', ${d}) AS INTEGER)`,
    quarter: `((CAST(strftime('%m', ${d}) AS INTEGER) + 2) / 3)`,
    month: `CAST(strftime('%m', ${d}) AS INTEGER)`,
    monthName: `CASE strftime('%m', ${d}) WHEN '01' THEN 'January' WHEN '02' THEN 'February' WHEN '03' THEN 'March' WHEN '04' THEN 'April' WHEN '05' THEN 'May' WHEN '06' THEN 'June' WHEN '07' THEN 'July' WHEN '08' THEN 'August' WHEN '09' THEN 'September' WHEN '10' THEN 'October' WHEN '11' THEN 'November' ELSE 'December' END`,
    calendarMonth: `strftime('%Y-%m', ${d})`,
    dom: `CAST(strftime('%d', ${d}) AS INTEGER)`,
    // ISO numbering, Monday = 1 .. Sunday = 7, the same on both engines.
    dow: `((CAST(strftime('%w', ${d}) AS INTEGER) + 6) % 7 + 1)`,
    weekday: `CASE strftime('%w', ${d}) WHEN '0' THEN 'Sunday' WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday' WHEN '5' THEN 'Friday' ELSE 'Saturday' END`,
  }),
  updateFrom: (target, sets, from, on, where, drive) =>
    `UPDATE ${target} AS t SET ${sets.map(([c, v]) => `${c} = ${v}`).join(', ')} FROM ${from} WHERE ${on}${where ? ` AND ${where}` : ''}${drive ? ` AND ${drive}` : ''}`,
}

const mysqlFlavor: SqlFlavor = {
  dialect: 'mysql',
  differs: (a, b) => `NOT (${a} <=> ${b})`,
  dateKey: (e) => `(YEAR(${e}) * 10000 + MONTH(${e}) * 100 + DAY(${e}))`,
  addDays: (e, n) => `DATE_ADD(${e}, INTERVAL ${n} DAY)`,
  daysBetween: (a, b) => `DATEDIFF(${b}, ${a})`,
  ageYears: (dob, at) => `TIMESTAMPDIFF(YEAR, ${dob}, ${at})`,
  // Temporary tables do not end the transaction, so the incremental load stays atomic.
  stageTable: (name, cols) => [`DROP TEMPORARY TABLE IF EXISTS ${name}`, `CREATE TEMPORARY TABLE ${name} (${cols})`],
  dropStage: (name) => `DROP TEMPORARY TABLE IF EXISTS ${name}`,
  insertIgnore: 'INSERT IGNORE',
  upsertAdd: (table, keys, value, select) => `INSERT INTO ${table} (${keys.join(', ')}, ${value}) ${select} ON DUPLICATE KEY UPDATE ${value} = ${value} + VALUES(${value})`,
  straightJoin: 'STRAIGHT_JOIN ',
  dateFromOffset: (start, n) => `DATE_ADD(${start}, INTERVAL ${n} DAY)`,
  calendar: (d) => ({
    year: `YEAR(${d})`,
    quarter: `QUARTER(${d})`,
    month: `MONTH(${d})`,
    monthName: `ELT(MONTH(${d}), 'January','February','March','April','May','June','July','August','September','October','November','December')`,
    calendarMonth: `DATE_FORMAT(${d}, '%Y-%m')`,
    dom: `DAYOFMONTH(${d})`,
    dow: `WEEKDAY(${d}) + 1`,
    weekday: `ELT(WEEKDAY(${d}) + 1, 'Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday')`,
  }),
  updateFrom: (target, sets, from, on, where) => `UPDATE ${target} AS t JOIN ${from} ON ${on} SET ${sets.map(([c, v]) => `t.${c} = ${v}`).join(', ')}${where ? ` WHERE ${where}` : ''}`,
}

export function flavorOf(dialect: ClinicDialect): SqlFlavor {
  return dialect === 'sqlite' ? sqliteFlavor : mysqlFlavor
}

/** Age bands carried on dim_patient. */
export function ageGroupCase(age: string): string {
  return `CASE WHEN ${age} < 18 THEN '0-17' WHEN ${age} < 35 THEN '18-34' WHEN ${age} < 50 THEN '35-49' WHEN ${age} < 65 THEN '50-64' WHEN ${age} < 80 THEN '65-79' ELSE '80+' END`
}

/** 0..99999 as a set-based number source (no recursion limits on either engine). */
export function digitsTable(): string {
  const d = `(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)`
  return `(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * g.d AS n FROM ${d} a CROSS JOIN ${d} b CROSS JOIN ${d} c CROSS JOIN ${d} e CROSS JOIN ${d} g)`
}
