import type { ClinicConn, ClinicParam } from './clinic-conn'
import { formatDate, formatDateTime } from './lab-generator'

/**
 * Everyday changes to a lab's OLTP data after a load: patients renamed,
 * providers moved to another department, late claims for encounters already
 * loaded, and readmissions of patients discharged earlier. Tests and the
 * benchmark use them to exercise the incremental ETL; the ids touched are
 * spread evenly so results are deterministic.
 */
export interface LabChanges {
  renamePatients?: number
  moveProviders?: number
  lateClaims?: number
  readmissions?: number
  /** Encounters that get a late diagnosis row repeating their first code, and a late procedure row. */
  lateCodes?: number
  /** Timestamp written to last_update (default: now). */
  at?: string
}

export interface LabChangeResult {
  patients: number[]
  providers: { providerId: number; from: number; to: number }[]
  billingIds: number[]
  encounterIds: number[]
  /** Encounters that got late diagnosis/procedure rows. */
  lateCodeEncounters: number[]
}

const maxOf = async (conn: ClinicConn, table: string, col: string): Promise<number> =>
  Number((await conn.all(`SELECT COALESCE(MAX(${col}), 0) AS m FROM ${table}`))[0]?.m ?? 0)

/** Every n-th row so the picks spread over the table. */
async function spread(conn: ClinicConn, sql: string, k: number): Promise<Record<string, unknown>[]> {
  const rows = await conn.all(sql)
  if (k <= 0 || rows.length === 0) return []
  const step = Math.max(1, Math.floor(rows.length / k))
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < rows.length && out.length < k; i += step) out.push(rows[i]!)
  return out
}

const placeholders = (n: number): string => new Array<string>(n).fill('?').join(', ')

export async function applyLabChanges(conn: ClinicConn, c: LabChanges): Promise<LabChangeResult> {
  const at = c.at ?? new Date().toISOString().replace('T', ' ').slice(0, 19)
  const result: LabChangeResult = { patients: [], providers: [], billingIds: [], encounterIds: [], lateCodeEncounters: [] }

  const patients = await spread(conn, `SELECT patient_id FROM patients ORDER BY patient_id`, c.renamePatients ?? 0)
  result.patients = patients.map((r) => Number(r.patient_id))
  if (result.patients.length) {
    const concat = conn.dialect === 'sqlite' ? `last_name || '-Moreau'` : `CONCAT(last_name, '-Moreau')`
    await conn.run(`UPDATE patients SET last_name = ${concat}, last_update = ? WHERE patient_id IN (${placeholders(result.patients.length)})`, [at, ...result.patients])
  }

  const departments = Number((await conn.all(`SELECT COUNT(*) AS n FROM departments`))[0]?.n ?? 1)
  const providers = await spread(conn, `SELECT provider_id, department_id FROM providers ORDER BY provider_id`, c.moveProviders ?? 0)
  for (const r of providers) {
    const from = Number(r.department_id)
    const to = (from % departments) + 1
    await conn.run(`UPDATE providers SET department_id = ?, last_update = ? WHERE provider_id = ?`, [to, at, Number(r.provider_id)])
    result.providers.push({ providerId: Number(r.provider_id), from, to })
  }

  const claimed = await spread(conn, `SELECT encounter_id, discharge_date FROM encounters ORDER BY encounter_id`, c.lateClaims ?? 0)
  let billingId = await maxOf(conn, 'billing', 'billing_id')
  if (claimed.length) {
    const params: ClinicParam[] = []
    for (const [i, r] of claimed.entries()) {
      const amount = 150 + ((i * 37) % 900) + 0.25
      const day = Date.parse(`${String(r.discharge_date).slice(0, 10)}T00:00:00Z`) + 45 * 86_400_000
      params.push(++billingId, Number(r.encounter_id), amount, Math.round(amount * 60) / 100, formatDate(day), 'Paid')
      result.billingIds.push(billingId)
    }
    await conn.run(`INSERT INTO billing VALUES ${claimed.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, params)
  }

  const stays = await spread(
    conn,
    `SELECT encounter_id, patient_id, provider_id, discharge_date, department_id FROM encounters WHERE encounter_type = 'Inpatient' AND discharge_date IS NOT NULL ORDER BY encounter_id`,
    c.readmissions ?? 0,
  )
  let encounterId = await maxOf(conn, 'encounters', 'encounter_id')
  let dxId = await maxOf(conn, 'encounter_diagnoses', 'encounter_diagnosis_id')
  for (const r of stays) {
    const discharge = Date.parse(`${String(r.discharge_date).replace(' ', 'T')}Z`)
    const admit = discharge + 6 * 86_400_000
    await conn.run(`INSERT INTO encounters VALUES (?, ?, ?, 'Inpatient', ?, ?, ?)`, [
      ++encounterId,
      Number(r.patient_id),
      Number(r.provider_id),
      formatDateTime(admit),
      formatDateTime(admit + 3 * 86_400_000),
      Number(r.department_id),
    ])
    await conn.run(`INSERT INTO encounter_diagnoses VALUES (?, ?, (SELECT MIN(diagnosis_id) FROM diagnoses), 1)`, [++dxId, encounterId])
    result.encounterIds.push(encounterId)
  }
  const coded = await spread(
    conn,
    `SELECT ed.encounter_id, MIN(ed.diagnosis_id) AS dx FROM encounter_diagnoses ed GROUP BY ed.encounter_id ORDER BY ed.encounter_id`,
    c.lateCodes ?? 0,
  )
  let pxId = await maxOf(conn, 'encounter_procedures', 'encounter_procedure_id')
  const firstProcedure = Number((await conn.all(`SELECT MIN(procedure_id) AS p FROM procedures`))[0]?.p ?? 1)
  for (const r of coded) {
    // A repeated code must not count the encounter twice for a code pair.
    await conn.run(`INSERT INTO encounter_diagnoses VALUES (?, ?, ?, 9)`, [++dxId, Number(r.encounter_id), Number(r.dx)])
    await conn.run(`INSERT INTO encounter_procedures VALUES (?, ?, ?, NULL)`, [++pxId, Number(r.encounter_id), firstProcedure])
    result.lateCodeEncounters.push(Number(r.encounter_id))
  }
  return result
}
