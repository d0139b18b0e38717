import { useState, type ReactNode } from 'react'
import type { Aggregate, ColumnRef, OutputColumnInput } from '../../../../shared/recipe'
import type { SchemaModel } from '../../../../shared/schema-model'
import { addColumn, aliases, describeRef, moveColumn, removeColumn, renameColumn, setRefAggregate, type Plan } from './plan-edit'

const AGGREGATES: Aggregate[] = ['first', 'last', 'count', 'join', 'min', 'max']
type Template = 'column' | 'concat' | 'daysBetween' | 'ageAt' | 'yearMonth' | 'sql'
const TEMPLATES: [Template, string][] = [
  ['column', 'Column'],
  ['concat', 'Concatenate two columns'],
  ['daysBetween', 'Days between two dates'],
  ['ageAt', 'Age at a date'],
  ['yearMonth', 'Year-month of a date'],
  ['sql', 'SQL expression'],
]

function describe(c: OutputColumnInput): string {
  switch (c.kind) {
    case 'column':
      return describeRef(c.ref)
    case 'concat':
      return `concat(${c.parts.map(describeRef).join(', ')})`
    case 'daysBetween':
      return `days from ${describeRef(c.from)} to ${describeRef(c.to)}`
    case 'ageAt':
      return `age from ${describeRef(c.birthDate)} at ${describeRef(c.at)}`
    case 'yearMonth':
      return `year-month of ${describeRef(c.date)}`
    case 'sql':
      return c.expression
  }
}

function RefPicker({ plan, schema, value, onChange, label }: { plan: Plan; schema: SchemaModel; value: string; onChange: (v: string) => void; label: string }): ReactNode {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}…</option>
      {aliases(plan).map((a) => (
        <optgroup key={a.alias} label={a.alias}>
          {(schema.tables.find((t) => t.name === a.table)?.columns ?? []).map((c) => (
            <option key={c.name} value={`${a.alias}\u0000${c.name}`}>
              {a.alias}.{c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

/** Output columns: choose, order, rename; derived columns from named templates or a validated SQL expression. */
export function ColumnsPanel({ plan, schema, onChange }: { plan: Plan; schema: SchemaModel; onChange: (p: Plan) => void }): ReactNode {
  const [template, setTemplate] = useState<Template>('column')
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const [name, setName] = useState('')
  const [expr, setExpr] = useState('')
  const aggregated = new Set((plan.joins ?? []).filter((j) => j.fanout?.strategy === 'aggregate').map((j) => j.alias))

  const ref = (v: string): ColumnRef | null => {
    const [alias, column] = v.split('\u0000')
    if (!alias || !column) return null
    return aggregated.has(alias) ? { alias, column, aggregate: 'first' } : { alias, column }
  }

  function add(): void {
    const ra = ref(a)
    const rb = ref(b)
    const n = name.trim()
    let col: OutputColumnInput | null = null
    if (template === 'column' && ra) col = { kind: 'column', name: n || ra.column, ref: ra }
    if (template === 'concat' && ra && rb) col = { kind: 'concat', name: n || `${ra.column}_${rb.column}`, parts: [ra, rb], separator: ' ' }
    if (template === 'daysBetween' && ra && rb) col = { kind: 'daysBetween', name: n || `DaysFrom${ra.column}To${rb.column}`, from: ra, to: rb }
    if (template === 'ageAt' && ra && rb) col = { kind: 'ageAt', name: n || `AgeAt${rb.column}`, birthDate: ra, at: rb }
    if (template === 'yearMonth' && ra) col = { kind: 'yearMonth', name: n || `${ra.column}Month`, date: ra }
    if (template === 'sql' && expr.trim()) col = { kind: 'sql', name: n || 'Expression', expression: expr.trim() }
    if (!col) return
    onChange(addColumn(plan, col))
    setName('')
    setExpr('')
  }

  const needsTwo = template === 'concat' || template === 'daysBetween' || template === 'ageAt'
  return (
    <section className="wizard-panel" aria-label="Columns">
      <h3>Columns ({plan.columns.length})</h3>
      <ol className="out-columns" aria-label="Output columns">
        {plan.columns.map((c, i) => (
          <li key={i}>
            <input type="text" aria-label={`Name of column ${i + 1}`} value={c.name} onChange={(e) => onChange(renameColumn(plan, i, e.target.value))} spellCheck={false} />
            <span className="muted small source-expr" title={describe(c)}>
              {describe(c)}
            </span>
            {c.kind === 'column' && aggregated.has(c.ref.alias) ? (
              <select aria-label={`Aggregate of ${c.name}`} value={c.ref.aggregate ?? 'first'} onChange={(e) => onChange(setRefAggregate(plan, i, e.target.value as Aggregate))}>
                {AGGREGATES.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            ) : null}
            <button type="button" className="link" aria-label={`Move ${c.name} up`} onClick={() => onChange(moveColumn(plan, i, -1))}>
              ↑
            </button>
            <button type="button" className="link" aria-label={`Move ${c.name} down`} onClick={() => onChange(moveColumn(plan, i, 1))}>
              ↓
            </button>
            <button type="button" className="link" aria-label={`Remove ${c.name}`} onClick={() => onChange(removeColumn(plan, i))} disabled={plan.columns.length === 1}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="add-column" role="group" aria-label="Add a column">
        <select aria-label="Column kind" value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
          {TEMPLATES.map(([t, label]) => (
            <option key={t} value={t}>
              {label}
            </option>
          ))}
        </select>
        {template === 'sql' ? (
          <input type="text" aria-label="SQL expression" value={expr} onChange={(e) => setExpr(e.target.value)} placeholder={'e.g. "Patients"."LastName" || \'!\''} spellCheck={false} />
        ) : (
          <RefPicker plan={plan} schema={schema} value={a} onChange={setA} label={template === 'ageAt' ? 'Birth date' : template === 'daysBetween' ? 'From date' : 'Column'} />
        )}
        {needsTwo ? <RefPicker plan={plan} schema={schema} value={b} onChange={setB} label={template === 'ageAt' ? 'At date' : template === 'daysBetween' ? 'To date' : 'Second column'} /> : null}
        <input type="text" aria-label="New column name" value={name} onChange={(e) => setName(e.target.value)} placeholder="name (optional)" spellCheck={false} />
        <button type="button" onClick={add}>
          Add column
        </button>
      </div>
    </section>
  )
}
