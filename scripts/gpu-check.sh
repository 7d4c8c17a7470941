#!/usr/bin/env bash
# The GPU checks, in one call, for a machine with an NVIDIA GPU and a PyTorch 2.x installation (CUDA build):
#   1. builds the native shim against PyTorch's own libtorch (DEEPDSL_LIBTORCH; the CUDA toolkit is not needed),
#   2. runs the CUDA tests (the op fixtures on cuda, in-place updates, a training step, device errors, 50 training
#      steps on cuda against the CPU, checkpoints between devices) — they fail here, never skip, if no GPU is seen,
#   3. times one epoch of the exercise network at batch 32 and 128 on cpu and on cuda (bench/Runtime.Bench).
# Prints what it ran and the timings; the output is what docs/performance.md records from a lent GPU.
#   scripts/gpu-check.sh            (PYTHON=… names the interpreter whose torch to use; default python3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$DEEPDSL_ROOT"

command -v nvidia-smi >/dev/null 2>&1 || { echo "gpu-check: no nvidia-smi: this machine has no NVIDIA driver" >&2; exit 1; }
nvidia-smi -L
if [ -z "${DEEPDSL_LIBTORCH:-}" ]; then
  DEEPDSL_LIBTORCH="$("${PYTHON:-python3}" -c "import torch, os; print(os.path.dirname(torch.__file__))")" || {
    echo "gpu-check: no PyTorch for ${PYTHON:-python3}: install torch (a CUDA build) or set DEEPDSL_LIBTORCH" >&2; exit 1; }
fi
export DEEPDSL_LIBTORCH
echo "gpu-check: libtorch from $DEEPDSL_LIBTORCH" >&2

scripts/setup.sh
dotnet build tests/Runtime.Tests -c Release -nologo -v q
dotnet build bench/Runtime.Bench -c Release -nologo -v q
# A CUDA test skips when libtorch sees no GPU: here that would hide the point, so count the skips as failures.
DEEPDSL_REQUIRE_CUDA=1 dotnet test tests/Runtime.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Cuda" --logger "console;verbosity=normal"

bench="dotnet bench/Runtime.Bench/bin/Release/net10.0/DeepDsl.Runtime.Bench.dll"
OMP_NUM_THREADS=1 $bench epoch 32 128
DEEPDSL_BENCH_DEVICE=cuda $bench epoch 32 128
