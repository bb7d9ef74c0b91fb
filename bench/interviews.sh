#!/usr/bin/env bash
# 200 applicants booking 100 interview slots at once (32 clients) through their personal links, on
# SQLite and on PostgreSQL (the test harness's throwaway cluster): no slot or applicant
# may end with two bookings; reports the p50/p99 latency of the booking POSTs. Recorded in
# docs/benchmarks.md ("Interview booking").
#
#   bench/interviews.sh           200 applicants, 100 slots, 32 clients, release build
#   bench/interviews.sh --quick   40 applicants, 20 slots, 8 clients (a smoke test of the script)
#
# REKRUT_BIN overrides the binary (default build/release/rekrut). See bench/interview_load.py.
set -euo pipefail
cd "$(dirname "$0")/.."

arguments=(--applicants 200 --slots 100 --clients 32)
case "${1:-}" in
"") ;;
--quick) arguments=(--applicants 40 --slots 20 --clients 8) ;;
*)
    echo "usage: bench/interviews.sh [--quick]" >&2
    exit 2
    ;;
esac

export REKRUT_BIN="${REKRUT_BIN:-$PWD/build/release/rekrut}"
if [[ ! -x "$REKRUT_BIN" ]]; then
    echo "no binary at $REKRUT_BIN (cmake --preset release && cmake --build --preset release)" >&2
    exit 2
fi
status=0
echo "== SQLite"
REKRUT_TEST_DATABASE=sqlite /usr/bin/python3 bench/interview_load.py "${arguments[@]}" || status=1
echo "== PostgreSQL"
REKRUT_TEST_DATABASE=postgresql /usr/bin/python3 bench/interview_load.py "${arguments[@]}" || status=1
exit "$status"
