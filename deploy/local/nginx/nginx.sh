#!/usr/bin/env bash
# nginx (Debian's package, run natively) as the single entry point: the console's static build and the five services.
#   nginx.sh start | stop | render
# Settings (environment; defaults are npm run up's):
#   NGINX_DIR (.local/nginx: config, pid, logs), NGINX_LISTEN (127.0.0.1:8080), CONSOLE_ROOT (dist/apps/console),
#   INTAKE_URL … EVALUATION_URL (http://127.0.0.1:3001 … 3005), DEV_SIGN_IN_URL (http://127.0.0.1:3009; empty: none),
#   CONSOLE_OIDC_AUTHORITY and CONSOLE_OIDC_CLIENT_ID (the console signs in through that identity provider, e.g.
#   http://127.0.0.1:8180/realms/sunshine and sunshine-console from `keycloak.sh env`; unset: the development sign-in).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DIR="$(mkdir -p "${NGINX_DIR:-$ROOT/.local/nginx}" && cd "${NGINX_DIR:-$ROOT/.local/nginx}" && pwd)"
CONF="$DIR/nginx.conf"
NGINX=/usr/sbin/nginx

install_nginx() {
  [ -x "$NGINX" ] && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "nginx: not installed and no apt-get" >&2; exit 1; }
  echo "nginx: apt-get install nginx"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends nginx >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq --no-install-recommends nginx >/dev/null; }
  # The Debian package may start a system nginx on port 80; ours is started by this script only.
  if [ -f /run/nginx.pid ]; then "$NGINX" -s quit 2>/dev/null || true; fi
}

render() {
  local dev="${DEV_SIGN_IN_URL-http://127.0.0.1:3009}" dev_block=""
  [ -n "$dev" ] && dev_block="location /api/dev/ { proxy_pass $dev/; }"
  local console_config='{}' authority="${CONSOLE_OIDC_AUTHORITY:-}" client="${CONSOLE_OIDC_CLIENT_ID:-sunshine-console}"
  if [ -n "$authority" ]; then
    [[ "$authority" =~ ^https?://[A-Za-z0-9._:/-]+$ && "$client" =~ ^[A-Za-z0-9._-]+$ ]] \
      || { echo "nginx: CONSOLE_OIDC_AUTHORITY / CONSOLE_OIDC_CLIENT_ID malformed" >&2; exit 1; }
    console_config="{\"oidc\":{\"authority\":\"$authority\",\"clientId\":\"$client\"}}"
  fi
  mkdir -p "$DIR/tmp"
  sed -e "s|@DIR@|$DIR|g" \
      -e "s|@USER@|$(id -un)|" \
      -e "s|@LISTEN@|${NGINX_LISTEN:-127.0.0.1:8080}|" \
      -e "s|@ROOT@|$(cd "${CONSOLE_ROOT:-$ROOT/dist/apps/console}" && pwd)|" \
      -e "s|@INTAKE@|${INTAKE_URL:-http://127.0.0.1:3001}|" \
      -e "s|@ROUTING@|${ROUTING_URL:-http://127.0.0.1:3002}|" \
      -e "s|@SUPERVISION@|${SUPERVISION_URL:-http://127.0.0.1:3003}|" \
      -e "s|@NOTIFICATION@|${NOTIFICATION_URL:-http://127.0.0.1:3004}|" \
      -e "s|@EVALUATION@|${EVALUATION_URL:-http://127.0.0.1:3005}|" \
      -e "s|@DEV_SIGN_IN@|$dev_block|" \
      -e "s|@CONSOLE_CONFIG@|$console_config|" \
      "$ROOT/deploy/local/nginx/nginx.conf.template" >"$CONF"
  "$NGINX" -t -q -c "$CONF" -p "$DIR" -g "error_log $DIR/error.log;"
}

stop() {
  if [ -f "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then
    "$NGINX" -c "$CONF" -p "$DIR" -s quit -g "error_log $DIR/error.log;" 2>/dev/null || kill -TERM "$(cat "$DIR/nginx.pid")"
    for _ in $(seq 1 50); do [ -f "$DIR/nginx.pid" ] || break; sleep 0.1; done
  fi
  rm -f "$DIR/nginx.pid"
}

case "${1:-start}" in
  render) install_nginx; render ;;
  start) install_nginx; render; stop; "$NGINX" -c "$CONF" -p "$DIR" -g "error_log $DIR/error.log;" ;;
  stop) stop ;;
  *) echo "usage: nginx.sh start|stop|render" >&2; exit 2 ;;
esac
