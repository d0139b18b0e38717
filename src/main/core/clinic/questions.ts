/**
 * The lab's four business questions, each as SQL over the OLTP tables and over
 * the star schema, for SQLite and MySQL. Both forms of a question return the
 * same columns in the same order and must return the same rows; the app shows
 * `definition` next to the results and the benchmark times both forms.
 *
 * "Specialty" is the specialty of the encounter's provider: the OLTP form reads
 * the provider's row as it is now, the star form the provider version the fact
 * was loaded with. They agree as long as providers keep their specialty (the
 * lab's changes move providers between departments, which is type 2 history).
 */
export type QuestionId = 'encounters-by-month' | 'diagnosis-procedure-pairs' | 'readmission-rate' | 'allowed-by-specialty-month'

export interface QuestionSql {
  sqlite: string
  mysql: string
}

export interface BusinessQuestion {
  id: QuestionId
  title: string
  /** Plain-language definition, shown in the app with the results. */
  definition: string
  /** Result columns, in order, for both forms. */
  columns: string[]
  oltp: QuestionSql
  star: QuestionSql
  /** The ORDER BY both forms use (as text for display). */
  orderBy: string
  /** Columns holding a rounded SUM of decimals, with the largest difference accepted between forms. */
  tolerance: Record<string, number>
}

const month = { sqlite: (e: string) => `strftime('%Y-%m', ${e})`, mysql: (e: string) => `DATE_FORMAT(${e}, '%Y-%m')` }
const plus30 = { sqlite: (e: string) => `datetime(${e}, '+30 days')`, mysql: (e: string) => `DATE_ADD(${e}, INTERVAL 30 DAY)` }
type D = 'sqlite' | 'mysql'
const both = (build: (d: D) => string): QuestionSql => ({ sqlite: build('sqlite'), mysql: build('mysql') })

const providerSpecialty = `JOIN providers p ON p.provider_id = e.provider_id
JOIN specialties s ON s.specialty_id = p.specialty_id`

export const questions: BusinessQuestion[] = [
  {
    id: 'encounters-by-month',
    title: 'Encounters and unique patients by month, specialty and encounter type',
    definition:
      'For every calendar month of the admission (encounter) date, every specialty of the encounter\'s provider and every encounter type (Outpatient, Inpatient, ER): the number of encounters, and the number of different patients among them.',
    columns: ['month', 'specialty', 'encounter_type', 'encounters', 'unique_patients'],
    orderBy: 'month, specialty, encounter_type',
    tolerance: {},
    oltp: both(
      (d) => `SELECT ${month[d]('e.encounter_date')} AS month, s.specialty_name AS specialty, e.encounter_type AS encounter_type,
  COUNT(*) AS encounters, COUNT(DISTINCT e.patient_id) AS unique_patients
FROM encounters e
${providerSpecialty}
WHERE e.encounter_date IS NOT NULL AND e.encounter_type IS NOT NULL
GROUP BY ${month[d]('e.encounter_date')}, s.specialty_name, e.encounter_type
ORDER BY month, specialty, encounter_type`,
    ),
    star: both(
      () => `SELECT dd.calendar_month AS month, s.specialty_name AS specialty, t.encounter_type AS encounter_type,
  COUNT(*) AS encounters, COUNT(DISTINCT f.patient_id) AS unique_patients
FROM fact_encounters f
JOIN dim_date dd ON dd.date_key = f.admit_date_key
JOIN dim_specialty s ON s.specialty_key = f.specialty_key
JOIN dim_encounter_type t ON t.encounter_type_key = f.encounter_type_key
GROUP BY dd.calendar_month, s.specialty_name, t.encounter_type
ORDER BY month, specialty, encounter_type`,
    ),
  },
  {
    id: 'diagnosis-procedure-pairs',
    title: 'Most common diagnosis–procedure pairs',
    definition:
      'Pairs of an ICD-10 diagnosis code and a CPT procedure code recorded on the same encounter, with the number of encounters that have both. The 20 most frequent pairs; ties are broken by ICD-10 code, then CPT code.',
    columns: ['icd10_code', 'cpt_code', 'encounters'],
    orderBy: 'encounters DESC, icd10_code, cpt_code (first 20)',
    tolerance: {},
    oltp: both(
      () => `SELECT dg.icd10_code AS icd10_code, pr.cpt_code AS cpt_code, COUNT(DISTINCT ed.encounter_id) AS encounters
FROM encounter_diagnoses ed
JOIN encounter_procedures ep ON ep.encounter_id = ed.encounter_id
JOIN diagnoses dg ON dg.diagnosis_id = ed.diagnosis_id
JOIN procedures pr ON pr.procedure_id = ep.procedure_id
GROUP BY dg.icd10_code, pr.cpt_code
ORDER BY encounters DESC, icd10_code, cpt_code
LIMIT 20`,
    ),
    // The ETL keeps this aggregate exact (see etl-steps.ts); '' in it stands for a NULL code.
    star: both(
      () => `SELECT NULLIF(a.icd10_code, '') AS icd10_code, NULLIF(a.cpt_code, '') AS cpt_code, a.encounters AS encounters
FROM agg_diagnosis_procedure_pairs a
ORDER BY encounters DESC, icd10_code, cpt_code
LIMIT 20`,
    ),
  },
  {
    id: 'readmission-rate',
    title: '30-day readmission rate by specialty',
    definition:
      'Every inpatient stay with a discharge date is an index stay. It counts as readmitted when the same patient has an inpatient admission after that discharge and at most 30 days (720 hours) later. The stay is attributed to the specialty of the discharging provider (the provider of the index stay). Rate = readmitted stays / index stays × 100, rounded to 2 decimals.',
    columns: ['specialty', 'inpatient_stays', 'readmissions', 'readmission_rate_pct'],
    orderBy: 'specialty',
    tolerance: {},
    oltp: both(
      (d) => `SELECT x.specialty AS specialty, COUNT(*) AS inpatient_stays, SUM(x.readmitted) AS readmissions,
  ROUND(100.0 * SUM(x.readmitted) / COUNT(*), 2) AS readmission_rate_pct
FROM (
  SELECT s.specialty_name AS specialty,
    CASE WHEN EXISTS (
      SELECT 1 FROM encounters r
      WHERE r.patient_id = e.patient_id AND r.encounter_type = 'Inpatient'
        AND r.encounter_date > e.discharge_date AND r.encounter_date <= ${plus30[d]('e.discharge_date')}
    ) THEN 1 ELSE 0 END AS readmitted
  FROM encounters e
  ${providerSpecialty}
  WHERE e.encounter_type = 'Inpatient' AND e.discharge_date IS NOT NULL
) x
GROUP BY x.specialty
ORDER BY specialty`,
    ),
    // The inpatient types are read from the dimension as a list, so both engines seek the covering index
    // idx_fact_type_specialty_readmit by type; as a join, SQLite scanned the whole index (32 ms against 12 ms at 200k).
    star: both(
      () => `SELECT s.specialty_name AS specialty, COUNT(*) AS inpatient_stays, SUM(f.readmitted_30d) AS readmissions,
  ROUND(100.0 * SUM(f.readmitted_30d) / COUNT(*), 2) AS readmission_rate_pct
FROM fact_encounters f
JOIN dim_specialty s ON s.specialty_key = f.specialty_key
WHERE f.encounter_type_key IN (SELECT t.encounter_type_key FROM dim_encounter_type t WHERE t.is_inpatient = 1)
  AND f.discharge_ts IS NOT NULL
GROUP BY s.specialty_name
ORDER BY specialty`,
    ),
  },
  {
    id: 'allowed-by-specialty-month',
    title: 'Allowed amount by specialty and month',
    definition:
      'The sum of allowed amounts of all claims (every status; denied and pending claims allow 0), by the calendar month of the encounter\'s admission date (not the claim date) and the specialty of the encounter\'s provider, with the number of claims. Months and specialties without claims are not listed.',
    columns: ['month', 'specialty', 'claims', 'allowed_amount'],
    orderBy: 'month, specialty',
    tolerance: { allowed_amount: 0.011 },
    oltp: both(
      (d) => `SELECT ${month[d]('e.encounter_date')} AS month, s.specialty_name AS specialty, COUNT(*) AS claims,
  ROUND(SUM(b.allowed_amount), 2) AS allowed_amount
FROM billing b
JOIN encounters e ON e.encounter_id = b.encounter_id
${providerSpecialty}
WHERE e.encounter_date IS NOT NULL
GROUP BY ${month[d]('e.encounter_date')}, s.specialty_name
ORDER BY month, specialty`,
    ),
    star: both(
      () => `SELECT dd.calendar_month AS month, s.specialty_name AS specialty, SUM(f.claim_count) AS claims,
  ROUND(SUM(f.allowed_total), 2) AS allowed_amount
FROM fact_encounters f
JOIN dim_date dd ON dd.date_key = f.admit_date_key
JOIN dim_specialty s ON s.specialty_key = f.specialty_key
WHERE f.claim_count > 0
GROUP BY dd.calendar_month, s.specialty_name
ORDER BY month, specialty`,
    ),
  },
]

export function questionById(id: string): BusinessQuestion | undefined {
  return questions.find((q) => q.id === id)
}
