#!/usr/bin/env bash
# Incident list benchmark (issue: partners and incidents; DESIGN.md service levels).
#
#   bench/incident-list.sh [incidents]        (default 1000000)
#
# Needs: a JDK, wrk, psql, and a PostgreSQL on 127.0.0.1:5432 that the user postgres can
# reach without a password (as on the project's CI machine). Creates the database
# spoofdesk_bench (kept between runs; regenerated only when it holds fewer incidents),
# fills it with the data generator, starts the production jar against it, signs in once
# and reuses the session cookie, then measures each list scenario with wrk (2 threads,
# 32 connections) and prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
. bench/lib.sh

if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
fi
have=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT count(*) FROM incident" 2>/dev/null || echo 0)
if [ "${have:-0}" -lt "$COUNT" ]; then
  echo "Generating $((COUNT - ${have:-0})) incidents..."
  SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    ./mvnw -B -q spring-boot:test-run -Dspring-boot.run.arguments=generate,$((COUNT - ${have:-0}))
fi

bench_start_app
bench_sign_in

# A deep page: the cursor of a row about half-way through the list.
deep=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc \
  "SELECT (extract(epoch FROM reported_at) * 1000)::bigint || '_' || id FROM incident ORDER BY reported_at DESC, id DESC OFFSET $((COUNT / 2)) LIMIT 1")

declare -a NAMES=("first page" "deep page (keyset, row $((COUNT / 2)))" "filtered: status=TRIAGED" \
  "filtered: severity=HIGH + assignee" "search: 2 characters (請求)" "search: 3 characters (見積書)" \
  "search + filter (請求, status=NEW)" "incident detail")
declare -a PATHS=("/incidents" "/incidents?after=$deep" "/incidents?status=TRIAGED" \
  "/incidents?severity=HIGH&assignee=staff" "/incidents?q=%E8%AB%8B%E6%B1%82" \
  "/incidents?q=%E8%A6%8B%E7%A9%8D%E6%9B%B8" "/incidents?q=%E8%AB%8B%E6%B1%82&status=NEW" "/incidents/$((COUNT / 3))")

# Let the JIT compile the hot paths before measuring (measured: with 20 s on one page the
# first scenarios still ran while C2 was compiling and came out up to 40 % slower).
for warm in "${PATHS[@]}"; do
  wrk -t2 -c16 -d8s -H "Cookie: JSESSIONID=$SESSION" "http://127.0.0.1:$PORT$warm" > /dev/null
done

field() { bench_field "$@"; }
echo "| scenario | requests/s (32 conn.) | p50 | p95 | p99 | errors | p95 at 8 conn. |"
echo "|---|---|---|---|---|---|---|"
for i in "${!NAMES[@]}"; do
  url="http://127.0.0.1:$PORT${PATHS[$i]}"
  # warm up, and check that the page answers 200
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$url")
  [ "$code" = "200" ] || { echo "${NAMES[$i]}: HTTP $code" >&2; exit 1; }
  wrk -t2 -c8 -d3s -H "Cookie: JSESSIONID=$SESSION" "$url" > /dev/null
  wrk -t2 -c32 -d"$DURATION" -s bench/percentiles.lua -H "Cookie: JSESSIONID=$SESSION" "$url" > target/wrk.out
  wrk -t2 -c8 -d"$DURATION" -s bench/percentiles.lua -H "Cookie: JSESSIONID=$SESSION" "$url" > target/wrk8.out
  echo "| ${NAMES[$i]} | $(field rps target/wrk.out) | $(field p50 target/wrk.out) ms | $(field p95 target/wrk.out) ms | $(field p99 target/wrk.out) ms | $(field errors target/wrk.out) | $(field p95 target/wrk8.out) ms |"
done
echo
echo "Database time of each list query (EXPLAIN ANALYZE, one run):"
for q in "TRUE" "i.status = 'TRIAGED'" "i.severity = 'HIGH' AND i.assignee = 'staff'" \
    "i.search_grams @> '{請求}' AND i.search_text LIKE '%請求%'" \
    "i.search_grams @> '{見積,積書}' AND i.search_text LIKE '%見積書%'" \
    "i.search_grams @> '{請求}' AND i.search_text LIKE '%請求%' AND i.status = 'NEW'"; do
  t=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "EXPLAIN ANALYZE SELECT i.id FROM incident i WHERE $q ORDER BY i.reported_at DESC, i.id DESC LIMIT 51" | sed -n 's/Execution Time: //p')
  echo "- \`$q\`: $t"
done
echo
echo "Resident memory of the app after the run: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
