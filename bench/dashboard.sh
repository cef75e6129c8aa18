#!/usr/bin/env bash
# Dashboard benchmark (issue: dashboard, metrics and reports; DESIGN.md service levels:
# manager dashboard at 1,000,000 incidents / 10,000,000 checklist steps, p95 < 150 ms).
#
#   bench/dashboard.sh
#
# Needs what bench/incident-list.sh needs, and its database spoofdesk_bench (run that
# first, or the generator). Adds checklists and warning drafts with
# bench/dashboard-data.sql (idempotent), starts the production jar, signs in once as a
# manager and reuses the session, warms up, then measures /dashboard with wrk at 8 and 32
# connections and prints the rows for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=spoofdesk_bench
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT=18080
PASSWORD="bench-admin-password-1"
DURATION=${DURATION:-10s}

psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/dashboard-data.sql > target/dashboard-data.log
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT 'data: ' || (SELECT count(*) FROM incident) || ' incidents, '
  || (SELECT count(*) FROM checklist_step) || ' checklist steps, ' || (SELECT count(*) FROM warning_draft) || ' drafts, '
  || (SELECT count(*) FROM partner) || ' partners'"

./mvnw -B -q package -DskipTests
JAR=$(ls target/spoofdesk-*.jar | head -n 1)
SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  SPOOFDESK_ADMIN_USERNAME=bench SPOOFDESK_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
  java -Xmx512m -jar "$JAR" > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break; sleep 1; done

curl -sf -u "bench:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/users" \
  -d '{"username":"bench-manager","displayName":"Bench","roles":["MANAGER"],"password":"'"$PASSWORD"'"}' > /dev/null || true
JAR_COOKIES=$(mktemp)
token=$(curl -s -c "$JAR_COOKIES" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null "http://127.0.0.1:$PORT/login" \
  --data-urlencode "username=bench-manager" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token"
SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_COOKIES")

url="http://127.0.0.1:$PORT/dashboard"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$url")
[ "$code" = "200" ] || { echo "dashboard: HTTP $code" >&2; exit 1; }
single=$(curl -s -o /dev/null -w '%{time_total}' -b "JSESSIONID=$SESSION" "$url")
echo "one request, cold: ${single} s"
wrk -t2 -c4 -d8s -H "Cookie: JSESSIONID=$SESSION" "$url" > /dev/null
field() { sed -n "s/.*RESULT.* $1=\([^ ]*\).*/\1/p" "$2"; }
echo "| connections | requests/s | p50 | p95 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for c in 2 8 32; do
  wrk -t2 -c$c -d"$DURATION" --timeout 30s -s bench/percentiles.lua -H "Cookie: JSESSIONID=$SESSION" "$url" > target/wrk.out
  echo "| $c | $(field rps target/wrk.out) | $(field p50 target/wrk.out) ms | $(field p95 target/wrk.out) ms | $(field p99 target/wrk.out) ms | $(field errors target/wrk.out) |"
done
echo "Resident memory of the app after the run: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
