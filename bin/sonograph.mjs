#!/usr/bin/env node
// The command line. Runs the built bundle (out/main/cli.js) when present, the
// TypeScript sources through tsx otherwise (a checkout before `npm run build`).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const built = join(root, 'out', 'main', 'cli.js')
let mod
if (existsSync(built) && !process.env.SONOGRAPH_FROM_SOURCE) {
  mod = await import(pathToFileURL(built).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  mod = await import(pathToFileURL(join(root, 'src', 'main', 'cli.ts')).href)
}
const code = await mod.main(process.argv.slice(2))
process.exit(code)
