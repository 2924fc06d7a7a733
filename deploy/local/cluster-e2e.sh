#!/usr/bin/env bash
# The end-to-end suite on a local 3-broker KRaft cluster (replication factor 3, min.insync.replicas 2) instead of the
# shared single broker: deploy/local/kafka-cluster.sh starts a cluster of its own (name e2e, brokers 127.0.0.1:30092–
# 30094, controllers :30192–30194, data in .local/kafka-cluster/e2e), KAFKA_BROKERS points the suite and every service
# it starts at it, and the cluster is purged afterwards. PostgreSQL and Redis stay the shared ones (each suite has its
# own schemas and prefix). The broker-kill test is e2e/kafka-cluster.cluster-spec.ts (`npm run test:cluster`).
#
#   bash deploy/local/cluster-e2e.sh [jest arguments, e.g. e2e/first-petition.e2e-spec.ts]
#   npm run test:e2e:cluster
# After `npm run build`, with `eval "$(bash deploy/local/infra.sh env)"` for PostgreSQL and Redis.
#
# One run at a time per cluster name and per port base: the run purges its cluster at start and at exit, so a second
# run on the same name or ports would stop the first one's brokers under it. A second run is refused at once (exit 75)
# and names the run holding them; for two runs side by side give the second its own
# KAFKA_CLUSTER_NAME=e2e2 KAFKA_CLUSTER_PORT_BASE=30392 (brokers base..base+2, controllers base+100..base+102).
set -euo pipefail
cd "$(dirname "$0")/../.."

export KAFKA_CLUSTER_NAME="${KAFKA_CLUSTER_NAME:-e2e}"
export KAFKA_CLUSTER_NODES=3
export KAFKA_CLUSTER_PORT_BASE="${KAFKA_CLUSTER_PORT_BASE:-30092}"
CLUSTER=deploy/local/kafka-cluster.sh
LOCKS=.local/kafka-cluster

# hold FD FILE WHAT: takes FILE's lock on FD without waiting, or exits naming the run that holds it. The file is opened
# for append (never truncated by the run that is refused) and holds the holder's pid and start time.
hold() {
  local fd=$1 file=$2 what=$3
  eval "exec $fd>>\"\$file\""
  if ! flock -n "$fd"; then
    echo "cluster-e2e: another run holds $what ($(cat "$file" 2>/dev/null || echo 'unknown')); wait for it to end," \
      "or give this run its own KAFKA_CLUSTER_NAME and KAFKA_CLUSTER_PORT_BASE (e.g. e2e2 and 30392)" >&2
    exit 75
  fi
  echo "pid $$ since $(date -u +%FT%TZ)" >"$file"
}
[[ "$KAFKA_CLUSTER_NAME" =~ ^[a-z][a-z0-9-]*$ ]] || { echo "cluster-e2e: KAFKA_CLUSTER_NAME must be lower-case letters, digits, '-'" >&2; exit 2; }
[[ "$KAFKA_CLUSTER_PORT_BASE" =~ ^[0-9]+$ ]] || { echo "cluster-e2e: KAFKA_CLUSTER_PORT_BASE must be a port number" >&2; exit 2; }
mkdir -p "$LOCKS"
hold 7 "$LOCKS/cluster-e2e.name-$KAFKA_CLUSTER_NAME.lock" "the cluster name '$KAFKA_CLUSTER_NAME'"
hold 8 "$LOCKS/cluster-e2e.ports-$KAFKA_CLUSTER_PORT_BASE.lock" "the ports from $KAFKA_CLUSTER_PORT_BASE"

# The brokers, jest and the services it starts must not inherit the locks (7>&- 8>&-): a process left behind would
# otherwise keep them after this run has ended.
bash "$CLUSTER" purge >/dev/null 7>&- 8>&-
trap 'bash "$CLUSTER" purge >/dev/null 2>&1 7>&- 8>&- || true' EXIT
bash "$CLUSTER" up 7>&- 8>&-
eval "$(bash "$CLUSTER" env)"
export KAFKA_BROKERS
echo "cluster-e2e: KAFKA_BROKERS=$KAFKA_BROKERS (cluster '$KAFKA_CLUSTER_NAME', this run pid $$)"
npx jest -c jest.e2e.config.js "$@" 7>&- 8>&-
