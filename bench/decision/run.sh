#!/usr/bin/env bash
# decision-service benchmarks (not tests; nothing here asserts a time):
#   1. evaluations per second in-process, pinned to one core (target >= 20,000/s);
#   2. REST latency percentiles of POST /api/v1/evaluations at a steady 200 requests/s (target p99 < 10 ms),
#      against the packaged service, an embedded PostgreSQL and the Quarkus OIDC test server.
# Each prints its rounds and their MEDIAN. Options (environment): ROUNDS, ENGINE_SECONDS, RATE, REST_SECONDS.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
module=decision-service

# one reactor run (-am): the platform module resolves from this build, not from ~/.m2, so a clean clone works
./mvnw -q -pl "$module" -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
echo "== in-process engine (one core) =="
"${pin[@]}" java -cp "$cp" org.ehiaccess.decision.bench.EngineBenchmark "${ROUNDS:-5}" "${ENGINE_SECONDS:-3}"

echo "== REST =="
java -cp "$cp" org.ehiaccess.decision.bench.RestLatencyBenchmark "$module/target/quarkus-app/quarkus-run.jar" \
    "${RATE:-200}" "${REST_SECONDS:-20}" "${ROUNDS:-3}"
