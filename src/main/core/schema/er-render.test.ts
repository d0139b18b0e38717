import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schemaToSvg } from '../../../shared/er/er-diagram'
import { layoutEr } from '../../../shared/er/er-layout'
import type { Relationship, SchemaModel, TableInfo } from '../../../shared/schema-model'
import { relationshipId } from '../../../shared/schema-model'
import type { SqliteDriver } from '../db/sqlite-driver'
import { ULTRASOUND_SQL, buildFixtureDb } from './fixture-databases'
import { declaredRelationships } from './relationships'
import { chromiumAvailable, svgToPng } from './svg-to-png'

let dir: string
let driver: SqliteDriver
let model: SchemaModel
let rels: Relationship[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  driver = buildFixtureDb(ULTRASOUND_SQL, join(dir, 'us.db'))
  model = await driver.introspect()
  rels = declaredRelationships(model)
})
afterAll(async () => {
  await driver.close()
  rmSync(dir, { recursive: true, force: true })
})

const texts = (svg: string, cls: string): string[] =>
  [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'))

/** Axis-aligned boxes must not overlap. */
function overlaps(nodes: { x: number; y: number; width: number; height: number }[]): number {
  let n = 0
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!
      const b = nodes[j]!
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++
    }
  return n
}

function generated(tables: number, fks: number): { model: SchemaModel; rels: Relationship[] } {
  let seed = 42
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const ts: TableInfo[] = Array.from({ length: tables }, (_, i) => ({
    name: `table_${i}`,
    kind: 'table',
    columns: [{ name: 'id', type: 'INTEGER', nullable: false, defaultValue: null, pk: 1 }, ...Array.from({ length: 2 + rnd(8) }, (_, c) => ({ name: `col_${c}`, type: 'TEXT', nullable: true, defaultValue: null, pk: 0 }))],
    primaryKey: ['id'],
    foreignKeys: [],
    indexes: [],
    rowCount: null,
    rowCountExact: false,
  }))
  const out: Relationship[] = []
  for (let k = 0; k < fks; k++) {
    const child = 1 + rnd(tables - 1)
    const parent = rnd(child) // parents have lower numbers: mostly a DAG, like real schemas
    const col = `ref_${k}`
    ts[child]!.columns.push({ name: col, type: 'INTEGER', nullable: true, defaultValue: null, pk: 0 })
    const ends = { childTable: `table_${child}`, childColumns: [col], parentTable: `table_${parent}`, parentColumns: ['id'] }
    out.push({ id: relationshipId(ends), ...ends, origin: 'declared' })
  }
  return { model: { kind: 'sqlite', name: 'gen', tables: ts }, rels: out }
}

describe('ER diagram as SVG', () => {
  it('shows every table of ultrasound_db.sql and one edge per declared foreign key', () => {
    const { svg, layout } = schemaToSvg(model, rels)
    const names = texts(svg, 'table-name')
    expect(model.tables).toHaveLength(20)
    expect(names.sort()).toEqual(model.tables.map((t) => t.name).sort())
    const edges = [...svg.matchAll(/<g class="edge[^"]*" data-relationship="([^"]+)"/g)].map((m) => m[1]!.replace(/&gt;/g, '>'))
    expect(edges.sort()).toEqual(rels.map((r) => r.id).sort())
    expect(rels.length).toBe(23)
    expect(overlaps(layout.nodes)).toBe(0)
    expect(texts(svg, 'column')).toContain('Condition')
    expect(texts(svg, 'key').length).toBeGreaterThan(40)
  })

  it('draws inferred edges dashed with their confidence, and collapses to names only', () => {
    const inferred: Relationship = { ...rels[0]!, id: 'x', origin: 'inferred', confidence: 0.97 }
    const { svg } = schemaToSvg(model, [inferred], { collapsed: true })
    expect(svg).toMatch(/class="edge inferred"[\s\S]*?stroke-dasharray="6 4"/)
    expect(texts(svg, 'confidence')).toEqual(['97%'])
    expect(texts(svg, 'column')).toEqual([])
    expect(texts(svg, 'table-name')).toHaveLength(20)
  })

  it('lays out 300 tables and 500 foreign keys without overlaps', () => {
    const g = generated(300, 500)
    const t0 = performance.now()
    const layout = layoutEr({ model: g.model, relationships: g.rels })
    const ms = performance.now() - t0
    const { svg } = schemaToSvg(g.model, g.rels)
    console.log(`ER layout of 300 tables / 500 foreign keys: ${ms.toFixed(0)} ms (${layout.width}x${layout.height}); SVG ${Math.round(svg.length / 1024)} KiB`)
    expect(layout.nodes).toHaveLength(300)
    expect(layout.edges).toHaveLength(500)
    expect(overlaps(layout.nodes)).toBe(0)
  })

  const runPng = chromiumAvailable() || !!process.env.CI
  it.runIf(runPng)('exports PNG at 1x and 2x with the SVG dimensions', async () => {
    const { svg, layout } = schemaToSvg(model, rels, { collapsed: true })
    for (const scale of [1, 2]) {
      const png = PNG.sync.read(await svgToPng(svg, layout.width, layout.height, { scale }))
      expect([png.width, png.height]).toEqual([layout.width * scale, layout.height * scale])
    }
    const clear = PNG.sync.read(await svgToPng(schemaToSvg(model, rels, { collapsed: true, transparent: true }).svg, layout.width, layout.height, { transparent: true }))
    expect(clear.data[3]).toBe(0) // the top-left corner pixel is see-through
  })
})
