#!/usr/bin/env bash
# Warning-draft rendering benchmark (issue: warning-mail drafts; DESIGN.md service levels:
# rendering 10,000 warning drafts < 2 s).
#
#   bench/draft-rendering.sh [drafts]        (default 10000)
#
# Fills a Japanese business warning template (subject and body, ten placeholders) for
# N partners after three warm-up rounds and prints the time; then renders them again and
# builds each as a complete ISO-2022-JP message (.eml bytes) and prints that time.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=DraftRenderingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark=draft-rendering -Dbenchmark.drafts="${1:-10000}" -DargLine=-Xmx256m
cat target/surefire-reports/io.spoofdesk.warningmail.DraftRenderingBenchmark-output.txt
