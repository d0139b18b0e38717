import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SourceSummary } from '../../shared/calls/sources'
import type { Relationship } from '../../shared/schema-model'
import { ULTRASOUND_SQL, buildFixtureDb } from '../core/schema/fixture-databases'
import { RelationshipStateStore } from '../core/schema/relationship-state-store'
import { acceptedRelationships } from '../core/schema/source-relationships'
import type { ApiContext } from './api-context'
import { createApiContext, disposeApiContext } from './create-context'
import { route } from './router'

let dir: string
let ctx: ApiContext
let declared: SourceSummary
let stripped: SourceSummary

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  await buildFixtureDb(ULTRASOUND_SQL, join(dir, 'us.db')).close()
  await buildFixtureDb(ULTRASOUND_SQL, join(dir, 'us-nofk.db'), { stripFks: true }).close()
  ctx = createApiContext({ transport: 'bridge', dataDir: join(dir, 'data'), emit: () => undefined })
  declared = (await call('sources.openSqlite', { path: join(dir, 'us.db') })) as SourceSummary
  stripped = (await call('sources.openSqlite', { path: join(dir, 'us-nofk.db') })) as SourceSummary
})
afterAll(async () => {
  await disposeApiContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

async function call(name: string, args: unknown): Promise<unknown> {
  const r = await route(name, args, ctx)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.result
}

describe('schema calls', () => {
  it('exports the schema in every format', async () => {
    const text = (await call('schema.export', { sourceId: declared.sourceId, format: 'text' })) as string
    expect(text).toContain('Table: Appointments')
    expect(text).toMatch(/Table: Patients[\s\S]*?Referenced by:[\s\S]*?- Appointments\(PatientID\) -> PatientID/)
    expect(text).toContain('    - PatientID -> Patients(PatientID)')
    const md = (await call('schema.export', { sourceId: declared.sourceId, format: 'md' })) as string
    expect(md).toContain('| PatientID | INT | yes |  | FK → Patients.PatientID |')
    const mermaid = (await call('schema.export', { sourceId: declared.sourceId, format: 'mermaid' })) as string
    expect(mermaid.startsWith('erDiagram\n')).toBe(true)
    expect(mermaid).toContain('Patients |o--o{ Appointments : "PatientID"')
    expect(mermaid).toContain('DECIMAL(10_2) TotalAmount')
    const dbml = (await call('schema.export', { sourceId: declared.sourceId, format: 'dbml' })) as string
    expect(dbml).toContain('Table Patients {\n  PatientID INT [pk]')
    expect(dbml).toContain('Ref: Appointments.PatientID > Patients.PatientID')
    expect(dbml).toContain('  TotalAmount DECIMAL(10, 2)\n')
    const json = JSON.parse((await call('schema.export', { sourceId: declared.sourceId, format: 'json' })) as string) as { schema: { tables: unknown[] }; relationships: unknown[] }
    expect(json.schema.tables).toHaveLength(20)
    expect(json.relationships).toHaveLength(23)
    await expect(call('schema.export', { sourceId: declared.sourceId, format: 'pdf' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
  })

  it('lists declared relationships first, infers the rest, and remembers accept/hide per database', async () => {
    const decl = (await call('schema.relationships', { sourceId: declared.sourceId })) as Relationship[]
    expect(decl.every((r) => r.origin === 'declared')).toBe(true)
    const inferred = (await call('schema.relationships', { sourceId: stripped.sourceId })) as Relationship[]
    expect(inferred).toHaveLength(23)
    expect(inferred.every((r) => r.origin === 'inferred' && r.confidence === 1)).toBe(true)
    const id = 'Appointments(PatientID)->Patients(PatientID)'
    await call('schema.setRelationshipState', { sourceId: stripped.sourceId, id, state: 'accepted' })
    await call('schema.setRelationshipState', { sourceId: stripped.sourceId, id: 'Billing(PatientID)->Patients(PatientID)', state: 'hidden' })
    await expect(call('schema.setRelationshipState', { sourceId: declared.sourceId, id, state: 'hidden' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    const after = (await call('schema.relationships', { sourceId: stripped.sourceId })) as Relationship[]
    expect(after).toHaveLength(22)
    expect(after.find((r) => r.id === id)?.accepted).toBe(true)
    const withHidden = (await call('schema.relationships', { sourceId: stripped.sourceId, includeHidden: true })) as Relationship[]
    expect(withHidden.find((r) => r.hidden)?.id).toBe('Billing(PatientID)->Patients(PatientID)')
    // Accepted inferred edges count in exports like declared ones.
    const dbml = (await call('schema.export', { sourceId: stripped.sourceId, format: 'dbml' })) as string
    expect(dbml.match(/^Ref: /gm)).toHaveLength(1)
    // Another process reading the same data directory sees the verdicts.
    const again = createApiContext({ transport: 'bridge', dataDir: join(dir, 'data'), emit: () => undefined })
    const s2 = await again.sources.open({ kind: 'sqlite', path: join(dir, 'us-nofk.db'), writable: false })
    const r2 = await route('schema.relationships', { sourceId: s2.sourceId }, again)
    expect(r2.ok && (r2.result as Relationship[]).length).toBe(22)
    await disposeApiContext(again)
    await call('schema.setRelationshipState', { sourceId: stripped.sourceId, id: 'Billing(PatientID)->Patients(PatientID)', state: 'none' })
    expect(((await call('schema.relationships', { sourceId: stripped.sourceId })) as Relationship[]).length).toBe(23)
  })

  it('gives a table its relationships both ways and the ER diagram as SVG', async () => {
    const both = (await call('schema.tableRelationships', { sourceId: declared.sourceId, table: 'Appointments' })) as { outgoing: Relationship[]; incoming: Relationship[] }
    expect(both.outgoing.map((r) => r.parentTable).sort()).toEqual(['Doctors', 'Patients'])
    expect(both.incoming.map((r) => r.childTable).sort()).toEqual(['Billing', 'Follow_Up', 'Reports', 'Ultrasound_Results'])
    const er = (await call('schema.erSvg', { sourceId: stripped.sourceId, collapsed: true })) as { svg: string; width: number; height: number }
    expect(er.svg).toMatch(/^<svg /)
    expect(er.svg.match(/class="edge inferred"/g)?.length).toBe(23)
    expect(er.width).toBeGreaterThan(100)
  })
})

describe('accepted relationships for other areas', () => {
  it('rebuilds accepted inferred relationships from the store', async () => {
    const id = 'Reports(AppointmentID)->Appointments(AppointmentID)'
    await call('schema.setRelationshipState', { sourceId: stripped.sourceId, id, state: 'accepted' })
    const got = acceptedRelationships(new RelationshipStateStore(join(dir, 'data')), { kind: 'sqlite', path: join(dir, 'us-nofk.db'), writable: false })
    expect(got.find((r) => r.id === id)).toEqual({
      id,
      childTable: 'Reports',
      childColumns: ['AppointmentID'],
      parentTable: 'Appointments',
      parentColumns: ['AppointmentID'],
      origin: 'inferred',
      accepted: true,
    })
  })
})
