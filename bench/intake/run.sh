#!/usr/bin/env bash
# Benchmark of the EHI Request Log (issue 4) and the deadline scan (issue 6).
# Prints create throughput, first-page list latency over 1,000,000 requests in one clinic, and the
# duration of the scheduled scan over ~1,000,000 open requests in 1,000 clinics. Asserts nothing.
#   BENCH_REQUESTS (1000000), BENCH_CLINICS (1000), BENCH_OPEN_PER_CLINIC (1000) size the data;
#   BENCH_KEEP_DATA=1 keeps the previous run's database instead of loading again.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.local/bench/intake"
port=5499

if [ ! -f intake-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f dev/launcher/target/local-launcher-0.1.0-SNAPSHOT.jar ]; then
  echo "Building intake-service and the launcher..."
  ./mvnw -q -pl platform,intake-service,dev/launcher -am package -DskipTests
fi
./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work.cp" >/dev/null 2>&1 || {
  mkdir -p "$(dirname "$work")"; ./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work.cp"; }
launcher_cp="dev/launcher/target/classes:$(cat "$work.cp")"
# the JDBC driver for the loader: the launcher's classpath has it (no installed modules needed)
pg_jar=$(tr ':' '\n' < "$work.cp" | grep '/postgresql-[0-9]' | head -1)
[ -n "$pg_jar" ] || { echo "No PostgreSQL JDBC driver on the launcher's classpath ($work.cp)"; exit 1; }

# BENCH_KEEP_DATA=1 reuses the database of the previous run (loaded data, applied migrations)
if [ -z "${BENCH_KEEP_DATA:-}" ]; then
  rm -rf "$work"
fi
mkdir -p "$work"
echo "Starting a fresh PostgreSQL for the benchmark on port $port..."
java -cp "$launcher_cp" org.ehiaccess.dev.LocalPostgres "$work/postgres" "$port" > "$work/postgres.log" 2>&1 &
pg=$!
trap 'kill $pg 2>/dev/null; wait $pg 2>/dev/null || true' EXIT
until grep -q "LOCAL POSTGRES READY" "$work/postgres.log"; do
  kill -0 $pg 2>/dev/null || { cat "$work/postgres.log"; exit 1; }
  sleep 1
done

rm -f "$work/intake.log" # this run's scans only
echo "Service log: $work/intake.log"
java -cp "$pg_jar" bench/intake/IntakeBench.java \
  "$root/intake-service/target/quarkus-app/quarkus-run.jar" "$work/intake.log"
