#!/usr/bin/env bash
# Called by infra.sh up: creates the platform's topics with the kafkajs admin client (needs node_modules).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules/kafkajs ]; then
  echo "ensure-topics: node_modules missing, skipped (services create their topics at start-up)"
  exit 0
fi
SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/ensure-topics.ts
