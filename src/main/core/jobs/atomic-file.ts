import { randomBytes } from 'node:crypto'
import { rm, rename } from 'node:fs/promises'
import { existsSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Writes an output under a temporary name beside the target and renames it
 * into place only when `write` succeeds. On failure or cancel the temporary
 * file (and SQLite's -journal/-wal siblings) is removed and the target, if it
 * existed, is untouched.
 */
export async function withAtomicFile<T>(target: string, write: (tmpPath: string) => Promise<T>): Promise<T> {
  const tmp = join(dirname(target), `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`)
  try {
    const result = await write(tmp)
    await rename(tmp, target)
    return result
  } catch (err) {
    await removeWithSiblings(tmp)
    throw err
  }
}

export async function removeWithSiblings(path: string): Promise<void> {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    await rm(p, { force: true })
  }
}

/** Synchronous variant for exit handlers. */
export function removeWithSiblingsSync(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(p)) rmSync(p, { force: true })
  }
}
