import type { RouteOutcome } from './api/router'

/**
 * Who may call over IPC: only the app's own top frame, loaded from the bundle
 * (file://) or, in development, from electron-vite's dev server. Kept free of
 * the electron import so it is unit-tested without Electron.
 */
export interface SenderLike {
  sender: unknown
  senderFrame: { url: string } | null
}

export function senderAllowed(event: SenderLike, main: { mainFrame: unknown } | null, devUrl = process.env.ELECTRON_RENDERER_URL): boolean {
  const frame = event.senderFrame
  if (!frame || !main || event.sender !== main) return false
  if (frame !== main.mainFrame) return false
  if (frame.url.startsWith('file://')) return true
  return devUrl !== undefined && devUrl !== '' && frame.url.startsWith(devUrl)
}

/** The IPC call handler minus the Electron binding: sender first, then the router's validation. */
export async function handleIpcCall(
  event: SenderLike,
  main: { mainFrame: unknown } | null,
  name: unknown,
  args: unknown,
  routeCall: (name: string, args: unknown) => Promise<RouteOutcome>,
): Promise<RouteOutcome> {
  if (!senderAllowed(event, main)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Call refused: unknown sender frame' } }
  }
  if (typeof name !== 'string') return { ok: false, error: { code: 'BAD_ARGUMENT', message: 'Call name must be a string', details: { field: 'call' } } }
  return routeCall(name, args)
}
