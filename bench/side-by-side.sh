#!/usr/bin/env bash
# SpoofDesk next to Spring Petclinic, measured in one run on this machine and its PostgreSQL
# (issue 18): cold start (launch until the first 200), then each page with wrk -t2 -c32
# (warm-up, then two runs; requests/s) and -c8 (p50/p95), then resident memory. One
# application runs at a time, each started as its own README says (SpoofDesk: the extracted
# jar with its class-data archive and the README's flags, or SPOOFDESK_FLAGS; Petclinic: java -jar).
#
# Petclinic is built from ../shared/anchors/spring-petclinic-*.tar.gz (into
# target/side-by-side/, with the system Maven); without the archive the script says so and
# stops. Run from anywhere:  bench/side-by-side.sh
# Shorter runs for a quick look: WARMUP=5s RUN=10s STARTS=1 bench/side-by-side.sh
# PREWARM=180s first loads every page of an application in turn for that long, so the JIT
# has settled before any page is measured (it takes minutes on 2 cores; default: none).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WARMUP=${WARMUP:-15s}
RUN=${RUN:-20s}
STARTS=${STARTS:-3}
WORK=target/side-by-side
mkdir -p "$WORK"
ARCHIVE=$(ls ../shared/anchors/spring-petclinic-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$ARCHIVE" ]; then
  echo "side-by-side: no ../shared/anchors/spring-petclinic-*.tar.gz here; nothing to compare with." >&2
  exit 2
fi
if ! ls "$WORK"/spring-petclinic/target/spring-petclinic-*.jar > /dev/null 2>&1; then
  echo "building Spring Petclinic from $ARCHIVE ..."
  tar xzf "$ARCHIVE" -C "$WORK"
  (cd "$WORK/spring-petclinic" && mvn -q -B -DskipTests package)
fi
PETCLINIC_JAR=$(ls "$ROOT/$WORK"/spring-petclinic/target/spring-petclinic-*.jar | head -n 1)
./mvnw -B -q package -DskipTests
SPOOFDESK_JAR=$(ls "$ROOT"/target/spoofdesk-*.jar | head -n 1)
PORT=18081
PASSWORD="bench-admin-password-1"
RESULTS="$WORK/results.txt"
# ONLY=spoofdesk re-measures SpoofDesk against the Petclinic numbers of the previous run
if [ "${ONLY:-}" = spoofdesk ] && [ -f "$RESULTS" ]; then
  grep '^petclinic' "$RESULTS" > "$RESULTS.kept" || true
  mv "$RESULTS.kept" "$RESULTS"
else
  : > "$RESULTS"
fi

fresh_db() {
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

# Starts an application in the background (APP holds its pid; STARTED the seconds from
# launch until $2 answered 200).
start() {
  local command=$1 probe=$2 began
  began=$(date +%s.%N)
  bash -c "exec $command" > "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$probe")" = "200" ]; then
      STARTED=$(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $began }")
      return 0
    fi
    sleep 0.05
  done
  echo "did not start: see $WORK/app.log" >&2
  exit 1
}

trap 'kill "${APP:-}" 2> /dev/null || true' EXIT

stop() {
  kill "$APP" 2> /dev/null || true
  wait "$APP" 2> /dev/null || true
}

# wrk on one path: warm-up, two runs at 32 connections (requests/s), one at 8 (p50, p95).
measure() {
  local app=$1 page=$2 path=$3 cookie=${4:-} header=()
  [ -n "$cookie" ] && header=(-H "Cookie: $cookie")
  wrk -t2 -c32 -d"$WARMUP" "${header[@]}" "http://127.0.0.1:$PORT$path" > /dev/null
  local rps=() line
  for _ in 1 2; do
    line=$(wrk -t2 -c32 -d"$RUN" "${header[@]}" -s bench/percentiles.lua "http://127.0.0.1:$PORT$path" | grep RESULT)
    rps+=("$(echo "$line" | sed -n 's/.*rps=\([^ ]*\).*/\1/p')")
    [ "$(echo "$line" | sed -n 's/.*errors=\([^ ]*\).*/\1/p')" = "0" ] || echo "  ($app $page: errors in $line)"
  done
  line=$(wrk -t2 -c8 -d"$RUN" "${header[@]}" -s bench/percentiles.lua "http://127.0.0.1:$PORT$path" | grep RESULT)
  local p50 p95
  p50=$(echo "$line" | sed -n 's/.*p50=\([^ ]*\).*/\1/p')
  p95=$(echo "$line" | sed -n 's/.*p95=\([^ ]*\).*/\1/p')
  echo "$app|$page|${rps[0]}|${rps[1]}|$p50|$p95" | tee -a "$RESULTS"
}

# Every page of an application in turn, for PREWARM (when set), before any is measured.
prewarm() {
  local cookie=$1 header=()
  shift
  [ -n "${PREWARM:-}" ] || return 0
  [ -n "$cookie" ] && header=(-H "Cookie: $cookie")
  WRK_PATHS="$*" wrk -t2 -c32 -d"$PREWARM" "${header[@]}" -s bench/rotate-paths.lua "http://127.0.0.1:$PORT/" > /dev/null
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP") / 1024 )); }

# --- Spring Petclinic -------------------------------------------------------------------
if [ "${ONLY:-}" != spoofdesk ]; then
fresh_db petclinic_side
PETCLINIC="env POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/petclinic_side POSTGRES_USER=postgres POSTGRES_PASS=postgres java -jar $PETCLINIC_JAR --spring.profiles.active=postgres --server.port=$PORT"
for i in $(seq 1 "$STARTS"); do
  start "$PETCLINIC" /
  echo "petclinic|start|$STARTED" | tee -a "$RESULTS"
  [ "$i" = "$STARTS" ] || stop
done
prewarm "" "/owners?lastName=" /owners/1 /vets.html /resources/images/favicon.png
measure petclinic list "/owners?lastName="
measure petclinic detail /owners/1
measure petclinic dashboard /vets.html
measure petclinic static /resources/images/favicon.png
echo "petclinic|rss|$(rss_mb)" | tee -a "$RESULTS"
stop
fi

# --- SpoofDesk --------------------------------------------------------------------------
fresh_db spoofdesk_side
DATABASE="SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/spoofdesk_side SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="
SETTINGS="SPOOFDESK_ADMIN_USERNAME=bench SPOOFDESK_ADMIN_PASSWORD=$PASSWORD SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1"
# the README's production command: the jar extracted, one training run that writes the
# class-data archive (it also migrates the empty database), then every start uses it
rm -rf "$WORK/app"
java -Djarmode=tools -jar "$SPOOFDESK_JAR" extract --destination "$WORK/app" > /dev/null
EXTRACTED=$(ls "$ROOT/$WORK"/app/spoofdesk-*.jar | head -n 1)
env $DATABASE java -XX:ArchiveClassesAtExit="$WORK/app/spoofdesk.jsa" -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" > "$WORK/training.log" 2>&1
FLAGS=${SPOOFDESK_FLAGS:--Xmx320m -XX:+UseParallelGC -XX:TieredStopAtLevel=1} # the README's
SPOOFDESK="env $DATABASE $SETTINGS java $FLAGS -XX:SharedArchiveFile=$WORK/app/spoofdesk.jsa -jar $EXTRACTED"
start "env $DATABASE $SETTINGS java $FLAGS -jar $SPOOFDESK_JAR" /login
echo "spoofdesk|plain-start|$STARTED" | tee -a "$RESULTS"
stop
for i in $(seq 1 "$STARTS"); do
  start "$SPOOFDESK" /login
  echo "spoofdesk|start|$STARTED" | tee -a "$RESULTS"
  [ "$i" = "$STARTS" ] || stop
done
api() { curl -sf -u "bench-manager:$PASSWORD" "http://127.0.0.1:$PORT$1" -H "Content-Type: ${TYPE:-application/json}" "${@:2}"; }
curl -sf -u "bench:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/users" \
  -d '{"username":"bench-manager","displayName":"Bench","roles":["MANAGER","HELPDESK"],"password":"'"$PASSWORD"'"}' > /dev/null
curl -sf -u "bench:$PASSWORD" -H 'Content-Type: application/json' -X PUT "http://127.0.0.1:$PORT/api/v1/settings/identity" \
  -d '{"companyName":"北村精機株式会社","domains":["kitamura-seiki.co.jp"],"staff":[{"name":"北村 博","email":"kitamura@kitamura-seiki.co.jp"}],"receivingServers":["mx1.kitamura-seiki.co.jp"],"sendingHosts":[],"timeZone":"Asia/Tokyo","workingHours":{"start":"08:00","end":"20:00"}}' > /dev/null
api /api/v1/partners -d '{"name":"青葉商事株式会社","domains":["aoba-shoji.co.jp"],"contacts":[{"name":"加藤 一郎","email":"kato@aoba-shoji.co.jp","phone":"03-1234-5678"}]}' > /dev/null
for i in 1 2 3 4; do
  api /api/v1/incidents -d '{"title":"御社名の不審メール '"$i"'","channel":"PHONE","severity":"HIGH","impersonatedAddresses":["eigyo@kitamura-seiki.co.jp"]}' > /dev/null
done
ID=$(psql -h 127.0.0.1 -U postgres -d spoofdesk_side -Atc "SELECT min(id) FROM incident")
TYPE=message/rfc822 api "/api/v1/incidents/$ID/mails" --data-binary @bench/sample-spoofed.eml > /dev/null
api "/api/v1/incidents/$ID/warnings" -d '{"language":"ja","fromAddress":"soumu@kitamura-seiki.co.jp","addressList":"kato@aoba-shoji.co.jp\ntaro@gmail.com"}' > /dev/null
cookies=$(mktemp)
token=$(curl -s -c "$cookies" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$cookies" -c "$cookies" -o /dev/null "http://127.0.0.1:$PORT/login" \
  --data-urlencode "username=bench-manager" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token"
SESSION="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$cookies")"
PARTNER=$(psql -h 127.0.0.1 -U postgres -d spoofdesk_side -Atc "SELECT min(id) FROM partner")
prewarm "$SESSION" /incidents "/incidents/$ID" /dashboard /favicon.svg /tasks "/partners/$PARTNER"
measure spoofdesk list /incidents "$SESSION"
measure spoofdesk detail "/incidents/$ID" "$SESSION"
measure spoofdesk dashboard /dashboard "$SESSION"
measure spoofdesk static /favicon.svg "$SESSION"
measure spoofdesk tasks /tasks "$SESSION"
measure spoofdesk partner "/partners/$PARTNER" "$SESSION"
echo "spoofdesk|rss|$(rss_mb)" | tee -a "$RESULTS"
stop

# --- the table --------------------------------------------------------------------------
python3 - "$RESULTS" << 'EOF'
import sys
rows = [line.strip().split("|") for line in open(sys.argv[1]) if line.strip()]
def of(app, what):
    return [r[2:] for r in rows if r[0] == app and r[1] == what]
def rps(app, page):
    runs = of(app, page)
    return [float(x) for x in runs[0][:2]] if runs else None
print()
print("| page | SpoofDesk req/s (p50 / p95 ms at 8) | Petclinic req/s (p50 / p95 ms at 8) | ratio |")
print("|---|---|---|---|")
for page, peer in (("list", "list"), ("detail", "detail"), ("dashboard", "dashboard"), ("static", "static"),
                   ("tasks", "detail"), ("partner", "detail")):
    ours, theirs = of("spoofdesk", page), of("petclinic", peer)
    if not ours or not theirs:
        continue
    a, b = rps("spoofdesk", page), rps("petclinic", peer)
    print(f"| {page} (vs {peer}) | {min(a):.0f}–{max(a):.0f} ({ours[0][2]} / {ours[0][3]}) "
          f"| {min(b):.0f}–{max(b):.0f} ({theirs[0][2]} / {theirs[0][3]}) | {min(a) / max(b):.2f}–{max(a) / min(b):.2f}× |")
starts = {app: [float(r[0]) for r in of(app, "start")] for app in ("spoofdesk", "petclinic")}
plain = [float(r[0]) for r in of("spoofdesk", "plain-start")]
print(f"| cold start, launch → first 200 (s) | {', '.join(f'{s:.1f}' for s in starts['spoofdesk'])} "
      f"(without the class-data archive: {', '.join(f'{s:.1f}' for s in plain)}) "
      f"| {', '.join(f'{s:.1f}' for s in starts['petclinic'])} | {min(starts['petclinic']) / max(starts['spoofdesk']):.2f}× faster |")
print(f"| resident memory after the runs (MB) | {of('spoofdesk', 'rss')[0][0]} | {of('petclinic', 'rss')[0][0]} | |")
EOF
