import type { Relationship, SchemaModel, TableInfo } from '../../../shared/schema-model'
import { childIsRequired, childIsUnique, relationshipsOf } from './relationships'

export type SchemaFormat = 'text' | 'md' | 'mermaid' | 'dbml' | 'json'
export const SCHEMA_FORMATS: SchemaFormat[] = ['text', 'md', 'mermaid', 'dbml', 'json']

/** Relationships shown in exports: declared ones and inferred ones the user accepted. */
function shown(rels: Relationship[]): Relationship[] {
  return rels.filter((r) => r.origin === 'declared' || r.accepted)
}

function rowsText(t: TableInfo): string {
  if (t.rowCount === null) return ''
  return `${t.rowCountExact ? '' : '~'}${t.rowCount} rows`
}

function refText(r: Relationship, side: 'parent' | 'child'): string {
  const tag = r.origin === 'inferred' ? ' (inferred)' : ''
  return side === 'parent'
    ? `${r.childColumns.join(', ')} -> ${r.parentTable}(${r.parentColumns.join(', ')})${tag}`
    : `${r.childTable}(${r.childColumns.join(', ')}) -> ${r.parentColumns.join(', ')}${tag}`
}

/**
 * The plain-text relationship map, in the spirit of the original pipeline's
 * schema_relationships.txt: per table its columns, its foreign keys, and the
 * keys of other tables that point at it.
 */
export function schemaText(model: SchemaModel, rels: Relationship[]): string {
  const lines: string[] = [`Schema: ${model.name} (${model.kind}, ${model.tables.length} tables and views)`, '']
  const list = shown(rels)
  for (const t of model.tables) {
    const rows = rowsText(t)
    lines.push(`${t.kind === 'view' ? 'View' : 'Table'}: ${t.name}${rows ? ` (${rows})` : ''}`)
    lines.push('  Columns:')
    for (const c of t.columns) {
      const marks = [c.pk ? 'PK' : '', c.nullable || c.pk ? '' : 'NOT NULL', c.defaultValue !== null ? `DEFAULT ${c.defaultValue}` : '', c.autoIncrement ? 'AUTOINCREMENT' : '']
      lines.push(`    - ${c.name} ${c.type || 'ANY'}${marks.filter(Boolean).map((m) => ` ${m}`).join('')}`)
    }
    const { outgoing, incoming } = relationshipsOf(t.name, list)
    lines.push('  Foreign keys:')
    lines.push(...(outgoing.length ? outgoing.map((r) => `    - ${refText(r, 'parent')}`) : ['    (none)']))
    lines.push('  Referenced by:')
    lines.push(...(incoming.length ? incoming.map((r) => `    - ${refText(r, 'child')}`) : ['    (none)']))
    if (t.indexes.length) {
      lines.push('  Indexes:')
      for (const ix of t.indexes) lines.push(`    - ${ix.name}${ix.unique ? ' UNIQUE' : ''} (${ix.columns.join(', ')})`)
    }
    lines.push('')
  }
  return lines.join('\n')
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function schemaMarkdown(model: SchemaModel, rels: Relationship[]): string {
  const list = shown(rels)
  const out: string[] = [`# Schema: ${mdCell(model.name)}`, '', `${model.tables.length} tables and views (${model.kind}).`, '']
  for (const t of model.tables) {
    const rows = rowsText(t)
    out.push(`## ${mdCell(t.name)}${t.kind === 'view' ? ' (view)' : ''}`, '')
    if (rows) out.push(`Rows: ${rows}`, '')
    out.push('| Column | Type | Null | Default | Key |', '| --- | --- | --- | --- | --- |')
    const { outgoing, incoming } = relationshipsOf(t.name, list)
    for (const c of t.columns) {
      const fk = outgoing.filter((r) => r.childColumns.includes(c.name)).map((r) => `FK → ${r.parentTable}.${r.parentColumns[r.childColumns.indexOf(c.name)] ?? ''}`)
      const key = [c.pk ? 'PK' : '', ...fk].filter(Boolean).join(', ')
      out.push(`| ${mdCell(c.name)} | ${mdCell(c.type || 'ANY')} | ${c.nullable ? 'yes' : 'no'} | ${mdCell(c.defaultValue ?? '')} | ${mdCell(key)} |`)
    }
    out.push('')
    if (outgoing.length) out.push('References:', '', ...outgoing.map((r) => `- ${mdCell(refText(r, 'parent'))}`), '')
    if (incoming.length) out.push('Referenced by:', '', ...incoming.map((r) => `- ${mdCell(refText(r, 'child'))}`), '')
    if (t.indexes.length) out.push('Indexes:', '', ...t.indexes.map((ix) => `- ${mdCell(ix.name)}${ix.unique ? ' (unique)' : ''}: ${mdCell(ix.columns.join(', '))}`), '')
  }
  return out.join('\n')
}

/** Mermaid entity names and attribute types allow only a restricted alphabet. */
const mermaidName = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^([^A-Za-z_])/, '_$1')
const mermaidType = (s: string): string => (s.replace(/\s+/g, '') || 'ANY').replace(/[^A-Za-z0-9_()[\]-]/g, '_').replace(/^([^A-Za-z])/, 'T$1')

export function schemaMermaid(model: SchemaModel, rels: Relationship[]): string {
  const list = shown(rels)
  const byName = new Map(model.tables.map((t) => [t.name, t]))
  const out = ['erDiagram']
  for (const t of model.tables) {
    out.push(`  ${mermaidName(t.name)} {`)
    const fkCols = new Set(list.filter((r) => r.childTable === t.name).flatMap((r) => r.childColumns))
    for (const c of t.columns) {
      const keys = [c.pk ? 'PK' : '', fkCols.has(c.name) ? 'FK' : ''].filter(Boolean).join(', ')
      out.push(`    ${mermaidType(c.type)} ${mermaidName(c.name)}${keys ? ` ${keys}` : ''}${mermaidName(c.name) !== c.name ? ` "${c.name.replace(/"/g, "'")}"` : ''}`)
    }
    out.push('  }')
  }
  for (const r of list) {
    const child = byName.get(r.childTable)
    const parentSide = childIsRequired(child, r.childColumns) ? '||' : '|o'
    const childSide = childIsUnique(child, r.childColumns) ? 'o|' : 'o{'
    const line = r.origin === 'inferred' ? '..' : '--'
    out.push(`  ${mermaidName(r.parentTable)} ${parentSide}${line}${childSide} ${mermaidName(r.childTable)} : "${r.childColumns.join(', ').replace(/"/g, "'")}"`)
  }
  return `${out.join('\n')}\n`
}

const dbmlName = (s: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
const dbmlType = (s: string): string => {
  const t = s.trim() || 'ANY'
  return /^[A-Za-z_][A-Za-z0-9_]*(\([0-9, ]*\))?$/.test(t) ? t : `"${t.replace(/"/g, '\\"')}"`
}

export function schemaDbml(model: SchemaModel, rels: Relationship[]): string {
  const out: string[] = []
  for (const t of model.tables) {
    out.push(`Table ${dbmlName(t.name)} {`)
    for (const c of t.columns) {
      const settings = [
        c.pk && t.primaryKey.length === 1 ? 'pk' : '',
        c.autoIncrement ? 'increment' : '',
        !c.nullable && !c.pk ? 'not null' : '',
        c.defaultValue !== null ? `default: \`${c.defaultValue.replace(/`/g, "'")}\`` : '',
      ].filter(Boolean)
      out.push(`  ${dbmlName(c.name)} ${dbmlType(c.type)}${settings.length ? ` [${settings.join(', ')}]` : ''}`)
    }
    const composite = t.primaryKey.length > 1 ? [`    (${t.primaryKey.map(dbmlName).join(', ')}) [pk]`] : []
    const idx = t.indexes.filter((ix) => !ix.name.startsWith('sqlite_autoindex') && ix.columns.every((c) => c !== '<expr>'))
    if (composite.length || idx.length) {
      out.push('', '  indexes {', ...composite)
      for (const ix of idx) {
        const cols = ix.columns.length === 1 ? dbmlName(ix.columns[0]!) : `(${ix.columns.map(dbmlName).join(', ')})`
        out.push(`    ${cols} [name: '${ix.name.replace(/'/g, "\\'")}'${ix.unique ? ', unique' : ''}]`)
      }
      out.push('  }')
    }
    if (t.kind === 'view') out.push(`  Note: 'view'`)
    out.push('}', '')
  }
  for (const r of shown(rels)) {
    const cols = (cs: string[]): string => (cs.length === 1 ? dbmlName(cs[0]!) : `(${cs.map(dbmlName).join(', ')})`)
    const child = model.tables.find((t) => t.name === r.childTable)
    const op = childIsUnique(child, r.childColumns) ? '-' : '>'
    out.push(`Ref: ${dbmlName(r.childTable)}.${cols(r.childColumns)} ${op} ${dbmlName(r.parentTable)}.${cols(r.parentColumns)}${r.origin === 'inferred' ? ' // inferred' : ''}`)
  }
  return `${out.join('\n')}\n`
}

export function exportSchema(model: SchemaModel, rels: Relationship[], format: SchemaFormat): string {
  switch (format) {
    case 'text':
      return schemaText(model, rels)
    case 'md':
      return schemaMarkdown(model, rels)
    case 'mermaid':
      return schemaMermaid(model, rels)
    case 'dbml':
      return schemaDbml(model, rels)
    case 'json':
      return `${JSON.stringify({ schema: model, relationships: shown(rels) }, null, 2)}\n`
  }
}
