import { useEffect, useState, type ReactNode } from 'react'
import type { SchemaExportFormat } from '../../../../shared/calls/schema'
import { api } from '../../api/client'
import { downloadBlob } from '../../api/platform'
import { ErrorBanner } from '../../components/ErrorBanner'
import { copyText } from '../browse/copy-format'

export interface ExportFormat {
  format: Exclude<SchemaExportFormat, 'json'>
  label: string
  description: string
  /** File name for a database called `base`. */
  fileName(base: string): string
  mime: string
}

export const SCHEMA_FORMATS: ExportFormat[] = [
  { format: 'text', label: 'Relationship map (text)', description: 'Tables, keys and relationships as plain text', fileName: (b) => `${b}_schema_relationships.txt`, mime: 'text/plain' },
  { format: 'md', label: 'Markdown', description: 'A section per table with its columns and keys', fileName: (b) => `${b}_schema.md`, mime: 'text/markdown' },
  { format: 'mermaid', label: 'Mermaid erDiagram', description: 'Paste into Markdown that renders Mermaid', fileName: (b) => `${b}_er.mmd`, mime: 'text/plain' },
  { format: 'dbml', label: 'DBML', description: 'For dbdiagram.io and DBML tools', fileName: (b) => `${b}.dbml`, mime: 'text/plain' },
]

/** The database's name without its extension, safe as a file name. */
export function baseName(sourceName: string): string {
  return sourceName.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_') || 'schema'
}

export async function saveSchemaExport(sourceId: string, sourceName: string, f: ExportFormat): Promise<void> {
  const text = await api.call('schema.export', { sourceId, format: f.format })
  downloadBlob(new Blob([text], { type: `${f.mime};charset=utf-8` }), f.fileName(baseName(sourceName)))
}

/** The whole schema as text, Markdown, Mermaid or DBML: shown, copied or saved. */
export function SchemaExports({ sourceId, sourceName }: { sourceId: string; sourceName: string }): ReactNode {
  const [format, setFormat] = useState<ExportFormat>(SCHEMA_FORMATS[0]!)
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let live = true
    setText(null)
    setError(null)
    setCopied(false)
    api
      .call('schema.export', { sourceId, format: format.format })
      .then((t) => live && setText(t))
      .catch((err: Error) => live && setError(err))
    return () => {
      live = false
    }
  }, [sourceId, format])

  return (
    <section className="schema-exports" aria-label="Schema export">
      <h3>Export the schema</h3>
      <div className="export-formats" role="radiogroup" aria-label="Export format">
        {SCHEMA_FORMATS.map((f) => (
          <label key={f.format} className="check" title={f.description}>
            <input type="radio" name={`schema-format-${sourceId}`} checked={f.format === format.format} onChange={() => setFormat(f)} /> {f.label}
          </label>
        ))}
      </div>
      <div className="row">
        <button type="button" disabled={text === null} onClick={() => text !== null && void copyText(text).then(() => setCopied(true))}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          disabled={text === null}
          title={`Save as ${format.fileName(baseName(sourceName))}`}
          onClick={() => text !== null && downloadBlob(new Blob([text], { type: `${format.mime};charset=utf-8` }), format.fileName(baseName(sourceName)))}
        >
          Save
        </button>
        <span className="muted small export-name" data-testid="export-file-name">
          {format.fileName(baseName(sourceName))}
        </span>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <pre className="export-text" aria-label="Exported schema" tabIndex={0}>
        {text ?? (error ? '' : 'Writing…')}
      </pre>
    </section>
  )
}
