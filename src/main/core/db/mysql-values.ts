import type { FieldPacket, TypeCast } from 'mysql2'
import type { ResultColumn, SqlValue } from './driver'

/**
 * How MySQL values become `SqlValue`s. The text protocol gives every value as
 * text, so nothing is rounded: BIGINT stays a number while it fits a double
 * and becomes a bigint beyond 2^53; DECIMAL stays a string; dates stay the
 * server's `YYYY-MM-DD HH:MM:SS[.ffffff]` text (dateStrings); JSON is text,
 * not a parsed object; binary strings and geometry are bytes.
 */
export const castValue: TypeCast = (field, next) => {
  switch (field.type) {
    case 'LONGLONG': {
      const s = field.string()
      if (s === null) return null
      const n = Number(s)
      return Number.isSafeInteger(n) ? n : BigInt(s)
    }
    case 'DECIMAL':
    case 'NEWDECIMAL':
    case 'JSON':
      return field.string('utf8')
    case 'GEOMETRY':
    case 'BIT':
      return toBytes(field.buffer())
    default: {
      const v = next()
      return v instanceof Buffer ? toBytes(v) : v
    }
  }
}

function toBytes(b: Buffer | null): Uint8Array | null {
  return b === null ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

/**
 * Values as mysql2 escapes them into the text: bytes as a Buffer (a binary
 * literal); a fractional number as a DOUBLE literal (`0.25e0`), since a bare
 * `0.25` is DECIMAL in MySQL and would come back as text. A JS number is a
 * double, as SQLite binds it.
 */
export function toMysqlParams(params: SqlValue[]): unknown[] {
  return params.map((p) => {
    if (p instanceof Uint8Array && !(p instanceof Buffer)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength)
    if (typeof p === 'number' && Number.isFinite(p) && !Number.isInteger(p)) {
      const text = String(p)
      return { toSqlString: () => (/e/i.test(text) ? text : `${text}e0`) }
    }
    return p
  })
}

/** Column type names by mysql2's numeric type code. */
const TYPE_NAMES: Record<number, string> = {
  0: 'DECIMAL',
  1: 'TINYINT',
  2: 'SMALLINT',
  3: 'INT',
  4: 'FLOAT',
  5: 'DOUBLE',
  6: 'NULL',
  7: 'TIMESTAMP',
  8: 'BIGINT',
  9: 'MEDIUMINT',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  14: 'DATE',
  15: 'VARCHAR',
  16: 'BIT',
  245: 'JSON',
  246: 'DECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TINYBLOB',
  250: 'MEDIUMBLOB',
  251: 'LONGBLOB',
  252: 'BLOB',
  253: 'VARCHAR',
  254: 'CHAR',
  255: 'GEOMETRY',
}

const BINARY_CHARSET = 63

export function resultColumns(fields: FieldPacket[]): ResultColumn[] {
  return fields.map((f) => {
    const code = f.columnType ?? f.type
    let type = code === undefined ? undefined : TYPE_NAMES[code]
    // Text columns travel as BLOB/VARCHAR with a text charset; name them as users declared them.
    const charset = f.characterSet ?? f.charsetNr
    if (type && charset !== undefined && charset !== BINARY_CHARSET) {
      if (type.endsWith('BLOB')) type = type.replace('BLOB', 'TEXT')
    } else if (type && charset === BINARY_CHARSET && (type === 'VARCHAR' || type === 'CHAR')) {
      type = type === 'VARCHAR' ? 'VARBINARY' : 'BINARY'
    }
    return type ? { name: f.name, type } : { name: f.name }
  })
}
