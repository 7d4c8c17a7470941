#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds (incl. the native shim), tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
DEEPDSL_SETUP_TEST_TOOLS=1 "$DEEPDSL_ROOT/scripts/setup.sh"
cd "$DEEPDSL_ROOT"
dotnet build DeepDsl.sln -c Release -nologo -v q
mkdir -p artifacts
dotnet test DeepDsl.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee artifacts/test.log
# One closing line with the totals over all test projects, for people and CI.
awk '/^(Passed|Failed)!/ { for (i=1;i<=NF;i++) { if ($i=="Failed:") f+=$(i+1); if ($i=="Passed:") p+=$(i+1); if ($i=="Skipped:") s+=$(i+1) } }
     END { gsub(",", "", p); printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test.log
