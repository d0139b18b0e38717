import type { CellValue, ColumnFilter, KeyValue, SortSpec } from '../../../shared/calls/browse'
import { AppError } from '../../../shared/errors'
import type { TableInfo } from '../../../shared/schema-model'
import type { Driver, SqlValue } from '../db/driver'
import { ParamList, filterConditions, orderBy, whereClause } from './keyset-sql'
import { planTable } from './table-plan'
import { bytesToHex, fromKeyValue } from './wire-values'

export type CellRow = { key: KeyValue[] } | { offset: number; sort?: SortSpec | undefined; filters: ColumnFilter[] }

function looksLikeJson(text: string): boolean {
  const t = text.trim()
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return false
  try {
    JSON.parse(t)
    return true
  } catch {
    return false
  }
}

/**
 * One cell's full value for the viewer, bounded: the engine cuts it with
 * substr() so a 100 MB blob never crosses the wire whole.
 */
export async function readCellValue(driver: Driver, table: TableInfo, column: string, row: CellRow, maxBytes: number): Promise<CellValue> {
  const plan = planTable(driver, table, 'offset' in row ? row.sort : undefined, 'offset' in row ? row.filters : [])
  const col = table.columns.find((c) => c.name === column)
  if (!col) throw new AppError('BAD_ARGUMENT', `Table ${table.name} has no column ${column}`, { field: 'column' })
  const q = driver.dialect.quoteId
  const c = q(col.name)
  const params = new ParamList(driver.dialect)
  // Small values come back as they are (numbers stay numbers); big ones are cut by the engine.
  const limit = Math.trunc(maxBytes)
  const select = `SELECT length(${c}), CASE WHEN length(${c}) <= ${limit} THEN ${c} ELSE substr(${c}, 1, ${limit}) END, ${c} IS NULL`
  let sql: string
  if ('key' in row) {
    if (plan.mode !== 'keyset') throw new AppError('BAD_ARGUMENT', `${table.name} has no key; address the row by offset`, { field: 'row' })
    if (row.key.length !== plan.keyExprs.length) throw new AppError('BAD_ARGUMENT', `Row key needs ${plan.keyExprs.length} values`, { field: 'row.key' })
    const conds = plan.keyExprs.map((k, i) => `${k} = ${params.add(fromKeyValue(row.key[i]!))}`)
    sql = `${select} FROM ${plan.from}${whereClause(conds)}`
  } else {
    const conds = filterConditions(row.filters, q, params)
    const order = plan.sortColumn ? ` ORDER BY ${orderBy([q(plan.sortColumn.name)], plan.dir)}` : ''
    sql = `${select} FROM ${plan.from}${whereClause(conds)}${order} LIMIT 1 OFFSET ${Math.trunc(row.offset)}`
  }
  const res = await driver.query(sql, params.values)
  const r = res.rows[0]
  if (!r) throw new AppError('NOT_FOUND', 'The row no longer exists', { field: 'row' })
  const isNull = Number(r[2]) === 1
  if (isNull) return { kind: 'null', size: 0, truncated: false, json: false }
  const size = Number(r[0] ?? 0)
  const v: SqlValue = r[1] ?? null
  if (v instanceof Uint8Array) {
    return { kind: 'blob', size, hex: bytesToHex(v, maxBytes), truncated: size > v.length || v.length > maxBytes, json: false }
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    return { kind: Number.isInteger(Number(v)) ? 'integer' : 'real', size, text: String(v), truncated: false, json: false }
  }
  const text = String(v ?? '')
  const truncated = size > maxBytes || text.length > maxBytes
  const kept = truncated ? text.slice(0, maxBytes) : text
  return { kind: 'text', size, text: kept, truncated, json: !truncated && looksLikeJson(kept) }
}
