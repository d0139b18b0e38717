import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { mariadbAvailable } from '../testing/mariadb'
import { mariadbFixture, NUMS, sqliteFixture, type EngineFixture } from './conformance-fixtures'
import type { Driver, SqlValue } from './driver'

/**
 * One suite, every driver: what the explorer, console and analysis rely on
 * must behave the same on SQLite and on MySQL/MariaDB.
 */
const hasDb = await mariadbAvailable()

const engines: { name: string; available: boolean; make: () => Promise<EngineFixture> }[] = [
  { name: 'sqlite', available: true, make: sqliteFixture },
  { name: 'mariadb', available: hasDb, make: mariadbFixture },
]

for (const engine of engines) {
  describe.skipIf(!engine.available)(`driver conformance: ${engine.name}`, () => {
    let fx: EngineFixture
    let d: Driver
    beforeAll(async () => {
      fx = await engine.make()
      d = fx.driver
    })
    afterAll(async () => {
      await fx?.dispose()
    })

    it('introspects tables, views, columns, keys and indexes into one model', async () => {
      const model = await d.introspect()
      expect(model.kind).toBe(engine.name === 'sqlite' ? 'sqlite' : 'mysql')
      const names = model.tables.map((t) => t.name).sort()
      expect(names).toEqual(['album', 'album_tag', 'album_view', 'artist', 'nums', 'typed'])

      const artist = model.tables.find((t) => t.name === 'artist')!
      expect(artist.kind).toBe('table')
      expect(artist.primaryKey).toEqual(['id'])
      expect(artist.columns.map((c) => c.name)).toEqual(['id', 'name', 'country'])
      const name = artist.columns.find((c) => c.name === 'name')!
      expect(name.nullable).toBe(false)
      const country = artist.columns.find((c) => c.name === 'country')!
      expect(country.nullable).toBe(true)
      expect(country.defaultValue).toBe("'none'")
      expect(artist.columns.find((c) => c.name === 'id')!.pk).toBe(1)

      const album = model.tables.find((t) => t.name === 'album')!
      expect(album.columns.find((c) => c.name === 'title')!.type.toLowerCase()).toBe('varchar(100)')
      expect(album.foreignKeys).toHaveLength(1)
      expect(album.foreignKeys[0]).toMatchObject({ columns: ['artist_id'], refTable: 'artist', refColumns: ['id'], onDelete: 'CASCADE' })
      const ix = new Map(album.indexes.map((i) => [i.name, i]))
      expect(ix.get('idx_album_artist')).toMatchObject({ columns: ['artist_id'], unique: false })
      expect(ix.get('ux_album_title')).toMatchObject({ columns: ['title'], unique: true })

      const tag = model.tables.find((t) => t.name === 'album_tag')!
      expect(tag.primaryKey).toEqual(['album_id', 'tag'])
      expect(tag.columns.map((c) => c.pk)).toEqual([1, 2])
      expect(tag.foreignKeys[0]).toMatchObject({ columns: ['album_id'], refTable: 'album', refColumns: ['id'] })

      const view = model.tables.find((t) => t.name === 'album_view')!
      expect(view.kind).toBe('view')
      expect(view.columns.map((c) => c.name)).toEqual(['title', 'artist'])
      expect(view.rowCount).toBeNull()

      // Estimates, not exact counts: present after ANALYZE, in the right order of magnitude.
      const nums = model.tables.find((t) => t.name === 'nums')!
      expect(nums.rowCountExact).toBe(false)
      expect(nums.rowCount).toBeGreaterThan(NUMS / 2)
      expect(nums.rowCount).toBeLessThan(NUMS * 2)
    })

    it('round-trips typed values through parameters: NULL vs empty, unicode, big integers, decimals, dates, bytes', async () => {
      const p = (n: number) => d.dialect.param(n)
      const insert = `INSERT INTO typed (id, s, big, amount, d, dt, b) VALUES (${[1, 2, 3, 4, 5, 6, 7].map(p).join(', ')})`
      const rows: SqlValue[][] = [
        [1, null, null, null, null, null, null],
        [2, '', 0, '0.0000', '2024-02-29', '2024-02-29 13:45:07', new Uint8Array([])],
        [3, 'naïve 日本語 🎵 \'quote\' "dq" \\ back', 9007199254740993n, '12345678901234567890.1234', '1999-12-31', '2038-01-19 03:14:08', new Uint8Array([0, 1, 127, 128, 255])],
        [4, 'x', -9223372036854775808n, '-0.0001', '0001-01-01', '9999-12-31 23:59:59', new Uint8Array([0x27, 0x5c, 0x00])],
        [5, 'y', 9007199254740991, '42.5000', '2000-01-01', '2000-01-01 00:00:00', new Uint8Array([7])],
      ]
      for (const r of rows) {
        const res = await d.query(insert, r)
        expect(res.changes).toBe(1)
      }
      const back = await d.query('SELECT id, s, big, amount, d, dt, b FROM typed ORDER BY id')
      expect(back.columns.map((c) => c.name)).toEqual(['id', 's', 'big', 'amount', 'd', 'dt', 'b'])
      expect(back.rows).toHaveLength(rows.length)
      back.rows.forEach((got, i) => {
        const want = rows[i]!
        expect(got.slice(0, 6)).toEqual(want.slice(0, 6))
        if (want[6] === null) expect(got[6]).toBeNull()
        else {
          expect(got[6]).toBeInstanceOf(Uint8Array)
          expect([...(got[6] as Uint8Array)]).toEqual([...(want[6] as Uint8Array)])
        }
      })
      // A big integer compares exactly as a parameter, not through a double.
      const exact = await d.query(`SELECT id FROM typed WHERE big = ${p(1)}`, [9007199254740993n])
      expect(exact.rows).toEqual([[3]])
    })

    it('binds parameters as values, never as SQL', async () => {
      const p = d.dialect.param
      const r = await d.query(`SELECT name FROM artist WHERE name = ${p(1)} OR id = ${p(2)} ORDER BY id`, ["x' OR '1'='1", 2])
      expect(r.rows).toEqual([['Beyoncé']])
      const unicode = await d.query(`SELECT id FROM artist WHERE name = ${p(1)}`, ['Ånand 日本'])
      expect(unicode.rows).toEqual([[1]])
      const nulls = await d.query(`SELECT count(*) FROM artist WHERE country IS NULL AND ${p(1)} IS NULL`, [null])
      expect(Number(nulls.rows[0]![0])).toBe(1)
    })

    it('quotes odd identifiers so they work as names', async () => {
      const q = d.dialect.quoteId
      const table = 'odd "name` here'
      const cols = ['select', 'a"b', 'c`d', 'spa ce']
      await d.exec(`CREATE TABLE ${q(table)} (${cols.map((c) => `${q(c)} INTEGER`).join(', ')})`)
      await d.query(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map((_, i) => d.dialect.param(i + 1)).join(', ')})`, [1, 2, 3, 4])
      const r = await d.query(`SELECT ${cols.map(q).join(', ')} FROM ${q(table)}`)
      expect(r.columns.map((c) => c.name)).toEqual(cols)
      expect(r.rows).toEqual([[1, 2, 3, 4]])
      const model = await d.introspect()
      expect(model.tables.find((t) => t.name === table)?.columns.map((c) => c.name)).toEqual(cols)
      expect(await d.countRows(table)).toBe(1)
      await d.exec(`DROP TABLE ${q(table)}`)
    })

    it('streams rows in batches and stops cleanly when the reader stops', async () => {
      const sizes: number[] = []
      let sum = 0
      for await (const batch of d.iterate('SELECT n FROM nums ORDER BY n', [], 1000)) {
        sizes.push(batch.length)
        for (const row of batch) sum += Number(row[0])
      }
      expect(sizes).toEqual([1000, 1000, 500])
      expect(sum).toBe((NUMS * (NUMS + 1)) / 2)

      const p = d.dialect.param
      let seen = 0
      for await (const batch of d.iterate(`SELECT n FROM nums WHERE n > ${p(1)} ORDER BY n`, [100], 300)) {
        seen += batch.length
        break
      }
      expect(seen).toBe(300)
      // The driver is still usable after an abandoned stream.
      const after = await d.query('SELECT count(*) FROM nums')
      expect(Number(after.rows[0]![0])).toBe(NUMS)
    })

    it('counts rows exactly', async () => {
      expect(await d.countRows('nums')).toBe(NUMS)
      expect(await d.countRows('artist')).toBe(3)
    })

    it('explains a query as a tree of plan nodes', async () => {
      const plan = await d.explain(
        `SELECT album.title, artist.name FROM album JOIN artist ON artist.id = album.artist_id WHERE album.released > ${d.dialect.param(1)}`,
        [2000],
      )
      expect(plan.length).toBeGreaterThan(0)
      const ids = new Set<number>()
      for (const node of plan) {
        expect(node.parent === 0 || ids.has(node.parent)).toBe(true)
        ids.add(node.id)
      }
      expect(plan.some((n) => /album/.test(n.detail))).toBe(true)
      expect(plan.some((n) => n.parent === 0)).toBe(true)
    })

    it('reports bad SQL as SQL_ERROR and keeps working', async () => {
      const err = await d.query('SELEC nonsense').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('SQL_ERROR')
      const r = await d.query('SELECT count(*) FROM artist')
      expect(Number(r.rows[0]![0])).toBe(3)
    })

    it('keeps the columns of an empty result, reports rows changed, and types expressions alike', async () => {
      const empty = await d.query('SELECT id, name FROM artist WHERE 1 = 0')
      expect(empty.columns.map((c) => c.name)).toEqual(['id', 'name'])
      expect(empty.rows).toEqual([])
      const p = d.dialect.param
      const upd = await d.query(`UPDATE album SET released = ${p(1)} WHERE released IS NULL`, [1999])
      expect(upd.changes).toBe(1)
      await d.query(`UPDATE album SET released = NULL WHERE id = ${p(1)}`, [11])
      const expr = await d.query(`SELECT 1 = 1 AS t, 7 / 2.0 AS half, ${p(1)} AS s, ${p(2)} AS f, 1 + 1 AS two`, ['x', 0.25])
      expect(expr.columns.map((c) => c.name)).toEqual(['t', 'half', 's', 'f', 'two'])
      const [t, half, str, f, two] = expr.rows[0]!
      expect(t).toBe(1)
      expect(Number(half)).toBe(3.5)
      expect(str).toBe('x')
      expect(f).toBe(0.25)
      expect(two).toBe(2)
    })

    it('runs several statements in one exec', async () => {
      await d.exec('CREATE TABLE tmp_a (x INTEGER); INSERT INTO tmp_a (x) VALUES (1); INSERT INTO tmp_a (x) VALUES (2)')
      expect(await d.countRows('tmp_a')).toBe(2)
      await d.exec('DROP TABLE tmp_a')
    })
  })
}
