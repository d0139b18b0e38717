import type { DumpDialect } from './dialect'
import { scanValues, type ScannedValues } from './value-scanner'

/**
 * The values of one INSERT, located on the importing thread so the loader
 * thread only slices and binds them (see ScannedValues).
 */
export interface PreScanned {
  values: ScannedValues
}

const NAME = '(?:`(?:[^`]|``)*`|"(?:[^"]|"")*"|\\[[^\\]]*\\]|[\\w$\\u0080-\\uffff]+)'
export const INSERT_HEAD = new RegExp(
  `^(INSERT|REPLACE)\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\\s+)?(IGNORE\\s+)?(?:INTO\\s+)?(${NAME}(?:\\s*\\.\\s*${NAME})?)\\s*(\\([^)]*\\))?\\s*(?:OVERRIDING\\s+(?:SYSTEM|USER)\\s+VALUE\\s+)?VALUES?\\s*(?=\\()`,
  'i',
)
export const ODKU = /\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i

/** Whether an INSERT ends with ON DUPLICATE KEY UPDATE (looked for in its last 4 KiB). */
export function hasOnDuplicateKey(text: string): boolean {
  return ODKU.test(text.length > 4096 ? text.slice(-4096) : text)
}

/** Locates an INSERT's values; null when it is not a plain multi-row VALUES list of literals. */
export function prescanInsert(text: string, dialect: DumpDialect): PreScanned | null {
  const head = INSERT_HEAD.exec(text)
  if (!head || hasOnDuplicateKey(text)) return null
  const r = scanValues(text, head[0].length, dialect)
  if (!r.ok || text.slice(r.end).trim() !== '') return null
  return { values: r.values }
}
