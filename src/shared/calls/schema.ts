import { z } from 'zod'
import { defineCall } from '../contract'
import type { Relationship } from '../schema-model'

const sourceId = z.string().min(1)
export const schemaFormatSchema = z.enum(['text', 'md', 'mermaid', 'dbml', 'json'])
export type SchemaExportFormat = z.infer<typeof schemaFormatSchema>

export const schemaCalls = {
  /**
   * The schema as text: `text` (relationship map like schema_relationships.txt),
   * `md`, `mermaid` (erDiagram), `dbml`, `json`. Declared and accepted inferred
   * relationships are included.
   */
  'schema.export': defineCall<string>()(z.object({ sourceId, format: schemaFormatSchema }).strict()),
  /**
   * Declared relationships first, then inferred ones (name match checked on the
   * data, confidence >= 0.95, or accepted by the user) unless includeInferred is
   * false. Hidden ones are left out unless includeHidden (then flagged hidden).
   */
  'schema.relationships': defineCall<Relationship[]>()(
    z.object({ sourceId, includeInferred: z.boolean().default(true), includeHidden: z.boolean().default(false) }).strict(),
  ),
  /** Accept or hide an inferred relationship (or reset it with 'none'); remembered per database. */
  'schema.setRelationshipState': defineCall<{ id: string; state: 'accepted' | 'hidden' | 'none' }>()(
    z.object({ sourceId, id: z.string().min(1), state: z.enum(['accepted', 'hidden', 'none']) }).strict(),
  ),
  /** One table's relationships both ways: the keys it holds and those pointing at it. */
  'schema.tableRelationships': defineCall<{ outgoing: Relationship[]; incoming: Relationship[] }>()(
    z.object({ sourceId, table: z.string().min(1), includeInferred: z.boolean().default(true) }).strict(),
  ),
  /** The ER diagram as a standalone SVG document (what `sonograph er` writes). */
  'schema.erSvg': defineCall<{ svg: string; width: number; height: number }>()(
    z.object({ sourceId, collapsed: z.boolean().default(false), transparent: z.boolean().default(false), includeInferred: z.boolean().default(true) }).strict(),
  ),
}
