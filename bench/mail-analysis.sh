#!/usr/bin/env bash
# Mail analysis benchmark (issue: suspicious-mail analysis; DESIGN.md service levels).
#
#   bench/mail-analysis.sh [mails]        (default 1000)
#
# Generates a corpus shaped like real phishing mail (MailCorpus: mostly HTML bodies of
# 5-100 KB, one in ten with an attachment, a few large ones), analyses it three times to
# warm up, then once more on one thread and prints MB/s and mails/s; then analyses a mail
# carrying a ZIP that expands to 200 MiB and prints its time and allocated bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=MailAnalysisBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark=mail-analysis -Dbenchmark.mails="${1:-1000}" -DargLine=-Xmx512m
cat target/surefire-reports/io.spoofdesk.mailanalysis.MailAnalysisBenchmark-output.txt
