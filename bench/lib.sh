# Shared by the page benchmarks: the database, the production jar started against it, and
# one signed-in manager session that every request reuses (DESIGN.md: no password
# hashing per request). Source it from a script that has cd'd to the repository root.
DB=${DB:-spoofdesk_bench}
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT=18080
PASSWORD="bench-admin-password-1"
DURATION=${DURATION:-10s}
# what the app started by these scripts is told: its database, then its admin and address
DB_ENV=(SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
APP_ENV=("${DB_ENV[@]}" SPOOFDESK_ADMIN_USERNAME=bench SPOOFDESK_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT
  SERVER_ADDRESS=127.0.0.1)

bench_sql() {
  psql -h 127.0.0.1 -U postgres -d "$DB" "$@"
}

# Builds the jar, starts it on $PORT against $DB (APP holds its pid; stopped on exit) and
# waits until it is healthy.
bench_start_app() {
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/spoofdesk-*.jar | head -n 1)
  env "${APP_ENV[@]}" java -Xmx512m -jar "$JAR" > target/bench-app.log 2>&1 &
  bench_await_app $!
}

# The README's production command, flags and all (SPOOFDESK_FLAGS overrides the flags): the
# jar extracted, one training run that writes the class-data archive, then the start that
# uses it. Sets APP like bench_start_app.
README_FLAGS="-Xmx320m -XX:+UseParallelGC -XX:TieredStopAtLevel=1"
bench_start_production_app() {
  ./mvnw -B -q package -DskipTests
  JAR=$(ls target/spoofdesk-*.jar | head -n 1)
  rm -rf target/bench-app-extracted
  java -Djarmode=tools -jar "$JAR" extract --destination target/bench-app-extracted > /dev/null
  local extracted
  extracted=$(ls target/bench-app-extracted/spoofdesk-*.jar | head -n 1)
  env "${DB_ENV[@]}" java -XX:ArchiveClassesAtExit=target/bench-app-extracted/spoofdesk.jsa \
    -Dspring.context.exit=onRefresh -jar "$extracted" > target/bench-app-training.log 2>&1
  env "${APP_ENV[@]}" java ${SPOOFDESK_FLAGS:-$README_FLAGS} -XX:SharedArchiveFile=target/bench-app-extracted/spoofdesk.jsa \
    -jar "$extracted" > target/bench-app.log 2>&1 &
  bench_await_app $!
}

# Keeps the started app's pid in APP (stopped on exit) and waits until it is healthy.
bench_await_app() {
  APP=$1
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && return 0; sleep 1; done
  echo "the app did not start; see target/bench-app.log" >&2
  exit 1
}

# Creates the manager bench-manager (once) and signs in: SESSION holds the session cookie.
bench_sign_in() {
  curl -sf -u "bench:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/users" \
    -d '{"username":"bench-manager","displayName":"Bench","roles":["MANAGER"],"password":"'"$PASSWORD"'"}' > /dev/null || true
  local cookies token
  cookies=$(mktemp)
  token=$(curl -s -c "$cookies" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -b "$cookies" -c "$cookies" -o /dev/null "http://127.0.0.1:$PORT/login" \
    --data-urlencode "username=bench-manager" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token"
  SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$cookies")
}

# One field (rps, p50, p95, p99, errors) of a wrk run with bench/percentiles.lua.
bench_field() { sed -n "s/.*RESULT.* $1=\([^ ]*\).*/\1/p" "$2"; }
