import { BRIDGE_WS_PATH, type BridgeEvent, type BridgeRequest, type BridgeResponse } from '../../../shared/bridge-protocol'
import type { Outcome, Transport } from './transport'

/**
 * Calls over the bridge's WebSocket. The token travels in the HttpOnly cookie
 * set when the page was opened with `?token=`; requests queue until the socket
 * is open and fail clearly if it closes.
 */
export function bridgeTransport(): Transport {
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const pending = new Map<number, (o: Outcome) => void>()
  let nextId = 1
  let socket: WebSocket | null = null
  let opened: Promise<WebSocket> | null = null

  function connect(): Promise<WebSocket> {
    if (opened) return opened
    opened = new Promise((resolve, reject) => {
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
      const ws = new WebSocket(`${proto}//${location.host}${BRIDGE_WS_PATH}`)
      ws.onopen = () => {
        socket = ws
        resolve(ws)
      }
      ws.onerror = () => reject(new Error('Cannot reach the Sonograph bridge'))
      ws.onclose = () => {
        socket = null
        opened = null
        for (const [, done] of pending) done({ ok: false, error: { code: 'CONNECTION_FAILED', message: 'The connection to the Sonograph bridge closed' } })
        pending.clear()
      }
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as BridgeResponse | BridgeEvent
        if ('event' in msg) {
          for (const l of listeners) l(msg.event, msg.payload)
          return
        }
        const done = pending.get(msg.id)
        if (!done) return
        pending.delete(msg.id)
        done(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error })
      }
    })
    return opened
  }

  return {
    kind: 'bridge',
    async call(name, args) {
      let ws: WebSocket
      try {
        ws = socket ?? (await connect())
      } catch (err) {
        return { ok: false, error: { code: 'CONNECTION_FAILED', message: (err as Error).message } }
      }
      const id = nextId++
      const req: BridgeRequest = { id, call: name, args }
      return new Promise<Outcome>((resolve) => {
        pending.set(id, resolve)
        ws.send(JSON.stringify(req))
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      void connect().catch(() => undefined)
      return () => listeners.delete(listener)
    },
  }
}
