#!/usr/bin/env bash
# Reproduces models/category/model.json from ../shared/data/teddy/train.jsonl (pinned venv in .local/classify).
# `bash tools/classify/train.sh --check` retrains and fails unless the committed model comes out byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--if-data" ]; then
  shift
  data="${TEDDY_DATA:-}"
  for c in "$data" ../shared/data/teddy/train.jsonl /work/shared/data/teddy/train.jsonl; do [ -n "$c" ] && [ -f "$c" ] && data="$c" && break; done
  if [ -z "$data" ] || [ ! -f "$data" ]; then echo "classify: training data not on this machine; the committed model is used as is"; exit 0; fi
  export TEDDY_DATA="$data"
fi
if [ ! -x .local/classify/bin/python ]; then
  python3 -m venv .local/classify
  .local/classify/bin/pip install -q -r tools/classify/requirements.txt
fi
.local/classify/bin/python tools/classify/train.py "$@"
