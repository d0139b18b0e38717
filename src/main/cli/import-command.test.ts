import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { CliIO } from './cli-command'
import { importCommand } from './import-command'

const ULTRASOUND = fileURLToPath(new URL('../../../../shared/fixtures/seeds/ultrasound_db.sql', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io(env: Record<string, string | undefined> = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    promptSecret: () => Promise.reject(new Error('no terminal')),
    env,
  }
}

describe('sonograph import', () => {
  it('imports a dump: progress on stderr, the report on stdout, exit 0', async () => {
    const out = join(dir, 'u.sqlite')
    const t = io()
    expect(await importCommand.run([ULTRASOUND, '-o', out], t)).toBe(0)
    expect(existsSync(out)).toBe(true)
    expect(t.stdout.join('\n')).toMatch(/Tables \(20\):[\s\S]*Foreign key check: ok/)
    expect(t.stderr.join('\n')).toMatch(/loading: 100%/)
  })

  it('a bad dump: a clear message with the line, exit 1, no file', async () => {
    const bad = join(dir, 'bad.sql')
    writeFileSync(bad, "CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('open);\n")
    const out = join(dir, 'bad.sqlite')
    const t = io()
    expect(await importCommand.run([bad, '-o', out, '--dialect', 'mysql'], t)).toBe(1)
    expect(t.stderr.join('\n')).toMatch(/Unterminated string.*line 2/)
    expect(existsSync(out)).toBe(false)
  })

  it('refuses a password in the MySQL URL and bad options', async () => {
    const t = io()
    expect(await importCommand.run([ULTRASOUND, '--target', 'mysql://root:secret@127.0.0.1/db'], t)).toBe(2)
    expect(t.stderr.join('\n')).toMatch(/password/i)
    expect(await importCommand.run([ULTRASOUND, '--dialect', 'oracle'], io())).toBe(2)
    expect(await importCommand.run([], io())).toBe(2)
  })
})
