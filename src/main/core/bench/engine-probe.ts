import { cpus, loadavg, platform, release, totalmem, type as osType } from 'node:os'
import type { Driver } from '../db/driver'
import type { BufferPoolState, EngineInfo, MachineInfo, QueryPlan } from '../../../shared/calls/bench'
import { mariadbPlanTree, mysqlAnalyzeTree, sqlitePlanTree } from './plan-tree'

export type EngineFlavor = EngineInfo['flavor']

export function machineInfo(): MachineInfo {
  const list = cpus()
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()} (${platform()})`,
    node: process.version,
  }
}

function text(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8')
  return ''
}

export async function engineInfo(driver: Driver): Promise<EngineInfo> {
  if (driver.kind === 'sqlite') {
    const r = await driver.query('SELECT sqlite_version()')
    return { flavor: 'sqlite', version: `SQLite ${text(r.rows[0]?.[0])}` }
  }
  const r = await driver.query('SELECT VERSION()')
  const v = text(r.rows[0]?.[0])
  const maria = /mariadb/i.test(v)
  return { flavor: maria ? 'mariadb' : 'mysql', version: `${maria ? 'MariaDB' : 'MySQL'} ${v}` }
}

export async function bufferPoolState(driver: Driver): Promise<BufferPoolState | null> {
  if (driver.kind === 'sqlite') return null
  const status = await driver.query(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_data','Innodb_buffer_pool_pages_total','Innodb_buffer_pool_pages_free','Innodb_buffer_pool_read_requests','Innodb_buffer_pool_reads')",
  )
  const vars = await driver.query("SHOW GLOBAL VARIABLES LIKE 'innodb_buffer_pool_size'")
  const m = new Map<string, number>()
  for (const row of [...status.rows, ...vars.rows]) m.set(text(row[0]).toLowerCase(), Number(text(row[1])))
  return {
    poolSizeBytes: m.get('innodb_buffer_pool_size') ?? 0,
    pagesData: m.get('innodb_buffer_pool_pages_data') ?? 0,
    pagesTotal: m.get('innodb_buffer_pool_pages_total') ?? 0,
    pagesFree: m.get('innodb_buffer_pool_pages_free') ?? 0,
    readRequests: m.get('innodb_buffer_pool_read_requests') ?? 0,
    diskReads: m.get('innodb_buffer_pool_reads') ?? 0,
  }
}

/**
 * The plan of one query. MariaDB's ANALYZE and MySQL's EXPLAIN ANALYZE run the
 * query, so their rows and times are measured; SQLite's plan is the shape only.
 */
export async function queryPlan(driver: Driver, flavor: EngineFlavor, sql: string): Promise<QueryPlan> {
  const body = sql.trim().replace(/;\s*$/, '')
  if (flavor === 'sqlite') {
    const nodes = await driver.explain(body)
    return {
      format: 'sqlite-eqp',
      measured: false,
      steps: sqlitePlanTree(nodes),
      raw: nodes.map((n) => `${n.id} ${n.parent} ${n.detail}`).join('\n'),
    }
  }
  if (flavor === 'mariadb') {
    const r = await driver.query(`ANALYZE FORMAT=JSON ${body}`)
    const raw = text(r.rows[0]?.[0])
    return { format: 'mariadb-analyze-json', measured: true, steps: mariadbPlanTree(raw), raw }
  }
  const r = await driver.query(`EXPLAIN ANALYZE ${body}`)
  const raw = r.rows.map((row) => text(row[0])).join('\n')
  return { format: 'mysql-explain-analyze', measured: true, steps: mysqlAnalyzeTree(raw), raw }
}

/** Exact rows per table, for the report's data sizes. */
export async function tableSizes(driver: Driver): Promise<Record<string, number>> {
  const model = await driver.introspect()
  const out: Record<string, number> = {}
  for (const t of model.tables) {
    if (t.kind !== 'table') continue
    out[t.name] = await driver.countRows(t.name)
  }
  return out
}

export function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100)
}

/** Settings that shape the timings, so the report states them instead of leaving them implicit. */
export async function engineSettings(driver: Driver, flavor: EngineFlavor): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {}
  if (flavor === 'sqlite') {
    for (const p of ['page_size', 'page_count', 'cache_size', 'mmap_size', 'journal_mode', 'temp_store']) {
      const r = await driver.query(`PRAGMA ${p}`)
      const v = r.rows[0]?.[0]
      out[p] = typeof v === 'number' ? v : text(v)
    }
    const size = Number(out.page_size) * Number(out.page_count)
    if (Number.isFinite(size)) out.file_size_mib = Math.round(size / 2 ** 20)
    return out
  }
  const r = await driver.query(
    "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size','innodb_flush_log_at_trx_commit','tmp_table_size','max_heap_table_size','join_buffer_size','sort_buffer_size','optimizer_switch')",
  )
  for (const row of r.rows) {
    const k = text(row[0])
    if (k === 'optimizer_switch') continue
    const v = text(row[1])
    out[k] = Number.isFinite(Number(v)) && v !== '' ? Number(v) : v
  }
  return out
}
