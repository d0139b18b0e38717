import type { SweepResult } from '../../../shared/calls/bench'
import type { JobContext } from '../jobs/job-context'
import { clinicLab } from './clinic-lab'
import { benchmarkSweep, type SweepArgs } from './sweep'

/** The `benchmarkSweep` job: the sweep over the healthcare lab's own generator and ETL. */
export function benchmarkSweepJob(args: SweepArgs, ctx: JobContext): Promise<SweepResult> {
  return benchmarkSweep(args, ctx, clinicLab)
}
