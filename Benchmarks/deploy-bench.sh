#!/bin/sh
# The deploy benchmark: `stack deploy` against `aws cloudformation deploy` for the same template
# (the MotoDemo example stack) on the same moto_server, started here on 127.0.0.1 and stopped at
# the end. Each run creates the stack with one tool, deploys it again unchanged (the no-op), and
# deletes it (not timed); the tools alternate. `stack deploy` times include synthesizing the app
# (running the example app binary); the AWS CLI is given the template already synthesized.
#
#   Benchmarks/deploy-bench.sh              # 5 runs, release builds
#   Benchmarks/deploy-bench.sh --runs 9
#   Benchmarks/deploy-bench.sh --debug      # debug builds (no release build needed)
#
# Needs moto_server (pip install 'moto[server]') and the AWS CLI (pip install awscli). Wall times
# depend on what else the machine is doing; run it on an idle machine.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
runs=5
configuration=release
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --debug) configuration=debug; shift ;;
    *) echo "usage: $0 [--runs N] [--debug]" >&2; exit 2 ;;
  esac
done
for tool in moto_server aws python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "deploy-bench: $tool is not installed (pip install 'moto[server]' awscli)" >&2
    exit 1
  }
done

echo "Building stack and the example app ($configuration) …" >&2
swift build -c "$configuration" --product stack >&2
swift build -c "$configuration" --product stacks >&2
bin=$(swift build -c "$configuration" --show-bin-path)

work=$(mktemp -d "${TMPDIR:-/tmp}/deploy-bench.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
cleanup() {
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

endpoint="http://127.0.0.1:$port"
tries=0
until curl -sf -o /dev/null "$endpoint/moto-api/data.json"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 300 ]; then
    echo "deploy-bench: moto_server did not start:" >&2
    cat "$work/moto.log" >&2
    exit 1
  fi
  sleep 0.1
done

# Fake credentials, no ~/.aws files, no instance metadata lookups: nothing leaves 127.0.0.1.
mkdir -p "$work/home" "$work/project"
export HOME="$work/home" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL 2>/dev/null || true

# A project that runs the built app directly (no build step), with the example's functions.
cat >"$work/project/stack.json" <<EOF
{"app": "$bin/stacks", "output": "templates", "format": "yaml", "context": {}}
EOF
ln -s "$root/functions" "$work/project/functions"
stack="$bin/stack"
project="--project $work/project"
aws_cfn="aws --endpoint-url $endpoint cloudformation"

$stack bootstrap --endpoint-url "$endpoint" >"$work/log" 2>&1
$stack synth MotoDemo $project --output "$work/templates" >>"$work/log" 2>&1
template="$work/templates/MotoDemo.template.yaml"
# Warm-up (not timed): uploads the function's asset, which the AWS CLI's template needs too.
$stack deploy MotoDemo $project --require-approval never --endpoint-url "$endpoint" >>"$work/log" 2>&1
$stack destroy MotoDemo $project --force --endpoint-url "$endpoint" >>"$work/log" 2>&1

now() { date +%s%N; }
elapsed() { echo $((($2 - $1) / 1000000)); }
record() { echo "$2" >>"$work/$1"; }
fail() {
  echo "deploy-bench: $1; the log:" >&2
  tail -40 "$work/log" >&2
  exit 1
}

i=1
while [ "$i" -le "$runs" ]; do
  t0=$(now)
  $stack deploy MotoDemo $project --require-approval never --endpoint-url "$endpoint" >>"$work/log" 2>&1 ||
    fail "stack deploy failed"
  t1=$(now)
  $stack deploy MotoDemo $project --require-approval never --endpoint-url "$endpoint" >"$work/noop" 2>&1 ||
    fail "stack deploy (no-op) failed"
  t2=$(now)
  grep -q "no changes" "$work/noop" || fail "the second stack deploy was not a no-op"
  record stack_create "$(elapsed "$t0" "$t1")"
  record stack_noop "$(elapsed "$t1" "$t2")"
  $stack destroy MotoDemo $project --force --endpoint-url "$endpoint" >>"$work/log" 2>&1

  t0=$(now)
  $aws_cfn deploy --template-file "$template" --stack-name MotoDemo \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND >>"$work/log" 2>&1 ||
    fail "aws cloudformation deploy failed"
  t1=$(now)
  $aws_cfn deploy --template-file "$template" --stack-name MotoDemo --no-fail-on-empty-changeset \
    --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND >"$work/noop" 2>&1 ||
    fail "aws cloudformation deploy (no-op) failed"
  t2=$(now)
  grep -qi "no changes" "$work/noop" || fail "the second aws cloudformation deploy was not a no-op"
  record cli_create "$(elapsed "$t0" "$t1")"
  record cli_noop "$(elapsed "$t1" "$t2")"
  $aws_cfn delete-stack --stack-name MotoDemo >>"$work/log" 2>&1
  i=$((i + 1))
done

stats() {
  sort -n "$work/$1" | awk '{ v[NR] = $1; s += $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%8d %8d %8d %8d", m, s / NR, v[1], v[NR] }'
}
median() { sort -n "$work/$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "Deploy benchmark: MotoDemo (8 resources) on moto_server, $runs runs, $configuration build"
echo "$(aws --version 2>&1 | cut -d' ' -f1) vs stack; wall times in ms"
printf "%-36s %8s %8s %8s %8s\n" "" median mean min max
printf "%-36s %s\n" "stack deploy (create, with synth)" "$(stats stack_create)"
printf "%-36s %s\n" "aws cloudformation deploy (create)" "$(stats cli_create)"
printf "%-36s %s\n" "stack deploy (no-op)" "$(stats stack_noop)"
printf "%-36s %s\n" "aws cloudformation deploy (no-op)" "$(stats cli_noop)"
sc=$(median stack_create)
cc=$(median cli_create)
sn=$(median stack_noop)
cn=$(median cli_noop)
awk -v sc="$sc" -v cc="$cc" -v sn="$sn" -v cn="$cn" 'BEGIN {
  printf "\nRatio stack / aws (medians): create %.2f, no-op %.2f (target: at most 0.50)\n", sc / cc, sn / cn
  printf "No-op stack deploy: %d ms (target: under 300 ms)\n", sn
}'
