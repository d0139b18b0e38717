import { describe, expect, it } from 'vitest'
import { scanValues, valueAt, type SqlValue } from './value-scanner'

/** Scans `values` and reads every value back as bound to columns of the given number kinds. */
function read(values: string, kinds: number[], dialect: 'mysql' | 'postgres' | 'sqlite' = 'mysql'): SqlValue[][] {
  const r = scanValues(values, 0, dialect)
  if (!r.ok) throw new Error(`${r.reason} at ${r.at}`)
  const sv = r.values
  const rows: SqlValue[][] = []
  for (let v = 0; v < sv.count; v += sv.width) rows.push(kinds.map((k, c) => valueAt(sv, values, v + c, k)))
  return rows
}

describe('scanning VALUES lists', () => {
  it('parses numbers exactly as Number() does, and keeps them as written for text columns', () => {
    const lits = ['0', '-0', '7', '007', '-12', '82.13', '0.1', '.5', '-.25', '1.', '123456789012345', '99999.999999999', '-0.000000000001', '1e3', '+5', '2.5E-3']
    const text = `(${lits.join(',')})`
    const [numeric] = read(text, lits.map(() => 2))
    expect(numeric).toEqual(lits.map((s) => Number(s)))
    expect(Object.is(numeric![1], -0)).toBe(true)
    const [asText] = read(text, lits.map(() => 0))
    expect(asText).toEqual(lits)
  })

  it('agrees with Number() on many random decimals', () => {
    let seed = 7
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const lits = Array.from({ length: 5000 }, () => {
      const int = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 9)))
      const frac = String(Math.floor(rnd() * 10 ** 6)).padStart(Math.floor(rnd() * 6) + 1, '0').slice(0, 14 - int.length)
      return `${rnd() < 0.3 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`
    })
    const [row] = read(`(${lits.join(',')})`, lits.map(() => 2))
    // Past 15 characters a number may not be exact as a double: it goes to SQLite as text (numberForNumeric).
    expect(row).toEqual(lits.map((s) => (s.length <= 15 ? Number(s) : s)))
    expect(lits.filter((s) => s.length <= 15).length).toBeGreaterThan(4000)
  })

  it('keeps long numbers exact: BigInt or text in typeless columns, text past 64 bits', () => {
    const [row] = read('(12345678901234567, 18446744073709551615, 1234567890.123456789)', [1, 1, 2])
    expect(row).toEqual([12345678901234567n, '18446744073709551615', '1234567890.123456789'])
  })

  it('reads strings, escapes, NULL, booleans, bit, hex and binary literals', () => {
    const [row] = read(
      String.raw`('plain', 'it''s', 'a\'b\\c\nd', "dq", NULL, null, TRUE, false, b'101', X'00ff', 0x0A0B, _binary 'ab', _utf8mb4 'ü', N'n')`,
      Array(14).fill(0),
    )
    // A bit literal goes to a text column as its decimal text, as the number literal 5 would.
    expect(row).toEqual(['plain', "it's", "a'b\\c\nd", 'dq', null, null, 1, 0, '5', Buffer.from([0, 255]), Buffer.from([10, 11]), Buffer.from('ab'), 'ü', 'n'])
    expect(read("(b'101', b'101')", [2, 1])[0]).toEqual([5, 5])
  })

  it('keeps every value when the arrays grow during a long list', () => {
    const rows = read(Array.from({ length: 3000 }, (_, k) => `(TRUE, 'it\\'s ${k}', 1e3, ${k}, b'11')`).join(','), [2, 0, 2, 2, 2])
    expect(rows).toHaveLength(3000)
    expect(rows.every((r, k) => r[0] === 1 && r[1] === `it's ${k}` && r[2] === 1000 && r[3] === k && r[4] === 3)).toBe(true)
  })

  it('follows PostgreSQL quoting: no backslash escapes outside E strings, casts kept as written', () => {
    const [row] = read(String.raw`('a\b', E'tab\there', '2024-01-01'::date, 5::integer)`, [0, 0, 0, 2], 'postgres')
    expect(row).toEqual(['a\\b', 'tab\there', '2024-01-01', 5])
  })

  it('reports rows of another width and refuses expressions', () => {
    const r = scanValues('(1,2),(3),(4,5)', 0, 'mysql')
    expect(r.ok && [r.values.width, r.values.mixedWidth]).toEqual([2, 1])
    const bad = scanValues("(1, NOW()), (2, 'x')", 0, 'mysql')
    expect(bad).toMatchObject({ ok: false, reason: 'not a literal value' })
    expect(scanValues("(1, 'open", 0, 'mysql')).toMatchObject({ ok: false, reason: 'unterminated string' })
  })
})
