/** Splits an identifier into lower-case words: `PatientID`, `patient_id`, `patientId` all give [patient, id]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase())
}

const IRREGULAR: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  data: 'datum',
  criteria: 'criterion',
  media: 'medium',
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  appendices: 'appendix',
  analyses: 'analysis',
  diagnoses: 'diagnosis',
  prognoses: 'prognosis',
  theses: 'thesis',
  crises: 'crisis',
  statuses: 'status',
  buses: 'bus',
  aliases: 'alias',
  leaves: 'leaf',
  lives: 'life',
  wives: 'wife',
  knives: 'knife',
  halves: 'half',
  shelves: 'shelf',
}

/** Words that end in s but are singular; left alone. */
const SINGULAR_S = /(ss|us|is|ics|ws|news|series|species|status|bus|gas|alias|atlas|canvas|bias)$/

/** English singular of one word, enough for table names (Categories, Patients, Addresses, Diagnoses). */
export function singular(word: string): string {
  const w = word.toLowerCase()
  const irregular = IRREGULAR[w]
  if (irregular) return irregular
  if (SINGULAR_S.test(w)) return w
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s') && w.length > 1) return w.slice(0, -1)
  return w
}

/** A table name's comparison key: its words, the last one singular, joined (`Lab_Tests` -> `labtest`). */
export function entityKey(name: string): string {
  const ws = words(name)
  if (!ws.length) return ''
  ws[ws.length - 1] = singular(ws[ws.length - 1]!)
  return ws.join('')
}

/** For a column that follows the "<entity> id" convention, the entity's key; otherwise null. */
export function referencedEntity(column: string): string | null {
  const ws = words(column)
  if (ws.length >= 2 && ws[ws.length - 1] === 'id') return entityKey(ws.slice(0, -1).join('_'))
  // All lower case run together: `patientid`.
  if (ws.length === 1 && /^[a-z]{3,}id$/.test(ws[0]!)) return entityKey(ws[0]!.slice(0, -2))
  return null
}

/** Role words and the tables that usually hold such people: `SupportRepId` names an employee. */
const ROLE_GROUPS: [RegExp, string[]][] = [
  [
    /^(rep|representative|salesperson|seller|manager|supervisor|boss|mentor|owner|assignee|approver|reviewer|author|creator|editor|clerk|cashier|coordinator|staff|employee|worker)$/,
    ['employee', 'staff', 'user', 'person', 'member', 'worker'],
  ],
  [
    /^(physician|doctor|surgeon|radiologist|sonographer|clinician|practitioner|attending|nurse|therapist|specialist|consultant)$/,
    ['provider', 'physician', 'doctor', 'clinician', 'practitioner', 'staff', 'employee'],
  ],
  [/^(customer|client|buyer|purchaser|shopper)$/, ['customer', 'client']],
]

/**
 * For an `<words> id` column whose words name no table, the entities it may
 * still point at, most likely first: the trailing words (`billing_address_id`
 * -> address), then the tables that usually hold the role its last word names
 * (`SupportRepId` -> employee, `referring_physician_id` -> provider, doctor).
 */
export function roleEntities(column: string): string[] {
  const ws = words(column)
  if (ws.length < 2 || ws[ws.length - 1] !== 'id') return []
  const name = ws.slice(0, -1)
  const out: string[] = []
  for (let k = 1; k < name.length; k++) out.push(entityKey(name.slice(k).join('_')))
  const last = singular(name[name.length - 1]!)
  for (const [re, entities] of ROLE_GROUPS) if (re.test(last)) out.push(...entities)
  return [...new Set(out)]
}

/** Column names that conventionally point at the same table's key (hierarchies). */
export function isSelfReferenceName(column: string): boolean {
  const key = words(column).join('')
  return /^(parent|parentid|reportsto|managerid|manager|supervisorid|supervisor|bossid|mentorid)$/.test(key)
}

export type TypeClass = 'integer' | 'real' | 'text' | 'blob' | 'date' | 'any'

/** A coarse class of a declared type, by SQLite's affinity rules plus dates. */
export function typeClass(type: string): TypeClass {
  const t = type.toLowerCase()
  if (!t.trim()) return 'any'
  if (/int/.test(t)) return 'integer'
  if (/char|clob|text|uuid|enum/.test(t)) return 'text'
  if (/blob|binary/.test(t)) return 'blob'
  if (/date|time/.test(t)) return 'date'
  if (/real|floa|doub|dec|num/.test(t)) return 'real'
  return 'any'
}

export function compatibleTypes(a: string, b: string): boolean {
  const x = typeClass(a)
  const y = typeClass(b)
  if (x === 'any' || y === 'any' || x === y) return true
  // DECIMAL(10,0) keys and INTEGER keys hold the same values.
  return (x === 'integer' && y === 'real') || (x === 'real' && y === 'integer')
}
