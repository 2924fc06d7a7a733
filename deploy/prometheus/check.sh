#!/usr/bin/env bash
# promtool (Debian's prometheus package) checks the alert rules and the scrape config, and runs the rules' unit tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v promtool >/dev/null 2>&1 || bash prometheus.sh install
promtool check rules alerts.yml
promtool check config prometheus.yml
promtool test rules alerts.test.yml
# Every Grafana dashboard's PromQL parses: each target becomes a recording rule that promtool checks ($service → .*).
rules="$(mktemp --suffix=.yml)"
trap 'rm -f "$rules"' EXIT
node -e '
  const fs = require("fs"), dir = "../grafana/dashboards";
  const lines = ["groups:", "  - name: dashboards", "    rules:"];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const board = JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8"));
    board.panels.forEach((p, i) => p.targets.forEach((t, k) => {
      lines.push(`      - record: dashboard:${file.replace(/\W/g, "_")}:${i}_${k}`, `        expr: ${JSON.stringify(t.expr.replace(/\$service/g, ".*"))}`);
    }));
  }
  fs.writeFileSync(process.argv[1], lines.join("\n") + "\n");
' "$rules"
promtool check rules "$rules"
