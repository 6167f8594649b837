#!/usr/bin/env bash
# The whole test suite, runnable on a machine that has never seen the project: installs what the
# tests need, builds, runs every Swift test (moto and redis servers are started by the tests on
# 127.0.0.1 and stopped by them), checks that the committed templates are what the code
# synthesizes, lints every template with cfn-lint, and checks formatting.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

# The server-backed tests must run here, not skip.
export STACKKIT_REQUIRE_MOTO=1 STACKKIT_REQUIRE_REDIS=1

echo "== swift build"
swift build --build-tests

echo "== swift test"
swift test

echo "== stack synth --check"
swift run --skip-build stack synth --check

echo "== cfn-lint"
shopt -s nullglob
templates=(templates/*.template.yaml templates/*.template.json)
cfn-lint --format parseable -- "${templates[@]}"
echo "cfn-lint: ${#templates[@]} templates, no findings"

echo "== swift format lint"
git ls-files -z '*.swift' ':!:*/Generated/*' | xargs -0 swift format lint --strict --parallel
echo "swift format: clean"
