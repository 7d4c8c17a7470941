#!/usr/bin/env python3
"""Markdown table of each layer's output mean and standard deviation, at the first and the last sampled step of the
first epoch, from the activations.csv that `deepdsl run --activation-stats N` writes into a run folder.

    python3 docs/results/activation-table.py RUN_FOLDER [LAYER_PREFIX ...]

Only layers whose name starts with one of the prefixes are listed (default: all).
"""
import csv
import os
import sys


def main():
    folder, prefixes = sys.argv[1], tuple(sys.argv[2:]) or ("",)
    with open(os.path.join(folder, "activations.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["layer"].startswith(prefixes)]
    steps = sorted({int(r["step"]) for r in rows})
    first, last = steps[0], steps[-1]
    at = {(int(r["step"]), r["layer"]): (float(r["mean"]), float(r["std"])) for r in rows}
    layers = [r["layer"] for r in rows if int(r["step"]) == first]
    print(f"| layer | mean, step {first} | std, step {first} | mean, step {last} | std, step {last} |")
    print("|---|---|---|---|---|")
    for layer in layers:
        (m0, s0), (m1, s1) = at[(first, layer)], at[(last, layer)]
        print(f"| {layer} | {m0:+.2f} | {s0:.2f} | {m1:+.2f} | {s1:.2f} |")


if __name__ == "__main__":
    main()
