import type { ReactNode } from 'react'
import { api } from '../../api/client'
import { pickFile } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { FIELD_IDS, type FieldName, type FormState } from './connection-form'

export interface FieldError {
  field: FieldName
  error: Error
}

interface Props {
  form: FormState
  onChange: (patch: Partial<FormState>) => void
  fieldError: FieldError | null
  /** A hint above the password, e.g. when a saved connection has none stored. */
  passwordHint?: string | null
  disabled: boolean
}

const PEM_FILTERS = [
  { name: 'PEM files', extensions: ['pem', 'crt', 'cer', 'key'] },
  { name: 'All files', extensions: ['*'] },
]

function errorId(field: FieldName): string {
  return `${FIELD_IDS[field]}-error`
}

/** The error of one field, shown right under its input. */
function FieldMessage({ field, fieldError }: { field: FieldName; fieldError: FieldError | null }): ReactNode {
  if (fieldError?.field !== field) return null
  return (
    <div id={errorId(field)} className="conn-field-error">
      <ErrorBanner error={fieldError.error} />
    </div>
  )
}

/** Attributes that tie an input to its error for screen readers. */
function invalid(field: FieldName, fieldError: FieldError | null): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return fieldError?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {}
}

function TextField(props: {
  field: FieldName
  label: string
  value: string
  onChange: (v: string) => void
  fieldError: FieldError | null
  disabled: boolean
  type?: 'text' | 'password' | 'number'
  placeholder?: string
  hint?: string | null
  inputMode?: 'numeric' | 'decimal'
  /** A "Choose…" button beside the input that fills it with a picked file's path. */
  browse?: boolean
}): ReactNode {
  const id = FIELD_IDS[props.field]
  const input = (
    <input
      id={id}
      type={props.type ?? 'text'}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      placeholder={props.placeholder}
      spellCheck={false}
      autoComplete="off"
      disabled={props.disabled}
      {...(props.inputMode ? { inputMode: props.inputMode } : {})}
      {...invalid(props.field, props.fieldError)}
    />
  )
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <div className="conn-input">
        {props.hint ? <p className="conn-hint small">{props.hint}</p> : null}
        {props.browse ? (
          <div className="conn-browse">
            {input}
            <button
              type="button"
              disabled={props.disabled}
              aria-label={`Choose ${props.label} file`}
              onClick={() => void pickFile(props.label, PEM_FILTERS).then((f) => f && props.onChange(f.path))}
            >
              Choose…
            </button>
          </div>
        ) : (
          input
        )}
        <FieldMessage field={props.field} fieldError={props.fieldError} />
      </div>
    </>
  )
}

/** Host, port, user, password, database, SSL and timeout, each labelled, each with room for its own error. */
export function ConnectionForm({ form, onChange, fieldError, passwordHint, disabled }: Props): ReactNode {
  const common = { fieldError, disabled }
  // Only the desktop app offers a native file dialog with a lasting path; in a browser the path on the bridge's machine is typed.
  const desktop = api.transport === 'ipc'
  const pemHint = desktop ? 'Path of a PEM file (optional)' : 'PEM file path on the machine running Sonograph (optional)'
  return (
    <div className="conn-grid">
      <TextField field="name" label="Name" value={form.name} onChange={(name) => onChange({ name })} placeholder="Shown in the saved list" {...common} />
      <TextField field="host" label="Host" value={form.host} onChange={(host) => onChange({ host })} placeholder="127.0.0.1" {...common} />
      <TextField field="port" label="Port" value={form.port} onChange={(port) => onChange({ port })} inputMode="numeric" placeholder="3306" {...common} />
      <TextField field="user" label="User" value={form.user} onChange={(user) => onChange({ user })} {...common} />
      <TextField
        field="password"
        label="Password"
        type="password"
        value={form.password}
        onChange={(password) => onChange({ password })}
        hint={passwordHint ?? null}
        {...common}
      />
      <TextField field="database" label="Database" value={form.database} onChange={(database) => onChange({ database })} {...common} />
      <TextField
        field="connectTimeoutMs"
        label="Connect timeout (s)"
        value={form.timeoutSeconds}
        onChange={(timeoutSeconds) => onChange({ timeoutSeconds })}
        inputMode="decimal"
        {...common}
      />
      <span className="conn-label">SSL</span>
      <div className="conn-input">
        <label className="check">
          <input
            id={FIELD_IDS.ssl}
            type="checkbox"
            checked={form.useSsl}
            onChange={(e) => onChange({ useSsl: e.target.checked })}
            disabled={disabled}
            {...invalid('ssl', fieldError)}
          />
          Use SSL/TLS
        </label>
        <FieldMessage field="ssl" fieldError={fieldError} />
      </div>
      {form.useSsl ? (
        <>
          <TextField field="ssl.ca" browse={desktop} label="CA certificate" value={form.sslCa} onChange={(sslCa) => onChange({ sslCa })} placeholder={pemHint} {...common} />
          <TextField
            field="ssl.cert" browse={desktop}
            label="Client certificate"
            value={form.sslCert}
            onChange={(sslCert) => onChange({ sslCert })}
            placeholder={pemHint}
            {...common}
          />
          <TextField field="ssl.key" browse={desktop} label="Client key" value={form.sslKey} onChange={(sslKey) => onChange({ sslKey })} placeholder={pemHint} {...common} />
          <span className="conn-label" />
          <div className="conn-input">
            <label className="check">
              <input type="checkbox" checked={form.sslVerify} onChange={(e) => onChange({ sslVerify: e.target.checked })} disabled={disabled} />
              Verify the server’s certificate
            </label>
            {!form.sslVerify ? <p className="muted small">Without verification the traffic is encrypted but the server is not proven to be who it claims.</p> : null}
          </div>
        </>
      ) : null}
    </div>
  )
}
