import type { EventMap, EventName } from '../../shared/events'
import type { JobRunner } from '../core/jobs/job-runner'
import type { SourceRegistry } from '../core/sources/source-registry'
import type { RecentStore } from '../core/sources/recent-store'
import type { ConnectionStore } from '../core/connections/connection-store'
import type { SecretStore } from '../core/connections/secret-store'

/** What every handler can reach. Built once per process by the transport. */
export interface ApiContext {
  sources: SourceRegistry
  jobs: JobRunner
  recent: RecentStore
  /** Saved MySQL/MariaDB connections; passwords only as SecretStore tokens. */
  connections: ConnectionStore
  /** OS keychain in Electron, memory only in the browser bridge. */
  secrets: SecretStore
  transport: 'ipc' | 'bridge'
  /** Directory where the bridge stores uploaded files. */
  uploadDir: string
  /** Directory for app data (settings, recent files, saved connections). */
  dataDir: string
  emit<E extends EventName>(name: E, payload: EventMap[E]): void
}
