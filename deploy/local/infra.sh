#!/usr/bin/env bash
# Local infrastructure for Sunshine: Kafka (KRaft), PostgreSQL and Redis, without
# docker or systemd. Idempotent; see deploy/local/README.md.
#
#   infra.sh up | down | status | env | stop-postgres | start-postgres | purge
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
# java_bin and the Kafka config writers, shared with kafka-cluster.sh, kafka-secure.sh and kafka-mirror.sh.
# shellcheck source=kafka/lib.sh
source "$SCRIPT_DIR/kafka/lib.sh"
INFRA_HOME="${SUNSHINE_INFRA_HOME:-$ROOT/.local/infra}"

KAFKA_VERSION="3.9.1"
KAFKA_HOST="127.0.0.1"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
PG_HOST="127.0.0.1"
PG_PORT="${PG_PORT:-5432}"
REDIS_HOST="127.0.0.1"
REDIS_PORT="${REDIS_PORT:-6379}"

PG_APP_USER="sunshine"
PG_APP_PASSWORD="sunshine"
PG_APP_DB="sunshine"
PG_SCHEMAS="intake routing supervision notification evaluation"
# Each service's own login role (owner of its schema only) and the read-only reporting role; their passwords are
# generated on the first 'up' into $CREDENTIALS (never committed) and printed by 'env' as DATABASE_URL_<SERVICE>.
PG_ROLE_PREFIX="sunshine_"

# Redis ACL users, one per service (sunshine-<service>), each limited to its own keys: its BullMQ queues
# (prefix `bull` or `bull.<run prefix>` in tests; queue names in apps/*/src/**/*.queue.ts, delivery-queues.ts), intake's
# rate-limit counters, its daily audit archive's queue (audit-archive.<service>, libs/platform AuditArchiveScheduler);
# every one may read the shared test clock (TEST_CLOCK=shared, tests only). No admin or
# dangerous commands (CONFIG, ACL, FLUSHALL, KEYS, DEBUG …). Passwords in $CREDENTIALS; 'env' prints REDIS_URL_<SERVICE>.
REDIS_ACL_KEYS_intake="~sunshine:*:intake-rate-limit:* ~bull:audit-archive.intake:* ~bull.*:audit-archive.intake:*"
REDIS_ACL_KEYS_routing="~bull:audit-archive.routing:* ~bull.*:audit-archive.routing:*"
REDIS_ACL_KEYS_supervision="~bull:supervision-* ~bull.*:supervision-* ~bull:audit-archive.supervision:* ~bull.*:audit-archive.supervision:*"
REDIS_ACL_KEYS_notification="~bull:notification.* ~bull.*:notification.* ~bull:audit-archive.notification:* ~bull.*:audit-archive.notification:*"
REDIS_ACL_KEYS_evaluation="~bull:evaluation-* ~bull.*:evaluation-* ~bull:audit-archive.evaluation:* ~bull.*:audit-archive.evaluation:*"
REDIS_ACL_COMMON="%R~sunshine:*:test-clock-offset-ms resetchannels +@all -@admin -@dangerous +info +client|setname +client|getname +client|id"

KAFKA_HOME="$INFRA_HOME/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
KAFKA_PID="$KAFKA_HOME/kafka.pid"
KAFKA_LOG="$KAFKA_HOME/logs/server.log"
KAFKA_OUT="$KAFKA_HOME/logs/kafka.out"
REDIS_HOME="$INFRA_HOME/redis"
REDIS_PID="$REDIS_HOME/redis.pid"
REDIS_LOG="$REDIS_HOME/redis.log"
REDIS_ACL_READY="$REDIS_HOME/.acl-users"
TOPICS_HOOK="$ROOT/deploy/local/ensure-topics.sh"
CREDENTIALS="$INFRA_HOME/credentials.env"
PG_ROLES_READY="$INFRA_HOME/.pg-roles"

DEFAULT_KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
DEFAULT_DATABASE_URL="postgres://$PG_APP_USER:$PG_APP_PASSWORD@$PG_HOST:$PG_PORT/$PG_APP_DB"
DEFAULT_REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT"

# ---------------------------------------------------------------- helpers ---

log()  { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
fmt_secs() { local ms=$1; printf '%d.%02ds' $((ms / 1000)) $((ms % 1000 / 10)); }
PHASE_T0=0
phase_start() { PHASE_T0=$(now_ms); }
phase_end() { log "phase $1: $(fmt_secs $(( $(now_ms) - PHASE_T0 )))"; }

# port_open HOST PORT -> 0 when something accepts TCP connections there
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# alive = exists and is not a zombie (daemons are re-parented to an init that may
# reap them late, so a stopped server can linger as <defunct> for a while)
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local st
  st="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  st="${st##*) }"
  [[ "${st%% *}" != Z ]]
}
read_pid() { [[ -s "$1" ]] && head -n1 "$1" | tr -dc '0-9' || true; }

# pid_cmd_matches PID PATTERN -> process PID's command line contains PATTERN
pid_cmd_matches() {
  local c
  c="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
  [[ "$c" == *"$2"* ]]
}

# Effective endpoint values: an explicitly provided variable wins. A variable that
# just repeats our own default (e.g. after `eval "$(infra.sh env)"`) is not
# treated as "external", so `up` still starts the local service.
kafka_external() { [[ -n "${KAFKA_BROKERS:-}" && "$KAFKA_BROKERS" != "$DEFAULT_KAFKA_BROKERS" && "$KAFKA_BROKERS" != "localhost:$KAFKA_PORT" ]]; }
pg_external()    { [[ -n "${DATABASE_URL:-}" && "$DATABASE_URL" != "$DEFAULT_DATABASE_URL" ]]; }
redis_external() { [[ -n "${REDIS_URL:-}" && "$REDIS_URL" != "$DEFAULT_REDIS_URL" && "$REDIS_URL" != "$DEFAULT_REDIS_URL/0" ]]; }

eff_kafka_brokers() { if kafka_external; then echo "$KAFKA_BROKERS"; else echo "$DEFAULT_KAFKA_BROKERS"; fi; }
eff_database_url()  { if pg_external; then echo "$DATABASE_URL"; else echo "$DEFAULT_DATABASE_URL"; fi; }
eff_redis_url()     { if redis_external; then echo "$REDIS_URL"; else echo "$DEFAULT_REDIS_URL"; fi; }

# first broker of a KAFKA_BROKERS list -> "host port"
first_broker_hostport() {
  local b="${1%%,*}"
  b="${b#*://}"
  echo "${b%:*} ${b##*:}"
}

# ------------------------------------------------------------ credentials ---

# credential NAME -> its value from $CREDENTIALS, generated (32 hex characters) and stored on first use
credential() {
  local name=$1 value
  mkdir -p "$INFRA_HOME"
  [[ -f "$CREDENTIALS" ]] || (umask 077 && : >"$CREDENTIALS")
  value="$(sed -n "s/^$name=//p" "$CREDENTIALS" | head -n1)"
  if [[ -z "$value" ]]; then
    value="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    echo "$name=$value" >>"$CREDENTIALS"
  fi
  echo "$value"
}
upper() { printf '%s' "$1" | tr '[:lower:]' '[:upper:]'; }

# -------------------------------------------------------------- postgres ---

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/pg_ctl" && -x "$d/initdb" && -x "$d/postgres" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

# The PostgreSQL cluster must be owned by a non-root user (initdb refuses root).
if [[ $EUID -eq 0 ]]; then PG_OS_USER="${PG_OS_USER:-postgres}"; else PG_OS_USER="$(id -un)"; fi

as_pg() {
  if [[ $EUID -eq 0 && "$PG_OS_USER" != root ]]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

# Where the cluster lives. Normally $INFRA_HOME/pg; if the postgres OS user cannot
# traverse $INFRA_HOME (e.g. the repo is under /root), fall back to /var/lib/sunshine.
pg_home() {
  if [[ -n "${SUNSHINE_PG_HOME:-}" ]]; then echo "$SUNSHINE_PG_HOME"; return; fi
  if [[ $EUID -eq 0 ]] && ! runuser -u "$PG_OS_USER" -- test -x "$INFRA_HOME" 2>/dev/null; then
    echo "/var/lib/sunshine/pg-$(printf '%s' "$INFRA_HOME" | sha256sum | cut -c1-10)"
  else
    echo "$INFRA_HOME/pg"
  fi
}

pg_setup_paths() {
  PG_HOME="$(pg_home)"
  PG_DATA="$PG_HOME/data"
  PG_LOGFILE="$PG_HOME/postgres.log"
  PG_SOCKDIR="$PG_HOME/run"
  # unix socket paths are limited to ~107 bytes
  if (( ${#PG_SOCKDIR} + 20 > 100 )); then PG_SOCKDIR="/tmp"; fi
}

pg_ours_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
  local bin
  bin="$(find_pg_bin)" || return 1
  as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_ours_pid() { read_pid "$PG_DATA/postmaster.pid"; }

pg_write_conf() {
  as_pg tee "$PG_DATA/sunshine.conf" >/dev/null <<EOF
# Generated by deploy/local/infra.sh on every 'up' -- do not edit.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKDIR'
max_connections = 200
# test speed over durability: this is a throw-away local database
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  if ! grep -q "^include_if_exists 'sunshine.conf'" "$PG_DATA/postgresql.conf"; then
    printf "\n# local overrides (deploy/local/infra.sh)\ninclude_if_exists 'sunshine.conf'\n" \
      | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
}

pg_init_cluster() {
  local bin=$1
  mkdir -p "$PG_HOME"
  chown "$PG_OS_USER" "$PG_HOME"
  chmod 0750 "$PG_HOME"
  as_pg mkdir -p "$PG_SOCKDIR"
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    local locale_opts=(--no-locale)
    if locale -a 2>/dev/null | grep -ix 'c\.utf-\?8' >/dev/null; then locale_opts=(--locale=C.UTF-8); fi
    log "postgres: initdb $PG_DATA"
    as_pg "$bin/initdb" -D "$PG_DATA" -U postgres -E UTF8 "${locale_opts[@]}" \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$PG_HOME/initdb.log" 2>&1 \
      || { tail -n 30 "$PG_HOME/initdb.log" >&2; die "initdb failed (log: $PG_HOME/initdb.log)"; }
  fi
  pg_write_conf
}

pg_start_ours() {
  local bin=$1 runner=()
  [[ $EUID -eq 0 && "$PG_OS_USER" != root ]] && runner=(runuser -u "$PG_OS_USER" --)
  log "postgres: starting local cluster on $PG_HOST:$PG_PORT ($bin)"
  # setsid: the postmaster must not belong to the caller's session/process group
  if ! setsid bash -c 'cd / && exec "$@"' _ "${runner[@]}" \
      "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOGFILE" -w -t 60 start >/dev/null 2>&1 </dev/null 9>&-; then
    tail -n 30 "$PG_LOGFILE" >&2 || true
    die "postgres failed to start (log: $PG_LOGFILE)"
  fi
}

pg_ensure_sql_admin() {
  cat <<EOF
SET client_min_messages = warning;
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN
    CREATE ROLE $PG_APP_USER LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
  ELSE
    ALTER ROLE $PG_APP_USER LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
  END IF;
END\$\$;
SELECT 'CREATE DATABASE $PG_APP_DB OWNER $PG_APP_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_APP_DB')\gexec
EOF
}

pg_ensure_sql_schemas() {
  local owner=$1 s
  echo "SET client_min_messages = warning;"
  for s in $PG_SCHEMAS; do
    if [[ -n "$owner" ]]; then
      echo "CREATE SCHEMA IF NOT EXISTS $s AUTHORIZATION $owner; ALTER SCHEMA $s OWNER TO $owner;"
    else
      echo "CREATE SCHEMA IF NOT EXISTS $s;"
    fi
  done
}

# Cluster level (database postgres): a login role per service, the reporting role; the application user
# ($PG_APP_USER: migrations by hand, tools, test helpers) is a member of each service role.
pg_ensure_sql_roles() {
  local s role
  echo "SET client_min_messages = warning;"
  for s in $PG_SCHEMAS reporting; do
    role="$PG_ROLE_PREFIX$s"
    cat <<EOF
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN NOCREATEDB NOCREATEROLE PASSWORD '$(credential "PG_PASSWORD_$(upper "$s")")';
  ELSE
    ALTER ROLE $role LOGIN NOCREATEDB NOCREATEROLE PASSWORD '$(credential "PG_PASSWORD_$(upper "$s")")';
  END IF;
END\$\$;
EOF
    [[ "$s" == reporting ]] || echo "GRANT $role TO $PG_APP_USER;"
  done
}

# Database level: each service's schema belongs to its role, with everything already in it (objects an earlier
# single-role setup created); no other role may use it, the reporting role only reads. CREATE on the database lets a
# service role create its test runs' prefixed schemas (development and tests only; deployments do not grant it).
pg_ensure_sql_ownership() {
  local s role
  echo "SET client_min_messages = warning;"
  for s in $PG_SCHEMAS; do
    role="$PG_ROLE_PREFIX$s"
    cat <<EOF
GRANT CONNECT, CREATE ON DATABASE $PG_APP_DB TO $role;
CREATE SCHEMA IF NOT EXISTS $s AUTHORIZATION $role; ALTER SCHEMA $s OWNER TO $role;
REVOKE ALL ON SCHEMA $s FROM PUBLIC;
DO \$\$DECLARE o record; BEGIN
  FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
      WHERE c.relnamespace = '$s'::regnamespace AND c.relkind IN ('r','p','v','m','S','f') AND c.relowner <> '$role'::regrole
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a','i'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO $role', CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name);
  END LOOP;
  FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p WHERE p.pronamespace = '$s'::regnamespace AND p.proowner <> '$role'::regrole LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO $role', o.name);
  END LOOP;
  FOR o IN SELECT t.oid::regtype AS name FROM pg_type t WHERE t.typnamespace = '$s'::regnamespace AND t.typowner <> '$role'::regrole
      AND t.typtype IN ('e','d','r') LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO $role', o.name);
  END LOOP;
END\$\$;
GRANT USAGE ON SCHEMA $s TO ${PG_ROLE_PREFIX}reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA $s TO ${PG_ROLE_PREFIX}reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE $role IN SCHEMA $s GRANT SELECT ON TABLES TO ${PG_ROLE_PREFIX}reporting;
EOF
  done
}

# run psql as the cluster superuser; args after '--' are passed to psql
pg_admin_psql() {
  local bin=$1 sockdir=$2 db=$3
  shift 3
  as_pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pg_ensure_objects_ours() {
  local bin=$1
  pg_ensure_sql_admin | pg_admin_psql "$bin" "$PG_SOCKDIR" postgres -f - >/dev/null
  pg_ensure_service_roles "$bin" "$PG_SOCKDIR"
}

# roles, schemas and their owners through a superuser socket; records that 'env' may print the per-service URLs
pg_ensure_service_roles() {
  local bin=$1 sockdir=$2 sql
  sql="$(pg_ensure_sql_roles)"
  pg_admin_psql "$bin" "$sockdir" postgres -f - >/dev/null <<<"$sql"
  sql="$(pg_ensure_sql_ownership)"
  pg_admin_psql "$bin" "$sockdir" "$PG_APP_DB" -f - >/dev/null <<<"$sql"
  : >"$PG_ROLES_READY"
  log "postgres: a role per service (${PG_ROLE_PREFIX}<service>), each owning its schema; ${PG_ROLE_PREFIX}reporting reads"
}

# Best effort for a server we did not start.
pg_ensure_objects_foreign() {
  local url=$1 bin
  bin="$(find_pg_bin || true)"
  # 1) superuser through the distro's default socket (e.g. a Debian cluster on that port)
  if [[ -n "$bin" && -z "${DATABASE_URL:-}" && $EUID -eq 0 ]] \
     && pg_ensure_sql_admin | pg_admin_psql "$bin" /var/run/postgresql postgres -f - >/dev/null 2>&1; then
    pg_ensure_service_roles "$bin" /var/run/postgresql 2>/dev/null \
      && { log "postgres: role/db/schemas ensured via local superuser socket"; return 0; }
  fi
  # 2) schemas as the application user
  local psql_cmd=psql
  command -v psql >/dev/null 2>&1 || psql_cmd="${bin:+$bin/psql}"
  if [[ -n "$psql_cmd" ]] && pg_ensure_sql_schemas "" | "$psql_cmd" -X -q -v ON_ERROR_STOP=1 "$url" -f - >/dev/null 2>&1; then
    log "postgres: schemas ensured via $url"
    return 0
  fi
  warn "postgres: could not ensure role/database/schemas on the reused server ($url)"
  return 0
}

# ------------------------------------------------------------------ kafka ---

kafka_ours_pid() {
  local pid
  pid="$(read_pid "$KAFKA_PID")"
  if pid_alive "$pid" && pid_cmd_matches "$pid" "kafka.Kafka"; then echo "$pid"; fi
}

kafka_ensure_libs() {
  local stamp want
  want="$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
  stamp="$KAFKA_LIBS/.pom.sha256"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "kafka: libs up to date ($KAFKA_LIBS)"
    return 0
  fi
  log "kafka: fetching Kafka $KAFKA_VERSION jars from Maven Central (mvn -q -B)"
  local tmp="$KAFKA_HOME/libs.tmp"
  rm -rf "$tmp" "$KAFKA_HOME/build"
  mkdir -p "$KAFKA_HOME"
  if ! mvn -q -B -f "$KAFKA_POM" package \
        -Dkafka.libs.dir="$tmp" -Dkafka.build.dir="$KAFKA_HOME/build" >"$KAFKA_HOME/mvn.log" 2>&1; then
    tail -n 40 "$KAFKA_HOME/mvn.log" >&2
    die "mvn failed to fetch Kafka jars (log: $KAFKA_HOME/mvn.log)"
  fi
  ls "$tmp"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"
  echo "$want" >"$tmp/.pom.sha256"
  rm -rf "$KAFKA_LIBS" "$KAFKA_HOME/build"
  mv "$tmp" "$KAFKA_LIBS"
}

kafka_write_config() {
  mkdir -p "$KAFKA_HOME/data" "$KAFKA_HOME/logs"
  {
    echo "# Generated by deploy/local/infra.sh on every 'up' -- do not edit."
    echo "# Single combined broker+controller (KRaft), tuned for local tests."
    kafka_kraft_properties 1 "1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT" "$KAFKA_HOST" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" PLAINTEXT "$KAFKA_HOME/data"
    kafka_local_properties 1 1 4 4
    kafka_small_log_properties
  } >"$KAFKA_HOME/server.properties"
  kafka_broker_log4j "deploy/local/infra.sh on every 'up'" "$KAFKA_LOG" \
    'log4j.logger.kafka.network.RequestChannel$=WARN' \
    log4j.logger.kafka.authorizer.logger=WARN \
    log4j.logger.kafka.log.LogCleaner=WARN \
    >"$KAFKA_HOME/log4j.properties"
}

kafka_format_storage() {
  if [[ -f "$KAFKA_HOME/data/meta.properties" ]]; then return 0; fi
  local java cid
  java="$(java_bin)"
  if [[ -s "$KAFKA_HOME/cluster.id" ]]; then
    cid="$(cat "$KAFKA_HOME/cluster.id")"
  else
    cid="$("$java" -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" -cp "$KAFKA_LIBS/*" \
            kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1 | tr -d '[:space:]')"
    [[ -n "$cid" ]] || die "kafka: could not generate a cluster id"
    echo "$cid" >"$KAFKA_HOME/cluster.id"
  fi
  log "kafka: formatting storage (cluster id $cid)"
  "$java" -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" -cp "$KAFKA_LIBS/*" \
    kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_HOME/server.properties" \
    >"$KAFKA_HOME/logs/format.log" 2>&1 \
    || { cat "$KAFKA_HOME/logs/format.log" >&2; die "kafka: storage format failed"; }
}

kafka_launch() {
  local java
  java="$(java_bin)"
  [[ -f "$KAFKA_LOG" ]] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.prev"
  [[ -f "$KAFKA_OUT" ]] && mv -f "$KAFKA_OUT" "$KAFKA_OUT.prev"
  log "kafka: starting broker on $KAFKA_HOST:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)"
  # shellcheck disable=SC2086
  setsid nohup "$java" $KAFKA_HEAP \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" \
    -Dkafka.logs.dir="$KAFKA_HOME/logs" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
    </dev/null >"$KAFKA_OUT" 2>&1 9>&- &
  echo $! >"$KAFKA_PID"
}

kafka_wait_ready() {
  local pid deadline
  pid="$(read_pid "$KAFKA_PID")"
  deadline=$(( $(date +%s) + KAFKA_START_TIMEOUT ))
  while :; do
    if ! pid_alive "$pid"; then
      echo "----- tail $KAFKA_LOG" >&2; tail -n 40 "$KAFKA_LOG" >&2 2>/dev/null || true
      echo "----- tail $KAFKA_OUT" >&2; tail -n 20 "$KAFKA_OUT" >&2 2>/dev/null || true
      die "kafka: broker process $pid exited during startup"
    fi
    if grep -q "Kafka Server started" "$KAFKA_LOG" 2>/dev/null && port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      return 0
    fi
    if (( $(date +%s) >= deadline )); then
      echo "----- tail $KAFKA_LOG" >&2; tail -n 40 "$KAFKA_LOG" >&2 2>/dev/null || true
      die "kafka: not ready after ${KAFKA_START_TIMEOUT}s (pid $pid, log $KAFKA_LOG)"
    fi
    sleep 0.25
  done
}

# ------------------------------------------------------------------ redis ---

redis_ours_pid() {
  local pid
  pid="$(read_pid "$REDIS_PID")"
  if pid_alive "$pid" && pid_cmd_matches "$pid" "redis-server"; then echo "$pid"; fi
}

redis_ping() { # URL
  command -v redis-cli >/dev/null 2>&1 || return 1
  [[ "$(timeout 2 redis-cli -u "$1" ping 2>/dev/null)" == "PONG" ]]
}

# One ACL user per service (re-set on every 'up': a restarted Redis has no users until then).
redis_ensure_acl() { # URL of an admin connection
  local s keys out
  for s in $PG_SCHEMAS; do
    keys="REDIS_ACL_KEYS_$s"
    # shellcheck disable=SC2086
    out="$(timeout 5 redis-cli -u "$1" ACL SETUSER "sunshine-$s" reset on ">$(credential "REDIS_PASSWORD_$(upper "$s")")" \
      ${!keys} $REDIS_ACL_COMMON 2>&1)" || true
    if [[ "$out" != OK ]]; then warn "redis: could not set ACL user sunshine-$s: $out"; rm -f "$REDIS_ACL_READY"; return 0; fi
  done
  mkdir -p "$REDIS_HOME"
  : >"$REDIS_ACL_READY"
  log "redis: an ACL user per service (sunshine-<service>), each limited to its own keys"
}

# ---------------------------------------------------------- prerequisites ---

APT_UPDATED=0
apt_install() {
  [[ $# -gt 0 ]] || return 0
  [[ $EUID -eq 0 ]] || die "missing packages ($*); install them or run as root"
  command -v apt-get >/dev/null 2>&1 || die "missing packages ($*) and no apt-get"
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  # Keep the packages' own init scripts from starting a system-wide postgres/redis on
  # our ports (no systemd here; invoke-rc.d would use /etc/init.d): same trick as
  # Debian container images, only if the machine has no policy-rc.d of its own.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# temporary, deploy/local/infra.sh\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    added_policy=1
  fi
  log "apt-get install -y $*"
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || rc=$?
  [[ $added_policy -eq 1 ]] && rm -f "$policy"
  [[ $rc -eq 0 ]] || die "apt-get install $* failed (exit $rc)"
}

need_local_kafka() { ! kafka_external && [[ -z "$(kafka_ours_pid)" ]] && ! port_open "$KAFKA_HOST" "$KAFKA_PORT"; }
need_local_pg()    { ! pg_external && ! port_open "$PG_HOST" "$PG_PORT"; }
need_local_redis() { ! redis_external && ! port_open "$REDIS_HOST" "$REDIS_PORT"; }

ensure_prereqs() {
  local pkgs=()
  if need_local_pg && ! find_pg_bin >/dev/null; then pkgs+=(postgresql); fi
  if need_local_redis && ! command -v redis-server >/dev/null 2>&1; then pkgs+=(redis-server); fi
  if ! command -v redis-cli >/dev/null 2>&1 && [[ ! " ${pkgs[*]:-} " == *" redis-server "* ]]; then pkgs+=(redis-tools); fi
  if ! command -v psql >/dev/null 2>&1 && [[ ! " ${pkgs[*]:-} " == *" postgresql "* ]]; then pkgs+=(postgresql-client); fi
  if need_local_kafka; then
    command -v java >/dev/null 2>&1 || [[ -n "${JAVA_HOME:-}" ]] || pkgs+=(openjdk-17-jre-headless)
    command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
  fi
  if [[ ${#pkgs[@]} -gt 0 ]]; then apt_install "${pkgs[@]}"; else log "prerequisites present"; fi
}

# ------------------------------------------------------------- components ---

KAFKA_STARTED=0

kafka_up_begin() {
  if kafka_external; then
    log "kafka: using external KAFKA_BROKERS=$KAFKA_BROKERS"
    return 0
  fi
  local pid
  pid="$(kafka_ours_pid)"
  if [[ -n "$pid" ]]; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "kafka: already running (local, pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
    else
      log "kafka: local broker (pid $pid) still starting"
      KAFKA_STARTED=1
    fi
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "kafka: something already answers on $KAFKA_HOST:$KAFKA_PORT; reusing it"
    return 0
  fi
  kafka_ensure_libs
  kafka_write_config
  kafka_format_storage
  kafka_launch
  KAFKA_STARTED=1
}

kafka_up_finish() {
  if kafka_external; then
    local hp
    read -r -a hp <<<"$(first_broker_hostport "$KAFKA_BROKERS")"
    for _ in $(seq 1 40); do port_open "${hp[0]}" "${hp[1]}" && return 0; sleep 0.25; done
    die "kafka: KAFKA_BROKERS=$KAFKA_BROKERS does not answer"
  fi
  if [[ $KAFKA_STARTED -eq 1 ]]; then
    kafka_wait_ready
    log "kafka: ready (pid $(read_pid "$KAFKA_PID"))"
  fi
}

pg_up() {
  pg_setup_paths
  if pg_external; then
    log "postgres: using external DATABASE_URL=$DATABASE_URL"
    pg_ensure_objects_foreign "$DATABASE_URL"
    return 0
  fi
  local bin
  if pg_ours_running; then
    bin="$(find_pg_bin)"
    log "postgres: already running (local, pid $(pg_ours_pid)) on $PG_HOST:$PG_PORT"
    pg_ensure_objects_ours "$bin"
    return 0
  fi
  if port_open "$PG_HOST" "$PG_PORT"; then
    log "postgres: something already answers on $PG_HOST:$PG_PORT; reusing it"
    pg_ensure_objects_foreign "$DEFAULT_DATABASE_URL"
    return 0
  fi
  bin="$(find_pg_bin)" || die "postgres server binaries not found under /usr/lib/postgresql/*/bin"
  pg_init_cluster "$bin"
  pg_start_ours "$bin"
  pg_ensure_objects_ours "$bin"
  log "postgres: ready (pid $(pg_ours_pid))"
}

redis_up() {
  if redis_external; then
    log "redis: using external REDIS_URL=$REDIS_URL"
    for _ in $(seq 1 20); do redis_ping "$REDIS_URL" && return 0; sleep 0.25; done
    die "redis: REDIS_URL=$REDIS_URL does not answer PING"
  fi
  local pid
  pid="$(redis_ours_pid)"
  if [[ -n "$pid" ]]; then
    log "redis: already running (local, pid $pid) on $REDIS_HOST:$REDIS_PORT"
    redis_ensure_acl "$DEFAULT_REDIS_URL"
    return 0
  fi
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then
    log "redis: something already answers on $REDIS_HOST:$REDIS_PORT; reusing it"
    redis_ensure_acl "$DEFAULT_REDIS_URL"
    return 0
  fi
  mkdir -p "$REDIS_HOME"
  log "redis: starting on $REDIS_HOST:$REDIS_PORT"
  redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" \
    --dir "$REDIS_HOME" --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" \
    --save "" --appendonly no --maxmemory-policy noeviction \
    </dev/null >"$REDIS_HOME/redis.stderr" 2>&1 9>&- \
    || { cat "$REDIS_HOME/redis.stderr" >&2; die "redis-server failed to start"; }
  for _ in $(seq 1 80); do
    if redis_ping "$DEFAULT_REDIS_URL"; then log "redis: ready (pid $(read_pid "$REDIS_PID"))"; redis_ensure_acl "$DEFAULT_REDIS_URL"; return 0; fi
    sleep 0.1
  done
  tail -n 20 "$REDIS_LOG" >&2 || true
  die "redis: no PONG on $REDIS_HOST:$REDIS_PORT"
}

run_topics_hook() {
  if [[ -f "$TOPICS_HOOK" ]]; then
    log "topics: running $TOPICS_HOOK"
    KAFKA_BROKERS="$(eff_kafka_brokers)" DATABASE_URL="$(eff_database_url)" REDIS_URL="$(eff_redis_url)" \
      SUNSHINE_INFRA_HOME="$INFRA_HOME" KAFKA_LIBS="$KAFKA_LIBS" \
      bash "$TOPICS_HOOK" 9>&- || die "topics: $TOPICS_HOOK failed"
  else
    log "topics: no $TOPICS_HOOK yet; skipping topic creation"
  fi
}

# --------------------------------------------------------------- commands ---

cmd_env() {
  echo "export KAFKA_BROKERS=$(eff_kafka_brokers)"
  echo "export DATABASE_URL=$(eff_database_url)"
  echo "export REDIS_URL=$(eff_redis_url)"
  local s
  if ! pg_external && [[ -f "$PG_ROLES_READY" ]]; then
    for s in $PG_SCHEMAS; do
      echo "export DATABASE_URL_$(upper "$s")=postgres://$PG_ROLE_PREFIX$s:$(credential "PG_PASSWORD_$(upper "$s")")@$PG_HOST:$PG_PORT/$PG_APP_DB"
    done
  fi
  # The socket of the server this script started (not of an external or foreign one): services on this host may
  # reach it without TCP (see docs/operations.md, "PostgreSQL on the same host").
  if ! pg_external; then
    pg_setup_paths
    [[ -S "$PG_SOCKDIR/.s.PGSQL.$PG_PORT" ]] && echo "export PG_SOCKET_DIR=$PG_SOCKDIR"
  fi
  if ! redis_external && [[ -f "$REDIS_ACL_READY" ]]; then
    for s in $PG_SCHEMAS; do
      echo "export REDIS_URL_$(upper "$s")=redis://sunshine-$s:$(credential "REDIS_PASSWORD_$(upper "$s")")@$REDIS_HOST:$REDIS_PORT"
    done
  fi
}

cmd_up() {
  local t_all
  t_all=$(now_ms)
  take_lock
  log "infra home: $INFRA_HOME"

  phase_start; ensure_prereqs;  phase_end prerequisites
  phase_start; kafka_up_begin;  phase_end kafka-launch
  phase_start; pg_up;           phase_end postgres
  phase_start; redis_up;        phase_end redis
  phase_start; kafka_up_finish; phase_end kafka-ready
  phase_start; run_topics_hook; phase_end topics

  log "all up in $(fmt_secs $(( $(now_ms) - t_all ))). Use:"
  # The per-service URLs carry generated passwords (.local/infra/credentials.env): never printed into a log.
  cmd_env | sed -E 's#(://[^:/@]+:)[^@]+@#\1***@#; s/^/  /'
  log 'the URLs with their passwords: eval "$(bash deploy/local/infra.sh env)"'
}

stop_pid() { # NAME PID TIMEOUT_S
  local name=$1 pid=$2 t=$3
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((t * 10))); do
    pid_alive "$pid" || { log "$name: stopped (pid $pid)"; return 0; }
    sleep 0.1
  done
  warn "$name: pid $pid did not stop in ${t}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

kafka_down() {
  local pid
  pid="$(kafka_ours_pid)"
  if [[ -n "$pid" ]]; then stop_pid kafka "$pid" 60; else log "kafka: local broker not running"; fi
  rm -f "$KAFKA_PID"
}

redis_down() {
  local pid
  pid="$(redis_ours_pid)"
  if [[ -n "$pid" ]]; then stop_pid redis "$pid" 20; else log "redis: local server not running"; fi
  rm -f "$REDIS_PID" "$REDIS_ACL_READY"
}

pg_down() {
  pg_setup_paths
  if pg_ours_running; then
    local bin pid
    bin="$(find_pg_bin)"
    pid="$(pg_ours_pid)"
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
    log "postgres: stopped (pid $pid)"
  else
    log "postgres: local cluster not running"
  fi
}

cmd_down() {
  local t0
  t0=$(now_ms)
  take_lock
  phase_start; kafka_down; phase_end kafka-stop
  phase_start; redis_down; phase_end redis-stop
  phase_start; pg_down;    phase_end postgres-stop
  log "all local services stopped in $(fmt_secs $(( $(now_ms) - t0 )))"
}

cmd_purge() {
  cmd_down
  pg_setup_paths
  log "purge: removing data (kafka data/logs, postgres cluster, redis); keeping kafka libs cache"
  rm -rf "$KAFKA_HOME/data" "$KAFKA_HOME/logs" "$KAFKA_HOME/cluster.id" "$PG_HOME" "$REDIS_HOME"
}

cmd_stop_postgres() {
  pg_setup_paths
  if pg_external; then die "postgres is external (DATABASE_URL=$DATABASE_URL); not stopping it"; fi
  take_lock
  if ! pg_ours_running && port_open "$PG_HOST" "$PG_PORT"; then
    die "postgres on $PG_HOST:$PG_PORT is not the local cluster in $PG_DATA; not stopping it"
  fi
  phase_start; pg_down; phase_end postgres-stop
}

cmd_start_postgres() {
  pg_setup_paths
  if pg_external; then die "postgres is external (DATABASE_URL=$DATABASE_URL); not starting it"; fi
  take_lock
  phase_start; pg_up; phase_end postgres-start
}

owner_desc() { if [[ -n "$1" ]]; then echo "local, pid $1"; else echo "not started by infra.sh"; fi; }

# NB: every daemon we launch gets `9>&-`, otherwise it would inherit (and hold) this lock.
take_lock() {
  mkdir -p "$INFRA_HOME"
  exec 9>"$INFRA_HOME/.lock"
  flock -w 300 9 || die "another infra.sh holds $INFRA_HOME/.lock"
}

cmd_status() {
  local bad=0 pid hp
  # kafka
  if kafka_external; then
    read -r -a hp <<<"$(first_broker_hostport "$KAFKA_BROKERS")"
    if port_open "${hp[0]}" "${hp[1]}"; then printf '%-9s up    %s (external)\n' kafka "$KAFKA_BROKERS"
    else printf '%-9s down  %s (external)\n' kafka "$KAFKA_BROKERS"; bad=1; fi
  else
    pid="$(kafka_ours_pid)"
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      printf '%-9s up    %s (%s)\n' kafka "$DEFAULT_KAFKA_BROKERS" "$(owner_desc "$pid")"
    else printf '%-9s down  %s%s\n' kafka "$DEFAULT_KAFKA_BROKERS" "${pid:+ (local pid $pid alive but not listening)}"; bad=1; fi
  fi
  # postgres
  pg_setup_paths
  local url isready=pg_isready bin
  url="$(eff_database_url)"
  if ! command -v pg_isready >/dev/null 2>&1; then bin="$(find_pg_bin || true)"; isready="${bin:+$bin/pg_isready}"; fi
  local pg_ok=1
  if [[ -n "$isready" ]]; then "$isready" -q -d "$url" -t 2 >/dev/null 2>&1 || pg_ok=0
  else port_open "$PG_HOST" "$PG_PORT" || pg_ok=0; fi
  if pg_external; then
    if [[ $pg_ok -eq 1 ]]; then printf '%-9s up    %s (external)\n' postgres "$url"
    else printf '%-9s down  %s (external)\n' postgres "$url"; bad=1; fi
  else
    pid=""; pg_ours_running && pid="$(pg_ours_pid)"
    if [[ $pg_ok -eq 1 ]]; then printf '%-9s up    %s:%s (%s)\n' postgres "$PG_HOST" "$PG_PORT" "$(owner_desc "$pid")"
    else printf '%-9s down  %s:%s\n' postgres "$PG_HOST" "$PG_PORT"; bad=1; fi
  fi
  # redis
  url="$(eff_redis_url)"
  local r_ok=0
  if command -v redis-cli >/dev/null 2>&1; then redis_ping "$url" && r_ok=1
  elif ! redis_external; then port_open "$REDIS_HOST" "$REDIS_PORT" && r_ok=1; fi
  if redis_external; then
    if [[ $r_ok -eq 1 ]]; then printf '%-9s up    %s (external)\n' redis "$url"
    else printf '%-9s down  %s (external)\n' redis "$url"; bad=1; fi
  else
    pid="$(redis_ours_pid)"
    if [[ $r_ok -eq 1 ]]; then printf '%-9s up    %s:%s (%s)\n' redis "$REDIS_HOST" "$REDIS_PORT" "$(owner_desc "$pid")"
    else printf '%-9s down  %s:%s\n' redis "$REDIS_HOST" "$REDIS_PORT"; bad=1; fi
  fi
  return $bad
}

usage() {
  cat <<EOF
usage: $(basename "$0") <command>
  up              start (or reuse) Kafka, PostgreSQL and Redis, then run ensure-topics.sh
  down            stop the locally started services (external/reused ones are left alone)
  status          print up/down per component; exit 1 if any is down
  env             print export lines for KAFKA_BROKERS, DATABASE_URL, REDIS_URL
  stop-postgres   stop only the local PostgreSQL cluster (pg_ctl stop -m fast)
  start-postgres  start it again (and re-ensure role/database/schemas)
  purge           down, then delete local data (Kafka jar cache is kept)
infra home: $INFRA_HOME (override with SUNSHINE_INFRA_HOME)
EOF
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  stop-postgres) cmd_stop_postgres ;;
  start-postgres) cmd_start_postgres ;;
  purge) cmd_purge ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
