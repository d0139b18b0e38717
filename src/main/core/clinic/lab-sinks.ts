import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '../db/sqlite-native'
import type { MysqlClinicConn } from './clinic-conn'
import type { LabValue, RowSink } from './lab-generator'
import { OLTP_TABLES, type OltpTable } from './oltp-ddl'

export const OLTP_COLUMN_COUNT: Record<OltpTable, number> = {
  patients: 7,
  specialties: 3,
  departments: 4,
  providers: 7,
  encounters: 7,
  diagnoses: 3,
  encounter_diagnoses: 4,
  procedures: 3,
  encounter_procedures: 4,
  billing: 6,
}

/** Rows per multi-row statement; one bound statement per 64 rows is much cheaper than 64 calls. */
const SQLITE_BATCH = 64

class SqliteTableWriter {
  private buf: LabValue[] = []
  private rows = 0
  private readonly many: Statement
  private readonly one: Statement
  constructor(db: SqliteDatabase, table: OltpTable, private readonly width: number) {
    const tuple = `(${new Array<string>(width).fill('?').join(',')})`
    this.many = db.prepare(`INSERT INTO ${table} VALUES ${new Array<string>(SQLITE_BATCH).fill(tuple).join(',')}`)
    this.one = db.prepare(`INSERT INTO ${table} VALUES ${tuple}`)
  }
  add(row: LabValue[]): void {
    for (let i = 0; i < this.width; i++) this.buf.push(row[i] ?? null)
    if (++this.rows === SQLITE_BATCH) {
      this.many.run(this.buf)
      this.buf = []
      this.rows = 0
    }
  }
  flush(): void {
    for (let r = 0; r < this.rows; r++) this.one.run(this.buf.slice(r * this.width, (r + 1) * this.width))
    this.buf = []
    this.rows = 0
  }
}

/** Writes straight into SQLite with prepared multi-row statements; the caller owns the transaction. */
export class SqliteRowSink implements RowSink {
  private readonly writers = new Map<OltpTable, SqliteTableWriter>()
  readonly counts: Record<string, number> = {}
  constructor(private readonly db: SqliteDatabase) {}
  add(table: OltpTable, row: LabValue[]): void {
    let w = this.writers.get(table)
    if (!w) {
      w = new SqliteTableWriter(this.db, table, OLTP_COLUMN_COUNT[table])
      this.writers.set(table, w)
    }
    w.add(row)
    this.counts[table] = (this.counts[table] ?? 0) + 1
  }
  /** Writes the parents' partial batches first, so children never precede their parents. */
  flush(): void {
    for (const t of OLTP_TABLES) this.writers.get(t)?.flush()
  }
}

/** Buffers rows per table and sends them as multi-row INSERTs through mysql2. */
export class MysqlRowSink implements RowSink {
  private readonly buffers = new Map<OltpTable, LabValue[][]>()
  readonly counts: Record<string, number> = {}
  constructor(private readonly conn: MysqlClinicConn, private readonly batchRows = 1000) {}
  add(table: OltpTable, row: LabValue[]): void {
    let b = this.buffers.get(table)
    if (!b) {
      b = []
      this.buffers.set(table, b)
    }
    b.push(row)
    this.counts[table] = (this.counts[table] ?? 0) + 1
  }
  /** Sends full batches (or everything with `all`), parents before children. */
  async drain(all = false): Promise<void> {
    for (const table of OLTP_TABLES) {
      const b = this.buffers.get(table)
      if (!b) continue
      while (b.length >= this.batchRows || (all && b.length > 0)) {
        const batch = b.splice(0, this.batchRows)
        const tuple = `(${new Array<string>(OLTP_COLUMN_COUNT[table]).fill('?').join(',')})`
        await this.conn.run(`INSERT INTO ${table} VALUES ${batch.map(() => tuple).join(',')}`, batch.flat())
      }
    }
  }
}
