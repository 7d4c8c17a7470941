# Sourced by the setup scripts (setup.sh, browser.sh): apt_install PACKAGE... installs packages through apt, with sudo when
# not root. apt-get update runs once per script run (exported, so a script that setup.sh starts does not repeat it): an
# image with its package lists cleaned has nothing to install from without it. The lock timeout: other checkouts on the
# machine may be installing at the same moment. Idempotent: apt leaves installed packages as they are.
apt_install() {
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  if [ "${DEEPDSL_APT_UPDATED:-0}" != 1 ]; then
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    export DEEPDSL_APT_UPDATED=1
  fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >&2
}
