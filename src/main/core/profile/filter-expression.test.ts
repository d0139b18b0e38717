import { describe, expect, it } from 'vitest'
import type { AnalysisDialect } from './analysis-dialect'
import type { AnalysisSource } from './analysis-source'
import { compileFilterExpression } from './filter-expression'

const d = { q: (n: string) => `"${n.replace(/"/g, '""')}"` } as AnalysisDialect
const source: AnalysisSource = {
  from: 't',
  label: 't',
  columns: ['Age', 'Gender', 'Report Date', 'x"y'].map((name) => ({ name, declaredType: '', pk: false })),
}
const compile = (text: string) => compileFilterExpression(d, source, text, 'spec.filters.0.expr')

describe('typed filter expressions', () => {
  it('rebuilds a condition with quoted columns and literals as parameters', () => {
    expect(compile("age >= 40 AND Gender = 'F' OR \"Report Date\" IS NOT NULL")).toEqual({
      sql: '"Age" >= ? AND "Gender" = ? OR "Report Date" IS NOT NULL',
      params: [40, 'F'],
    })
    expect(compile("lower(gender) in ('f', 'female') and age between 18 and 29.5 and `x\"y` != 'it''s'")).toEqual({
      sql: 'LOWER ( "Gender" ) IN ( ? , ? ) AND "Age" BETWEEN ? AND ? AND "x""y" <> ?',
      params: ['f', 'female', 18, 29.5, "it's"],
    })
  })

  it('never lets SQL through', () => {
    const refused = [
      "Gender = 'F'; DROP TABLE t",
      'Age > (SELECT max(Age) FROM t)',
      'sqlite_version() > 0',
      'Unknown = 1',
      "Gender = 'F",
      '(Age > 1',
      'Age > 1)',
      'Age > 1 /* x */',
    ]
    for (const text of refused) expect(() => compile(text), text).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }))
    // A would-be comment is only two minus signs between spaces.
    expect(compile('Age > 1 -- 2')).toEqual({ sql: '"Age" > ? - - ?', params: [1, 2] })
  })
})
