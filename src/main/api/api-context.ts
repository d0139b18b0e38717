import type { EventMap, EventName } from '../../shared/events'
import type { JobRunner } from '../core/jobs/job-runner'
import type { SourceRegistry } from '../core/sources/source-registry'
import type { RecentStore } from '../core/sources/recent-store'

/** What every handler can reach. Built once per process by the transport. */
export interface ApiContext {
  sources: SourceRegistry
  jobs: JobRunner
  recent: RecentStore
  transport: 'ipc' | 'bridge'
  /** Directory where the bridge stores uploaded files. */
  uploadDir: string
  /** Directory for app data (settings, recent files, saved connections). */
  dataDir: string
  emit<E extends EventName>(name: E, payload: EventMap[E]): void
}
