import type { ClinicEtlWatermark } from '../../../shared/calls/clinic'
import { AppError } from '../../../shared/errors'
import { hasTable, type ClinicConn } from './clinic-conn'
import { flavorOf, type SqlFlavor } from './etl-sql'

export type EtlMode = 'full' | 'incremental'

/** How far the star has read the source (defined in the contract, which shows it in etl_run listings). */
export type EtlWatermark = ClinicEtlWatermark

export interface EtlStepTiming {
  step: string
  seconds: number
  rows: number
}

export interface EtlSummary {
  runId: number
  mode: EtlMode
  /** True when an incremental load was asked for but no earlier run existed, so a full load ran. */
  fellBackToFull: boolean
  startedAt: string
  finishedAt: string
  status: 'success'
  watermark: EtlWatermark
  /** Rows inserted/updated/expired per star table, e.g. `fact_encounters.updated`. */
  rows: Record<string, number>
  steps: EtlStepTiming[]
  seconds: number
}

export const ZERO_WATERMARK: EtlWatermark = { encounterId: 0, encounterDiagnosisId: 0, encounterProcedureId: 0, billingId: 0, patientId: 0, providerId: 0, patientUpdate: null, providerUpdate: null }
const OPEN_END = `'9999-12-31 23:59:59'`
const FIRST_VERSION = `'1900-01-01 00:00:00'`

/** A timestamp or date that came from the engine or the clock, checked before it is written into SQL text. */
export function lit(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d+)?)?$/.test(value)) throw new AppError('INTERNAL', `Unexpected timestamp ${value}`)
  return `'${value}'`
}
export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new AppError('INTERNAL', `Unexpected id ${n}`)
  return String(n)
}
export function nowStamp(): string {
  return new Date().toISOString().replace('T', ' ').slice(0, 19)
}
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  return String(v).slice(0, 19)
}

export async function readNewWatermark(conn: ClinicConn, cdc: { patients: boolean; providers: boolean }): Promise<EtlWatermark> {
  const one = async (sql: string): Promise<unknown> => Object.values((await conn.all(sql))[0] ?? {})[0]
  const max = async (t: string, c: string): Promise<number> => Number((await one(`SELECT COALESCE(MAX(${c}), 0) AS m FROM ${t}`)) ?? 0)
  return {
    encounterId: await max('encounters', 'encounter_id'),
    encounterDiagnosisId: await max('encounter_diagnoses', 'encounter_diagnosis_id'),
    encounterProcedureId: await max('encounter_procedures', 'encounter_procedure_id'),
    billingId: await max('billing', 'billing_id'),
    patientId: await max('patients', 'patient_id'),
    providerId: await max('providers', 'provider_id'),
    patientUpdate: cdc.patients ? asText(await one(`SELECT MAX(last_update) AS m FROM patients`)) : null,
    providerUpdate: cdc.providers ? asText(await one(`SELECT MAX(last_update) AS m FROM providers`)) : null,
  }
}

export async function lastWatermark(conn: ClinicConn): Promise<EtlWatermark | null> {
  if (!(await hasTable(conn, 'etl_run'))) return null
  const rows = await conn.all(`SELECT watermark FROM etl_run WHERE status = 'success' ORDER BY run_id DESC LIMIT 1`)
  const text = rows[0]?.watermark
  if (typeof text !== 'string') return null
  return { ...ZERO_WATERMARK, ...(JSON.parse(text) as Partial<EtlWatermark>) }
}

/** The ETL's statements, built once per run for one engine. */
export class EtlPlan {
  readonly f: SqlFlavor
  constructor(
    readonly conn: ClinicConn,
    readonly full: boolean,
    readonly from: EtlWatermark,
    readonly to: EtlWatermark,
    readonly now: string,
    readonly cdc: { patients: boolean; providers: boolean },
    /** Highest fact key before this run; facts above it are new. */
    readonly prevMaxKey: number,
  ) {
    this.f = flavorOf(conn.dialect)
  }

  /** Rows changed in place per type 1 dimension this run (a changed code invalidates code-level aggregates). */
  readonly type1Updates: Record<string, number> = {}

  range(col: string, a: number, b: number): string {
    return this.full ? `${col} <= ${int(b)}` : `${col} > ${int(a)} AND ${col} <= ${int(b)}`
  }

  async stage(name: string, cols: string): Promise<void> {
    for (const s of this.f.stageTable(name, cols)) await this.conn.exec(s)
  }

  async type1(dim: string, key: string, source: string, id: string, cols: string[], extra: [string, string][] = []): Promise<number> {
    const all: [string, string][] = [...cols.map((c): [string, string] => [c, `s.${c}`]), ...extra]
    const diff = all.map(([c, v]) => this.f.differs(`t.${c}`, v)).join(' OR ')
    const updated = this.full ? 0 : await this.conn.run(this.f.updateFrom(dim, all, `${source} s`, `s.${id} = t.${id}`, `(${diff})`))
    this.type1Updates[dim] = updated
    const inserted = await this.conn.run(
      `INSERT INTO ${dim} (${id}, ${all.map(([c]) => c).join(', ')}) SELECT s.${id}, ${all.map(([, v]) => v).join(', ')} FROM ${source} s LEFT JOIN ${dim} d ON d.${id} = s.${id} WHERE d.${key} IS NULL AND s.${id} IS NOT NULL ORDER BY s.${id}`,
    )
    return updated + inserted
  }

  /** Type 2: a new version for every new or changed row; the old version is closed at the run's time. */
  async type2(dim: string, key: string, source: string, id: string, cols: string[], since: string | null, sinceId: number, useCdc: boolean, insertSelect: string, joins: string): Promise<{ inserted: number; expired: number }> {
    const stage = `etl_stage_${source}`
    await this.stage(stage, `${id} INT PRIMARY KEY, is_new INT NOT NULL`)
    const diff = cols.map((c) => this.f.differs(`d.${c}`, `s.${c}`)).join(' OR ')
    // With change capture only rows with a new id or a recent last_update are compared; without it, all are.
    const candidates = useCdc && since && !this.full ? `(s.${id} > ${int(sinceId)} OR s.last_update >= ${lit(since)}) AND ` : ''
    await this.conn.run(
      `INSERT INTO ${stage} (${id}, is_new) SELECT s.${id}, CASE WHEN d.${key} IS NULL THEN 1 ELSE 0 END FROM ${source} s LEFT JOIN ${dim} d ON d.${id} = s.${id} AND d.is_current = 1 WHERE ${candidates}(d.${key} IS NULL OR ${diff})`,
    )
    const expired = await this.conn.run(
      `UPDATE ${dim} SET valid_to = ${lit(this.now)}, is_current = 0 WHERE is_current = 1 AND ${id} IN (SELECT ${id} FROM ${stage} WHERE is_new = 0)`,
    )
    const inserted = await this.conn.run(
      `INSERT INTO ${dim} (${id}, ${cols.join(', ')}, ${insertSelect.split('|')[0]}, valid_from, valid_to, is_current) SELECT s.${id}, ${cols.map((c) => `s.${c}`).join(', ')}, ${insertSelect.split('|')[1]}, CASE WHEN c.is_new = 1 THEN ${FIRST_VERSION} ELSE ${lit(this.now)} END, ${OPEN_END}, 1 FROM ${source} s JOIN ${stage} c ON c.${id} = s.${id} ${joins} ORDER BY s.${id}`,
    )
    await this.conn.exec(this.f.dropStage(stage))
    return { inserted, expired }
  }
}

