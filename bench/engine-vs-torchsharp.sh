#!/usr/bin/env bash
# One epoch of the exercise network at batch 32 and 128, one thread, DeepDsl's TorchSharp engine against a plain
# TorchSharp training loop (bench/TorchSharp.Bench) on the same libtorch (2.10, TorchSharp-cpu 0.107). TorchSharp's glue
# needs GLIBCXX_3.4.32, so both run in the Debian 13 chroot of scripts/debian13.sh (root).
# Usage: bench/engine-vs-torchsharp.sh            (from a checkout; numbers go to docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "== Debian 13 (chroot), TorchSharp 0.107, libtorch 2.10"
scripts/debian13.sh run './deepdsl info >/dev/null &&
  dotnet build bench/Runtime.Bench -c Release -nologo -v q >&2 && dotnet build bench/TorchSharp.Bench -c Release -nologo -v q >&2 &&
  OMP_NUM_THREADS=1 DEEPDSL_ENGINE=torchsharp dotnet bench/Runtime.Bench/bin/Release/net10.0/DeepDsl.Runtime.Bench.dll epoch 32 128 &&
  OMP_NUM_THREADS=1 dotnet bench/TorchSharp.Bench/bin/Release/net10.0/DeepDsl.TorchSharp.Bench.dll 32 128'
