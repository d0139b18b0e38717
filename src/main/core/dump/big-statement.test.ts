import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importFile, readAll, tempDir } from './test-helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

describe('a single large statement', () => {
  it('one 50 MB extended INSERT loads (values with escapes split across read chunks)', async () => {
    const path = join(tmp.dir, 'one-statement.sql')
    const ws = createWriteStream(path)
    ws.write('CREATE TABLE `t` (`id` int NOT NULL, `a` varchar(200), `b` double, PRIMARY KEY (`id`));\nINSERT INTO `t` VALUES ')
    const rows = 420_000
    let bytes = 0
    for (let i = 1; i <= rows; i++) {
      const s = `${i > 1 ? ',' : ''}(${i},'row ${i} it\\'s a \\\\ \\n ${'z'.repeat(80)}',${i / 4})`
      bytes += s.length
      if (!ws.write(s)) await once(ws, 'drain')
    }
    ws.end(';\n')
    await once(ws, 'finish')
    expect(bytes).toBeGreaterThan(50_000_000)
    const out = join(tmp.dir, 'one.sqlite')
    const { report } = await importFile(path, out)
    expect(report.issues).toEqual([])
    expect(report.rowsLoaded).toBe(rows)
    expect(readAll(out, 'SELECT count(*), sum(b) FROM t')).toEqual([[BigInt(rows), (rows * (rows + 1)) / 8]])
    expect(readAll(out, 'SELECT a FROM t WHERE id = 7')).toEqual([[`row 7 it's a \\ \n ${'z'.repeat(80)}`]])
  })
})
