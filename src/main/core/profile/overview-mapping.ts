import type { OverviewMapping, OverviewMappingResult, OverviewRole, RoleCandidate } from '../../../shared/calls/profile'
import type { Driver, SqlValue } from '../db/driver'
import type { AnalysisSource } from './analysis-source'
import { toNum, toText } from './sql-values'

/**
 * Guesses which columns of a patient-visit table play which role, from their
 * names, declared types and a sample of values. Each role gets candidates with
 * a confidence (name evidence up to 0.6, value evidence up to 0.4); a role is
 * "unsure" when its best guess is weak, a runner-up is close, or nothing fits.
 */
export const ROLES: OverviewRole[] = ['visitDate', 'reportDate', 'birthDate', 'age', 'gender', 'patientId']

interface ColumnFacts {
  name: string
  declaredType: string
  /** Share of non-null sampled values that look like dates / numbers. */
  dateShare: number
  numberShare: number
  distinct: number
  nonNull: number
  values: string[]
  maxNumber: number | null
  minNumber: number | null
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}/
const GENDER_WORDS = new Set(['m', 'f', 'male', 'female', 'man', 'woman', 'other', 'u', 'unknown', 'x', 'nonbinary', 'non-binary'])

type NameRule = { strong: RegExp; weak?: RegExp; not?: RegExp }
const NAME_RULES: Record<OverviewRole, NameRule> = {
  visitDate: {
    strong: /appointment_?date|appt_?date|visit_?date|encounter_?date|admission_?date|admit_?date|exam_?date|scan_?date|service_?date|study_?date|^date$/i,
    weak: /date|time|_at$|_dt$|appointment|visit|encounter/i,
    not: /report|birth|dob|discharge|result|sign|created|updated|modified/i,
  },
  reportDate: {
    strong: /report_?date|result_?date|discharge_?date|reported_?(at|on|date)|signed_?(at|on|date)|finali[sz]ed|completed_?(at|on|date)/i,
    weak: /report|result|discharge|signed|completed/i,
    not: /birth|dob|text|id$/i,
  },
  birthDate: { strong: /birth|dob|born/i, not: /place|country|city/i },
  age: { strong: /^age$|(^|_)age(_?years|_?yrs)?$|patient_?age|^age_/i },
  gender: { strong: /gender|^sex$|(^|_)sex$/i },
  patientId: { strong: /patient_?id|^mrn$|patient_?no|subject_?id|^pid$/i, weak: /patient/i },
}

function nameScore(role: OverviewRole, name: string): { score: number; reason: string | null } {
  const rule = NAME_RULES[role]
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2')
  if (rule.not?.test(snake)) return { score: 0, reason: null }
  if (rule.strong.test(snake)) return { score: 0.6, reason: `name "${name}" reads as ${role}` }
  if (rule.weak?.test(snake)) return { score: 0.25, reason: `name "${name}" hints at ${role}` }
  return { score: 0, reason: null }
}

function valueScore(role: OverviewRole, f: ColumnFacts): { score: number; reason: string | null } {
  const isDateType = /date|time/i.test(f.declaredType)
  if (f.nonNull === 0) return { score: 0, reason: null }
  switch (role) {
    case 'visitDate':
    case 'reportDate':
    case 'birthDate':
      if (f.dateShare >= 0.9 || isDateType) return { score: 0.4, reason: isDateType ? `declared ${f.declaredType}` : 'values are dates' }
      return { score: -1, reason: null }
    case 'age':
      // Numbers alone (ids, counts) are weak evidence of an age; the name must say it.
      if (f.numberShare >= 0.9 && (f.minNumber ?? 0) >= 0 && (f.maxNumber ?? 0) <= 130) return { score: 0.3, reason: 'values are numbers between 0 and 130' }
      return { score: -1, reason: null }
    case 'gender': {
      const words = f.values.filter((v) => GENDER_WORDS.has(v.trim().toLowerCase())).length
      if (f.distinct <= 6 && words / f.nonNull >= 0.8) return { score: 0.4, reason: 'values are gender words' }
      if (f.distinct <= 6) return { score: 0.1, reason: 'few distinct values' }
      return { score: -1, reason: null }
    }
    case 'patientId':
      return f.distinct > 1 ? { score: 0.2, reason: 'many distinct values' } : { score: 0, reason: null }
  }
}

async function sampleFacts(driver: Driver, source: AnalysisSource): Promise<ColumnFacts[]> {
  // A few hundred rows are enough to tell dates, numbers and gender words apart.
  const res = await driver.query(`SELECT * FROM ${source.from} LIMIT 500`)
  return source.columns.map((c, i) => {
    const vals = res.rows.map((r) => r[i]).filter((v): v is Exclude<SqlValue, null> => v !== null && v !== undefined)
    const texts = vals.map((v) => toText(v))
    const nums = vals.map((v) => toNum(v)).filter((n): n is number => n !== null)
    return {
      name: c.name,
      declaredType: c.declaredType,
      dateShare: vals.length ? texts.filter((t) => DATE_TEXT.test(t)).length / vals.length : 0,
      numberShare: vals.length ? nums.length / vals.length : 0,
      distinct: new Set(texts).size,
      nonNull: vals.length,
      values: texts,
      minNumber: nums.length ? Math.min(...nums) : null,
      maxNumber: nums.length ? Math.max(...nums) : null,
    }
  })
}

export async function mapOverviewColumns(driver: Driver, source: AnalysisSource): Promise<OverviewMappingResult> {
  const facts = await sampleFacts(driver, source)
  const candidates = {} as Record<OverviewRole, RoleCandidate[]>
  for (const role of ROLES) {
    candidates[role] = facts
      .map((f) => {
        const n = nameScore(role, f.name)
        const v = valueScore(role, f)
        const confidence = Math.max(0, Math.min(1, n.score + v.score))
        return { column: f.name, confidence: Math.round(confidence * 100) / 100, reasons: [n.reason, v.reason].filter((r): r is string => !!r) }
      })
      .filter((c) => c.confidence > 0.3)
      .sort((a, b) => b.confidence - a.confidence)
  }
  const mapping: OverviewMapping = { visitDate: null, reportDate: null, birthDate: null, age: null, gender: null, patientId: null }
  // Strongest claims first, so one column is never given two roles.
  const claims = ROLES.flatMap((role) => candidates[role].map((c) => ({ role, ...c }))).sort((a, b) => b.confidence - a.confidence)
  const used = new Set<string>()
  for (const c of claims) {
    if (mapping[c.role] !== null || used.has(c.column)) continue
    mapping[c.role] = c.column
    used.add(c.column)
  }
  const unsure: OverviewRole[] = []
  for (const role of ROLES) {
    const chosen = candidates[role].find((c) => c.column === mapping[role])
    const rival = candidates[role].find((c) => c.column !== mapping[role] && !used.has(c.column))
    const needed = role === 'visitDate' || role === 'reportDate' || role === 'gender' || ((role === 'birthDate' || role === 'age') && !mapping.age && !mapping.birthDate)
    if (!chosen) {
      if (needed && !(role === 'age' && unsure.includes('birthDate'))) unsure.push(role)
    } else if (chosen.confidence < 0.7 || (rival && rival.confidence >= chosen.confidence - 0.15)) unsure.push(role)
  }
  return { mapping, candidates, unsure, columns: source.columns.map((c) => ({ name: c.name, declaredType: c.declaredType })) }
}
