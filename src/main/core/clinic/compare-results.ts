import { AppError } from '../../../shared/errors'
import type { ClinicDialect } from './oltp-ddl'
import { questionById, type BusinessQuestion } from './questions'

export type Cell = string | number | null

export interface FormResult {
  columns: string[]
  rows: Cell[][]
  ms: number
}

export interface QuestionComparison {
  questionId: string
  oltp: FormResult
  star: FormResult
  equal: boolean
  /** The first few differences, in words. */
  differences: string[]
}

/** Runs one SQL text; the handler passes an open source's driver, tests a ClinicConn. */
export type QueryFn = (sql: string) => Promise<{ columns: string[]; rows: unknown[][] }>

const NUMERIC = /^-?\d+(\.\d+)?$/

/** Engines disagree on number types (bigint, DECIMAL as text); compare values, not representations. */
export function normalizeCell(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'number') return v
  if (typeof v === 'string') return NUMERIC.test(v) ? Number(v) : v
  if (v instanceof Date) return v.toISOString()
  return String(v)
}

/** What the app shows: codes stay text ('99213'), big integers become numbers. */
function displayCell(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
  if (typeof v === 'number' || typeof v === 'string') return v
  return normalizeCell(v)
}

function sortKey(row: Cell[], skip: Set<number>): string {
  return JSON.stringify(row.filter((_, i) => !skip.has(i)))
}

/**
 * Compares two results exactly, after sorting the rows (so ties in ORDER BY
 * cannot matter); only columns the question marks as a SUM of decimals get a
 * tolerance.
 */
export function compareResults(q: BusinessQuestion, a: FormResult, b: FormResult): { equal: boolean; differences: string[] } {
  const differences: string[] = []
  if (JSON.stringify(a.columns) !== JSON.stringify(b.columns)) differences.push(`columns differ: ${a.columns.join(',')} vs ${b.columns.join(',')}`)
  if (a.rows.length !== b.rows.length) differences.push(`row counts differ: ${a.rows.length} (OLTP) vs ${b.rows.length} (star)`)
  const tol = new Map<number, number>()
  a.columns.forEach((c, i) => {
    const t = q.tolerance[c]
    if (t !== undefined) tol.set(i, t)
  })
  const skip = new Set(tol.keys())
  const na = a.rows.map((row) => row.map(normalizeCell))
  const nb = b.rows.map((row) => row.map(normalizeCell))
  const sa = na.sort((x, y) => (sortKey(x, skip) < sortKey(y, skip) ? -1 : 1))
  const sb = nb.sort((x, y) => (sortKey(x, skip) < sortKey(y, skip) ? -1 : 1))
  for (let r = 0; r < Math.min(sa.length, sb.length) && differences.length < 10; r++) {
    const x = sa[r]!
    const y = sb[r]!
    for (let c = 0; c < Math.max(x.length, y.length); c++) {
      const u = x[c] ?? null
      const v = y[c] ?? null
      const t = tol.get(c)
      const same = t !== undefined && typeof u === 'number' && typeof v === 'number' ? Math.abs(u - v) <= t : u === v
      if (!same) {
        differences.push(`row ${JSON.stringify(x)} vs ${JSON.stringify(y)}: ${a.columns[c] ?? c} ${String(u)} ≠ ${String(v)}`)
        break
      }
    }
  }
  return { equal: differences.length === 0, differences }
}

async function timed(query: QueryFn, sql: string): Promise<FormResult> {
  const t0 = performance.now()
  const r = await query(sql)
  return { columns: r.columns, rows: r.rows.map((row) => row.map(displayCell)), ms: performance.now() - t0 }
}

/** Runs a question's OLTP and star forms on one database and compares them. */
export async function runQuestionBothForms(query: QueryFn, dialect: ClinicDialect, questionId: string): Promise<QuestionComparison> {
  const q = questionById(questionId)
  if (!q) throw new AppError('NOT_FOUND', `No business question ${questionId}`, { field: 'questionId' })
  const oltp = await timed(query, q.oltp[dialect])
  const star = await timed(query, q.star[dialect])
  return { questionId: q.id, oltp, star, ...compareResults(q, oltp, star) }
}
