import type { ReactNode } from 'react'
import { AppError } from '../../../shared/errors'

/** Shows an error with where it happened (file, line, field), so the user can act on it. */
export function ErrorBanner({ error, onDismiss }: { error: Error; onDismiss?: () => void }): ReactNode {
  const details = error instanceof AppError && error.details ? Object.entries(error.details).filter(([k, v]) => k !== 'sql' && v !== undefined) : []
  return (
    <div className="error-banner" role="alert">
      <strong>{error instanceof AppError ? error.code.replace(/_/g, ' ').toLowerCase() : 'error'}:</strong> {error.message}
      {details.length ? <span className="muted"> ({details.map(([k, v]) => `${k} ${String(v)}`).join(', ')})</span> : null}
      {onDismiss ? (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      ) : null}
    </div>
  )
}
