#!/usr/bin/env bash
# Test-only: headless Chromium for the tests that look at what DeepDsl draws (plots, compare pages).
#   scripts/browser.sh install                       installs chromium (apt) when missing, and says so
#   scripts/browser.sh dom FILE.html                 prints the DOM Chromium builds from the file
#   scripts/browser.sh png FILE OUT.png [W H]        renders FILE (.svg or .html) to a PNG
#   scripts/browser.sh layout FILE W H               opens FILE (.svg or .html) in a W×H window and prints, as JSON, the
#                                                    window's width, the page's scroll width and the box of every text
#                                                    element (page coordinates) as the browser lays them out
set -euo pipefail
. "$(dirname "$0")/apt.sh"

install() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  echo "deepdsl browser: installing chromium (apt), for the plot and page tests" >&2
  apt_install chromium chromium-driver fonts-dejavu-core
}

# A throwaway profile: no state shared between runs, nothing written to $HOME.
run_chromium() {
  local profile
  profile=$(mktemp -d)
  trap 'rm -rf "$profile"' RETURN
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --virtual-time-budget=2000 "$@" 2>/dev/null
}

# The page measures itself once loaded: the script is added to a copy of FILE (the file itself is not changed), and
# its answer comes back base64-encoded in the dumped DOM, so no label text can break the markers around it.
layout() {
  local work copy
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  copy="$work/$(basename "$1")"
  local script='window.addEventListener("load", () => {
  const root = document.scrollingElement || document.documentElement;
  const texts = [...document.querySelectorAll("text")].map(t => { const r = t.getBoundingClientRect();
    return { text: t.textContent, role: t.getAttribute("data-role"), left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY }; });
  const answer = JSON.stringify({ innerWidth: innerWidth, scrollWidth: root.scrollWidth, texts: texts });
  const out = document.createElementNS(document.documentElement.namespaceURI, document.documentElement.namespaceURI.endsWith("svg") ? "desc" : "pre");
  out.textContent = "DEEPDSL-LAYOUT:" + btoa(String.fromCharCode(...new TextEncoder().encode(answer))) + ":DEEPDSL-LAYOUT";
  out.setAttribute("style", "display:none");
  document.documentElement.appendChild(out);
});'
  case "$1" in
    *.svg) python3 - "$1" "$copy" "$script" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
end = text.rindex("</svg>")
open(sys.argv[2], "w", encoding="utf-8").write(text[:end] + "<script><![CDATA[" + sys.argv[3] + "]]></script>" + text[end:])
PY
    ;;
    *) python3 - "$1" "$copy" "$script" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
end = text.rindex("</body>")
open(sys.argv[2], "w", encoding="utf-8").write(text[:end] + "<script>" + sys.argv[3] + "</script>" + text[end:])
PY
    ;;
  esac
  run_chromium --window-size="$2,$3" --dump-dom "file://$copy" | sed -n 's/.*DEEPDSL-LAYOUT:\([A-Za-z0-9+/=]*\):DEEPDSL-LAYOUT.*/\1/p' | base64 -d
}

case "${1:-}" in
  install) install ;;
  dom) install; run_chromium --dump-dom "file://$(realpath "$2")" ;;
  png) install; run_chromium --screenshot="$(realpath -m "$3")" --window-size="${4:-1600},${5:-900}" "file://$(realpath "$2")" ;;
  layout) [ $# -eq 4 ] || { echo "usage: $0 layout FILE W H" >&2; exit 2; }; install; layout "$(realpath "$2")" "$3" "$4" ;;
  *) echo "usage: $0 install | dom FILE.html | png FILE OUT.png [W H] | layout FILE W H" >&2; exit 2 ;;
esac
