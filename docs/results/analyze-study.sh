#!/usr/bin/env bash
# After docs/results/run-study.sh: the learning-rate sweeps, MC dropout, the comparisons, and a copy
# of each run's small files (spec, metrics, summary, curves; not the checkpoints) under docs/results/runs/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=docs/results
latest() { ls -d study-runs/"$1"/*/ | sort | tail -1; }

for variant in base batch-norm selu alpha-dropout one-cycle; do
  ./deepdsl lr-find "experiments/cifar10/$variant.yaml" --plot "$out/lr-find-$variant.svg" | tee "$out/lr-find-$variant.txt"
done

./deepdsl eval "$(latest cifar10-alpha-dropout)" --mc-dropout 100 | tee "$out/mc-dropout.txt"

./deepdsl compare "$(latest cifar10-elu-he-nadam)" "$(latest cifar10-batch-norm)" --out "$out/compare-b-vs-c.svg" | tee "$out/compare-b-vs-c.txt"
./deepdsl compare "$(latest cifar10-batch-norm)" "$(latest cifar10-selu)" --out "$out/compare-c-vs-d.svg" | tee "$out/compare-c-vs-d.txt"
./deepdsl compare "$(latest cifar10-selu)" "$(latest cifar10-alpha-dropout)" --out "$out/compare-d-vs-e.svg" | tee "$out/compare-d-vs-e.txt"
./deepdsl compare "$(latest cifar10-alpha-dropout)" "$(latest cifar10-one-cycle)" --out "$out/compare-e-vs-f.svg" | tee "$out/compare-e-vs-f.txt"

for experiment in cifar10-elu-he-nadam cifar10-batch-norm cifar10-selu cifar10-alpha-dropout cifar10-one-cycle; do
  run=$(latest "$experiment")
  mkdir -p "$out/runs/$experiment"
  # Runs started before curves.svg existed get the same figure from their metrics.
  [ -f "$run/curves.svg" ] || ./deepdsl compare "$run" --out "$run/curves.svg" > /dev/null
  cp "$run"/spec.yaml "$run"/metrics.csv "$run"/summary.json "$run"/curves.svg "$out/runs/$experiment/"
  if [ -f "$run/mc_dropout.json" ]; then cp "$run/mc_dropout.json" "$out/runs/$experiment/"; fi
  echo "$(basename "$run")" > "$out/runs/$experiment/run-folder.txt"
done
