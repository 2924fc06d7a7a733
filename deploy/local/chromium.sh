#!/usr/bin/env bash
# Debian's chromium and the CJK fonts (Chinese glyphs) for the console's browser test; playwright-core drives
# /usr/bin/chromium (no browser download). Idempotent.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "chromium.sh: missing ${missing[*]} and no apt-get" >&2; exit 1; }
echo "chromium.sh: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
