import { AppError } from '../../../shared/errors'
import { generateHealthcareJob } from '../clinic/generate-job'
import { labPairs } from './lab-questions'
import type { LabBuilder } from './sweep'

/** The healthcare lab's generator and ETL, as the sweep uses them. */
export const clinicLab: LabBuilder = {
  async generate(spec, opts, ctx) {
    const target = spec.kind === 'sqlite' ? { kind: 'sqlite' as const, path: spec.path } : { kind: 'mysql' as const, spec }
    await generateHealthcareJob({ target, ...opts }, ctx)
  },
  buildStar() {
    return Promise.reject(new AppError('UNSUPPORTED', 'The healthcare lab ETL is not available yet'))
  },
  pairs: labPairs,
}
