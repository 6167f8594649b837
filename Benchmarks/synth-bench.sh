#!/bin/sh
# The synthesis benchmark: builds stack-bench in release mode and runs every scenario
# (a 50-resource stack including process start-up; 100, 1,000 and 10,000 resources) in fresh
# processes, printing wall time, in-process time, cost per resource and peak memory.
#
#   Benchmarks/synth-bench.sh                  # all scenarios, YAML templates
#   Benchmarks/synth-bench.sh --static         # link the Swift runtime statically (faster start-up)
#   Benchmarks/synth-bench.sh --format json    # JSON templates
#   Benchmarks/synth-bench.sh --runs 9 --startup-runs 41 --sizes 100,1000,10000
#
# Wall times depend on what else the machine is doing; run it on an idle machine.
set -eu
cd "$(dirname "$0")/.."
build="swift build -c release --product stack-bench"
label="release build, Swift runtime linked dynamically"
if [ "${1:-}" = "--static" ]; then
  shift
  build="$build --static-swift-stdlib --scratch-path .build/bench-static"
  label="release build, Swift runtime linked statically"
fi
$build >&2
exec "$($build --show-bin-path)/stack-bench" run --label "$label" "$@"
