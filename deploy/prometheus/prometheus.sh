#!/usr/bin/env bash
# Prometheus from Debian's package for the local stack: scrapes the five services (prometheus.yml) and evaluates
# alerts.yml; UI at http://127.0.0.1:9090. Started by `npm run up -- --prometheus`, stopped by `npm run down`.
#   bash deploy/prometheus/prometheus.sh install|start|stop
set -euo pipefail
cd "$(dirname "$0")/../.."
RUN=.local/run
PID="$RUN/prometheus.pid"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"

install() {
  command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "prometheus.sh: prometheus missing and no apt-get" >&2; exit 1; }
  echo "prometheus.sh: apt-get install prometheus (ships promtool)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
}

stop() {
  if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then kill -TERM "$(cat "$PID")" || true; fi
  rm -f "$PID"
}

start() {
  install
  stop
  mkdir -p "$RUN" .local/prometheus
  setsid nohup prometheus --config.file=deploy/prometheus/prometheus.yml --storage.tsdb.path=.local/prometheus \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$RUN/prometheus.log" 2>&1 &
  echo $! >"$PID"
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null 2>&1 && { echo "prometheus: http://127.0.0.1:$PROMETHEUS_PORT (targets: /targets, alerts: /alerts)"; return 0; }
    kill -0 "$(cat "$PID")" 2>/dev/null || { echo "prometheus exited; see $RUN/prometheus.log"; tail -20 "$RUN/prometheus.log"; exit 1; }
    sleep 0.5
  done
  echo "prometheus: not ready after 30 s; see $RUN/prometheus.log" >&2
  exit 1
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
