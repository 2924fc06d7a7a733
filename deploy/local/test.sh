#!/usr/bin/env bash
# The whole test suite on real Kafka, PostgreSQL and Redis: install, infrastructure, typecheck, lint, build,
# unit, integration, end-to-end and browser tests, a short chaos run and the API fuzz run. Prints the time of each phase and one closing "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC CI="${CI:-false}"
mkdir -p tmp/test-results
rm -f tmp/test-results/*.json

declare -a TIMES=()
phase() {
  local name="$1"; shift
  local start=$SECONDS
  echo "=== phase: $name ==="
  "$@"
  TIMES+=("$name: $((SECONDS - start)) s")
  echo "=== phase: $name done in $((SECONDS - start)) s ==="
}

summary() {
  local rc=$?
  echo "=== timings ==="
  printf '  %s\n' "${TIMES[@]}"
  node -e '
    const fs = require("fs"); let p = 0, f = 0;
    for (const file of fs.readdirSync("tmp/test-results")) {
      const r = JSON.parse(fs.readFileSync("tmp/test-results/" + file, "utf8"));
      p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    }
    console.log(`${p} passed, ${f} failed`);
  ' || true
  exit $rc
}
trap summary EXIT

install() {
  if [ ! -d node_modules/.bin ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm install --no-audit --no-fund
  fi
}
jest_run() {
  local name="$1"; shift
  npx jest -c "jest.$name.config.js" --ci --json --outputFile="tmp/test-results/$name.json" "$@"
}
# Runs "name command" pairs at once, each into tmp/phases/<name>.log; prints every log and time when all are done and
# fails if any failed (so a red check shows its whole output, in order).
side_by_side() {
  local start=$SECONDS rc=0 name status
  local -a names=() pids=()
  mkdir -p tmp/phases
  while [ $# -gt 0 ]; do
    name=$1
    ( s=$SECONDS; set +e; eval "$2" >"tmp/phases/$name.log" 2>&1; r=$?; echo "$((SECONDS - s))" >"tmp/phases/$name.time"; exit $r ) &
    names+=("$name"); pids+=($!)
    shift 2
  done
  echo "=== phases side by side: ${names[*]} ==="
  for i in "${!names[@]}"; do
    name=${names[$i]}
    if wait "${pids[$i]}"; then status=ok; else status=FAILED; rc=1; fi
    echo "=== phase: $name ($status) ==="
    cat "tmp/phases/$name.log"
    TIMES+=("$name: $(cat "tmp/phases/$name.time" 2>/dev/null || echo '?') s (side by side)")
  done
  TIMES+=("side by side, wall clock: $((SECONDS - start)) s")
  return $rc
}

phase install install
phase infrastructure bash deploy/local/infra.sh up
eval "$(bash deploy/local/infra.sh env)"
# The static checks run side by side (two cores; each writes its own log, printed when all are done): the typecheck,
# the linters, and one chain of the rest — promtool (the alert rules and scrape config are valid and the rules' unit
# tests pass, deploy/prometheus), kustomize + kubeconform over every overlay of deploy/k8s (strict, tools from the Go
# module proxy), docker-compose.yml against the Compose specification's JSON Schema (ajv; no Docker engine here), the
# committed category model coming out of its training script byte for byte (pinned Python venv), and Debian's Chromium
# for the browser phase. The chain is sequential because promtool and Chromium both come through apt (one dpkg lock).
static_chain() {
  bash deploy/prometheus/check.sh && bash deploy/k8s/check.sh && node deploy/docker/check-compose.js &&
    bash tools/classify/train.sh --if-data --check && bash deploy/local/chromium.sh
}
side_by_side typecheck "npx tsc -p tsconfig.spec.json --noEmit" lint "npm run -s lint" static static_chain
phase build bash deploy/local/build.sh
phase unit jest_run unit
phase integration jest_run int
# e2e/tracing needs Jaeger v2, built from the Go module proxy (a long first build): its own command, npm run test:tracing.
phase e2e jest_run e2e
# e2e/platform-boot stops PostgreSQL under running services: alone, so no suite beside it sees the outage.
phase e2e-outage jest_run e2e-outage
# The console in Debian's Chromium (playwright-core) against nginx and the five services: the staff workbench
# (registration, desk, sign → handler → accept → reply → approval → service), supervision, the cockpit, the citizen's
# portal on a phone-sized page, ops (about 3 min; also npm run test:browser).
phase browser jest_run browser
# A short chaos run on this infrastructure under its own prefix: kill -9 routing, drop the stack's Redis keys; exits 1
# on any accepted case lost or duplicated (tools/chaos, docs/operations.md; about 1–2 min).
phase chaos npm run -s chaos -- --infra shared --faults kill:routing,redis --phase 8 --rate 3 --recover 60
# schemathesis over every service's OpenAPI with a valid token, plus the input-hygiene probes: no 5xx (about 2–3 min).
phase fuzz env FUZZ_RESULTS_FILE=tmp/test-results/fuzz.json bash deploy/local/fuzz.sh
