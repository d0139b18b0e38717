import type { AppErrorShape } from './errors'
import type { JobProgress, JobState } from './jobs'

/** Events pushed from main to the window, over IPC or the bridge's WebSocket. */
export interface EventMap {
  'job.progress': JobProgress
  'job.finished': { jobId: string; kind: string; state: Exclude<JobState, 'running'>; result?: unknown; error?: AppErrorShape }
  /** A menu item or accelerator asks the window to run one of its commands. */
  'menu.command': { command: MenuCommand; arg?: string }
  'sources.changed': { sourceId: string }
}
export type EventName = keyof EventMap

/** Commands the native menu dispatches; each is also reachable inside the window. */
export const menuCommands = [
  'open-dump',
  'open-database',
  'open-recent',
  'connect-mysql',
  'new-lab',
  'export',
  'close-source',
  'theme-light',
  'theme-dark',
  'theme-system',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'show-about',
  'show-shortcuts',
  'new-console',
] as const
export type MenuCommand = (typeof menuCommands)[number]
