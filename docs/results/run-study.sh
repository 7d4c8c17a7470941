#!/usr/bin/env bash
# Trains the CIFAR-10 study of docs/results.md: for each exercise-8 variant, the sweep in
# experiments/cifar10/study/ (three seeds at the rate `deepdsl lr-find --write` chose, three at the
# book's rate) to early stopping (or 1cycle's 15 epochs) on the 45,000/5,000 split, two trials at a
# time; then the random search for the best plain MLP. Re-running continues where it stopped.
# Usage: docs/results/run-study.sh [sweep…]   (default: every file of experiments/cifar10/study/, in order)
# Then docs/results/analyze-study.sh copies the records under docs/results/runs/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
sweeps=("${@:-base batch-norm selu alpha-dropout one-cycle best-mlp}")
for sweep in ${sweeps[@]}; do
  ./deepdsl sweep "experiments/cifar10/study/$sweep.yaml" --parallel 2 --runs study-runs
done
