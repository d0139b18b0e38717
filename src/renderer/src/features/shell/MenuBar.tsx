import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { MenuCommand } from '../../../../shared/events'
import type { RecentEntry } from '../../../../shared/calls/sources'
import { api } from '../../api/client'

interface Item {
  label: string
  command: MenuCommand
  arg?: string
  shortcut?: string
}
type Entry = Item | 'separator' | { submenu: string; items: Item[] }

/**
 * The in-window menu bar, mirroring the native menu: in a browser it is the
 * menu; in Electron it gives the same commands to keyboard and tests.
 */
export function MenuBar({ run }: { run: (command: MenuCommand, arg?: string) => void }): ReactNode {
  const [open, setOpen] = useState<string | null>(null)
  const [recent, setRecent] = useState<RecentEntry[]>([])
  const bar = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (open === 'File') void api.call('recent.list', {}).then(setRecent).catch(() => setRecent([]))
  }, [open])

  useEffect(() => {
    const onDoc = (e: MouseEvent): void => {
      if (bar.current && !bar.current.contains(e.target as Node)) setOpen(null)
    }
    document.addEventListener('mousedown', onDoc)
    return () => document.removeEventListener('mousedown', onDoc)
  }, [])

  const menus: Record<string, Entry[]> = {
    File: [
      { label: 'Open SQL Dump…', command: 'open-dump', shortcut: 'Ctrl+O' },
      { label: 'Open Database…', command: 'open-database', shortcut: 'Ctrl+Shift+O' },
      { submenu: 'Open Recent', items: recent.map((r) => ({ label: r.path, command: 'open-recent' as const, arg: r.path })) },
      { label: 'Connect to MySQL/MariaDB…', command: 'connect-mysql', shortcut: 'Ctrl+Shift+M' },
      { label: 'New Healthcare Lab Database…', command: 'new-lab' },
      'separator',
      { label: 'Export…', command: 'export', shortcut: 'Ctrl+E' },
      'separator',
      { label: 'Close', command: 'close-source', shortcut: 'Ctrl+W' },
    ],
    View: [
      { label: 'New SQL Console', command: 'new-console', shortcut: 'Ctrl+T' },
      'separator',
      { label: 'Light Theme', command: 'theme-light' },
      { label: 'Dark Theme', command: 'theme-dark' },
      { label: 'System Theme', command: 'theme-system' },
      'separator',
      { label: 'Zoom In', command: 'zoom-in', shortcut: 'Ctrl+=' },
      { label: 'Zoom Out', command: 'zoom-out', shortcut: 'Ctrl+-' },
      { label: 'Actual Size', command: 'zoom-reset', shortcut: 'Ctrl+0' },
    ],
    Help: [
      { label: 'Keyboard Shortcuts', command: 'show-shortcuts', shortcut: 'Ctrl+/' },
      { label: 'About Sonograph', command: 'show-about' },
    ],
  }

  const choose = (item: Item): void => {
    setOpen(null)
    run(item.command, item.arg)
  }

  return (
    <div className="menubar" role="menubar" aria-label="Main menu" ref={bar}>
      {Object.entries(menus).map(([name, entries]) => (
        <div key={name} className="menu">
          <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={open === name} onClick={() => setOpen(open === name ? null : name)}>
            {name}
          </button>
          {open === name ? (
            <div className="menu-popup" role="menu" aria-label={name}>
              {entries.map((e, i) =>
                e === 'separator' ? (
                  <hr key={i} />
                ) : 'submenu' in e ? (
                  <div key={i} className="submenu" role="group" aria-label={e.submenu}>
                    <div className="submenu-title muted">{e.submenu}</div>
                    {e.items.length === 0 ? <div className="muted menu-empty">No recent files</div> : null}
                    {e.items.map((it) => (
                      <button key={it.arg} type="button" role="menuitem" onClick={() => choose(it)} title={it.arg}>
                        {it.label}
                      </button>
                    ))}
                  </div>
                ) : (
                  <button key={i} type="button" role="menuitem" onClick={() => choose(e)}>
                    <span>{e.label}</span>
                    {e.shortcut ? <kbd>{e.shortcut}</kbd> : null}
                  </button>
                ),
              )}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  )
}
