import { basename } from 'node:path'
import mysql from 'mysql2/promise'
import type { DumpImportReport, DumpImportResult } from '../../../shared/calls/dump'
import { AppError } from '../../../shared/errors'
import type { MysqlSpec } from '../../../shared/source-spec'
import type { JobContext } from '../jobs/job-context'
import type { DumpDialect } from './dialect'
import type { DumpReaderInfo } from './dump-reader'
import { ReportBuilder, reportText } from './import-report'
import { streamDump } from './dump-stream'
import { hasByteEscapes, stringToBytes, unescapeMysql } from './string-escapes'

export interface MysqlTarget extends MysqlSpec {
  /** Skip the script's CREATE DATABASE / DROP DATABASE / USE so everything runs in `database`. */
  stayInDatabase?: boolean
}

export interface MysqlRunOptions {
  strict?: boolean
  dialect?: 'auto' | DumpDialect
}

interface MysqlError {
  code?: string
  errno?: number
  sqlMessage?: string
  message: string
}

const DATABASE_STMT = /^(CREATE|DROP)\s+(DATABASE|SCHEMA)\b|^USE\s/i

/**
 * Raw binary bytes inside string literals (mysqldump writes blobs that way)
 * reach us as byte escapes (see dump-reader.ts); a JS string sent to the server
 * would be UTF-8 encoded and mangle them, so such literals go as X'...' hex.
 */
export function binaryLiteralsToHex(sql: string): string {
  if (!hasByteEscapes(sql)) return sql
  let out = ''
  let i = 0
  let seg = 0
  while (i < sql.length) {
    const c = sql[i]
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < sql.length) {
        if (sql[j] === '\\') j += 2
        else if (sql[j] === c && sql[j + 1] === c) j += 2
        else if (sql[j] === c) break
        else j++
      }
      const raw = sql.slice(i + 1, j)
      if (hasByteEscapes(raw)) {
        const start = /_binary\s*$/i.test(sql.slice(seg, i)) ? i - (/_binary\s*$/i.exec(sql.slice(seg, i))![0].length) : i
        out += sql.slice(seg, start) + `X'${stringToBytes(unescapeMysql(raw.replace(new RegExp(c + c, 'g'), c))).toString('hex')}'`
        seg = j + 1
      }
      i = j + 1
      continue
    }
    if (c === '`') {
      const j = sql.indexOf('`', i + 1)
      i = j < 0 ? sql.length : j + 1
      continue
    }
    i++
  }
  return out + sql.slice(seg)
}

/** MySQL 8 settings MariaDB spells differently; without them a script's recursive CTEs stop at 1000 rows. */
function adaptForMariadb(text: string): string {
  if (/^SET\b/i.test(text) && /cte_max_recursion_depth/i.test(text)) return text.replace(/cte_max_recursion_depth/gi, 'max_recursive_iterations')
  return text
}

function connectionError(err: MysqlError, spec: MysqlTarget): AppError {
  const where = `${spec.user}@${spec.host}:${spec.port}`
  if (err.code === 'ER_ACCESS_DENIED_ERROR') return new AppError('AUTH_FAILED', `MySQL refused the login for ${where}`, { field: 'password' })
  return new AppError('CONNECTION_FAILED', `Cannot connect to MySQL at ${where}: ${err.message}`, { field: 'host' })
}

/**
 * Runs a dump or script natively on a MySQL/MariaDB server, statement by
 * statement (DELIMITER blocks, procedures, recursive CTEs, session variables
 * and temporary tables all work because the server runs them). Streams the
 * file; progress is by bytes read. Used by the `importDump` job and by the
 * healthcare lab to load its generator scripts.
 */
export async function runDumpOnMysql(path: string, spec: MysqlTarget, ctx: JobContext, opts: MysqlRunOptions = {}): Promise<DumpImportResult> {
  const t0 = Date.now()
  let conn: mysql.Connection
  try {
    conn = await mysql.createConnection({
      host: spec.host,
      port: spec.port,
      user: spec.user,
      password: spec.password ?? '',
      connectTimeout: spec.connectTimeoutMs,
      multipleStatements: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: 'utf8mb4',
      ...(spec.ssl ? { ssl: { ca: spec.ssl.ca, cert: spec.ssl.cert, key: spec.ssl.key, rejectUnauthorized: spec.ssl.verify } } : {}),
    })
  } catch (err) {
    throw connectionError(err as MysqlError, spec)
  }
  const report = new ReportBuilder()
  const info: DumpReaderInfo = { gzip: false, fileSize: 0, bom: false, invalidUtf8: false }
  let rows = 0
  let prevBytes = 0
  let dialect: DumpDialect = 'mysql'
  let detected = false
  try {
    const [verRows] = await conn.query('SELECT VERSION() AS v')
    const mariadb = /mariadb/i.test(String((verRows as { v: string }[])[0]?.v ?? ''))
    if (spec.stayInDatabase) await conn.query(`CREATE DATABASE IF NOT EXISTS \`${spec.database.replace(/`/g, '``')}\``)
    try {
      await conn.query(`USE \`${spec.database.replace(/`/g, '``')}\``)
    } catch (err) {
      // The script may create its own database; only a missing one we must stay in is an error.
      if ((err as MysqlError).code !== 'ER_BAD_DB_ERROR') throw err
    }
    await streamDump(
      path,
      opts.dialect ?? 'mysql',
      info,
      ctx,
      { keepExecutableComments: true },
      (d, det) => {
        dialect = d
        detected = det
        if (d !== 'mysql') throw new AppError('UNSUPPORTED', `${basename(path)} is a ${d} dump; only MySQL dumps and scripts run on a MySQL target`, { file: path, line: 1 })
      },
      async (events, bytesRead) => {
        // A chunk holds many statements: spread its bytes over them so progress moves statement by statement.
        const from = prevBytes
        prevBytes = bytesRead
        let k = 0
        for (const ev of events) {
          k++
          if (ev.type === 'meta') {
            report.ignore('DELIMITER')
            continue
          }
          if (ev.type !== 'statement') continue
          ctx.throwIfCancelled()
          report.statements++
          if (spec.stayInDatabase && DATABASE_STMT.test(ev.text)) {
            report.ignore('CREATE/DROP DATABASE, USE (staying in the target database)')
            continue
          }
          const text = info.invalidUtf8 ? binaryLiteralsToHex(ev.text) : ev.text
          const sql = mariadb ? adaptForMariadb(text) : text
          try {
            const [res] = await conn.query(sql)
            if (res && !Array.isArray(res) && typeof (res as { affectedRows?: unknown }).affectedRows === 'number' && /^\s*(INSERT|REPLACE)\b/i.test(sql)) {
              rows += (res as { affectedRows: number }).affectedRows
            }
          } catch (err) {
            const e = err as MysqlError
            if (e.code === 'PROTOCOL_CONNECTION_LOST' || e.code === 'ECONNRESET') throw connectionError(e, spec)
            const reason = `MySQL ${e.code ?? ''} ${e.errno ?? ''}: ${e.sqlMessage ?? e.message}`.replace(/\s+/g, ' ')
            report.issue('failed', ev.line, ev.text, reason)
            if (opts.strict) throw new AppError('SQL_ERROR', `${basename(path)} line ${ev.line}: ${reason}`, { file: path, line: ev.line, sql: ev.text.slice(0, 200) })
          }
          ctx.progress({ phase: 'running on MySQL', done: Math.round(from + ((bytesRead - from) * k) / events.length), total: info.fileSize, unit: 'bytes', message: `${rows.toLocaleString('en-US')} rows inserted` })
        }
      },
    )
    const [dbRows] = await conn.query('SELECT DATABASE() AS db')
    const db = (dbRows as { db: string | null }[])[0]?.db ?? null
    const tables: { name: string; rows: number }[] = []
    const views: string[] = []
    if (db) {
      const [objs] = await conn.query('SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [db])
      for (const o of objs as { name: string; type: string }[]) {
        if (o.type === 'VIEW') {
          views.push(o.name)
          continue
        }
        const [c] = await conn.query(`SELECT COUNT(*) AS n FROM \`${o.name.replace(/`/g, '``')}\``)
        tables.push({ name: o.name, rows: Number((c as { n: number | string }[])[0]?.n ?? 0) })
      }
    }
    const base: Omit<DumpImportReport, 'text'> = {
      file: path,
      target: 'mysql',
      dialect,
      dialectDetected: detected,
      encoding: info.invalidUtf8 ? 'utf-8 with Latin-1 fallback' : 'utf-8',
      gzip: info.gzip,
      bytes: info.fileSize,
      statements: report.statements,
      rowsLoaded: rows,
      durationMs: Date.now() - t0,
      tables,
      views,
      issues: report.issues,
      issuesOmitted: report.issuesOmitted,
      ignored: report.ignored,
      warnings: report.warnings,
      foreignKeyCheck: { ran: false, violations: 0, sample: [], error: 'the server enforces its own foreign keys' },
    }
    const where = `${spec.user}@${spec.host}:${spec.port}/${db ?? spec.database}`
    return { report: { ...base, text: reportText(base, where) } }
  } finally {
    await conn.end().catch(() => undefined)
  }
}
