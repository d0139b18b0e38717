import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** The forms a password could take in a file: raw, JSON-escaped, base64, hex, UTF-16. */
function passwordForms(pw: string): Buffer[] {
  const utf8 = Buffer.from(pw, 'utf8')
  return [utf8, Buffer.from(JSON.stringify(pw).slice(1, -1), 'utf8'), Buffer.from(utf8.toString('base64'), 'utf8'), Buffer.from(utf8.toString('hex'), 'utf8'), Buffer.from(pw, 'utf16le')]
}

/**
 * Scans every file under `dir` for a password in any common encoding; returns
 * the files scanned and those that contain it. Tests use it to prove that
 * nothing Sonograph writes holds a saved password in plain text.
 */
export function scanForPassword(dir: string, pw: string): { scanned: string[]; leaks: string[] } {
  const scanned = filesUnder(dir)
  const forms = passwordForms(pw)
  const leaks = scanned.filter((f) => {
    const bytes = readFileSync(f)
    return forms.some((form) => bytes.includes(form))
  })
  return { scanned, leaks }
}
