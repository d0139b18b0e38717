import type { Relationship, SchemaModel, TableInfo } from '../schema-model'
import { layoutEr } from './er-layout'
import { erToSvg } from './er-svg'
import type { ErLayout } from './er-types'

export interface ErSvgOptions {
  collapsed?: boolean
  transparent?: boolean
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c))
}

/** One call from schema to SVG: lays out, then draws with cardinality from the schema's keys. */
export function schemaToSvg(model: SchemaModel, relationships: Relationship[], opts: ErSvgOptions = {}): { svg: string; layout: ErLayout } {
  const layout = layoutEr({ model, relationships }, { collapsed: !!opts.collapsed })
  const byName = new Map<string, TableInfo>(model.tables.map((t) => [t.name, t]))
  const svg = erToSvg(
    layout,
    {
      childUnique: (r) => {
        const t = byName.get(r.childTable)
        return !!t && (sameColumns(t.primaryKey, r.childColumns) || t.indexes.some((ix) => ix.unique && sameColumns(ix.columns, r.childColumns)))
      },
      childOptional: (r) => {
        const t = byName.get(r.childTable)
        return !t || r.childColumns.some((c) => t.columns.find((x) => x.name === c)?.nullable !== false)
      },
    },
    { transparent: !!opts.transparent },
  )
  return { svg, layout }
}
