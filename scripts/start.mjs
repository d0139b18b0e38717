#!/usr/bin/env node
// `npm start`: build, then run the desktop app. Where the Electron binary is
// not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine that cannot reach
// its download), start the browser bridge instead and say so.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' })

run(bin('electron-vite'), ['build'])

let electronPath = null
try {
  electronPath = createRequire(import.meta.url)('electron')
} catch {
  electronPath = null
}

if (electronPath && existsSync(electronPath)) {
  if (!existsSync(join(root, 'native', 'electron', 'better_sqlite3.node'))) run(process.execPath, [join(root, 'scripts', 'rebuild-electron-native.mjs')])
  const child = spawn(bin('electron-vite'), ['preview'], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('\nThe Electron binary is not installed here; starting Sonograph in your browser instead.\n')
  const child = spawn(process.execPath, [join(root, 'bin', 'sonograph.mjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
