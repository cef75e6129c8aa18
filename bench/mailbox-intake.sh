#!/usr/bin/env bash
# Reporting mailbox benchmark (issue 19: 1,000 waiting mails ingested, analysed and filed at
# >= 50 mails/s on a 2-core machine).
#
#   bench/mailbox-intake.sh [mails]        (default 1000)
#
# Puts N mails into a GreenMail IMAP mailbox on loopback (60 % partners' forwards of new
# suspicious mails, 20 % second forwards of the same mails, 15 % tagged replies, 5 % not
# mail), then lets one instance read and file them and prints mails per second and the
# outcomes. Needs the test PostgreSQL as the tests do (TEST_DATABASE_URL, or embedded).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=MailboxIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark=mailbox-intake -Dbenchmark.mails="${1:-1000}"
grep '^mailbox-intake:' target/surefire-reports/io.spoofdesk.mailbox.MailboxIntakeBenchmark-output.txt
