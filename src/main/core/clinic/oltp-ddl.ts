/**
 * The lab's ten OLTP tables (healthcare_lab_sample_mysql.sql), same names and
 * column types, for SQLite and MySQL. Like the lab's own generator script,
 * patients and providers carry a `last_update` change-capture column, which the
 * incremental ETL uses as its watermark.
 *
 * SQLite differences, and why: `INTEGER PRIMARY KEY` (same type affinity as INT)
 * makes the id the rowid, which halves the cost of bulk inserts; SQLite does not
 * index foreign keys by itself as InnoDB does, so the same indexes are created
 * explicitly for the foreign keys the questions and the ETL follow (after the
 * bulk load, which is faster); a trigger stands in for MySQL's
 * `ON UPDATE CURRENT_TIMESTAMP`.
 */
export type ClinicDialect = 'sqlite' | 'mysql'

export const OLTP_TABLES = [
  'patients',
  'specialties',
  'departments',
  'providers',
  'encounters',
  'diagnoses',
  'encounter_diagnoses',
  'procedures',
  'encounter_procedures',
  'billing',
] as const
export type OltpTable = (typeof OLTP_TABLES)[number]

export function oltpCreateTables(dialect: ClinicDialect): string[] {
  const pk = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'INT PRIMARY KEY'
  const lastUpdate =
    dialect === 'sqlite'
      ? `last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP`
      : `last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP`
  const mysqlOnly = (s: string): string => (dialect === 'mysql' ? s : '')
  return [
    `CREATE TABLE patients (
  patient_id ${pk},
  first_name VARCHAR(100),
  last_name VARCHAR(100),
  date_of_birth DATE,
  gender CHAR(1),
  mrn VARCHAR(20) UNIQUE,
  ${lastUpdate}
)`,
    `CREATE TABLE specialties (
  specialty_id ${pk},
  specialty_name VARCHAR(100),
  specialty_code VARCHAR(10)
)`,
    `CREATE TABLE departments (
  department_id ${pk},
  department_name VARCHAR(100),
  floor INT,
  capacity INT
)`,
    `CREATE TABLE providers (
  provider_id ${pk},
  first_name VARCHAR(100),
  last_name VARCHAR(100),
  credential VARCHAR(20),
  specialty_id INT,
  department_id INT,
  ${lastUpdate},
  FOREIGN KEY (specialty_id) REFERENCES specialties (specialty_id),
  FOREIGN KEY (department_id) REFERENCES departments (department_id)
)`,
    `CREATE TABLE encounters (
  encounter_id ${pk},
  patient_id INT,
  provider_id INT,
  encounter_type VARCHAR(50),
  encounter_date DATETIME,
  discharge_date DATETIME,
  department_id INT,
  FOREIGN KEY (patient_id) REFERENCES patients (patient_id),
  FOREIGN KEY (provider_id) REFERENCES providers (provider_id),
  FOREIGN KEY (department_id) REFERENCES departments (department_id)${mysqlOnly(',\n  INDEX idx_encounter_date (encounter_date)')}
)`,
    `CREATE TABLE diagnoses (
  diagnosis_id ${pk},
  icd10_code VARCHAR(10),
  icd10_description VARCHAR(200)
)`,
    `CREATE TABLE encounter_diagnoses (
  encounter_diagnosis_id ${pk},
  encounter_id INT,
  diagnosis_id INT,
  diagnosis_sequence INT,
  FOREIGN KEY (encounter_id) REFERENCES encounters (encounter_id),
  FOREIGN KEY (diagnosis_id) REFERENCES diagnoses (diagnosis_id)
)`,
    `CREATE TABLE procedures (
  procedure_id ${pk},
  cpt_code VARCHAR(10),
  cpt_description VARCHAR(200)
)`,
    `CREATE TABLE encounter_procedures (
  encounter_procedure_id ${pk},
  encounter_id INT,
  procedure_id INT,
  procedure_date DATE,
  FOREIGN KEY (encounter_id) REFERENCES encounters (encounter_id),
  FOREIGN KEY (procedure_id) REFERENCES procedures (procedure_id)
)`,
    `CREATE TABLE billing (
  billing_id ${pk},
  encounter_id INT,
  claim_amount DECIMAL(12, 2),
  allowed_amount DECIMAL(12, 2),
  claim_date DATE,
  claim_status VARCHAR(50),
  FOREIGN KEY (encounter_id) REFERENCES encounters (encounter_id)${mysqlOnly(',\n  INDEX idx_claim_date (claim_date)')}
)`,
  ]
}

/**
 * SQLite only: the lab's two indexes, the foreign-key indexes that the four
 * questions and the ETL use (encounters by patient; diagnoses, procedures and
 * claims by encounter), and the last_update triggers. The other foreign keys
 * (encounter → provider/department, rows → diagnosis/procedure code) are only
 * ever joined from the other side, by primary key; indexing them would cost
 * ~40% of a million-encounter lab's index build for no query.
 */
export function oltpSqliteIndexes(): string[] {
  const idx = (name: string, table: string, cols: string): string => `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${cols})`
  const trigger = (table: string, key: string): string =>
    `CREATE TRIGGER IF NOT EXISTS ${table}_last_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN NEW.last_update IS OLD.last_update
BEGIN UPDATE ${table} SET last_update = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE ${key} = NEW.${key}; END`
  return [
    idx('idx_encounter_date', 'encounters', 'encounter_date'),
    idx('idx_claim_date', 'billing', 'claim_date'),
    idx('idx_providers_specialty', 'providers', 'specialty_id'),
    idx('idx_providers_department', 'providers', 'department_id'),
    idx('idx_encounters_patient', 'encounters', 'patient_id'),
    idx('idx_encounter_diagnoses_encounter', 'encounter_diagnoses', 'encounter_id'),
    idx('idx_encounter_procedures_encounter', 'encounter_procedures', 'encounter_id'),
    idx('idx_billing_encounter', 'billing', 'encounter_id'),
    trigger('patients', 'patient_id'),
    trigger('providers', 'provider_id'),
  ]
}
