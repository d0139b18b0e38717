import { ipcMain, type WebContents } from 'electron'
import { IPC_CALL_CHANNEL } from '../shared/bridge-protocol'
import type { ApiContext } from './api/api-context'
import { route, type RouteOutcome } from './api/router'
import { handleIpcCall } from './ipc-guard'

export function bindIpc(ctx: ApiContext, getContents: () => WebContents | null): void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, args: unknown): Promise<RouteOutcome> =>
    // The sender frame is checked, then route() validates the arguments before any handler runs.
    handleIpcCall(event, getContents(), name, args, (n, a) => route(n, a, ctx)),
  )
}
