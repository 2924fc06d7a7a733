#!/usr/bin/env bash
# The staff console (apps/console): generates the typed API client from the committed OpenAPI documents
# (docs/openapi/<service>.json → src/api/generated/<service>.ts, never hand-written, not committed), type-checks,
# and builds the static site into dist/apps/console (what nginx serves).
#   bash apps/console/build.sh            # generate, typecheck, build
#   bash apps/console/build.sh generate   # generate only (typecheck and lint use it)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=apps/console/src/api/generated
mkdir -p "$out"
for s in intake routing supervision notification evaluation; do
  npx openapi-typescript "docs/openapi/$s.json" -o "$out/$s.ts" --silent >/dev/null
done
[ "${1:-}" = "generate" ] && exit 0
npx tsc -p apps/console/tsconfig.json
npx vite build --config apps/console/vite.config.mts --logLevel warn
# The initial JS (entry + module preloads) must stay within 500 kB gzip; the route pages are lazy chunks.
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/console-bundle/main.ts dist/apps/console 500
