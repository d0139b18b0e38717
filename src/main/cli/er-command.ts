import { writeFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { schemaToSvg } from '../../shared/er/er-diagram'
import { withAtomicFile } from '../core/jobs/atomic-file'
import { svgToPng } from '../core/schema/svg-to-png'
import type { CliCommand } from './cli-command'
import { exitCode, loadSchema } from './schema-command'
import { SOURCE_USAGE } from './source-option'

export const erCommand: CliCommand = {
  name: 'er',
  summary: 'Draw the ER diagram of a database to SVG or PNG',
  usage: `Usage: sonograph er DB -o er.svg|er.png [--scale 1|2|4] [--transparent] [--collapsed] [--inferred]

Tables are boxes listing their columns (PK/FK marked); foreign keys are edges
with crow's-foot cardinality. The format follows the output's extension.

${SOURCE_USAGE}
  -o, --output FILE   er.svg or er.png
  --scale N           PNG pixel scale: 1, 2 or 4 (default 1)
  --transparent       no white background
  --collapsed         table names only
  --inferred          also draw inferred relationships (dashed, with confidence)

PNG needs Chromium at /usr/bin/chromium (or SONOGRAPH_CHROMIUM).`,
  async run(argv, io) {
    let values: { output?: string; scale?: string; transparent?: boolean; collapsed?: boolean; inferred?: boolean; source?: string }
    let positionals: string[]
    try {
      ;({ values, positionals } = parseArgs({
        args: argv,
        options: {
          output: { type: 'string', short: 'o' },
          scale: { type: 'string', default: '1' },
          transparent: { type: 'boolean', default: false },
          collapsed: { type: 'boolean', default: false },
          inferred: { type: 'boolean', default: false },
          source: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      }))
    } catch (err) {
      io.err(`sonograph er: ${(err as Error).message}\n\n${erCommand.usage}`)
      return 2
    }
    const scale = Number(values.scale)
    const ext = values.output ? extname(values.output).toLowerCase() : ''
    if (!values.output || (ext !== '.svg' && ext !== '.png')) {
      io.err(`sonograph er: -o FILE.svg or -o FILE.png is required\n\n${erCommand.usage}`)
      return 2
    }
    if (![1, 2, 4].includes(scale)) {
      io.err('sonograph er: --scale must be 1, 2 or 4')
      return 2
    }
    try {
      if (positionals.length > 1) throw new AppError('BAD_ARGUMENT', `One database at a time; got ${positionals.length}`, { field: 'source' })
      const { driver, model, relationships } = await loadSchema(positionals[0], values.source, io, !!values.inferred)
      await driver.close()
      const { svg, layout } = schemaToSvg(model, relationships, { collapsed: !!values.collapsed, transparent: !!values.transparent })
      const output = resolve(values.output)
      const bytes = ext === '.svg' ? Buffer.from(svg) : await svgToPng(svg, layout.width, layout.height, { scale, transparent: !!values.transparent })
      await withAtomicFile(output, async (tmp) => writeFileSync(tmp, bytes))
      const size = ext === '.svg' ? `${layout.width}x${layout.height}` : `${layout.width * scale}x${layout.height * scale} px`
      io.out(`Wrote ${output} (${model.tables.length} tables, ${relationships.length} relationships, ${size})`)
      return 0
    } catch (err) {
      return exitCode(err, io, 'er')
    }
  },
}
