#!/usr/bin/env bash
# Runs the sharded demo on the current kubectl context: the shared volume, the Indexed Job of shards, then (when
# every shard completed) the merge job. The merged report folder is /data/chatlab-merged on the volume.
#
#   deploy/kubernetes/run.sh [NAMESPACE]      (TIMEOUT=2h to wait longer than 1 hour for the shards)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kube=(kubectl ${1:+--namespace "$1"})
"${kube[@]}" apply -f "$here/pvc.yaml"
"${kube[@]}" delete job chatlab-shards chatlab-merge --ignore-not-found
"${kube[@]}" apply -f "$here/shards-job.yaml"
"${kube[@]}" wait --for=condition=complete --timeout="${TIMEOUT:-1h}" job/chatlab-shards
"${kube[@]}" apply -f "$here/merge-job.yaml"
"${kube[@]}" wait --for=condition=complete --timeout="${TIMEOUT:-1h}" job/chatlab-merge
"${kube[@]}" logs job/chatlab-merge
