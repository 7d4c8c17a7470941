#!/usr/bin/env bash
# A Debian 13 (trixie) chroot on this machine, for DeepDsl's second distribution: libtorch 2.6 from Debian 13's
# libtorch-dev (and the GLIBCXX_3.4.32 that TorchSharp's glue needs). Root only, as CI runs.
#
#   scripts/debian13.sh up           make the chroot once (debootstrap --variant=minbase, ~30 s on an idle machine)
#                                    plus what the host's .NET SDK needs to start there; cached in $DEEPDSL_DEBIAN13
#   scripts/debian13.sh run CMD…     copy this checkout (tracked and untracked, not ignored files) to /root/deepdsl
#                                    in the chroot, ../shared beside it, and run CMD there with bash
#   scripts/debian13.sh path         print the chroot's folder
#
# The chroot shares the host's network, so its local Slurm cluster (scripts/slurm-local.sh) listens on ports of its own
# (DEEPDSL_DEBIAN13_SLURM_PORT, default 6837 and 6838): the host's suite may have left its cluster running on 6817.
# The host's /usr/share/dotnet and CA store (at /etc/ssl/host-certs) are bind-mounted read-only (with SSL_CERT_FILE and offline revocation
# checks, so NuGet answers); /proc, /sys and /dev too. The mounts live in a private mount namespace (unshare), so
# they end with the command, whatever way it ends, and nothing is left mounted on the host.
set -euo pipefail

root="${DEEPDSL_DEBIAN13:-/var/cache/deepdsl/debian13}"
checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mirror="${DEEPDSL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# What `dotnet` itself needs on a minimal Debian 13 (the SDK's documented dependencies; the CA store is the host's,
# bind-mounted); everything DeepDsl needs is installed by its own scripts/setup.sh, which is under test.
dotnet_needs=(libicu76 libssl3t64 zlib1g libstdc++6 libgcc-s1)

say() { echo "debian13: $*" >&2; }

[ "$(id -u)" -eq 0 ] || { say "must run as root (debootstrap and chroot)"; exit 1; }

# Runs a command inside the chroot with the host's SDK, CA store and the kernel file systems mounted.
in_chroot() {
  local shared="$checkout/../shared"
  unshare --mount --propagation private bash -euo pipefail -c '
    root=$1; shared=$2; shift 2
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    # The host CA store beside the one of the chroot (which ca-certificates, when a package pulls it in, writes).
    for pair in /usr/share/dotnet:/usr/share/dotnet /etc/ssl/certs:/etc/ssl/host-certs; do
      mkdir -p "$root${pair#*:}"
      mount --bind "${pair%%:*}" "$root${pair#*:}"
      mount -o remount,bind,ro "$root${pair#*:}"
    done
    # The host NuGet cache: packages are the same on both distributions, and CI then downloads them once.
    if [ -d "$HOME/.nuget/packages" ]; then
      mkdir -p "$root/root/.nuget/packages"
      mount --bind "$HOME/.nuget/packages" "$root/root/.nuget/packages"
    fi
    if [ -d "$shared" ]; then
      mkdir -p "$root/root/shared"
      mount --bind "$shared" "$root/root/shared"
      mount -o remount,bind,ro "$root/root/shared"
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # The chroot is this machine, on its network: it resolves names as the host does (debootstrap leaves /etc/hosts out,
    # and the Slurm daemons, which bind to the address the machine name resolves to, need it to agree with the host).
    cp /etc/hosts "$root/etc/hosts"
    exec chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
      PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      DOTNET_ROOT=/usr/share/dotnet SSL_CERT_FILE=/etc/ssl/host-certs/ca-certificates.crt SSL_CERT_DIR=/etc/ssl/host-certs \
      NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
      DEEPDSL_SLURM_PORT="${DEEPDSL_DEBIAN13_SLURM_PORT:-6837}" \
      DEBIAN_FRONTEND=noninteractive "$@"
  ' in_chroot "$root" "$shared" "$@"
}

up() {
  if [ -f "$root/.deepdsl-ready" ]; then return 0; fi
  command -v debootstrap >/dev/null 2>&1 || {
    say "installing debootstrap (apt)"
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends debootstrap >&2
  }
  [ -f /usr/share/debootstrap/scripts/trixie ] || { say "this debootstrap does not know trixie: update debootstrap"; exit 1; }
  say "making a minimal Debian 13 in $root (debootstrap, about a minute)"
  rm -rf "$root.new"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase trixie "$root.new" "$mirror" > "$(dirname "$root")/debootstrap.log" 2>&1 || {
    tail -n 20 "$(dirname "$root")/debootstrap.log" >&2; say "debootstrap failed (log: $(dirname "$root")/debootstrap.log)"; exit 1; }
  rm -rf "$root"
  mv "$root.new" "$root"
  say "installing what the .NET SDK needs there: ${dotnet_needs[*]}"
  in_chroot apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  in_chroot apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${dotnet_needs[@]}" >&2
  touch "$root/.deepdsl-ready"
}

run() {
  up
  # The checkout's files as a clone has them: tracked files and untracked ones git does not ignore. Build outputs
  # (bin/, obj/, artifacts/) stay from the last run, so a second run builds incrementally. A file whose content changed is
  # copied with the time of now, so that MSBuild and the shim's build see it changed even when the checkout's copy is older
  # than the last build (another checkout's, or an older commit's); an unchanged file keeps its time; one the checkout no
  # longer has goes. (tar alone keeps the checkout's times, and a build from a newer checkout then looked up to date.)
  say "copying the checkout to /root/deepdsl"
  local dest="$root/root/deepdsl" incoming="$root/root/deepdsl.incoming"
  rm -rf "$incoming"
  mkdir -p "$dest" "$incoming"
  (cd "$checkout" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$incoming"
  (cd "$dest" && find . -mindepth 1 -type d \( -name bin -o -name obj -o -path ./artifacts -o -path ./.git \) -prune -o \( -type f -o -type l \) -print0) |
    while IFS= read -r -d '' file; do [ -e "$incoming/$file" ] || [ -L "$incoming/$file" ] || rm -f "$dest/$file"; done
  (cd "$incoming" && find . \( -type f -o -type l \) -print0) |
    while IFS= read -r -d '' file; do
      if [ -L "$incoming/$file" ] || ! cmp -s "$incoming/$file" "$dest/$file"; then
        mkdir -p "$(dirname "$dest/$file")"
        rm -f "$dest/$file"
        cp -P --preserve=mode "$incoming/$file" "$dest/$file"
      fi
    done
  rm -rf "$incoming"
  # And its history, as a clone has it: package versions come from git, and the version-control tests read it.
  rm -rf "$root/root/deepdsl/.git"
  cp -a "$(git -C "$checkout" rev-parse --absolute-git-dir)" "$root/root/deepdsl/.git"
  in_chroot bash -euo pipefail -c 'cd /root/deepdsl && eval "$1"' run "$*"
}

case "${1:-}" in
  up) up ;;
  run) shift; run "$@" ;;
  path) echo "$root" ;;
  *) echo "usage: scripts/debian13.sh up | run CMD… | path" >&2; exit 2 ;;
esac
