#!/usr/bin/env bash
# Times signaal-report over N generated records against `cat` of the same files,
# and reports peak memory (GNU time -v). Not a test: figures go to stdout.
#   bench-report.sh BINDIR [N ...]      default N: 10000 100000
#   bench-report.sh --smoke BINDIR      200 records, checks it runs; no timing
# Records are generated once into $BENCH_DIR/N (default /tmp/signaal-report-bench) and reused;
# the staff pool is fixed ($BENCH_TRAINEES, default 2000) so memory shows what the
# number of files costs, not the number of people.
set -euo pipefail
smoke=0
if [[ ${1:-} == --smoke ]]; then smoke=1; shift; fi
bin=${1:?usage: bench-report.sh [--smoke] BINDIR [N ...]}; shift
sizes=("$@")
if (( smoke )); then sizes=(200); elif (( ${#sizes[@]} == 0 )); then sizes=(10000 100000); fi
base=${BENCH_DIR:-/tmp/signaal-report-bench}
if (( ! smoke )); then
  for tool in /usr/bin/time bc; do
    command -v "$tool" >/dev/null || { echo "needs $tool (Debian packages: time, bc)" >&2; exit 2; }
  done
fi

for n in "${sizes[@]}"; do
  dir=$base/$n
  if (( smoke )); then dir=$(mktemp -d); fi
  params="records=$n trainees=${BENCH_TRAINEES:-2000} seed=$n"
  if [[ $(cat "$dir/.params" 2>/dev/null) != "$params" ]]; then
    rm -rf "$dir"
    "$bin/gen-records" "$dir" --records "$n" --trainees "${BENCH_TRAINEES:-2000}" --seed "$n"
    echo "$params" >"$dir/.params"
  fi
  out=$(mktemp)
  if (( smoke )); then
    "$bin/signaal-report" --quiet --format json --out "$out" "$dir"
    grep -q '"counted": 200' "$out" || { echo "smoke: not every record counted" >&2; exit 1; }
    rm -rf "$dir" "$out"
    echo "smoke ok"
    continue
  fi
  bytes=$(du -sb "$dir" | cut -f1)
  find "$dir" -name '*.json' -print0 | xargs -0 cat >/dev/null   # warm the page cache for both
  t0=$(date +%s.%N)
  find "$dir" -name '*.json' -print0 | xargs -0 cat >/dev/null
  t1=$(date +%s.%N)
  /usr/bin/time -v "$bin/signaal-report" --quiet --format json --out "$out" "$dir" 2>"$out.time" || true
  wall=$(grep 'Elapsed (wall clock)' "$out.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out.time" | awk '{print $NF}')
  cpu_u=$(grep 'User time' "$out.time" | awk '{print $NF}')
  cpu_s=$(grep 'System time' "$out.time" | awk '{print $NF}')
  counted=$(grep -m1 '"counted"' "$out" | tr -dc 0-9)
  printf 'N=%s files, %s MB: cat %.2f s | signaal-report %s wall (user %s s, sys %s s), peak RSS %s MB, counted %s\n' \
    "$n" "$(( bytes / 1000000 ))" "$(echo "$t1 - $t0" | bc)" "$wall" "$cpu_u" "$cpu_s" "$(( rss / 1024 ))" "$counted"
  # Records made before a module changed no longer verify, and a report that skips
  # them does less work: the figures would flatter it.
  [[ $counted == "$n" ]] || echo "warning: only $counted of $n records counted (made for older content?): rm -rf $dir to make them again" >&2
  rm -f "$out" "$out.time"
done
