#!/bin/sh
# Regenerates the AWS CDK templates of every case of cross_stack.py (aws-cdk-lib 2.275.0, the
# venv made by /work/shared/reference/cdk/synth.sh) into <case>/: the stack templates and
# dependencies.json, the `dependencies` of each stack artifact of CDK's manifest.json.
set -eu
cd "$(dirname "$0")"
python=${CDK_PYTHON:-/tmp/cdk-reference-venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for case in basic many chain export-value; do
  rm -rf "$case" "$out/$case"
  mkdir -p "$case"
  CDK_OUTDIR="$out/$case" JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 \
    "$python" cross_stack.py "$case" >/dev/null 2>&1
  cp "$out/$case"/*.template.json "$case/"
  "$python" - "$out/$case/manifest.json" "$case/dependencies.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
deps = {name: artifact.get("dependencies", [])
        for name, artifact in manifest["artifacts"].items()
        if artifact["type"] == "aws:cloudformation:stack"}
with open(sys.argv[2], "w") as f:
    json.dump(deps, f, indent=1)
    f.write("\n")
PY
done
