#!/usr/bin/env bash
# Compiles every service and library into dist/ (tsc, decorator metadata kept) and rewrites path aliases; then the
# staff console (apps/console: generated API client, typecheck, vite) into dist/apps/console.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
bash apps/console/build.sh
