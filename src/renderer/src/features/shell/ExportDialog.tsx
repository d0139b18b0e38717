import { useState, type ReactNode } from 'react'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import { useExportRegistry } from './export-registry'
import { useWorkspace } from './workspace-store'

/** File > Export…: the export options of the active view. */
export function ExportDialog({ onClose }: { onClose: () => void }): ReactNode {
  const ws = useWorkspace()
  const { options } = useExportRegistry()
  const active = ws.tabs.find((t) => t.id === ws.activeTabId)
  const list = active ? (options[active.id] ?? []) : []
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)

  async function run(id: string): Promise<void> {
    const opt = list.find((o) => o.id === id)
    if (!opt) return
    setBusy(opt.label)
    setError(null)
    try {
      await opt.run()
      onClose()
    } catch (err) {
      setError(err as Error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Modal title="Export" onClose={onClose}>
      {!active ? <p>Open a table, a query result, a chart or the ER graph first; File &gt; Export offers what that view can export.</p> : null}
      {active && list.length === 0 ? <p>Nothing to export in “{active.title}”.</p> : null}
      {list.length ? (
        <>
          <p className="muted">From “{active?.title}”:</p>
          <ul className="export-options">
            {list.map((o) => (
              <li key={o.id}>
                <button type="button" onClick={() => void run(o.id)} disabled={busy !== null}>
                  {o.label}
                </button>
                {o.description ? <span className="muted small"> {o.description}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {busy ? <p role="status">Exporting {busy}…</p> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </Modal>
  )
}
