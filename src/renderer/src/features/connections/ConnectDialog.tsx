import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react'
import type { ConnectionTestResult, SavedConnection } from '../../../../shared/calls/connections'
import type { SourceSummary } from '../../../../shared/calls/sources'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Modal } from '../../components/Modal'
import type { DialogProps } from '../shell/registry'
import { useSources } from '../sources/sources-store'
import { EMPTY_FORM, FIELD_IDS, FORM_KEY_FIELD, describe, fieldOfError, fieldsFromForm, formFromSaved, sameAsSaved, specFromForm, type FormState } from './connection-form'
import { ConnectionForm, type FieldError } from './ConnectionForm'
import { SavedConnectionList } from './SavedConnectionList'
import './connections.css'

type Storage = { passwordStorage: 'keychain' | 'memory'; persistent: boolean }
type Busy = 'test' | 'save' | 'connect' | null

function storageText(s: Storage | null): ReactNode {
  if (!s) return null
  if (s.passwordStorage === 'keychain') return 'Kept encrypted by the operating system’s keychain (Electron safeStorage), never in plain text; it is there after a restart.'
  // Electron on Linux without a keyring would encrypt with a fixed key, so the core keeps it in memory instead.
  if (api.transport === 'ipc') return 'No OS keychain is available, so it is kept in memory only until Sonograph quits; after that Sonograph asks for it again. It is never written to disk.'
  return (
    <>
      This browser bridge keeps it in memory only, until <code>sonograph serve</code> stops; after that Sonograph asks for it again. It is never written to disk.
    </>
  )
}

function testText(r: ConnectionTestResult): string {
  return `Connected: ${r.server === 'mariadb' ? 'MariaDB' : 'MySQL'} ${r.serverVersion} · ${Math.round(r.latencyMs)} ms`
}

/**
 * File > Connect to MySQL/MariaDB…: a form for a connection, saved connections
 * beside it, Test / Save / Connect. Errors land next to the field the server
 * blamed, which gets the focus; the dialog stays usable after any failure.
 */
export function ConnectDialog({ onClose }: DialogProps): ReactNode {
  const { adopt } = useSources()
  const [storage, setStorage] = useState<Storage | null>(null)
  const [saved, setSaved] = useState<SavedConnection[]>([])
  const [editing, setEditing] = useState<SavedConnection | null>(null)
  const [form, setForm] = useState<FormState>(EMPTY_FORM)
  const [remember, setRemember] = useState(true)
  const [busy, setBusy] = useState<Busy>(null)
  const [fieldError, setFieldError] = useState<FieldError | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [passwordHint, setPasswordHint] = useState<string | null>(null)
  // The input to focus once the form is enabled again; a new object each request so the effect runs.
  const [focusReq, setFocusReq] = useState<{ id: string } | null>(null)

  const reload = useCallback(async () => {
    try {
      setSaved(await api.call('connections.list', {}))
    } catch (err) {
      setError(err as Error)
    }
  }, [])

  useEffect(() => {
    void api.call('connections.storage', {}).then(setStorage, (err: Error) => setError(err))
    void reload()
    // After <Modal> has called showModal (parent effects run after this child's), put the caret in Host.
    document.getElementById(FIELD_IDS.host)?.focus()
  }, [reload])

  // Focus moves once the inputs are enabled again after a call.
  useEffect(() => {
    if (busy || !focusReq) return
    const el = document.getElementById(focusReq.id)
    setFocusReq(null)
    if (el instanceof HTMLInputElement) {
      el.focus()
      if (el.type !== 'checkbox') el.select()
    }
  }, [busy, focusReq])

  function clearMessages(): void {
    setFieldError(null)
    setError(null)
    setStatus(null)
  }

  function showError(err: unknown): void {
    const e = err instanceof Error ? err : new Error(String(err))
    const field = fieldOfError(e)
    if (field) {
      setFieldError({ field, error: e })
      setFocusReq({ id: FIELD_IDS[field] })
    } else {
      setError(e)
    }
  }

  function change(patch: Partial<FormState>): void {
    setForm((f) => ({ ...f, ...patch }))
    // An error about a field goes once that field is edited.
    const touched = (Object.keys(patch) as (keyof FormState)[]).map((k) => FORM_KEY_FIELD[k])
    if (fieldError && touched.some((f) => f === fieldError.field || (fieldError.field === 'ssl' && f.startsWith('ssl')))) setFieldError(null)
  }

  function edit(c: SavedConnection | null, hint: string | null = null): void {
    clearMessages()
    setEditing(c)
    setForm(c ? formFromSaved(c) : EMPTY_FORM)
    setRemember(c ? c.hasPassword : true)
    setPasswordHint(hint)
    setFocusReq({ id: hint ? FIELD_IDS.password : FIELD_IDS.host })
  }

  async function run<T>(kind: Exclude<Busy, null>, label: string, fn: () => Promise<T>): Promise<T | undefined> {
    clearMessages()
    setBusy(kind)
    setStatus(label)
    try {
      const out = await fn()
      setStatus(null)
      return out
    } catch (err) {
      setStatus(null)
      showError(err)
      return undefined
    } finally {
      setBusy(null)
    }
  }

  function waitText(): string {
    return `${form.host.trim()}:${form.port.trim()}, giving up after ${form.timeoutSeconds.trim()} s`
  }

  async function test(): Promise<void> {
    const result = await run('test', `Testing ${waitText()}…`, async () => {
      if (editing && sameAsSaved(form, editing) && form.password === '' && editing.hasPassword) return api.call('connections.test', { id: editing.id })
      const { name: _name, ...fields } = fieldsFromForm(form, false)
      return api.call('connections.test', { fields, password: form.password })
    })
    if (result) setStatus(testText(result))
  }

  async function save(): Promise<void> {
    const result = await run('save', `Testing ${waitText()} before saving…`, async () => {
      const fields = fieldsFromForm(form, true)
      // On update an empty password keeps the stored one; a new connection saves what is typed (possibly none).
      const keepStored = editing !== null && form.password === '' && editing.hasPassword
      return api.call('connections.save', {
        ...(editing ? { id: editing.id } : {}),
        fields,
        ...(keepStored ? {} : { password: form.password }),
        savePassword: remember,
        test: true,
      })
    })
    if (!result) return
    await reload()
    setEditing(result)
    setForm((f) => ({ ...f, name: result.name, password: '' }))
    setPasswordHint(null)
    setStatus(
      `Saved “${result.name}”. ${result.hasPassword ? (result.passwordStorage === 'keychain' ? 'Password kept in the OS keychain.' : `Password kept in memory until ${api.transport === 'ipc' ? 'Sonograph quits' : 'the bridge stops'}.`) : 'No password kept; it is asked for on connect.'}`,
    )
  }

  async function opened(summary: SourceSummary | undefined): Promise<void> {
    if (!summary) return
    onClose()
    await adopt(summary)
  }

  async function connect(): Promise<void> {
    const summary = await run('connect', `Connecting to ${waitText()}…`, async () => {
      if (editing && sameAsSaved(form, editing) && (form.password !== '' || !editing.hasPassword)) {
        return api.call('connections.open', { id: editing.id, password: form.password })
      }
      if (editing && sameAsSaved(form, editing)) return api.call('connections.open', { id: editing.id })
      return api.call('connections.open', { spec: specFromForm(form) })
    })
    await opened(summary)
  }

  async function connectSaved(c: SavedConnection): Promise<void> {
    if (!c.hasPassword) {
      edit(c, `No password is stored for ${describe(c)}. Type it and press Enter (leave it empty if the user has none).`)
      return
    }
    setEditing(c)
    setForm(formFromSaved(c))
    const summary = await run('connect', `Connecting to ${c.host}:${c.port}…`, () => api.call('connections.open', { id: c.id }))
    await opened(summary)
  }

  async function remove(c: SavedConnection): Promise<void> {
    clearMessages()
    try {
      await api.call('connections.delete', { id: c.id })
      if (editing?.id === c.id) edit(null)
      await reload()
      setStatus(`Deleted “${c.name}”.`)
    } catch (err) {
      setError(err as Error)
    }
  }

  function submit(e: FormEvent): void {
    e.preventDefault()
    if (!busy) void connect()
  }

  const disabled = busy !== null
  return (
    <Modal title="Connect to MySQL/MariaDB" onClose={onClose} wide>
      <div className="conn-layout">
        <SavedConnectionList
          connections={saved}
          selectedId={editing?.id ?? null}
          disabled={disabled}
          onNew={() => edit(null)}
          onEdit={(c) => edit(c)}
          onConnect={(c) => void connectSaved(c)}
          onDelete={(c) => void remove(c)}
        />
        <form className="conn-form" onSubmit={submit} aria-label="Connection" noValidate>
          <h3>{editing ? `Edit “${editing.name}”` : 'New connection'}</h3>
          <ConnectionForm form={form} onChange={change} fieldError={fieldError} passwordHint={passwordHint} disabled={disabled} />
          <div className="conn-remember">
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} disabled={disabled} />
              Remember password
            </label>
            <p className="muted small" data-testid="password-storage">
              {remember ? storageText(storage) : 'The password is not kept; Sonograph asks for it when you connect.'}
              {editing?.hasPassword && remember ? ' Leave the field empty to keep the stored password.' : ''}
            </p>
          </div>
          <div className="conn-buttons">
            <button type="button" onClick={() => void test()} disabled={disabled}>
              Test Connection
            </button>
            <button type="button" onClick={() => void save()} disabled={disabled}>
              Save
            </button>
            <button type="submit" className="primary" disabled={disabled}>
              Connect
            </button>
          </div>
          <div className="conn-status" aria-live="polite">
            {status ? (
              <p role="status" className={busy ? 'muted' : 'conn-ok'} data-testid="connection-status">
                {status}
              </p>
            ) : null}
            {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
          </div>
        </form>
      </div>
    </Modal>
  )
}
