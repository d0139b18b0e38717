-- The PostgreSQL twin of source-mariadb.sql (PostgreSQL text cannot hold NUL; unsigned becomes numeric).
SET client_encoding = 'UTF8';
SET TIME ZONE 'UTC';
CREATE TYPE mood AS ENUM ('a', 'b c', 'd''e');

CREATE TABLE "values" (
  id serial PRIMARY KEY,
  txt varchar(255),
  empty_or_null varchar(10),
  long_txt text,
  "blob" bytea,
  i_neg integer,
  i64 bigint,
  u64 numeric(20,0),
  "dec" numeric(20,6),
  price numeric(10,2),
  dbl double precision,
  d date,
  dt timestamp without time zone,
  ts timestamp with time zone,
  t time,
  y smallint,
  flag boolean,
  e mood,
  s text[],
  j jsonb,
  "order" integer UNIQUE,
  "select" varchar(20) DEFAULT 'it''s',
  updated timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX idx_txt ON "values" (txt);

INSERT INTO "values" (id, txt, empty_or_null, long_txt, "blob", i_neg, i64, u64, "dec", price, dbl, d, dt, ts, t, y, flag, e, s, j, "order", "select", updated) VALUES
(1, 'plain', '', NULL, '\x', 0, 0, 0, 0, 0.10, 0, '2024-02-29', '2024-02-29 23:59:59', '2024-02-29 23:59:59+00', '00:00:00', 2024, false, 'a', '{}', '{}', 1, DEFAULT, '2026-01-01 00:00:00+00'),
(2, 'it''s "quoted" `ticked`', NULL, 'short', '\x00010203ff', -2147483648, -9223372036854775808, 18446744073709551615, 12345678901234.123456, -99999999.99, 3.141592653589793, '1000-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:01+00', '23:59:59', 1901, true, 'b c', '{x,y}', '{"a": [1, "two", null], "b": "é"}', 2, 'x', '2026-01-01 00:00:00+00'),
(3, E'back\\slash \\n not a newline \\\\ two', 'NULL', repeat(E'long text línea 🎉\n', 2500), '\x5c27220d0a1a09', 2147483647, 9223372036854775807, 9223372036854775808, -0.000001, 0.00, -1e-300, '9999-12-31', '9999-12-31 23:59:59', '2038-01-19 03:14:07+00', '12:34:56.5', 2155, NULL, 'd''e', '{"with space","quote\"d"}', '[]', 3, NULL, '2026-01-01 00:00:00+00'),
(4, E'line1\nline2\r\n\ttabbed\tend', '\N', 'no nul here', NULL, -1, -4294967296, 4294967296, 99999999999999.999999, 12.50, 1.5e300, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4, '', '2026-01-01 00:00:00+00'),
(5, '😀 🎉 ü é 中文 Ωμέγα عربى', ' ', E'%_ like wildcards \\% \\_', '\xf09f9880', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'null', 5, 'select', '2026-01-01 00:00:00+00'),
(6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-01-01 00:00:00+00'),
(7, 'semi;colon -- not a comment /* nor this */ $$ nor $tag$ this', 'x', '', '\x2f2a', 1, 1, 1, 1, 1.00, 1, '2000-01-01', '2000-01-01 12:00:00', '2000-01-01 12:00:00+00', '12:00:00', 2000, true, 'a', '{x}', '"str"', 7, 'a', '2026-01-01 00:00:00+00');
SELECT setval('values_id_seq', 7);

CREATE TABLE "group" (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES "group" (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  name varchar(50) NOT NULL
);
BEGIN;
INSERT INTO "group" VALUES (3, 2, 'grandchild'), (1, NULL, 'root'), (2, 1, 'child'), (4, 1, 'Ünïcode');
COMMIT;

CREATE TABLE membership (
  group_id integer NOT NULL REFERENCES "group" (id) ON DELETE CASCADE,
  value_id integer NOT NULL REFERENCES "values" (id),
  "key" varchar(20) NOT NULL DEFAULT 'member',
  PRIMARY KEY (group_id, value_id)
);
INSERT INTO membership VALUES (1, 1, 'owner'), (1, 2, 'member'), (2, 2, 'member'), (3, 5, 'guest'), (4, 7, 'it''s me');

CREATE VIEW v_members AS
  SELECT g.name AS group_name, m."key" AS role, v.txt AS txt
  FROM membership m JOIN "group" g ON g.id = m.group_id JOIN "values" v ON v.id = m.value_id;

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.updated := now(); -- a semicolon inside dollar quotes
  RETURN NEW;
END
$body$;
CREATE TRIGGER values_touch BEFORE UPDATE ON "values" FOR EACH ROW EXECUTE FUNCTION touch();
