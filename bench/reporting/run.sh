#!/usr/bin/env bash
# Benchmark of the clinic dashboard (issue 13): GET /api/v1/metrics of one clinic with 1,000,000
# requests (two years of them) loaded straight into reporting-service's query tables by SQL, for this
# quarter and for this calendar year; prints median, p95 and slowest call. Asserts nothing.
#   BENCH_REQUESTS (1000000) requests in the measured clinic;
#   BENCH_OTHER_REQUESTS (0) more requests in BENCH_OTHER_CLINICS (999) other clinics (the same
#     dashboard on a bigger table: there is no platform-wide endpoint);
#   BENCH_WARMUP (5) untimed and BENCH_CALLS (30) timed calls per period; BENCH_JAVA_OPTS (-Xmx1g);
#   BENCH_KEEP_DATA=1 keeps the previous run's database instead of loading again.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.local/bench/reporting"
port=5498

if [ ! -f reporting-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f dev/launcher/target/classes/org/ehiaccess/dev/LocalPostgres.class ]; then
  echo "Building reporting-service and the launcher..."
  ./mvnw -q -pl platform,reporting-service,dev/launcher -am package -DskipTests
fi
mkdir -p "$(dirname "$work")"
./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work.cp" >/dev/null 2>&1 ||
  ./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work.cp"
launcher_cp="dev/launcher/target/classes:$(cat "$work.cp")"
# the JDBC driver for the loader: the launcher's classpath has it
pg_jar=$(tr ':' '\n' < "$work.cp" | grep '/postgresql-[0-9]' | head -1)
[ -n "$pg_jar" ] || { echo "No PostgreSQL JDBC driver on the launcher's classpath ($work.cp)"; exit 1; }

if [ -z "${BENCH_KEEP_DATA:-}" ]; then
  rm -rf "$work"
fi
mkdir -p "$work"
echo "Starting PostgreSQL for the benchmark on port $port..."
: > "$work/postgres.log"
java -cp "$launcher_cp" org.ehiaccess.dev.LocalPostgres "$work/postgres" "$port" > "$work/postgres.log" 2>&1 &
pg=$!
trap 'kill $pg 2>/dev/null; wait $pg 2>/dev/null || true' EXIT
until grep -q "LOCAL POSTGRES READY" "$work/postgres.log"; do
  kill -0 $pg 2>/dev/null || { cat "$work/postgres.log"; exit 1; }
  sleep 1
done

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "Service log: $work/reporting.log"
rm -f "$work/reporting.log"
java -cp "$pg_jar" bench/reporting/ReportingBench.java \
  "$root/reporting-service/target/quarkus-app/quarkus-run.jar" "$work/reporting.log"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
