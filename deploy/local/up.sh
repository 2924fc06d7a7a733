#!/usr/bin/env bash
# Brings the whole platform up on this machine: dependencies, Kafka/PostgreSQL/Redis, build, the five services
# (from dist/, in the background), the demo organisation directory, the development sign-in and nginx (the single
# entry point: the staff console and /api/<service>/); prints the URLs and a dev token.
#   bash deploy/local/up.sh        # up
#   bash deploy/local/up.sh down   # stop the services and the infrastructure
#   bash deploy/local/up.sh --prometheus   # also Prometheus (Debian's package) scraping the five services, on :9090
#   bash deploy/local/up.sh --jaeger       # also Jaeger (built from the Go module proxy), the services tracing to it, query API on :16686
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
RUN=.local/run
SERVICES=(intake routing supervision notification evaluation)
declare -A PORTS=([intake]=3001 [routing]=3002 [supervision]=3003 [notification]=3004 [evaluation]=3005)
mkdir -p "$RUN"
WITH_PROMETHEUS=false
WITH_JAEGER=false
for arg in "$@"; do
  [ "$arg" = "--prometheus" ] && WITH_PROMETHEUS=true
  [ "$arg" = "--jaeger" ] && WITH_JAEGER=true
done

stop_services() {
  for s in "${SERVICES[@]}"; do
    if [ -f "$RUN/$s.pid" ] && kill -0 "$(cat "$RUN/$s.pid")" 2>/dev/null; then
      kill -TERM "-$(cat "$RUN/$s.pid")" 2>/dev/null || kill -TERM "$(cat "$RUN/$s.pid")" || true
    fi
    rm -f "$RUN/$s.pid"
  done
}

stop_console() {
  bash deploy/local/nginx/nginx.sh stop
  if [ -f "$RUN/dev-sign-in.pid" ] && kill -0 "$(cat "$RUN/dev-sign-in.pid")" 2>/dev/null; then kill -TERM "$(cat "$RUN/dev-sign-in.pid")" || true; fi
  rm -f "$RUN/dev-sign-in.pid"
}

if [ "${1:-up}" = "down" ]; then
  bash deploy/prometheus/prometheus.sh stop
  bash deploy/local/jaeger.sh stop
  stop_console
  stop_services
  bash deploy/local/infra.sh down
  exit 0
fi

t=$SECONDS; npm install --no-audit --no-fund; echo "up: npm install $((SECONDS - t)) s"
t=$SECONDS; bash deploy/local/infra.sh up; echo "up: infrastructure $((SECONDS - t)) s"
eval "$(bash deploy/local/infra.sh env)"
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/dev-keys.ts
t=$SECONDS; bash deploy/local/build.sh; echo "up: build $((SECONDS - t)) s"

stop_services
set -a
# shellcheck disable=SC1091
. .local/keys/intake.env
set +a
# Traces: the services export to Jaeger only when OTEL_EXPORTER_OTLP_ENDPOINT is set (libs/platform/src/tracing).
if $WITH_JAEGER; then bash deploy/local/jaeger.sh start; eval "$(bash deploy/local/jaeger.sh env)"; fi
# Staff tokens verify with public.pem (its private key stays with the dev token CLI and the dev sign-in); each service
# signs its calls to the others with its own key and trusts the others' public keys (docs/identity.md).
# Each service signs the events it publishes with its own event key; consumers verify with events/<service>.pem.
export AUTH_PUBLIC_KEY_FILE="$PWD/.local/keys/public.pem" AUTH_SERVICE_KEYS_DIR="$PWD/.local/keys/services" AUTH_ISSUER=sunshine-dev AUTH_AUDIENCE=sunshine NODE_ENV=development
export EVENT_KEYS_DIR="$PWD/.local/keys/events"
unset SERVICE_SIGNING_KEY_FILE EVENT_SIGNING_KEY_FILE
for s in "${SERVICES[@]}"; do
  # intake's old generation capped (RSS 370 → 276 MB under load, docs/benchmarks.md "Intake memory"); the others need none.
  NODE_OPTIONS="$([ "$s" = intake ] && echo --max-old-space-size=160) ${NODE_OPTIONS:-}" \
    SERVICE_SIGNING_KEY_FILE="$PWD/.local/keys/service-signing/$s.pem" \
    EVENT_SIGNING_KEY_FILE="$PWD/.local/keys/event-signing/$s.pem" \
    PORT="${PORTS[$s]}" ROUTING_URL="http://127.0.0.1:3002" setsid nohup node "dist/apps/$s/src/main.js" >"$RUN/$s.log" 2>&1 &
  echo $! >"$RUN/$s.pid"
done
for s in "${SERVICES[@]}"; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${PORTS[$s]}/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$RUN/$s.pid")" 2>/dev/null || { echo "$s exited; see $RUN/$s.log"; tail -20 "$RUN/$s.log"; exit 1; }
    sleep 0.5
  done
done
node dist/apps/routing/src/seed/seed.js --fixture "${SEED_FIXTURE:-demo}"

# The console: development sign-in (registers the demo staff in routing's directory first) and nginx in front of all.
stop_console
SWC_NODE_PROJECT=tsconfig.base.json setsid nohup node -r @swc-node/register tools/dev-sign-in.ts --register-staff http://127.0.0.1:3002 >"$RUN/dev-sign-in.log" 2>&1 &
echo $! >"$RUN/dev-sign-in.pid"
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:3009/staff >/dev/null 2>&1 && break
  kill -0 "$(cat "$RUN/dev-sign-in.pid")" 2>/dev/null || { echo "dev sign-in exited; see $RUN/dev-sign-in.log"; tail -20 "$RUN/dev-sign-in.log"; exit 1; }
  sleep 0.5
done
bash deploy/local/nginx/nginx.sh start
if $WITH_PROMETHEUS; then bash deploy/prometheus/prometheus.sh start; fi

echo
echo "Sunshine 阳光信访 is up:"
echo "  console 工作台  http://127.0.0.1:8080/   (nginx; sign in as any demo staff member; services under /api/<service>/)"
for s in "${SERVICES[@]}"; do
  echo "  $s  http://127.0.0.1:${PORTS[$s]}   (OpenAPI: /docs, health: /health/ready, log: $RUN/$s.log)"
done
if $WITH_JAEGER; then echo "  traces 链路追踪  http://127.0.0.1:16686/api/traces/<trace id>   (Jaeger query API; services export OTLP to $OTEL_EXPORTER_OTLP_ENDPOINT)"; fi
echo
echo "A dev token for 新乡市信访局 (all roles, 8 h):"
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/dev-token.ts
echo "Other units: npm run token -- --unit <unit id> --division <12-digit code> --roles clerk,handler,head"
