#!/usr/bin/env node
// The command line. Runs the built bundle (out/main/cli.js) when it is at least
// as new as the sources, the TypeScript sources through tsx otherwise, so a
// checkout never runs a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')
const sources = join(root, 'src')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs)
  }
  return newest
}

const useBuilt = existsSync(built) && !process.env.SONOGRAPH_FROM_SOURCE && (!existsSync(sources) || statSync(built).mtimeMs >= newestSource(sources))
let mod
if (useBuilt) {
  mod = await import(pathToFileURL(built).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  mod = await import(pathToFileURL(join(sources, 'main', 'cli.ts')).href)
}
const code = await mod.main(process.argv.slice(2))
process.exit(code)
