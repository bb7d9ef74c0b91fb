#!/usr/bin/env bash
# The public career site under load, against nginx serving the same bytes as static files, in the same
# run on the same machine. Run by `make bench`; results are recorded in docs/benchmarks.md.
#
#   bench/career.sh           10 s per target
#   bench/career.sh --quick   3 s per target
#
# It starts the release build on a fresh SQLite database with the demo data and 2,000 generated open
# positions, fetches the front page (the list's first page) and the demo's first ad once with curl, and
# gives nginx (2 workers, access log off) those bytes as static files. Then `wrk -t2 -c64 --latency`
# (after a 1 s warm-up each) against: nginx and rekrut for the list and the ad, each plain and with
# `If-None-Match` carrying the server's own ETag (the 304 path), and rekrut's list with
# `Accept-Encoding: gzip`. It prints requests/s, p50, p99, the ratio to nginx and whether the targets
# are met (the list and the ad >= 0.8x nginx; the 304 path >= 1.0x nginx's 304).
# REKRUT_BIN overrides the binary; every process it starts is stopped on exit.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

duration=10s
case "${1:-}" in
"") ;;
--quick) duration=3s ;;
*)
    echo "usage: bench/career.sh [--quick]" >&2
    exit 2
    ;;
esac
threads=2
connections=64
positions=2000

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
nginx_binary=/usr/sbin/nginx
for tool in "$binary" "$nginx_binary" /usr/bin/wrk /usr/bin/curl /usr/bin/python3 /usr/bin/sqlite3; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`; wrk, nginx-light and sqlite3 come from scripts/bootstrap)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-career.XXXXXX)"
server_pid=""
nginx_pid=""

stop_process() {
    local pid="$1" signal="$2"
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_process "$server_pid" TERM
    stop_process "$nginx_pid" QUIT
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
    for _ in $(seq 300); do
        if curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "bench: $name exited before it answered on $url" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "bench: $name did not answer on $url within 30 s" >&2
    return 1
}
to_ms() {
    awk -v value="$1" 'BEGIN {
        unit = value; sub(/^[0-9.]+/, "", unit); number = value + 0
        if (unit == "us") number /= 1000; else if (unit == "s") number *= 1000; else if (unit == "m") number *= 60000
        printf "%.2f", number
    }'
}
etag_of() { curl -fsS -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }'; }

# --- Rekrut with 2,000 open positions ----------------------------------------------------------
server_port="$(free_port)"
database="$work_dir/rekrut.db"
export REKRUT_DATABASE_URL="sqlite:$database" REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
export REKRUT_LISTEN="127.0.0.1:$server_port" REKRUT_LOG_ACCESS=false
export REKRUT_SERVER_MAX_CONNECTIONS_PER_IP="${REKRUT_SERVER_MAX_CONNECTIONS_PER_IP:-1000}"
"$binary" migrate >"$work_dir/setup.log"
"$binary" seed-demo >>"$work_dir/setup.log"
sqlite3 "$database" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $positions)
INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, employment_form, position_category,
                               application_deadline, published_at, created_at, updated_at)
SELECT 1 + i % 2, 'Genereret stilling ' || i, 'published', 'Testvej ' || i || ', 8000 Aarhus C',
       CASE i % 3 WHEN 0 THEN 'fixed_term' ELSE 'permanent' END, CASE i % 5 WHEN 0 THEN 'Elev' ELSE '' END,
       strftime('%s', 'now') + 86400 * (30 + i % 300), strftime('%s', 'now') - i, strftime('%s', 'now'),
       strftime('%s', 'now')
FROM n;
SQL
open_count="$(sqlite3 "$database" "SELECT COUNT(*) FROM recruitment_cases WHERE state = 'published' AND application_deadline > strftime('%s', 'now')")"
"$binary" serve >"$work_dir/rekrut.log" 2>&1 &
server_pid=$!
server_url="http://127.0.0.1:$server_port"
wait_for "$server_url/healthz" "$server_pid" rekrut
# The list in memory is read once a second; wait until it holds every generated position.
for _ in $(seq 300); do
    curl -fsS "$server_url/" | grep -c "($open_count)" >/dev/null && break
    sleep 0.1
done
curl -fsS "$server_url/" | grep -c "($open_count)" >/dev/null ||
    { echo "bench: the list does not show the $positions generated positions" >&2; exit 1; }

# --- nginx with the same bytes -----------------------------------------------------------------
nginx_port="$(free_port)"
mkdir -p "$work_dir/nginx/html/positions" "$work_dir/nginx/logs" "$work_dir/nginx/temp"
curl -fsS -o "$work_dir/nginx/html/index.html" "$server_url/"
curl -fsS -o "$work_dir/nginx/html/positions/1.html" "$server_url/positions/1"
list_bytes="$(stat -c %s "$work_dir/nginx/html/index.html")"
ad_bytes="$(stat -c %s "$work_dir/nginx/html/positions/1.html")"
chmod -R a+rX "$work_dir"
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
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work_dir/nginx/temp/body;
    proxy_temp_path $work_dir/nginx/temp/proxy;
    fastcgi_temp_path $work_dir/nginx/temp/fastcgi;
    uwsgi_temp_path $work_dir/nginx/temp/uwsgi;
    scgi_temp_path $work_dir/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work_dir/nginx/html;
        index index.html;
        location = /positions/1 { try_files /positions/1.html =404; }
    }
}
EOF
"$nginx_binary" -p "$work_dir/nginx" -c "$work_dir/nginx/nginx.conf" -e "$work_dir/nginx/logs/error.log" \
    -g 'daemon off;' &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port"
wait_for "$nginx_url/" "$nginx_pid" nginx

# --- Load ---------------------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Runs wrk against `url` with optional extra headers; prints "requests_per_second p50_ms p99_ms errors".
measure() {
    local url="$1"
    shift
    local headers=()
    for header in "$@"; do headers+=(-H "$header"); done
    wrk -t1 -c8 -d1s "${headers[@]}" "$url" >/dev/null
    local output rps p50 p99 errors
    output="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${headers[@]}" "$url")"
    echo "$output" >>"$work_dir/wrk.log"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$output")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$output")")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' <<<"$output")"
    echo "$rps $p50 $p99 $errors"
}
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

rekrut_list_etag="$(etag_of "$server_url/")"
rekrut_ad_etag="$(etag_of "$server_url/positions/1")"
nginx_list_etag="$(etag_of "$nginx_url/")"
nginx_ad_etag="$(etag_of "$nginx_url/positions/1")"
for check in "$server_url/|$rekrut_list_etag" "$server_url/positions/1|$rekrut_ad_etag" \
    "$nginx_url/|$nginx_list_etag" "$nginx_url/positions/1|$nginx_ad_etag"; do
    status="$(status_of -H "If-None-Match: ${check#*|}" "${check%%|*}")"
    [[ $status == 304 ]] || { echo "bench: ${check%%|*} with its ETag answered $status, not 304" >&2; exit 1; }
done

declare -A rps p50 p99 errors
run() {
    local name="$1"
    shift
    read -r "rps[$name]" "p50[$name]" "p99[$name]" "errors[$name]" <<<"$(measure "$@")"
}
run nginx_list "$nginx_url/"
run rekrut_list "$server_url/"
run nginx_list_304 "$nginx_url/" "If-None-Match: $nginx_list_etag"
run rekrut_list_304 "$server_url/" "If-None-Match: $rekrut_list_etag"
run rekrut_list_gzip "$server_url/" "Accept-Encoding: gzip"
run nginx_ad "$nginx_url/positions/1"
run rekrut_ad "$server_url/positions/1"
run nginx_ad_304 "$nginx_url/positions/1" "If-None-Match: $nginx_ad_etag"
run rekrut_ad_304 "$server_url/positions/1" "If-None-Match: $rekrut_ad_etag"

# --- Report -------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
gzip_bytes="$(curl -fsS -H 'Accept-Encoding: gzip' "$server_url/" | wc -c)"
echo
echo "wrk -t$threads -c$connections -d$duration --latency; $open_count open positions ($positions generated);" \
    "list page 1: $list_bytes bytes ($gzip_bytes gzip), ad: $ad_bytes bytes; $(nproc) cores shared by wrk, nginx and rekrut"
echo "load average before the run: $load_before"
row() { printf '%-34s %12s %10s %10s %10s %8s\n' "$@"; }
row target "requests/s" "p50 ms" "p99 ms" "vs nginx" errors
line() { # name label reference
    row "$2" "$(printf %.0f "${rps[$1]}")" "${p50[$1]}" "${p99[$1]}" "$(ratio "${rps[$1]}" "${rps[$3]}")" "${errors[$1]}"
}
line nginx_list "nginx static list" nginx_list
line rekrut_list "rekrut / (list)" nginx_list
line rekrut_list_gzip "rekrut / gzip" nginx_list
line nginx_list_304 "nginx list, If-None-Match (304)" nginx_list_304
line rekrut_list_304 "rekrut /, If-None-Match (304)" nginx_list_304
line nginx_ad "nginx static ad" nginx_ad
line rekrut_ad "rekrut /positions/1" nginx_ad
line nginx_ad_304 "nginx ad, If-None-Match (304)" nginx_ad_304
line rekrut_ad_304 "rekrut ad, If-None-Match (304)" nginx_ad_304
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r >= t ? "met" : "NOT met") }'; }
for target in "rekrut_list nginx_list 0.8 list" "rekrut_ad nginx_ad 0.8 ad" \
    "rekrut_list_304 nginx_list_304 1.0 list 304" "rekrut_ad_304 nginx_ad_304 1.0 ad 304"; do
    read -r ours theirs threshold label <<<"$target"
    value="$(ratio "${rps[$ours]}" "${rps[$theirs]}")"
    echo "target $label >= ${threshold}x nginx: ${value}x, $(verdict "$value" "$threshold")"
done
total_errors=0
for name in "${!errors[@]}"; do total_errors=$((total_errors + ${errors[$name]})); done
if ((total_errors > 0)); then
    echo "bench: some requests failed (see the errors column)" >&2
    exit 1
fi
