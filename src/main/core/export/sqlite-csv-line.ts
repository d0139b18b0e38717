import type { CsvOptions } from '../../../shared/calls/export'

/** A result column as the fast path sees it: how to reference it, and its declared type when known. */
export interface LineColumn {
  /** SQL referencing the value (a quoted column name). */
  ref: string
  /** Declared type, '' or undefined when unknown (an expression). */
  type?: string | null
  /** The table's INTEGER PRIMARY KEY: always an integer, never NULL. */
  rowidAlias?: boolean
}

export const sqlText = (t: string): string => `'${t.replace(/'/g, "''")}'`

export function lineEnding(o: Pick<CsvOptions, 'lineEnding'>): string {
  return o.lineEnding === 'crlf' ? '\r\n' : '\n'
}

/** SQLite's affinity rules (section 3.1 of the datatype page), from a declared type. */
export function affinity(type: string | null | undefined): 'integer' | 'text' | 'real' | 'numeric' | 'blob' {
  const t = (type ?? '').toUpperCase()
  if (t.includes('INT')) return 'integer'
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text'
  if (t === '' || t.includes('BLOB')) return 'blob'
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real'
  return 'numeric'
}

export function isDateType(type: string | null | undefined): boolean {
  return /DATE|TIME/i.test(type ?? '')
}

/**
 * Numbers never need quoting unless the delimiter or the NULL text could be
 * part of a number's text.
 */
export function numbersNeedChecks(o: Pick<CsvOptions, 'delimiter' | 'nullText'>): boolean {
  return /[0-9.+\-eEa-zA-Z]/.test(o.delimiter) || (o.nullText !== '' && /^[-+0-9.eEinfINFa]+$/.test(o.nullText))
}

/**
 * One SQL expression per column that writes the field exactly as the generic
 * writer would: NULL as the NULL text (bare), numbers as SQLite prints them,
 * blobs as hex, text quoted only when it holds a quote, the delimiter, CR or
 * LF (or equals the NULL text), the empty string as `""` unless asked otherwise.
 * The checks are ordered by the column's affinity so the common case exits first.
 */
export function fieldSql(col: LineColumn, o: CsvOptions, screened = false): string {
  const x = col.ref
  const nullLit = sqlText(o.nullText)
  const quoted = (v: string): string => `'"' || replace(${v}, '"', '""') || '"'`
  const textVal = o.dates === 'iso' && isDateType(col.type)
    ? `(CASE WHEN ${x} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:*' THEN substr(${x}, 1, 10) || 'T' || substr(${x}, 12) ELSE ${x} END)`
    : x
  let text: string
  if (o.quoting === 'all') {
    text = quoted(textVal)
  } else if (screened) {
    // The row-level screen (lineSql) found no quote, delimiter, CR or LF in this row's text.
    const empty = o.emptyString === 'quoted' ? `'""'` : `''`
    text = `CASE WHEN ${textVal} = '' THEN ${empty}${o.nullText !== '' ? ` WHEN ${textVal} = ${nullLit} THEN ${quoted(textVal)}` : ''} ELSE ${textVal} END`
  } else {
    const exact = [`instr(${textVal}, '"')`, `instr(${textVal}, ${sqlText(o.delimiter)})`, `instr(${textVal}, '\n')`, `instr(${textVal}, '\r')`]
    // json_quote escapes '"', CR, LF (and backslash, other control characters) in one pass in C, where four instr()
    // calls would walk the text four times; the exact test then runs only on the few fields it flags.
    const screen = [`octet_length(json_quote(${textVal})) <> octet_length(${textVal}) + 2`]
    if (o.delimiter !== '\t') screen.push(`instr(${textVal}, ${sqlText(o.delimiter)})`)
    let needsQuote = `(${screen.join(' OR ')}) AND (${exact.join(' OR ')})`
    if (o.nullText !== '') needsQuote = `(${needsQuote}) OR ${textVal} = ${nullLit}`
    const empty = o.emptyString === 'quoted' ? `'""'` : `''`
    text = `CASE WHEN ${needsQuote} THEN ${quoted(textVal)} WHEN ${textVal} = '' THEN ${empty} ELSE ${textVal} END`
  }
  const num = o.quoting === 'all' ? `'"' || ${x} || '"'` : numbersNeedChecks(o) ? text : x
  if (col.rowidAlias) return num
  // SQLite prints a REAL with 15 significant digits (as sqlite3 -csv does), which can lose the last bits of a
  // computed value; with exactReals, 17 digits are written where 15 would not read back as the same double.
  const exactReal = o.exactReals ? `(CASE WHEN CAST(CAST(${x} AS TEXT) AS REAL) = ${x} THEN CAST(${x} AS TEXT) ELSE printf('%!.17g', ${x}) END)` : x
  const real = o.quoting === 'all' ? `'"' || ${exactReal} || '"'` : numbersNeedChecks(o) ? text : exactReal
  const a = affinity(col.type)
  if (a !== 'text' && !o.exactReals) {
    // Without exactReals, integers and reals are written alike, so comparisons sort the value out without
    // calling typeof(): numbers sort below any text ('' included) and blobs above it.
    return `CASE WHEN ${x} IS NULL THEN ${nullLit} WHEN ${x} < '' THEN ${num} WHEN ${x} >= X'' THEN hex(${x}) ELSE ${text} END`
  }
  switch (a) {
    case 'text':
      // TEXT affinity holds text, NULL or (rarely) blobs; blobs sort after all text, so one comparison finds them.
      return `CASE WHEN ${x} IS NULL THEN ${nullLit} WHEN ${x} >= X'' THEN hex(${x}) ELSE ${text} END`
    case 'integer':
      return `CASE typeof(${x}) WHEN 'integer' THEN ${num} WHEN 'null' THEN ${nullLit} WHEN 'real' THEN ${real} WHEN 'blob' THEN hex(${x}) ELSE ${text} END`
    case 'real':
      return `CASE typeof(${x}) WHEN 'real' THEN ${real} WHEN 'null' THEN ${nullLit} WHEN 'integer' THEN ${num} WHEN 'blob' THEN hex(${x}) ELSE ${text} END`
    default:
      return `CASE typeof(${x}) WHEN 'text' THEN ${text} WHEN 'null' THEN ${nullLit} WHEN 'integer' THEN ${num} WHEN 'real' THEN ${real} ELSE hex(${x}) END`
  }
}

/**
 * Columns the row-level screen covers: those that mostly hold text. INTEGER and
 * REAL columns rarely do, and turning their numbers into text for the screen
 * would cost more than it saves; a text value in them gets the exact test.
 */
function screenable(c: LineColumn): boolean {
  const a = affinity(c.type)
  return !c.rowidAlias && a !== 'real' && a !== 'integer'
}

/**
 * The whole line (without its line ending) as one SQL expression. With minimal
 * quoting, the row is screened first: the screenable fields are concatenated,
 * the delimiter mapped to '"', and json_quote (one pass in C) escapes any '"',
 * CR or LF, so the output grows only when some field may need quotes. Most rows
 * pass and their fields are written with no per-field function call; the few
 * flagged rows take the exact per-field tests.
 */
export function lineSql(cols: LineColumn[], o: CsvOptions): string {
  const sep = ` || ${sqlText(o.delimiter)} || `
  const exact = cols.map((c) => fieldSql(c, o)).join(sep)
  const screened = cols.filter(screenable)
  if (o.quoting === 'all' || screened.length < 2) return exact
  const all = `concat(${screened.map((c) => c.ref).join(', ')})`
  const mapped = o.delimiter === '\t' ? all : `replace(${all}, ${sqlText(o.delimiter)}, '"')`
  const fast = cols.map((c) => fieldSql(c, o, screenable(c))).join(sep)
  return `CASE WHEN octet_length(json_quote(${mapped})) = octet_length(${all}) + 2 THEN ${fast} ELSE ${exact} END`
}
