import type { DumpImportReport, DumpIssue } from '../../../shared/calls/dump'

const MAX_ISSUES = 1000

export function statementStart(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine
}

/** Collects what the import skipped, failed and ignored while it runs. */
export class ReportBuilder {
  issues: DumpIssue[] = []
  issuesOmitted = 0
  ignored: Record<string, number> = {}
  warnings: string[] = []
  private warned = new Set<string>()
  statements = 0

  issue(kind: DumpIssue['kind'], line: number, text: string, reason: string): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.issuesOmitted++
      return
    }
    this.issues.push({ kind, line, statement: statementStart(text), reason })
  }

  ignore(what: string): void {
    this.ignored[what] = (this.ignored[what] ?? 0) + 1
  }

  warn(message: string): void {
    if (this.warned.has(message)) return
    this.warned.add(message)
    if (this.warnings.length < 500) this.warnings.push(message)
  }
}

function fmtBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(2)} GiB`
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`
  return `${n} bytes`
}

/** The report as plain text (the CLI prints it; the window saves it). */
export function reportText(r: Omit<DumpImportReport, 'text'>, outputPath?: string): string {
  const lines: string[] = []
  lines.push(`Import of ${r.file}`)
  lines.push(`  target:     ${r.target}${outputPath ? ` (${outputPath})` : ''}`)
  lines.push(`  dialect:    ${r.dialect}${r.dialectDetected ? ' (detected)' : ''}`)
  lines.push(`  encoding:   ${r.encoding}${r.gzip ? ', gzip' : ''}`)
  lines.push(`  read:       ${fmtBytes(r.bytes)}, ${r.statements} statements, ${r.rowsLoaded} rows loaded in ${(r.durationMs / 1000).toFixed(2)} s`)
  if (r.tables.length) {
    lines.push('', `Tables (${r.tables.length}):`)
    const w = Math.max(...r.tables.map((t) => t.name.length))
    for (const t of r.tables) lines.push(`  ${t.name.padEnd(w)}  ${t.rows}`)
  }
  if (r.views.length) lines.push('', `Views (${r.views.length}): ${r.views.join(', ')}`)
  if (r.target === 'sqlite') {
    const fk = r.foreignKeyCheck
    lines.push('', `Foreign key check: ${!fk.ran ? `not run (${fk.error ?? 'unknown'})` : fk.violations === 0 ? 'ok, no violations' : `${fk.violations} violation(s)`}`)
    for (const v of fk.sample) lines.push(`  ${v.table} rowid ${v.rowid ?? '?'} -> ${v.parent}`)
  }
  const skipped = r.issues.filter((i) => i.kind === 'skipped').length
  const failed = r.issues.filter((i) => i.kind === 'failed').length
  lines.push('', `Skipped: ${skipped}, failed: ${failed}${r.issuesOmitted ? ` (+${r.issuesOmitted} more not listed)` : ''}`)
  for (const i of r.issues) lines.push(`  line ${i.line}: ${i.kind}: ${i.reason}`, `      ${i.statement}`)
  const ign = Object.entries(r.ignored)
  if (ign.length) lines.push('', `Ignored (no effect on the target): ${ign.map(([k, v]) => `${k} x${v}`).join(', ')}`)
  if (r.warnings.length) {
    lines.push('', 'Warnings:')
    for (const w of r.warnings) lines.push(`  ${w}`)
  }
  return lines.join('\n') + '\n'
}
