import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_CALL_CHANNEL } from '../shared/bridge-protocol'
import type { ApiContext } from './api/api-context'
import { route, type RouteOutcome } from './api/router'

/**
 * Only the app's own top frame may call. The renderer is loaded from the
 * bundle (file://) or, in development, from electron-vite's dev server.
 */
export function senderAllowed(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, mainContents: WebContents | null): boolean {
  const frame = event.senderFrame
  if (!frame || !mainContents || event.sender !== mainContents) return false
  if (frame !== mainContents.mainFrame) return false
  const url = frame.url
  const dev = process.env.ELECTRON_RENDERER_URL
  return url.startsWith('file://') || (dev !== undefined && url.startsWith(dev))
}

export function bindIpc(ctx: ApiContext, getContents: () => WebContents | null): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, name: unknown, args: unknown): Promise<RouteOutcome> => {
    if (!senderAllowed(event, getContents())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Call refused: unknown sender frame' } }
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'BAD_ARGUMENT', message: 'Call name must be a string', details: { field: 'call' } } }
    // route() validates the arguments against the contract before any handler runs.
    return route(name, args, ctx)
  })
}
