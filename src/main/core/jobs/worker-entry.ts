import { parentPort, workerData } from 'node:worker_threads'
import { toErrorShape } from '../../../shared/errors'
import { createJobContext } from './job-context'
import { jobRegistry } from './registry'
import type { WorkerInit, WorkerMessage } from './worker-protocol'

/** Entry of a job's worker thread: runs one job and reports back. */
async function main(): Promise<void> {
  const init = workerData as WorkerInit
  const port = parentPort
  if (!port) throw new Error('worker-entry must run in a worker thread')
  const send = (m: WorkerMessage): void => port.postMessage(m)
  const ctx = createJobContext((update) => send({ type: 'progress', update }), new Int32Array(init.cancel))
  const fn = (jobRegistry as Record<string, (a: unknown, c: typeof ctx) => Promise<unknown>>)[init.kind]
  if (!fn) {
    send({ type: 'error', error: { code: 'BAD_ARGUMENT', message: `Unknown job kind: ${init.kind}`, details: { field: 'kind' } } })
    return
  }
  try {
    const result = await fn(init.args, ctx)
    send({ type: 'done', result })
  } catch (err) {
    send({ type: 'error', error: toErrorShape(err) })
  }
}

void main()
