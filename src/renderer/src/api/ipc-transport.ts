import type { Outcome, PreloadApi, Transport } from './transport'

export function ipcTransport(preload: PreloadApi): Transport {
  return {
    kind: 'ipc',
    call: (name, args) => preload.call(name, args) as Promise<Outcome>,
    onEvent: (listener) => preload.onEvent(listener),
  }
}
