#!/usr/bin/env bash
# The incident page of an incident with one warning batch to 5,000 recipients: 30 requests one
# after the other (median, p90), then wrk with 8 connections for 20 s. Its own small database
# (spoofdesk_bench_warnings, recreated). Run from the repository root:
#   bench/incident-page-warnings.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DB=spoofdesk_bench_warnings
source bench/lib.sh
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
bench_start_app
curl -sf -u "bench:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/users" \
  -d '{"username":"bench-manager","displayName":"Bench","roles":["MANAGER","HELPDESK"],"password":"'"$PASSWORD"'"}' > /dev/null
curl -sf -u "bench-manager:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/incidents" \
  -d '{"title":"Warn every partner","channel":"PHONE","severity":"HIGH","impersonatedAddresses":["a@kitamura-seiki.co.jp"],"reportedAt":"2026-11-20T01:00:00Z"}' > /dev/null
ID=$(bench_sql -Atc "SELECT max(id) FROM incident")
python3 -c 'import json; print(json.dumps({"language": "ja", "fromAddress": "soumu@kitamura-seiki.co.jp",
  "addressList": "name,email\n" + "".join("担当%d,tanto@partner%d.example.jp\n" % (i, i) for i in range(5000))}))' \
  > target/bench-warnings.json
curl -sf -u "bench-manager:$PASSWORD" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/api/v1/incidents/$ID/warnings" -d @target/bench-warnings.json > /dev/null
bench_sign_in
for _ in $(seq 1 10); do curl -s -o /dev/null -H "Cookie: JSESSIONID=$SESSION" "http://127.0.0.1:$PORT/incidents/$ID"; done
times=$(for _ in $(seq 1 30); do
  curl -s -o /dev/null -w "%{time_total}\n" -H "Cookie: JSESSIONID=$SESSION" "http://127.0.0.1:$PORT/incidents/$ID"
done | sort -n)
echo "incident page, $(bench_sql -Atc "SELECT count(*) FROM warning_draft") drafts: median $(echo "$times" | sed -n 15p) s, p90 $(echo "$times" | sed -n 27p) s"
wrk -t2 -c8 -d20s -H "Cookie: JSESSIONID=$SESSION" "http://127.0.0.1:$PORT/incidents/$ID" | grep -E "Requests/sec|Latency|Non-2xx"
