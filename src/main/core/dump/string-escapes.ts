/** MySQL's backslash escapes: `\0 \' \" \b \n \r \t \Z \\`; `\%` and `\_` keep their backslash; others drop it. */
export function mysqlEscapeChar(c: number): string {
  switch (c) {
    case 48: // 0
      return '\0'
    case 98: // b
      return '\b'
    case 110: // n
      return '\n'
    case 114: // r
      return '\r'
    case 116: // t
      return '\t'
    case 90: // Z
      return '\x1a'
    case 37: // %
      return '\\%'
    case 95: // _
      return '\\_'
    default:
      return String.fromCharCode(c)
  }
}

export function unescapeMysql(raw: string): string {
  if (!raw.includes('\\')) return raw
  let out = ''
  let seg = 0
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 92 && i + 1 < raw.length) {
      out += raw.slice(seg, i) + mysqlEscapeChar(raw.charCodeAt(i + 1))
      i++
      seg = i + 1
    }
  }
  return out + raw.slice(seg)
}

/** PostgreSQL E'...' escapes (and COPY text format, which uses the same ones). */
export function unescapePgE(raw: string): string {
  if (!raw.includes('\\')) return raw
  let out = ''
  let i = 0
  const n = raw.length
  while (i < n) {
    const c = raw[i]!
    if (c !== '\\' || i + 1 >= n) {
      out += c
      i++
      continue
    }
    const d = raw[i + 1]!
    i += 2
    switch (d) {
      case 'n':
        out += '\n'
        break
      case 't':
        out += '\t'
        break
      case 'r':
        out += '\r'
        break
      case 'b':
        out += '\b'
        break
      case 'f':
        out += '\f'
        break
      case 'v':
        out += '\v'
        break
      case 'x': {
        const m = /^[0-9A-Fa-f]{1,2}/.exec(raw.slice(i, i + 2))
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16))
          i += m[0].length
        } else out += 'x'
        break
      }
      case 'u':
      case 'U': {
        const len = d === 'u' ? 4 : 8
        const hex = raw.slice(i, i + len)
        if (/^[0-9A-Fa-f]+$/.test(hex) && hex.length === len) {
          out += String.fromCodePoint(parseInt(hex, 16))
          i += len
        } else out += d
        break
      }
      default:
        if (d >= '0' && d <= '7') {
          const m = /^[0-7]{1,3}/.exec(raw.slice(i - 1, i + 2))!
          out += String.fromCharCode(parseInt(m[0], 8))
          i += m[0].length - 1
        } else out += d
    }
  }
  return out
}

/** Escape characters (U+DC80..U+DCFF) stand for bytes that were not UTF-8; see dump-reader.ts. */
export function hasByteEscapes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xdc80 && c <= 0xdcff) return true
  }
  return false
}

/** The exact bytes a decoded string came from: UTF-8 for characters, the byte itself for an escape. */
export function stringToBytes(s: string): Buffer {
  let plain = true
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      plain = false
      break
    }
  }
  if (plain) return Buffer.from(s, 'latin1')
  const parts: Buffer[] = []
  let seg = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xdc80 && c <= 0xdcff) {
      if (seg < i) parts.push(Buffer.from(s.slice(seg, i), 'utf8'))
      parts.push(Buffer.of(c - 0xdc00))
      seg = i + 1
    }
  }
  if (seg < s.length) parts.push(Buffer.from(s.slice(seg), 'utf8'))
  return Buffer.concat(parts)
}

/** A text value with byte escapes: valid UTF-8 once the bytes are put back, otherwise read as Latin-1. */
export function repairText(s: string): { text: string; latin1: boolean } {
  const bytes = stringToBytes(s)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), latin1: false }
  } catch {
    return { text: bytes.toString('latin1'), latin1: true }
  }
}

export function hexToBytes(hex: string): Buffer {
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex')
}
