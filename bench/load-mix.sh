#!/usr/bin/env bash
# Load test (issue: security and reliability suite, item 7): 50 concurrent users on a
# realistic mix for 5 minutes - incident list pages, incident pages, checklist steps ticked
# done and suspicious mails analysed (bench/load-mix.lua) - against the benchmark database
# of bench/dashboard.sh (1,000,000 incidents). Prints requests/s, latency percentiles,
# errors and the app's largest resident memory, for docs/benchmarks.md. The app runs as the
# README's production command says (class-data archive and flags; SPOOFDESK_FLAGS to try others).
#
#   bench/load-mix.sh            (DURATION=5m CONNECTIONS=50 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5m} # before lib.sh, whose default is the page benchmarks' 10 s
CONNECTIONS=${CONNECTIONS:-50}
. bench/lib.sh
THREADS=2

bench_start_production_app
bench_sign_in
TOKEN=$(curl -sf -u "bench-manager:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/tokens" \
  -d '{"name": "load test"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no API token" >&2; exit 1; }

# Steps a manager may tick done without more input: open, live, no evidence or ledger needed.
bench_sql -tAc "SELECT s.incident_id || ' ' || s.id FROM checklist_step s
  WHERE s.status = 'TODO' AND NOT s.dormant AND NOT s.evidence_required
    AND coalesce(s.kind, '') NOT IN ('ROTATE_PASSWORDS', 'NOTIFY_PARTNERS')
  ORDER BY s.id DESC LIMIT 200000" > target/load-steps.txt
bench_sql -tAc "SELECT id FROM incident ORDER BY id DESC LIMIT 20000" > target/load-incidents.txt

# warm up the JIT on the same mix (its ticks use steps the measured run does not reach)
tail -n 5000 target/load-steps.txt > target/load-steps-warmup.txt
cp target/load-steps.txt target/load-steps-all.txt
cp target/load-steps-warmup.txt target/load-steps.txt
SESSION=$SESSION TOKEN=$TOKEN THREADS=$THREADS wrk -t$THREADS -c16 -d20s -s bench/load-mix.lua "http://127.0.0.1:$PORT" > /dev/null
head -n 150000 target/load-steps-all.txt > target/load-steps.txt

rss_max=0
( while kill -0 $APP 2>/dev/null; do ps -o rss= -p $APP; sleep 5; done ) > target/load-rss.txt &
SAMPLER=$!
SESSION=$SESSION TOKEN=$TOKEN THREADS=$THREADS wrk -t$THREADS -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
  -s bench/load-mix.lua "http://127.0.0.1:$PORT" | tee target/load-mix.out
kill $SAMPLER 2>/dev/null || true
rss_max=$(sort -n target/load-rss.txt | tail -n 1 | awk '{printf "%.0f", $1/1024}')
echo "| $CONNECTIONS | $DURATION | $(bench_field rps target/load-mix.out) | $(bench_field p50 target/load-mix.out) ms | $(bench_field p95 target/load-mix.out) ms | $(bench_field p99 target/load-mix.out) ms | $(bench_field errors target/load-mix.out) | $rss_max MB |"
grep RESULT target/load-mix.out
