import type { DumpDialect } from './dialect'
import { scanTuples, type RowSink } from './value-scanner'

/**
 * The values of one INSERT, read on the importing thread so the loader thread
 * only slices and binds them: every value's text in one string with offsets,
 * and a tag per value (ValueTag). Typed arrays and one string cross threads as
 * cheap copies, where an array of small values would be cloned one by one.
 */
export interface PreScanned {
  /** Where the VALUES list starts in the statement text. */
  valuesAt: number
  strs: string
  offs: Int32Array
  tags: Uint8Array
  count: number
  tupleWidth: number
}

const NAME = '(?:`(?:[^`]|``)*`|"(?:[^"]|"")*"|\\[[^\\]]*\\]|[\\w$\\u0080-\\uffff]+)'
export const INSERT_HEAD = new RegExp(
  `^(INSERT|REPLACE)\\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\\s+)?(IGNORE\\s+)?(?:INTO\\s+)?(${NAME}(?:\\s*\\.\\s*${NAME})?)\\s*(\\([^)]*\\))?\\s*(?:OVERRIDING\\s+(?:SYSTEM|USER)\\s+VALUE\\s+)?VALUES?\\s*(?=\\()`,
  'i',
)
export const ODKU = /\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i

/** Reads an INSERT's values; null when it is not a plain multi-row VALUES list of literals. */
export function prescanInsert(text: string, dialect: DumpDialect): PreScanned | null {
  const head = INSERT_HEAD.exec(text)
  if (!head) return null
  if (ODKU.test(text.length > 4096 ? text.slice(-4096) : text)) return null
  const parts: string[] = []
  const offs: number[] = [0]
  let len = 0
  let width = -1
  let same = true
  const sink: RowSink = {
    vals: [],
    numericCols: null,
    tags: [],
    endRow(w) {
      if (width < 0) width = w
      else if (w !== width) same = false
      for (const v of sink.vals) {
        const s = v === null ? '' : typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('hex') : String(v)
        parts.push(s)
        len += s.length
        offs.push(len)
      }
      sink.vals.length = 0
    },
  }
  const r = scanTuples(text, head[0].length, dialect, sink)
  if (!r.ok || !same || text.slice(r.end).trim() !== '') return null
  return { valuesAt: head[0].length, strs: parts.join(''), offs: Int32Array.from(offs), tags: Uint8Array.from(sink.tags!), count: sink.tags!.length, tupleWidth: width }
}
