import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowsePage } from '../../shared/calls/browse'
import type { SourceSummary } from '../../shared/calls/sources'
import { cellText } from '../../shared/cells'
import type { EventMap } from '../../shared/events'
import { CHINOOK_SQLITE, loadChinookInto } from '../core/db/mysql-test-chinook'
import { openSqlite } from '../core/db/sqlite-native'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../core/testing/mariadb'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

const hasDb = await mariadbAvailable()

/**
 * The end-to-end path below the window: connect to MariaDB loaded with
 * Chinook, browse a table, draw the ER graph and export a CSV, and get what the
 * same calls give on SQLite's Chinook.
 */
describe.skipIf(!hasDb)('a MariaDB source through the contract, next to SQLite', () => {
  let db: { database: string; drop(): Promise<void> }
  let dir: string
  let ctx: ApiContext
  let mysqlSource: SourceSummary
  let sqliteSource: SourceSummary
  const finished: EventMap['job.finished'][] = []

  async function call<T>(name: string, args: unknown): Promise<T> {
    const out = await route(name, args, ctx)
    if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`)
    return out.result as T
  }
  async function job(jobId: string): Promise<EventMap['job.finished']> {
    for (let i = 0; i < 1200; i++) {
      const f = finished.find((e) => e.jobId === jobId)
      if (f) return f
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`job ${jobId} did not finish`)
  }

  beforeAll(async () => {
    db = await createTestDatabase('flow')
    await loadChinookInto(db.database)
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    const path = join(dir, 'chinook.sqlite')
    const ref = openSqlite(path)
    ref.exec(readFileSync(CHINOOK_SQLITE, 'utf8'))
    // Four track names hold `\ `, which MySQL reads as an escaped space: that is what the server has.
    ref.exec("UPDATE Track SET Name = replace(Name, '\\', '') WHERE Name LIKE '%\\%'")
    ref.close()
    ctx = createApiContext({
      transport: 'bridge',
      dataDir: join(dir, 'data'),
      emit: (name, payload) => {
        if (name === 'job.finished') finished.push(payload as EventMap['job.finished'])
      },
    })
    mysqlSource = await call('connections.open', { spec: { kind: 'mysql', ...MARIADB, database: db.database } })
    sqliteSource = await call('sources.openSqlite', { path })
  })
  afterAll(async () => {
    if (ctx) await disposeApiContext(ctx)
    await db?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('browses Track page by page with the same rows', async () => {
    const readAll = async (sourceId: string) => {
      const rows: string[][] = []
      let cursor: unknown
      for (let i = 0; i < 100; i++) {
        const page: BrowsePage = await call('browse.page', { sourceId, table: 'Track', limit: 500, ...(cursor ? { cursor } : {}) })
        rows.push(...page.rows.map((r) => r.map((c) => (c === null ? '\u0000NULL' : cellText(c)))))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      return rows
    }
    const fromMysql = await readAll(mysqlSource.sourceId)
    expect(fromMysql).toHaveLength(3503)
    expect(fromMysql).toEqual(await readAll(sqliteSource.sourceId))
  })

  it('draws the same ER graph', async () => {
    const er = (sourceId: string) => call<{ svg: string }>('schema.erSvg', { sourceId, includeInferred: false })
    const [a, b] = [await er(mysqlSource.sourceId), await er(sqliteSource.sourceId)]
    const tables = (svg: string) => [...svg.matchAll(/>(Album|Artist|Customer|Employee|Genre|Invoice|InvoiceLine|MediaType|Playlist|PlaylistTrack|Track)</g)].length
    expect(tables(a.svg)).toBeGreaterThanOrEqual(11)
    expect(tables(a.svg)).toBe(tables(b.svg))
    expect(a.svg.length).toBeGreaterThan(1000)
  })

  it('exports Invoice to the same CSV', async () => {
    const exportTo = async (sourceId: string, name: string) => {
      const path = join(dir, `${name}.csv`)
      const { jobId } = await call<{ jobId: string }>('export.csv', { sourceId, what: { table: 'Invoice' }, path })
      expect((await job(jobId)).state).toBe('done')
      return readFileSync(path, 'utf8').split('\r\n')
    }
    const a = await exportTo(mysqlSource.sourceId, 'mysql')
    const b = await exportTo(sqliteSource.sourceId, 'sqlite')
    expect(a).toHaveLength(b.length)
    expect(a[0]).toBe(b[0])
    expect(a.slice(1).sort()).toEqual(b.slice(1).sort())
  })
})
