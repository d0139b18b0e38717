import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EventMap, EventName } from '../../shared/events'
import { JobRunner } from '../core/jobs/job-runner'
import { RecentStore } from '../core/sources/recent-store'
import { ConnectionStore } from '../core/connections/connection-store'
import { MemorySecretStore, type SecretStore } from '../core/connections/secret-store'
import { SourceRegistry } from '../core/sources/source-registry'
import type { ApiContext } from './api-context'

export interface ContextOptions {
  transport: 'ipc' | 'bridge'
  dataDir: string
  /** Where saved passwords go; memory only (never on disk) unless Electron passes its keychain store. */
  secrets?: SecretStore
  emit<E extends EventName>(name: E, payload: EventMap[E]): void
}

/** Builds the per-process state both transports hand to the router. */
export function createApiContext(opts: ContextOptions): ApiContext {
  mkdirSync(opts.dataDir, { recursive: true })
  const uploadDir = join(opts.dataDir, 'uploads')
  mkdirSync(uploadDir, { recursive: true })
  const secrets = opts.secrets ?? new MemorySecretStore()
  const ctx: ApiContext = {
    transport: opts.transport,
    dataDir: opts.dataDir,
    uploadDir,
    sources: new SourceRegistry(),
    recent: new RecentStore(opts.dataDir),
    secrets,
    connections: new ConnectionStore(opts.dataDir, secrets),
    jobs: new JobRunner({
      progress: (p) => opts.emit('job.progress', p),
      finished: (e) => opts.emit('job.finished', e),
    }),
    emit: opts.emit,
  }
  return ctx
}

export async function disposeApiContext(ctx: ApiContext): Promise<void> {
  await ctx.jobs.cancelAll()
  await ctx.sources.closeAll()
}
