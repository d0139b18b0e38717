#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules untouched: tests and the command line keep using
// the Node build, the Electron app loads this one (see src/main/core/db/sqlite-native.ts).
// Needs Electron's headers, which node-gyp downloads from electronjs.org.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const target = join(root, 'native', 'electron', 'better_sqlite3.node')
const work = join(root, 'native', '.build', 'better-sqlite3')

rmSync(work, { recursive: true, force: true })
mkdirSync(dirname(work), { recursive: true })
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) })
const gyp = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp')
console.log(`Building better-sqlite3 for Electron ${electronVersion}…`)
execFileSync(gyp, ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
  cwd: work,
  stdio: 'inherit',
})
mkdirSync(dirname(target), { recursive: true })
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
rmSync(join(root, 'native', '.build'), { recursive: true, force: true })
console.log(`Wrote ${target}`)
if (!existsSync(target)) process.exit(1)
