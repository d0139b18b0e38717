import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Relationship } from '../../../shared/schema-model'

export type RelationshipState = 'accepted' | 'hidden'
type StateFile = Record<string, Record<string, RelationshipState>>

/**
 * The user's verdict on inferred relationships, per database, in one JSON file
 * under the app's data directory, keyed by the database's location (the SQLite
 * file path, or user@host:port/db). Written to a temporary name and renamed so a
 * crash never leaves half a file.
 */
export class RelationshipStateStore {
  private readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, 'relationship-state.json')
  }

  private read(): StateFile {
    if (!existsSync(this.file)) return {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      return typeof parsed === 'object' && parsed !== null ? (parsed as StateFile) : {}
    } catch {
      // A damaged file loses the verdicts, not the app.
      return {}
    }
  }

  states(database: string): Record<string, RelationshipState> {
    return { ...(this.read()[database] ?? {}) }
  }

  set(database: string, id: string, state: RelationshipState | 'none'): void {
    const all = this.read()
    const mine = { ...(all[database] ?? {}) }
    if (state === 'none') delete mine[id]
    else mine[id] = state
    all[database] = mine
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.partial-${process.pid}`
    writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`)
    renameSync(tmp, this.file)
  }
}

/**
 * Declared relationships first, then inferred ones with the user's verdict applied:
 * accepted ones are flagged (and kept even if the data no longer supports them
 * above the threshold), hidden ones are dropped unless asked for.
 */
export function applyStates(
  declared: Relationship[],
  inferred: Relationship[],
  states: Record<string, RelationshipState>,
  opts: { threshold: number; includeHidden?: boolean },
): Relationship[] {
  const declaredIds = new Set(declared.map((r) => r.id))
  const out: Relationship[] = [...declared]
  for (const r of inferred) {
    if (declaredIds.has(r.id)) continue
    const state = states[r.id]
    if (state === 'hidden') {
      if (opts.includeHidden) out.push({ ...r, hidden: true })
      continue
    }
    if (state === 'accepted') out.push({ ...r, accepted: true })
    else if ((r.confidence ?? 0) >= opts.threshold) out.push(r)
  }
  return out
}
