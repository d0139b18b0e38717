import { AppError } from '../../../shared/errors'
import type { SourceSpec } from '../../../shared/source-spec'
import type { JobContext } from '../jobs/job-context'
import { hasTable, MysqlClinicConn, SqliteClinicConn, type ClinicConn } from './clinic-conn'
import { runQuestionBothForms, type QuestionComparison } from './compare-results'

export interface ClinicQuestionArgs {
  spec: SourceSpec
  questionId: string
}

/**
 * Job `clinicQuestion`: one business question in both forms, in a worker, so a
 * question over millions of rows (seconds) never blocks the window.
 */
export async function clinicQuestionJob(args: ClinicQuestionArgs, ctx: JobContext): Promise<QuestionComparison> {
  const conn: ClinicConn = args.spec.kind === 'sqlite' ? SqliteClinicConn.open(args.spec.path, { readonly: true }) : await MysqlClinicConn.open(args.spec)
  try {
    if (!(await hasTable(conn, 'fact_encounters'))) throw new AppError('NOT_FOUND', 'This database has no star schema yet: run the ETL first', { field: 'sourceId' })
    ctx.progress({ phase: 'running both forms', done: 0, total: 2, unit: 'queries' })
    const r = await runQuestionBothForms((sql) => conn.table(sql), conn.dialect, args.questionId)
    ctx.progress({ phase: 'done', done: 2, total: 2, unit: 'queries' })
    return r
  } finally {
    await conn.close()
  }
}
