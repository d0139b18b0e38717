import { useState, type FormEvent, type ReactNode } from 'react'
import { api } from '../../api/client'
import { pickFile } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { useSources } from './sources-store'

const SQLITE_FILTERS = [
  { name: 'SQLite databases', extensions: ['sqlite', 'sqlite3', 'db', 'db3', 's3db'] },
  { name: 'All files', extensions: ['*'] },
]

/**
 * Open an existing SQLite file, read-only unless asked. In Electron the native
 * dialog picks it; in a browser the file is uploaded (streamed) to the bridge,
 * or a path on the bridge's machine is typed.
 */
export function OpenDatabaseDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { openSqlite } = useSources()
  const [writable, setWritable] = useState(false)
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)

  async function open(p: string): Promise<void> {
    setBusy(`Opening ${p}…`)
    setError(null)
    try {
      await openSqlite(p, writable)
      onClose()
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(null)
    }
  }

  async function choose(): Promise<void> {
    setError(null)
    try {
      setBusy(api.transport === 'bridge' ? 'Uploading…' : null)
      const picked = await pickFile('Open Database', SQLITE_FILTERS)
      setBusy(null)
      if (picked) await open(picked.path)
    } catch (err) {
      setBusy(null)
      setError(err as Error)
    }
  }

  function submit(e: FormEvent): void {
    e.preventDefault()
    if (path.trim()) void open(path.trim())
  }

  return (
    <Modal title="Open Database" onClose={onClose}>
      <p>Open an existing SQLite database file. It opens read-only unless you allow changes.</p>
      <label className="check">
        <input type="checkbox" checked={writable} onChange={(e) => setWritable(e.target.checked)} /> Allow changes (open for writing)
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void choose()} disabled={busy !== null}>
          Choose File…
        </button>
      </div>
      <form onSubmit={submit} className="row">
        <label htmlFor="open-path">{api.transport === 'bridge' ? 'Or a path on the machine running Sonograph:' : 'Or a path:'}</label>
        <input id="open-path" type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/database.sqlite" spellCheck={false} />
        <button type="submit" disabled={!path.trim() || busy !== null}>
          Open
        </button>
      </form>
      {busy ? <p role="status">{busy}</p> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </Modal>
  )
}
