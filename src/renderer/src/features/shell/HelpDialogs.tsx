import { useEffect, useState, type ReactNode } from 'react'
import type { AppInfo } from '../../../../shared/calls/app'
import { api } from '../../api/client'
import { Modal } from '../../components/Modal'

export function AboutDialog({ onClose }: { onClose: () => void }): ReactNode {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void api.call('app.info', {}).then(setInfo)
  }, [])
  return (
    <Modal title="About Sonograph" onClose={onClose}>
      <p>
        <strong>Sonograph</strong> {info?.version} — open SQL dumps, explore, consolidate, chart and benchmark databases.
      </p>
      {info ? (
        <p className="muted">
          SQLite {info.sqliteVersion} · {info.platform} · {info.transport === 'ipc' ? 'desktop app' : 'browser bridge'}
        </p>
      ) : null}
    </Modal>
  )
}

export const SHORTCUTS: [string, string][] = [
  ['Ctrl+O', 'Open SQL dump'],
  ['Ctrl+Shift+O', 'Open database'],
  ['Ctrl+Shift+M', 'Connect to MySQL/MariaDB'],
  ['Ctrl+E', 'Export'],
  ['Ctrl+W', 'Close the active source'],
  ['Ctrl+T', 'New SQL console'],
  ['Ctrl+Enter', 'Run the statement under the cursor (console)'],
  ['Ctrl+= / Ctrl+- / Ctrl+0', 'Zoom in / out / reset'],
  ['Arrows, PageUp/PageDown', 'Move in the grid'],
  ['Enter', 'Open the selected cell'],
  ['Ctrl+C', 'Copy the selected cell'],
  ['Ctrl+/', 'This list'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }): ReactNode {
  return (
    <Modal title="Keyboard Shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}

export function PathPromptDialog({ title, initial, onDone }: { title: string; initial: string; onDone: (v: string | null) => void }): ReactNode {
  const [value, setValue] = useState(initial)
  return (
    <Modal title={title} onClose={() => onDone(null)}>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          onDone(value.trim() || null)
        }}
      >
        <label htmlFor="save-path">Path on the machine running Sonograph</label>
        <input id="save-path" type="text" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} autoFocus />
        <button type="submit" className="primary">
          Save
        </button>
      </form>
    </Modal>
  )
}
