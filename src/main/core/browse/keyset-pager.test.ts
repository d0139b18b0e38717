import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowsePage, ColumnFilter, PageCursor, SortSpec } from '../../../shared/calls/browse'
import type { Cell } from '../../../shared/cells'
import type { Driver, QueryResult, SqlValue } from '../db/driver'
import { SqliteDriver } from '../db/sqlite-driver'
import { type PageRequest, readPage } from './keyset-pager'
import { tableOrThrow } from './schema-cache'
import { readCellValue } from './cell-value'

let dir: string
let driver: SqliteDriver

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  driver = new SqliteDriver(join(dir, 'pager.db'), { writable: true, create: true })
  driver.db.exec(`
    CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER, name TEXT, score REAL, data BLOB);
    CREATE INDEX items_grp ON items(grp);
    CREATE TABLE pairs (a TEXT NOT NULL, b INTEGER NOT NULL, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
    CREATE TABLE gaps (id INTEGER PRIMARY KEY, v INTEGER);
    CREATE TABLE shadow (rowid TEXT, v INTEGER);
    CREATE VIEW big_items AS SELECT id, grp, name FROM items WHERE grp >= 3;
  `)
  const ins = driver.db.prepare('INSERT INTO items (id, grp, name, score, data) VALUES (?, ?, ?, ?, ?)')
  for (let i = 1; i <= 237; i++) {
    // Ties in grp, every 9th grp NULL, a literal % in some names.
    ins.run(i, i % 9 === 0 ? null : i % 7, i % 11 === 0 ? `50% off ${i}` : `item ${i}`, i % 5 === 0 ? null : i / 3, Buffer.from([i & 255, 1, 2]))
  }
  const insP = driver.db.prepare('INSERT INTO pairs VALUES (?, ?, ?)')
  for (let i = 0; i < 60; i++) insP.run(`k${i % 6}`, i, i % 4 === 0 ? null : `v${i % 5}`)
  const insG = driver.db.prepare('INSERT INTO gaps VALUES (?, ?)')
  for (let i = 0; i < 100; i++) insG.run(i * 10 + 5, i)
  const insS = driver.db.prepare('INSERT INTO shadow VALUES (?, ?)')
  for (let i = 0; i < 30; i++) insS.run(`r${i}`, i)
})

afterAll(async () => {
  await driver.close()
  rmSync(dir, { recursive: true, force: true })
})

function req(over: Partial<PageRequest> = {}): PageRequest {
  return { filters: [], direction: 'forward', limit: 7, ...over }
}

async function page(table: string, over: Partial<PageRequest> = {}): Promise<BrowsePage> {
  return readPage(driver, await tableOrThrow(driver, table), req(over))
}

/** Every row walking forward page by page, by the first column. */
async function walkForward(table: string, sort?: SortSpec, filters: ColumnFilter[] = []): Promise<Cell[]> {
  const out: Cell[] = []
  let cursor: PageCursor | undefined
  for (let guard = 0; guard < 1000; guard++) {
    const p = await page(table, { sort, filters, ...(cursor ? { cursor } : {}) })
    out.push(...p.rows.map((r) => r[0]!))
    if (p.atEnd) return out
    expect(p.nextCursor).not.toBeNull()
    cursor = p.nextCursor!
  }
  throw new Error('no end')
}

async function walkBackward(table: string, sort?: SortSpec, filters: ColumnFilter[] = []): Promise<Cell[]> {
  const out: Cell[][] = []
  let cursor: PageCursor | undefined
  for (let guard = 0; guard < 1000; guard++) {
    const p = await page(table, { sort, filters, direction: 'backward', ...(cursor ? { cursor } : {}) })
    out.unshift(p.rows.map((r) => r[0]!))
    if (p.atStart) return out.flat()
    cursor = p.prevCursor!
  }
  throw new Error('no start')
}

function ids(sql: string, params: SqlValue[] = []): Cell[] {
  return driver.querySync(sql, params).rows.map((r) => r[0] as number)
}

describe('keyset pager on SQLite', () => {
  it('pages a rowid table forward and backward in key order', async () => {
    const all = ids('SELECT id FROM items ORDER BY id')
    expect(await walkForward('items')).toEqual(all)
    expect(await walkBackward('items')).toEqual(all)
    const first = await page('items')
    expect(first.mode).toBe('keyset')
    expect(first.keyColumns).toEqual(['id'])
    expect(first.atStart).toBe(true)
    expect(first.firstRow).toBe(0)
  })

  it('sorts both ways with ties broken by the key and NULLs first ascending, last descending', async () => {
    const asc = ids('SELECT id FROM items ORDER BY grp ASC, id ASC')
    const desc = ids('SELECT id FROM items ORDER BY grp DESC, id DESC')
    expect(asc[0]).toBe(9) // a NULL grp comes first
    expect(desc[desc.length - 1]).toBe(9) // and last descending
    expect(await walkForward('items', { column: 'grp', dir: 'asc' })).toEqual(asc)
    expect(await walkForward('items', { column: 'grp', dir: 'desc' })).toEqual(desc)
    expect(await walkBackward('items', { column: 'grp', dir: 'asc' })).toEqual(asc)
    expect(await walkBackward('items', { column: 'grp', dir: 'desc' })).toEqual(desc)
    // Unindexed, nullable REAL column too.
    expect(await walkForward('items', { column: 'score', dir: 'desc' })).toEqual(ids('SELECT id FROM items ORDER BY score DESC, id DESC'))
  })

  it('paging forward then backward returns the same rows', async () => {
    const sort: SortSpec = { column: 'grp', dir: 'asc' }
    const p1 = await page('items', { sort })
    const p2 = await page('items', { sort, cursor: p1.nextCursor! })
    const p3 = await page('items', { sort, cursor: p2.nextCursor! })
    const back2 = await page('items', { sort, cursor: p3.prevCursor!, direction: 'backward' })
    const back1 = await page('items', { sort, cursor: back2.prevCursor!, direction: 'backward' })
    expect(back2.rows).toEqual(p2.rows)
    expect(back1.rows).toEqual(p1.rows)
    expect(back1.atStart).toBe(true)
    expect(p2.atStart).toBe(false)
  })

  it('applies every filter type as parameters', async () => {
    const cases: [ColumnFilter[], string][] = [
      [[{ op: 'eq', column: 'grp', value: 3 }], 'grp = 3'],
      [[{ op: 'eq', column: 'grp', value: null }], 'grp IS NULL'],
      [[{ op: 'contains', column: 'name', value: '0% o' }], "name LIKE '%0!% o%' ESCAPE '!'"],
      [[{ op: 'contains', column: 'name', value: "'; DROP TABLE items; --" }], '0'],
      [[{ op: 'range', column: 'score', min: 10, max: 40 }], 'score BETWEEN 10 AND 40'],
      [[{ op: 'range', column: 'id', min: 200 }], 'id >= 200'],
      [[{ op: 'isNull', column: 'score' }], 'score IS NULL'],
      [[{ op: 'notNull', column: 'score' }, { op: 'range', column: 'grp', max: 2 }], 'score IS NOT NULL AND grp <= 2'],
    ]
    for (const [filters, where] of cases) {
      const expected = ids(`SELECT id FROM items WHERE ${where} ORDER BY grp DESC, id DESC`)
      expect(await walkForward('items', { column: 'grp', dir: 'desc' }, filters), where).toEqual(expected)
    }
    expect(ids('SELECT count(*) FROM items')).toEqual([237])
  })

  it('pages a WITHOUT ROWID table by its composite primary key, also sorted', async () => {
    const first = await page('pairs')
    expect(first.keyColumns).toEqual(['a', 'b'])
    const key = (await walkForward('pairs')).map(String)
    expect(key).toEqual(driver.querySync('SELECT a FROM pairs ORDER BY a, b').rows.map((r) => String(r[0])))
    const all = async (dir: 'asc' | 'desc'): Promise<string[]> => {
      const out: string[] = []
      let cursor: PageCursor | undefined
      for (;;) {
        const p = await page('pairs', { sort: { column: 'v', dir }, ...(cursor ? { cursor } : {}) })
        out.push(...p.rows.map((r) => `${String(r[0])}/${String(r[1])}`))
        if (p.atEnd) return out
        cursor = p.nextCursor!
      }
    }
    const d = (dir2: string): string[] => driver.querySync(`SELECT a || '/' || b FROM pairs ORDER BY v ${dir2}, a ${dir2}, b ${dir2}`).rows.map((r) => String(r[0]))
    expect(await all('asc')).toEqual(d('ASC'))
    expect(await all('desc')).toEqual(d('DESC'))
  })

  it('falls back to OFFSET for views, forward and backward', async () => {
    const expected = ids('SELECT id FROM big_items')
    const first = await page('big_items')
    expect(first.mode).toBe('offset')
    expect(first.rowKeys).toBeNull()
    expect(await walkForward('big_items')).toEqual(expected)
    expect(await walkBackward('big_items')).toEqual(expected)
    const sorted = await walkForward('big_items', { column: 'name', dir: 'desc' })
    expect(sorted).toEqual(ids('SELECT id FROM big_items ORDER BY name DESC'))
  })

  it('uses _rowid_ when a column is named rowid', async () => {
    const p = await page('shadow', { limit: 100 })
    expect(p.keyColumns).toEqual(['_rowid_'])
    expect(p.rows.map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => `r${i}`))
  })

  it('jumps to row N: exact on a dense key, near it with gaps, exact with filters', async () => {
    const dense = await page('items', { cursor: { kind: 'row', row: 100, total: 237 } })
    expect(dense.rows[0]![0]).toBe(101)
    expect(dense.firstRow).toBe(100)
    expect(dense.approximate).toBe(false)
    const gappy = await page('gaps', { cursor: { kind: 'row', row: 50, total: 100 } })
    expect(gappy.approximate).toBe(true)
    expect(Math.abs((gappy.rows[0]![1] as number) - 50)).toBeLessThanOrEqual(2)
    const filters: ColumnFilter[] = [{ op: 'eq', column: 'grp', value: 2 }]
    const filtered = await page('items', { filters, sort: { column: 'name', dir: 'asc' }, cursor: { kind: 'row', row: 5 } })
    expect(filtered.rows[0]![0]).toBe(ids('SELECT id FROM items WHERE grp = 2 ORDER BY name, id')[5])
    expect(filtered.firstRow).toBe(5)
    const sorted = await page('items', { sort: { column: 'score', dir: 'asc' }, cursor: { kind: 'row', row: 150, total: 237 } })
    expect(sorted.approximate).toBe(true)
    const pos = ids('SELECT id FROM items ORDER BY score, id').indexOf(sorted.rows[0]![0]!)
    expect(Math.abs(pos - 150)).toBeLessThan(10)
    const past = await page('items', { cursor: { kind: 'row', row: 5000, total: 237 } })
    expect(past.atEnd).toBe(true)
    expect(past.rows[past.rows.length - 1]![0]).toBe(237)
  })

  it('jumps to the last page directly', async () => {
    const last = await page('items', { direction: 'backward' })
    expect(last.rows.map((r) => r[0])).toEqual([231, 232, 233, 234, 235, 236, 237])
    expect(last.atEnd).toBe(true)
    expect(last.atStart).toBe(false)
    expect(last.nextCursor).toBeNull()
  })

  it('clips long text and previews blobs; the cell viewer reads the full value', async () => {
    driver.db.prepare('INSERT INTO items (id, grp, name, data) VALUES (1000, 1, ?, ?)').run('x'.repeat(10_000), Buffer.alloc(200, 0xab))
    driver.db.prepare('INSERT INTO items (id, grp, name) VALUES (1001, 1, ?)').run('{"a": [1, 2]}')
    const p = await page('items', { cursor: { kind: 'key', values: [999] } })
    expect(p.clipped).toEqual([[0, 2]])
    expect((p.rows[0]![2] as string).length).toBe(4096)
    expect(p.rows[0]![4]).toEqual({ $blob: { size: 200, hex: 'ab'.repeat(64), truncated: true } })
    const t = await tableOrThrow(driver, 'items')
    const text = await readCellValue(driver, t, 'name', { key: [1000] }, 1024 * 1024)
    expect(text).toMatchObject({ kind: 'text', size: 10_000, truncated: false })
    expect(text.text!.length).toBe(10_000)
    const cut = await readCellValue(driver, t, 'data', { key: [1000] }, 100)
    expect(cut).toMatchObject({ kind: 'blob', size: 200, truncated: true, hex: 'ab'.repeat(100) })
    expect(await readCellValue(driver, t, 'name', { key: [1001] }, 1000)).toMatchObject({ kind: 'text', json: true })
    expect(await readCellValue(driver, t, 'score', { key: [1001] }, 1000)).toMatchObject({ kind: 'null' })
    expect(await readCellValue(driver, t, 'id', { key: [1001] }, 1000)).toMatchObject({ kind: 'integer', text: '1001' })
    driver.db.exec('DELETE FROM items WHERE id >= 1000')
  })
})

/** A driver that records SQL and returns nothing, with MySQL's dialect. */
class RecordingMysql implements Driver {
  readonly kind = 'mysql' as const
  readonly name = 'fake'
  readonly readonly = true
  readonly dialect = { quoteId: (n: string) => `\`${n}\``, param: () => '?', reusableParams: false, rowValueSeek: false }
  readonly log: { sql: string; params: SqlValue[] }[] = []
  query(sql: string, params: SqlValue[] = []): Promise<QueryResult> {
    this.log.push({ sql, params })
    return Promise.resolve({ columns: [{ name: 'id' }, { name: 'grp' }], rows: [] })
  }
  exec(): Promise<void> {
    return Promise.resolve()
  }
  async *iterate(): AsyncIterable<SqlValue[][]> {}
  introspect(): never {
    throw new Error('unused')
  }
  countRows(): Promise<number> {
    return Promise.resolve(0)
  }
  explain(): never {
    throw new Error('unused')
  }
  close(): Promise<void> {
    return Promise.resolve()
  }
}

describe('keyset SQL for MySQL/MariaDB', () => {
  it('writes the OR-expanded seek with positional parameters', async () => {
    const fake = new RecordingMysql()
    const table = {
      name: 't',
      kind: 'table' as const,
      columns: [
        { name: 'id', type: 'int', nullable: false, defaultValue: null, pk: 1 },
        { name: 'grp', type: 'int', nullable: false, defaultValue: null, pk: 0 },
      ],
      primaryKey: ['id'],
      foreignKeys: [],
      indexes: [],
      rowCount: null,
      rowCountExact: false,
    }
    await readPage(fake, table, req({ sort: { column: 'grp', dir: 'asc' }, cursor: { kind: 'key', values: [5, 42] } }))
    const main = fake.log.find((l) => l.sql.includes('ORDER BY `grp` ASC'))!
    expect(main.sql).toContain('(`grp` > ? OR (`grp` = ? AND `id` > ?))')
    expect(main.sql).not.toMatch(/\(`grp`, `id`\)/)
    expect(main.params).toEqual([5, 5, 42])
    expect(main.sql).toMatch(/LIMIT 8$/)
  })
})
