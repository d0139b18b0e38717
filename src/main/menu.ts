import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/events'
import type { RecentEntry } from '../shared/calls/sources'

/**
 * The native menu. Every item that does app work only dispatches a renderer
 * command, so the same action is reachable (and tested) inside the window.
 */
export function buildMenu(dispatch: (command: MenuCommand, arg?: string) => void, recent: RecentEntry[]): Menu {
  const isMac = process.platform === 'darwin'
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => dispatch(command),
  })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('Open SQL Dump…', 'open-dump', 'CmdOrCtrl+O'),
        item('Open Database…', 'open-database', 'CmdOrCtrl+Shift+O'),
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((r) => ({ label: r.path, click: () => dispatch('open-recent', r.path) }))
            : [{ label: 'No recent files', enabled: false }],
        },
        item('Connect to MySQL/MariaDB…', 'connect-mysql', 'CmdOrCtrl+Shift+M'),
        item('New Healthcare Lab Database…', 'new-lab'),
        { type: 'separator' },
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Close', 'close-source', 'CmdOrCtrl+W'),
        isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('New SQL Console', 'new-console', 'CmdOrCtrl+T'),
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [item('Light', 'theme-light'), item('Dark', 'theme-dark'), item('System', 'theme-system')],
        },
        { type: 'separator' },
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    {
      label: '&Help',
      submenu: [item('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'), item('About Sonograph', 'show-about')],
    },
  ]
  return Menu.buildFromTemplate(template)
}
