#!/usr/bin/env bash
# Steady mixed load (issue 11): the packaged intake-service, decision-service and ui on one embedded
# PostgreSQL, signed in through the ui's real OIDC code flow against a small issuer the bench starts;
# three users (front desk, privacy officer, supervisor) log, search, work worksheets, sign decisions,
# make and send letters and read alerts through the APIs and the ui at a steady pace. Prints latency
# percentiles per operation after the warm-up and heap/RSS of each application over time.
#   LOAD_SECONDS (600), LOAD_WARMUP_SECONDS (120, or a quarter of a shorter run), LOAD_RATE (8 requests/s),
#   LOAD_SAMPLE_SECONDS (15), LOAD_JAVA_OPTS (-Xmx512m, as ./run.sh)
# Exits 1 when any answer was not the expected one. Logs: .local/bench/load/<application>.log
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/.local/bench/load"

for app in intake-service decision-service ui; do
  if [ ! -f "$app/target/quarkus-app/quarkus-run.jar" ] || [ ! -f dev/launcher/target/classes/org/ehiaccess/dev/LocalPostgres.class ]; then
    echo "Building the applications and the launcher..."
    ./mvnw -q -pl platform,intake-service,decision-service,ui,dev/launcher -am package -DskipTests
    break
  fi
done
rm -rf "$work"
mkdir -p "$work"
./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work/launcher.cp" >/dev/null 2>&1 ||
  ./mvnw -q -pl dev/launcher dependency:build-classpath -Dmdep.outputFile="$work/launcher.cp"
launcher_cp="$root/dev/launcher/target/classes:$(cat "$work/launcher.cp")"

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
status=0
java bench/load/LoadBench.java "$work" "$launcher_cp" \
  "$root/intake-service/target/quarkus-app/quarkus-run.jar" \
  "$root/decision-service/target/quarkus-app/quarkus-run.jar" \
  "$root/ui/target/quarkus-app/quarkus-run.jar" || status=$?
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
