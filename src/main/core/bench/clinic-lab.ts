import type { MysqlSpec } from '../../../shared/source-spec'
import { MysqlClinicConn, SqliteClinicConn } from '../clinic/clinic-conn'
import { runEtl } from '../clinic/etl'
import { generateHealthcareJob } from '../clinic/generate-job'
import type { JobContext } from '../jobs/job-context'
import { labPairs } from './lab-questions'
import type { LabBuilder } from './sweep'

/**
 * The lab connection for the ETL on MySQL/MariaDB. On MariaDB the session gets
 * hash joins and a larger join buffer: the full load builds the pair aggregate
 * before the bridge indexes exist, and the default block-nested-loop join makes
 * that quadratic (it did not finish in 14 minutes at 1M encounters). Only the
 * build's session changes; the benchmark's connections keep the server defaults.
 */
async function mysqlEtlConn(spec: MysqlSpec): Promise<MysqlClinicConn> {
  const clinic = await MysqlClinicConn.open(spec)
  const [rows] = await clinic.conn.query('SELECT VERSION() AS v')
  const version = Array.isArray(rows) ? String((rows[0] as { v?: unknown } | undefined)?.v ?? '') : ''
  if (/mariadb/i.test(version)) await clinic.conn.query('SET SESSION join_cache_level = 8, join_buffer_size = 268435456')
  return clinic
}

export async function buildStarWithEtl(spec: { kind: 'sqlite'; path: string } | MysqlSpec, ctx: JobContext): Promise<void> {
  const conn = spec.kind === 'sqlite' ? SqliteClinicConn.open(spec.path) : await mysqlEtlConn(spec)
  try {
    await runEtl(conn, { mode: 'full' }, ctx)
  } finally {
    await conn.close()
  }
}

/** The healthcare lab's generator and full ETL, as the sweep and the report script use them. */
export const clinicLab: LabBuilder = {
  async generate(spec, opts, ctx) {
    const target = spec.kind === 'sqlite' ? { kind: 'sqlite' as const, path: spec.path } : { kind: 'mysql' as const, spec }
    await generateHealthcareJob({ target, ...opts }, ctx)
  },
  buildStar: buildStarWithEtl,
  pairs: labPairs,
}

/** What the build did differently from the plain ETL, for the report. */
export const BUILD_NOTE_MARIADB =
  'On MariaDB the ETL session ran with `join_cache_level=8, join_buffer_size=256M` (hash joins): the full load builds the pair aggregate before the bridge indexes exist, which the default block-nested-loop join makes quadratic. The benchmark connections used the server defaults.'
