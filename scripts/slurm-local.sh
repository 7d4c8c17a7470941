#!/usr/bin/env bash
# A real one-node Slurm cluster on this host, for the tests and for trying sweeps by hand.
#   scripts/slurm-local.sh up       install what is missing, start munged, slurmctld, slurmd; wait for the node
#   scripts/slurm-local.sh down     stop what `up` started (jobs still queued or running are cancelled)
#   scripts/slurm-local.sh status   exit 0 when the controller answers and the node takes jobs
#   scripts/slurm-local.sh env      the exports a shell needs to talk to the cluster
# Everything (config, keys, state, spool, logs, pid files) lives in one folder,
# ${DEEPDSL_SLURM_HOME:-/tmp/deepdsl-slurm}; nothing system-wide is written except what apt installs.
# Daemons are started directly (containers have no systemd) and listen on 127.0.0.1 only.
# Why each setting: docs/scale-out.md, "A local Slurm cluster".
set -euo pipefail

home="${DEEPDSL_SLURM_HOME:-/tmp/deepdsl-slurm}"
port="${DEEPDSL_SLURM_PORT:-6817}"   # slurmctld; slurmd takes the next port
conf="$home/etc/slurm.conf"
socket="$home/munge/munge.socket"
node="$(hostname -s)"
# The daemons bind to the address the node's name resolves to (NoCtldInAddrAny, NoInAddrAny), so that is where everyone
# reaches them: 127.0.0.1 on some machines, 127.0.1.1 where Debian's installer wrote /etc/hosts. Set by node_address.
addr=""

say() { echo "slurm-local: $*" >&2; }

# Exported for every Slurm command below: Debian's built-in default is /etc/slurm/slurm.conf.
export SLURM_CONF="$conf"

install_missing() {
  local missing=()
  command -v slurmctld >/dev/null 2>&1 || missing+=(slurm-wlm)
  command -v munged >/dev/null 2>&1 || missing+=(munge)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing ${missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt may be running (other checkouts on the same machine): wait for its lock.
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# A killed daemon stays a zombie until someone reaps it (a container's init may never): that is not alive.
alive() { [ -s "$1" ] && [[ "$(ps -o stat= -p "$(cat "$1")" 2>/dev/null)" =~ ^[^Z] ]]; }

node_state() { sinfo -h -N -n "$node" -o %t 2>/dev/null | head -n 1 || true; }

# The controller answers and the node takes jobs (idle, or busy with some). Asked only when this folder's controller
# runs: without a slurm.conf, Slurm's tools look the controller up in DNS (configless mode), which can hang for minutes
# where DNS is unreachable.
answers() {
  [ -f "$conf" ] && alive "$home/run/slurmctld.pid" && scontrol ping >/dev/null 2>&1 &&
    [[ "$(node_state)" =~ ^(idle|mix|alloc|comp) ]]
}

start_munge() {
  alive "$home/munge/munged.pid" && return
  if [ ! -s "$home/munge/munge.key" ]; then
    say "writing a new munge key"
    mungekey --create --keyfile="$home/munge/munge.key"
  fi
  chmod 0600 "$home/munge/munge.key"
  # --force: start even over a socket a killed munged left behind, or in a folder others may write to
  # (a DEEPDSL_SLURM_HOME in a shared place); munged would otherwise refuse, as it does for /run.
  munged --force --key-file="$home/munge/munge.key" --socket="$socket" \
    --pid-file="$home/munge/munged.pid" --log-file="$home/log/munged.log" \
    --seed-file="$home/munge/munged.seed" </dev/null >>"$home/log/munged.log" 2>&1
}

# The node's IPv4 address; only a loopback one, since nothing of this cluster may listen beyond this machine.
node_address() {
  addr="$(getent ahostsv4 "$node" 2>/dev/null | awk 'NR == 1 { print $1 }')"
  [ -n "$addr" ] || { say "this machine's name '$node' does not resolve: add '127.0.1.1 $node' to /etc/hosts"; exit 1; }
  [[ "$addr" == 127.* ]] || { say "'$node' resolves to $addr, not a loopback address; the local cluster listens on loopback only: map '$node' to 127.0.1.1 in /etc/hosts"; exit 1; }
  # srun's own listener binds to this address too, but slurmd answers it from 127.0.0.1: its steps never connect (Slurm 22–24).
  [ "$addr" = 127.0.0.1 ] || say "note: '$node' resolves to $addr: batch jobs run, but srun steps (data-parallel trials) cannot connect back; map '$node' to 127.0.0.1 in /etc/hosts for those"
}

# The whole configuration: one node (this host), one partition, no accounting, no cgroups.
write_config() {
  local cpus mem_mib
  cpus="$(nproc)"
  # Registered memory may not exceed what slurmd measures, which is a little less than MemTotal.
  mem_mib=$(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 * 95 / 100 ))
  local tmp="$conf.tmp"
  cat >"$tmp" <<EOF
# Written by scripts/slurm-local.sh; rewritten on every \`up\`. Why: docs/scale-out.md.
ClusterName=deepdsl
SlurmctldHost=$node($addr)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket,cred_expire=5
StateSaveLocation=$home/state
SlurmdSpoolDir=$home/spool
SlurmctldPidFile=$home/run/slurmctld.pid
SlurmdPidFile=$home/run/slurmd.pid
SlurmctldLogFile=$home/log/slurmctld.log
SlurmdLogFile=$home/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1,sched_min_interval=100000
JobRequeue=1
ReturnToService=2
MinJobAge=30
SlurmctldTimeout=10
SlurmdTimeout=10
MessageTimeout=5
BatchStartTimeout=10
KillWait=5
InactiveLimit=0
Waittime=0
NodeName=$node NodeHostname=$node NodeAddr=$addr CPUs=$cpus RealMemory=$mem_mib State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$tmp" "$conf"
}

wait_for_idle() {
  local started=$SECONDS state="" why=""
  while [ $((SECONDS - started)) -lt 60 ]; do
    state="$(node_state)"
    [[ "$state" =~ ^(idle|mix|alloc|comp) ]] && return 0
    # A daemon that exited (a port in use, a bad config) will not come back: say so now, not in a minute.
    if [ $((SECONDS - started)) -ge 3 ]; then
      alive "$home/run/slurmctld.pid" || { why="slurmctld is not running"; break; }
      alive "$home/run/slurmd.pid" || { why="slurmd is not running"; break; }
    fi
    sleep 0.5
  done
  say "the node did not become idle (${why:-60 s}; state: '${state:-no answer}'); log tails:"
  for log in munged slurmctld slurmd; do
    echo "--- $home/log/$log.log" >&2
    tail -n 15 "$home/log/$log.log" >&2 2>/dev/null || true
  done
  return 1
}

up() {
  if alive "$home/run/slurmctld.pid" && alive "$home/run/slurmd.pid" && answers; then
    say "already running ($home)"
    echo "export SLURM_CONF=$conf"
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || { say "the daemons must run as root (slurmd switches to each job's user): try sudo"; exit 1; }
  install_missing
  mkdir -p "$home"/{etc,munge,state,spool,run,log}
  # munged wants its socket's folder writable by no one else, and searchable by all (clients).
  chmod 0755 "$home/munge"
  start_munge
  node_address
  write_config
  # setsid: the daemons must not belong to the caller's process group (a test runner kills that).
  alive "$home/run/slurmctld.pid" || setsid slurmctld -f "$conf" </dev/null >>"$home/log/slurmctld.log" 2>&1
  alive "$home/run/slurmd.pid" || setsid slurmd -f "$conf" </dev/null >>"$home/log/slurmd.log" 2>&1
  wait_for_idle
  say "up: node $node, $(nproc) CPUs, controller $addr:$port ($home)"
  echo "export SLURM_CONF=$conf"
}

stop() {
  local pidfile="$1" pid
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pidfile"
}

down() {
  # Jobs would otherwise be recovered, and run again, by the next `up`.
  if alive "$home/run/slurmctld.pid"; then
    scancel --quiet --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 20); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  # Together: each daemon takes a second or two to wind down, and none needs another to do so.
  stop "$home/run/slurmd.pid" & stop "$home/run/slurmctld.pid" & stop "$home/munge/munged.pid" &
  wait
  say "down ($home)"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) answers ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
