import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Relationship, TableInfo } from '../../../../shared/schema-model'
import { api } from '../../api/client'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useTabExports } from '../shell/export-registry'
import type { TabViewProps } from '../shell/registry'
import { useSources } from '../sources/sources-store'
import { saveSchemaExport, SCHEMA_FORMATS, SchemaExports } from './SchemaExports'
import './inspector.css'

function fmt(n: number): string {
  return n.toLocaleString('en-US')
}

function RelationshipList({ rels, side, onPick }: { rels: Relationship[]; side: 'out' | 'in'; onPick: (table: string) => void }): ReactNode {
  if (!rels.length) return <p className="muted small">{side === 'out' ? 'No foreign keys.' : 'No table points here.'}</p>
  return (
    <ul className="rel-list" aria-label={side === 'out' ? 'Foreign keys out' : 'Foreign keys in'}>
      {rels.map((r) => {
        const other = side === 'out' ? r.parentTable : r.childTable
        return (
          <li key={r.id}>
            {side === 'out' ? <code>{r.childColumns.join(', ')}</code> : null}
            {side === 'out' ? ' → ' : null}
            <button type="button" className="link rel-table" onClick={() => onPick(other)}>
              {other}
            </button>
            <code>({(side === 'out' ? r.parentColumns : r.childColumns).join(', ')})</code>
            {side === 'in' ? (
              <>
                {' → '}
                <code>{r.parentColumns.join(', ')}</code>
              </>
            ) : null}
            {r.origin === 'inferred' ? (
              <span className="badge" title="Inferred from names and checked against the data">
                inferred {r.confidence !== undefined ? `${Math.round(r.confidence * 100)}%` : ''}
                {r.accepted ? ' · accepted' : ''}
              </span>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

function TableDetails({ sourceId, table, count, onPick }: { sourceId: string; table: TableInfo; count: { n: number; exact: boolean } | null; onPick: (t: string) => void }): ReactNode {
  const [rels, setRels] = useState<{ outgoing: Relationship[]; incoming: Relationship[] } | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    setRels(null)
    setError(null)
    api
      .call('schema.tableRelationships', { sourceId, table: table.name })
      .then((r) => live && setRels(r))
      .catch((err: Error) => live && setError(err))
    return () => {
      live = false
    }
  }, [sourceId, table.name])

  return (
    <article className="table-details" aria-label={`Table ${table.name}`}>
      <header className="details-header">
        <h2>{table.name}</h2>
        <span className="badge">{table.kind}</span>
        <span className="muted" data-testid="inspector-rowcount">
          {count ? `${count.exact ? '' : '~'}${fmt(count.n)} rows` : 'rows not counted yet'}
        </span>
      </header>
      <h3>Columns</h3>
      <table className="schema-table" aria-label={`Columns of ${table.name}`}>
        <thead>
          <tr>
            <th>#</th>
            <th>Name</th>
            <th>Type</th>
            <th>Null</th>
            <th>Default</th>
            <th>Key</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c, i) => {
            const fk = table.foreignKeys.find((f) => f.columns.includes(c.name))
            return (
              <tr key={c.name}>
                <td className="muted">{i + 1}</td>
                <td>
                  <strong>{c.name}</strong>
                </td>
                <td>
                  <code>{c.type || '—'}</code>
                </td>
                <td>{c.nullable ? 'NULL' : <span className="not-null">NOT NULL</span>}</td>
                <td>{c.defaultValue === null ? <span className="muted">—</span> : <code>{c.defaultValue}</code>}</td>
                <td>
                  {c.pk ? <span className="pk-marker" title={`primary key, position ${c.pk}`}>PK{table.primaryKey.length > 1 ? c.pk : ''}</span> : null}
                  {fk ? <span className="fk-marker" title={`references ${fk.refTable}`}>FK</span> : null}
                  {c.autoIncrement ? <span className="muted small"> auto</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="rel-columns">
        <section aria-label="Outgoing relationships">
          <h3>References (foreign keys out)</h3>
          {rels ? <RelationshipList rels={rels.outgoing} side="out" onPick={onPick} /> : <p className="muted small">Reading…</p>}
        </section>
        <section aria-label="Incoming relationships">
          <h3>Referenced by (foreign keys in)</h3>
          {rels ? <RelationshipList rels={rels.incoming} side="in" onPick={onPick} /> : <p className="muted small">Reading…</p>}
        </section>
      </div>
      <h3>Indexes</h3>
      {table.indexes.length ? (
        <ul className="index-list" aria-label={`Indexes of ${table.name}`}>
          {table.indexes.map((ix) => (
            <li key={ix.name}>
              <code>{ix.name}</code> ({ix.columns.join(', ')}){ix.unique ? <span className="badge">unique</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No indexes besides the primary key.</p>
      )}
      {table.sql ? (
        <details>
          <summary>Definition (SQL)</summary>
          <pre>{table.sql}</pre>
        </details>
      ) : null}
    </article>
  )
}

/**
 * The schema inspector: a table picker; each table's columns, keys both ways,
 * indexes and row count; the whole schema exported as text, Markdown, Mermaid
 * or DBML (also offered by File > Export).
 */
export function InspectorTab({ tab }: TabViewProps): ReactNode {
  const { sources } = useSources()
  const src = sources.find((s) => s.summary.sourceId === tab.sourceId)
  const tables = useMemo(() => src?.schema?.tables ?? [], [src?.schema])
  const [filter, setFilter] = useState('')
  // Kept in the view, not the tab params: the Schema action must keep finding this tab.
  const [choice, setChoice] = useState(tab.params.table ?? '')
  const picked = tables.some((t) => t.name === choice) ? choice : tables[0]?.name
  const table = tables.find((t) => t.name === picked)
  const sourceId = tab.sourceId ?? ''
  const sourceName = src?.summary.name ?? 'schema'

  useTabExports(
    tab.id,
    SCHEMA_FORMATS.map((f) => ({ id: `schema-${f.format}`, label: `Schema: ${f.label}`, description: f.description, run: () => saveSchemaExport(sourceId, sourceName, f) })),
  )

  const pick = setChoice

  if (!src || !tab.sourceId) return <p className="muted">This source is closed.</p>
  if (!src.schema) return <p className="muted">Reading the schema…</p>
  const shown = tables.filter((t) => t.name.toLowerCase().includes(filter.toLowerCase()))
  const countOf = (t: TableInfo): { n: number; exact: boolean } | null => {
    const exact = src.counts[t.name]
    if (exact !== undefined) return { n: exact, exact: true }
    return t.rowCount !== null ? { n: t.rowCount, exact: t.rowCountExact } : null
  }
  return (
    <div className="inspector-view">
      <nav className="inspector-tables" aria-label="Tables">
        <input type="search" placeholder="Find a table" aria-label="Find a table" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul>
          {shown.map((t) => {
            const c = countOf(t)
            return (
              <li key={t.name}>
                <button type="button" aria-pressed={t.name === picked} className={t.name === picked ? 'picked' : ''} onClick={() => pick(t.name)}>
                  <span className="table-name">{t.name}</span>
                  <span className="muted small">{t.kind === 'view' ? 'view' : c ? `${c.exact ? '' : '~'}${fmt(c.n)}` : ''}</span>
                </button>
              </li>
            )
          })}
        </ul>
      </nav>
      <div className="inspector-main">{table ? <TableDetails sourceId={sourceId} table={table} count={countOf(table)} onPick={pick} /> : <p className="muted">No tables.</p>}</div>
      <div className="inspector-side">
        <SchemaExports sourceId={sourceId} sourceName={sourceName} />
      </div>
    </div>
  )
}
