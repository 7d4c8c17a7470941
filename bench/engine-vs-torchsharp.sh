#!/usr/bin/env bash
# One epoch of the exercise network at batch 32 and 128, one thread, DeepDsl's TorchSharp engine against a plain
# TorchSharp training loop (bench/TorchSharp.Bench) on the same libtorch (2.10, TorchSharp-cpu 0.107). TorchSharp's glue
# needs GLIBCXX_3.4.32, so both run in the Debian 13 chroot of scripts/debian13.sh (root).
# The two alternate for ROUNDS rounds (default 5): these vCPUs' speed drifts by ±15 % over minutes, so a ratio is only
# fair between measurements taken side by side; each round prints its own, and the last line their medians.
# Usage: bench/engine-vs-torchsharp.sh [ROUNDS]      (from a checkout; numbers go to docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-5}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "engine-vs-torchsharp.sh: ROUNDS must be a positive whole number, not '$rounds'" >&2; exit 2; }
echo "== Debian 13 (chroot), TorchSharp 0.107, libtorch 2.10, $rounds rounds"
scripts/debian13.sh run "./deepdsl info >/dev/null &&
  dotnet build bench/Runtime.Bench -c Release -nologo -v q >&2 && dotnet build bench/TorchSharp.Bench -c Release -nologo -v q >&2 &&
  for round in \$(seq $rounds); do
    OMP_NUM_THREADS=1 DEEPDSL_ENGINE=torchsharp dotnet bench/Runtime.Bench/bin/Release/net10.0/DeepDsl.Runtime.Bench.dll epoch 32 128 &&
    OMP_NUM_THREADS=1 dotnet bench/TorchSharp.Bench/bin/Release/net10.0/DeepDsl.TorchSharp.Bench.dll 32 128 || exit 1
  done" | tee /dev/stderr | awk '
  /^deepdsl batch=/     { split($2, b, "="); split($4, s, "="); d[b[2], ++nd[b[2]]] = s[2] }
  /^torchsharp batch=/  { split($2, b, "="); split($3, s, "="); t[b[2], ++nt[b[2]]] = s[2] }
  function median(a, n,   i, j, x) { for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (batch = 32; batch <= 128; batch *= 4) { delete r; n = nd[batch] < nt[batch] ? nd[batch] : nt[batch]
          line = ""; for (i = 1; i <= n; i++) { r[i] = d[batch, i] / t[batch, i]; line = line sprintf(" %.2f", r[i]) }
          printf "batch %d: ratios per round%s; median %.2fx\n", batch, line, median(r, n) } }' >&2
