#!/usr/bin/env bash
# Reproduces the CIFAR-10 study of docs/results.md: each exercise-8 variant trained to early stopping
# (or its fixed epochs) on the full 45,000/5,000 split, evaluated on the test set.
# Usage: docs/results/run-study.sh [variant…]   (default: all five, in order)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
variants=("${@:-base batch-norm selu alpha-dropout one-cycle}")
for variant in ${variants[@]}; do
  ./deepdsl run "experiments/cifar10/$variant.yaml" --runs study-runs
done
