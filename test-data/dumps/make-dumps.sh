#!/bin/sh
# Rebuilds the committed dump fixtures from source-mariadb.sql and source-postgres.sql
# with the real tools on this machine. Needs MariaDB (root, no password) and
# PostgreSQL (psql -h 127.0.0.1 -U postgres, trust auth). Run from the project root:
#   sh test-data/dumps/make-dumps.sh
set -eu
cd "$(dirname "$0")"
MYDB=sonograph_dump_fixture
PGDB=sonograph_dump_fixture
export PGTZ=UTC

mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $MYDB; CREATE DATABASE $MYDB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
mariadb -uroot -h127.0.0.1 --default-character-set=utf8mb4 $MYDB < source-mariadb.sql
# Dates in the headers would make every rebuild a diff; --skip-dump-date drops them.
D="mariadb-dump -uroot -h127.0.0.1 --skip-dump-date --default-character-set=utf8mb4"
$D $MYDB > mariadb-default.sql
$D --skip-extended-insert $MYDB > mariadb-skip-extended-insert.sql
$D --compact $MYDB > mariadb-compact.sql
$D --hex-blob $MYDB > mariadb-hex-blob.sql
npx tsx expected-from-mariadb.ts $MYDB expected-mariadb.json
mariadb -uroot -h127.0.0.1 -e "DROP DATABASE $MYDB"

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $PGDB" -c "CREATE DATABASE $PGDB ENCODING 'UTF8' TEMPLATE template0"
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d $PGDB -f source-postgres.sql > /dev/null
pg_dump -h 127.0.0.1 -U postgres $PGDB > postgres-copy.sql
pg_dump -h 127.0.0.1 -U postgres --inserts $PGDB > postgres-inserts.sql
# Expected values, cast to text in PostgreSQL itself (blobs as hex, booleans as 0/1).
q() {
  psql -h 127.0.0.1 -U postgres -d $PGDB -At -c "$1"
}
cols() { # table -> json_build_array(...) of its columns, cast for comparison
  q "SELECT string_agg(CASE WHEN data_type = 'bytea' THEN format('CASE WHEN %I IS NULL THEN NULL ELSE json_build_object(''hex'', encode(%I, ''hex'')) END', column_name, column_name)
                             WHEN data_type = 'boolean' THEN format('%I::int::text', column_name)
                             ELSE format('%I::text', column_name) END, ', ' ORDER BY ordinal_position)
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$1'"
}
names() {
  q "SELECT json_agg(column_name::text ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$1'"
}
tbl() { # table order-by
  # printf, not echo: sh's echo would turn the JSON's backslashes into escapes.
  printf '"%s": {"columns": %s, "rows": %s}' "$1" "$(names "$1")" "$(q "SELECT coalesce(json_agg(json_build_array($(cols "$1")) ORDER BY $2), '[]') FROM \"$1\"")"
}
{
  echo '{"source": "postgres", "tables": {'
  tbl values id; echo ','
  tbl group id; echo ','
  tbl membership 'group_id, value_id'; echo ','
  tbl v_members 'group_name, role, txt'
  echo '}}'
} > expected-postgres.json
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE $PGDB"
ls -la
