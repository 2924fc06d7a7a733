#!/usr/bin/env bash
# The Compose broker (image apache/kafka): KRaft, one node, SASL/SCRAM-SHA-512 on its client listener and the
# StandardAuthorizer (no access without an ACL). Each user's password is generated on first start into its own volume
# (/secrets/<user>/password: the service mounts only its own), the users are created at format time
# (kafka-storage.sh format --add-scram), and the topics and the ACL table (deploy/docker/kafka-acls.args, written by
# `npm run kafka-acls` from TopicSpecs and deploy/kafka-acls.json) are applied once the broker answers. Unverified here (no Docker
# engine on the development machines); deploy/local/kafka-secure.sh runs the same setup natively (npm run test:kafka-auth).
set -euo pipefail

KAFKA=/opt/kafka
DATA=/var/lib/kafka/data
CONF=/tmp/kafka
USERS="sunshine-admin sunshine-intake sunshine-routing sunshine-supervision sunshine-notification sunshine-evaluation"
mkdir -p "$CONF" "$DATA"

password() { # USER -> its password, generated once into its volume (readable by the service's uid 10001)
  local file="/secrets/$1/password"
  if [[ ! -s "$file" ]]; then (umask 022 && head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file"); fi
  cat "$file"
}

cat >"$CONF/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="sunshine-admin" password="$(password sunshine-admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:sunshine-admin;User:ANONYMOUS
log.dirs=$DATA
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
cat >"$CONF/admin.properties" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="sunshine-admin" password="$(password sunshine-admin)";
EOF

if [[ ! -f "$DATA/meta.properties" ]]; then
  scram=()
  for user in $USERS; do scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(password "$user")]"); done
  "$KAFKA/bin/kafka-storage.sh" format -t "$("$KAFKA/bin/kafka-storage.sh" random-uuid)" -c "$CONF/server.properties" "${scram[@]}"
fi

"$KAFKA/bin/kafka-server-start.sh" "$CONF/server.properties" &
broker=$!
trap 'kill -TERM $broker; wait $broker' TERM INT
until "$KAFKA/bin/kafka-broker-api-versions.sh" --bootstrap-server localhost:9092 --command-config "$CONF/admin.properties" >/dev/null 2>&1; do
  kill -0 "$broker" || exit 1
  sleep 2
done
# The topics (as the admin: services may not create topics), then one kafka-acls.sh per binding (adding one twice is a
# no-op); then the healthcheck's marker.
grep -v '^#' /work/kafka-acls.args | while read -r kind args; do
  tool=kafka-acls.sh
  [[ "$kind" == topic ]] && tool=kafka-topics.sh
  # shellcheck disable=SC2086
  "$KAFKA/bin/$tool" --bootstrap-server localhost:9092 --command-config "$CONF/admin.properties" $args >/dev/null
done
touch "$CONF/acls-applied"
wait "$broker"
