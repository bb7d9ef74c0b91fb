#!/usr/bin/env bash
# The employment letter as a PDF: a two-page Danish letter rendered N times on one thread through
# integrations::render_pdf (Pango layout, cairo's PDF surface), timed per document. Run by
# `make bench`; results are recorded in docs/benchmarks.md.
#
#   bench/pdf.sh           200 renders
#   bench/pdf.sh --quick   20 renders (a smoke test of the script)
#
# It builds only its own program in the release preset (build/release/rekrut_pdf_bench, from
# bench/pdf_bench.cpp) and the libraries it needs, then runs it. The first render loads the fonts
# and is reported apart.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

renders=200
case "${1:-}" in
"") ;;
--quick) renders=20 ;;
*)
    echo "usage: bench/pdf.sh [--quick]" >&2
    exit 2
    ;;
esac

cmake --preset release >/dev/null
cmake --build build/release --target rekrut_pdf_bench >/dev/null

echo "== Rekrut: a two-page Danish employment letter as a PDF, $renders renders (release build)"
echo "   other CPU load (1-minute load average before the run): $(cut -d ' ' -f 1 /proc/loadavg)"
build/release/rekrut_pdf_bench "$renders" | sed 's/^/   /'
