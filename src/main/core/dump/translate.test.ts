import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { importFile, readAll, tempDir } from './test-helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

async function load(name: string, sql: string, dialect: 'mysql' | 'postgres' = 'mysql') {
  const path = join(tmp.dir, `${name}.sql`)
  writeFileSync(path, sql)
  const out = join(tmp.dir, `${name}.sqlite`)
  const r = await importFile(path, out, { dialect })
  return { ...r, out }
}

describe('MySQL/MariaDB to SQLite translation', () => {
  it('types, keys, options, literals and the INSERT variants', async () => {
    const { report, out } = await load(
      'my',
      `CREATE DATABASE IF NOT EXISTS shop; USE shop;
CREATE TABLE shop.\`item\` (
  \`id\` int(11) unsigned NOT NULL AUTO_INCREMENT COMMENT 'key',
  \`name\` varchar(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  \`kind\` enum('a','b') DEFAULT 'a',
  \`tags\` set('x','y') DEFAULT NULL,
  \`flag\` tinyint(1) NOT NULL DEFAULT b'0',
  \`bits\` bit(8) DEFAULT NULL,
  \`doc\` json DEFAULT NULL,
  \`raw\` varbinary(16) DEFAULT NULL,
  \`y\` year(4) DEFAULT NULL,
  \`price\` decimal(8,2) NOT NULL DEFAULT 0.00,
  \`twice\` decimal(9,2) GENERATED ALWAYS AS (\`price\` * 2) VIRTUAL,
  \`created\` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uq_name\` (\`name\`),
  KEY \`idx_kind\` (\`kind\`, \`name\`(10)),
  FULLTEXT KEY \`ft\` (\`name\`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;
LOCK TABLES \`item\` WRITE;
INSERT INTO \`item\` (\`id\`,\`name\`,\`kind\`,\`tags\`,\`flag\`,\`bits\`,\`doc\`,\`raw\`,\`y\`,\`price\`,\`created\`) VALUES (1,_utf8mb4'one','b','x,y',1,b'101',_utf8mb4'{"k":1}',0x00FF,2024,1.50,'2024-01-01 10:00:00'),(2,'two','a','',0,NULL,NULL,X'41',NULL,2.00,'2024-01-01 10:00:00');
INSERT IGNORE INTO \`item\` (\`id\`,\`name\`,\`price\`,\`created\`) VALUES (1,'dup',9,'2024-01-01');
REPLACE INTO \`item\` (\`id\`,\`name\`,\`price\`,\`created\`) VALUES (2,'two again',3,'2024-01-01 00:00:00');
INSERT INTO \`item\` (\`id\`,\`name\`,\`price\`,\`created\`) VALUES (3,'three',4,NOW()) ON DUPLICATE KEY UPDATE \`price\` = VALUES(\`price\`);
INSERT INTO \`item\` (\`id\`,\`name\`,\`price\`,\`created\`) VALUES (3,'three',5,'2024-01-01') ON DUPLICATE KEY UPDATE \`price\` = VALUES(\`price\`);
UNLOCK TABLES;
DELIMITER ;;
CREATE TRIGGER \`trg\` BEFORE INSERT ON \`item\` FOR EACH ROW BEGIN SET NEW.name = UPPER(NEW.name); END ;;
CREATE PROCEDURE \`proc\`() BEGIN SELECT 1; END ;;
DELIMITER ;
CREATE ALGORITHM=UNDEFINED DEFINER=\`root\`@\`localhost\` SQL SECURITY DEFINER VIEW \`v_item\` AS select \`item\`.\`name\` AS \`name\`, if(\`item\`.\`flag\`, 'yes', 'no') AS \`f\` from \`item\` WITH CASCADED CHECK OPTION;
CREATE VIEW \`v_bad\` AS SELECT no_such_function(\`name\`) FROM \`item\`;
`,
    )
    expect(report.tables).toEqual([{ name: 'item', rows: 3 }])
    expect(report.views).toEqual(['v_item'])
    expect(report.issues.map((i) => [i.kind, i.line, i.reason.slice(0, 40)])).toEqual([
      ['skipped', 28, 'triggers, procedures and functions are n'],
      ['skipped', 29, 'triggers, procedures and functions are n'],
      ['failed', 32, 'view v_bad could not be translated: SQLi'],
    ])
    expect(report.warnings.join('\n')).toMatch(/ON UPDATE CURRENT_TIMESTAMP/)
    expect(readAll(out, 'SELECT id, name, kind, tags, flag, bits, doc, hex(raw), y, price, twice FROM item ORDER BY id')).toEqual([
      [1n, 'one', 'b', 'x,y', 1n, 5n, '{"k":1}', '00FF', 2024n, 1.5, 3n],
      // REPLACE replaces the whole row (defaults for what it does not name); hex(NULL) is ''.
      [2n, 'two again', 'a', null, 0n, null, null, '', null, 3n, 6n],
      [3n, 'three', 'a', null, 0n, null, null, '', null, 5n, 10n],
    ])
    expect(readAll(out, 'SELECT name, f FROM v_item ORDER BY name')).toEqual([['one', 'yes'], ['three', 'no'], ['two again', 'no']])
    const db = new Database(out, { readonly: true })
    const idx = db.prepare(`SELECT name, "unique" FROM pragma_index_list('item') WHERE origin = 'c' ORDER BY name`).all()
    const pk = db.prepare(`SELECT name, type, pk FROM pragma_table_info('item') WHERE pk > 0`).all()
    db.close()
    expect(idx).toEqual([{ name: 'ft', unique: 0 }, { name: 'idx_kind', unique: 0 }, { name: 'uq_name', unique: 1 }])
    expect(pk).toEqual([{ name: 'id', type: 'INTEGER', pk: 1 }])
  })
})

describe('PostgreSQL to SQLite translation', () => {
  it('serial and identity keys, casts, arrays, enums, booleans, constraints added later', async () => {
    const { report, out } = await load(
      'pg',
      `SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TYPE public.color AS ENUM ('red', 'green');
CREATE TABLE public.parent (id integer GENERATED ALWAYS AS IDENTITY, name text NOT NULL);
CREATE TABLE public.child (
  id bigserial NOT NULL,
  parent_id integer,
  c public.color DEFAULT 'red'::public.color,
  ok boolean DEFAULT true,
  tags text[],
  doc jsonb,
  at timestamp with time zone DEFAULT now(),
  note character varying(20) DEFAULT 'x'::character varying
);
INSERT INTO public.parent (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'p1');
INSERT INTO public.child VALUES (1, 1, 'green', true, '{a,b}', '{"k": [1]}', '2024-01-01 00:00:00+00', E'tab\\there');
INSERT INTO public.child VALUES (2, 99, 'red', false, NULL, NULL, '2024-01-01 00:00:00+00', 'plain'::text);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id) ON DELETE CASCADE;
CREATE INDEX child_tags_idx ON public.child USING btree (parent_id);
SELECT pg_catalog.setval('public.child_id_seq', 2, true);
`,
      'postgres',
    )
    expect(report.tables.map((t) => [t.name, t.rows])).toEqual([['parent', 1], ['child', 2]])
    expect(report.issues.map((i) => [i.kind, i.line])).toEqual([['skipped', 22]])
    expect(report.foreignKeyCheck).toMatchObject({ ran: true, violations: 1, sample: [{ table: 'child', parent: 'parent' }] })
    expect(readAll(out, 'SELECT id, parent_id, c, ok, tags, doc, at, note FROM child ORDER BY id')).toEqual([
      [1n, 1n, 'green', 1n, '{a,b}', '{"k": [1]}', '2024-01-01 00:00:00+00', 'tab\there'],
      [2n, 99n, 'red', 0n, null, null, '2024-01-01 00:00:00+00', 'plain'],
    ])
    const db = new Database(out, { readonly: true })
    expect(db.prepare(`SELECT "table", "from", on_delete FROM pragma_foreign_key_list('child')`).all()).toEqual([{ table: 'parent', from: 'parent_id', on_delete: 'CASCADE' }])
    expect(db.prepare(`SELECT name FROM pragma_table_info('child') WHERE pk = 1`).pluck().all()).toEqual(['id'])
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'child_tags_idx'`).pluck().get()).toBe('child_tags_idx')
    db.close()
  })

  it('reports the same foreign key violations as PRAGMA foreign_key_check, whichever way each key is checked', async () => {
    const { report, out } = await load(
      'fkcheck',
      `CREATE TABLE parent (id int NOT NULL, code varchar(5) NOT NULL, PRIMARY KEY (id), UNIQUE KEY uq_code (code));
CREATE TABLE child (
  id int NOT NULL, parent_id int DEFAULT NULL, parent_code varchar(5) DEFAULT NULL,
  PRIMARY KEY (id), KEY fk_parent (parent_id),
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id),
  CONSTRAINT fk_code FOREIGN KEY (parent_code) REFERENCES parent (code)
);
CREATE TABLE clean (id int NOT NULL, parent_id int NOT NULL, PRIMARY KEY (id), KEY k (parent_id), CONSTRAINT fk_clean FOREIGN KEY (parent_id) REFERENCES parent (id));
CREATE TABLE sqlitex (id int NOT NULL, pid int, PRIMARY KEY (id), CONSTRAINT fk_x FOREIGN KEY (pid) REFERENCES parent (id));
INSERT INTO parent VALUES (1,'a'),(2,'b');
INSERT INTO child VALUES (1,1,'a'),(2,'2','b'),(3,NULL,NULL),(4,7,'a'),(5,7,'zz'),(6,8,'b');
INSERT INTO clean VALUES (1,1),(2,2),(3,2);
INSERT INTO sqlitex (id, /* a comment in the column list */ pid) VALUES (1, 9);
`,
    )
    const db = new Database(out, { readonly: true })
    const pragma = db.prepare('PRAGMA foreign_key_check').all() as { table: string }[]
    db.close()
    // Rows 4, 5, 6 of child name parents 7 and 8 (row 5 also the code 'zz'); 'clean' has none; sqlitex's
    // one row names parent 9 (a table whose name starts like SQLite's own is checked and listed too).
    expect(pragma.length).toBe(5)
    expect(report.foreignKeyCheck).toMatchObject({ ran: true, violations: pragma.length })
    expect(new Set(report.foreignKeyCheck.sample.map((v) => v.table))).toEqual(new Set(['child', 'sqlitex']))
    expect(report.tables.map((t) => [t.name, t.rows])).toContainEqual(['sqlitex', 1])
    expect(report.issues).toEqual([])
  })
})
