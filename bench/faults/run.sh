#!/usr/bin/env bash
# Fault run (issue 11): PostgreSQL stopped for ~10 s and started again (same data directory) under a
# steady create load on the packaged intake-service; checks that the service recovers by itself, that
# clients retrying with their Idempotency-Key made no duplicates, that nothing is half-written, and
# prints what the clients saw during the outage. Localhost only; bounded in time (about 2 minutes).
#   FAULT_RATE (20 creates/s), FAULT_CLIENTS (4), FAULT_BEFORE_SECONDS (30), FAULT_OUTAGE_SECONDS (10),
#   FAULT_AFTER_SECONDS (40), FAULT_RETRY_SECONDS (60: how long a client retries one key)
# Exits 1 when a check fails. Logs: .local/bench/faults/{intake,postgres}.log
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.local/bench/faults"

if [ ! -f intake-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f dev/launcher/target/classes/org/ehiaccess/dev/LocalPostgres.class ]; then
  echo "Building intake-service and the launcher..."
  ./mvnw -q -pl platform,intake-service,dev/launcher -am package -DskipTests
fi
rm -rf "$work"
mkdir -p "$work"
./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work/launcher.cp" >/dev/null 2>&1 ||
  ./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work/launcher.cp"
launcher_cp="$root/dev/launcher/target/classes:$(cat "$work/launcher.cp")"
pg_jar=$(tr ':' '\n' < "$work/launcher.cp" | grep '/postgresql-[0-9]' | head -1)
[ -n "$pg_jar" ] || { echo "No PostgreSQL JDBC driver on the launcher's classpath"; exit 1; }

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
java -cp "$pg_jar" bench/faults/PgRestartFault.java \
  "$root/intake-service/target/quarkus-app/quarkus-run.jar" "$launcher_cp" "$work" || status=$?
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
