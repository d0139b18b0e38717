/**
 * Writes a mysqldump-style file (extended INSERTs of about 1 MB, backtick names,
 * backslash escapes, /*!40101 comments, LOCK TABLES) and, from the same rows, the
 * SQLite-dialect file the sqlite3 tool loads as the baseline. Deterministic.
 *
 *   npx tsx bench/make-import-dump.ts [rows] [outDir]
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CODES = ['8867-4', '8480-6', '8462-4', '2339-0', '718-7', '2093-3', '4548-4', '29463-7']
const NOTES = ['fasting', "patient's request", 'repeat\\nlater', 'C:\\\\scans\\\\a.png', 'Größe ok', '血压 正常', 'tab\\there', 'quote "x"']
const FIRST = ['Ana', 'José', 'Zoë', 'Mei', "O'Brien", 'Łukasz', 'Nora', 'Omar', 'Ines', 'Kofi']

class Out {
  private buf: string[] = []
  private size = 0
  constructor(private readonly ws: WriteStream) {}
  async write(s: string): Promise<void> {
    this.buf.push(s)
    this.size += s.length
    if (this.size > 1 << 20) await this.flush()
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return
    if (!this.ws.write(this.buf.join(''))) await once(this.ws, 'drain')
    this.buf = []
    this.size = 0
  }
  async close(): Promise<void> {
    await this.flush()
    this.ws.end()
    await once(this.ws, 'finish')
  }
}

/** MySQL escapes in the data above are written for MySQL; SQLite text has none, so they are decoded for it. */
function mysqlToSqliteString(s: string): string {
  const decoded = s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c))
  return `'${decoded.replace(/'/g, "''")}'`
}
function mysqlString(s: string): string {
  return `'${s.replace(/'/g, "\\'")}'`
}

export async function makeImportDump(rows: number, dir: string): Promise<{ mysqlPath: string; sqlitePath: string; rows: number }> {
  mkdirSync(dir, { recursive: true })
  const mysqlPath = join(dir, `import-bench-${rows}.mysql.sql`)
  const sqlitePath = join(dir, `import-bench-${rows}.sqlite.sql`)
  const my = new Out(createWriteStream(mysqlPath))
  const lite = new Out(createWriteStream(sqlitePath))
  const rnd = mulberry32(42)
  const patients = Math.max(1, Math.floor(rows / 20))
  const observations = rows - patients

  await my.write(`-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n--\n-- Host: localhost    Database: bench\n-- ------------------------------------------------------\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n\n`)
  await my.write(
    'DROP TABLE IF EXISTS `patients`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!40101 SET character_set_client = utf8 */;\nCREATE TABLE `patients` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `first_name` varchar(50) NOT NULL,\n  `last_name` varchar(50) DEFAULT NULL,\n  `birth_date` date DEFAULT NULL,\n  `weight_kg` decimal(6,2) DEFAULT NULL,\n  `mrn` bigint(20) unsigned NOT NULL,\n  PRIMARY KEY (`id`),\n  KEY `idx_last` (`last_name`)\n) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n/*!40101 SET character_set_client = @saved_cs_client */;\n\n',
  )
  await my.write(
    'DROP TABLE IF EXISTS `observations`;\nCREATE TABLE `observations` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  `patient_id` int(11) NOT NULL,\n  `code` varchar(16) NOT NULL,\n  `value` double DEFAULT NULL,\n  `taken_at` datetime NOT NULL,\n  `note` text DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `fk_obs_patient` (`patient_id`),\n  CONSTRAINT `fk_obs_patient` FOREIGN KEY (`patient_id`) REFERENCES `patients` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n',
  )
  // What mysql2sqlite makes of the same schema: the file the sqlite3 tool loads.
  await lite.write('PRAGMA synchronous = OFF;\nPRAGMA journal_mode = MEMORY;\nBEGIN TRANSACTION;\n')
  await lite.write('CREATE TABLE `patients` (\n  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT\n,  `first_name` varchar(50) NOT NULL\n,  `last_name` varchar(50) DEFAULT NULL\n,  `birth_date` date DEFAULT NULL\n,  `weight_kg` decimal(6,2) DEFAULT NULL\n,  `mrn` integer  NOT NULL\n);\n')
  await lite.write('CREATE TABLE `observations` (\n  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT\n,  `patient_id` integer NOT NULL\n,  `code` varchar(16) NOT NULL\n,  `value` double DEFAULT NULL\n,  `taken_at` datetime NOT NULL\n,  `note` text DEFAULT NULL\n,  CONSTRAINT `fk_obs_patient` FOREIGN KEY (`patient_id`) REFERENCES `patients` (`id`)\n);\n')

  const pad = (n: number): string => String(n).padStart(2, '0')
  const emit = async (table: string, count: number, row: (id: number) => [string, string]): Promise<void> => {
    await my.write(`LOCK TABLES \`${table}\` WRITE;\n/*!40000 ALTER TABLE \`${table}\` DISABLE KEYS */;\n`)
    let myStmt: string[] = []
    let liteStmt: string[] = []
    let bytes = 0
    const flush = async (): Promise<void> => {
      if (!myStmt.length) return
      await my.write(`INSERT INTO \`${table}\` VALUES ${myStmt.join(',')};\n`)
      await lite.write(`INSERT INTO \`${table}\` VALUES ${liteStmt.join(',')};\n`)
      myStmt = []
      liteStmt = []
      bytes = 0
    }
    for (let id = 1; id <= count; id++) {
      const [m, l] = row(id)
      myStmt.push(m)
      liteStmt.push(l)
      bytes += m.length
      if (bytes > 1_000_000) await flush()
    }
    await flush()
    await my.write(`/*!40000 ALTER TABLE \`${table}\` ENABLE KEYS */;\nUNLOCK TABLES;\n\n`)
  }
  await emit('patients', patients, (id) => {
    const first = FIRST[Math.floor(rnd() * FIRST.length)]!
    const last = `Name${Math.floor(rnd() * 5000)}`
    const date = `${1930 + Math.floor(rnd() * 90)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`
    const weight = (40 + rnd() * 80).toFixed(2)
    const mrn = String(9_000_000_000_000_000_000n + BigInt(id))
    return [`(${id},${mysqlString(first)},'${last}','${date}',${weight},${mrn})`, `(${id},${mysqlToSqliteString(first.replace(/'/g, "\\'"))},'${last}','${date}',${weight},${mrn})`]
  })
  await emit('observations', observations, (id) => {
    const pid = 1 + Math.floor(rnd() * patients)
    const code = CODES[Math.floor(rnd() * CODES.length)]!
    const value = (rnd() * 200).toFixed(1)
    const ts = `2024-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))} ${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:00`
    const r = rnd()
    const note = r < 0.9 ? null : NOTES[Math.floor(rnd() * NOTES.length)]!
    return [
      `(${id},${pid},'${code}',${value},'${ts}',${note === null ? 'NULL' : `'${note.replace(/'/g, "\\'")}'`})`,
      `(${id},${pid},'${code}',${value},'${ts}',${note === null ? 'NULL' : mysqlToSqliteString(note)})`,
    ]
  })
  await my.write('/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n\n-- Dump completed on 2026-11-22  3:00:00\n')
  await lite.write('CREATE INDEX "patients_idx_last" ON "patients" (`last_name`);\nCREATE INDEX "observations_fk_obs_patient" ON "observations" (`patient_id`);\nEND TRANSACTION;\n')
  await my.close()
  await lite.close()
  return { mysqlPath, sqlitePath, rows }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 4_200_000)
  const dir = process.argv[3] ?? join(import.meta.dirname, '.data')
  const r = await makeImportDump(rows, dir)
  console.log(r)
}
