import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import type { ClinicCell, ClinicEtlRun, ClinicEtlWatermark } from '../../shared/calls/clinic'
import { questionById, questions } from '../core/clinic/questions'
import type { Handlers } from './router'

/** A default file name that does not clobber an earlier lab. */
function freshLabPath(dir: string, seed: number, encounters: number): string {
  const base = `healthcare-seed${seed}-${encounters}`
  for (let i = 1; ; i++) {
    const p = join(dir, `${base}${i === 1 ? '' : `-${i}`}.sqlite`)
    if (!existsSync(p)) return p
  }
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0))
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
function json<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string') return fallback
  try {
    return JSON.parse(v) as T
  } catch {
    return fallback
  }
}

export const clinicHandlers: Handlers<'clinic.generate' | 'clinic.etl' | 'clinic.questions' | 'clinic.runQuestion' | 'clinic.etlRuns'> = {
  'clinic.generate': async (a, ctx) => {
    const common = {
      patients: a.patients,
      encounters: a.encounters,
      seed: a.seed,
      ...(a.providers !== undefined ? { providers: a.providers } : {}),
      ...(a.readmissionRate !== undefined ? { readmissionRate: a.readmissionRate } : {}),
      ...(a.startDate !== undefined ? { startDate: a.startDate } : {}),
      ...(a.days !== undefined ? { days: a.days } : {}),
      append: a.append,
    }
    if (!a.append && a.patients < 1) throw new AppError('BAD_ARGUMENT', 'A new lab needs at least one patient', { field: 'patients' })
    if (a.target.kind === 'mysql') {
      const spec = a.target.spec
      const { jobId } = ctx.jobs.start('generateHealthcare', { ...common, target: { kind: 'mysql', spec } })
      return { jobId, target: `${spec.user}@${spec.host}:${spec.port}/${spec.database}` }
    }
    let path: string
    if (a.append) {
      if (!a.target.path) throw new AppError('BAD_ARGUMENT', 'Appending needs the lab file in target.path', { field: 'target.path' })
      path = resolve(a.target.path)
      if (!existsSync(path)) throw new AppError('NOT_FOUND', `No lab database at ${path}`, { field: 'target.path', file: path })
    } else if (a.target.path) {
      path = resolve(a.target.path)
      if (existsSync(path) && !a.target.overwrite) throw new AppError('BAD_ARGUMENT', `${path} already exists; choose another name or allow overwriting`, { field: 'target.path', file: path })
    } else {
      path = freshLabPath(join(ctx.dataDir, 'labs'), a.seed, a.encounters)
    }
    const { jobId } = ctx.jobs.start('generateHealthcare', { ...common, target: { kind: 'sqlite', path } })
    return { jobId, target: path }
  },

  'clinic.etl': async ({ sourceId, mode }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    const { jobId } = ctx.jobs.start('etl', { spec: spec.kind === 'sqlite' ? { ...spec, writable: true } : spec, mode })
    return { jobId }
  },

  'clinic.questions': async () =>
    questions.map((q) => ({ id: q.id, title: q.title, definition: q.definition, columns: q.columns, orderBy: q.orderBy, sql: { oltp: q.oltp, star: q.star } })),

  'clinic.runQuestion': async ({ sourceId, questionId }, ctx) => {
    const { spec } = ctx.sources.get(sourceId)
    if (!questionById(questionId)) throw new AppError('NOT_FOUND', `No business question ${questionId}`, { field: 'questionId' })
    // In a worker: on a large lab one question takes seconds, which must not block the window.
    const r = await ctx.jobs.start('clinicQuestion', { spec, questionId }).done
    return {
      questionId: r.questionId,
      columns: r.oltp.columns,
      rows: r.oltp.rows as ClinicCell[][],
      starRows: r.star.rows as ClinicCell[][],
      equal: r.equal,
      differences: r.differences,
      oltpMs: r.oltp.ms,
      starMs: r.star.ms,
    }
  },

  'clinic.etlRuns': async ({ sourceId }, ctx) => {
    const driver = ctx.sources.driver(sourceId)
    let rows: unknown[][]
    try {
      rows = (await driver.query('SELECT run_id, mode, started_at, finished_at, status, watermark, rows_json, message FROM etl_run ORDER BY run_id DESC')).rows
    } catch {
      return []
    }
    return rows.map(
      (r): ClinicEtlRun => ({
        runId: num(r[0]),
        mode: String(r[1]),
        startedAt: String(r[2]),
        finishedAt: text(r[3]),
        status: String(r[4]),
        watermark: json<ClinicEtlWatermark | null>(r[5], null),
        rows: json<Record<string, number>>(r[6], {}),
        message: text(r[7]),
      }),
    )
  },
}
