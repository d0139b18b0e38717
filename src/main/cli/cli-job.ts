import type { ProgressUpdate } from '../core/jobs/job-context'
import type { CliIO } from './cli-command'

/**
 * Ctrl+C while a command runs a job inline: sets the job's cancel flag (the
 * job stops at its next check and leaves no partial output) instead of killing
 * the process mid-write. Call dispose() when the job is over.
 */
export function cancelOnSigint(io: CliIO, message = '\nCancelling…'): { flag: Int32Array; dispose(): void } {
  const flag = new Int32Array(1)
  const onSigint = (): void => {
    Atomics.store(flag, 0, 1)
    io.err(message)
  }
  process.once('SIGINT', onSigint)
  return { flag, dispose: () => void process.removeListener('SIGINT', onSigint) }
}

/** Progress as lines on stderr (`phase: done / total unit`), skipping a line equal to the last. */
export function progressLines(io: CliIO): (u: ProgressUpdate) => void {
  let last = ''
  return (u) => {
    const line = `${u.phase}: ${u.done.toLocaleString('en')}${u.total ? ` / ${u.total.toLocaleString('en')}` : ''} ${u.unit}`
    if (line !== last) io.err(line)
    last = line
  }
}
