#!/usr/bin/env bash
# POST /api/v1/mail-analysis under several clients (issue 18: >= 40 MB/s with 4 clients).
#
#   bench/mail-analysis-api.sh [mails] [clients]        (defaults 1000 and 4)
#   WARMUP=15s RUN=20s bench/mail-analysis-api.sh        (defaults 180s and 30s)
#
# The warm-up is long on purpose: on 2 cores the JIT compiles for about three minutes under
# this load (some 30,000 methods, half the CPU) before the figure settles.
#
# Starts SpoofDesk in the test JVM (-Xmx512m) on the test database (TEST_DATABASE_URL, or an
# embedded PostgreSQL), creates a personal API token, posts the corpus of MailCorpus (shaped
# like real phishing mail) with wrk (bench/post-corpus.lua) for a warm-up and a measured run,
# and prints requests/s, MB/s of mail and latency.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=MailAnalysisApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark=mail-analysis-api -Dbenchmark.mails="${1:-1000}" -Dbenchmark.clients="${2:-4}" \
  -Dbenchmark.warmup="${WARMUP:-180s}" -Dbenchmark.run="${RUN:-30s}" -DargLine=-Xmx512m
grep -E '^(corpus|POST)' target/surefire-reports/io.spoofdesk.mailanalysis.MailAnalysisApiBenchmark-output.txt
