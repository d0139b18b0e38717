import { fromErrorShape } from '../../../shared/errors'
import type { CallArgs, CallName, CallResult } from '../../../shared/calls'
import type { EventMap, EventName } from '../../../shared/events'
import { bridgeTransport } from './bridge-transport'
import { ipcTransport } from './ipc-transport'
import type { Transport } from './transport'

/** The one typed client: names, arguments and results all come from the contract. */
export interface ApiClient {
  transport: 'ipc' | 'bridge'
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>>
  on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void
}

export function createClient(t: Transport): ApiClient {
  return {
    transport: t.kind,
    async call(name, args) {
      const outcome = await t.call(name, args)
      if (!outcome.ok) throw fromErrorShape(outcome.error)
      return outcome.result as CallResult<typeof name>
    },
    on(event, handler) {
      return t.onEvent((name, payload) => {
        if (name === event) handler(payload as EventMap[typeof event])
      })
    },
  }
}

/** IPC when the preload is present (Electron), the bridge otherwise (a browser). */
export const api: ApiClient = createClient(window.sonograph ? ipcTransport(window.sonograph) : bridgeTransport())
