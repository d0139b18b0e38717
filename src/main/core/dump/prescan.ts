import type { ScannedValues } from './value-scanner'

/**
 * The values of one INSERT, located by the statement splitter as it reads
 * the statement (insert-pass.ts), so the loader only slices and binds them.
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
