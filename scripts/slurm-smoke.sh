#!/usr/bin/env bash
# Slurm smoke test of `rnnmem sweep` : start a private one-node Slurm cluster on localhost, run
# data/sweeps/smoke.json as a 4-task job array (`rnnmem sweep slurm` + `sbatch --wait`), resubmit two of the tasks
# after deleting two of their results (only those two cells must be recomputed), collect, and check that the
# collected table equals an unsharded `rnnmem sweep run` of the same grid, cell for cell (every column except the
# wall time: status, exit status, the losses and the weights' checksum). About 20 s once the packages are installed
# (apt-get adds about 25 s on first use).
#
# Needs Debian's slurm-wlm and munge (installed with apt-get, through sudo when not root). Runs without systemd
# and without cgroups (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none). Everything the cluster writes —
# munge key and socket, slurm.conf (found through SLURM_CONF), state, spool, logs, ports 26817/26818 — lives in a
# fresh temporary folder, so an existing Slurm or munge installation is neither used nor touched. The daemons
# (munged, slurmctld, slurmd) run in the foreground as background jobs of this script, which records their
# process ids and stops exactly those at exit.
#
# Usage: bash scripts/slurm-smoke.sh        (RNNMEM=path/to/rnnmem to test another binary than .build/debug/rnnmem;
#                                            KEEP=1 keeps the temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
START=$(date +%s)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { printf 'slurm-smoke: %s\n' "$*"; }
elapsed() { echo $(( $(date +%s) - START )); }

# 1. Packages.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge with apt-get"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
say "$(slurmctld -V), $(munged --version 2>&1 | head -n 1) ($(elapsed) s)"

# 2. rnnmem.
RNNMEM=${RNNMEM:-$ROOT/.build/debug/rnnmem}
if [ ! -x "$RNNMEM" ]; then
    say "building rnnmem (swift build)"
    swift build >/dev/null
fi
RNNMEM=$(cd "$(dirname "$RNNMEM")" && pwd)/$(basename "$RNNMEM")

# 3. A private cluster in a temporary folder; stopped at exit by process id.
WORK=$(mktemp -d /tmp/rnnmem-slurm-smoke.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    local status=$?
    local pid
    for pid in "${PIDS[@]}"; do $SUDO kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do $SUDO kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        $SUDO kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        say "FAILED (status $status) after $(elapsed) s; logs:"
        for log in "$WORK"/log/*.log "$WORK"/log/*.out "$WORK"/sharded/logs/*.out; do
            [ -f "$log" ] && { echo "--- $log"; tail -n 25 "$log"; }
        done
    fi
    if [ "${KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
        say "kept $WORK"
    else
        $SUDO rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK/munge" "$WORK/log" "$WORK/state" "$WORK/spool" "$WORK/run"
chmod 700 "$WORK/munge"
head -c 1024 /dev/urandom > "$WORK/munge/munge.key"
chmod 400 "$WORK/munge/munge.key"
SOCKET=$WORK/munge/munge.socket
$SUDO munged --foreground --force --key-file="$WORK/munge/munge.key" --socket="$SOCKET" \
    --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/log/munged.log" --seed-file="$WORK/munge/munged.seed" \
    >"$WORK/log/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$SOCKET" ] && break; sleep 0.1; done
munge -n -S "$SOCKET" | unmunge -S "$SOCKET" | grep -q "STATUS: *Success" \
    || { say "munge does not work (see $WORK/log/munged.log)"; exit 1; }

HOST=$(hostname -s)
# The node line as slurmd detects this machine (CPUs, sockets, cores, threads, memory), so the node registers
# without a mismatch that would drain it.
NODE=$(slurmd -C | head -n 1)
export SLURM_CONF=$WORK/slurm.conf
cat > "$SLURM_CONF" <<CONF
ClusterName=rnnmemsmoke
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=26817
SlurmdPort=26818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
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
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/run/slurmctld.pid
SlurmdPidFile=$WORK/run/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ReturnToService=2
$NODE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
# The daemons log to their log files; their own standard streams go to *.out beside them.
$SUDO env SLURM_CONF="$SLURM_CONF" slurmctld -D -c >"$WORK/log/slurmctld.out" 2>&1 &
PIDS+=($!)
sleep 2
$SUDO env SLURM_CONF="$SLURM_CONF" slurmd -D >"$WORK/log/slurmd.out" 2>&1 &
PIDS+=($!)
state=""
for _ in $(seq 60); do
    state=$(sinfo -h -n "$HOST" -o %T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 1
done
[ "$state" = idle ] || { say "the node did not become idle (state '$state')"; exit 1; }
CLUSTER_UP=$(elapsed)
say "one-node cluster up: $HOST idle ($CLUSTER_UP s)"

# 4. The smoke grid as a job array of 4 shards.
CONFIG=data/sweeps/smoke.json
"$RNNMEM" sweep slurm "$CONFIG" --shards 4 --partition debug --time 10 --output-dir "$WORK/sharded" \
    --output "$WORK/job.sh"
T0=$(date +%s)
timeout 900 sbatch --wait --quiet "$WORK/job.sh" || { say "sbatch --wait failed"; squeue || true; exit 1; }
ARRAY_TIME=$(( $(date +%s) - T0 ))
say "job array finished ($ARRAY_TIME s)"
for task in 0 1 2 3; do
    ls "$WORK"/sharded/logs/slurm-*_"$task".out >/dev/null \
        || { say "no Slurm log of array task $task"; exit 1; }
    n=$(grep -l "\"shard\": \"$task/4\"" "$WORK"/sharded/results/cell-*.json | wc -l)
    [ "$n" -eq 3 ] || { say "array task $task wrote $n results, expected 3"; exit 1; }
done

# 5. Resubmitting only some array tasks (sbatch --array=1,3) after losing two of their results: the script's fixed
#    shard count keeps the shard specs right, the lost cells are recomputed and every other result is untouched.
rm "$WORK/sharded/results/cell-000001.json" "$WORK/sharded/results/cell-000007.json"
(cd "$WORK/sharded/results" && md5sum cell-*.json) > "$WORK/before.md5"
timeout 600 sbatch --wait --quiet --array=1,3 "$WORK/job.sh" || { say "resubmitting tasks 1 and 3 failed"; exit 1; }
(cd "$WORK/sharded/results" && md5sum --quiet -c "$WORK/before.md5") \
    || { say "a complete result was rewritten by the resubmitted tasks"; exit 1; }
for cell in 000001 000007; do
    grep -q '"status": "ok"' "$WORK/sharded/results/cell-$cell.json" \
        || { say "cell $cell was not recomputed by the resubmitted task"; exit 1; }
done
grep -q '"shard": "1/4"' "$WORK/sharded/results/cell-000001.json" || { say "cell 1 ran in the wrong shard"; exit 1; }
say "resubmitted tasks 1 and 3 recomputed exactly the 2 lost cells"

# 6. The same grid unsharded, then both collected and compared without the wall-time column.
T0=$(date +%s)
"$RNNMEM" sweep run "$CONFIG" --jobs 2 --output-dir "$WORK/unsharded" --progress none >/dev/null
UNSHARDED_TIME=$(( $(date +%s) - T0 ))
for run in sharded unsharded; do
    "$RNNMEM" sweep collect "$WORK/$run" --require-complete --output "$WORK/$run.csv" >/dev/null
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wall_time_seconds") w = i }
             { line = ""; for (i = 1; i <= NF; i++) if (i != w) line = line (line == "" ? "" : ",") $i; print line }' \
        "$WORK/$run.csv" > "$WORK/$run.metrics.csv"
done
if ! diff "$WORK/sharded.metrics.csv" "$WORK/unsharded.metrics.csv"; then
    say "the job array's results differ from the unsharded run"
    exit 1
fi
rows=$(( $(wc -l < "$WORK/sharded.metrics.csv") - 1 ))
say "collected table of the job array equals the unsharded run: $rows cells, columns $(head -n 1 "$WORK/sharded.metrics.csv")"
say "PASSED in $(elapsed) s (cluster start $CLUSTER_UP s, job array $ARRAY_TIME s, unsharded run $UNSHARDED_TIME s)"
