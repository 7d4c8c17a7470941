#!/usr/bin/env bash
# Sweep benchmark (issue 12): the same 16-trial sweep with --parallel 1 and --parallel 2, each trial its own
# one-thread process, each a few seconds of training (a 3×256 MLP on 18,000 synthetic examples, 4 epochs);
# prints both wall times and their ratio (target ≤ 0.6 on a 2-core machine).
# Usage: bench/sweep-parallel.sh   (from a checkout; builds the CLI first through ./deepdsl)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/base.yaml" <<'SPEC'
name: bench-base
seed: 1
data: { dataset: synthetic, samples: 20000, classes: 4, validation: 2000, noise: 3.0 }
model:
  input: [256]
  layers:
    - dense: { units: 256, activation: elu, kernel_init: he_normal }
    - dense: { units: 256, activation: elu, kernel_init: he_normal }
    - dense: { units: 256, activation: elu, kernel_init: he_normal }
    - dense: { units: 4, activation: softmax }
training:
  loss: sparse_categorical_crossentropy
  optimizer: { nadam: { learning_rate: 0.001 } }
  batch_size: 32
  epochs: 4
SPEC
cat > "$work/sweep.yaml" <<'SPEC'
extends: base.yaml
name: bench-sweep
sweep:
  parameters:
    training.optimizer.nadam.learning_rate: [0.0003, 0.001, 0.003, 0.01]
    seed: [1, 2, 3, 4]
SPEC
"$root/deepdsl" validate "$work/sweep.yaml" >/dev/null 2>&1
cli=("dotnet" "$root/src/Cli/bin/Release/net10.0/deepdsl.dll")
seconds() { local start=$(date +%s%N); "$@" >/dev/null; awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }'; }
# Each run compiles its trials afresh (its own cache), as a new sweep would.
one=$(cd "$work" && XDG_CACHE_HOME="$work/cache-1" seconds "${cli[@]}" sweep sweep.yaml --parallel 1 --runs runs-1)
two=$(cd "$work" && XDG_CACHE_HOME="$work/cache-2" seconds "${cli[@]}" sweep sweep.yaml --parallel 2 --runs runs-2)
awk -v one="$one" -v two="$two" -v day="$(date -u +%F)" -v cores="$(nproc)" -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  'BEGIN { printf "sweep of 16 trials: --parallel 1 %.1f s, --parallel 2 %.1f s, ratio %.2f (%s, %s cores, %s)\n", one, two, two / one, day, cores, cpu }'
