#!/usr/bin/env bash
# Dashboard benchmark (issue: dashboard, metrics and reports; DESIGN.md service levels:
# manager dashboard at 1,000,000 incidents / 10,000,000 checklist steps, p95 < 150 ms).
#
#   bench/dashboard.sh
#
# Needs what bench/incident-list.sh needs, and its database spoofdesk_bench (run that
# first, or the generator). Starts the production jar, adds checklists and warning drafts
# (bench/dashboard-data.sql), attaches one real suspicious mail through the API and copies
# it to one incident in three (bench/dashboard-mails.sql) - all idempotent - then signs in
# once as a manager, reuses the session, warms up, and measures /dashboard with wrk at 2,
# 8 and 32 connections, printing the rows for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_start_app # first: its migrations create the summary tables the data script rebuilds
bench_sign_in
bench_sql -q -f bench/dashboard-data.sql > target/dashboard-data.log

if [ "$(bench_sql -tAc "SELECT count(*) FROM incident_mail")" -lt 1000 ]; then
  incident=$(bench_sql -tAc "SELECT min(id) FROM incident")
  curl -sf -u "bench-manager:$PASSWORD" -H 'Content-Type: message/rfc822' --data-binary @bench/sample-spoofed.eml \
    "http://127.0.0.1:$PORT/api/v1/incidents/$incident/mails" > /dev/null
  template=$(bench_sql -tAc "SELECT max(id) FROM incident_mail")
  bench_sql -q -v template="$template" -f bench/dashboard-mails.sql > target/dashboard-mails.log
fi
# the data scripts rebuild the summaries (DELETE + INSERT): without a VACUUM the first
# minutes read dead rows, which autovacuum would clear a little later
bench_sql -qc "VACUUM ANALYZE incident_open_count, open_step_due_day, impersonation_day, warning_draft_status_count,
  mail_feature_day, incident_report_slot, dashboard_month_times"
bench_sql -tAc "SELECT 'data: ' || (SELECT count(*) FROM incident) || ' incidents, '
  || (SELECT count(*) FROM checklist_step) || ' checklist steps, ' || (SELECT count(*) FROM warning_draft) || ' drafts, '
  || (SELECT count(*) FROM incident_mail) || ' mails, ' || (SELECT count(*) FROM mail_ioc) || ' IOCs, '
  || (SELECT count(*) FROM partner) || ' partners'"

url="http://127.0.0.1:$PORT/dashboard"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$url")
[ "$code" = "200" ] || { echo "dashboard: HTTP $code" >&2; exit 1; }
single=$(curl -s -o /dev/null -w '%{time_total}' -b "JSESSIONID=$SESSION" "$url")
echo "one request after the first: ${single} s"
wrk -t2 -c4 -d8s --timeout 30s -H "Cookie: JSESSIONID=$SESSION" "$url" > /dev/null
echo "| connections | requests/s | p50 | p95 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for c in 2 8 32; do
  wrk -t2 -c$c -d"$DURATION" --timeout 30s -s bench/percentiles.lua -H "Cookie: JSESSIONID=$SESSION" "$url" > target/wrk.out
  echo "| $c | $(bench_field rps target/wrk.out) | $(bench_field p50 target/wrk.out) ms | $(bench_field p95 target/wrk.out) ms | $(bench_field p99 target/wrk.out) ms | $(bench_field errors target/wrk.out) |"
done
echo "Resident memory of the app after the run: $(ps -o rss= -p $APP | awk '{printf "%.0f MB", $1/1024}')"
