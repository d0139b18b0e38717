import type { SourceSpec } from '../../../shared/source-spec'
import type { JobContext } from '../jobs/job-context'
import { MysqlClinicConn, SqliteClinicConn, type ClinicConn } from './clinic-conn'
import { runEtl } from './etl'
import type { EtlMode, EtlSummary } from './etl-plan'
import type { ClinicEtlJobResult } from '../../../shared/calls/clinic'

export interface EtlJobArgs {
  /** The lab database: the star is built next to its OLTP tables. */
  spec: SourceSpec
  mode: EtlMode
}

export async function openClinicConn(spec: SourceSpec): Promise<ClinicConn> {
  // Running the ETL is the user's request to write, so a SQLite source opens writable here.
  return spec.kind === 'sqlite' ? SqliteClinicConn.open(spec.path) : MysqlClinicConn.open(spec)
}

/** Job `etl`: full or incremental load of the star schema, with a progress step per ETL stage. */
export async function etlJob(args: EtlJobArgs, ctx: JobContext): Promise<EtlSummary> {
  const conn = await openClinicConn(args.spec)
  try {
    return await runEtl(conn, { mode: args.mode }, ctx)
  } finally {
    await conn.close()
  }
}

// The contract's description of this job's result must stay what the job returns.
const _sameShape: (r: EtlSummary) => ClinicEtlJobResult = (r) => r
void _sameShape
