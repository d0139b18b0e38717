import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ULTRASOUND_SQL, buildFixtureDb } from '../core/schema/fixture-databases'
import { chromiumAvailable } from '../core/schema/svg-to-png'
import type { CliIO } from './cli-command'
import { erCommand } from './er-command'
import { schemaCommand } from './schema-command'

let dir: string
let db: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  db = join(dir, 'us.db')
  await buildFixtureDb(ULTRASOUND_SQL, db).close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io(): CliIO & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (o.stdout += `${t}\n`),
    err: (t: string) => void (o.stderr += `${t}\n`),
    promptSecret: () => Promise.reject(new Error('no terminal')),
    env: {},
  }
  return o
}

describe('sonograph schema and er', () => {
  it('prints the relationship map and other formats; refuses unknown formats and missing files', async () => {
    const a = io()
    expect(await schemaCommand.run([db], a)).toBe(0)
    expect(a.stdout).toContain('Table: Patients')
    expect(a.stdout).toContain('    - Appointments(PatientID) -> PatientID')
    const b = io()
    expect(await schemaCommand.run([db, '--format', 'dbml'], b)).toBe(0)
    expect(b.stdout).toContain('Ref: Doctors.DepartmentID > Departments.DepartmentID')
    const c = io()
    expect(await schemaCommand.run([db, '--format', 'xml'], c)).toBe(2)
    expect(c.stderr).toMatch(/unknown format xml/)
    const d = io()
    expect(await schemaCommand.run([join(dir, 'missing.db')], d)).toBe(1)
    expect(d.stderr).toMatch(/No such database file/)
  })

  it('writes an SVG, and a PNG at the asked scale', async () => {
    const svgPath = join(dir, 'er.svg')
    const a = io()
    expect(await erCommand.run([db, '-o', svgPath, '--collapsed'], a)).toBe(0)
    const svg = readFileSync(svgPath, 'utf8')
    expect(svg.match(/class="table-name"/g)).toHaveLength(20)
    const bad = io()
    expect(await erCommand.run([db, '-o', join(dir, 'er.gif')], bad)).toBe(2)
    expect(existsSync(join(dir, 'er.gif'))).toBe(false)
    if (!chromiumAvailable() && !process.env.CI) return
    const pngPath = join(dir, 'er.png')
    expect(await erCommand.run([db, '-o', pngPath, '--scale', '2', '--collapsed'], io())).toBe(0)
    const png = PNG.sync.read(readFileSync(pngPath))
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!
    expect([png.width, png.height]).toEqual([Number(w) * 2, Number(h) * 2])
  })
})
