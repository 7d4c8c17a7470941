#!/usr/bin/env bash
# How much work each CPU of this machine does: the same CPU-bound loop pinned to each CPU alone, then one copy
# on every CPU at once. On a VM whose vCPUs are unequal this bounds what any N-process speed-up can reach
# (docs/performance.md, sweeps). Needs taskset (util-linux) and awk.
set -euo pipefail
loop() { taskset -c "$1" awk 'BEGIN { for (i = 0; i < 40000000; i++) s += i }'; }
seconds() { local start=$(date +%s%N); "$@"; awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }'; }
cpus=$(nproc)
for ((c = 0; c < cpus; c++)); do echo "cpu $c alone: $(seconds loop $c) s"; done
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
for ((c = 0; c < cpus; c++)); do (seconds loop $c > "$dir/$c") & done; wait
for ((c = 0; c < cpus; c++)); do echo "cpu $c with all busy: $(cat "$dir/$c") s"; done
