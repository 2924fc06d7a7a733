#!/usr/bin/env bash
# promtool (Debian's prometheus package) checks the alert rules and the scrape config, and runs the rules' unit tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v promtool >/dev/null 2>&1 || bash prometheus.sh install
promtool check rules alerts.yml
promtool check config prometheus.yml
promtool test rules alerts.test.yml
