import type { ClinicDialect } from './oltp-ddl'

/**
 * The star schema, for SQLite and MySQL. Surrogate keys everywhere; patient and
 * provider are slowly changing type 2 (valid_from / valid_to / is_current);
 * fact_encounters keeps the patient's durable id (patient_id) beside the
 * versioned key so "same patient" checks (unique patients, readmissions) do not
 * depend on which version a fact points at. Foreign keys are declared so the
 * explorer's ER graph draws the star; the ETL itself guarantees them.
 */
export const STAR_TABLES = [
  'dim_date',
  'dim_patient',
  'dim_specialty',
  'dim_department',
  'dim_provider',
  'dim_encounter_type',
  'dim_diagnosis',
  'dim_procedure',
  'fact_encounters',
  'bridge_encounter_diagnosis',
  'bridge_encounter_procedure',
  'agg_diagnosis_procedure_pairs',
] as const

/** Declared foreign keys of the star, so the explorer's ER graph draws it; the ETL guarantees them. */
export const STAR_FOREIGN_KEYS: Record<string, [column: string, parent: string, parentColumn: string][]> = {
  dim_provider: [
    ['specialty_key', 'dim_specialty', 'specialty_key'],
    ['department_key', 'dim_department', 'department_key'],
  ],
  fact_encounters: [
    ['patient_key', 'dim_patient', 'patient_key'],
    ['provider_key', 'dim_provider', 'provider_key'],
    ['specialty_key', 'dim_specialty', 'specialty_key'],
    ['department_key', 'dim_department', 'department_key'],
    ['encounter_type_key', 'dim_encounter_type', 'encounter_type_key'],
    ['admit_date_key', 'dim_date', 'date_key'],
    ['discharge_date_key', 'dim_date', 'date_key'],
  ],
  bridge_encounter_diagnosis: [
    ['encounter_key', 'fact_encounters', 'encounter_key'],
    ['diagnosis_key', 'dim_diagnosis', 'diagnosis_key'],
  ],
  bridge_encounter_procedure: [
    ['encounter_key', 'fact_encounters', 'encounter_key'],
    ['procedure_key', 'dim_procedure', 'procedure_key'],
    ['procedure_date_key', 'dim_date', 'date_key'],
  ],
}

/**
 * SQLite declares foreign keys inside CREATE TABLE. MySQL gets them (and the
 * fact/bridge indexes) after a full load, by `starMysqlAfterFullLoad`: InnoDB
 * maintaining a dozen indexes row by row was most of a full load's time.
 */
export function starCreateTables(dialect: ClinicDialect): string[] {
  const fk = (table: string): string =>
    dialect === 'sqlite' ? (STAR_FOREIGN_KEYS[table] ?? []).map(([c, p, pc]) => `,\n  FOREIGN KEY (${c}) REFERENCES ${p} (${pc})`).join('') : ''
  const key = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'INT AUTO_INCREMENT PRIMARY KEY'
  const idPk = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'INT PRIMARY KEY'
  const tiny = dialect === 'sqlite' ? 'INTEGER' : 'TINYINT'
  return [
    `CREATE TABLE dim_date (
  date_key INT PRIMARY KEY,
  full_date DATE NOT NULL,
  calendar_year INT NOT NULL,
  calendar_quarter INT NOT NULL,
  month_number INT NOT NULL,
  month_name VARCHAR(10) NOT NULL,
  calendar_month CHAR(7) NOT NULL,
  day_of_month INT NOT NULL,
  day_of_week INT NOT NULL,
  weekday_name VARCHAR(10) NOT NULL,
  is_weekend ${tiny} NOT NULL
)`,
    `CREATE TABLE dim_patient (
  patient_key ${key},
  patient_id INT NOT NULL,
  first_name VARCHAR(100),
  last_name VARCHAR(100),
  date_of_birth DATE,
  gender CHAR(1),
  mrn VARCHAR(20),
  age_group VARCHAR(10),
  valid_from DATETIME NOT NULL,
  valid_to DATETIME NOT NULL,
  is_current ${tiny} NOT NULL
)`,
    `CREATE INDEX idx_dim_patient_current ON dim_patient (patient_id, is_current)`,
    `CREATE TABLE dim_specialty (
  specialty_key ${key},
  specialty_id INT NOT NULL UNIQUE,
  specialty_name VARCHAR(100),
  specialty_code VARCHAR(10)
)`,
    `CREATE TABLE dim_department (
  department_key ${key},
  department_id INT NOT NULL UNIQUE,
  department_name VARCHAR(100),
  floor INT,
  capacity INT
)`,
    `CREATE TABLE dim_provider (
  provider_key ${key},
  provider_id INT NOT NULL,
  first_name VARCHAR(100),
  last_name VARCHAR(100),
  credential VARCHAR(20),
  specialty_id INT,
  specialty_key INT,
  specialty_name VARCHAR(100),
  department_id INT,
  department_key INT,
  department_name VARCHAR(100),
  valid_from DATETIME NOT NULL,
  valid_to DATETIME NOT NULL,
  is_current ${tiny} NOT NULL${fk('dim_provider')}
)`,
    `CREATE INDEX idx_dim_provider_current ON dim_provider (provider_id, is_current)`,
    `CREATE TABLE dim_encounter_type (
  encounter_type_key ${key},
  encounter_type VARCHAR(50) NOT NULL UNIQUE,
  is_inpatient ${tiny} NOT NULL
)`,
    `CREATE TABLE dim_diagnosis (
  diagnosis_key ${key},
  diagnosis_id INT NOT NULL UNIQUE,
  icd10_code VARCHAR(10),
  icd10_description VARCHAR(200),
  icd10_chapter CHAR(1)
)`,
    `CREATE TABLE dim_procedure (
  procedure_key ${key},
  procedure_id INT NOT NULL UNIQUE,
  cpt_code VARCHAR(10),
  cpt_description VARCHAR(200)
)`,
    `CREATE TABLE fact_encounters (
  encounter_key ${key},
  encounter_id INT NOT NULL UNIQUE,
  patient_id INT,
  patient_key INT,
  provider_key INT,
  specialty_key INT,
  department_key INT,
  encounter_type_key INT,
  admit_date_key INT,
  discharge_date_key INT,
  admit_ts DATETIME,
  discharge_ts DATETIME,
  length_of_stay_days INT,
  diagnosis_count INT NOT NULL,
  procedure_count INT NOT NULL,
  claim_count INT NOT NULL,
  claimed_total DECIMAL(14, 2),
  allowed_total DECIMAL(14, 2),
  readmitted_30d ${tiny} NOT NULL${fk('fact_encounters')}${dialect === 'mysql' ? ',\n  INDEX idx_fact_patient_admit (patient_id, encounter_type_key, admit_ts)' : ''}
)`,
    `CREATE TABLE bridge_encounter_diagnosis (
  encounter_diagnosis_id ${idPk},
  encounter_key INT NOT NULL,
  diagnosis_key INT NOT NULL,
  diagnosis_sequence INT,
  is_primary ${tiny} NOT NULL${fk('bridge_encounter_diagnosis')}${dialect === 'mysql' ? ',\n  INDEX idx_bridge_dx_encounter (encounter_key, diagnosis_key)' : ''}
)`,
    `CREATE TABLE bridge_encounter_procedure (
  encounter_procedure_id ${idPk},
  encounter_key INT NOT NULL,
  procedure_key INT NOT NULL,
  procedure_date_key INT${fk('bridge_encounter_procedure')}${dialect === 'mysql' ? ',\n  INDEX idx_bridge_px_encounter (encounter_key, procedure_key)' : ''}
)`,
    // Question 2's answer kept exact by the ETL: encounters per (ICD-10, CPT) code pair. '' stands for a NULL code.
    `CREATE TABLE agg_diagnosis_procedure_pairs (
  icd10_code VARCHAR(10) NOT NULL,
  cpt_code VARCHAR(10) NOT NULL,
  encounters INT NOT NULL,
  PRIMARY KEY (icd10_code, cpt_code)
)`,
  ]
}

/** Indexes chosen for the ETL's lookups and the four questions; created after a full load's bulk inserts. */
export function starFactIndexes(): string[] {
  return [
    // Q1 and Q4 read only this index: month, specialty, type, patient, claims.
    `CREATE INDEX idx_fact_month_specialty ON fact_encounters (admit_date_key, specialty_key, encounter_type_key, patient_id, claim_count, allowed_total)`,
    // The readmission recompute probes by patient.
    `CREATE INDEX idx_fact_patient_admit ON fact_encounters (patient_id, encounter_type_key, admit_ts)`,
    // Q3 reads only this index: the inpatient stays (13% of facts) by specialty with their flag. Without it,
    // Q3 scanned every fact (1.0 s at 1M on MariaDB); an index without the flag still fetched each row.
    `CREATE INDEX idx_fact_type_specialty_readmit ON fact_encounters (encounter_type_key, specialty_key, discharge_ts, readmitted_30d)`,
  ]
}

export function starBridgeIndexes(): string[] {
  return [
    // Q2 joins the two bridges on encounter_key and reads the code keys from the index.
    `CREATE INDEX idx_bridge_dx_encounter ON bridge_encounter_diagnosis (encounter_key, diagnosis_key)`,
    `CREATE INDEX idx_bridge_px_encounter ON bridge_encounter_procedure (encounter_key, procedure_key)`,
  ]
}

export function etlRunTable(dialect: ClinicDialect): string {
  const key = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'INT AUTO_INCREMENT PRIMARY KEY'
  return `CREATE TABLE IF NOT EXISTS etl_run (
  run_id ${key},
  mode VARCHAR(20) NOT NULL,
  started_at VARCHAR(30) NOT NULL,
  finished_at VARCHAR(30),
  status VARCHAR(20) NOT NULL,
  watermark TEXT,
  rows_json TEXT,
  message TEXT
)`
}

/** MySQL, after a full load's data is committed: the remaining indexes, then the foreign keys. */
export function starMysqlAfterFullLoad(): string[] {
  // The indexes the load itself joins on (patient/admit for readmissions, bridges by encounter for the
  // question 2 aggregate) are created with the tables; only the questions' covering index comes after.
  const indexes = starFactIndexes().filter((ddl) => !ddl.includes('idx_fact_patient_admit'))
  const fks = Object.entries(STAR_FOREIGN_KEYS).map(
    ([table, keys]) => `ALTER TABLE ${table} ${keys.map(([c, p, pc]) => `ADD CONSTRAINT fk_${table}_${c} FOREIGN KEY (${c}) REFERENCES ${p} (${pc})`).join(', ')}`,
  )
  return [...indexes, ...fks]
}
