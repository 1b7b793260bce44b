#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on this machine, for the scale-out test and for trying deploy/slurm/:
# munged (its own key and socket) + slurmctld + slurmd for one node on 127.0.0.1, no cgroups, no accounting.
# Everything lives under $CHATLAB_SLURM_DIR (default /tmp/chatlab-slurm); nothing in /etc is changed.
#
#   scripts/slurm_local.sh start    start (or reuse) the cluster; prints the export line for SLURM_CONF
#   scripts/slurm_local.sh stop     stop what start started (by the pids it recorded)
#   scripts/slurm_local.sh env      print the export line
#
# Needs Debian's slurm-wlm and munge (scripts/setup.sh --test installs them) and root (slurmd runs jobs as any
# user). Ports: $CHATLAB_SLURM_PORT (slurmctld, default 16817) and the next one (slurmd).
set -euo pipefail

dir=${CHATLAB_SLURM_DIR:-/tmp/chatlab-slurm}
port=${CHATLAB_SLURM_PORT:-16817}
conf=$dir/slurm.conf
socket=$dir/munge/munge.socket.2

say() { echo "slurm_local: $*" >&2; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Starts a daemon with no signal blocked (a test runner's child inherits a mask that blocks SIGTERM, which a
# daemon keeps, so it could not be stopped) and none of our open files, inherited ones included (a caller reading
# our output until it ends would wait for the daemon forever).
daemon() {
  python3 -c '
import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
os.closerange(3, os.sysconf("SC_OPEN_MAX"))
os.execvp(sys.argv[1], sys.argv[1:])' "$@" </dev/null >>"$dir/daemons.out" 2>&1
}

write_conf() {
  local node cpus
  node=$(hostname -s)
  cpus=$(nproc)
  cat >"$conf" <<CONF
# Written by scripts/slurm_local.sh: one node, no cgroups, no accounting.
ClusterName=chatlab
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=300
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  for tool in munged mungekey slurmctld slurmd sinfo python3; do
    command -v "$tool" >/dev/null || { say "$tool not found: install slurm-wlm and munge (scripts/setup.sh --test)"; exit 3; }
  done
  [ "$(id -u)" -eq 0 ] || { say "needs root (slurmd starts jobs as their user)"; exit 3; }
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  chmod 700 "$dir/munge"
  if ! alive "$dir/munged.pid"; then
    [ -s "$dir/munge.key" ] || mungekey --create --keyfile="$dir/munge.key" --bits=1024
    chmod 400 "$dir/munge.key"
    daemon munged --force --socket="$socket" --key-file="$dir/munge.key" --pid-file="$dir/munged.pid" \
      --log-file="$dir/munged.log" --seed-file="$dir/munged.seed"
  fi
  write_conf
  export SLURM_CONF=$conf
  alive "$dir/slurmctld.pid" || daemon slurmctld -f "$conf" -i
  alive "$dir/slurmd.pid" || daemon slurmd -f "$conf"
  # Ready when the node is idle (or mixed/allocated by jobs already there).
  for _ in $(seq 1 60); do
    state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
    case "$state" in
      idle*|mixed*|allocated*) echo "export SLURM_CONF=$conf"; return 0 ;;
    esac
    sleep 0.5
  done
  say "the node did not come up (state: '${state:-none}'); see $dir/slurmctld.log and $dir/slurmd.log"
  tail -5 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  exit 1
}

stop() {
  for daemon in slurmd slurmctld munged; do
    if alive "$dir/$daemon.pid"; then
      pid=$(cat "$dir/$daemon.pid")
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$dir/$daemon.pid"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
