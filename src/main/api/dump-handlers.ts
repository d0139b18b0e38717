import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { AppError } from '../../shared/errors'
import { defaultImportPath } from '../core/dump/import-dump-job'
import type { Handlers } from './router'

export const dumpHandlers: Handlers<'dump.import' | 'dump.saveReport'> = {
  'dump.import': async (args, ctx) => {
    if (!isAbsolute(args.path)) throw new AppError('BAD_ARGUMENT', `The dump path must be absolute: ${args.path}`, { field: 'path' })
    let output: string | undefined
    if (args.target === 'sqlite') {
      if (args.output) output = args.output
      else {
        const dir = join(ctx.dataDir, 'imports')
        mkdirSync(dir, { recursive: true })
        output = defaultImportPath(args.path, dir)
      }
    }
    const { jobId } = ctx.jobs.start('importDump', { path: args.path, dialect: args.dialect, target: args.target, strict: args.strict, ...(output ? { output } : {}) })
    return output ? { jobId, outputPath: output } : { jobId }
  },
  'dump.saveReport': async ({ path, text }) => {
    if (!isAbsolute(path)) throw new AppError('BAD_ARGUMENT', `The report path must be absolute: ${path}`, { field: 'path' })
    try {
      await writeFile(path, text, 'utf8')
    } catch (err) {
      throw new AppError('IO_ERROR', `Cannot write ${path}: ${(err as Error).message}`, { file: path })
    }
    return { path }
  },
}
