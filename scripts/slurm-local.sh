#!/usr/bin/env bash
# Runs an antrean sweep as a real Slurm job array on a one-node Slurm cluster on localhost, merges
# the shards and checks the result equals an unsharded run byte for byte.
#
#   sudo apt-get install -y slurm-wlm      # Debian: slurmctld, slurmd, munge
#   scripts/slurm-local.sh [SHARDS]         # default 3 shards; needs root (munge and slurmd)
#
# Everything lives under a temporary directory (config, state, logs, results); the daemons this
# script starts are stopped on exit by their process ids.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARDS=${1:-3}

for tool in slurmctld slurmd sbatch munged; do
    command -v "$tool" >/dev/null || { echo "slurm-local: $tool not found (apt-get install -y slurm-wlm)" >&2; exit 2; }
done

swift build --product antrean >/dev/null
ANTREAN=$(realpath .build/debug/antrean)
WORK=$(mktemp -d /tmp/antrean-slurm.XXXXXX)
HOST=$(hostname -s)
CPUS=$(nproc)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# munge: a private key and socket so no system daemon is needed.
mkdir -p "$WORK/munge" && chmod 700 "$WORK/munge"
mungekey --create --keyfile="$WORK/munge/munge.key" --force 2>/dev/null || dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$WORK/munge/munge.key"
munged --force --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/munge.socket" \
    --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/seed"
sleep 0.5
pids+=("$(cat "$WORK/munge/munged.pid")")

mkdir -p "$WORK/state" "$WORK/spool" "$WORK/log"
cat > "$WORK/slurm.conf" <<CONF
ClusterName=antrean-local
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
SlurmctldPort=46817
SlurmdPort=46818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
NodeName=$HOST CPUs=$CPUS State=UNKNOWN
PartitionName=local Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
slurmctld -f "$SLURM_CONF" && sleep 1 && pids+=("$(cat "$WORK/slurmctld.pid")")
slurmd -f "$SLURM_CONF" && sleep 2 && pids+=("$(cat "$WORK/slurmd.pid")")
for _ in $(seq 20); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed)' && break
    sleep 1
done
sinfo

SCENARIO=$(realpath Simulations/validation/mm5.yaml)
PARAMS="--param queues.counters.counters=5,6,7 --param run.arrivals=5000,8000"
export ANTREAN SCENARIO SWEEP_PARAMS="$PARAMS" REPLICATIONS=6 SEED=1 SWEEP_OUT="$WORK/sharded"
cd "$WORK"
sbatch --wait --array=1-$SHARDS --cpus-per-task=1 --mem=0 \
    --output="$WORK/log/task-%A_%a.log" "$OLDPWD/Simulations/cluster/sweep.sbatch"
cd "$OLDPWD"

# shellcheck disable=SC2086
"$ANTREAN" sweep "$SCENARIO" $PARAMS --replications 6 --seed 1 --out "$WORK/unsharded" 2>/dev/null
"$ANTREAN" merge "$WORK/sharded" --format json > "$WORK/sharded.json"
"$ANTREAN" merge "$WORK/unsharded" --format json > "$WORK/unsharded.json"
ls "$WORK/sharded"
"$ANTREAN" merge "$WORK/sharded"
if cmp -s "$WORK/sharded.json" "$WORK/unsharded.json"; then
    echo "slurm-local: merged $SHARDS-task Slurm array equals the unsharded run (JSON identical)"
else
    echo "slurm-local: MISMATCH between $WORK/sharded.json and $WORK/unsharded.json" >&2
    exit 1
fi
