/** Bytes shown as hex lines; the rest is summarised (a DOM of megabytes of hex helps nobody). */
export const HEX_SHOWN = 64 * 1024

/** Classic hex dump: offset, 16 bytes, their printable ASCII. */
export function hexDump(hex: string, limit = HEX_SHOWN): string {
  const bytes = Math.min(hex.length / 2, limit)
  const lines: string[] = []
  for (let off = 0; off < bytes; off += 16) {
    const n = Math.min(16, bytes - off)
    const hexPart: string[] = []
    let ascii = ''
    for (let i = 0; i < n; i++) {
      const h = hex.slice((off + i) * 2, (off + i) * 2 + 2)
      hexPart.push(h)
      const b = parseInt(h, 16)
      ascii += b >= 32 && b < 127 ? String.fromCharCode(b) : '.'
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hexPart.join(' ').padEnd(47)}  ${ascii}`)
  }
  return lines.join('\n')
}
