export type DumpDialect = 'mysql' | 'postgres' | 'sqlite'

const SIGNS: { dialect: DumpDialect; re: RegExp; weight: number }[] = [
  { dialect: 'mysql', re: /^-- (MySQL|MariaDB) dump/m, weight: 10 },
  { dialect: 'mysql', re: /\/\*!\d{5}/, weight: 5 },
  { dialect: 'mysql', re: /\bENGINE\s*=/i, weight: 4 },
  { dialect: 'mysql', re: /\bAUTO_INCREMENT\b/i, weight: 3 },
  { dialect: 'mysql', re: /\bLOCK TABLES\b/i, weight: 4 },
  { dialect: 'mysql', re: /`\w+`/, weight: 2 },
  { dialect: 'mysql', re: /^DELIMITER\s/im, weight: 4 },
  { dialect: 'mysql', re: /\\'/, weight: 1 },
  { dialect: 'mysql', re: /^\s*USE\s+\S+;/im, weight: 2 },
  { dialect: 'postgres', re: /^-- PostgreSQL database dump/m, weight: 10 },
  { dialect: 'postgres', re: /^COPY\s+[\w."]+\s*(\([^)]*\))?\s+FROM\s+stdin/im, weight: 6 },
  { dialect: 'postgres', re: /\bpg_catalog\./, weight: 5 },
  { dialect: 'postgres', re: /^\\(connect|c|restrict|unrestrict)\b/m, weight: 6 },
  { dialect: 'postgres', re: /\bSERIAL\b|\bBYTEA\b|\bTIMESTAMPTZ\b|\bJSONB\b/i, weight: 3 },
  { dialect: 'postgres', re: /::\w+/, weight: 2 },
  { dialect: 'postgres', re: /\$\$/, weight: 1 },
  { dialect: 'postgres', re: /\bSET search_path\b/i, weight: 4 },
  { dialect: 'sqlite', re: /^PRAGMA\s+/im, weight: 5 },
  { dialect: 'sqlite', re: /^BEGIN TRANSACTION;/m, weight: 3 },
  { dialect: 'sqlite', re: /\bsqlite_sequence\b/, weight: 6 },
  { dialect: 'sqlite', re: /\[\w+\]/, weight: 2 },
  { dialect: 'sqlite', re: /\bAUTOINCREMENT\b/i, weight: 3 },
]

/**
 * Guesses the dialect from the start of the dump. The tokenizer depends on it
 * (backslash escapes, `#` comments and backticks are MySQL's; dollar quoting and
 * COPY are PostgreSQL's), so it is decided before splitting. Hand-written scripts
 * with no telltale sign are read as MySQL, the most forgiving tokenizer for them.
 */
export function detectDialect(head: string): { dialect: DumpDialect; confident: boolean } {
  const score: Record<DumpDialect, number> = { mysql: 0, postgres: 0, sqlite: 0 }
  for (const s of SIGNS) if (s.re.test(head)) score[s.dialect] += s.weight
  const ranked = (Object.keys(score) as DumpDialect[]).sort((a, b) => score[b] - score[a])
  const best = ranked[0]!
  if (score[best] === 0) return { dialect: 'mysql', confident: false }
  return { dialect: best, confident: score[best] > score[ranked[1]!] }
}
