#!/usr/bin/env bash
# 事件签名 Generates, once, each service's own Ed25519 event key (docs/security.md §8): the private key (PKCS#8) onto that
# service's own volume (/keys/<service>/key.pem, readable by the services' user only), the public key (SPKI) onto the
# volume every service reads (/keys/public/<service>.pem = EVENT_KEYS_DIR). Keys already there are kept.
set -euo pipefail
OWNER="${EVENT_KEY_OWNER:-10001:10001}"
for s in intake routing supervision notification evaluation; do
  key="/keys/$s/key.pem"
  if [ ! -s "$key" ] || [ ! -s "/keys/public/$s.pem" ]; then
    openssl genpkey -algorithm ed25519 -out "$key"
    openssl pkey -in "$key" -pubout -out "/keys/public/$s.pem"
  fi
  chown "$OWNER" "$key"
  chmod 0400 "$key"
  chmod 0444 "/keys/public/$s.pem"
done
echo "event keys ready"
