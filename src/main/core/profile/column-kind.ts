import type { Cell } from '../../../shared/cells'
import type { ValueKind } from '../../../shared/calls/profile'

/** What the summary query says about a column's values. */
export interface ValueCounts {
  engine: 'sqlite' | 'mysql'
  declaredType: string
  pk: boolean
  name: string
  nonNull: number
  distinct: number
  /** Values stored as numbers (SQLite storage class integer/real; on MySQL all values of a numeric type). */
  numeric: number
  /** Of the numeric values, those stored as reals. */
  real: number
  blob: number
  /** Text values that start like an ISO date. */
  dateLike: number
  minLength: number | null
  maxLength: number | null
  /** When distinct ≤ 2, the distinct values. */
  smallDomain: Cell[] | null
}

const NUMERIC_TYPE = /int|dec|numeric|float|double|real|year/i
const DATE_TYPE = /date|timestamp/i
const BINARY_TYPE = /blob|binary|bit|geometry/i
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f'])

/** Names that say "this is a key": id, patient_id, PatientID, uuid, guid, mrn. */
export function looksLikeIdName(nameIn: string): boolean {
  // SQLite names a query's repeated column "AlbumId:1".
  const name = nameIn.replace(/:\d+$/, '')
  return /(^|_)id$/i.test(name) || /[a-z]I[dD]$/.test(name) || /uuid|guid|(^|_)mrn$/i.test(name)
}

/**
 * The kind a column's values show. A share of 95% decides between numbers,
 * dates and text on SQLite, where a column can mix storage classes; on MySQL
 * the declared type decides numbers and dates, and text may still show dates.
 */
export function detectKind(c: ValueCounts): ValueKind {
  if (c.nonNull === 0) return 'empty'
  const share = (k: number): number => k / c.nonNull
  let base: ValueKind
  if (c.engine === 'mysql') {
    if (BINARY_TYPE.test(c.declaredType)) base = 'binary'
    else if (NUMERIC_TYPE.test(c.declaredType)) base = 'number'
    else if (DATE_TYPE.test(c.declaredType) || share(c.dateLike) >= 0.95) base = 'datetime'
    else base = 'text'
  } else if (share(c.numeric) >= 0.95) base = 'number'
  else if (share(c.dateLike) >= 0.95) base = 'datetime'
  else if (share(c.blob) >= 0.5) base = 'binary'
  else base = 'text'

  if (isBooleanDomain(c, base)) return 'boolean'
  const integerOrText = (base === 'number' && c.real === 0) || base === 'text'
  if (integerOrText) {
    const unique = c.distinct === c.nonNull && c.nonNull > 1
    if (c.pk || looksLikeIdName(c.name)) return 'identifier'
    if (unique && base === 'text' && c.minLength !== null && c.minLength === c.maxLength && c.minLength >= 4) return 'identifier'
  }
  return base
}

function isBooleanDomain(c: ValueCounts, base: ValueKind): boolean {
  if (!c.smallDomain || c.smallDomain.length === 0) return false
  if (/^bool/i.test(c.declaredType)) return true
  if (base === 'number') return c.smallDomain.every((v) => v === 0 || v === 1) && (c.smallDomain.length === 2 || /tinyint\(1\)/i.test(c.declaredType))
  if (base === 'text') return c.smallDomain.length === 2 && c.smallDomain.every((v) => typeof v === 'string' && BOOLEAN_WORDS.has(v.toLowerCase()))
  return false
}
