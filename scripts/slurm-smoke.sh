#!/usr/bin/env bash
# Slurm smoke test of `rnnmem sweep` : start a private one-node Slurm cluster on localhost, run
# data/sweeps/smoke.json as a 4-task job array (`rnnmem sweep slurm` + `sbatch --wait`), resubmit two of the tasks
# after deleting two of their results (only those two cells must be recomputed), collect, and check that the
# collected table equals an unsharded `rnnmem sweep run` of the same grid, cell for cell (every column except the
# wall time: status, exit status, the losses and the weights' checksum). About 20 s once the packages are installed
# (apt-get adds about 25 s on first use).
#
# The cluster is scripts/slurm-cluster.sh's (Debian's slurm-wlm and munge, installed with apt-get when missing; no
# systemd, no cgroups), started in a fresh temporary folder on ports 26827/26828 and stopped at exit, so neither an
# existing Slurm installation nor a cluster started for the README's examples is used or touched.
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

# 2. rnnmem.
RNNMEM=${RNNMEM:-$ROOT/.build/debug/rnnmem}
if [ ! -x "$RNNMEM" ]; then
    say "building rnnmem (swift build)"
    swift build >/dev/null
fi
RNNMEM=$(cd "$(dirname "$RNNMEM")" && pwd)/$(basename "$RNNMEM")

# 3. A private cluster in a temporary folder (scripts/slurm-cluster.sh, on ports of its own so that a cluster
#    started for the README's examples is not disturbed); stopped at exit.
WORK=$(mktemp -d /tmp/rnnmem-slurm-smoke.XXXXXX)
chmod 755 "$WORK"
CLUSTER=$WORK/cluster
cleanup() {
    local status=$?
    SLURM_PORT=26827 bash scripts/slurm-cluster.sh stop "$CLUSTER" 2>/dev/null || true
    if [ "$status" -ne 0 ]; then
        say "FAILED (status $status) after $(elapsed) s; logs:"
        for log in "$CLUSTER"/log/*.log "$CLUSTER"/log/*.out "$WORK"/sharded/logs/*.out; do
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

SLURM_PORT=26827 bash scripts/slurm-cluster.sh start "$CLUSTER" >/dev/null
export SLURM_CONF=$CLUSTER/slurm.conf
CLUSTER_UP=$(elapsed)
say "one-node cluster up: $(sinfo -h -o '%N %T') ($(slurmctld -V); $CLUSTER_UP s)"

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
