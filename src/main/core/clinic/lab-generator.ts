import type { OltpTable } from './oltp-ddl'
import { Prng, WeightedPicker } from './prng'
import {
  CLAIM_STATUSES,
  CPT,
  CREDENTIALS,
  DEPARTMENTS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  ICD10,
  LAST_NAMES,
  SPECIALTIES,
  type CodeRef,
  type EncounterType,
} from './reference-data'

export type LabValue = string | number | null
/** Receives generated rows in column order of the OLTP tables; parents always arrive before their children. */
export interface RowSink {
  add(table: OltpTable, row: LabValue[]): void
}

export interface LabProvider {
  id: number
  /** Index into SPECIALTIES. */
  specialty: number
  departmentId: number
}

export interface LabPlan {
  seed: number
  /** Patients to add. */
  patients: number
  /** Encounters to add. */
  encounters: number
  /** Providers to add; existing ones are reused too. */
  providers: number
  /** First day of the encounter window, YYYY-MM-DD. */
  startDate: string
  days: number
  /** Share of inpatient stays followed by an inpatient readmission of the same patient within 30 days. */
  readmissionRate: number
  /** Whether to write the reference tables (specialties, departments, diagnoses, procedures). */
  withReference: boolean
  /** Highest ids already present (0 for a new database). */
  base: { patient: number; provider: number; encounter: number; encounterDiagnosis: number; encounterProcedure: number; billing: number }
  existingProviders: LabProvider[]
}

const DAY_MS = 86_400_000
const ER_SPECIALTY = SPECIALTIES.findIndex((s) => s.code === 'ER')
const ER_DEPARTMENT = 3
const ICU_DEPARTMENT = DEPARTMENTS.findIndex((d) => d.name === 'Intensive Care Unit') + 1
const INPATIENT_SPECIALTIES = new Set(['IM', 'CARD', 'SURG', 'ONC', 'NEUR', 'PULM', 'OBGYN', 'GI', 'NEPH', 'ORTH', 'PSY', 'PED'])
const EM_CODES: Record<EncounterType, string[]> = {
  Outpatient: ['99213', '99214', '99203'],
  ER: ['99283', '99284', '99285'],
  Inpatient: ['99222', '99223'],
}
const CPT_INDEX = new Map(CPT.map((c, i) => [c.code, i]))
const ALL_EM = new Set(Object.values(EM_CODES).flat().concat(['99232', '99238', '99395', '99392']))

const PAD2 = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)))
/** Day strings by day number: formatting dates is the generator's hottest path, and there are few distinct days. */
const dayCache = new Map<number, string>()
export function formatDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  let s = dayCache.get(day)
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10)
    if (dayCache.size < 200_000) dayCache.set(day, s)
  }
  return s
}
/** 'YYYY-MM-DD HH:MM:SS' in UTC, the format both engines compare correctly as text/DATETIME. */
export function formatDateTime(ms: number): string {
  const sec = Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / 1000)
  return `${formatDate(ms)} ${PAD2[Math.floor(sec / 3600)]!}:${PAD2[Math.floor(sec / 60) % 60]!}:${PAD2[sec % 60]!}`
}
function parseDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new Error(`Bad date ${day}`)
  return ms
}
const cents = (x: number): number => Math.round(x * 100) / 100

/** Code pickers per specialty: the specialty's own codes most of the time, any code otherwise. */
class CodePicker {
  private readonly global: WeightedPicker<number>
  private readonly bySpecialty: (WeightedPicker<number> | null)[]
  constructor(codes: readonly CodeRef[], include: (c: CodeRef) => boolean) {
    const idx = codes.map((_, i) => i).filter((i) => include(codes[i]!))
    this.global = new WeightedPicker(idx, idx.map((i) => codes[i]!.weight))
    this.bySpecialty = SPECIALTIES.map((s) => {
      const own = idx.filter((i) => codes[i]!.specialties.includes(s.code))
      return own.length ? new WeightedPicker(own, own.map((i) => codes[i]!.weight)) : null
    })
  }
  pick(rng: Prng, specialty: number): number {
    const own = this.bySpecialty[specialty]
    return own && rng.chance(0.7) ? own.pick(rng) : this.global.pick(rng)
  }
}

/**
 * Produces the lab's OLTP rows deterministically from a seed, one chunk at a
 * time, so 5 million encounters stream through bounded memory: only providers
 * and one pending readmission are kept between chunks.
 */
export class LabGenerator {
  private readonly rng: Prng
  private readonly start: number
  private readonly providers: LabProvider[] = []
  private pools: Record<EncounterType, LabProvider[]> = { Outpatient: [], ER: [], Inpatient: [] }
  private readonly dxPicker = new CodePicker(ICD10, () => true)
  private readonly pxPicker = new CodePicker(CPT, (c) => !ALL_EM.has(c.code))
  private readonly typePicker = new WeightedPicker<EncounterType>(['Outpatient', 'ER', 'Inpatient'], [68, 20, 12])
  private readonly statusPicker = new WeightedPicker(CLAIM_STATUSES.map((s) => s.value), CLAIM_STATUSES.map((s) => s.weight))
  private readonly credentialPicker = new WeightedPicker(CREDENTIALS.map((s) => s.value), CREDENTIALS.map((s) => s.weight))
  private readonly specialtyPicker = new WeightedPicker(SPECIALTIES.map((_, i) => i), SPECIALTIES.map((s) => s.weight))
  private patientsWritten = 0
  private encountersWritten = 0
  private ids: LabPlan['base']
  private pendingReadmit: { patientId: number; dischargeMs: number; provider: LabProvider } | null = null
  /** Per day of the window: relative volume for clinics (weekday) and for ER/inpatient (every day). */
  private readonly dayWeights: { clinic: Float64Array; any: Float64Array }
  private readonly totalPatients: number
  private readonly permStep: number
  readonly lastUpdate: string

  constructor(private readonly plan: LabPlan, private readonly sink: RowSink) {
    this.rng = new Prng(plan.seed)
    this.start = parseDay(plan.startDate)
    this.ids = { ...plan.base }
    this.totalPatients = plan.base.patient + plan.patients
    this.permStep = coprimeStep(this.totalPatients)
    this.providers.push(...plan.existingProviders)
    this.lastUpdate = `${plan.startDate} 00:00:00`
    const clinic = new Float64Array(plan.days)
    const any = new Float64Array(plan.days)
    for (let day = 0; day < plan.days; day++) {
      const ms = this.start + day * DAY_MS
      const d = new Date(ms)
      const doy = (ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS
      // Winter peak (respiratory season), quieter clinics at weekends.
      const w = 1 + 0.3 * Math.cos((2 * Math.PI * (doy - 15)) / 365)
      any[day] = w
      clinic[day] = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? w * 0.15 : w
    }
    this.dayWeights = { clinic, any }
  }

  get remainingPatients(): number {
    return this.plan.patients - this.patientsWritten
  }
  get remainingEncounters(): number {
    return this.plan.encounters - this.encountersWritten
  }

  /** Specialties, departments, diagnoses, procedures (when asked) and the new providers. */
  writeReference(): void {
    const { sink } = this
    if (this.plan.withReference) {
      SPECIALTIES.forEach((s, i) => sink.add('specialties', [i + 1, s.name, s.code]))
      DEPARTMENTS.forEach((d, i) => sink.add('departments', [i + 1, d.name, d.floor, d.capacity]))
      ICD10.forEach((c, i) => sink.add('diagnoses', [i + 1, c.code, c.description]))
      CPT.forEach((c, i) => sink.add('procedures', [i + 1, c.code, c.description]))
    }
    for (let i = 0; i < this.plan.providers; i++) {
      // The first providers cover every specialty once, so every specialty appears.
      const specialty = i < SPECIALTIES.length ? i : this.specialtyPicker.pick(this.rng)
      const spec = SPECIALTIES[specialty]!
      const departmentId = specialty === ER_SPECIALTY || this.rng.chance(0.85) ? spec.department + 1 : this.rng.int(1, DEPARTMENTS.length)
      const female = this.rng.chance(0.5)
      const p: LabProvider = { id: ++this.ids.provider, specialty, departmentId }
      this.providers.push(p)
      sink.add('providers', [
        p.id,
        this.rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M),
        this.rng.pick(LAST_NAMES),
        this.credentialPicker.pick(this.rng),
        specialty + 1,
        departmentId,
        this.lastUpdate,
      ])
    }
    this.pools = {
      ER: this.providers.filter((p) => p.specialty === ER_SPECIALTY),
      Inpatient: this.providers.filter((p) => INPATIENT_SPECIALTIES.has(SPECIALTIES[p.specialty]!.code)),
      Outpatient: this.providers.filter((p) => p.specialty !== ER_SPECIALTY),
    }
    for (const t of ['ER', 'Inpatient', 'Outpatient'] as const) if (this.pools[t].length === 0) this.pools[t] = this.providers
  }

  writePatients(count: number): number {
    const n = Math.min(count, this.remainingPatients)
    const refYear = new Date(this.start).getUTCFullYear()
    for (let i = 0; i < n; i++) {
      const id = ++this.ids.patient
      const g = this.rng.next()
      const gender = g < 0.51 ? 'F' : g < 0.995 ? 'M' : 'U'
      const band = this.rng.next()
      const age = band < 0.2 ? this.rng.int(0, 17) : band < 0.53 ? this.rng.int(18, 44) : band < 0.8 ? this.rng.int(45, 64) : this.rng.int(65, 97)
      const dob = Date.UTC(refYear - age, 0, 1) - this.rng.int(0, 364) * DAY_MS
      const names = gender === 'F' ? FIRST_NAMES_F : gender === 'M' ? FIRST_NAMES_M : this.rng.chance(0.5) ? FIRST_NAMES_F : FIRST_NAMES_M
      this.sink.add('patients', [
        id,
        this.rng.pick(names),
        this.rng.pick(LAST_NAMES),
        formatDate(dob),
        gender,
        `MRN${String(id).padStart(8, '0')}`,
        this.lastUpdate,
      ])
    }
    this.patientsWritten += n
    return n
  }

  /** A patient id with a skewed visit frequency (some patients come often), scattered over the id range. */
  private pickPatient(): number {
    const n = this.totalPatients
    const idx = Math.floor(n * Math.pow(this.rng.next(), 1.6))
    return ((idx * this.permStep) % n) + 1
  }

  /** A day in the window, with winter peaks and quieter weekends for clinics. */
  private pickDayMs(type: EncounterType): number {
    const weights = type === 'Outpatient' ? this.dayWeights.clinic : this.dayWeights.any
    for (;;) {
      const day = this.rng.int(0, this.plan.days - 1)
      if (this.rng.next() * 1.3 < weights[day]!) return this.start + day * DAY_MS
    }
  }

  writeEncounters(count: number): number {
    const n = Math.min(count, this.remainingEncounters)
    for (let i = 0; i < n; i++) this.writeEncounter()
    this.encountersWritten += n
    return n
  }

  private writeEncounter(): void {
    const { rng, sink } = this
    let type: EncounterType
    let patientId: number
    let provider: LabProvider
    let admit: number
    const readmit = this.pendingReadmit
    this.pendingReadmit = null
    if (readmit) {
      type = 'Inpatient'
      patientId = readmit.patientId
      provider = rng.chance(0.5) ? readmit.provider : rng.pick(this.pools.Inpatient)
      admit = readmit.dischargeMs + rng.int(1, 29) * DAY_MS + rng.int(0, 23) * 3_600_000
    } else {
      type = this.typePicker.pick(rng)
      patientId = this.pickPatient()
      provider = rng.pick(this.pools[type])
      const day = this.pickDayMs(type)
      admit = type === 'Outpatient' ? day + (8 * 60 + rng.int(0, 9 * 4 - 1) * 15) * 60_000 : day + rng.int(0, 24 * 60 - 1) * 60_000
    }
    let discharge: number
    let losDays = 0
    if (type === 'Outpatient') discharge = admit + rng.int(1, 6) * 15 * 60_000
    else if (type === 'ER') discharge = admit + Math.min(36, Math.max(1, rng.logNormal(4, 0.6))) * 3_600_000
    else {
      losDays = Math.min(30, 1 + Math.floor(rng.logNormal(2.6, 0.7)))
      const admitDay = admit - (admit % DAY_MS)
      discharge = admitDay + losDays * DAY_MS + (10 * 60 + rng.int(0, 6 * 60)) * 60_000
    }
    discharge = Math.floor(discharge / 1000) * 1000
    const departmentId = type === 'ER' ? ER_DEPARTMENT : type === 'Inpatient' && rng.chance(0.1) ? ICU_DEPARTMENT : provider.departmentId
    const encounterId = ++this.ids.encounter
    sink.add('encounters', [encounterId, patientId, provider.id, type, formatDateTime(admit), formatDateTime(discharge), departmentId])

    const dxCount = Math.min(5, this.countFrom([30, 30, 20, 12, 8]) + 1 + (type === 'Inpatient' && rng.chance(0.5) ? 1 : 0))
    const seen = new Set<number>()
    for (let seq = 1; seq <= dxCount; seq++) {
      let code = this.dxPicker.pick(rng, provider.specialty)
      for (let tries = 0; seen.has(code) && tries < 6; tries++) code = this.dxPicker.pick(rng, provider.specialty)
      if (seen.has(code)) break
      seen.add(code)
      sink.add('encounter_diagnoses', [++this.ids.encounterDiagnosis, encounterId, code + 1, seq])
    }

    const pxWeights = type === 'Outpatient' ? [15, 40, 25, 12, 8] : type === 'ER' ? [5, 25, 35, 20, 15] : [2, 15, 30, 28, 25]
    const pxCount = this.countFrom(pxWeights)
    const usedPx = new Set<number>()
    for (let k = 0; k < pxCount; k++) {
      let code: number
      if (k === 0) {
        code = CPT_INDEX.get(rng.pick(EM_CODES[type]))!
      } else {
        code = this.pxPicker.pick(rng, provider.specialty)
        if (usedPx.has(code)) continue
      }
      usedPx.add(code)
      const day = admit + (losDays > 0 ? rng.int(0, losDays) * DAY_MS : 0)
      sink.add('encounter_procedures', [++this.ids.encounterProcedure, encounterId, code + 1, formatDate(day)])
    }

    const claimRoll = rng.next()
    const claims = claimRoll < 0.03 ? 0 : claimRoll < 0.96 ? 1 : 2
    for (let c = 0; c < claims; c++) {
      let claimed =
        type === 'Outpatient' ? rng.logNormal(180, 0.5) + 45 * pxCount : type === 'ER' ? rng.logNormal(1800, 0.6) : rng.logNormal(3200, 0.4) * losDays
      if (c === 1) claimed *= 0.25
      claimed = cents(Math.max(25, claimed))
      const status = this.statusPicker.pick(rng)
      const allowed =
        status === 'Paid' ? cents(claimed * (0.55 + 0.35 * rng.next())) : status === 'Partially Paid' ? cents(claimed * (0.2 + 0.3 * rng.next())) : 0
      const claimDate = discharge + rng.int(1, 21) * DAY_MS
      sink.add('billing', [++this.ids.billing, encounterId, claimed, allowed, formatDate(claimDate), status])
    }

    if (type === 'Inpatient' && rng.chance(this.plan.readmissionRate)) {
      this.pendingReadmit = { patientId, dischargeMs: discharge, provider }
    }
  }

  private countFrom(weights: number[]): number {
    const total = weights.reduce((a, b) => a + b, 0)
    let x = this.rng.next() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!
      if (x < 0) return i
    }
    return weights.length - 1
  }
}

/** A multiplier coprime with n, so (i * step) mod n permutes 0..n-1. */
function coprimeStep(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  let step = 7919
  while (n > 1 && gcd(step, n) !== 1) step += 2
  return n > 1 ? step % n || 1 : 1
}
