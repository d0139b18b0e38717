import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { MenuCommand } from '../../shared/events'
import { api } from './api/client'
import { droppedFilePath, registerPathPrompt } from './api/platform'
import { ErrorBanner } from './components/ErrorBanner'
import { JobProgressBar } from './features/jobs/JobProgressBar'
import { JobsProvider, useJobs } from './features/jobs/jobs-store'
import { OpenDatabaseDialog } from './features/sources/OpenDatabaseDialog'
import { Sidebar } from './features/sources/Sidebar'
import { SourcesProvider, useSources } from './features/sources/sources-store'
import { CsvExportProvider } from './features/export/csv-export-store'
import { ExportDialog } from './features/shell/ExportDialog'
import { ExportRegistryProvider } from './features/shell/export-registry'
import { AboutDialog, PathPromptDialog, ShortcutsDialog } from './features/shell/HelpDialogs'
import { MenuBar } from './features/shell/MenuBar'
import { dialogs, tabViews } from './features/shell/registry'
import { applyTheme, applyZoom, loadTheme, loadZoom } from './features/shell/theme'
import { useWorkspace, WorkspaceProvider } from './features/shell/workspace-store'

/** Which feature dialog each menu command opens, when that feature is present. */
const commandDialogs: Partial<Record<MenuCommand, string>> = {
  'open-dump': 'import-dump',
  'connect-mysql': 'connect-mysql',
  'new-lab': 'new-lab',
}

const shortcutCommands: [(e: KeyboardEvent) => boolean, MenuCommand][] = [
  [(e) => e.key.toLowerCase() === 'o' && !e.shiftKey, 'open-dump'],
  [(e) => e.key.toLowerCase() === 'o' && e.shiftKey, 'open-database'],
  [(e) => e.key.toLowerCase() === 'm' && e.shiftKey, 'connect-mysql'],
  [(e) => e.key.toLowerCase() === 'e' && !e.shiftKey, 'export'],
  [(e) => e.key.toLowerCase() === 'w' && !e.shiftKey, 'close-source'],
  [(e) => e.key.toLowerCase() === 't' && !e.shiftKey, 'new-console'],
  [(e) => e.key === '=' || e.key === '+', 'zoom-in'],
  [(e) => e.key === '-', 'zoom-out'],
  [(e) => e.key === '0', 'zoom-reset'],
  [(e) => e.key === '/', 'show-shortcuts'],
]

function Shell(): ReactNode {
  const sources = useSources()
  const ws = useWorkspace()
  const jobs = useJobs()
  const [dialog, setDialog] = useState<{ name: string; arg?: string } | null>(null)
  const [prompt, setPrompt] = useState<{ title: string; initial: string; resolve: (v: string | null) => void } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const zoom = useRef(loadZoom())

  useEffect(() => {
    registerPathPrompt((title, initial) => new Promise((resolve) => setPrompt({ title, initial, resolve })))
  }, [])

  const run = useCallback(
    (command: MenuCommand, arg?: string) => {
      const activeSource = sources.activeSourceId
      switch (command) {
        case 'open-database':
          return setDialog({ name: 'open-database' })
        case 'open-recent':
          if (arg) void sources.openSqlite(arg).catch((err: Error) => setError(err))
          return
        case 'close-source':
          if (activeSource) {
            ws.closeForSource(activeSource)
            void sources.close(activeSource)
          }
          return
        case 'theme-light':
        case 'theme-dark':
        case 'theme-system':
          return applyTheme(command.slice(6) as 'light' | 'dark' | 'system')
        case 'zoom-in':
          zoom.current = applyZoom(zoom.current + 0.1)
          return
        case 'zoom-out':
          zoom.current = applyZoom(zoom.current - 0.1)
          return
        case 'zoom-reset':
          zoom.current = applyZoom(1)
          return
        case 'export':
          return setDialog({ name: 'export' })
        case 'show-about':
          return setDialog({ name: 'about' })
        case 'show-shortcuts':
          return setDialog({ name: 'shortcuts' })
        case 'new-console':
          if (!activeSource) return setError(new Error('Open a database first, then a console for it.'))
          if (!tabViews.console) return setError(new Error('The SQL console is not available in this build.'))
          ws.open({ kind: 'console', title: `Console · ${sources.sources.find((s) => s.summary.sourceId === activeSource)?.summary.name ?? ''}`, sourceId: activeSource, params: {} })
          return
        default: {
          const name = commandDialogs[command]
          if (name && dialogs[name]) return setDialog(arg === undefined ? { name } : { name, arg })
          setError(new Error(`${command} is not available in this build.`))
        }
      }
    },
    [sources, ws],
  )

  useEffect(() => api.on('menu.command', ({ command, arg }) => run(command, arg)), [run])

  // In a browser there is no native menu: the same accelerators work inside the window.
  useEffect(() => {
    if (api.transport !== 'bridge') return
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const hit = shortcutCommands.find(([test]) => test(e))
      if (hit) {
        e.preventDefault()
        run(hit[1])
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [run])

  // Dropping a file on the window: a dump opens the import dialog, a database opens directly.
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!e.dataTransfer?.types.includes('Files')) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent): void => {
      const file = e.dataTransfer?.files[0]
      setDragging(false)
      if (!file) return
      e.preventDefault()
      void droppedFilePath(file)
        .then((picked) => {
          if (/\.(sqlite3?|db3?|s3db)$/i.test(picked.name)) return sources.openSqlite(picked.path).then(() => undefined)
          setDialog({ name: 'import-dump', arg: picked.path })
        })
        .catch((err: Error) => setError(err))
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [sources])

  const active = ws.tabs.find((t) => t.id === ws.activeTabId)
  const ActiveView = active ? tabViews[active.kind] : undefined
  const FeatureDialog = dialog ? dialogs[dialog.name] : undefined
  const otherJobs = jobs.running.filter((j) => j.kind !== 'rowCount')

  return (
    <div className="app">
      <header className="titlebar">
        <span className="brand">Sonograph</span>
        <MenuBar run={run} />
      </header>
      <div className="main">
        <Sidebar onOpenDatabase={() => run('open-database')} />
        <main className="workspace">
          {ws.tabs.length ? (
            <div className="tabs" role="tablist" aria-label="Open views">
              {ws.tabs.map((t) => (
                <div key={t.id} className={`tab ${t.id === ws.activeTabId ? 'active' : ''}`}>
                  <button type="button" role="tab" aria-selected={t.id === ws.activeTabId} onClick={() => ws.activate(t.id)}>
                    {t.title}
                  </button>
                  <button type="button" className="link" aria-label={`Close tab ${t.title}`} onClick={() => ws.close(t.id)}>
                    ×
                  </button>
                </div>
              ))}
            </div>
          ) : null}
          {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
          <section className="view" role="tabpanel">
            {active && ActiveView ? (
              <ActiveView key={active.id} tab={active} />
            ) : (
              <div className="welcome">
                <h1>Sonograph</h1>
                <p>Open a SQL dump or a SQLite database to explore it, flatten it into one table, chart it and export it.</p>
                <div className="row">
                  <button type="button" className="primary" onClick={() => run('open-dump')}>
                    Open SQL Dump…
                  </button>
                  <button type="button" onClick={() => run('open-database')}>
                    Open Database…
                  </button>
                  <button type="button" onClick={() => run('connect-mysql')}>
                    Connect to MySQL/MariaDB…
                  </button>
                  <button type="button" onClick={() => run('new-lab')}>
                    New Healthcare Lab…
                  </button>
                </div>
              </div>
            )}
          </section>
        </main>
      </div>
      <footer className="statusbar" aria-label="Status">
        {otherJobs.length === 0 ? <span className="muted">Ready</span> : null}
        {otherJobs.map((j) => (
          <JobProgressBar key={j.jobId} job={j} label={jobs.labels[j.jobId] ?? j.kind} onCancel={() => void jobs.cancel(j.jobId)} />
        ))}
      </footer>
      {dialog?.name === 'open-database' ? <OpenDatabaseDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'export' ? <ExportDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'about' ? <AboutDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      {FeatureDialog ? <FeatureDialog onClose={() => setDialog(null)} {...(dialog?.arg !== undefined ? { arg: dialog.arg } : {})} /> : null}
      {dragging ? <div className="drop-overlay">Drop a SQL dump or a SQLite database to open it</div> : null}
      {prompt ? (
        <PathPromptDialog
          title={prompt.title}
          initial={prompt.initial}
          onDone={(v) => {
            prompt.resolve(v)
            setPrompt(null)
          }}
        />
      ) : null}
    </div>
  )
}

export function App(): ReactNode {
  useEffect(() => {
    applyTheme(loadTheme())
    applyZoom(loadZoom())
    const mq = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = (): void => {
      if (loadTheme() === 'system') applyTheme('system')
    }
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [])
  return (
    <JobsProvider>
      <SourcesProvider>
        <WorkspaceProvider>
          <ExportRegistryProvider>
            <CsvExportProvider>
              <Shell />
            </CsvExportProvider>
          </ExportRegistryProvider>
        </WorkspaceProvider>
      </SourcesProvider>
    </JobsProvider>
  )
}
