import { dialog, ipcMain, type BrowserWindow } from 'electron'
import { z } from 'zod'
import { IPC_DIALOG_CHANNEL } from '../shared/bridge-protocol'
import { senderAllowed } from './ipc-guard'

const dialogArgs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), title: z.string().max(200), filters: z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).max(10) }),
  z.object({ kind: z.literal('save'), title: z.string().max(200), defaultName: z.string().max(255), filters: z.array(z.object({ name: z.string(), extensions: z.array(z.string()) })).max(10) }),
])

/** Native open/save dialogs for the renderer's `platform` layer. Returns a path or null. */
export function bindDialogs(getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_DIALOG_CHANNEL, async (event, raw: unknown): Promise<string | null> => {
    const win = getWindow()
    if (!win || !senderAllowed(event, win.webContents)) return null
    const args = dialogArgs.parse(raw)
    if (args.kind === 'open') {
      const r = await dialog.showOpenDialog(win, { title: args.title, filters: args.filters, properties: ['openFile'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    }
    const r = await dialog.showSaveDialog(win, { title: args.title, defaultPath: args.defaultName, filters: args.filters })
    return r.canceled ? null : (r.filePath ?? null)
  })
}
