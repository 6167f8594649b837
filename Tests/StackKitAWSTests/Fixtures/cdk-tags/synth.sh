#!/usr/bin/env bash
# Regenerates the CDK expectations of the Tags tests (cdk_tags_fixtures.py, aws-cdk-lib 2.275.0) with
# the EC2 fixtures' script, which writes the templates beside the program.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../cdk-ec2/synth.sh" "$here/cdk_tags_fixtures.py"
