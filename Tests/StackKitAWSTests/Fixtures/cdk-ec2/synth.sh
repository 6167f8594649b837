#!/usr/bin/env bash
# Regenerates CDK expectations: runs a fixture program (default: cdk_ec2_fixtures.py here, the EC2 and
# Lambda tests' program; ../cdk-tags/synth.sh passes its own) with the real AWS CDK v2 (venv at
# $CDK_VENV, default /tmp/cdk-reference-venv; made by ../../../../../shared/reference/cdk/synth.sh or
# `python3 -m venv V && V/bin/pip install aws-cdk-lib constructs`) and writes the templates, without
# CDK's bootstrap parameter and rule, beside the program.
#
#   synth.sh [PROGRAM.py]
set -euo pipefail
program=$(realpath "${1:-$(dirname "$0")/cdk_ec2_fixtures.py}")
here=$(dirname "$program")
venv=${CDK_VENV:-/tmp/cdk-reference-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/assets/layer/python" "$work/assets/app"
echo '# placeholder' > "$work/assets/layer/python/dep.py"
echo 'def main(event, context): return "ok"' > "$work/assets/app/app.py"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
ASSETS_DIR="$work/assets" CDK_OUTDIR="$work/out" "$venv/bin/python" "$program"
for t in "$work"/out/*.template.json; do
  python3 - "$t" "$here/$(basename "$t")" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
template.get("Parameters", {}).pop("BootstrapVersion", None)
template.get("Rules", {}).pop("CheckBootstrapVersion", None)
for section in ("Parameters", "Rules"):
    if section in template and not template[section]:
        del template[section]
with open(sys.argv[2], "w") as f:
    json.dump(template, f, indent=1)
    f.write("\n")
PY
done
ls "$here"/*.template.json
