#!/usr/bin/env bash
# One epoch of the exercise network at batch 32 and 128, one thread, DeepDsl's native engine against PyTorch-Python on
# the same libtorch: libtorch 1.13 on this Debian 12 machine, and libtorch 2.6 with Debian 13's python3-torch in the
# chroot of scripts/debian13.sh (root). Installs python3-torch where it is missing (apt), saying so.
# Usage: bench/engine-vs-pytorch.sh            (from a checkout; numbers go to docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench='dotnet bench/Runtime.Bench/bin/Release/net10.0/DeepDsl.Runtime.Bench.dll epoch 32 128'
python='/usr/bin/python3 bench/pytorch_epoch.py 32 128'
install_pytorch='dpkg -s python3-torch >/dev/null 2>&1 || { echo "bench: installing python3-torch (apt)" >&2;
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends python3-torch >&2; }'

echo "== Debian 12, libtorch 1.13"
bash -c "$install_pytorch"
dotnet build bench/Runtime.Bench -c Release -nologo -v q >&2
OMP_NUM_THREADS=1 $bench
OMP_NUM_THREADS=1 $python

echo "== Debian 13 (chroot), libtorch 2.6"
scripts/debian13.sh run "$install_pytorch
  ./deepdsl info >/dev/null && dotnet build bench/Runtime.Bench -c Release -nologo -v q >&2
  OMP_NUM_THREADS=1 $bench
  OMP_NUM_THREADS=1 $python"
