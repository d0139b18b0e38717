import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, toErrorShape } from '../../shared/errors'
import { planOfRecipe } from '../../shared/recipe'
import { loadRecipeFile } from '../core/consolidate/recipe-file'
import { measureFanout } from '../core/consolidate/fanout-measure'
import { planSql } from '../core/consolidate/run-plan'
import { saveResult } from '../core/consolidate/save-result'
import { openDriver } from '../core/db/open-driver'
import type { CliCommand } from './cli-command'
import { CSV_FLAGS, CSV_USAGE, csvOptionsFromFlags, runExport } from './export-command'
import { SOURCE_USAGE, resolveSource } from './source-option'

export const consolidateCommand: CliCommand = {
  name: 'consolidate',
  summary: 'Run a consolidation recipe: flatten related tables into one CSV (or a table/view)',
  usage: `Usage: sonograph consolidate DB --recipe R.json (-o out.csv | --sql | --fanout | --save NAME [--as view])

Runs a recipe saved by the consolidation wizard (or written by hand; see
resources/recipes/) on a database with the same schema. Tables and columns the
recipe names are checked first; a missing one is reported by name.

DB is:
${SOURCE_USAGE}

  --recipe R.json       the recipe
  --sql                 print the generated SQL and stop
  --fanout              print, for each join, how many rows it multiplies
  --save NAME           store the result in the database as a table (needs write access)
  --as table|view       with --save: a table (default) or a view
${CSV_USAGE}`,
  async run(argv, io) {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...CSV_FLAGS, recipe: { type: 'string', short: 'r' }, sql: { type: 'boolean' }, fanout: { type: 'boolean' }, save: { type: 'string' }, as: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      })
    } catch (err) {
      io.err(`sonograph consolidate: ${(err as Error).message}\n\n${consolidateCommand.usage}`)
      return 2
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(consolidateCommand.usage)
      return 0
    }
    try {
      if (!values.recipe) throw new AppError('BAD_ARGUMENT', 'Give the recipe with --recipe R.json', { field: 'recipe' })
      if (!values.output && !values.sql && !values.fanout && !values.save) throw new AppError('BAD_ARGUMENT', 'Give -o out.csv (or --sql, --fanout, --save NAME)', { field: 'output' })
      if (positionals.length > 1) throw new AppError('BAD_ARGUMENT', `Unexpected argument ${positionals[1]}`, { field: 'source' })
      const as = values.as ?? 'table'
      if (as !== 'table' && as !== 'view') throw new AppError('BAD_ARGUMENT', `--as must be table or view, got ${as}`, { field: 'as' })
      const options = csvOptionsFromFlags(values)
      const plan = planOfRecipe(await loadRecipeFile(resolve(values.recipe)))
      const spec = await resolveSource(positionals[0], values.source, io, { writable: Boolean(values.save) })
      if (values.sql || values.fanout || values.save) {
        const driver = await openDriver(spec)
        try {
          // Checks every table and column of the recipe against this database before anything runs.
          const sql = await planSql(driver, plan)
          if (values.sql) io.out(`${sql.sql};`)
          if (values.fanout) {
            const fan = await measureFanout(driver, plan)
            io.out(`${plan.base.table}: ${fan.baseRows} rows; result: ${fan.resultRows} rows`)
            for (const s of fan.steps) {
              io.out(`  ${s.from} -> ${s.alias} (${s.direction === 'child' ? 'one-to-many' : 'many-to-one'}, ${s.strategy}): ${s.rowsMultiplied} of ${s.rowsBefore} rows have several matches (max ${s.maxMatches}), ${s.rowsWithoutMatch} none; a plain join gives ${s.rowsIfJoined} rows`)
              if (s.warning) io.err(`  warning: ${s.warning}`)
            }
          }
          if (values.save) {
            const r = await saveResult(driver, plan, values.save, as, false)
            io.out(`Saved ${r.rows} rows as ${r.as} ${r.name}`)
          }
        } finally {
          await driver.close()
        }
      }
      if (!values.output) return 0
      return await runExport('consolidate', spec.kind === 'sqlite' ? { ...spec, writable: false } : spec, { plan }, values.output, options, io)
    } catch (err) {
      const e = toErrorShape(err)
      io.err(`sonograph consolidate: ${e.message}`)
      return e.code === 'BAD_ARGUMENT' ? 2 : e.code === 'MISMATCH' ? 3 : 1
    }
  },
}
