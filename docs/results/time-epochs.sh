#!/usr/bin/env bash
# Seconds per epoch of each exercise-8 variant on an otherwise idle machine (the sweeps train two at a time, which
# slows each): three epochs of each variant, one run at a time; the records go to docs/results/runs/timing/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=docs/results/runs/timing
for variant in base batch-norm selu alpha-dropout one-cycle; do
  ./deepdsl run "experiments/cifar10/$variant.yaml" --epochs 3 --runs study-timing > /dev/null
  experiment=$(./deepdsl validate "experiments/cifar10/$variant.yaml" 2>&1 | sed -E 's/.*ok \(([^,]+),.*/\1/')
  run=$(ls -d "study-timing/$experiment"/*/ | sort | tail -1)
  rm -rf "${out:?}/$variant" && mkdir -p "$out/$variant"
  cp "$run"/spec.yaml "$run"/metrics.csv "$run"/summary.json "$out/$variant/"
done
