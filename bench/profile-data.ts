import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'

/**
 * The benchmark's table: `rows` rows, 20 columns of mixed kinds with NULLs,
 * from a seeded generator so every run profiles the same data. Built once
 * under bench/.data/ and reused while its row count matches.
 */
export const BENCH_TABLE = 'visits'

/** Small deterministic PRNG (mulberry32), so the data does not change between runs. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CITIES = Array.from({ length: 50 }, (_, i) => `City ${String(i + 1).padStart(2, '0')}`)
const STATUSES = ['scheduled', 'done', 'cancelled', 'no-show', 'rescheduled']
const DAY = 86_400_000
const START = Date.UTC(2020, 0, 1)

function iso(ms: number, withTime: boolean): string {
  const s = new Date(ms).toISOString()
  return withTime ? `${s.slice(0, 10)} ${s.slice(11, 19)}` : s.slice(0, 10)
}

export function buildBenchTable(path: string, rows: number): void {
  if (existsSync(path)) {
    const db = new Database(path, { readonly: true })
    try {
      const n = (db.prepare(`SELECT max(rowid) AS n FROM ${BENCH_TABLE}`).get() as { n: number | null }).n
      if (n === rows) return
    } catch {
      // wrong shape: rebuild
    } finally {
      db.close()
    }
  }
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.tmp`
  rmSync(tmp, { force: true })
  const db = new Database(tmp)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.exec(`CREATE TABLE ${BENCH_TABLE} (
    id INTEGER PRIMARY KEY, patient_code TEXT, age INTEGER, weight REAL, height REAL,
    score REAL, visits INTEGER, amount REAL, gender TEXT, city TEXT,
    status TEXT, is_active INTEGER, consent TEXT, visit_date TEXT, report_date TEXT,
    birth_date TEXT, notes TEXT, dept_id INTEGER, zip TEXT, ratio REAL)`)
  const ins = db.prepare(`INSERT INTO ${BENCH_TABLE} VALUES (${Array(20).fill('?').join(',')})`)
  const r = rng(42)
  const normal = (): number => {
    const u = 1 - r()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r())
  }
  const nullable = <T>(share: number, v: T): T | null => (r() < share ? null : v)
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const visit = START + Math.floor(r() * 5 * 365) * DAY
      const birth = visit - Math.floor(r() * 90 * 365.25) * DAY
      ins.run(
        i + 1,
        `P${String(i + 1).padStart(7, '0')}`,
        nullable(0.02, Math.floor((visit - birth) / (365.25 * DAY))),
        nullable(0.05, Math.round((70 + 15 * normal()) * 10) / 10),
        nullable(0.05, Math.round((170 + 10 * normal()) * 10) / 10),
        r(),
        Math.floor(-Math.log(1 - r()) * 3),
        nullable(0.1, Math.round(-Math.log(1 - r()) * 100 * 100) / 100 + (r() < 0.001 ? 100_000 : 0)),
        nullable(0.03, r() < 0.5 ? 'M' : 'F'),
        CITIES[Math.floor(r() ** 2 * CITIES.length)]!,
        STATUSES[Math.floor(r() * STATUSES.length)]!,
        r() < 0.7 ? 1 : 0,
        nullable(0.1, r() < 0.8 ? 'yes' : 'no'),
        iso(visit, false),
        nullable(0.15, iso(visit + Math.floor(r() * 30 * DAY), true)),
        nullable(0.01, iso(birth, false)),
        nullable(0.3, `note ${Math.floor(r() * 100_000)}`),
        1 + Math.floor(r() * 30),
        String(10000 + Math.floor(r() * 89999)),
        nullable(0.2, r() * 2),
      )
    }
  })
  const CHUNK = 50_000
  for (let i = 0; i < rows; i += CHUNK) batch(i, Math.min(rows, i + CHUNK))
  db.close()
  renameSync(tmp, path)
}
