/**
 * The scale sweep report: generate the lab at several sizes, build the star,
 * benchmark the four questions at each, and write how each form's median time
 * grows with size (the data of the log-log chart) to docs/reports/sweep-<engine>.*.
 *
 *   npx tsx bench/runner-sweep.ts --engine sqlite --sizes 10000,50000,200000,1000000
 *   npx tsx bench/runner-sweep.ts --engine mariadb --sizes 10000,50000,200000 --runs 5
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SWEEP_SIZES } from '../src/shared/calls/bench'
import { sweepReport, timingsCsv } from '../src/main/core/bench/report'
import { sweepSvg } from '../src/main/core/bench/sweep-chart'
import { benchmarkSweepJob } from '../src/main/core/bench/sweep-job'
import { createJobContext } from '../src/main/core/jobs/job-context'

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    sizes: { type: 'string', default: DEFAULT_SWEEP_SIZES.join(',') },
    runs: { type: 'string', default: '5' },
    warmups: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
  },
})
const engine = values.engine === 'mariadb' ? 'mariadb' : 'sqlite'
const root = new URL('../', import.meta.url).pathname
const outDir = join(root, 'docs', 'reports')
const workDir = join(root, 'bench', '.data')
mkdirSync(workDir, { recursive: true })

let lastPhase = ''
const ctx = createJobContext((u) => {
  if (u.phase !== lastPhase) {
    lastPhase = u.phase
    process.stderr.write(`  ${u.phase}\n`)
  }
})
const t0 = performance.now()
const result = await benchmarkSweepJob(
  {
    engine: engine === 'mariadb' ? 'mysql' : 'sqlite',
    ...(engine === 'mariadb'
      ? { server: { kind: 'mysql' as const, host: '127.0.0.1', port: 3306, user: 'root', password: process.env.SONOGRAPH_MYSQL_PASSWORD ?? '', database: 'mysql', connectTimeoutMs: 10_000 } }
      : {}),
    workDir,
    sizes: values.sizes.split(',').map(Number),
    patientsPerEncounter: 0.2,
    seed: Number(values.seed),
    runs: Number(values.runs),
    warmups: Number(values.warmups),
    cold: false,
  },
  ctx,
)
const minutes = ((performance.now() - t0) / 60000).toFixed(1)
for (const s of result.series) console.log(`${s.pairId} ${s.form}: ${s.points.map((p) => `${p.encounters}=${p.medianMs.toFixed(1)}ms`).join(' ')}`)
mkdirSync(outDir, { recursive: true })
const md = sweepReport(result).split('\n')
md.splice(2, 0, `Made by \`npx tsx bench/runner-sweep.ts ${process.argv.slice(2).join(' ')}\` in ${minutes} min (generation, ETL and benchmark at every size). Chart: [sweep-${engine}.svg](sweep-${engine}.svg).`, '', `![median time against size, log-log](sweep-${engine}.svg)`, '')
writeFileSync(join(outDir, `sweep-${engine}.md`), md.join('\n'))
writeFileSync(join(outDir, `sweep-${engine}.csv`), timingsCsv(result))
writeFileSync(join(outDir, `sweep-${engine}.json`), JSON.stringify(result, null, 1))
writeFileSync(join(outDir, `sweep-${engine}.svg`), sweepSvg(result))
console.log(`wrote docs/reports/sweep-${engine}.md, .csv, .json, .svg`)
