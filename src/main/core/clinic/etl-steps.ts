import { AppError } from '../../../shared/errors'
import { ageGroupCase, digitsTable } from './etl-sql'
import { int, lit, type EtlPlan } from './etl-plan'
import { starBridgeIndexes, starFactIndexes } from './star-ddl'

export type EtlStep = [name: string, run: (p: EtlPlan, rows: Record<string, number>) => Promise<number>]

/** The ETL in order; each step is set-based SQL over the whole batch. */
export const ETL_STEPS: EtlStep[] = [
  [
    'reference dimensions',
    async (p, rows) => {
      rows['dim_specialty'] = await p.type1('dim_specialty', 'specialty_key', 'specialties', 'specialty_id', ['specialty_name', 'specialty_code'])
      rows['dim_department'] = await p.type1('dim_department', 'department_key', 'departments', 'department_id', ['department_name', 'floor', 'capacity'])
      rows['dim_diagnosis'] = await p.type1('dim_diagnosis', 'diagnosis_key', 'diagnoses', 'diagnosis_id', ['icd10_code', 'icd10_description'], [['icd10_chapter', 'SUBSTR(s.icd10_code, 1, 1)']])
      rows['dim_procedure'] = await p.type1('dim_procedure', 'procedure_key', 'procedures', 'procedure_id', ['cpt_code', 'cpt_description'])
      rows['dim_encounter_type'] = await p.conn.run(
        `INSERT INTO dim_encounter_type (encounter_type, is_inpatient) SELECT q.encounter_type, CASE WHEN q.encounter_type = 'Inpatient' THEN 1 ELSE 0 END FROM (SELECT DISTINCT e.encounter_type FROM encounters e WHERE e.encounter_type IS NOT NULL AND ${p.range('e.encounter_id', p.from.encounterId, p.to.encounterId)}) q LEFT JOIN dim_encounter_type d ON d.encounter_type = q.encounter_type WHERE d.encounter_type_key IS NULL ORDER BY q.encounter_type`,
      )
      return Object.values(rows).reduce((a, b) => a + b, 0)
    },
  ],
  [
    'patients (type 2)',
    async (p, rows) => {
      const age = ageGroupCase(p.f.ageYears('s.date_of_birth', lit(p.now)))
      const r = await p.type2('dim_patient', 'patient_key', 'patients', 'patient_id', ['first_name', 'last_name', 'date_of_birth', 'gender', 'mrn'], p.from.patientUpdate, p.from.patientId, p.cdc.patients, `age_group|${age}`, '')
      rows['dim_patient.inserted'] = r.inserted
      rows['dim_patient.expired'] = r.expired
      return r.inserted + r.expired
    },
  ],
  [
    'providers (type 2)',
    async (p, rows) => {
      const r = await p.type2(
        'dim_provider',
        'provider_key',
        'providers',
        'provider_id',
        ['first_name', 'last_name', 'credential', 'specialty_id', 'department_id'],
        p.from.providerUpdate,
        p.from.providerId,
        p.cdc.providers,
        'specialty_key, specialty_name, department_key, department_name|sp.specialty_key, sp.specialty_name, dp.department_key, dp.department_name',
        'LEFT JOIN dim_specialty sp ON sp.specialty_id = s.specialty_id LEFT JOIN dim_department dp ON dp.department_id = s.department_id',
      )
      rows['dim_provider.inserted'] = r.inserted
      rows['dim_provider.expired'] = r.expired
      return r.inserted + r.expired
    },
  ],
  [
    'encounter measures',
    async (p) => {
      const { from: a, to: b } = p
      let scope = ''
      if (!p.full) {
        await p.stage('etl_stage_enc', 'encounter_id INT PRIMARY KEY')
        // Every encounter that is new or got new diagnoses, procedures or claims since the last run.
        await p.conn.run(
          `INSERT INTO etl_stage_enc (encounter_id) SELECT encounter_id FROM encounters WHERE ${p.range('encounter_id', a.encounterId, b.encounterId)}
           UNION SELECT encounter_id FROM encounter_diagnoses WHERE encounter_id IS NOT NULL AND ${p.range('encounter_diagnosis_id', a.encounterDiagnosisId, b.encounterDiagnosisId)}
           UNION SELECT encounter_id FROM encounter_procedures WHERE encounter_id IS NOT NULL AND ${p.range('encounter_procedure_id', a.encounterProcedureId, b.encounterProcedureId)}
           UNION SELECT encounter_id FROM billing WHERE encounter_id IS NOT NULL AND ${p.range('billing_id', a.billingId, b.billingId)}`,
        )
        scope = ' AND encounter_id IN (SELECT encounter_id FROM etl_stage_enc)'
      }
      await p.stage('etl_stage_dx', 'encounter_id INT PRIMARY KEY, n INT NOT NULL')
      await p.stage('etl_stage_px', 'encounter_id INT PRIMARY KEY, n INT NOT NULL')
      await p.stage('etl_stage_bill', 'encounter_id INT PRIMARY KEY, claims INT NOT NULL, claimed DECIMAL(14, 2), allowed DECIMAL(14, 2)')
      let n = await p.conn.run(`INSERT INTO etl_stage_dx (encounter_id, n) SELECT encounter_id, COUNT(*) FROM encounter_diagnoses WHERE encounter_id IS NOT NULL${scope} GROUP BY encounter_id`)
      n += await p.conn.run(`INSERT INTO etl_stage_px (encounter_id, n) SELECT encounter_id, COUNT(*) FROM encounter_procedures WHERE encounter_id IS NOT NULL${scope} GROUP BY encounter_id`)
      n += await p.conn.run(
        `INSERT INTO etl_stage_bill (encounter_id, claims, claimed, allowed) SELECT encounter_id, COUNT(*), SUM(claim_amount), SUM(allowed_amount) FROM billing WHERE encounter_id IS NOT NULL${scope} GROUP BY encounter_id`,
      )
      return n
    },
  ],
  [
    'dates',
    async (p, rows) => {
      const r = (
        await p.conn.all(
          `SELECT MIN(encounter_date) AS lo, MAX(encounter_date) AS hi1, MAX(discharge_date) AS hi2 FROM encounters WHERE ${p.range('encounter_id', p.from.encounterId, p.to.encounterId)}`,
        )
      )[0]
      const r2 = (
        await p.conn.all(
          `SELECT MIN(procedure_date) AS lo, MAX(procedure_date) AS hi FROM encounter_procedures WHERE ${p.range('encounter_procedure_id', p.from.encounterProcedureId, p.to.encounterProcedureId)}`,
        )
      )[0]
      const days = [r?.lo, r?.hi1, r?.hi2, r2?.lo, r2?.hi].map((v) => (v == null ? null : String(v).slice(0, 10))).filter((v): v is string => v !== null)
      if (days.length === 0) return (rows['dim_date'] = 0)
      days.sort()
      const lo = days[0]!
      const span = Math.round((Date.parse(`${days[days.length - 1]}T00:00:00Z`) - Date.parse(`${lo}T00:00:00Z`)) / 86_400_000)
      if (!(span >= 0 && span < 100_000)) throw new AppError('BAD_ARGUMENT', `Encounter dates span ${span} days (${lo} to ${days[days.length - 1]}); the calendar holds at most 100,000`)
      const c = p.f.calendar('q.dt')
      return (rows['dim_date'] = await p.conn.run(
        `${p.f.insertIgnore} INTO dim_date (date_key, full_date, calendar_year, calendar_quarter, month_number, month_name, calendar_month, day_of_month, day_of_week, weekday_name, is_weekend)
         SELECT ${p.f.dateKey('q.dt')}, q.dt, ${c.year}, ${c.quarter}, ${c.month}, ${c.monthName}, ${c.calendarMonth}, ${c.dom}, ${c.dow}, ${c.weekday}, CASE WHEN ${c.dow} >= 6 THEN 1 ELSE 0 END
         FROM (SELECT ${p.f.dateFromOffset(lit(lo), 'n.n')} AS dt FROM ${digitsTable()} n WHERE n.n <= ${int(span)}) q`,
      ))
    },
  ],
  [
    'facts',
    async (p, rows) => {
      const f = p.f
      rows['fact_encounters.inserted'] = await p.conn.run(
        `INSERT INTO fact_encounters (encounter_id, patient_id, patient_key, provider_key, specialty_key, department_key, encounter_type_key, admit_date_key, discharge_date_key, admit_ts, discharge_ts, length_of_stay_days, diagnosis_count, procedure_count, claim_count, claimed_total, allowed_total, readmitted_30d)
         SELECT e.encounter_id, e.patient_id, dp.patient_key, dv.provider_key, dv.specialty_key, dd.department_key, et.encounter_type_key,
           ${f.dateKey('e.encounter_date')}, ${f.dateKey('e.discharge_date')}, e.encounter_date, e.discharge_date, ${f.daysBetween('e.encounter_date', 'e.discharge_date')},
           COALESCE(x.n, 0), COALESCE(y.n, 0), COALESCE(b.claims, 0), b.claimed, b.allowed, 0
         FROM encounters e
         LEFT JOIN dim_patient dp ON dp.patient_id = e.patient_id AND dp.is_current = 1
         LEFT JOIN dim_provider dv ON dv.provider_id = e.provider_id AND dv.is_current = 1
         LEFT JOIN dim_department dd ON dd.department_id = e.department_id
         LEFT JOIN dim_encounter_type et ON et.encounter_type = e.encounter_type
         LEFT JOIN etl_stage_dx x ON x.encounter_id = e.encounter_id
         LEFT JOIN etl_stage_px y ON y.encounter_id = e.encounter_id
         LEFT JOIN etl_stage_bill b ON b.encounter_id = e.encounter_id
         WHERE ${p.range('e.encounter_id', p.from.encounterId, p.to.encounterId)}
         ORDER BY e.encounter_id`,
      )
      if (!p.full) {
        // Late-arriving claims, diagnoses and procedures of encounters loaded by an earlier run.
        rows['fact_encounters.updated'] = await p.conn.run(
          f.updateFrom(
            'fact_encounters',
            [
              ['diagnosis_count', 'COALESCE(x.n, 0)'],
              ['procedure_count', 'COALESCE(y.n, 0)'],
              ['claim_count', 'COALESCE(b.claims, 0)'],
              ['claimed_total', 'b.claimed'],
              ['allowed_total', 'b.allowed'],
            ],
            'etl_stage_enc s LEFT JOIN etl_stage_dx x ON x.encounter_id = s.encounter_id LEFT JOIN etl_stage_px y ON y.encounter_id = s.encounter_id LEFT JOIN etl_stage_bill b ON b.encounter_id = s.encounter_id',
            's.encounter_id = t.encounter_id',
            `t.encounter_id <= ${int(p.from.encounterId)}`,
            't.encounter_id IN (SELECT encounter_id FROM etl_stage_enc)',
          ),
        )
      } else if (p.conn.dialect === 'sqlite') {
        for (const ddl of starFactIndexes()) await p.conn.exec(ddl)
      }
      for (const s of ['etl_stage_enc', 'etl_stage_dx', 'etl_stage_px', 'etl_stage_bill']) await p.conn.exec(p.f.dropStage(s))
      return (rows['fact_encounters.inserted'] ?? 0) + (rows['fact_encounters.updated'] ?? 0)
    },
  ],
  [
    'readmissions',
    async (p, rows) => {
      const inpatient = (await p.conn.all(`SELECT encounter_type_key AS k FROM dim_encounter_type WHERE is_inpatient = 1`)).map((r) => Number(r.k))
      const k = inpatient[0]
      if (k === undefined) return 0
      await p.stage('etl_stage_readmit', 'encounter_key INT PRIMARY KEY, flag INT NOT NULL')
      // Only patients with a new inpatient stay can have a flag change on an earlier stay.
      // Incremental: start from the (few) patients with a new stay and reach their stays through the patient index.
      const from = p.full
        ? 'fact_encounters i'
        : `(SELECT DISTINCT n.patient_id FROM fact_encounters n WHERE n.encounter_key > ${int(p.prevMaxKey)} AND n.encounter_type_key = ${int(k)}) np JOIN fact_encounters i ON i.patient_id = np.patient_id`
      await p.conn.run(
        `INSERT INTO etl_stage_readmit (encounter_key, flag)
         SELECT i.encounter_key, CASE WHEN EXISTS (SELECT 1 FROM fact_encounters r WHERE r.patient_id = i.patient_id AND r.encounter_type_key = ${int(k)} AND r.admit_ts > i.discharge_ts AND r.admit_ts <= ${p.f.addDays('i.discharge_ts', 30)}) THEN 1 ELSE 0 END
         FROM ${from} WHERE i.encounter_type_key = ${int(k)} AND i.discharge_ts IS NOT NULL`,
      )
      rows['fact_encounters.readmission_flags'] = await p.conn.run(
        p.f.updateFrom('fact_encounters', [['readmitted_30d', 's.flag']], 'etl_stage_readmit s', 's.encounter_key = t.encounter_key', 't.readmitted_30d <> s.flag', 't.encounter_key IN (SELECT encounter_key FROM etl_stage_readmit)'),
      )
      await p.conn.exec(p.f.dropStage('etl_stage_readmit'))
      return rows['fact_encounters.readmission_flags']
    },
  ],
  [
    'bridges',
    async (p, rows) => {
      rows['bridge_encounter_diagnosis'] = await p.conn.run(
        `INSERT INTO bridge_encounter_diagnosis (encounter_diagnosis_id, encounter_key, diagnosis_key, diagnosis_sequence, is_primary)
         SELECT ${p.f.straightJoin}ed.encounter_diagnosis_id, f.encounter_key, dg.diagnosis_key, ed.diagnosis_sequence, CASE WHEN ed.diagnosis_sequence = 1 THEN 1 ELSE 0 END
         FROM encounter_diagnoses ed JOIN fact_encounters f ON f.encounter_id = ed.encounter_id JOIN dim_diagnosis dg ON dg.diagnosis_id = ed.diagnosis_id
         WHERE ${p.range('ed.encounter_diagnosis_id', p.from.encounterDiagnosisId, p.to.encounterDiagnosisId)} ORDER BY ed.encounter_diagnosis_id`,
      )
      rows['bridge_encounter_procedure'] = await p.conn.run(
        `INSERT INTO bridge_encounter_procedure (encounter_procedure_id, encounter_key, procedure_key, procedure_date_key)
         SELECT ${p.f.straightJoin}ep.encounter_procedure_id, f.encounter_key, pr.procedure_key, ${p.f.dateKey('ep.procedure_date')}
         FROM encounter_procedures ep JOIN fact_encounters f ON f.encounter_id = ep.encounter_id JOIN dim_procedure pr ON pr.procedure_id = ep.procedure_id
         WHERE ${p.range('ep.encounter_procedure_id', p.from.encounterProcedureId, p.to.encounterProcedureId)} ORDER BY ep.encounter_procedure_id`,
      )
      if (p.full && p.conn.dialect === 'sqlite') {
        for (const ddl of starBridgeIndexes()) await p.conn.exec(ddl)
        // Planner statistics for the star only, sampled: ANALYZE of the whole file would rescan the OLTP tables too.
        await p.conn.exec('PRAGMA analysis_limit = 400')
        for (const t of ['fact_encounters', 'bridge_encounter_diagnosis', 'bridge_encounter_procedure', 'dim_patient', 'dim_provider']) await p.conn.exec(`ANALYZE ${t}`)
      }
      return rows['bridge_encounter_diagnosis'] + rows['bridge_encounter_procedure']
    },
  ],
]


/** Encounters per code pair over a set of bridge rows: the same COUNT(DISTINCT) as question 2's OLTP form. */
function pairCounts(p: EtlPlan, where: string, sign: '' | '-'): string {
  return `SELECT COALESCE(dg.icd10_code, ''), COALESCE(pr.cpt_code, ''), ${sign}COUNT(DISTINCT bd.encounter_key)
    FROM bridge_encounter_diagnosis bd JOIN bridge_encounter_procedure bp ON bp.encounter_key = bd.encounter_key
    JOIN dim_diagnosis dg ON dg.diagnosis_key = bd.diagnosis_key JOIN dim_procedure pr ON pr.procedure_key = bp.procedure_key
    WHERE ${where} GROUP BY COALESCE(dg.icd10_code, ''), COALESCE(pr.cpt_code, '')`
}

/**
 * The aggregate for question 2. Full: counted from the bridges. Incremental:
 * for every encounter that got diagnosis or procedure rows this run, its pairs
 * after the run are added and its pairs before the run subtracted, so the
 * counts stay exact even when a late row repeats a code. A changed code
 * (type 1 update) recounts everything.
 */
export const AGGREGATE_STEP: EtlStep = [
  'aggregates',
  async (p, rows) => {
    const recount = p.full || (p.type1Updates['dim_diagnosis'] ?? 0) > 0 || (p.type1Updates['dim_procedure'] ?? 0) > 0
    if (recount) {
      if (!p.full) await p.conn.run('DELETE FROM agg_diagnosis_procedure_pairs')
      // In a full load on MySQL the bridges have no indexes yet (DDL would end the load's transaction), and
      // MariaDB's default block-nested-loop join makes this self-join of the bridges quadratic: it ran for
      // over 14 minutes at 1M encounters. Hash joins for this one statement keep it linear.
      const hashJoin = p.full && p.conn.dialect === 'mysql' && /mariadb/i.test(String((await p.conn.all('SELECT VERSION() AS v'))[0]?.v ?? ''))
      if (hashJoin) await p.conn.exec('SET SESSION join_cache_level = 8, join_buffer_size = 67108864')
      try {
        rows['agg_diagnosis_procedure_pairs'] = await p.conn.run(`INSERT INTO agg_diagnosis_procedure_pairs (icd10_code, cpt_code, encounters) ${pairCounts(p, '1 = 1', '')}`)
      } finally {
        if (hashJoin) await p.conn.exec('SET SESSION join_cache_level = DEFAULT, join_buffer_size = DEFAULT')
      }
      return rows['agg_diagnosis_procedure_pairs']
    }
    const { from: a, to: b } = p
    await p.stage('etl_stage_pair_enc', 'encounter_key INT PRIMARY KEY')
    await p.conn.run(
      `INSERT INTO etl_stage_pair_enc (encounter_key) SELECT encounter_key FROM bridge_encounter_diagnosis WHERE ${p.range('encounter_diagnosis_id', a.encounterDiagnosisId, b.encounterDiagnosisId)}
       UNION SELECT encounter_key FROM bridge_encounter_procedure WHERE ${p.range('encounter_procedure_id', a.encounterProcedureId, b.encounterProcedureId)}`,
    )
    await p.stage('etl_stage_pairs', 'icd10_code VARCHAR(10) NOT NULL, cpt_code VARCHAR(10) NOT NULL, delta INT NOT NULL')
    const affected = 'bd.encounter_key IN (SELECT encounter_key FROM etl_stage_pair_enc)'
    await p.conn.run(`INSERT INTO etl_stage_pairs (icd10_code, cpt_code, delta) ${pairCounts(p, affected, '')}`)
    await p.conn.run(
      `INSERT INTO etl_stage_pairs (icd10_code, cpt_code, delta) ${pairCounts(p, `${affected} AND bd.encounter_diagnosis_id <= ${int(a.encounterDiagnosisId)} AND bp.encounter_procedure_id <= ${int(a.encounterProcedureId)}`, '-')}`,
    )
    const changed = await p.conn.run(
      p.f.upsertAdd('agg_diagnosis_procedure_pairs', ['icd10_code', 'cpt_code'], 'encounters', 'SELECT icd10_code, cpt_code, SUM(delta) FROM etl_stage_pairs WHERE 1 = 1 GROUP BY icd10_code, cpt_code HAVING SUM(delta) <> 0'),
    )
    await p.conn.run('DELETE FROM agg_diagnosis_procedure_pairs WHERE encounters = 0')
    for (const s of ['etl_stage_pair_enc', 'etl_stage_pairs']) await p.conn.exec(p.f.dropStage(s))
    rows['agg_diagnosis_procedure_pairs'] = changed
    return changed
  },
]
ETL_STEPS.push(AGGREGATE_STEP)
