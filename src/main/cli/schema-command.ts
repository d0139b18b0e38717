import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import type { Relationship, SchemaModel } from '../../shared/schema-model'
import type { Driver } from '../core/db/driver'
import { openDriver } from '../core/db/open-driver'
import { inferRelationships } from '../core/schema/relationship-inference'
import { declaredRelationships } from '../core/schema/relationships'
import { SCHEMA_FORMATS, type SchemaFormat, exportSchema } from '../core/schema/schema-export'
import type { CliCommand, CliIO } from './cli-command'
import { SOURCE_USAGE, resolveSource } from './source-option'

/** Opens the source of a schema/er command and reads its schema and relationships. */
export async function loadSchema(
  positional: string | undefined,
  source: string | undefined,
  io: CliIO,
  inferred: boolean,
): Promise<{ driver: Driver; model: SchemaModel; relationships: Relationship[] }> {
  const spec = await resolveSource(positional, source, io)
  const driver = await openDriver(spec)
  try {
    const model = await driver.introspect()
    const declared = declaredRelationships(model)
    // On the command line there is no one to accept an inferred edge: asking for them accepts them.
    const extra = inferred ? (await inferRelationships(driver, model)).map((r) => ({ ...r, accepted: true })) : []
    return { driver, model, relationships: [...declared, ...extra] }
  } catch (err) {
    await driver.close()
    throw err
  }
}

export function exitCode(err: unknown, io: CliIO, command: string): number {
  const e = toErrorShape(err)
  io.err(`sonograph ${command}: ${e.message}`)
  return e.code === 'BAD_ARGUMENT' ? 2 : 1
}

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'Print a database schema: relationship map, Markdown, Mermaid, DBML or JSON',
  usage: `Usage: sonograph schema DB [--format text|md|mermaid|dbml|json] [--inferred]

Prints every table with its columns, foreign keys in both directions and indexes.

${SOURCE_USAGE}
  --format F      text (default; like schema_relationships.txt), md, mermaid
                  (erDiagram), dbml or json
  --inferred      also show relationships inferred from column names and checked
                  on the data (share of child values found in the parent >= 95%)`,
  async run(argv, io) {
    let values: { format?: string; source?: string; inferred?: boolean }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: { format: { type: 'string', short: 'f', default: 'text' }, source: { type: 'string' }, inferred: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph schema: ${(err as Error).message}\n\n${schemaCommand.usage}`)
      return 2
    }
    const format = values.format as SchemaFormat
    if (!SCHEMA_FORMATS.includes(format)) {
      io.err(`sonograph schema: unknown format ${values.format}; use one of ${SCHEMA_FORMATS.join(', ')}`)
      return 2
    }
    try {
      if (positionals.length > 1) throw new AppError('BAD_ARGUMENT', `One database at a time; got ${positionals.length}`, { field: 'source' })
      const { driver, model, relationships } = await loadSchema(positionals[0], values.source, io, !!values.inferred)
      try {
        io.out(exportSchema(model, relationships, format).replace(/\n$/, ''))
      } finally {
        await driver.close()
      }
      return 0
    } catch (err) {
      return exitCode(err, io, 'schema')
    }
  },
}
