import { stringify, type Options } from 'csv-stringify/sync'
import type { CsvOptions } from '../../../shared/calls/export'
import type { Driver } from '../db/driver'
import type { JobContext } from '../jobs/job-context'
import type { CsvSink } from './csv-sink'
import { isDateType, lineEnding } from './sqlite-csv-line'

// Same test as the SQLite fast path's GLOB: a date, a space, two digits of hour and a colon.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:[^]*)$/

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase()
}

/**
 * csv-stringify options that write fields exactly as the SQLite fast path does:
 * NULL as the bare NULL text, the empty string quoted (unless asked otherwise),
 * a value equal to the NULL text quoted, blobs as upper-case hex, big integers
 * in full, and date-times of date columns with a `T` when ISO dates are asked.
 */
export function stringifyOptions(o: CsvOptions, dateColumns: boolean[] = []): Options {
  return {
    delimiter: o.delimiter,
    record_delimiter: lineEnding(o),
    quoted: o.quoting === 'all',
    quoted_empty: o.quoting === 'all' || o.emptyString === 'quoted',
    eof: true,
    header: false,
    cast: {
      null: () => ({ value: o.nullText, quoted: false, quoted_empty: false }),
      undefined: () => ({ value: o.nullText, quoted: false, quoted_empty: false }),
      bigint: (v) => v.toString(),
      number: (v) => String(v),
      boolean: (v) => (v ? '1' : '0'),
      date: (d) => d.toISOString(),
      string: (v, ctx) => {
        let s = v
        if (o.dates === 'iso' && typeof ctx.index === 'number' && dateColumns[ctx.index]) {
          const m = DATE_TIME.exec(s)
          if (m) s = `${m[1]}T${m[2]}`
        }
        if (o.nullText !== '' && s === o.nullText) return { value: s, quoted: true }
        return s
      },
      object: (v) => (v instanceof Uint8Array ? hex(v) : JSON.stringify(v)),
    },
  }
}

/** The header line (with its line ending). */
export function headerLine(names: string[], o: CsvOptions): string {
  return stringify([names], { ...stringifyOptions(o), cast: { string: (v) => v } })
}

/**
 * Any driver: rows stream in batches and csv-stringify writes them. Used for
 * MySQL sources and console results, where lines cannot be built in SQLite.
 */
export async function exportGeneric(
  driver: Driver,
  sql: string,
  columns: { name: string; type?: string | null }[],
  sink: CsvSink,
  o: CsvOptions,
  ctx: JobContext,
  total: number | null,
): Promise<number> {
  const opts = stringifyOptions(
    o,
    columns.map((c) => isDateType(c.type)),
  )
  let rows = 0
  for await (const batch of driver.iterate(sql, [], 2000)) {
    await sink.write(stringify(batch, opts))
    rows += batch.length
    ctx.progress({ phase: 'writing', done: rows, total, unit: 'rows' })
    ctx.throwIfCancelled()
  }
  return rows
}
