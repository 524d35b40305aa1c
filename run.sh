#!/usr/bin/env bash
# ./run.sh: start EHI Access Desk on this machine with one command. No Docker, no sudo.
#
#   1. builds what changed        (./mvnw package -DskipTests, in the background)
#   2. PostgreSQL 17 on :5433     (embedded, dev/launcher; data kept in .local/postgres)
#   3. Keycloak on :8180          (fetched through Maven once, realm dev/keycloak/clinics-realm.json)
#   4. the applications           (ui :8080, intake-service :8081, decision-service :8082, reporting-service :8083;
#                                  health and metrics on their management ports :9080 to :9083)
#   5. prints the URL and the demo sign-ins, then waits; Ctrl-C (or SIGTERM) stops everything it started.
#
# Options:  --no-build   start what is already built; never run Maven for the applications
#           -h, --help
# Logs: .local/logs/<name>.log. Reset the data: rm -rf .local/postgres (see dev/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

LOCAL="$ROOT/.local"           # git-ignored: everything this script downloads, builds or keeps
LOGS="$LOCAL/logs"
RUNDIR="$LOCAL/run"            # pid files of the processes this script started
PG_DATA="$LOCAL/postgres"

PG_PORT=5433
KC_PORT=8180
KC_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)"
KC_VERSION="${KC_VERSION:-26.7.3}"
KC_HOME="$LOCAL/keycloak-$KC_VERSION"
REALM="clinics"
REALM_FILE="$ROOT/dev/keycloak/clinics-realm.json"

# The applications, in start order, with their ports
APPS=(intake-service decision-service reporting-service ui)
app_port() {
  case "$1" in
    ui) echo 8080 ;; intake-service) echo 8081 ;; decision-service) echo 8082 ;; reporting-service) echo 8083 ;;
  esac
}

# Health (/q/health/ready) and metrics (/q/metrics) are served on a separate management port only
management_port() {
  case "$1" in
    ui) echo 9080 ;; intake-service) echo 9081 ;; decision-service) echo 9082 ;; reporting-service) echo 9083 ;;
  esac
}

port_app() { # the application that uses port $1
  local a
  for a in "${APPS[@]}"; do
    if [[ "$(app_port "$a")" == "$1" ]]; then echo "$a"; fi
    if [[ "$(management_port "$a")" == "$1" ]]; then echo "$a (management)"; fi
  done
}

# Time limits in seconds (override from the environment on a slow machine)
PG_TIMEOUT="${PG_TIMEOUT:-120}"
KC_TIMEOUT="${KC_TIMEOUT:-300}"
BUILD_TIMEOUT="${BUILD_TIMEOUT:-1800}"
APP_TIMEOUT="${APP_TIMEOUT:-240}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xmx512m}"

BUILD=true
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=false ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------------------------
T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - T0 ))s"; }
step() { printf '\n[%s] %s\n' "$1" "$2"; }
info() { printf '      %s\n' "$*"; }
fail() { # fail "message" [log file]: print the error (and the end of the log), then exit; the EXIT trap stops everything
  printf '\nERROR: %s\n' "$1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then
    printf '\n--- last lines of %s ---\n' "${2#"$ROOT"/}" >&2
    tail -n 25 "$2" >&2 || true
    printf -- '---\nFull log: %s\n' "${2#"$ROOT"/}" >&2
  fi
  exit 1
}
rel() { echo "${1#"$ROOT"/}"; }

# ---------------------------------------------------------------------------------------------
# Process handling: every child runs in its own session / process group, so that stopping it stops
# everything it forked (kc.sh -> java, mvnw -> java) and so that Ctrl-C in the terminal reaches this
# script only; the script then stops the children in order (applications, Keycloak, PostgreSQL last).
# ---------------------------------------------------------------------------------------------
NAMES=()   # what was started, in order
PIDS=()    # their pids (= process group ids)

if command -v setsid >/dev/null 2>&1; then
  NEW_GROUP=(setsid)
elif command -v perl >/dev/null 2>&1; then         # macOS has no setsid
  NEW_GROUP=(perl -e 'setpgrp(0, 0); exec @ARGV or die "exec $ARGV[0]: $!"')
else
  echo "ERROR: need 'setsid' (util-linux) or 'perl' to run processes in their own process group." >&2
  exit 1
fi

# start NAME LOGFILE COMMAND...: runs COMMAND in the background in a new process group, output to LOGFILE
start() {
  local name="$1" log="$2"
  shift 2
  "${NEW_GROUP[@]}" "$@" >"$log" 2>&1 </dev/null &
  local pid=$!
  NAMES+=("$name")
  PIDS+=("$pid")
  echo "$pid" >"$RUNDIR/$name.pid"
}

# alive PID: the process exists and is not a zombie
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

# group_alive PGID: some process of that process group is still running
group_alive() {
  local p
  for p in $(pgrep -g "$1" 2>/dev/null); do
    if alive "$p"; then return 0; fi
  done
  return 1
}

# stop_groups SECONDS PGID...: SIGTERM each process group, wait up to SECONDS, then SIGKILL what is left
stop_groups() {
  local limit="$1" pgid waited=0 left
  shift
  for pgid in "$@"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  while :; do
    left=()
    for pgid in "$@"; do if group_alive "$pgid"; then left+=("$pgid"); fi; done
    [[ ${#left[@]} -eq 0 ]] && break
    if (( waited >= limit * 5 )); then
      echo "      (still running after ${limit}s, killing: ${left[*]})"
      for pgid in "${left[@]}"; do kill -KILL -- "-$pgid" 2>/dev/null || true; done
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  for pgid in "$@"; do wait "$pgid" 2>/dev/null || true; done
}

# The PostgreSQL server itself is detached by pg_ctl (own session). The launcher stops it on SIGTERM;
# this is the safety net if the launcher could not (killed with -9, crashed).
stop_leftover_postmaster() {
  local pidfile="$PG_DATA/postmaster.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if alive "$pid" && ps -o args= -p "$pid" 2>/dev/null | grep -q postgres; then
    echo "      stopping PostgreSQL server (pid $pid) left running"
    kill -INT "$pid" 2>/dev/null || true   # SIGINT = PostgreSQL "fast" shutdown
    local i
    for i in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then kill -QUIT "$pid" 2>/dev/null || true; fi
  fi
}

STOPPING=false
cleanup() {
  local status=$?
  $STOPPING && return
  STOPPING=true
  trap '' INT TERM HUP
  if [[ ${#PIDS[@]} -gt 0 ]]; then
    printf '\nStopping everything ./run.sh started...\n'
    # Everything but PostgreSQL first (the applications need their database while they shut down)
    local others=() pg="" i
    for i in "${!NAMES[@]}"; do
      if [[ "${NAMES[$i]}" == postgres ]]; then pg="${PIDS[$i]}"; else others+=("${PIDS[$i]}"); fi
    done
    [[ ${#others[@]} -gt 0 ]] && stop_groups 20 "${others[@]}"
    [[ -n "$pg" ]] && stop_groups 30 "$pg"
    stop_leftover_postmaster
    echo "Stopped."
  fi
  # Only our own pid files: a second ./run.sh that refused to start must not forget the first one's
  for i in ${NAMES[@]+"${!NAMES[@]}"}; do rm -f "$RUNDIR/${NAMES[$i]}.pid"; done
  if [[ "$(cat "$RUNDIR/run.sh.pid" 2>/dev/null || true)" == "$$" ]]; then rm -f "$RUNDIR/run.sh.pid"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------------------------
# Checks: Java, tools, another run, busy ports
# ---------------------------------------------------------------------------------------------
# java_major JAVA_BINARY: prints the major version (17, 21, 25...) or nothing
java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_app_java() {
  local java="java"
  [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]] && java="$JAVA_HOME/bin/java"
  if ! command -v "$java" >/dev/null 2>&1; then
    fail "No Java found. The applications need Java 17 or newer: install a JDK 17+ (e.g. 'apt install openjdk-17-jdk', 'brew install openjdk@21' or https://adoptium.net) and put it on PATH or set JAVA_HOME."
  fi
  local major
  major="$(java_major "$java")"
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    fail "The applications need Java 17 or newer; '$java' is version ${major:-unknown}. Install a JDK 17+ and put it on PATH or set JAVA_HOME."
  fi
  APP_JAVA="$java"
}

# Keycloak 26 needs Java 21+. Its JAVA_HOME is used for Keycloak only.
find_keycloak_java_home() {
  local candidates=() c
  [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]] && candidates+=("$KEYCLOAK_JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if [[ -x /usr/libexec/java_home ]]; then                   # macOS
    c="$(/usr/libexec/java_home -v 21+ 2>/dev/null || true)"
    [[ -n "$c" ]] && candidates+=("$c")
  fi
  for c in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [[ -d "$c" ]] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then                   # the default java, wherever it lives
    c="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p' | head -n 1)"
    [[ -n "$c" ]] && candidates+=("$c")
  fi
  for c in "${candidates[@]}"; do
    if [[ -x "$c/bin/java" ]]; then
      local major
      major="$(java_major "$c/bin/java")"
      if [[ -n "$major" && "$major" -ge 21 ]]; then KC_JAVA_HOME="$c"; return 0; fi
    fi
  done
  fail "Keycloak $KC_VERSION needs Java 21 or newer and none was found (looked at KEYCLOAK_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, the default java).
       Install a JDK 21+ (e.g. 'apt install openjdk-21-jdk' or Temurin 21/25 from https://adoptium.net),
       then run again, or point KEYCLOAK_JAVA_HOME at it. The applications keep using your default Java 17+."
}

# port_in_use PORT
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# who_listens PORT: "java (pid 123)" when the system tells us
who_listens() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
}

# Another ./run.sh, or processes a previous run left behind (it was killed with -9, the machine slept...)
check_previous_run() {
  mkdir -p "$RUNDIR" "$LOGS"
  local f pid args name
  if [[ -f "$RUNDIR/run.sh.pid" ]]; then
    pid="$(cat "$RUNDIR/run.sh.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ && "$pid" != "$$" ]] && alive "$pid" && ps -o args= -p "$pid" 2>/dev/null | grep -q 'run\.sh'; then
      echo "ERROR: ./run.sh is already running (pid $pid). Use that one, or stop it first (Ctrl-C in its terminal, or: kill $pid)." >&2
      exit 1
    fi
  fi
  local others=() pg=() names=()
  for f in "$RUNDIR"/*.pid; do
    [[ -e "$f" ]] || continue
    name="$(basename "$f" .pid)"
    [[ "$name" == run.sh ]] && continue
    pid="$(cat "$f" 2>/dev/null || true)"
    # only if that pid still is one of ours (pids get reused)
    if [[ "$pid" =~ ^[0-9]+$ ]] && group_alive "$pid"; then
      args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
      if [[ "$args" == *"$ROOT"* ]]; then
        names+=("$name")
        if [[ "$name" == postgres ]]; then pg+=("$pid"); else others+=("$pid"); fi
      fi
    fi
    rm -f "$f"
  done
  if [[ ${#names[@]} -gt 0 ]]; then
    echo "Stopping what an earlier ./run.sh left running: ${names[*]}"
    [[ ${#others[@]} -gt 0 ]] && stop_groups 20 "${others[@]}"
    [[ ${#pg[@]} -gt 0 ]] && stop_groups 30 "${pg[@]}"
  fi
  stop_leftover_postmaster
  echo "$$" >"$RUNDIR/run.sh.pid"
}

check_ports() {
  local busy=() numbers=() port what who
  for port in "$PG_PORT" "$KC_PORT" ${APP_PORTS[@]+"${APP_PORTS[@]}"}; do
    if port_in_use "$port"; then
      case "$port" in
        "$PG_PORT") what="PostgreSQL" ;;
        "$KC_PORT") what="Keycloak" ;;
        *) what="$(port_app "$port")" ;;
      esac
      who="$(who_listens "$port")"
      busy+=("port $port (needed for $what) is already in use${who:+ by $who}")
      numbers+=("$port")
    fi
  done
  if [[ ${#busy[@]} -gt 0 ]]; then
    echo >&2
    printf 'ERROR: %s\n' "${busy[@]}" >&2
    printf '       Stop what listens there (another ./run.sh, a quarkus:dev, a local PostgreSQL or Keycloak...) and run again.\n' >&2
    printf '       To see what it is: ss -ltnp | grep -E ":(%s) "   (or: lsof -i :%s)\n' "$(IFS='|'; echo "${numbers[*]}")" "${numbers[0]}" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------
# Build helpers
# ---------------------------------------------------------------------------------------------
# app_present APP: the module exists with sources (the ui may not have been written yet)
app_present() { [[ -f "$ROOT/$1/pom.xml" && -d "$ROOT/$1/src/main" ]]; }
app_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# Local-run settings per application: there is no SMTP server here, so intake-service writes alert
# mail to its log (.local/logs/intake-service.log) instead of sending it; the ui runs over plain HTTP
# here, so it runs with the `local` profile instead of `prod` (no Secure-only cookies, no HSTS)
local_opts() {
  case "$1" in
    intake-service) echo "-Dquarkus.mailer.mock=true" ;;
    ui) echo "-Dquarkus.profile=local" ;;
  esac
}

# app_stale APP: no runnable jar, or a source/pom it depends on is newer than it
app_stale() {
  local jar
  jar="$(app_jar "$1")"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/platform/src/main" "$ROOT/platform/pom.xml" "$ROOT/pom.xml" \
            -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# The PostgreSQL launcher runs from its classes plus a cached classpath: no Maven on a normal restart.
LAUNCHER_CP_FILE="$LOCAL/launcher.classpath"
launcher_classpath_ok() { # every jar of the cached classpath is still in the local Maven repository
  local jar
  [[ -s "$LAUNCHER_CP_FILE" ]] || return 1
  for jar in $(tr ':' ' ' <"$LAUNCHER_CP_FILE"); do [[ -f "$jar" ]] || return 1; done
}
build_launcher_if_needed() {
  local classes="$ROOT/dev/launcher/target/classes/org/ehiaccess/dev/LocalPostgres.class"
  if [[ -f "$classes" ]] && launcher_classpath_ok && [[ -z "$(find "$ROOT/dev/launcher/src" "$ROOT/dev/launcher/pom.xml" \
          "$ROOT/pom.xml" -newer "$LAUNCHER_CP_FILE" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  info "building the PostgreSQL launcher (dev/launcher)..."
  # -f: only this module's pom (and the parent) is read, so a half-edited module elsewhere cannot break it
  if ! ./mvnw -q -f dev/launcher/pom.xml package dependency:build-classpath \
        -Dmdep.outputFile="$LAUNCHER_CP_FILE" >"$LOGS/launcher-build.log" 2>&1; then
    rm -f "$LAUNCHER_CP_FILE"
    fail "Could not build dev/launcher." "$LOGS/launcher-build.log"
  fi
  touch "$LAUNCHER_CP_FILE"
}

# ---------------------------------------------------------------------------------------------
# Waiting
# ---------------------------------------------------------------------------------------------
# wait_until NAME PID TIMEOUT_VARIABLE LOG CHECK...: poll CHECK every second until it succeeds; fail
# (with the end of the log) if the process stops or the time limit passes.
wait_until() {
  local name="$1" pid="$2" limit_var="$3" log="$4" start
  local limit="${!limit_var}"
  shift 4
  start=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    if ! group_alive "$pid"; then
      fail "$name stopped during startup; see $(rel "$log")." "$log"
    fi
    if (( $(date +%s) - start >= limit )); then
      fail "$name was not ready after ${limit}s; see $(rel "$log"). On a slow machine, raise the limit: $limit_var=$((limit * 2)) ./run.sh" "$log"
    fi
    sleep 1
  done
}

# wait_exit NAME PID TIMEOUT_VARIABLE LOG: wait for a background job to finish; fail if it fails
wait_exit() {
  local name="$1" pid="$2" limit_var="$3" log="$4" start
  local limit="${!limit_var}"
  start=$(date +%s)
  while group_alive "$pid"; do
    if (( $(date +%s) - start >= limit )); then
      fail "$name did not finish within ${limit}s; see $(rel "$log"). On a slow machine, raise the limit: $limit_var=$((limit * 2)) ./run.sh" "$log"
    fi
    sleep 1
  done
  wait "$pid" || fail "$name failed; see $(rel "$log")." "$log"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }
log_has() { grep -q "$2" "$1"; }

# =============================================================================================
echo "EHI Access Desk: local run (no Docker). Logs in .local/logs/; Ctrl-C stops everything."

command -v curl >/dev/null 2>&1 || fail "curl is needed (to wait for the services). Install it, e.g. 'apt install curl'."
command -v tar >/dev/null 2>&1 || fail "tar is needed (to unpack Keycloak)."
command -v pgrep >/dev/null 2>&1 || fail "pgrep is needed (procps). Install it, e.g. 'apt install procps'."
find_app_java
find_keycloak_java_home
check_previous_run

# Which applications exist, which need building
RUN_APPS=() STALE_APPS=() APP_PORTS=()
for app in "${APPS[@]}"; do
  if ! app_present "$app"; then
    continue
  fi
  if app_stale "$app"; then
    if $BUILD; then
      STALE_APPS+=("$app")
    elif [[ ! -f "$(app_jar "$app")" ]]; then
      continue              # --no-build and never built: skip it
    fi
  fi
  RUN_APPS+=("$app")
  APP_PORTS+=("$(app_port "$app")" "$(management_port "$app")")
done
check_ports

# ---------------------------------------------------------------------------------------------
step 1/5 "Building (only what changed)"
build_launcher_if_needed
BUILD_PID=""
if [[ ${#STALE_APPS[@]} -gt 0 ]]; then
  info "building ${STALE_APPS[*]} in the background while the rest starts (log: .local/logs/build.log)"
  # -am also builds what they depend on (platform); only the modules that need it, so a module
  # someone is still writing does not stop the others from running
  start build "$LOGS/build.log" "$ROOT/mvnw" -q -pl "$(IFS=,; echo "${STALE_APPS[*]}")" -am package -DskipTests
  BUILD_PID="${PIDS[${#PIDS[@]}-1]}"
elif $BUILD; then
  info "applications up to date${RUN_APPS[0]:+ (${RUN_APPS[*]})}"
else
  info "not building the applications (--no-build)"
fi
for app in "${APPS[@]}"; do
  if ! app_present "$app"; then
    info "$app: no sources yet, skipped"
  elif ! $BUILD && [[ ! -f "$(app_jar "$app")" ]]; then
    info "$app: not built and --no-build given, skipped"
  elif ! $BUILD && app_stale "$app"; then
    info "$app: sources changed since its last build (--no-build: starting the old build)"
  fi
done

# ---------------------------------------------------------------------------------------------
step 2/5 "Starting PostgreSQL 17 (embedded, port $PG_PORT, data in .local/postgres)"
[[ -d "$PG_DATA" ]] || info "first run: creating the databases"
start postgres "$LOGS/postgres.log" "$APP_JAVA" -Xmx128m -Dslf4j.internal.verbosity=ERROR \
  -cp "$ROOT/dev/launcher/target/classes:$(cat "$LAUNCHER_CP_FILE")" \
  org.ehiaccess.dev.LocalPostgres "$PG_DATA" "$PG_PORT"
PG_PID="${PIDS[${#PIDS[@]}-1]}"
wait_until PostgreSQL "$PG_PID" PG_TIMEOUT "$LOGS/postgres.log" log_has "$LOGS/postgres.log" "LOCAL POSTGRES READY"
info "ready: localhost:$PG_PORT, databases intake, decision, reporting (user ehi / ehi)   [$(elapsed)]"

# ---------------------------------------------------------------------------------------------
step 3/5 "Starting Keycloak $KC_VERSION on port $KC_PORT (first start takes about a minute)"
if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
  info "downloading Keycloak $KC_VERSION through Maven (once, ~180 MB)..."
  if ! ./mvnw -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz" \
        -DoutputDirectory="$LOCAL" >"$LOGS/keycloak-download.log" 2>&1; then
    fail "Could not download Keycloak." "$LOGS/keycloak-download.log"
  fi
  info "unpacking into .local/keycloak-$KC_VERSION"
  rm -rf "$LOCAL/keycloak-unpack" && mkdir -p "$LOCAL/keycloak-unpack"
  tar -xzf "$LOCAL/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$LOCAL/keycloak-unpack"
  mv "$LOCAL/keycloak-unpack/keycloak-$KC_VERSION" "$KC_HOME"     # all or nothing: an interrupted unpack is redone
  rm -rf "$LOCAL/keycloak-unpack" "$LOCAL/keycloak-quarkus-dist-$KC_VERSION.tar.gz"
fi
# Keycloak imports the realm only when it does not exist yet. When the realm file changed since the
# last import, its local (development) database is reset so that the new file is imported.
mkdir -p "$KC_HOME/data/import"
REALM_SUM="$(cksum <"$REALM_FILE")"
if [[ -d "$KC_HOME/data/h2" && "$(cat "$KC_HOME/data/realm-file.cksum" 2>/dev/null || true)" != "$REALM_SUM" ]]; then
  info "dev/keycloak/clinics-realm.json changed: resetting Keycloak's local data to import it again"
  rm -rf "$KC_HOME/data/h2"
fi
cp "$REALM_FILE" "$KC_HOME/data/import/clinics-realm.json"
# Admin console: http://localhost:8180/admin (admin / admin), created on the first start only
start keycloak "$LOGS/keycloak.log" env JAVA_HOME="$KC_JAVA_HOME" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-port="$KC_PORT"
KC_PID="${PIDS[${#PIDS[@]}-1]}"
wait_until Keycloak "$KC_PID" KC_TIMEOUT "$LOGS/keycloak.log" \
  http_ok "http://localhost:$KC_PORT/realms/$REALM/.well-known/openid-configuration"
echo "$REALM_SUM" >"$KC_HOME/data/realm-file.cksum"
info "ready: http://localhost:$KC_PORT/realms/$REALM (Java: $KC_JAVA_HOME)   [$(elapsed)]"

# ---------------------------------------------------------------------------------------------
step 4/5 "Starting the applications"
if [[ -n "$BUILD_PID" ]]; then
  info "waiting for the build to finish (log: .local/logs/build.log)..."
  wait_exit "The build (./mvnw -q -pl $(IFS=,; echo "${STALE_APPS[*]}") -am package -DskipTests)" \
    "$BUILD_PID" BUILD_TIMEOUT "$LOGS/build.log"
  info "build done   [$(elapsed)]"
fi
[[ ${#RUN_APPS[@]} -gt 0 ]] || fail "No application is built yet (nothing under */target/quarkus-app). Run without --no-build."
for app in "${RUN_APPS[@]}"; do
  [[ -f "$(app_jar "$app")" ]] || fail "The build did not produce $(rel "$(app_jar "$app")")." "$LOGS/build.log"
  info "$app on port $(app_port "$app")  (log: .local/logs/$app.log)"
  # Each runs from its module directory, so a module's own config/ or .env applies to it only
  # shellcheck disable=SC2086  # APP_JAVA_OPTS is a list of options
  start "$app" "$LOGS/$app.log" bash -c 'cd "$1" && shift && exec "$@"' _ "$ROOT/$app" \
    "$APP_JAVA" $APP_JAVA_OPTS $(local_opts "$app") -jar "$(app_jar "$app")"
done
# Wait for all of them together (they start in parallel)
for i in "${!NAMES[@]}"; do
  app="${NAMES[$i]}"
  case " ${RUN_APPS[*]} " in *" $app "*) ;; *) continue ;; esac
  wait_until "$app" "${PIDS[$i]}" APP_TIMEOUT "$LOGS/$app.log" \
    http_ok "http://localhost:$(management_port "$app")/q/health/ready"
  info "$app ready: http://localhost:$(app_port "$app")   [$(elapsed)]"
done

# ---------------------------------------------------------------------------------------------
step 5/5 "Ready in $(elapsed)"
echo
case " ${RUN_APPS[*]} " in
  *" ui "*) echo "ready: http://localhost:8080" ;;
  *) echo "ready: http://localhost:$(app_port "${RUN_APPS[0]}")  (API only: the ui is not built yet)" ;;
esac
echo
for app in "${RUN_APPS[@]}"; do
  printf '  %-18s http://localhost:%s   (health, metrics: http://localhost:%s/q/health, /q/metrics)\n' \
    "$app" "$(app_port "$app")" "$(management_port "$app")"
done
printf '  %-18s http://localhost:%s/realms/%s  (admin console: /admin, admin / admin)\n' keycloak "$KC_PORT" "$REALM"
printf '  %-18s localhost:%s  databases intake, decision, reporting (ehi / ehi)\n' postgresql "$PG_PORT"
echo
echo "Demo sign-ins (password: demo)"
printf '  %-22s %-17s %s\n' USER ROLE CLINIC
for clinic in "sunrise:Sunrise Family Medicine" "lakeside:Lakeside Pediatrics"; do
  for role in frontdesk:front-desk clinician:clinician privacy:privacy-officer supervisor:supervisor \
              compliance:compliance-lead admin:clinic-admin; do
    printf '  %-22s %-17s %s\n' "${clinic%%:*}-${role%%:*}" "${role#*:}" "${clinic#*:}"
  done
done
printf '  %-22s %-17s %s\n' platform-operator platform-admin "(none: hosting operator)"
echo
echo "API token for scripts: see dev/README.md (client clinic-cli, password grant). Ctrl-C stops everything."

# Stay up; report anything that stops on its own (the rest keeps running)
REPORTED=" "
while :; do
  for i in "${!NAMES[@]}"; do
    name="${NAMES[$i]}"
    [[ "$name" == build || "$REPORTED" == *" $name "* ]] && continue
    if ! group_alive "${PIDS[$i]}"; then
      echo "WARNING: $name stopped on its own; see .local/logs/$name.log" >&2
      REPORTED="$REPORTED$name "
    fi
  done
  sleep 2 &
  wait $! || true
done
