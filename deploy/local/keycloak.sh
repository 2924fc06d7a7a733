#!/usr/bin/env bash
# Keycloak (identity provider, 身份认证) for local development and the identity test: downloads the Keycloak
# distribution from Maven Central (the ordinary Maven client), backs it with the local PostgreSQL in its own database
# `keycloak`, starts it on 127.0.0.1:8180 importing the committed realm deploy/keycloak/sunshine-realm.json, and gives
# the demo staff a development password generated at install (never committed), and writes each service's client secret
# into .local/keycloak/clients/ (the client-credentials grant). `env` prints the settings that make the services and the
# console (nginx.sh) use it. See docs/identity.md.
#
#   keycloak.sh install | start | stop | status | env | provision
#
# `provision` is for a Keycloak started elsewhere (compose: the keycloak-provision service): it waits for $KC_URL, gives
# the demo staff $KC_DEMO_PASSWORD and writes the client secrets, with the admin's KC_ADMIN_USERNAME/KC_ADMIN_PASSWORD
# from the environment; KC_CLIENTS_LAYOUT=dirs writes $KC_CLIENTS/<service>/secret (one volume per service) and
# KC_CLIENT_OWNER (uid:gid) owns each file.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
KC_VERSION="${KC_VERSION:-26.5.6}"
KC_BASE="${SUNSHINE_KEYCLOAK_HOME:-$ROOT/.local/keycloak}"
KC_HOME="$KC_BASE/keycloak-$KC_VERSION"
KC_HOST="127.0.0.1"
KC_PORT="${KC_PORT:-8180}"
KC_MGMT_PORT="${KC_MGMT_PORT:-9180}"
KC_URL="${KC_URL:-http://$KC_HOST:$KC_PORT}"
KC_REALM="sunshine"
KC_PID="$KC_BASE/keycloak.pid"
KC_LOG="$KC_BASE/keycloak.log"
KC_SECRETS="$KC_BASE/secrets.env"
KC_CLIENTS="${KC_CLIENTS:-$KC_BASE/clients}"
KC_SERVICES="intake routing supervision notification evaluation"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-240}"
REALM_FILE="$ROOT/deploy/keycloak/sunshine-realm.json"
PG_URL_HOSTPORT="${KC_DB_HOSTPORT:-127.0.0.1:5432}"
PG_USER="${KC_DB_USERNAME:-sunshine}"
PG_PASSWORD="${KC_DB_PASSWORD:-sunshine}"
PG_DB="keycloak"

log() { printf '[keycloak] %s\n' "$*" >&2; }
die() { printf '[keycloak] ERROR: %s\n' "$*" >&2; exit 1; }
read_pid() { [[ -s "$KC_PID" ]] && head -n1 "$KC_PID" | tr -dc '0-9' || true; }
running() { local p; p="$(read_pid)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }
ready() { curl -fsS -o /dev/null "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration" 2>/dev/null; }

# A password that satisfies the realm policy (12+, upper, lower, digit, special).
gen_password() { printf 'Sx%s#7a' "$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 14)"; }

ensure_secrets() {
  mkdir -p "$KC_BASE"
  if [[ ! -s "$KC_SECRETS" ]]; then
    umask 077
    {
      echo "KC_ADMIN_USERNAME=sunshine-admin"
      echo "KC_ADMIN_PASSWORD=$(gen_password)"
      echo "KC_DEMO_PASSWORD=$(gen_password)"
    } >"$KC_SECRETS"
  fi
  # shellcheck disable=SC1090
  source "$KC_SECRETS"
}

install() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then log "installed: $KC_HOME"; ensure_secrets; return 0; fi
  command -v java >/dev/null || die "java not found (Keycloak $KC_VERSION needs Java 17+)"
  command -v mvn >/dev/null || die "mvn not found (needed to fetch org.keycloak:keycloak-quarkus-dist from Maven Central)"
  local zip="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
    mvn -q -B dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false >&2 \
      || die "could not fetch keycloak-quarkus-dist $KC_VERSION from Maven Central"
  fi
  mkdir -p "$KC_BASE"
  log "unpacking into $KC_BASE"
  (cd "$KC_BASE" && unzip -q -o "$zip") || die "unzip failed ($zip)"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || die "kc.sh missing after unzip"
  ensure_secrets
}

ensure_database() {
  local url="postgres://$PG_USER:$PG_PASSWORD@$PG_URL_HOSTPORT"
  if ! psql -X "$url/postgres" -Atc "select 1 from pg_database where datname='$PG_DB'" | grep -q 1; then
    psql -X -q "$url/postgres" -c "create database $PG_DB" || die "could not create database $PG_DB (is PostgreSQL up? bash deploy/local/infra.sh up)"
  fi
}

# admin token from the master realm
admin_token() {
  curl -fsS "$KC_URL/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KC_ADMIN_USERNAME" --data-urlencode "password=$KC_ADMIN_PASSWORD" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).access_token))'
}

# Gives each imported user without a password the development password (once: the history policy forbids reuse).
set_demo_passwords() {
  local tok users id
  tok="$(admin_token)" || die "admin sign-in failed (secrets in $KC_SECRETS do not match the database? drop database $PG_DB)"
  users="$(curl -fsS -H "Authorization: Bearer $tok" "$KC_URL/admin/realms/$KC_REALM/users?max=1000&briefRepresentation=true" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(u=>u.id).join("\n")))')"
  local n=0
  for id in $users; do
    if curl -fsS -H "Authorization: Bearer $tok" "$KC_URL/admin/realms/$KC_REALM/users/$id/credentials" | grep -q '"type":"password"'; then continue; fi
    curl -fsS -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
      -d "{\"type\":\"password\",\"value\":\"$KC_DEMO_PASSWORD\",\"temporary\":false}" \
      "$KC_URL/admin/realms/$KC_REALM/users/$id/reset-password" >/dev/null || die "could not set the password of $id"
    n=$((n + 1))
  done
  log "development password set for $n user(s)"
}

# Each service's client secret (generated by Keycloak at import) into its own file, readable by the owner only: what
# SERVICE_CLIENT_SECRET_FILE_<SERVICE> points at for the client-credentials grant (never committed, never printed).
write_client_secrets() {
  local tok s id
  local file
  tok="$(admin_token)" || die "admin sign-in failed"
  mkdir -p "$KC_CLIENTS"
  for s in $KC_SERVICES; do
    id="$(curl -fsS -H "Authorization: Bearer $tok" "$KC_URL/admin/realms/$KC_REALM/clients?clientId=sunshine-$s" \
      | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s)[0]?.id??""))')"
    [[ -n "$id" ]] || die "client sunshine-$s is not in realm $KC_REALM"
    file="$KC_CLIENTS/sunshine-$s.secret"
    [[ "${KC_CLIENTS_LAYOUT:-}" == dirs ]] && mkdir -p "$KC_CLIENTS/$s" && file="$KC_CLIENTS/$s/secret"
    (umask 077 && curl -fsS -H "Authorization: Bearer $tok" "$KC_URL/admin/realms/$KC_REALM/clients/$id/client-secret" \
      | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).value))' >"$file")
    [[ -n "${KC_CLIENT_OWNER:-}" ]] && chown "$KC_CLIENT_OWNER" "$file"
  done
  log "client secrets of the services in $KC_CLIENTS"
}

start() {
  install
  if running && ready; then log "already running (pid $(read_pid))"; write_client_secrets; return 0; fi
  running && die "pid $(read_pid) is running but not ready; see $KC_LOG"
  [[ -s "$REALM_FILE" ]] || die "realm file missing: $REALM_FILE (npm run -s keycloak-realm)"
  # The realm is imported only into an empty database: when the committed realm changed, start from a new database
  # (development data only: enrolled OTP secrets and sessions go with it).
  local sum; sum="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  if [[ -s "$KC_BASE/realm.sha256" && "$(cat "$KC_BASE/realm.sha256")" != "$sum" ]]; then
    log "the committed realm changed: recreating database $PG_DB"
    psql -X -q "postgres://$PG_USER:$PG_PASSWORD@$PG_URL_HOSTPORT/postgres" -c "drop database if exists $PG_DB" || die "could not drop database $PG_DB"
  fi
  ensure_database
  echo "$sum" >"$KC_BASE/realm.sha256"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/sunshine-realm.json"
  local t0; t0=$(date +%s)
  log "starting on $KC_URL (log: $KC_LOG)"
  (
    cd "$KC_HOME"
    export KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USERNAME" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD"
    export JAVA_OPTS_KC_HEAP="${KC_HEAP:--Xms128m -Xmx768m}"
    setsid nohup bin/kc.sh start-dev --import-realm \
      --http-host "$KC_HOST" --http-port "$KC_PORT" --http-management-port "$KC_MGMT_PORT" \
      --db postgres --db-url "jdbc:postgresql://$PG_URL_HOSTPORT/$PG_DB" --db-username "$PG_USER" --db-password "$PG_PASSWORD" \
      --hostname "$KC_URL" \
      >"$KC_LOG" 2>&1 </dev/null &
    echo $! >"$KC_PID"
  )
  local deadline=$(( $(date +%s) + KC_START_TIMEOUT ))
  until ready; do
    running || die "exited during start; last lines of $KC_LOG:
$(tail -n 30 "$KC_LOG")"
    (( $(date +%s) < deadline )) || die "not ready after ${KC_START_TIMEOUT}s; see $KC_LOG"
    sleep 2
  done
  set_demo_passwords
  write_client_secrets
  log "ready in $(( $(date +%s) - t0 ))s (pid $(read_pid))"
}

stop() {
  local p; p="$(read_pid)"
  if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
    kill -- "-$p" 2>/dev/null || kill "$p"
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
    kill -0 "$p" 2>/dev/null && kill -9 -- "-$p" 2>/dev/null || true
    log "stopped"
  else
    log "not running"
  fi
  rm -f "$KC_PID"
}

status() {
  if running && ready; then echo "keycloak: running on $KC_URL (pid $(read_pid))"; return 0; fi
  if running; then echo "keycloak: starting or unhealthy (pid $(read_pid))"; return 1; fi
  echo "keycloak: stopped"; return 1
}

env_cmd() {
  ensure_secrets
  cat <<ENV
export KEYCLOAK_URL='$KC_URL'
export KEYCLOAK_REALM='$KC_REALM'
export KEYCLOAK_ADMIN_USERNAME='$KC_ADMIN_USERNAME'
export KEYCLOAK_ADMIN_PASSWORD='$KC_ADMIN_PASSWORD'
export KEYCLOAK_DEMO_PASSWORD='$KC_DEMO_PASSWORD'
export AUTH_JWKS_URL='$KC_URL/realms/$KC_REALM/protocol/openid-connect/certs'
export AUTH_ISSUER='$KC_URL/realms/$KC_REALM'
export AUTH_AUDIENCE='sunshine'
export AUTH_TOKEN_URL='$KC_URL/realms/$KC_REALM/protocol/openid-connect/token'
export CONSOLE_OIDC_AUTHORITY='$KC_URL/realms/$KC_REALM'
export CONSOLE_OIDC_CLIENT_ID='sunshine-console'
ENV
  local s
  for s in $KC_SERVICES; do echo "export SERVICE_CLIENT_SECRET_FILE_${s^^}='$KC_CLIENTS/sunshine-$s.secret'"; done
}

provision() {
  [[ -n "${KC_ADMIN_USERNAME:-}" && -n "${KC_ADMIN_PASSWORD:-}" && -n "${KC_DEMO_PASSWORD:-}" ]] \
    || die "provision needs KC_ADMIN_USERNAME, KC_ADMIN_PASSWORD and KC_DEMO_PASSWORD"
  local deadline=$(( $(date +%s) + KC_START_TIMEOUT ))
  until ready; do
    (( $(date +%s) < deadline )) || die "$KC_URL not ready after ${KC_START_TIMEOUT}s"
    sleep 2
  done
  set_demo_passwords
  write_client_secrets
}

case "${1:-}" in
  install) install ;;
  provision) provision ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) env_cmd ;;
  *) echo "usage: $0 install|start|stop|status|env|provision" >&2; exit 2 ;;
esac
