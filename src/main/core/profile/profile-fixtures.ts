import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/** Test helpers: fixture databases built in a tmp dir from the shared SQL files. */
const FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url)

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'sonograph-'))
}

function buildFrom(file: string, sqlFile: string, extra = ''): string {
  const db = new Database(file)
  // The dump creates a foreign key before its parent table and inserts children first, as dumps do.
  db.pragma('foreign_keys = OFF')
  db.exec(readFileSync(new URL(sqlFile, FIXTURES), 'utf8').replace(/^\uFEFF/, ''))
  if (extra) db.exec(extra)
  db.close()
  return file
}

export function chinookDb(dir: string): string {
  return buildFrom(join(dir, 'chinook.db'), 'chinook/Chinook_Sqlite.sql')
}

/** The ultrasound consolidation as the original pipeline built it: Patients JOIN Appointments LEFT JOIN results and reports. */
export const ULTRASOUND_CONSOLIDATION_SQL = `
  SELECT p.PatientID, p.FirstName || ' ' || p.LastName AS FullName, p.Gender, p.DateOfBirth,
         a.AppointmentDate, a.Reason AS VisitReason, u.Image AS UltrasoundImage, u.Report AS UltrasoundReport,
         r.ReportText, r.ReportDate
  FROM Patients p
  JOIN Appointments a ON a.PatientID = p.PatientID
  LEFT JOIN Ultrasound_Results u ON u.AppointmentID = a.AppointmentID
  LEFT JOIN Reports r ON r.AppointmentID = a.AppointmentID`

export function ultrasoundDb(dir: string): string {
  return buildFrom(join(dir, 'ultrasound.db'), 'seeds/ultrasound_db.sql', `CREATE TABLE consolidated AS ${ULTRASOUND_CONSOLIDATION_SQL}`)
}
