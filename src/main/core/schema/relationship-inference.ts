import type { Relationship, SchemaModel, TableInfo } from '../../../shared/schema-model'
import { relationshipId } from '../../../shared/schema-model'
import type { Driver } from '../db/driver'
import { compatibleTypes, entityKey, isSelfReferenceName, referencedEntity, roleEntities, words } from './name-forms'

/** Inferred edges at or above this share of child values found in the parent are shown. */
export const DEFAULT_INFERENCE_THRESHOLD = 0.95
/** Child values checked per candidate; bounds the cost on big tables. */
export const DEFAULT_SAMPLE_SIZE = 10_000

export interface InferenceOptions {
  /** Keep candidates at or above this confidence (0 keeps every named match that was checked). */
  threshold?: number
  sampleSize?: number
}

interface Candidate {
  child: TableInfo
  column: string
  parent: TableInfo
  parentColumn: string
  /** Why it matched, for tie-breaking: exact key-name matches beat table-name matches. */
  strength: number
}

function singlePk(t: TableInfo): string | null {
  return t.kind === 'table' && t.primaryKey.length === 1 ? t.primaryKey[0]! : null
}

/**
 * Name-based candidates: a column `<entity>ID` / `<entity>_id` / `<entity>Id`
 * whose entity is a table (singular/plural aware) with a one-column primary key
 * of a compatible type, or whose name equals another table's `<entity>_id`
 * primary key; plus hierarchy columns (`ReportsTo`, `parent_id`) pointing at
 * their own table; and, where the name matches no table, role names
 * (`SupportRepId` -> Employee, `billing_address_id` -> Address; see roleEntities).
 */
export function nameCandidates(model: SchemaModel): Candidate[] {
  const tables = model.tables.filter((t) => t.kind === 'table')
  const byEntity = new Map<string, TableInfo[]>()
  for (const t of tables) {
    const k = entityKey(t.name)
    byEntity.set(k, [...(byEntity.get(k) ?? []), t])
  }
  const byPkName = new Map<string, TableInfo[]>()
  for (const t of tables) {
    const pk = singlePk(t)
    if (pk && referencedEntity(pk)) {
      const k = words(pk).join('')
      byPkName.set(k, [...(byPkName.get(k) ?? []), t])
    }
  }
  const declared = new Set(tables.flatMap((t) => t.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => `${t.name}.${fk.columns[0]!}`)))
  const out: Candidate[] = []
  for (const child of tables) {
    for (const col of child.columns) {
      if (declared.has(`${child.name}.${col.name}`)) continue
      const found = new Map<string, Candidate>()
      const consider = (parent: TableInfo, strength: number): void => {
        const pk = singlePk(parent)
        if (!pk || (parent.name === child.name && pk === col.name)) return
        const pkCol = parent.columns.find((c) => c.name === pk)
        if (!pkCol || !compatibleTypes(col.type, pkCol.type)) return
        const prev = found.get(parent.name)
        if (!prev || prev.strength < strength) found.set(parent.name, { child, column: col.name, parent, parentColumn: pk, strength })
      }
      const entity = referencedEntity(col.name)
      if (entity) {
        for (const parent of byEntity.get(entity) ?? []) {
          const pk = singlePk(parent)
          if (!pk) continue
          const pkWords = words(pk).join('')
          // The parent's key is `id`, the same name as the column, or `<entity>id`.
          if (pkWords === 'id' || pkWords === words(col.name).join('') || pkWords === `${entity}id`) consider(parent, 2)
        }
        for (const parent of byPkName.get(words(col.name).join('')) ?? []) consider(parent, 3)
      }
      if (isSelfReferenceName(col.name)) consider(child, 1)
      // A role name (`SupportRepId`): only when the name matched no table, never for the table's own key,
      // and only parents keyed `id` or `<entity>id`. The data check decides, as for every candidate.
      if (entity && found.size === 0 && singlePk(child) !== col.name) {
        for (const role of roleEntities(col.name)) {
          for (const parent of byEntity.get(role) ?? []) {
            const pkWords = words(singlePk(parent) ?? '').join('')
            if (pkWords === 'id' || pkWords === `${role}id`) consider(parent, 0)
          }
        }
      }
      out.push(...found.values())
    }
  }
  return out
}

/** Share of the child's non-null values (a bounded sample) found in the parent's key. */
async function containment(driver: Driver, c: Candidate, sample: number): Promise<{ checked: number; found: number }> {
  const q = driver.dialect.quoteId
  const sql =
    `SELECT count(*), count(p.${q(c.parentColumn)}) FROM ` +
    `(SELECT ${q(c.column)} AS v FROM ${q(c.child.name)} WHERE ${q(c.column)} IS NOT NULL LIMIT ${Math.trunc(sample)}) s ` +
    `LEFT JOIN ${q(c.parent.name)} p ON p.${q(c.parentColumn)} = s.v`
  const row = (await driver.query(sql)).rows[0] ?? [0, 0]
  return { checked: Number(row[0] ?? 0), found: Number(row[1] ?? 0) }
}

/**
 * Relationships the schema does not declare but the names and the data suggest.
 * Each candidate is checked against the data: confidence is the share of
 * (up to `sampleSize`) non-null child values found in the parent's key. A
 * column with no values cannot be checked and gets confidence 0.
 */
export async function inferRelationships(driver: Driver, model: SchemaModel, opts: InferenceOptions = {}): Promise<Relationship[]> {
  const threshold = opts.threshold ?? DEFAULT_INFERENCE_THRESHOLD
  const sample = opts.sampleSize ?? DEFAULT_SAMPLE_SIZE
  const best = new Map<string, Relationship & { strength: number }>()
  for (const c of nameCandidates(model)) {
    const { checked, found } = await containment(driver, c, sample)
    const confidence = checked ? Math.round((found / checked) * 1000) / 1000 : 0
    // A role-named guess is shown only when every value checked is found: small integer keys fit many tables.
    if (confidence < (c.strength === 0 && threshold > 0 ? 1 : threshold)) continue
    const ends = { childTable: c.child.name, childColumns: [c.column], parentTable: c.parent.name, parentColumns: [c.parentColumn] }
    const rel = { id: relationshipId(ends), ...ends, origin: 'inferred' as const, confidence, strength: c.strength }
    // One parent per child column: the best supported, then the strongest name match.
    const key = `${c.child.name}.${c.column}`
    const prev = best.get(key)
    if (!prev || prev.confidence! < confidence || (prev.confidence === confidence && prev.strength < c.strength)) best.set(key, rel)
  }
  return [...best.values()].map(({ strength: _s, ...r }) => r)
}
