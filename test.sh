#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds (incl. the native shim), tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
DEEPDSL_SETUP_TEST_TOOLS=1 "$DEEPDSL_ROOT/scripts/setup.sh"
cd "$DEEPDSL_ROOT"
dotnet build DeepDsl.sln -c Release -nologo -v q
mkdir -p artifacts
dotnet test DeepDsl.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee artifacts/test.log
# Each test process's scratch folder (tests/TestTemporaryFolder.cs) goes with it; the test host is ended without running
# its exit handlers, so the folders of processes that have ended are deleted here.
for folder in "${TMPDIR:-/tmp}"/deepdsl-tests-*; do [ -d "$folder" ] && [ ! -d "/proc/${folder##*-}" ] && rm -rf "$folder"; done
# The second distribution: a minimal Debian 13 with its libtorch 2.6, in a chroot scripts/debian13.sh makes and
# caches (root only, as CI runs). There, from a copy of this checkout: the README's run command (which installs
# what is missing with scripts/setup.sh and builds the shim against libtorch 2.6), then the runtime tests.
if [ "${DEEPDSL_SKIP_DEBIAN13:-0}" = 1 ]; then
  echo "test.sh: DEEPDSL_SKIP_DEBIAN13=1: the Debian 13 (libtorch 2.6) stage is not run" >&2
elif [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: the Debian 13 stage needs root (debootstrap, chroot); run as root, or set DEEPDSL_SKIP_DEBIAN13=1 to leave it out" >&2
  exit 1
else
  # Then the TorchSharp engine (libtorch 2.10, whose glue needs Debian 13's libstdc++): the quickstart with --engine
  # torchsharp, the runtime tests on it, and the tests of choosing it (the CLI's option, a project referencing TorchSharp-cpu).
  echo "test.sh: Debian 13 in a chroot: the README's run command and the runtime tests on libtorch 2.6, then on the TorchSharp engine" >&2
  scripts/debian13.sh run './deepdsl run experiments/quickstart.yaml --runs artifacts/debian13-runs &&
    ./deepdsl run experiments/quickstart.yaml --engine torchsharp --runs artifacts/debian13-torchsharp-runs &&
    source scripts/env.sh && dotnet test tests/Runtime.Tests -c Release -nologo --logger "console;verbosity=minimal" &&
    DEEPDSL_ENGINE=torchsharp dotnet test tests/Runtime.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal" &&
    dotnet test tests/Cli.Tests -c Release -nologo --logger "console;verbosity=minimal" --filter "FullyQualifiedName~EngineChoiceCliTests" &&
    dotnet test tests/Packaging.Tests -c Release -nologo --logger "console;verbosity=minimal" --filter "FullyQualifiedName~TorchSharpProjectTests"' 2>&1 |
    tee artifacts/test-debian13.log
fi
# One closing line with the totals over all test projects, for people and CI.
awk '/^(Passed|Failed)!/ { for (i=1;i<=NF;i++) { if ($i=="Failed:") f+=$(i+1); if ($i=="Passed:") p+=$(i+1); if ($i=="Skipped:") s+=$(i+1) } }
     END { gsub(",", "", p); printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test.log $([ -f artifacts/test-debian13.log ] && [ "${DEEPDSL_SKIP_DEBIAN13:-0}" != 1 ] && echo artifacts/test-debian13.log)
