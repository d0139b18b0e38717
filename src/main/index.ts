import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, Menu, session, shell } from 'electron'
import { IPC_EVENT_CHANNEL } from '../shared/bridge-protocol'
import type { EventMap, EventName, MenuCommand } from '../shared/events'
import { createApiContext, disposeApiContext } from './api/create-context'
import { bindDialogs } from './dialogs'
import { bindIpc } from './ipc'
import { buildMenu } from './menu'
import { ElectronSecretStore } from './secret-store-electron'

const here = fileURLToPath(new URL('.', import.meta.url))
// Lets core find the Electron build of better-sqlite3 in native/electron.
process.env.SONOGRAPH_APP_ROOT ??= join(here, '..', '..')

let mainWindow: BrowserWindow | null = null
const contents = (): Electron.WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null)

const ctx = createApiContext({
  transport: 'ipc',
  dataDir: app.getPath('userData'),
  secrets: new ElectronSecretStore(),
  emit<E extends EventName>(event: E, payload: EventMap[E]) {
    contents()?.send(IPC_EVENT_CHANNEL, event, payload)
  },
})

function dispatch(command: MenuCommand, arg?: string): void {
  ctx.emit('menu.command', arg === undefined ? { command } : { command, arg })
}

function refreshMenu(): void {
  Menu.setApplicationMenu(buildMenu(dispatch, ctx.recent.list()))
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Sonograph',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  mainWindow.on('ready-to-show', () => mainWindow?.show())
  const wc = mainWindow.webContents
  // Navigation away from the app and new windows are refused; http(s) links open in the system browser.
  wc.on('will-navigate', (e, url) => {
    if (url !== wc.getURL()) e.preventDefault()
  })
  wc.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (process.env.ELECTRON_RENDERER_URL) void mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void mainWindow.loadFile(join(here, '../renderer/index.html'))
}

app.on('web-contents-created', (_e, wc) => {
  wc.on('will-attach-webview', (e) => e.preventDefault())
})

void app.whenReady().then(() => {
  // The CSP is also in index.html; the header covers anything loaded without it.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ],
      },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  bindIpc(ctx, contents)
  bindDialogs(() => mainWindow)
  refreshMenu()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

// The recent list changes when files open; keep Open Recent current.
setInterval(refreshMenu, 5000).unref()

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', (e) => {
  e.preventDefault()
  void disposeApiContext(ctx).finally(() => app.exit(0))
})
