#!/bin/sh
# The synthesis benchmark: builds stack-bench in release mode and runs every scenario
# (a 50-resource stack including process start-up; 100, 1,000 and 10,000 resources) in fresh
# processes, printing wall time, in-process time, cost per resource and peak memory.
#
#   Benchmarks/synth-bench.sh                 # all scenarios, YAML templates
#   Benchmarks/synth-bench.sh --format json   # JSON templates
#   Benchmarks/synth-bench.sh --runs 9 --startup-runs 41
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product stack-bench >&2
exec "$(swift build -c release --show-bin-path)/stack-bench" run "$@"
