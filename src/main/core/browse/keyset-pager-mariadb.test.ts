import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageCursor, SortSpec } from '../../../shared/calls/browse'
import type { Cell } from '../../../shared/cells'
import { MysqlDriver } from '../db/mysql-driver'
import { MARIADB, createTestDatabase, mariadbAvailable } from '../testing/mariadb'
import { type PageRequest, readPage } from './keyset-pager'
import { invalidateSchema, tableOrThrow } from './schema-cache'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('keyset pager on MariaDB', () => {
  let db: { database: string; drop(): Promise<void> }
  let driver: MysqlDriver

  beforeAll(async () => {
    db = await createTestDatabase('browse')
    driver = await MysqlDriver.connect({ kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 })
    await driver.exec(`CREATE TABLE items (id INT PRIMARY KEY, grp INT NULL, name VARCHAR(50), KEY items_grp (grp))`)
    await driver.exec(`CREATE TABLE pairs (a VARCHAR(10) NOT NULL, b INT NOT NULL, v VARCHAR(10) NULL, PRIMARY KEY (a, b))`)
    await driver.exec(`CREATE VIEW big_items AS SELECT id, grp, name FROM items WHERE grp >= 3`)
    const rows: string[] = []
    for (let i = 1; i <= 237; i++) rows.push(`(${i}, ${i % 9 === 0 ? 'NULL' : i % 7}, '${i % 11 === 0 ? `50% off ${i}` : `item ${i}`}')`)
    await driver.exec(`INSERT INTO items VALUES ${rows.join(',')}`)
    const pairs: string[] = []
    for (let i = 0; i < 60; i++) pairs.push(`('k${i % 6}', ${i}, ${i % 4 === 0 ? 'NULL' : `'v${i % 5}'`})`)
    await driver.exec(`INSERT INTO pairs VALUES ${pairs.join(',')}`)
    invalidateSchema(driver)
  })
  afterAll(async () => {
    await driver?.close()
    await db?.drop()
  })

  const req = (over: Partial<PageRequest>): PageRequest => ({ filters: [], direction: 'forward', limit: 7, ...over })

  async function walk(table: string, over: Partial<PageRequest>, backward = false): Promise<Cell[]> {
    const t = await tableOrThrow(driver, table)
    const pages: Cell[][] = []
    let cursor: PageCursor | undefined
    for (let guard = 0; guard < 500; guard++) {
      const p = await readPage(driver, t, req({ ...over, direction: backward ? 'backward' : 'forward', ...(cursor ? { cursor } : {}) }))
      const firsts = p.rows.map((r) => r[0]!)
      if (backward) pages.unshift(firsts)
      else pages.push(firsts)
      if (backward ? p.atStart : p.atEnd) return pages.flat()
      cursor = (backward ? p.prevCursor : p.nextCursor)!
    }
    throw new Error('no end')
  }

  const ids = async (sql: string): Promise<Cell[]> => (await driver.query(sql)).rows.map((r) => r[0] as Cell)

  it('pages sorted with ties and NULLs both ways, forward and backward', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sort: SortSpec = { column: 'grp', dir }
      const expected = await ids(`SELECT id FROM items ORDER BY grp ${dir}, id ${dir}`)
      expect(await walk('items', { sort })).toEqual(expected)
      expect(await walk('items', { sort }, true)).toEqual(expected)
    }
    expect(await walk('items', {})).toEqual(await ids('SELECT id FROM items ORDER BY id'))
  })

  it('filters with parameters, pages a composite key, and falls back to OFFSET for views', async () => {
    const f = await walk('items', { sort: { column: 'name', dir: 'desc' }, filters: [{ op: 'contains', column: 'name', value: '0% o' }] })
    expect(f).toEqual(await ids("SELECT id FROM items WHERE name LIKE '%0!% o%' ESCAPE '!' ORDER BY name DESC, id DESC"))
    expect(f.length).toBeGreaterThan(0)
    const pairs = await walk('pairs', { sort: { column: 'v', dir: 'asc' } })
    expect(pairs).toEqual(await ids('SELECT a FROM pairs ORDER BY v, a, b'))
    const t = await tableOrThrow(driver, 'big_items')
    const p = await readPage(driver, t, req({}))
    expect(p.mode).toBe('offset')
    expect(await walk('big_items', { sort: { column: 'id', dir: 'asc' } })).toEqual(await ids('SELECT id FROM big_items ORDER BY id'))
  })

  it('jumps to a row and to the last page', async () => {
    const t = await tableOrThrow(driver, 'items')
    const jump = await readPage(driver, t, req({ cursor: { kind: 'row', row: 100, total: 237 } }))
    expect(jump.rows[0]![0]).toBe(101)
    const last = await readPage(driver, t, req({ direction: 'backward' }))
    expect(last.rows.map((r) => r[0])).toEqual([231, 232, 233, 234, 235, 236, 237])
  })
})
