import { AppError } from '../../../shared/errors'
import { labPairs } from './lab-questions'
import type { LabBuilder } from './sweep'

/** The healthcare lab's generator and ETL, as the sweep uses them. Bound to src/main/core/clinic/ once it exports them. */
export const clinicLab: LabBuilder = {
  generate() {
    return Promise.reject(new AppError('UNSUPPORTED', 'The healthcare lab generator is not available yet'))
  },
  buildStar() {
    return Promise.reject(new AppError('UNSUPPORTED', 'The healthcare lab ETL is not available yet'))
  },
  pairs: labPairs,
}
