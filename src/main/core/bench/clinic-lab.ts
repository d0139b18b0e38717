import { MysqlClinicConn, SqliteClinicConn, type ClinicConn } from '../clinic/clinic-conn'
import { runEtl } from '../clinic/etl'
import { generateHealthcareJob } from '../clinic/generate-job'
import { labPairs } from './lab-questions'
import type { LabBuilder } from './sweep'

/** The healthcare lab's generator and full ETL, as the sweep and the report script use them. */
export const clinicLab: LabBuilder = {
  async generate(spec, opts, ctx) {
    const target = spec.kind === 'sqlite' ? { kind: 'sqlite' as const, path: spec.path } : { kind: 'mysql' as const, spec }
    await generateHealthcareJob({ target, ...opts }, ctx)
  },
  async buildStar(spec, ctx) {
    const conn: ClinicConn = spec.kind === 'sqlite' ? SqliteClinicConn.open(spec.path) : await MysqlClinicConn.open(spec)
    try {
      await runEtl(conn, { mode: 'full' }, ctx)
    } finally {
      await conn.close()
    }
  },
  pairs: labPairs,
}
