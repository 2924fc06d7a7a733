#!/usr/bin/env bash
# Reproduces models/category/model.json from ../shared/data/teddy/train.jsonl (pinned venv in .local/classify).
# `bash tools/classify/train.sh --check` retrains and fails unless the committed model comes out byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x .local/classify/bin/python ]; then
  python3 -m venv .local/classify
  .local/classify/bin/pip install -q -r tools/classify/requirements.txt
fi
.local/classify/bin/python tools/classify/train.py "$@"
