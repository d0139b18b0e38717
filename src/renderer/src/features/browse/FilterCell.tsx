import type { ReactNode } from 'react'
import type { ColumnFilter, KeyValue } from '../../../../shared/calls/browse'

export type FilterOp = '' | 'contains' | 'eq' | 'range' | 'isNull' | 'notNull'

/** What the user typed under one column header. */
export interface FilterDraft {
  op: FilterOp
  value: string
  max: string
}

export const EMPTY_DRAFT: FilterDraft = { op: '', value: '', max: '' }

const OPS: { op: FilterOp; label: string; title: string }[] = [
  { op: '', label: 'any', title: 'no filter' },
  { op: 'contains', label: 'has', title: 'contains' },
  { op: 'eq', label: '=', title: 'equals' },
  { op: 'range', label: 'range', title: 'range (from – to, inclusive)' },
  { op: 'isNull', label: 'null', title: 'is null' },
  { op: 'notNull', label: 'not null', title: 'is not null' },
]

const NUMERIC = /INT|REAL|NUM|DEC|FLOA|DOUB/i

/** A typed value as the column compares it: numbers for numeric columns, text otherwise. */
function typedValue(text: string, type: string): KeyValue {
  const t = text.trim()
  if (NUMERIC.test(type) && t !== '' && Number.isFinite(Number(t))) {
    return Number.isSafeInteger(Number(t)) || !/^-?\d+$/.test(t) ? Number(t) : { $int: t }
  }
  return text
}

/** The filter a draft stands for, or null while it is incomplete. */
export function draftToFilter(column: string, type: string, d: FilterDraft): ColumnFilter | null {
  switch (d.op) {
    case 'contains':
      return d.value === '' ? null : { op: 'contains', column, value: d.value }
    case 'eq':
      return d.value === '' ? null : { op: 'eq', column, value: typedValue(d.value, type) }
    case 'range': {
      if (d.value.trim() === '' && d.max.trim() === '') return null
      return {
        op: 'range',
        column,
        ...(d.value.trim() !== '' ? { min: typedValue(d.value, type) } : {}),
        ...(d.max.trim() !== '' ? { max: typedValue(d.max, type) } : {}),
      }
    }
    case 'isNull':
      return { op: 'isNull', column }
    case 'notNull':
      return { op: 'notNull', column }
    default:
      return null
  }
}

/** The filter controls under one column header: an operator and its value(s). */
export function FilterCell({ column, draft, onChange, onApply }: { column: string; draft: FilterDraft; onChange: (d: FilterDraft) => void; onApply: () => void }): ReactNode {
  const op = draft.op || 'contains'
  const valueInput = draft.op !== 'isNull' && draft.op !== 'notNull'
  return (
    <div className={`filter-cell ${draft.op === 'range' ? 'range' : ''}`} onKeyDown={(e) => e.key === 'Enter' && onApply()}>
      <select
        aria-label={`Filter operator for ${column}`}
        title={OPS.find((o) => o.op === draft.op)?.title}
        value={draft.op}
        onChange={(e) => onChange({ ...draft, op: e.target.value as FilterOp })}
      >
        {OPS.map((o) => (
          <option key={o.op} value={o.op} title={o.title}>
            {o.label}
          </option>
        ))}
      </select>
      {valueInput ? (
        <input
          type="text"
          aria-label={draft.op === 'range' ? `Filter ${column} from` : `Filter ${column}`}
          placeholder={draft.op === 'range' ? 'from' : 'filter'}
          value={draft.value}
          spellCheck={false}
          onChange={(e) => onChange({ ...draft, op, value: e.target.value })}
        />
      ) : null}
      {draft.op === 'range' ? (
        <input type="text" aria-label={`Filter ${column} to`} placeholder="to" value={draft.max} spellCheck={false} onChange={(e) => onChange({ ...draft, max: e.target.value })} />
      ) : null}
    </div>
  )
}
