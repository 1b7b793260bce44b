#!/usr/bin/env bash
# Queues a ChatLab experiment as a Slurm job array of N shards plus a merge job that runs when all succeeded.
#
#   deploy/slurm/submit.sh CONFIG N SHARDS_DIR OUT_DIR [--wait] [-- RUN_OPTIONS...]
#
# SHARDS_DIR and OUT_DIR must be on a file system every node sees. CHATLAB names the binary (default: chatlab on
# PATH); SBATCH_OPTIONS adds options to both sbatch calls (e.g. "--partition=cpu --time=02:00:00"). With --wait the
# script returns when the merge job ends, with its exit status. Prints the two job ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 4 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
config=$(realpath "$1"); count=$2; shards=$3; out=$4; shift 4
wait=()
if [ "${1:-}" = "--wait" ]; then wait=(--wait); shift; fi
[ "${1:-}" = "--" ] && shift
case "$count" in ''|*[!0-9]*) echo "submit.sh: N must be a whole number, not '$count'" >&2; exit 2 ;; esac
mkdir -p "$shards/logs" "$(dirname "$out")"
shards=$(realpath "$shards"); out=$(realpath -m "$out")
chatlab=${CHATLAB:-chatlab}
[[ "$chatlab" == */* ]] && chatlab=$(realpath "$chatlab")
export CHATLAB=$chatlab CHATLAB_CONFIG=$config CHATLAB_SHARDS=$shards CHATLAB_OUT=$out CHATLAB_RUN_ARGS="$*"
# shellcheck disable=SC2086 # SBATCH_OPTIONS is a list of options
array=$(sbatch --parsable --export=ALL --array="1-$count" --output="$shards/logs/shard-%a.out" \
  ${SBATCH_OPTIONS:-} "$here/chatlab-array.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$shards/logs/merge.out" ${SBATCH_OPTIONS:-} "${wait[@]}" "$here/chatlab-merge.sbatch") || status=$?
echo "array job $array (shards 1-$count), merge job ${merge%%;*}"
exit "${status:-0}"
