#!/usr/bin/env bash
# After docs/results/run-study.sh: each sweep's report, MC dropout on every alpha-dropout trial, a copy of every
# trial's small files (spec, metrics, summary, curves, MC dropout; not the checkpoints) and of each sweep's report
# under docs/results/runs/, the learning-rate sweeps' output beside their plots, and the tables of docs/results.md
# (docs/results/tables.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=docs/results
sweeps=(study-base study-batch-norm study-selu study-alpha-dropout study-one-cycle study-best-mlp)
# The trials of a sweep as it is now, from its report (an edited sweep leaves the folders of trials it no longer has).
current_trials() { grep -E '^ +"hash": ' "$1/report/leaderboard.json" | sed -E 's/.*"hash": "([0-9a-f]+)".*/\1/'; }

for variant in base batch-norm selu alpha-dropout one-cycle; do
  ./deepdsl lr-find "experiments/cifar10/$variant.yaml" --plot "$out/lr-find-$variant.svg" | grep -E "^[0-9]+ batches|^Suggested" > "$out/lr-find-$variant.txt"
done

for sweep in "${sweeps[@]}"; do
  folder=study-runs/$sweep/sweep
  [ -d "$folder" ] || { echo "$sweep: not run yet (docs/results/run-study.sh)"; continue; }
  if [ "$sweep" = study-alpha-dropout ]; then
    ./deepdsl sweep report "$sweep" --runs study-runs > /dev/null
    for hash in $(current_trials "$folder"); do
      [ -f "$folder/trials/$hash/mc_dropout.json" ] || ./deepdsl eval "$folder/trials/$hash" --mc-dropout 100 --runs study-runs
    done
  fi
  ./deepdsl sweep report "$sweep" --runs study-runs > /dev/null
  rm -rf "${out:?}/runs/$sweep" && mkdir -p "$out/runs/$sweep"
  cp -r "$folder/report" "$out/runs/$sweep/report"
  for hash in $(current_trials "$folder"); do
    trial="$folder/trials/$hash"
    mkdir -p "$out/runs/$sweep/$hash"
    for file in spec.yaml metrics.csv summary.json curves.svg mc_dropout.json; do
      if [ -f "$trial/$file" ]; then cp "$trial/$file" "$out/runs/$sweep/$hash/"; fi
    done
  done
done

# Learning curves two by two: each variant's seed-1 trial at the finder's rate (trial 0 of its sweep) against the next.
first_trial() { local state=study-runs/study-$1/sweep/sweep.json; echo "study-runs/study-$1/sweep/trials/$(grep -m1 '"hash"' "$state" | sed -E 's/.*"hash": "([0-9a-f]+)".*/\1/')"; }
for pair in "b base c batch-norm" "c batch-norm d selu" "d selu e alpha-dropout" "e alpha-dropout f one-cycle"; do
  set -- $pair
  ./deepdsl compare "$(first_trial "$2")" "$(first_trial "$4")" --out "$out/compare-$1-vs-$3.svg" > "$out/compare-$1-vs-$3.txt"
done

dotnet run docs/results/Tabulate.cs -- "$out/runs" runs/ > "$out/tables.md"
