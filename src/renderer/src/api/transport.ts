import type { AppErrorShape } from '../../../shared/errors'

export type Outcome = { ok: true; result: unknown } | { ok: false; error: AppErrorShape }

/** How calls and events move; IPC in Electron, the bridge's WebSocket in a browser. */
export interface Transport {
  kind: 'ipc' | 'bridge'
  call(name: string, args: unknown): Promise<Outcome>
  onEvent(listener: (event: string, payload: unknown) => void): () => void
}

/** What the preload exposes on window.sonograph. */
export interface PreloadApi {
  call(name: string, args: unknown): Promise<unknown>
  onEvent(listener: (event: string, payload: unknown) => void): () => void
  dialog(args: unknown): Promise<string | null>
  pathForFile(file: File): string
}

declare global {
  interface Window {
    sonograph?: PreloadApi
  }
}
