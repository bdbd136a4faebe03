#!/usr/bin/env bash
# Rough page timings against a running Trellis (not a benchmark suite): 20 warm-up requests,
# then 100 timed ones per page with curl; prints median, p95 and max.
# Usage: scripts/time-pages.sh http://127.0.0.1:5000 /plans/1 /plans/1/areas/1
set -euo pipefail
base=$1; shift
for page in "$@"; do
  for _ in $(seq 1 20); do curl -s -o /dev/null "$base$page"; done
  for _ in $(seq 1 100); do curl -s -o /dev/null -w "%{time_total}\n" "$base$page"; done | sort -n |
    awk -v p="$page" '{a[NR]=$1} END {printf "%-28s median %5.1f ms  p95 %5.1f ms  max %5.1f ms\n", p, a[int(NR/2)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
done
