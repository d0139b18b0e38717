import { describe, expect, it } from 'vitest'
import type { Cell } from '../../../../shared/cells'
import { formatCell, formatRows } from './copy-format'
import { draftToFilter } from './FilterCell'
import { hexDump } from './hex-dump'

const rows: Cell[][] = [
  [1, 'a, "quoted"\nline', null],
  [{ $int: '9007199254740993' }, '', { $blob: { size: 2, hex: '00ff', truncated: false } }],
]

describe('copying rows', () => {
  it('writes CSV with quoting, NULL as an empty field and the empty string quoted', () => {
    expect(formatRows(['id', 'text', 'data'], rows, 'csv')).toBe('id,text,data\r\n1,"a, ""quoted""\nline",\r\n9007199254740993,"",<blob 2 bytes>')
  })

  it('writes TSV a spreadsheet pastes as one row per line', () => {
    expect(formatRows(['id', 'text', 'data'], rows, 'tsv').split('\n')).toEqual(['id\ttext\tdata', '1\ta, "quoted" line\t', '9007199254740993\t\t<blob 2 bytes>'])
  })

  it('writes JSON keeping NULL, numbers, exact 64-bit integers and blobs as hex', () => {
    expect(JSON.parse(formatRows(['id', 'text', 'data'], rows, 'json'))).toEqual([
      { id: 1, text: 'a, "quoted"\nline', data: null },
      { id: '9007199254740993', text: '', data: { hex: '00ff', size: 2, truncated: false } },
    ])
    expect(formatCell(null, 'json')).toBe('null')
  })
})

describe('filters from what was typed', () => {
  it('compares numbers as numbers on numeric columns and text elsewhere', () => {
    expect(draftToFilter('Milliseconds', 'INTEGER', { op: 'range', value: '1000', max: '' })).toEqual({ op: 'range', column: 'Milliseconds', min: 1000 })
    expect(draftToFilter('Name', 'NVARCHAR(200)', { op: 'eq', value: '42', max: '' })).toEqual({ op: 'eq', column: 'Name', value: '42' })
    expect(draftToFilter('id', 'INTEGER', { op: 'eq', value: '9007199254740993', max: '' })).toEqual({ op: 'eq', column: 'id', value: { $int: '9007199254740993' } })
    expect(draftToFilter('Composer', 'TEXT', { op: 'contains', value: '', max: '' })).toBeNull()
    expect(draftToFilter('Composer', 'TEXT', { op: 'isNull', value: 'ignored', max: '' })).toEqual({ op: 'isNull', column: 'Composer' })
  })
})

describe('hex dump', () => {
  it('shows offset, bytes and printable ASCII', () => {
    expect(hexDump('00010203414243ff')).toBe(`00000000  ${'00 01 02 03 41 42 43 ff'.padEnd(47)}  ....ABC.`)
  })
})
