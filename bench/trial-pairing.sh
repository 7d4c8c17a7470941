#!/usr/bin/env bash
# Why a sweep trial is slower beside another (docs/performance.md, sweeps): one trial of bench/sweep-parallel.sh's
# sweep alone, then two at once, each a `deepdsl run` process with one libtorch and one OpenBLAS thread as the sweep
# starts them. For each: wall time, CPU time (user + sys) and the seconds of its epochs (metrics.csv). If a trial's CPU
# time grows when paired, the cores slow each other (shared caches, memory bandwidth, a host's SMT siblings); if only
# its wall time grows, the two processes have more runnable threads than the machine has cores.
# Usage: bench/trial-pairing.sh [epochs]   (default 4, the sweep benchmark's)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
epochs="${1:-4}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -n '/^name: bench-base/,/^SPEC/p' "$root/bench/sweep-parallel.sh" | sed '$d' > "$work/base.yaml"
"$root/deepdsl" validate "$work/base.yaml" > /dev/null
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
cli=(dotnet "$root/src/Cli/bin/Release/net10.0/deepdsl.dll")
(cd "$work" && "${cli[@]}" run base.yaml --epochs 1 --runs warm > /dev/null)   # compile cache and page cache warm
trial() { # $1: label; $2: cpu list for taskset or "any"
  local pin=(); [ "$2" = any ] || pin=(taskset -c "$2")
  (cd "$work" && /usr/bin/time -f "%e %U %S" -o "$work/$1.time" "${pin[@]}" "${cli[@]}" run base.yaml --epochs "$epochs" --runs "runs-$1" > /dev/null)
  local epochs_s; epochs_s=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") c = i; next } { s += $c } END { printf "%.2f", s }' "$work/runs-$1"/bench-base/*/metrics.csv)
  read -r wall user sys < "$work/$1.time"
  awk -v l="$1" -v w="$wall" -v u="$user" -v s="$sys" -v e="$epochs_s" 'BEGIN { printf "%-14s wall %6.2f s  cpu %6.2f s  epochs %6.2f s\n", l, w, u + s, e }'
}
trial alone any
trial alone-cpu0 0
trial alone-cpu1 1
trial pair-a any & trial pair-b any & wait
trial pinned-a 0 & trial pinned-b 1 & wait
echo "($(date -u +%F), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $epochs epochs)"
