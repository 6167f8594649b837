#!/usr/bin/env bash
# Regenerates the CDK reference templates the StackKitAWS tests compare with.
#   redis-rbac/RedisRbacStack.template.json: the reference program (../../../../shared/reference/cdk)
#   units/<program>.template.json: the small programs in programs/, one stack "S" each
# Needs the CDK venv (CDK_VENV, default /tmp/cdk-reference-venv) with aws-cdk-lib 2.275.0.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${CDK_VENV:-/tmp/cdk-reference-venv}
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for program in "$here"/programs/*.py; do
  name=$(basename "$program" .py)
  CDK_OUTDIR="$tmp/$name" "$venv/bin/python" "$program" >/dev/null 2> >(grep -v "^b'!!" >&2)
  mkdir -p "$here/units"
  cp "$tmp/$name/S.template.json" "$here/units/$name.template.json"
done
