#!/usr/bin/env bash
# Jobnet delivery: ads of published cases transferred to the Jobnet simulator (`rekrut jobnet-sim`),
# on SQLite. Run by `make bench`; results are recorded in docs/benchmarks.md.
#
#   bench/jobnet.sh           200 ads
#   bench/jobnet.sh --quick   50 ads (a smoke test of the script)
#
# What it does: starts the simulator on a free loopback port with its own SQLite file, runs
# `rekrut migrate` and `rekrut seed-demo` on a fresh SQLite file, then
# build/release/rekrut_jobnet_bench (bench/jobnet_bench.cpp), which publishes copies of a demo case and
# times the sender until every ad is published at the simulator. The reference, in the same run: the
# connector alone making the same AddJob and PublishJob calls to the same simulator, with no database.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

ads=200
case "${1:-}" in
"") ;;
--quick) ads=50 ;;
*)
    echo "usage: bench/jobnet.sh [--quick]" >&2
    exit 2
    ;;
esac

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
bench_binary="$(dirname "$binary")/rekrut_jobnet_bench"
for tool in "$binary" "$bench_binary"; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-jobnet.XXXXXX)"
simulator_pid=""
cleanup() {
    if [[ -n $simulator_pid ]]; then kill "$simulator_pid" 2>/dev/null || true; fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$binary" jobnet-sim --listen "127.0.0.1:$port" --database "$work_dir/jobnet.sqlite3" --username rekrut \
    --password bench-secret >"$work_dir/simulator.log" 2>&1 &
simulator_pid=$!
for _ in $(seq 100); do
    if /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then break; fi
    sleep 0.1
done

export REKRUT_DATABASE_URL="sqlite:$work_dir/rekrut.db"
export REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
export REKRUT_AUDIT_ANCHOR=""
"$binary" migrate >/dev/null
"$binary" seed-demo >/dev/null

echo "== Rekrut: $ads published ads transferred to the Jobnet simulator (SQLite), then the reference"
"$bench_binary" "$REKRUT_DATABASE_URL" "$REKRUT_SECURITY_KEY_FILE" "http://127.0.0.1:$port/jobad" bench-secret \
    "$ads" | tee "$work_dir/result.log"
read -r _ _ transferred transfer_seconds < <(grep '^RESULT transfer' "$work_dir/result.log")
read -r _ _ referenced reference_seconds < <(grep '^RESULT reference' "$work_dir/result.log")
/usr/bin/python3 - "$transferred" "$transfer_seconds" "$referenced" "$reference_seconds" <<'PYTHON'
import sys
done, seconds, reference, reference_seconds = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
print(f"   transferred {done} ads in {seconds:.2f} s: {done / seconds:.1f} ads/s")
print(f"   reference: the connector alone, AddJob and PublishJob for {reference} ads in {reference_seconds:.2f} s:"
      f" {reference / reference_seconds:.1f} ads/s")
PYTHON
