import type { PlanNode } from './driver'

/** Keys that hold details of their parent rather than a step of the plan. */
const DETAIL_KEYS = new Set([
  'cost_info',
  'used_columns',
  'possible_keys',
  'used_key_parts',
  'ref',
  'r_engine_stats',
  'r_filesort_passes',
  'r_buffer_size',
  'filesort_key',
  'r_sort_mode',
  'rowid_filter_stats',
  'attached_subqueries_info',
])

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return undefined
}

function describe(key: string, obj: Record<string, unknown>): string {
  const parts: string[] = []
  if (typeof obj.table_name === 'string') {
    parts.push(`${key === 'table' ? 'table' : key} ${obj.table_name}`)
  } else if (obj.select_id !== undefined) {
    parts.push(`${key} #${String(obj.select_id)}`)
  } else {
    parts.push(key)
  }
  const access = obj.access_type
  if (typeof access === 'string') parts.push(`(${access})`)
  if (typeof obj.key === 'string') parts.push(`using ${obj.key}`)
  if (typeof obj.sort_key === 'string') parts.push(`by ${obj.sort_key}`)
  for (const k of ['attached_condition', 'message', 'using_temporary_table', 'using_filesort', 'distinct']) {
    const v = obj[k]
    if (typeof v === 'string') parts.push(k === 'message' ? v : `${k.replace(/_/g, ' ')}: ${v}`)
    else if (v === true) parts.push(k.replace(/_/g, ' '))
  }
  return parts.join(' ')
}

/**
 * Flattens `EXPLAIN FORMAT=JSON` (MySQL, MariaDB) and `ANALYZE FORMAT=JSON`
 * (MariaDB) into the driver's plan rows: every nested step becomes a node
 * with its parent, estimated or measured rows, and measured time.
 */
export function flattenJsonPlan(json: unknown): PlanNode[] {
  const nodes: PlanNode[] = []
  const visit = (key: string, obj: Record<string, unknown>, parent: number): void => {
    const id = nodes.length + 1
    const rows = numberOf(obj.r_rows) ?? numberOf(obj.rows_produced_per_join) ?? numberOf(obj.rows_examined_per_scan) ?? numberOf(obj.rows)
    const timeMs = numberOf(obj.r_total_time_ms)
    nodes.push({ id, parent, detail: describe(key, obj), ...(rows !== undefined ? { rows } : {}), ...(timeMs !== undefined ? { timeMs } : {}) })
    walkChildren(obj, id)
  }
  const walkChildren = (obj: Record<string, unknown>, parent: number): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (DETAIL_KEYS.has(k)) continue
      if (isRecord(v)) visit(k, v, parent)
      else if (Array.isArray(v)) {
        for (const item of v) {
          if (!isRecord(item)) continue
          // Arrays hold wrappers such as {"table": {...}} or {"query_block": {...}}.
          const keys = Object.keys(item)
          const only = keys.length === 1 ? keys[0] : undefined
          const inner = only !== undefined ? item[only] : undefined
          if (only !== undefined && isRecord(inner)) visit(only, inner, parent)
          else visit(k, item, parent)
        }
      }
    }
  }
  if (isRecord(json)) walkChildren(json, 0)
  return nodes
}

/**
 * MySQL 8's `EXPLAIN ANALYZE` prints a tree of `-> step (cost=.. rows=..) (actual time=a..b rows=n loops=l)`
 * lines indented by four spaces per level.
 */
export function parseMysqlAnalyzeTree(text: string): PlanNode[] {
  const nodes: PlanNode[] = []
  const stack: { depth: number; id: number }[] = []
  for (const line of text.split('\n')) {
    const m = /^(\s*)-> (.*)$/.exec(line)
    if (!m) continue
    const depth = (m[1] ?? '').length
    const body = m[2] ?? ''
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const parent = stack.length ? stack[stack.length - 1]!.id : 0
    const id = nodes.length + 1
    const actual = /\(actual time=[\d.]+\.\.([\d.]+) rows=([\d.e+]+) loops=(\d+)\)/.exec(body)
    const estimate = /\(cost=[^)]*rows=([\d.e+]+)\)/.exec(body)
    const detail = body.replace(/\s*\((cost|actual time)=[^)]*\)/g, '').trim()
    const node: PlanNode = { id, parent, detail }
    if (actual) {
      const loops = Number(actual[3])
      node.rows = Number(actual[2]) * loops
      node.timeMs = Number(actual[1]) * loops
    } else if (estimate) {
      node.rows = Number(estimate[1])
    }
    nodes.push(node)
    stack.push({ depth, id })
  }
  return nodes
}
