#!/usr/bin/env bash
# Incremental pull from a PostgreSQL source table (a measurement, not a test): a 1,000,000-row table is loaded fully,
# then 1 % of its rows change (newer updated_at) and the next load pulls only those past the watermark.
# Usage: MDM_SRC='Host=…;Database=…;Username=…' Benchmarks/pg-incremental.sh [ROWS=1000000] [WORKDIR=/tmp/mdm-pg-incremental]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}; work=${2:-/tmp/mdm-pg-incremental}
: "${MDM_SRC:?MDM_SRC must hold the connection string of the source database}"
mdm=$(pwd)/Api/bin/Release/net10.0/mdm
# psql takes libpq keywords: the Npgsql string's Host/Port/Username/Database, lower-cased, space-separated.
conninfo=$(echo "$MDM_SRC" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^Database=/dbname=/I; s/^Password=/password=/I' | grep -E '^(host|port|user|dbname|password)=' | tr '\n' ' ')
rm -rf "$work"; mkdir -p "$work"
psql "$conninfo" -q -v ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS erp_customers;
CREATE TABLE erp_customers(id text PRIMARY KEY, name text, phone text, city text, updated_at timestamp NOT NULL);
INSERT INTO erp_customers
SELECT 'E' || i,
  (ARRAY['张','王','李','赵','刘','陈','杨','黄','周','吴'])[1 + i % 10] || (ARRAY['伟','芳','娜','敏','静','磊','洋','勇','艳','杰'])[1 + (i / 10) % 10]
    || (ARRAY['','华','明','强','丽','军','平'])[1 + (i / 100) % 7],
  '138' || lpad(((i::bigint * 7919) % 100000000)::text, 8, '0'),
  (ARRAY['北京','上海','广州','深圳'])[1 + i % 4],
  timestamp '2024-01-01' + i * interval '1 second'
FROM generate_series(1, $rows) AS i;
CREATE INDEX ix_erp_updated ON erp_customers(updated_at);
ANALYZE erp_customers;
SQL
cat > "$work/sources.json" <<JSON
{ "store": "mdm-data/mdm.db",
  "sources": [ { "system": "erp", "format": "database", "provider": "postgresql", "connection_env": "MDM_SRC",
                 "table": "erp_customers", "key": "id", "watermark": "updated_at",
                 "fields": { "name": "name", "phone": "phone", "city": "city" } } ] }
JSON
echo "== full pull of $rows rows"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$mdm" load --config "$work/sources.json" 2>&1 | grep -E "wall|^│ erp|total " || true
changed=$((rows / 100))
psql "$conninfo" -q -v ON_ERROR_STOP=1 -c "UPDATE erp_customers SET city = '杭州', updated_at = timestamp '2025-01-01' + (substr(id, 2)::int) * interval '1 millisecond' WHERE substr(id, 2)::int % 100 = 7"
echo "== incremental pull after $changed changed rows"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$mdm" load --config "$work/sources.json" 2>&1 | grep -E "wall|^│ erp|mode|total " || true
