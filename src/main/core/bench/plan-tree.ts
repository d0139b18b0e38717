import type { PlanStep } from '../../../shared/calls/bench'
import type { PlanNode } from '../db/driver'

/** SQLite's EXPLAIN QUERY PLAN rows (id, parent, detail) into a tree; SQLite gives the shape only. */
export function sqlitePlanTree(nodes: readonly PlanNode[]): PlanStep[] {
  const byId = new Map<number, PlanStep>()
  const roots: PlanStep[] = []
  for (const n of nodes) {
    const step: PlanStep = { label: n.detail, children: [] }
    byId.set(n.id, step)
    const parent = byId.get(n.parent)
    if (parent) parent.children.push(step)
    else roots.push(step)
  }
  return roots
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return undefined
}

/** Keys of ANALYZE FORMAT=JSON that hold text or numbers about a step, never a sub-step. */
const SCALAR_KEYS = new Set([
  'attached_condition',
  'using_index_condition',
  'index_condition',
  'pushed_index_condition',
  'r_engine_stats',
  'cost_info',
  'used_columns',
  'possible_keys',
  'used_key_parts',
  'ref',
  'rowid_filter_stats',
  'r_buffer_size',
  'r_sort_mode',
])

function mariaLabel(key: string, o: Record<string, unknown>): string {
  const parts: string[] = []
  if (typeof o.table_name === 'string') {
    parts.push(`${o.access_type === 'ALL' ? 'scan' : String(o.access_type ?? 'read')} ${o.table_name}`)
    if (typeof o.key === 'string') parts.push(`using ${o.key}`)
  } else {
    parts.push(key.replace(/_/g, ' '))
    if (o.select_id !== undefined) parts.push(`#${String(o.select_id)}`)
  }
  if (typeof o.attached_condition === 'string') parts.push(`where ${o.attached_condition}`)
  return parts.join(' ')
}

function mariaStep(key: string, o: Record<string, unknown>): PlanStep {
  const step: PlanStep = { label: mariaLabel(key, o), children: [] }
  const rows = num(o.r_rows) ?? num(o.r_output_rows)
  const est = num(o.rows)
  // Tables report their own time split in two; blocks and sorts report a total.
  const tableTime = num(o.r_table_time_ms)
  const time = num(o.r_total_time_ms) ?? (tableTime !== undefined ? tableTime + (num(o.r_other_time_ms) ?? 0) : undefined)
  const loops = num(o.r_loops)
  if (rows !== undefined) step.rows = rows
  if (est !== undefined) step.estimatedRows = est
  if (time !== undefined) step.timeMs = time
  if (loops !== undefined) step.loops = loops
  for (const [k, v] of Object.entries(o)) {
    if (SCALAR_KEYS.has(k)) continue
    if (isRecord(v)) step.children.push(mariaStep(k, v))
    else if (Array.isArray(v)) {
      for (const el of v) {
        if (!isRecord(el)) continue
        const keys = Object.keys(el)
        // nested_loop: [{table: {...}}, ...] wraps each step in a one-key object.
        const only = keys.length === 1 ? keys[0]! : undefined
        const inner = only ? el[only] : undefined
        if (only && isRecord(inner)) step.children.push(mariaStep(only, inner))
        else step.children.push(mariaStep(k, el))
      }
    }
  }
  return step
}

/** MariaDB's ANALYZE FORMAT=JSON document into a tree with measured rows and times. */
export function mariadbPlanTree(json: string): PlanStep[] {
  const doc: unknown = JSON.parse(json)
  if (!isRecord(doc)) return []
  return Object.entries(doc)
    .filter((e): e is [string, Record<string, unknown>] => isRecord(e[1]))
    .map(([k, v]) => mariaStep(k, v))
}

const ACTUAL = /\(actual time=([\d.]+)\.\.([\d.]+) rows=([\d.]+) loops=(\d+)\)/
const ESTIMATE = /\(cost=[\d.e+]+(?:\.\.[\d.e+]+)? rows=([\d.e+]+)\)/

/**
 * MySQL 8's EXPLAIN ANALYZE text: one `-> step` per line, indented four spaces
 * per level, with `(actual time=first..last rows=R loops=L)`.
 */
export function mysqlAnalyzeTree(text: string): PlanStep[] {
  const roots: PlanStep[] = []
  const stack: { depth: number; step: PlanStep }[] = []
  for (const line of text.split('\n')) {
    const m = /^(\s*)-> (.*)$/.exec(line)
    if (!m) continue
    const depth = m[1]!.length
    const body = m[2]!
    const step: PlanStep = { label: body.replace(/\s*\(cost=[^)]*\)/, '').replace(/\s*\(actual[^)]*\)/, '').replace(/\s*\(never executed\)/, '').trim(), children: [] }
    const a = ACTUAL.exec(body)
    if (a) {
      const loops = Number(a[4])
      step.rows = Number(a[3])
      step.loops = loops
      step.timeMs = Number(a[2]) * loops
    }
    const e = ESTIMATE.exec(body)
    if (e) step.estimatedRows = Number(e[1])
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.step.children.push(step)
    else roots.push(step)
    stack.push({ depth, step })
  }
  return roots
}
