import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../core/db/sqlite-native'
import type { CliIO } from './cli-command'
import { consolidateCommand } from './consolidate-command'
import { exportCommand } from './export-command'

const fixtures = new URL('../../../../shared/fixtures/seeds/', import.meta.url)
const recipe = new URL('../../../resources/recipes/ultrasound-visits.json', import.meta.url).pathname

function captureIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    promptSecret: () => Promise.reject(new Error('no terminal')),
    env: {},
  }
}

describe('sonograph consolidate / export', () => {
  let dir: string
  let db: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
    db = join(dir, 'ultrasound.db')
    const d = openSqlite(db)
    d.pragma('foreign_keys = OFF')
    d.exec(readFileSync(new URL('ultrasound_db.sql', fixtures), 'utf8'))
    d.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs the shipped recipe into the reference CSV', async () => {
    const io = captureIO()
    const out = join(dir, 'consolidated.csv')
    expect(await consolidateCommand.run([db, '--recipe', recipe, '-o', out, '--fanout'], io)).toBe(0)
    const sort = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort()
    expect(sort(parse(readFileSync(out)) as string[][])).toEqual(sort(parse(readFileSync(new URL('ultrasound_consolidated_reference.csv', fixtures))) as string[][]))
    expect(io.stdout.join('\n')).toMatch(/Appointments -> Reports \(one-to-many, rows\): 10 of 10 rows have several matches/)
    expect(io.stderr.join('\n')).toMatch(/warning: 10 rows have more than one Reports/)
  })

  it('prints the SQL, and names a column the database lacks (exit 3, no file)', async () => {
    const io = captureIO()
    expect(await consolidateCommand.run([db, '--recipe', recipe, '--sql'], io)).toBe(0)
    expect(io.stdout[0]).toMatch(/^SELECT\n/)
    const bad = JSON.parse(readFileSync(recipe, 'utf8')) as { columns: { ref?: { column: string } }[] }
    bad.columns[2]!.ref!.column = 'Sex'
    const badPath = join(dir, 'bad.json')
    writeFileSync(badPath, JSON.stringify(bad))
    const io2 = captureIO()
    const out = join(dir, 'bad.csv')
    expect(await consolidateCommand.run([db, '--recipe', badPath, '-o', out], io2)).toBe(3)
    expect(io2.stderr.join('\n')).toContain('Table "Patients" has no column "Sex"')
    expect(existsSync(out)).toBe(false)
    expect(await consolidateCommand.run([db, '--recipe', recipe], captureIO())).toBe(2)
  })

  it('exports a table with CSV options', async () => {
    const io = captureIO()
    const out = join(dir, 'reports.tsv')
    expect(await exportCommand.run([db, '--table', 'Reports', '-o', out, '-d', 'tab', '--line-ending', 'lf', '--bom'], io)).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFFReportID\tPatientID\tAppointmentID\tReportText\tReportDate\n1\t1\t1\tPatient is responding well to treatment.\t2025-02-20\n')).toBe(true)
    expect(io.stdout[0]).toMatch(/^Wrote 20 rows to /)
    expect(await exportCommand.run([db, '--table', 'Reports', '--sql', 'SELECT 1', '-o', out], captureIO())).toBe(2)
  })
})
