#!/usr/bin/env bash
# A private one-node Slurm cluster on localhost, for the README's job-array examples and for scripts/slurm-smoke.sh.
#
#   bash scripts/slurm-cluster.sh start [DIR]   install slurm-wlm and munge if missing, start munged, slurmctld and
#                                               slurmd with everything under DIR (default /tmp/rnnmem-slurm), wait
#                                               until the node is idle; prints the SLURM_CONF line to use
#   bash scripts/slurm-cluster.sh stop [DIR]    stop exactly the daemons that start recorded in DIR/pids
#   bash scripts/slurm-cluster.sh status [DIR]  sinfo of the cluster in DIR (exit 1 when it is not up)
#
# Slurm's clients (sbatch, squeue, sinfo) find the cluster through SLURM_CONF=DIR/slurm.conf, e.g.
# `SLURM_CONF=/tmp/rnnmem-slurm/slurm.conf sbatch --wait job.sbatch`. Runs without systemd and without cgroups
# (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none), as root or through sudo. Everything the cluster writes —
# munge key and socket, slurm.conf, state, spool, logs — lives in DIR, so an existing Slurm or munge installation is
# neither used nor touched. Ports: SLURM_PORT (slurmctld, default 26817) and SLURM_PORT + 1 (slurmd). The partition
# is named `debug`; the node is this machine as `slurmd -C` detects it. The daemons are started in their own
# session (setsid), so they outlive this script until `stop`.
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:-}
DIR=${2:-/tmp/rnnmem-slurm}
PORT=${SLURM_PORT:-26817}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
say() { printf 'slurm-cluster: %s\n' "$*" >&2; }

running() {
    [ -f "$DIR/pids" ] || return 1
    local pid
    while read -r pid; do $SUDO kill -0 "$pid" 2>/dev/null || return 1; done < "$DIR/pids"
}

stop_cluster() {
    [ -f "$DIR/pids" ] || { say "no cluster recorded in $DIR"; return 0; }
    local pid
    while read -r pid; do $SUDO kill -TERM "$pid" 2>/dev/null || true; done < "$DIR/pids"
    while read -r pid; do
        for _ in $(seq 50); do $SUDO kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        $SUDO kill -KILL "$pid" 2>/dev/null || true
    done < "$DIR/pids"
    rm -f "$DIR/pids"
    say "stopped the cluster in $DIR"
}

start_cluster() {
    if running; then
        say "already running in $DIR"
        echo "SLURM_CONF=$DIR/slurm.conf"
        return 0
    fi
    if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
        || ! command -v munged >/dev/null; then
        say "installing slurm-wlm and munge with apt-get"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
    fi
    $SUDO rm -rf "$DIR"
    mkdir -p "$DIR/munge" "$DIR/log" "$DIR/state" "$DIR/spool" "$DIR/run"
    chmod 755 "$DIR"
    chmod 700 "$DIR/munge"
    head -c 1024 /dev/urandom > "$DIR/munge/munge.key"
    chmod 400 "$DIR/munge/munge.key"
    : > "$DIR/pids"
    local socket=$DIR/munge/munge.socket
    $SUDO setsid munged --foreground --force --key-file="$DIR/munge/munge.key" --socket="$socket" \
        --pid-file="$DIR/munge/munged.pid" --log-file="$DIR/log/munged.log" --seed-file="$DIR/munge/munged.seed" \
        </dev/null >"$DIR/log/munged.out" 2>&1 &
    echo $! >> "$DIR/pids"
    for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
    munge -n -S "$socket" | unmunge -S "$socket" | grep -q "STATUS: *Success" \
        || { say "munge does not work (see $DIR/log/munged.log)"; return 1; }

    local host node
    host=$(hostname -s)
    # The node line as slurmd detects this machine (CPUs, sockets, cores, threads, memory), so the node registers
    # without a mismatch that would drain it.
    node=$(slurmd -C | head -n 1)
    export SLURM_CONF=$DIR/slurm.conf
    cat > "$SLURM_CONF" <<CONF
ClusterName=rnnmem
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    # The daemons log to their log files; their own standard streams go to *.out beside them.
    $SUDO env SLURM_CONF="$SLURM_CONF" setsid slurmctld -D -c </dev/null >"$DIR/log/slurmctld.out" 2>&1 &
    echo $! >> "$DIR/pids"
    sleep 2
    $SUDO env SLURM_CONF="$SLURM_CONF" setsid slurmd -D </dev/null >"$DIR/log/slurmd.out" 2>&1 &
    echo $! >> "$DIR/pids"
    local state=""
    for _ in $(seq 60); do
        state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
        [ "$state" = idle ] && break
        sleep 1
    done
    if [ "$state" != idle ]; then
        say "the node did not become idle (state '$state'); logs in $DIR/log"
        stop_cluster
        return 1
    fi
    say "one-node cluster up: $host idle, partition debug, $(slurmctld -V)"
    echo "SLURM_CONF=$DIR/slurm.conf"
}

case "$action" in
    start) start_cluster ;;
    stop) stop_cluster ;;
    status)
        running || { say "no cluster running in $DIR"; exit 1; }
        SLURM_CONF=$DIR/slurm.conf sinfo
        ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) echo "usage: bash scripts/slurm-cluster.sh start|stop|status [DIR]" >&2; exit 2 ;;
esac
