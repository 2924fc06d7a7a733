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
set -euo pipefail
cd "$(dirname "$0")/../.."

export KAFKA_CLUSTER_NAME="${KAFKA_CLUSTER_NAME:-e2e}"
export KAFKA_CLUSTER_NODES=3
export KAFKA_CLUSTER_PORT_BASE="${KAFKA_CLUSTER_PORT_BASE:-30092}"
CLUSTER=deploy/local/kafka-cluster.sh

bash "$CLUSTER" purge >/dev/null
trap 'bash "$CLUSTER" purge >/dev/null 2>&1 || true' EXIT
bash "$CLUSTER" up
eval "$(bash "$CLUSTER" env)"
export KAFKA_BROKERS
echo "cluster-e2e: KAFKA_BROKERS=$KAFKA_BROKERS"
npx jest -c jest.e2e.config.js "$@"
