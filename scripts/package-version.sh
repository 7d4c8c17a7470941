#!/bin/sh
# The prerelease part of a local build's version (docs/architecture.md, "Versions"), printed on one
# line: dev.<commits>.g<short sha>; with `pack`, when the working tree differs from HEAD, also
# .dirty-<tree>, the id of the tree those files would commit (untracked ones too, ignored ones not),
# computed in a temporary index so that nothing is staged. Two packs of different content never share
# a version, so NuGet's cache never serves an old package under a new pack's name. Exit 1 without git.
set -e
cd "$(dirname "$0")/.."
height=$(git rev-list --count HEAD)
sha=$(git rev-parse --short=7 HEAD)
suffix="dev.$height.g$sha"
if [ "${1:-}" = pack ]; then
  index=$(mktemp)
  trap 'rm -f "$index"' EXIT
  cp "$(git rev-parse --git-path index)" "$index"
  tree=$(GIT_INDEX_FILE="$index" git add -A && GIT_INDEX_FILE="$index" git write-tree)
  [ "$tree" = "$(git rev-parse 'HEAD^{tree}')" ] || suffix="$suffix.dirty-$(printf %s "$tree" | cut -c1-7)"
fi
printf '%s\n' "$suffix"
