#!/usr/bin/env python3
"""Markdown table of each layer's output mean and standard deviation at chosen steps of the first epoch, from the
activations.csv that `deepdsl run --activation-stats N` writes into a run folder.

    python3 docs/results/activation-table.py RUN_FOLDER [STEP ...]

Without steps: the first and the last sampled step.
"""
import csv
import os
import sys


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "activations.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    sampled = sorted({int(r["step"]) for r in rows})
    steps = [int(s) for s in sys.argv[2:]] or [sampled[0], sampled[-1]]
    missing = [s for s in steps if s not in sampled]
    if missing:
        sys.exit(f"steps {missing} were not sampled; the run sampled {sampled}")
    at = {(int(r["step"]), r["layer"]): (float(r["mean"]), float(r["std"])) for r in rows}
    layers = [r["layer"] for r in rows if int(r["step"]) == steps[0]]
    print("| layer | " + " | ".join(f"mean, std at step {s}" for s in steps) + " |")
    print("|---|" + "---|" * len(steps))
    for layer in layers:
        print(f"| {layer} | " + " | ".join("{:+.2f}, {:.2f}".format(*at[(s, layer)]) for s in steps) + " |")


if __name__ == "__main__":
    main()
