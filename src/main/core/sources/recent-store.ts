import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import type { RecentEntry } from '../../../shared/calls/sources'

const recentSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }))

/** Recently opened files, newest first, kept in a small JSON file under the data directory. */
export class RecentStore {
  private readonly file: string

  constructor(dataDir: string, private readonly limit = 10) {
    this.file = join(dataDir, 'recent.json')
  }

  list(): RecentEntry[] {
    if (!existsSync(this.file)) return []
    try {
      const parsed = recentSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  }

  add(path: string): RecentEntry[] {
    const entry: RecentEntry = { path, name: basename(path), openedAt: new Date().toISOString() }
    const next = [entry, ...this.list().filter((e) => e.path !== path)].slice(0, this.limit)
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(next, null, 2))
    renameSync(tmp, this.file)
    return next
  }
}
