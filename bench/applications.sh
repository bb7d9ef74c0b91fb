#!/usr/bin/env bash
# Online applications under load, and application search over 100,000 applications, on SQLite and
# on PostgreSQL. Run by `make bench` after bench/http.sh and bench/pages.sh; results are recorded in
# docs/benchmarks.md.
#
#   bench/applications.sh           submissions for 60 s per database, search over 100,000 applications
#   bench/applications.sh --quick   10 s, and 10,000 applications (a smoke test of the script)
#
# What it does, for each database (a fresh SQLite file, then a fresh database on a throwaway
# PostgreSQL 15 cluster in the temporary folder, with its default settings):
#   1. `rekrut migrate`, `rekrut seed-demo`, and `rekrut serve` (release build, access log off) on a
#      free loopback port;
#   2. fetches the application form of the demo case "Fuldmægtig til økonomienheden" once with curl
#      (its CSRF token is a double-submit cookie for a visitor without a session, so one token serves
#      every request), checks that one submission answers 303, then runs bench/submit_load.py: 32
#      connections POST the whole form with a 1 MB PDF as cv_file and a new form_key (the idempotency
#      key) per request, one after the other; every answer other than 303 counts as failed (wrk is not
#      used: its Lua cannot build a unique 1 MB request fast enough, see bench/submit_load.py);
#   3. stops the server (its VmHWM from /proc/PID/status is the peak RSS) and runs
#      build/release/rekrut_search_bench (bench/search_bench.cpp), which adds the generated
#      applications and their index entries and times store::search_index::search.
# The reference, in the same run: nginx answering the same POSTs from the same client (the 1 MB body
# read and discarded) from a location that returns 303. Every process it starts is stopped on
# exit; the exit status is 1 when a submission failed. REKRUT_BIN overrides the binary.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

duration=60
applications=100000
rounds=25
case "${1:-}" in
"") ;;
--quick)
    duration=10
    applications=10000
    rounds=20
    ;;
*)
    echo "usage: bench/applications.sh [--quick]" >&2
    exit 2
    ;;
esac
connections=32

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
search_binary="$(dirname "$binary")/rekrut_search_bench"
pg_bin=/usr/lib/postgresql/15/bin
nginx_binary=/usr/sbin/nginx
for tool in "$binary" "$search_binary" "$nginx_binary" /usr/bin/curl /usr/bin/openssl /usr/bin/python3 \
    /usr/sbin/runuser "$pg_bin/initdb" "$pg_bin/pg_ctl" "$pg_bin/psql"; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`; nginx-light and PostgreSQL 15 come from scripts/bootstrap)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-applications.XXXXXX)"
chmod 711 "$work_dir" # the postgres user reaches its cluster folder inside
server_pid=""
nginx_pid=""
pg_port=""

stop_process() {
    local pid="$1" signal="$2"
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

stop_postgres() {
    [[ -n $pg_port ]] || return 0
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work_dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    pg_port=""
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_process "$server_pid" TERM
    stop_process "$nginx_pid" QUIT
    stop_postgres
    if ((status != 0)) && [[ -f $work_dir/rekrut.log ]]; then
        echo "bench: failed; the last lines of the server log:" >&2
        tail -n 20 "$work_dir/rekrut.log" >&2 || true
    fi
    rm -rf "$work_dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() {
    local url="$1" pid="$2" name="$3"
    for _ in $(seq 100); do
        if curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "bench: $name exited before it answered on $url" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "bench: $name did not answer on $url within 10 s" >&2
    return 1
}

rss_kb() { awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"; }
megabytes() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }

# --- The CV: a valid one-page PDF with text, padded to 1 MB by an unreferenced binary stream (as an
# embedded image would be), with a correct cross-reference table -------------------------------------
/usr/bin/python3 - "$work_dir/cv.pdf" <<'PY'
import random, sys
size = 1_000_000
stream = b"BT /F1 12 Tf 72 720 Td (Sagsbehandler med erfaring i offentlig forvaltning og projektledelse) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]
def build(padding):
    data = random.Random(1).randbytes(padding)
    parts = objects + [b"<< /Length " + str(padding).encode() + b" >>\nstream\n" + data + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(parts, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(parts) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(parts) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
padding = size - len(build(0))
padding -= len(build(padding)) - size
pdf = build(padding)
assert len(pdf) == size, len(pdf)
open(sys.argv[1], "wb").write(pdf)
PY

# Runs bench/submit_load.py against port $1, path $2, and prints
# "requests_per_second p50_ms p99_ms failed". failed = answers other than 303 + requests without one.
submit_load() {
    local port="$1" path="$2" output
    output="$(/usr/bin/python3 bench/submit_load.py --port "$port" --path "$path" --csrf "${BENCH_CSRF:-none}" \
        --pdf "$work_dir/cv.pdf" --connections "$connections" --duration "$duration")"
    echo "$output" >>"$work_dir/load.log"
    echo "$output" | grep -v '^RESULT' >&2
    awk '$1 == "RESULT" { print $2, $3, $4, $5 }' <<<"$output"
}

# --- nginx: the reference --------------------------------------------------------------------------
nginx_port="$(free_port)"
mkdir -p "$work_dir/nginx/logs" "$work_dir/nginx/temp"
user_line=""
if [[ $(id -u) -eq 0 ]]; then user_line="user root root;"; fi
cat >"$work_dir/nginx/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $work_dir/nginx/nginx.pid;
error_log $work_dir/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $work_dir/nginx/temp/body;
    proxy_temp_path $work_dir/nginx/temp/proxy;
    fastcgi_temp_path $work_dir/nginx/temp/fastcgi;
    uwsgi_temp_path $work_dir/nginx/temp/uwsgi;
    scgi_temp_path $work_dir/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        location /healthz { return 200; }
        location /upload { client_max_body_size 2m; return 303 /; }
    }
}
EOF
"$nginx_binary" -p "$work_dir/nginx" -c "$work_dir/nginx/nginx.conf" -e "$work_dir/nginx/logs/error.log" \
    -g 'daemon off;' &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/healthz" "$nginx_pid" nginx

# --- PostgreSQL 15: a throwaway cluster, default settings, loopback and its own socket folder ------
start_postgres() {
    mkdir -p "$work_dir/pg"
    chown postgres: "$work_dir/pg"
    chmod 700 "$work_dir/pg"
    (cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$work_dir/pg/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-instructions >"$work_dir/initdb.log" 2>&1)
    pg_port="$(free_port)"
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work_dir/pg/data" -l "$work_dir/pg/postgres.log" -w \
        -t 60 -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work_dir/pg" start >/dev/null)
    "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE rekrut'
}

# --- One database: submissions, then search ----------------------------------------------------------
results=()
bench_database() {
    local label="$1" url="$2"
    local port
    port="$(free_port)"
    export REKRUT_DATABASE_URL="$url" REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
    export REKRUT_LISTEN="127.0.0.1:$port" REKRUT_LOG_ACCESS=false REKRUT_AUDIT_ANCHOR="$work_dir/audit-anchor.log"
    export REKRUT_SERVER_MAX_CONNECTIONS_PER_IP="${REKRUT_SERVER_MAX_CONNECTIONS_PER_IP:-1000}"
    "$binary" migrate >>"$work_dir/setup.log"
    "$binary" seed-demo >>"$work_dir/setup.log"
    "$binary" serve >"$work_dir/rekrut.log" 2>&1 &
    server_pid=$!
    local server_url="http://127.0.0.1:$port"
    wait_for "$server_url/healthz" "$server_pid" rekrut

    local case_id form token status
    # The demo case the HTTP tests apply to, found by its title on the front page.
    case_id="$(curl -fsS "$server_url/" | /usr/bin/python3 -c '
import html, re, sys
page = sys.stdin.read()
for number, title in re.findall(r"href=\"/positions/([0-9]+)\"[^>]*>(.*?)<", page, re.S):
    if html.unescape(title).strip() == "Fuldmægtig til økonomienheden":
        print(number); break
')"
    [[ -n $case_id ]] || { echo "bench: the demo case is not on the front page" >&2; return 1; }
    form="$(curl -fsS -c "$work_dir/cookies" "$server_url/positions/$case_id/apply")"
    token="$(awk '$6 == "rekrut_csrf" { print $7 }' "$work_dir/cookies")"
    [[ -n $token ]] || { echo "bench: the form set no rekrut_csrf cookie" >&2; return 1; }
    grep -q "name=\"csrf_token\" value=\"$token\"" <<<"$form" ||
        { echo "bench: the form's csrf_token is not the cookie's" >&2; return 1; }
    export BENCH_CSRF="$token"
    # One submission by curl first: the form must be complete (303), or the load would measure errors.
    status="$(curl -sS -o /dev/null -w '%{http_code}' -b "rekrut_csrf=$token" -F "csrf_token=$token" \
        -F "form_key=$(openssl rand -hex 16)" -F "full_name=Bodil Testesen" -F "email=bodil@example.test" \
        -F "cover_letter=Prøve." -F "consent_processing=1" -F "send=1" \
        -F "cv_file=@$work_dir/cv.pdf;type=application/pdf;filename=CV.pdf" "$server_url/positions/$case_id/apply")"
    [[ $status == 303 ]] || { echo "bench: a single submission answered $status, not 303" >&2; return 1; }

    local load_before rps p50 p99 failed peak_kb
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    read -r rps p50 p99 failed <<<"$(submit_load "$port" "/positions/$case_id/apply")"
    peak_kb="$(rss_kb "$server_pid" VmHWM)"
    stop_process "$server_pid" TERM
    server_pid=""
    if ((failed > 0)); then
        echo "$label: the server's errors during the load:" >&2
        grep '"level":"error"' "$work_dir/rekrut.log" | grep -v audit_anchor | tail -n 5 >&2 || true
    fi
    echo "$label: $(printf %.1f "$rps") submissions/s, p50 $p50 ms, p99 $p99 ms, $failed failed," \
        "peak RSS $(megabytes "$peak_kb") MB (load average before: $load_before)"
    results+=("$(printf '%-30s %12.1f %10s %10s %8s %12s' "rekrut, $label" "$rps" "$p50" "$p99" "$failed" \
        "$(megabytes "$peak_kb") MB")")
    submit_failed=$((submit_failed + failed))

    echo "$label: search, $applications applications of ~2 KB, $rounds rounds of 10 queries per scope"
    "$search_binary" "$url" "$applications" "$rounds" | tee "$work_dir/search-$label.log" | grep -v '^RESULT\|^FILL'
    local scope queries s50 s95 smax fill
    fill="$(awk '$1 == "FILL" { print $2 }' "$work_dir/search-$label.log")"
    while read -r _ scope queries s50 s95 smax; do
        search_results+=("$(printf '%-12s %-12s %8s %10s %10s %10s %10s' "$label" "$scope" "$queries" "$s50" "$s95" \
            "$smax" "$fill s")")
    done < <(grep '^RESULT' "$work_dir/search-$label.log")
}

submit_failed=0
search_results=()
echo "== nginx reference: the same POSTs, 1 MB body read and discarded, 303"
read -r nginx_rps nginx_p50 nginx_p99 nginx_failed <<<"$(submit_load "$nginx_port" /upload)"
results+=("$(printf '%-30s %12.1f %10s %10s %8s %12s' "nginx /upload (reference)" "$nginx_rps" "$nginx_p50" \
    "$nginx_p99" "$nginx_failed" "-")")
stop_process "$nginx_pid" QUIT
nginx_pid=""

echo "== SQLite"
bench_database sqlite "sqlite:$work_dir/rekrut.db"
echo "== PostgreSQL 15"
start_postgres
bench_database postgresql "postgresql://postgres@127.0.0.1:$pg_port/rekrut"
stop_postgres

# --- Report ------------------------------------------------------------------------------------------
echo
echo "Submissions: bench/submit_load.py, $connections connections for $duration s, 1 MB PDF each; $(nproc) cores shared by the client and the server"
printf '%-30s %12s %10s %10s %8s %12s\n' target "per second" "p50 ms" "p99 ms" failed "peak RSS"
printf '%s\n' "${results[@]}"
echo
echo "Search: store::search_index::search, $applications applications in one institution, 20 hits a query"
printf '%-12s %-12s %8s %10s %10s %10s %10s\n' database scope queries "p50 ms" "p95 ms" "max ms" "fill"
printf '%s\n' "${search_results[@]}"
echo "(targets: >= 100 submissions/s, p99 < 500 ms, peak RSS < 200 MB; search p95 < 50 ms)"
if ((submit_failed + nginx_failed > 0)); then
    echo "bench: some submissions failed (see the failed column)" >&2
    exit 1
fi
