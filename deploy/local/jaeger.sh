#!/usr/bin/env bash
# Jaeger v2, the trace backend of the local stack, built from the Go module proxy (no download of a prebuilt binary):
# a throwaway module in .local/jaeger-build pins github.com/jaegertracing/jaeger as a Go tool and `go build` makes
# .local/bin/jaeger (the first build takes long: 50 min on 2 busy cores). It receives OTLP/HTTP on 127.0.0.1:4318 and
# serves the query API on http://127.0.0.1:16686/api (a module build has no UI assets: the page is a placeholder),
# traces in memory (deploy/local/jaeger/config.yaml).
#   bash deploy/local/jaeger.sh install|start|stop|env
# `npm run up -- --jaeger` starts it and the services with OTEL_EXPORTER_OTLP_ENDPOINT set; `eval "$(bash
# deploy/local/jaeger.sh env)"` gives a shell the same variables.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
RUN=.local/run
BIN="$ROOT/.local/bin/jaeger"
JAEGER_MODULE=github.com/jaegertracing/jaeger
# The module's v1.x tags carry the Jaeger v2 binary (cmd/jaeger).
JAEGER_VERSION=v1.75.0
export JAEGER_OTLP_HTTP_PORT="${JAEGER_OTLP_HTTP_PORT:-4318}"
export JAEGER_QUERY_PORT="${JAEGER_QUERY_PORT:-16686}"
export JAEGER_QUERY_GRPC_PORT="${JAEGER_QUERY_GRPC_PORT:-16685}"
export JAEGER_HEALTH_PORT="${JAEGER_HEALTH_PORT:-13133}"
# One instance per query port (a test runs its own beside a developer's).
PID="$RUN/jaeger-$JAEGER_QUERY_PORT.pid"
LOG="$RUN/jaeger-$JAEGER_QUERY_PORT.log"

install() {
  [ -x "$BIN" ] && [ "$(cat "$BIN.version" 2>/dev/null)" = "$JAEGER_MODULE@$JAEGER_VERSION" ] && return 0
  command -v go >/dev/null 2>&1 || { echo "jaeger.sh: go is missing (Debian: apt-get install golang)" >&2; exit 1; }
  local build="$ROOT/.local/jaeger-build"
  mkdir -p "$build" "$(dirname "$BIN")"
  echo "jaeger.sh: go build $JAEGER_MODULE/cmd/jaeger@$JAEGER_VERSION (first time: several minutes)"
  (
    cd "$build"
    [ -f go.mod ] || go mod init sunshine.local/jaeger-build >/dev/null 2>&1
    GOFLAGS=-mod=mod go get -tool "$JAEGER_MODULE/cmd/jaeger@$JAEGER_VERSION"
    go build -o "$BIN" "$JAEGER_MODULE/cmd/jaeger"
  )
  echo "$JAEGER_MODULE@$JAEGER_VERSION" >"$BIN.version"
}

stop() {
  if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then kill -TERM "$(cat "$PID")" || true; fi
  rm -f "$PID"
}

env_lines() {
  echo "export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT"
  echo "export JAEGER_QUERY_URL=http://127.0.0.1:$JAEGER_QUERY_PORT"
}

start() {
  install
  stop
  mkdir -p "$RUN"
  setsid nohup "$BIN" --config "file:$ROOT/deploy/local/jaeger/config.yaml" >"$LOG" 2>&1 &
  echo $! >"$PID"
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$JAEGER_HEALTH_PORT/status" >/dev/null 2>&1 \
      && curl -fs "http://127.0.0.1:$JAEGER_QUERY_PORT/api/services" >/dev/null 2>&1 \
      && { echo "jaeger: query API http://127.0.0.1:$JAEGER_QUERY_PORT/api/traces/<id>, OTLP/HTTP http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT"; return 0; }
    kill -0 "$(cat "$PID")" 2>/dev/null || { echo "jaeger exited; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.5
  done
  echo "jaeger: not ready after 30 s; see $LOG" >&2
  exit 1
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  env) env_lines ;;
  *) echo "usage: $0 install|start|stop|env" >&2; exit 2 ;;
esac
