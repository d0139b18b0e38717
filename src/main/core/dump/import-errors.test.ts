import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { createJobContext } from '../jobs/job-context'
import { importToSqlite } from './import-to-sqlite'
import { importFile, readAll, TEST_DUMPS, tempDir } from './test-helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

let n = 0
function dumpFile(content: string | Buffer, ext = '.sql'): { path: string; out: string } {
  n++
  const path = join(tmp.dir, `case${n}${ext}`)
  writeFileSync(path, content)
  return { path, out: join(tmp.dir, `case${n}.sqlite`) }
}

/** No temporary file anywhere, and no output for the failed import. */
function leftovers(out?: string): string[] {
  return readdirSync(tmp.dir).filter((f) => f.includes('.partial-') || (out !== undefined && join(tmp.dir, f) === out))
}

describe('bad input gives a clear error naming the file and line, and leaves no output file', () => {
  it('a dump cut off in the middle of an INSERT', async () => {
    const full = readFileSync(join(TEST_DUMPS, 'mariadb-hex-blob.sql'), 'utf8')
    const cut = full.indexOf("INSERT INTO `values`") + 300
    const { path } = dumpFile(full.slice(0, cut))
    const line = full.slice(0, full.indexOf('INSERT INTO `values`')).split('\n').length
    await expect(importFile(path, join(tmp.dir, 'truncated.sqlite'))).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringContaining(`line ${line}`), details: { file: path, line } })
    expect(leftovers()).toEqual([])
  })

  it('a binary file renamed .sql', async () => {
    const bytes = Buffer.alloc(4096)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256
    const { path, out } = dumpFile(bytes)
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringMatching(/not a SQL text file.*line 1/), details: { file: path, line: 1 } })
    expect(leftovers(out)).toEqual([])
  })

  it('an unterminated string', async () => {
    const { path, out } = dumpFile("CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('fine');\nINSERT INTO t VALUES ('never closed);\n")
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringMatching(/Unterminated string.*line 3/), details: { file: path, line: 3 } })
    expect(leftovers(out)).toEqual([])
  })

  it('an unterminated comment', async () => {
    const { path, out } = dumpFile('CREATE TABLE t (a INT);\n\n/* opened here\nINSERT INTO t VALUES (1);\n')
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringMatching(/Unterminated comment.*line 3/), details: { file: path, line: 3 } })
    expect(leftovers(out)).toEqual([])
  })

  it('an empty file', async () => {
    const { path, out } = dumpFile('')
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringMatching(/empty.*line 1|line 1.*empty/), details: { file: path, line: 1 } })
    expect(leftovers(out)).toEqual([])
  })

  it('a file of comments only', async () => {
    const { path, out } = dumpFile('-- nothing here\n/* nor here */\n')
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', details: { file: path } })
    expect(leftovers(out)).toEqual([])
  })

  it('a truncated .sql.gz', async () => {
    const gz = gzipSync(readFileSync(join(TEST_DUMPS, 'mariadb-default.sql')))
    const { path, out } = dumpFile(gz.subarray(0, gz.length / 2), '.sql.gz')
    await expect(importFile(path, out)).rejects.toMatchObject({ code: 'PARSE_ERROR', details: { file: path } })
    expect(leftovers(out)).toEqual([])
  })

  it('--strict stops at the first failing statement with its line; by default it is reported and the import goes on', async () => {
    const sql = 'CREATE TABLE t (a INT PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n'
    const a = dumpFile(sql)
    await expect(importFile(a.path, a.out, { strict: true })).rejects.toMatchObject({ code: 'SQL_ERROR', details: { file: a.path, line: 3 } })
    expect(leftovers(a.out)).toEqual([])
    const b = dumpFile(sql)
    const { report } = await importFile(b.path, b.out)
    expect(report.issues).toEqual([{ kind: 'failed', line: 3, statement: 'INSERT INTO t VALUES (1)', reason: expect.stringContaining('UNIQUE') }])
    expect(readAll(b.out, 'SELECT a FROM t ORDER BY a')).toEqual([[1n], [2n]])
  })

  it('cancelling mid-import leaves no file', async () => {
    const rows = Array.from({ length: 40_000 }, (_v, i) => `(${i},'${'x'.repeat(60)}')`)
    const stmts: string[] = ['CREATE TABLE big (id INT, v TEXT);']
    for (let i = 0; i < rows.length; i += 1000) stmts.push(`INSERT INTO big VALUES ${rows.slice(i, i + 1000).join(',')};`)
    const { path, out } = dumpFile(stmts.join('\n'))
    const cancel = new Int32Array(1)
    let progressed = 0
    const ctx = createJobContext(
      (u) => {
        if (u.phase === 'loading' && ++progressed === 1) Atomics.store(cancel, 0, 1)
      },
      cancel,
      0,
    )
    await expect(importToSqlite({ path, output: out, dialect: 'auto', strict: false }, ctx)).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(progressed).toBeGreaterThan(0)
    expect(leftovers(out)).toEqual([])
  })
})

describe('encodings and containers', () => {
  it('UTF-8 with a BOM and CRLF line ends', async () => {
    const { path, out } = dumpFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("CREATE TABLE t (a TEXT);\r\nINSERT INTO t VALUES ('Zoë 😀');\r\n")]))
    const { report } = await importFile(path, out)
    expect(report.encoding).toBe('utf-8')
    expect(readAll(out, 'SELECT a FROM t')).toEqual([['Zoë 😀']])
  })

  it('a Latin-1 file: read as Latin-1 with a warning', async () => {
    const { path, out } = dumpFile(Buffer.concat([Buffer.from("CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('caf"), Buffer.from([0xe9]), Buffer.from("'), ('na"), Buffer.from([0xef]), Buffer.from("ve');\n")]))
    const { report } = await importFile(path, out)
    expect(readAll(out, 'SELECT a FROM t')).toEqual([['café'], ['naïve']])
    expect(report.encoding).toBe('utf-8 with Latin-1 fallback')
    expect(report.warnings.join('\n')).toMatch(/Latin-1/)
  })

  it('a .sql.gz dump loads like the plain one', async () => {
    const { path, out } = dumpFile(gzipSync(readFileSync(join(TEST_DUMPS, 'postgres-copy.sql'))), '.sql.gz')
    const { report } = await importFile(path, out)
    expect(report.gzip).toBe(true)
    expect(report.tables.map((t) => [t.name, t.rows]).sort()).toEqual([['group', 4], ['membership', 5], ['values', 7]])
  })
})
