#!/usr/bin/env bash
# Test-only: headless Chromium for the tests that look at what DeepDsl draws (plots, compare pages).
#   scripts/browser.sh install                       installs chromium (apt) when missing, and says so
#   scripts/browser.sh dom FILE.html                 prints the DOM Chromium builds from the file
#   scripts/browser.sh png FILE OUT.png [W H]        renders FILE (.svg or .html) to a PNG
set -euo pipefail

install() {
  command -v chromium >/dev/null 2>&1 && return 0
  echo "deepdsl browser: installing chromium (apt), for the plot and page tests" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >&2
}

# A throwaway profile: no state shared between runs, nothing written to $HOME.
run_chromium() {
  local profile
  profile=$(mktemp -d)
  trap 'rm -rf "$profile"' RETURN
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --virtual-time-budget=2000 "$@" 2>/dev/null
}

case "${1:-}" in
  install) install ;;
  dom) install; run_chromium --dump-dom "file://$(realpath "$2")" ;;
  png) install; run_chromium --screenshot="$(realpath -m "$3")" --window-size="${4:-1600},${5:-900}" "file://$(realpath "$2")" ;;
  *) echo "usage: $0 install | dom FILE.html | png FILE OUT.png [W H]" >&2; exit 2 ;;
esac
