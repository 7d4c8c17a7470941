#!/usr/bin/env bash
# One epoch of the exercise network at batch 32 and 128, one thread, on this checkout and on an earlier commit, in turns
# (ABAB…), so a change's cost is measured on one machine in one sitting. Builds the commit in a temporary worktree.
# Usage: bench/epoch-against-commit.sh COMMIT [ROUNDS]       (numbers go to docs/performance.md with machine and date)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:?usage: bench/epoch-against-commit.sh COMMIT [ROUNDS]}"
rounds="${2:-2}"
cd "$root"
worktree="$(mktemp -d /tmp/deepdsl-bench-base.XXXXXX)"
trap 'git -C "$root" worktree remove --force "$worktree" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$worktree" "$base" >/dev/null
for tree in "$root" "$worktree"; do dotnet build "$tree/bench/Runtime.Bench" -c Release -nologo -v q >&2; done
bench() { OMP_NUM_THREADS=1 dotnet "$1/bench/Runtime.Bench/bin/Release/net10.0/DeepDsl.Runtime.Bench.dll" epoch 32 128 | sed "s|^|$2 |"; }
for round in $(seq "$rounds"); do
  bench "$worktree" "base($(git -C "$worktree" rev-parse --short HEAD)) round=$round"
  bench "$root" "head($(git describe --always --dirty)) round=$round"
done
