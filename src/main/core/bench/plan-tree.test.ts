import { describe, expect, it } from 'vitest'
import { mariadbPlanTree, mysqlAnalyzeTree, sqlitePlanTree } from './plan-tree'

describe('plan trees', () => {
  it("nests MySQL 8's EXPLAIN ANALYZE lines by indentation, with rows and total time per step", () => {
    const text = [
      '-> Sort: n DESC  (actual time=5.20..5.21 rows=4 loops=1)',
      '    -> Table scan on <temporary>  (actual time=5.10..5.11 rows=4 loops=1)',
      '        -> Aggregate using temporary table  (actual time=5.09..5.09 rows=4 loops=1)',
      '            -> Nested loop inner join  (cost=1351 rows=3000) (actual time=0.06..3.90 rows=3000 loops=1)',
      '                -> Table scan on o  (cost=301 rows=3000) (actual time=0.04..0.90 rows=3000 loops=1)',
      '                -> Single-row index lookup on c using PRIMARY (id=o.customer_id)  (cost=0.25 rows=1) (actual time=0.001..0.001 rows=1 loops=3000)',
    ].join('\n')
    const [root] = mysqlAnalyzeTree(text)
    expect(root?.label).toBe('Sort: n DESC')
    const join = root?.children[0]?.children[0]?.children[0]
    expect(join?.label).toBe('Nested loop inner join')
    expect(join?.estimatedRows).toBe(3000)
    expect(join?.children.map((c) => c.label)).toEqual(['Table scan on o', 'Single-row index lookup on c using PRIMARY (id=o.customer_id)'])
    // Per-loop time times loops: 0.001 ms x 3000 lookups = 3 ms.
    expect(join?.children[1]?.timeMs).toBeCloseTo(3, 10)
    expect(join?.children[1]?.loops).toBe(3000)
  })

  it("reads MariaDB's ANALYZE FORMAT=JSON, adding a table's own and other time", () => {
    const json = JSON.stringify({
      query_block: {
        select_id: 1,
        r_total_time_ms: 0.9,
        nested_loop: [
          { table: { table_name: 'a', access_type: 'ALL', rows: 1000, r_rows: 1000, r_loops: 1, r_table_time_ms: 0.25, r_other_time_ms: 0.5, r_engine_stats: { pages_accessed: 4 } } },
        ],
      },
    })
    const [block] = mariadbPlanTree(json)
    expect(block).toMatchObject({ label: 'query block #1', timeMs: 0.9 })
    expect(block?.children).toEqual([{ label: 'scan a', rows: 1000, estimatedRows: 1000, timeMs: 0.75, loops: 1, children: [] }])
  })

  it("turns SQLite's id/parent rows into a tree", () => {
    const steps = sqlitePlanTree([
      { id: 2, parent: 0, detail: 'SCAN o' },
      { id: 5, parent: 0, detail: 'USE TEMP B-TREE FOR GROUP BY' },
      { id: 7, parent: 2, detail: 'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)' },
    ])
    expect(steps.map((s) => s.label)).toEqual(['SCAN o', 'USE TEMP B-TREE FOR GROUP BY'])
    expect(steps[0]?.children[0]?.label).toMatch(/^SEARCH c/)
  })
})
