import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QueryPair } from '../../../shared/calls/bench'
import type { MysqlSpec } from '../../../shared/source-spec'
import { openDriver } from '../db/open-driver'
import { createJobContext } from '../jobs/job-context'
import { createTestDatabase, MARIADB, mariadbAvailable } from '../testing/mariadb'
import { benchmarkReport } from './report'
import { benchmarkJob } from './runner'

const hasDb = await mariadbAvailable()

describe.skipIf(!hasDb)('benchmark runner on MariaDB (custom pairs)', () => {
  let db: { database: string; drop(): Promise<void> }
  let spec: MysqlSpec

  beforeAll(async () => {
    db = await createTestDatabase('bench')
    spec = { kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 }
    const d = await openDriver(spec)
    await d.exec(`
      CREATE TABLE customers (id INT PRIMARY KEY, region VARCHAR(10) NOT NULL);
      CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(10,2) NOT NULL, KEY (customer_id));
      INSERT INTO customers SELECT seq, ELT(1 + seq % 4, 'north', 'south', 'east', 'west') FROM seq_1_to_200;
      INSERT INTO orders SELECT seq, 1 + seq % 200, (seq * 37 % 1000) / 10 + 0.1 FROM seq_1_to_3000;
    `)
    await d.close()
  })
  afterAll(async () => {
    await db?.drop()
  })

  const a = { label: 'join', sql: 'SELECT c.region, count(*) AS n, sum(o.amount) AS total FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region' }

  it('compares, times and explains both forms with measured plans and the buffer pool state', async () => {
    const pair: QueryPair = {
      id: 'sales',
      title: 'Sales by region',
      a,
      b: { label: 'subquery', sql: 'SELECT region, (SELECT count(*) FROM orders o JOIN customers c2 ON c2.id = o.customer_id WHERE c2.region = r.region), (SELECT sum(amount) FROM orders o JOIN customers c2 ON c2.id = o.customer_id WHERE c2.region = r.region) FROM (SELECT DISTINCT region FROM customers) r' },
    }
    const r = await benchmarkJob({ spec, pairs: [pair], runs: 4, warmups: 1 }, createJobContext(() => {}, new Int32Array(1), 0))
    expect(r.engine.flavor).toBe('mariadb')
    expect(r.engine.version).toMatch(/^MariaDB 1\d\./)
    expect(r.tableRows).toEqual({ customers: 200, orders: 3000 })
    expect(r.bufferPool?.before.poolSizeBytes).toBeGreaterThan(0)
    expect(r.bufferPool?.after.pagesTotal).toBeGreaterThan(0)
    const p = r.pairs[0]!
    expect(p.resultRows).toBe(4)
    expect(p.a.timingsMs).toHaveLength(4)
    expect(p.a.plan?.format).toBe('mariadb-analyze-json')
    expect(p.a.plan?.measured).toBe(true)
    const flat = JSON.stringify(p.a.plan?.steps)
    // The optimizer may drive the join from either table (it depends on the statistics of the moment),
    // so the test asks for both tables' steps with their access method, not for one order.
    expect(flat).toMatch(/"(scan|ref|eq_ref) o[ "]/)
    expect(flat).toMatch(/"(scan|ref|eq_ref) c[ "]/)
    expect(flat).toContain('"timeMs"')
    expect(flat).toContain('"rows"')
    expect(benchmarkReport(r)).toMatch(/InnoDB buffer pool: \d+ MiB/)
  })

  it('refuses to report a speedup when the second form answers differently', async () => {
    const pair: QueryPair = { id: 'bad', title: 'Bad star', a, b: { label: 'star', sql: a.sql.replace('GROUP BY', 'WHERE o.amount > 1 GROUP BY') } }
    await expect(benchmarkJob({ spec, pairs: [pair], runs: 2, warmups: 0 }, createJobContext(() => {}, new Int32Array(1), 0))).rejects.toMatchObject({
      code: 'MISMATCH',
      details: { pairId: 'bad' },
    })
  })
})
