import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import { generateHealthcareJob, type LabTarget } from '../core/clinic/generate-job'
import { createJobContext } from '../core/jobs/job-context'
import type { CliCommand, CliIO } from './cli-command'
import { mysqlPassword, parseMysqlUrl, PASSWORD_ENV } from './source-option'
import { cancelOnSigint, progressLines } from './cli-job'

const usage = `Usage: sonograph generate healthcare --patients N --encounters N [--seed S] (-o LAB.sqlite | --target mysql://USER@HOST[:PORT]/DB)

Generates the healthcare lab's OLTP database (patients, providers, encounters,
diagnoses, procedures, billing, ...) with realistic distributions. The same
seed gives the same data. A SQLite file appears only when it is complete.

  --patients N            patients to create
  --encounters N          encounters to create (each with 1-5 diagnoses, 0-4 procedures, claims)
  --seed S                random seed (default 42)
  -o, --output FILE       the SQLite file to write
  --target URL            an empty MySQL/MariaDB database instead (password from ${PASSWORD_ENV} or a prompt)
  --providers N           providers (default: one per 60 patients)
  --readmission-rate R    share of inpatient stays followed by a readmission within 30 days (default 0.12)
  --start YYYY-MM-DD      first day of the encounter window (default 2023-01-01)
  --days N                length of the window in days (default 730)
  --append                add to an existing lab database (new ids after the existing ones)
  --force                 replace an existing output file`

function intOption(v: string | undefined, name: string, fallback?: number): number | undefined {
  if (v === undefined) return fallback
  const n = Number(v.replace(/_/g, ''))
  if (!Number.isSafeInteger(n)) throw new AppError('BAD_ARGUMENT', `--${name} must be an integer, got ${v}`, { field: name })
  return n
}

async function targetOf(values: { output?: string; target?: string; force?: boolean; append?: boolean }, io: CliIO): Promise<LabTarget> {
  if (values.output && values.target) throw new AppError('BAD_ARGUMENT', 'Give either -o FILE or --target mysql://..., not both', { field: 'target' })
  if (values.target) {
    const spec = parseMysqlUrl(values.target)
    return { kind: 'mysql', spec: { ...spec, password: await mysqlPassword(spec, io) } }
  }
  if (!values.output) throw new AppError('BAD_ARGUMENT', '-o LAB.sqlite or --target mysql://USER@HOST:PORT/DB is required', { field: 'output' })
  const path = resolve(values.output)
  if (existsSync(path) && !values.force && !values.append) throw new AppError('BAD_ARGUMENT', `${path} exists; use --force to replace it or --append to add to it`, { field: 'output' })
  return { kind: 'sqlite', path }
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'Generate the healthcare lab database (sonograph generate healthcare ...)',
  usage,
  async run(argv, io) {
    let values: Record<string, string | boolean | undefined>
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: {
          patients: { type: 'string' },
          encounters: { type: 'string' },
          seed: { type: 'string' },
          output: { type: 'string', short: 'o' },
          target: { type: 'string' },
          providers: { type: 'string' },
          'readmission-rate': { type: 'string' },
          start: { type: 'string' },
          days: { type: 'string' },
          append: { type: 'boolean', default: false },
          force: { type: 'boolean', default: false },
        },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph generate: ${(err as Error).message}\n\n${usage}`)
      return 2
    }
    if (positionals[0] !== 'healthcare' || positionals.length !== 1) {
      io.err(`sonograph generate: the only generator is "healthcare"\n\n${usage}`)
      return 2
    }
    const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined)
    const { flag: cancel, dispose: stopCancelOnSigint } = cancelOnSigint(io)
    try {
      const patients = intOption(str('patients'), 'patients')
      const encounters = intOption(str('encounters'), 'encounters')
      if (patients === undefined || encounters === undefined) throw new AppError('BAD_ARGUMENT', '--patients and --encounters are required', { field: 'patients' })
      const rate = str('readmission-rate')
      const providers = intOption(str('providers'), 'providers')
      const days = intOption(str('days'), 'days')
      const start = str('start')
      const target = await targetOf({ output: str('output'), target: str('target'), force: values.force === true, append: values.append === true }, io)
      const ctx = createJobContext(
        progressLines(io),
        cancel,
        1000,
      )
      const result = await generateHealthcareJob(
        {
          target,
          patients,
          encounters,
          seed: intOption(str('seed'), 'seed', 42)!,
          append: values.append === true,
          ...(providers !== undefined ? { providers } : {}),
          ...(rate !== undefined ? { readmissionRate: Number(rate) } : {}),
          ...(start !== undefined ? { startDate: start } : {}),
          ...(days !== undefined ? { days } : {}),
        },
        ctx,
      )
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0)
      io.out(`Generated ${total.toLocaleString('en')} rows in ${result.seconds.toFixed(1)} s (${Math.round(total / result.seconds).toLocaleString('en')} rows/s) into ${result.target}`)
      for (const [t, n] of Object.entries(result.rows)) io.out(`  ${t}: ${n.toLocaleString('en')}`)
      return 0
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph generate: ${e.message}`)
      return e.code === 'CANCELLED' ? 130 : e.code === 'BAD_ARGUMENT' ? 2 : 1
    } finally {
      stopCancelOnSigint()
    }
  },
}
