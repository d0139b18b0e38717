import { createJobContext } from '../jobs/job-context'
import type { ClinicConn } from './clinic-conn'
import { runQuestionBothForms, type QuestionComparison } from './compare-results'
import { runEtl } from './etl'
import type { EtlMode, EtlSummary } from './etl-plan'
import { questions } from './questions'

/** Shared by the SQLite and MariaDB test files: run an ETL inline, run every question in both forms. */
export const inline = createJobContext(() => undefined)

export function etl(conn: ClinicConn, mode: EtlMode, now?: string): Promise<EtlSummary> {
  return runEtl(conn, now ? { mode, now } : { mode }, inline)
}

export async function allQuestions(conn: ClinicConn): Promise<QuestionComparison[]> {
  const out: QuestionComparison[] = []
  for (const q of questions) out.push(await runQuestionBothForms((sql) => conn.table(sql), conn.dialect, q.id))
  return out
}

/** A readable failure: which question, and its first differences. */
export function mismatches(results: QuestionComparison[]): string[] {
  return results.filter((r) => !r.equal).map((r) => `${r.questionId}: ${r.differences.slice(0, 3).join(' | ')}`)
}
