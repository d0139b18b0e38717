import type { AppErrorShape } from './errors'
import type { EventMap, EventName } from './events'

/** Messages over the bridge's WebSocket. The same router answers them as over IPC. */
export interface BridgeRequest {
  id: number
  call: string
  args: unknown
}

export type BridgeResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: AppErrorShape }

export interface BridgeEvent<E extends EventName = EventName> {
  event: E
  payload: EventMap[E]
}

export const BRIDGE_TOKEN_COOKIE = 'sonograph_token'
export const BRIDGE_WS_PATH = '/ws'
export const BRIDGE_UPLOAD_PATH = '/upload'

/** The IPC channel names; the preload exposes one method per purpose, never a raw channel. */
export const IPC_CALL_CHANNEL = 'sonograph:call'
export const IPC_EVENT_CHANNEL = 'sonograph:event'
export const IPC_DIALOG_CHANNEL = 'sonograph:dialog'
