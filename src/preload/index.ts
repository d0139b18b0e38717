import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { IPC_CALL_CHANNEL, IPC_DIALOG_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/bridge-protocol'

/**
 * The whole surface the window gets: one method per purpose, no raw ipcRenderer.
 * Arguments are validated again in main against the contract.
 */
const api = {
  call: (name: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, args),
  onEvent: (listener: (event: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: string, payload: unknown): void => listener(event, payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
  },
  dialog: (args: unknown): Promise<string | null> => ipcRenderer.invoke(IPC_DIALOG_CHANNEL, args) as Promise<string | null>,
  /** The path of a file dropped on the window (File objects carry no path under context isolation). */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld('sonograph', api)
