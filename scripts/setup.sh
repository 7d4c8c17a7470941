#!/usr/bin/env bash
# Installs what DeepDsl needs and is missing, and says so; does nothing when all is there.
#   apt: libtorch-dev (libtorch 1.13, CPU), libopenblas0-pthread (fast BLAS: without it libtorch
#   falls back to the reference BLAS, 3-4x slower), libgloo-dev (gloo's headers, for data-parallel
#   training on libtorch's c10d), cmake, make and g++ (to build the native shim), nodejs and npm (the CLI's
#   build bundles deepdsl board's charting library with npm ci: src/Cli/Board/Board.targets).
#   With DEEPDSL_SETUP_TEST_TOOLS=1 (./test.sh): ajv (npm), slurm-wlm, munge, git, neovim and tmux (apt).
# The native shim itself is built by MSBuild (src/Runtime/native/Native.targets) on the first build.
set -euo pipefail
. "$(dirname "$0")/apt.sh"

missing=()
dpkg -s libtorch-dev >/dev/null 2>&1 || missing+=(libtorch-dev)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || missing+=(libopenblas0-pthread)
dpkg -s libgloo-dev >/dev/null 2>&1 || missing+=(libgloo-dev)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
# cmake's default generator; a minimal Debian 13 has no make (Debian 12's cmake happened to pull it in).
command -v make >/dev/null 2>&1 || missing+=(make)
# The CLI's build installs the board's charting library from its committed lock (npm ci).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "deepdsl setup: installing ${missing[*]} (apt)" >&2
  apt_install "${missing[@]}"
fi

# The test suite checks the JSON Schema with a real validator (ajv) from the npm registry.
# npm itself is installed above, with what the build needs.
if [ "${DEEPDSL_SETUP_TEST_TOOLS:-0}" = 1 ] && [ ! -d "$(dirname "$0")/../artifacts/node-tools/node_modules/ajv" ]; then
  echo "deepdsl setup: installing ajv (npm) into artifacts/node-tools" >&2
  mkdir -p "$(dirname "$0")/../artifacts/node-tools"
  npm install --silent --no-audit --no-fund --prefix "$(dirname "$0")/../artifacts/node-tools" ajv@8 >&2
fi

# The plot and page tests look at figures in headless Chromium (scripts/browser.sh).
if [ "${DEEPDSL_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  "$(dirname "$0")/browser.sh" install
fi

# The sweep tests submit real job arrays to a one-node Slurm cluster (scripts/slurm-local.sh).
if [ "${DEEPDSL_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  slurm_missing=()
  dpkg -s slurm-wlm >/dev/null 2>&1 || slurm_missing+=(slurm-wlm)
  dpkg -s munge >/dev/null 2>&1 || slurm_missing+=(munge)
  if [ ${#slurm_missing[@]} -gt 0 ]; then
    echo "deepdsl setup: installing ${slurm_missing[*]} (apt), for the local Slurm cluster the sweep tests use" >&2
    apt_install "${slurm_missing[@]}"
  fi
fi

# Programs the tests drive as users have them, each installed from apt where it is missing (a bare machine or chroot).
test_tool() {
  local command="$1" package="$2" why="$3"
  [ "${DEEPDSL_SETUP_TEST_TOOLS:-0}" = 1 ] && ! command -v "$command" >/dev/null 2>&1 || return 0
  echo "deepdsl setup: installing $package (apt), $why" >&2
  apt_install "$package"
}
test_tool git git "which the version-control and package tests run"
test_tool nvim neovim "the editor the language server's tests drive (tests/Cli.Tests/LanguageServer)"
test_tool tmux tmux "the terminal the live-display tests run deepdsl in"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "deepdsl setup: the .NET SDK (10.0) is required: https://dot.net" >&2
  exit 1
fi
