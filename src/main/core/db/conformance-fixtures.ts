import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, MARIADB } from '../testing/mariadb'
import type { Driver } from './driver'
import { MysqlDriver } from './mysql-driver'
import { SqliteDriver } from './sqlite-driver'

/** One engine under test: a driver on a small schema, and how to tear it down. */
export interface EngineFixture {
  driver: Driver
  dispose(): Promise<void>
}

/**
 * The same schema in each engine's DDL: a parent/child pair with a named FK,
 * indexes, a default, a composite key, a view, and a table of typed values.
 * SQLite has no DECIMAL or DATE, so it keeps them as TEXT (as a copy does).
 */
const SCHEMA = {
  sqlite: `
    CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT DEFAULT 'none');
    CREATE TABLE album (id INTEGER PRIMARY KEY, artist_id INTEGER NOT NULL, title VARCHAR(100) NOT NULL, released INTEGER,
      CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist(id) ON DELETE CASCADE);
    CREATE TABLE album_tag (album_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (album_id, tag),
      FOREIGN KEY (album_id) REFERENCES album(id));
    CREATE TABLE typed (id INTEGER PRIMARY KEY, s TEXT, big BIGINT, amount TEXT, d TEXT, dt TEXT, b BLOB);
    CREATE TABLE nums (n INTEGER PRIMARY KEY);`,
  mysql: `
    CREATE TABLE artist (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, country VARCHAR(20) DEFAULT 'none');
    CREATE TABLE album (id INT PRIMARY KEY, artist_id INT NOT NULL, title VARCHAR(100) NOT NULL, released INT,
      CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist(id) ON DELETE CASCADE);
    CREATE TABLE album_tag (album_id INT NOT NULL, tag VARCHAR(40) NOT NULL, PRIMARY KEY (album_id, tag),
      FOREIGN KEY (album_id) REFERENCES album(id));
    CREATE TABLE typed (id INT PRIMARY KEY, s VARCHAR(100), big BIGINT, amount DECIMAL(30,4), d DATE, dt DATETIME, b BLOB);
    CREATE TABLE nums (n INT PRIMARY KEY);`,
}

/** Statements both engines accept. */
const COMMON = `
  CREATE INDEX idx_album_artist ON album(artist_id);
  CREATE UNIQUE INDEX ux_album_title ON album(title);
  CREATE VIEW album_view AS SELECT album.title AS title, artist.name AS artist FROM album JOIN artist ON artist.id = album.artist_id;
  INSERT INTO artist (id, name, country) VALUES (1, 'Ånand 日本', 'JP'), (2, 'Beyoncé', 'US'), (3, 'Nobody', NULL);
  INSERT INTO album (id, artist_id, title, released) VALUES (10, 1, 'First', 2001), (11, 1, 'Second', NULL), (12, 2, 'Lemonade', 2016);
  INSERT INTO album_tag (album_id, tag) VALUES (10, 'rock'), (10, 'live'), (12, 'pop');`

export const NUMS = 2500

async function loadNums(driver: Driver): Promise<void> {
  const values = Array.from({ length: NUMS }, (_, i) => `(${i + 1})`).join(',')
  await driver.exec(`INSERT INTO nums (n) VALUES ${values}`)
}

export async function sqliteFixture(): Promise<EngineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sonograph-'))
  const path = join(dir, 'conformance.sqlite')
  const driver = new SqliteDriver(path, { writable: true, create: true })
  await driver.exec(SCHEMA.sqlite + COMMON)
  await loadNums(driver)
  await driver.exec('ANALYZE')
  return {
    driver,
    async dispose() {
      await driver.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function mariadbFixture(): Promise<EngineFixture> {
  const db = await createTestDatabase('conformance')
  const driver = await MysqlDriver.connect({ kind: 'mysql', ...MARIADB, database: db.database, connectTimeoutMs: 10_000 })
  await driver.exec(SCHEMA.mysql + COMMON)
  await loadNums(driver)
  // Row estimates in information_schema come from the engine's statistics.
  await driver.exec('ANALYZE TABLE artist, album, album_tag, typed, nums')
  return {
    driver,
    async dispose() {
      await driver.close()
      await db.drop()
    },
  }
}
