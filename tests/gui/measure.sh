#!/bin/sh
# Measures the window's idle CPU and its startup time under Xvfb with Mesa's
# software renderer (docs/gui.md, "Measurements").
#   tests/gui/measure.sh [BUILD_DIR] [SECONDS]
# Idle: the window is driven to the first question of the example module and
# left waiting for an answer; CPU ticks (utime+stime from /proc/PID/stat) are
# read over SECONDS of idling and given as percent of one core.
# Startup: --first-frame-time, five runs, each from main() to the first frame on screen.
set -eu
BUILD=${1:-build-gui}
SECONDS_IDLE=${2:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$BUILD/bin/signaal
[ -x "$BIN" ] || { echo "no $BIN: build first" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run missing" >&2; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME="$WORK/config"
COMMON="--content $ROOT/content/example --records $WORK/records --settings $WORK/settings.json"

printf 'wait-frames 3\nkey Enter\nkey Enter\n' > "$WORK/to-question.script"
xvfb-run -a -s "-screen 0 1366x768x24" sh -c "echo \$\$ > $WORK/pid; exec $BIN $COMMON --script $WORK/to-question.script" &
RUNNER=$!
sleep 3  # started, scripted to the question, settled
PID=$(cat "$WORK/pid")
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
T0=$(ticks)
sleep "$SECONDS_IDLE"
T1=$(ticks)
HZ=$(getconf CLK_TCK)
kill "$PID"
wait "$RUNNER" 2>/dev/null || true
echo "idle: $((T1 - T0)) ticks in ${SECONDS_IDLE} s at $HZ Hz = $(awk "BEGIN{printf \"%.2f\", 100*($T1-$T0)/($HZ*$SECONDS_IDLE)}")% of one core"

printf 'wait-frames 1\nquit\n' > "$WORK/quit.script"
for i in 1 2 3 4 5; do
  xvfb-run -a -s "-screen 0 1366x768x24" "$BIN" $COMMON --script "$WORK/quit.script" --first-frame-time 2>&1 |
    sed -n 's/^signaal: first frame after \([0-9]*\) ms$/startup run '"$i"': \1 ms/p'
done
