import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MysqlSpec } from '../../../shared/source-spec'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { clinicLab } from './clinic-lab'
import { labPairs } from './lab-questions'
import { benchmarkJob } from './runner'

const hasDb = await mariadbAvailable()
const quiet = (): ReturnType<typeof createJobContext> => createJobContext(() => {}, new Int32Array(1), 0)

describe.skipIf(!hasDb)('benchmark of the healthcare lab (MariaDB, small scale)', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec

  beforeAll(async () => {
    db = await createTestDatabase('benchlab')
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    await clinicLab.generate(spec, { patients: 300, encounters: 1500, seed: 11 }, quiet())
    await clinicLab.buildStar(spec, quiet())
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('answers all four questions the same on both models, with measured plans and the buffer pool reported', async () => {
    const r = await benchmarkJob({ spec, pairs: labPairs('mysql'), runs: 2, warmups: 0 }, quiet())
    expect(r.engine.flavor).toBe('mariadb')
    expect(r.pairs.map((p) => p.id)).toEqual(['encounters-by-month', 'diagnosis-procedure-pairs', 'readmission-rate', 'allowed-by-specialty-month'])
    for (const p of r.pairs) {
      expect(p.resultRows).toBeGreaterThan(0)
      expect(p.a.plan?.format).toBe('mariadb-analyze-json')
      expect(JSON.stringify(p.b.plan?.steps)).toContain('"timeMs"')
    }
    expect(r.tableRows.fact_encounters).toBe(1500)
    expect(r.bufferPool?.after.poolSizeBytes).toBeGreaterThan(0)
  })
})
