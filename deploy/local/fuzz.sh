#!/usr/bin/env bash
# Fuzzes every service's HTTP API from its OpenAPI document (docs/openapi/<service>.json) with schemathesis and a
# valid staff token, and fails on any 5xx. Starts its own five services (from dist/, like the e2e harness: a fresh
# schema set and topic prefix, free ports) with the demo organisation seeded, and stops them at the end.
#   bash deploy/local/fuzz.sh            # or: npm run fuzz
# Settings (environment):
#   FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 12)
#   FUZZ_SERVICES      which services (default: all five)
#   FUZZ_SEED          schemathesis' random seed (default: a fixed one, so a run can be repeated)
#   FUZZ_PARALLEL      services fuzzed at once (default 2)
#   FUZZ_BUILD=1       build dist/ first (default: only when dist/ is missing)
#   FUZZ_DIST          the build output to run (default dist)
# Per-service logs and JSON reports go to tmp/fuzz/<run>/ (the last five runs are kept). Exit 0 only if no operation
# answered a 5xx and every input-hygiene probe got its 4xx.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true

SCHEMATHESIS_VERSION=4.32.5
VENV=.local/fuzz
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-12}"
SEED="${FUZZ_SEED:-20260501}"
read -r -a SERVICES <<<"${FUZZ_SERVICES:-intake routing supervision notification evaluation}"
ALL=(intake routing supervision notification evaluation)
DIST="${FUZZ_DIST:-dist}"
PREFIX="fz$(date +%s | tail -c 7)$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
OUT="tmp/fuzz/$PREFIX"
mkdir -p "$OUT"
# shellcheck disable=SC2012
ls -1dt tmp/fuzz/fz* 2>/dev/null | tail -n +6 | xargs -r rm -rf

# Until the run ends it counts as one failure in the suite's closing line (a start-up that fails leaves it so).
if [ -n "${FUZZ_RESULTS_FILE:-}" ]; then
  echo '{"numPassedTests": 0, "numFailedTests": 0, "numRuntimeErrorTestSuites": 1}' >"$FUZZ_RESULTS_FILE"
fi

# 1. schemathesis in its own venv, installed once (and again only when the pinned version changes).
if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION\$"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# 2. Infrastructure, keys, build.
bash deploy/local/infra.sh up >"$OUT/infra.log" 2>&1 || { cat "$OUT/infra.log"; exit 1; }
eval "$(bash deploy/local/infra.sh env)"
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/dev-keys.ts >/dev/null
if [ "${FUZZ_BUILD:-0}" = 1 ] || [ ! -f "$DIST/apps/routing/src/main.js" ]; then bash deploy/local/build.sh; fi

# 3. The five services on free ports, own schemas and topics.
declare -A PORTS=() PIDS=()
for s in "${ALL[@]}"; do
  PORTS[$s]=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
done
set -a
# shellcheck disable=SC1091
. .local/keys/intake.env
set +a
export NODE_ENV=development LOG_LEVEL=warn DB_SCHEMA_PREFIX="$PREFIX" KAFKA_TOPIC_PREFIX="$PREFIX" \
  AUTH_PUBLIC_KEY_FILE="$PWD/.local/keys/public.pem" AUTH_SERVICE_KEYS_DIR="$PWD/.local/keys/services" \
  EVENT_KEYS_DIR="$PWD/.local/keys/events" \
  AUTH_ISSUER=sunshine-dev AUTH_AUDIENCE=sunshine \
  INTAKE_URL="http://127.0.0.1:${PORTS[intake]}" ROUTING_URL="http://127.0.0.1:${PORTS[routing]}" \
  SUPERVISION_URL="http://127.0.0.1:${PORTS[supervision]}" NOTIFICATION_URL="http://127.0.0.1:${PORTS[notification]}" \
  EVALUATION_URL="http://127.0.0.1:${PORTS[evaluation]}" ATTACHMENT_DIR="$PWD/$OUT/attachments"

cleanup() {
  local rc=$?
  for s in "${!PIDS[@]}"; do kill -TERM "-${PIDS[$s]}" 2>/dev/null || true; done
  for s in "${!PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "${PIDS[$s]}" 2>/dev/null || break; sleep 0.25; done
  done
  # The run's schemas go with it (topics with the prefix stay, as the e2e harness leaves them).
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    c.connect().then(() => c.query(process.argv.slice(1).map((s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE;`).join("")))
      .catch((e) => console.error("fuzz: could not drop schemas:", e.message)).finally(() => c.end());
  ' "${ALL[@]/#/${PREFIX}_}" || true
  exit $rc
}
trap cleanup EXIT

for s in "${ALL[@]}"; do
  # Each service signs its calls with its own key, never the staff key (.local/keys/private.pem signs the fuzz token only).
  PORT="${PORTS[$s]}" SERVICE_SIGNING_KEY_FILE="$PWD/.local/keys/service-signing/$s.pem" EVENT_SIGNING_KEY_FILE="$PWD/.local/keys/event-signing/$s.pem" \
    setsid node "$DIST/apps/$s/src/main.js" >"$OUT/$s.service.log" 2>&1 &
  PIDS[$s]=$!
done
for s in "${ALL[@]}"; do
  ready=0
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:${PORTS[$s]}/health/ready" >/dev/null 2>&1; then ready=1; break; fi
    kill -0 "${PIDS[$s]}" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$ready" != 1 ]; then echo "fuzz: $s did not become ready; see $OUT/$s.service.log"; tail -20 "$OUT/$s.service.log"; exit 1; fi
done
node "$DIST/apps/routing/src/seed/seed.js" --fixture demo >"$OUT/seed.log" 2>&1 || { cat "$OUT/seed.log"; exit 1; }

# 4. A token of the city petition bureau with every staff role a token may combine (三员分立: the system, security and
# audit administrators are refused beside any other role): the deepest paths a valid caller can reach.
ROLES=$(SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register -e \
  'const { StaffRoles } = require("./libs/platform/src/auth/staff-claims"); const { isSeparatedAdminRole } = require("./libs/platform/src/auth/role-separation"); console.log(StaffRoles.filter((r) => r !== "service" && !isSeparatedAdminRole(r)).join(","))')
TOKEN=$(SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/dev-token.ts \
  --unit 410700000000:petition-bureau --division 410700000000 --roles "$ROLES" --sub fuzz-operator --ttl 2h)

# 5. A few real cases (a claim, an accusation, a collective visit) registered by the bureau, so the fuzzer reaches
#    past the visibility check: most generated `caseId`s are drawn from them, the rest are random.
register() {
  local answer
  # Intake learns the seeded directory from the topic: retry while a unit it names is not there yet.
  for _ in $(seq 1 60); do
    answer=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:${PORTS[intake]}/petitions")
    case "$answer" in *'"caseId"'*) node -e 'console.log(JSON.parse(process.argv[1]).caseId)' "$answer"; return 0 ;; esac
    sleep 1
  done
  echo "fuzz: registration failed: $answer" >&2
  return 1
}
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
PETITIONER='"petitioner": { "name": "张三", "idNumber": "410726199001011234", "phone": "13800138000", "address": "延津县东屯镇" }'
CASE_IDS=(
  "$(register '{ "channel": "visit", "receivedAt": "'"$NOW"'", "type": "claim", "category": "labour", "placeCode": "410726101000",
    "subject": "拖欠农民工工资", "content": "工程结束后老板拖欠工资三个月未付，请求帮助追讨。😀", '"$PETITIONER"', "form": { "kind": "individual" } }')"
  "$(register '{ "channel": "letter", "receivedAt": "'"$NOW"'", "type": "accusation", "category": "other", "placeCode": "410726101000",
    "subject": "举报东屯镇干部", "content": "举报东屯镇某干部违规收取费用。", '"$PETITIONER"', "form": { "kind": "individual" },
    "accused": { "unitId": "410726101000:government", "person": "某干部" } }')"
  "$(register '{ "channel": "visit", "receivedAt": "'"$NOW"'", "type": "claim", "category": "land-resources", "placeCode": "410726101000",
    "subject": "征地补偿", "content": "村民集体反映征地补偿款未发放。", '"$PETITIONER"',
    "form": { "kind": "collective", "headCount": 12, "representatives": [{ "name": "张三" }, { "name": "李四" }] } }')"
)
for id in "${CASE_IDS[@]}"; do [ -n "$id" ] || exit 1; done
sleep 3 # routing dispatches them (the case log) before the fuzzer acts on them
{
  echo '[dictionaries.cases]'
  printf 'values = [%s]\n' "$(printf '"%s",' "${CASE_IDS[@]}" | sed 's/,$//')"
  echo '[parameters]'
  echo '"path.caseId" = { dictionary = "cases", probability = 0.7 }'
} >"$OUT/schemathesis.toml"

# 6. Door 11 of issue 17 on the running services: text no database takes, bodies Fastify refuses, a malformed upload,
#    an unknown dead letter; each answers its 4xx in the one error body (they answered 500 before).
PROBES_PASSED=0 PROBES_FAILED=0
probe() {
  local name=$1 want_status=$2 want_code=$3; shift 3
  local status code
  status=$(curl -s -o "$OUT/probe.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$@")
  code=$(node -e 'try { console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).code ?? "-") } catch { console.log("-") }' "$OUT/probe.json")
  if [ "$status" = "$want_status" ] && [ "$code" = "$want_code" ]; then
    PROBES_PASSED=$((PROBES_PASSED + 1))
  else
    PROBES_FAILED=$((PROBES_FAILED + 1))
    echo "fuzz: probe '$name' answered $status $code, expected $want_status $want_code: $(head -c 300 "$OUT/probe.json")"
  fi
}
I="http://127.0.0.1:${PORTS[intake]}" R="http://127.0.0.1:${PORTS[routing]}" S="http://127.0.0.1:${PORTS[supervision]}"
C="${CASE_IDS[0]}" JSON='Content-Type: application/json'
probe 'NUL in a petition text' 400 INVALID_TEXT -X POST -H "$JSON" "$I/petitions" -d '{"subject":"拖欠工资","content":"正文\u0000"}'
probe 'lone surrogate in a nested field' 400 INVALID_TEXT -X POST -H "$JSON" "$I/petitions" -d '{"petitioner":{"name":"\ud800"}}'
probe 'NUL in a reception' 400 INVALID_TEXT -X POST -H "$JSON" "$I/receptions" -d '{"leaderRef":"leader\u0000"}'
probe 'NUL in a routing action' 400 INVALID_TEXT -X POST -H "$JSON" "$R/cases/$C/not-accept" -d '{"reason":"x\u0000"}'
probe 'lone surrogate in an org unit' 400 INVALID_TEXT -X PATCH -H "$JSON" "$R/org/units/410726000000:petition-bureau" -d '{"name":"\udc00"}'
probe 'NUL in a rule note' 400 INVALID_TEXT -X POST -H "$JSON" "$R/routing-rules" -d '{"note":"\u0000"}'
probe 'NUL in leaderRef' 400 INVALID_TEXT -X POST -H "$JSON" "$S/cases/$C/leader" -d '{"leaderRef":"\u0000"}'
probe 'NUL in a query parameter' 400 INVALID_TEXT "$R/inbox?category=%00"
probe 'NUL in a path parameter' 400 INVALID_TEXT "$R/org/units/a%00b"
probe 'JSON that does not parse' 400 INVALID_JSON -X POST -H "$JSON" "$I/petitions" -d '{"subject":'
probe 'a media type no parser takes' 415 UNSUPPORTED_MEDIA_TYPE -X POST -H 'Content-Type: application/xml' "$I/petitions" -d '<petition/>'
head -c 3000000 /dev/zero | tr '\0' 'x' | sed 's/^/{"content":"/; s/$/"}/' >"$OUT/big.json"
probe 'a body past the 2 MiB limit' 413 BODY_TOO_LARGE -X POST -H "$JSON" "$I/petitions" --data-binary "@$OUT/big.json"
rm -f "$OUT/big.json"
probe 'a multipart upload cut short' 400 ATTACHMENT_MALFORMED -X POST -H 'Content-Type: multipart/form-data; boundary=b' \
  "$I/petitions/$C/attachments" --data-binary $'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf'
probe 'replay of an unknown dead letter' 404 DEAD_LETTER_NOT_FOUND -X POST -H "$JSON" -d '{"reason":"fuzz probe"}' "$R/ops/messaging/dead-letters/0190f3a0-0000-7000-8000-0000000000ff/replay"
probe 'discard of an unknown dead letter' 404 DEAD_LETTER_NOT_FOUND -X POST -H "$JSON" -d '{"reason":"fuzz probe"}' "$S/ops/messaging/dead-letters/0190f3a0-0000-7000-8000-0000000000ff/discard"
echo "fuzz: hygiene probes: $PROBES_PASSED passed, $PROBES_FAILED failed"

# 7. schemathesis against each service: every operation, `not_a_server_error` only. GET /feed is a server-sent event
#    stream that never ends by design (each request would only run into the timeout); e2e tests cover it.
count() {
  node -e '
    const counts = { ops: new Set(), requests: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, failed: new Set() };
    for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
      const scenario = line ? JSON.parse(line).ScenarioFinished : undefined;
      if (!scenario) continue;
      const { label, interactions = {} } = scenario.recorder;
      counts.ops.add(label);
      for (const { response } of Object.values(interactions)) {
        if (!response) continue;
        counts.requests++;
        counts[`${Math.floor(response.status_code / 100)}xx`]++;
        if (response.status_code >= 500) counts.failed.add(label);
      }
    }
    console.log(counts.ops.size, counts.requests, counts["2xx"], counts["4xx"], counts["5xx"], counts.failed.size);
  ' "$1" 2>/dev/null || echo "0 0 0 0 0 0"
}
declare -A REQUESTS=() FIVES=() OPS=() FAILED_OPS=()
failed=0
# One service's run: schemathesis, then its counts into $OUT/<service>.counts and its summary into $OUT/<service>.summary.
fuzz_service() {
  local s=$1 start=$SECONDS st_rc
  set +e
  "$VENV/bin/st" --config-file "$OUT/schemathesis.toml" run "docs/openapi/$s.json" --url "http://127.0.0.1:${PORTS[$s]}" \
    -H "Authorization: Bearer $TOKEN" --checks not_a_server_error --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
    --exclude-path /feed --workers 1 --request-timeout 20 --no-color --suppress-health-check all --warnings off \
    --report ndjson --report-ndjson-path "$OUT/$s.ndjson" >"$OUT/$s.st.log" 2>&1
  st_rc=$?
  set -e
  local ops requests ok4 bad4 fives failed_ops
  read -r ops requests ok4 bad4 fives failed_ops < <(count "$OUT/$s.ndjson")
  echo "$ops $requests $fives $failed_ops $st_rc" >"$OUT/$s.counts"
  {
    printf 'fuzz: %-12s %3d operations, %5d requests: %5d 2xx, %5d 4xx, %d 5xx; schemathesis exit %d (%d s)\n' \
      "$s" "$ops" "$requests" "$ok4" "$bad4" "$fives" "$st_rc" "$((SECONDS - start))"
    if [ "$st_rc" != 0 ] || [ "$fives" != 0 ]; then
      echo "fuzz: $s failed; log $OUT/$s.st.log, service log $OUT/$s.service.log"
      sed -n '/^=* FAILURES =*$/,/^=* SUMMARY =*$/p' "$OUT/$s.st.log" | grep -vE '^\s*$' | cut -c1-300 | head -80 || true
    fi
  } >"$OUT/$s.summary"
}
# FUZZ_PARALLEL lanes at once (default 2: schemathesis and the service under test each take a core's share); the
# services are dealt to the lanes in turn and each lane fuzzes its own one after another. Waits for the lanes only
# (the services are this shell's background jobs too).
PARALLEL="${FUZZ_PARALLEL:-2}"
declare -a LANES=()
for lane in $(seq 0 $((PARALLEL - 1))); do
  (
    i=0
    for s in "${SERVICES[@]}"; do
      if [ $((i % PARALLEL)) = "$lane" ]; then fuzz_service "$s"; fi
      i=$((i + 1))
    done
  ) &
  LANES+=($!)
done
for pid in "${LANES[@]}"; do wait "$pid" || true; done
for s in "${SERVICES[@]}"; do
  cat "$OUT/$s.summary" 2>/dev/null || echo "fuzz: $s left no summary"
  read -r ops requests fives failed_ops st_rc <"$OUT/$s.counts" 2>/dev/null || { ops=0 requests=0 fives=0 failed_ops=0 st_rc=1; }
  OPS[$s]=$ops REQUESTS[$s]=$requests FIVES[$s]=$fives FAILED_OPS[$s]=$failed_ops
  if [ "$st_rc" != 0 ] || [ "$fives" != 0 ]; then failed=1; fi
done

total=0; fives=0; ops=0; failed_ops=0
for s in "${SERVICES[@]}"; do
  total=$((total + REQUESTS[$s])); fives=$((fives + FIVES[$s])); ops=$((ops + OPS[$s])); failed_ops=$((failed_ops + FAILED_OPS[$s]))
done
echo "fuzz: ${#SERVICES[@]} services, $ops operations, $total requests, $fives answered 5xx (at most $MAX_EXAMPLES examples per operation and phase, seed $SEED)"
# For the test suite's closing line (deploy/local/test.sh): each operation is one test, failed if it answered a 5xx.
if [ -n "${FUZZ_RESULTS_FILE:-}" ]; then
  # A run that failed without a 5xx (schemathesis itself, a service that went away) still counts as one failure.
  errored=$(( failed == 1 && failed_ops == 0 ? 1 : 0 ))
  echo "{\"numPassedTests\": $((ops - failed_ops + PROBES_PASSED)), \"numFailedTests\": $((failed_ops + PROBES_FAILED)), \"numRuntimeErrorTestSuites\": $errored}" >"$FUZZ_RESULTS_FILE"
fi
[ "$PROBES_FAILED" = 0 ] || failed=1
exit $failed
