import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SqliteDriver } from '../db/sqlite-driver'
import { createJobContext } from '../jobs/job-context'
import { sweepReport, timingsCsv } from './report'
import { sweepSvg } from './sweep-chart'
import { benchmarkSweep, type LabBuilder } from './sweep'

const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A stand-in lab: `encounters` rows and a pre-aggregated "star". */
const fakeLab: LabBuilder = {
  generate(spec, opts) {
    if (spec.kind !== 'sqlite') throw new Error('sqlite only')
    const d = new SqliteDriver(spec.path, { writable: true, create: true })
    d.db.exec('CREATE TABLE e (id INTEGER PRIMARY KEY, k INTEGER)')
    d.db.prepare('WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?) INSERT INTO e SELECT i, i % 5 FROM s').run(opts.encounters)
    d.db.close()
    return Promise.resolve()
  },
  buildStar(spec) {
    if (spec.kind !== 'sqlite') throw new Error('sqlite only')
    const d = new SqliteDriver(spec.path, { writable: true })
    d.db.exec('CREATE TABLE f AS SELECT k, count(*) AS n FROM e GROUP BY k')
    d.db.close()
    return Promise.resolve()
  },
  pairs: () => [{ id: 'q1', title: 'Count by k', a: { label: 'OLTP', sql: 'SELECT k, count(*) FROM e GROUP BY k' }, b: { label: 'star', sql: 'SELECT k, n FROM f' } }],
}

describe('scale sweep', () => {
  it('builds, benchmarks and removes a database per size, and returns one series per question and form', async () => {
    const phases = new Set<string>()
    const ctx = createJobContext((u) => phases.add(u.phase), new Int32Array(1), 0)
    const r = await benchmarkSweep(
      { engine: 'sqlite', workDir: dir, sizes: [2000, 500], patientsPerEncounter: 0.2, seed: 1, runs: 3, warmups: 0, cold: false },
      ctx,
      fakeLab,
    )
    expect(r.sizes).toEqual([500, 2000])
    expect(r.points.map((p) => [p.encounters, p.patients, p.result.tableRows.e])).toEqual([
      [500, 100, 500],
      [2000, 400, 2000],
    ])
    expect(r.series.map((s) => `${s.pairId}/${s.form}`)).toEqual(['q1/OLTP', 'q1/star'])
    expect(r.series[0]!.points.map((p) => p.encounters)).toEqual([500, 2000])
    expect([...phases].some((p) => p.startsWith('2,000 encounters: Count by k: timed run'))).toBe(true)
    // Scratch databases are gone.
    expect(readdirSync(dir)).toEqual([])
    expect(sweepReport(r)).toContain('| 2000 |')
    expect(timingsCsv(r).trim().split('\n')).toHaveLength(1 + 2 * 2 * 3)
  })

  it('keeps the scratch databases when asked', async () => {
    const ctx = createJobContext(() => {}, new Int32Array(1), 0)
    await benchmarkSweep({ engine: 'sqlite', workDir: dir, sizes: [300], patientsPerEncounter: 0.2, seed: 1, runs: 1, warmups: 0, cold: false, keep: true }, ctx, fakeLab)
    expect(existsSync(join(dir, 'sonograph_sweep_300.sqlite'))).toBe(true)
  })
})

describe('sweep chart', () => {
  it('draws one line per question and form on log axes', async () => {
    const ctx = createJobContext(() => {}, new Int32Array(1), 0)
    const r = await benchmarkSweep({ engine: 'sqlite', workDir: dir, sizes: [100, 1000], patientsPerEncounter: 0.2, seed: 1, runs: 1, warmups: 0, cold: false }, ctx, fakeLab)
    const svg = sweepSvg(r)
    expect(svg.match(/<polyline /g)).toHaveLength(2)
    expect(svg).toContain('stroke-dasharray')
    expect(svg).toContain('>1k<')
    expect(svg).toContain('Count by k — star')
  })
})
