import { describe, expect, it } from 'vitest'
import type { Relationship, SchemaModel, TableInfo } from '../../../../shared/schema-model'
import { erElements, tableNode } from './er-elements'
import { exportBaseName } from './er-export'
import { fcosePositions } from './fcose-core'
import { removeOverlaps, type Box } from './overlap-removal'

function table(name: string, cols: [string, string, number][], fks: { columns: string[]; refTable: string }[] = []): TableInfo {
  return {
    name,
    kind: 'table',
    columns: cols.map(([n, type, pk]) => ({ name: n, type, nullable: pk === 0, defaultValue: null, pk })),
    primaryKey: cols.filter((c) => c[2] > 0).map((c) => c[0]),
    foreignKeys: fks.map((f) => ({ columns: f.columns, refTable: f.refTable, refColumns: ['id'] })),
    indexes: [],
    rowCount: null,
    rowCountExact: false,
  }
}

function overlapping(boxes: Box[]): number {
  let n = 0
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2) n++
    }
  return n
}

describe('ER graph nodes', () => {
  it('lists columns with PK/FK markers lined up, name and type in columns', () => {
    const t = table('Track', [
      ['TrackId', 'INTEGER', 1],
      ['Name', 'NVARCHAR(200)', 0],
      ['AlbumId', 'INTEGER', 0],
    ])
    const n = tableNode(t, new Set(['AlbumId']))
    const lines = n.label.split('\n')
    expect(lines[0]).toBe('Track')
    expect(lines[1]).toMatch(/^PK TrackId +INTEGER$/)
    expect(lines[2]).toMatch(/^ {3}Name +NVARCHAR\(200\)$/)
    expect(lines[3]).toMatch(/^FK AlbumId +INTEGER$/)
    // Types start in the same column on every line.
    expect(new Set(lines.slice(1).map((l) => l.search(/[A-Z]+(\(|$)/))).size).toBe(1)
    expect(n.short).toBe('Track')
    expect(n.h).toBeGreaterThan(n.sh)
  })

  it('draws a column that is both key kinds as "PK FK"', () => {
    const t = table('PlaylistTrack', [
      ['PlaylistId', 'INTEGER', 1],
      ['TrackId', 'INTEGER', 2],
    ])
    const lines = tableNode(t, new Set(['PlaylistId', 'TrackId'])).label.split('\n')
    expect(lines[1]).toMatch(/^PK FK PlaylistId/)
  })

  it('gives declared edges a cardinality and inferred ones their confidence', () => {
    const model: SchemaModel = {
      kind: 'sqlite',
      name: 'x',
      tables: [table('a', [['id', 'INTEGER', 1]]), table('b', [['id', 'INTEGER', 1], ['a_id', 'INTEGER', 0]])],
    }
    const rels: Relationship[] = [
      { id: 'b(a_id)->a(id)', childTable: 'b', childColumns: ['a_id'], parentTable: 'a', parentColumns: ['id'], origin: 'declared' },
      { id: 'b(id)->a(id)', childTable: 'b', childColumns: ['id'], parentTable: 'a', parentColumns: ['id'], origin: 'inferred', confidence: 0.97, accepted: true },
    ]
    const edges = erElements(model, rels).filter((e) => e.group === 'edges')
    expect(edges.map((e) => [e.data.childCard, e.data.label, e.classes])).toEqual([
      ['N', '', 'declared'],
      ['1', '✓ 97%', 'inferred accepted'],
    ])
  })
})

describe('layout', () => {
  it('pushes overlapping boxes apart, keeping a gap', () => {
    const boxes: Box[] = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, x: (i % 5) * 10, y: Math.floor(i / 5) * 10, w: 150, h: 90 }))
    removeOverlaps(boxes, 20)
    expect(overlapping(boxes)).toBe(0)
  })

  it('leaves boxes in a column where they are when they already keep clear', () => {
    const boxes: Box[] = [
      { id: 'a', x: 0, y: 0, w: 200, h: 80 },
      { id: 'b', x: 0, y: 200, w: 200, h: 80 },
    ]
    removeOverlaps(boxes, 20)
    expect(boxes.map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [0, 200],
    ])
  })

  it('fcose on a 300-table, 500-key schema leaves no box over another', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, w: 170, h: 100 + (i % 3) * 16 }))
    const edges: { id: string; source: string; target: string }[] = []
    for (let i = 1; i < 300; i++) edges.push({ id: `a${i}`, source: `t${i}`, target: `t${Math.floor(i / 2)}` })
    for (let i = 99; i < 300; i++) edges.push({ id: `b${i}`, source: `t${i}`, target: `t${(i * 13 + 5) % i}` })
    const pos = fcosePositions({ nodes, edges })
    expect(overlapping(nodes.map((n) => ({ ...n, ...pos[n.id]! })))).toBe(0)
  })

  it('names export files after the database', () => {
    expect(exportBaseName('ultrasound.sqlite')).toBe('ultrasound-er')
    expect(exportBaseName('my db.db')).toBe('my_db-er')
  })
})
