import { describe, expect, it } from 'vitest'
import { flattenJsonPlan, parseMysqlAnalyzeTree } from './mysql-explain'

describe('MySQL plans as trees', () => {
  it('flattens MySQL 8 EXPLAIN FORMAT=JSON (nested loop of two tables, with cost details left out)', () => {
    const plan = {
      query_block: {
        select_id: 1,
        cost_info: { query_cost: '1.85' },
        nested_loop: [
          {
            table: {
              table_name: 'a',
              access_type: 'ALL',
              rows_examined_per_scan: 347,
              rows_produced_per_join: 347,
              used_columns: ['AlbumId', 'ArtistId'],
              cost_info: { read_cost: '0.25' },
            },
          },
          {
            table: {
              table_name: 'r',
              access_type: 'eq_ref',
              key: 'PRIMARY',
              rows_examined_per_scan: 1,
              rows_produced_per_join: 347,
              attached_condition: '(`r`.`Name` like \'A%\')',
            },
          },
        ],
      },
    }
    const nodes = flattenJsonPlan(plan)
    expect(nodes.map((n) => [n.id, n.parent, n.detail, n.rows])).toEqual([
      [1, 0, 'query_block #1', undefined],
      [2, 1, 'table a (ALL)', 347],
      [3, 1, "table r (eq_ref) using PRIMARY attached condition: (`r`.`Name` like 'A%')", 347],
    ])
  })

  it('reads measured rows and time from MariaDB ANALYZE FORMAT=JSON', () => {
    const plan = {
      query_block: {
        select_id: 1,
        r_loops: 1,
        r_total_time_ms: 2.5,
        filesort: {
          sort_key: '`t`.`v`',
          r_loops: 1,
          r_total_time_ms: 0.4,
          temporary_table: { table: { table_name: 't', access_type: 'range', key: 'PRIMARY', rows: 400, r_rows: 400, r_total_time_ms: 1.1 } },
        },
      },
    }
    const nodes = flattenJsonPlan(plan)
    expect(nodes).toEqual([
      { id: 1, parent: 0, detail: 'query_block #1', timeMs: 2.5 },
      { id: 2, parent: 1, detail: 'filesort by `t`.`v`', timeMs: 0.4 },
      { id: 3, parent: 2, detail: 'temporary_table' },
      { id: 4, parent: 3, detail: 'table t (range) using PRIMARY', rows: 400, timeMs: 1.1 },
    ])
  })

  it('parses MySQL 8 EXPLAIN ANALYZE trees by indentation, multiplying by loops', () => {
    const text = [
      '-> Nested loop inner join  (cost=160 rows=347) (actual time=0.1..2.0 rows=347 loops=1)',
      '    -> Table scan on a  (cost=35.5 rows=347) (actual time=0.05..0.5 rows=347 loops=1)',
      '    -> Single-row index lookup on r using PRIMARY (ArtistId=a.ArtistId)  (cost=0.25 rows=1) (actual time=0.002..0.002 rows=1 loops=347)',
      '-> Select #2 (subquery in condition; run only once)',
    ].join('\n')
    const nodes = parseMysqlAnalyzeTree(text)
    expect(nodes.map((n) => [n.id, n.parent])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 0],
    ])
    expect(nodes[0]).toMatchObject({ detail: 'Nested loop inner join', rows: 347, timeMs: 2 })
    expect(nodes[2]).toMatchObject({ detail: 'Single-row index lookup on r using PRIMARY (ArtistId=a.ArtistId)', rows: 347 })
    expect(nodes[2]!.timeMs).toBeCloseTo(0.694)
    expect(nodes[3]).toEqual({ id: 4, parent: 0, detail: 'Select #2 (subquery in condition; run only once)' })
  })
})
