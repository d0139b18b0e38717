import type { Relationship, SchemaModel, TableInfo } from '../../../shared/schema-model'
import { relationshipId } from '../../../shared/schema-model'

/** Every declared foreign key of the model as a relationship. */
export function declaredRelationships(model: SchemaModel): Relationship[] {
  const out: Relationship[] = []
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) {
      const r = { childTable: t.name, childColumns: fk.columns, parentTable: fk.refTable, parentColumns: fk.refColumns }
      out.push({ id: relationshipId(r), ...r, origin: 'declared' })
    }
  }
  return out
}

/** A table's relationships in both directions: the keys it holds and the keys pointing at it. */
export function relationshipsOf(table: string, rels: Relationship[]): { outgoing: Relationship[]; incoming: Relationship[] } {
  return {
    outgoing: rels.filter((r) => r.childTable === table),
    incoming: rels.filter((r) => r.parentTable === table),
  }
}

/** Whether the child columns are unique in the child (then the relationship is one-to-one). */
export function childIsUnique(child: TableInfo | undefined, columns: string[]): boolean {
  if (!child) return false
  const same = (cols: string[]): boolean => cols.length === columns.length && cols.every((c) => columns.includes(c))
  return same(child.primaryKey) || child.indexes.some((ix) => ix.unique && same(ix.columns))
}

/** Whether every child column is NOT NULL (then each child row has a parent). */
export function childIsRequired(child: TableInfo | undefined, columns: string[]): boolean {
  if (!child) return false
  return columns.every((c) => child.columns.find((x) => x.name === c)?.nullable === false)
}
