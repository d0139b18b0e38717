import type { JobFn } from './job-context'
import { rowCountJob } from './row-count-job'
import { benchmarkJob } from '../bench/runner'
import { benchmarkSweepJob } from '../bench/sweep-job'
import { browseCountJob } from '../browse/browse-count-job'
import { consoleQueryJob } from '../browse/console-query-job'
import { copyToSqliteJob } from '../db/mysql-to-sqlite'
import { generateHealthcareJob } from '../clinic/generate-job'
import { etlJob } from '../clinic/etl-job'
import { clinicQuestionJob } from '../clinic/question-job'
import { importDumpJob } from '../dump/import-dump-job'
import { dumpSqliteLoaderJob } from '../dump/sqlite-load-job'
import { profileJob } from '../profile/profile-job'
import { chartDataJob, overviewDataJob } from '../profile/analysis-jobs'
import { exportCsvJob } from '../export/csv-export-job'

/**
 * Every kind of job a worker can run. An area adds its job here; the contract's
 * `JobKinds` (src/shared/job-kinds.ts) gives each kind's argument and result types.
 */
export const jobRegistry = {
  rowCount: rowCountJob,
  benchmark: benchmarkJob,
  benchmarkSweep: benchmarkSweepJob,
  browseCount: browseCountJob,
  consoleQuery: consoleQueryJob,
  copyToSqlite: copyToSqliteJob,
  generateHealthcare: generateHealthcareJob,
  etl: etlJob,
  clinicQuestion: clinicQuestionJob,
  importDump: importDumpJob,
  /** Internal: the SQLite half of importDump, on its own thread. */
  dumpSqliteLoader: dumpSqliteLoaderJob,
  profile: profileJob,
  chartData: chartDataJob,
  overviewData: overviewDataJob,
  exportCsv: exportCsvJob,
} satisfies Record<string, JobFn<never, unknown>>

export type JobKind = keyof typeof jobRegistry
export type JobArgs<K extends JobKind> = Parameters<(typeof jobRegistry)[K]>[0]
export type JobResult<K extends JobKind> = Awaited<ReturnType<(typeof jobRegistry)[K]>>
