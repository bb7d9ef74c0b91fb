#!/usr/bin/env bash
# HTTP load benchmark: the release build of Rekrut against nginx serving a static file, in the same
# run on the same machine. Run by `make bench` (after `make build-release`); results are recorded in
# docs/benchmarks.md.
#
#   bench/http.sh           10 s per target
#   bench/http.sh --quick   3 s per target (a smoke test of the script and the server)
#
# What it does:
#   1. creates a temporary folder with a fresh SQLite database, runs `rekrut migrate` and
#      `rekrut seed-demo`, and starts `rekrut serve` on a free loopback port with the access log off;
#   2. fetches the front page once and gives a static copy of that HTML to nginx (2 workers, access
#      log off, every path inside the temporary folder) on another free loopback port;
#   3. runs `wrk -t2 -c64 --latency` against nginx, rekrut /healthz and rekrut / (each after a 1 s
#      warm-up that is not counted);
#   4. prints requests/s, p50, p99, the ratio to nginx, failed requests and the CPU share other
#      processes took during each run, the server's idle RSS (VmRSS before any load) and peak RSS
#      (VmHWM after all load), and whether the targets in docs/benchmarks.md are met.
# Every process it starts is stopped on exit; the exit status is 1 when a request failed. REKRUT_BIN overrides the binary; other REKRUT_*
# variables in the environment reach the server (for example REKRUT_SERVER_IO_THREADS).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

duration=10s
case "${1:-}" in
"") ;;
--quick) duration=3s ;;
*)
    echo "usage: bench/http.sh [--quick]" >&2
    exit 2
    ;;
esac
threads=2
connections=64

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
nginx_binary=/usr/sbin/nginx
for tool in "$binary" "$nginx_binary" /usr/bin/wrk /usr/bin/curl /usr/bin/python3; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`; wrk and nginx-light come from scripts/bootstrap)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-bench.XXXXXX)"
server_pid=""
nginx_pid=""
watchdog_pid=""

stop_process() {
    local pid="$1" signal="$2"
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n $watchdog_pid ]]; then kill "$watchdog_pid" 2>/dev/null || true; fi
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

# A port the kernel reports free right now. The bind is released before the server takes the port;
# the small race is acceptable for a benchmark.
free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until `url` answers 200, at most 10 s, and fails early if process `pid` has died.
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

# "512.34us" / "1.20ms" / "2.01s" → milliseconds.
to_ms() {
    awk -v value="$1" 'BEGIN {
        unit = value; sub(/^[0-9.]+/, "", unit); number = value + 0
        if (unit == "us") number /= 1000; else if (unit == "s") number *= 1000; else if (unit == "m") number *= 60000
        printf "%.2f", number
    }'
}

rss_kb() { awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"; }

# --- Rekrut -------------------------------------------------------------------------------------
server_port="$(free_port)"
export REKRUT_DATABASE_URL="sqlite:$work_dir/rekrut.db" REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
export REKRUT_LISTEN="127.0.0.1:$server_port"
export REKRUT_LOG_ACCESS=false
# Every load connection comes from 127.0.0.1; the per-address limit is meant for the open internet.
export REKRUT_SERVER_MAX_CONNECTIONS_PER_IP="${REKRUT_SERVER_MAX_CONNECTIONS_PER_IP:-1000}"
"$binary" migrate >"$work_dir/setup.log"
"$binary" seed-demo >>"$work_dir/setup.log"
"$binary" serve >"$work_dir/rekrut.log" 2>&1 &
server_pid=$!
server_url="http://127.0.0.1:$server_port"
wait_for "$server_url/healthz" "$server_pid" rekrut

# --- nginx with a static copy of the front page ------------------------------------------------
nginx_port="$(free_port)"
mkdir -p "$work_dir/nginx/html" "$work_dir/nginx/logs" "$work_dir/nginx/temp"
curl -fsS -o "$work_dir/nginx/html/index.html" "$server_url/"
page_bytes="$(stat -c %s "$work_dir/nginx/html/index.html")"
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
    }
}
EOF
"$nginx_binary" -p "$work_dir/nginx" -c "$work_dir/nginx/nginx.conf" -e "$work_dir/nginx/logs/error.log" \
    -g 'daemon off;' &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/" "$nginx_pid" nginx

# A safety net for when this script dies without running its EXIT trap (SIGKILL, for example): a
# background watcher stops the server and nginx once the script is gone. It checks that each pid still
# belongs to this run (the temporary folder is in its environment or command line) before it signals.
parent_pid=$$
(
    trap '' INT TERM HUP
    set +e +o pipefail
    while kill -0 "$parent_pid" 2>/dev/null; do sleep 1; done
    for pid_signal in "$server_pid:TERM" "$nginx_pid:QUIT"; do
        pid="${pid_signal%%:*}"
        if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qF "$work_dir" ||
            tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$work_dir"; then
            kill "-${pid_signal##*:}" "$pid" 2>/dev/null || true
        fi
    done
    sleep 2
    rm -rf "$work_dir"
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

# --- Load ---------------------------------------------------------------------------------------
idle_rss_kb="$(rss_kb "$server_pid" VmRSS)"
# Other work on the machine skews every figure; the load average before the run tells the reader.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# CPU accounting, in clock ticks, to show how much of the machine other processes took during a run:
# busy time of all CPUs (user + nice + system) minus the time of rekrut, nginx and wrk.
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { # utime + stime of each pid given; field numbers count after the ")" of the name
    local pid total=0
    for pid in "$@"; do
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0)))
    done
    echo "$total"
}
# The waited-for children of process $1 (wrk, run by measure below).
children_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $14 + $15 }'; }
our_ticks() { echo $(($(process_ticks "$server_pid" "$nginx_pid" $(pgrep -P "$nginx_pid")) + $(children_ticks "$1"))); }

# Runs wrk against `url` and prints "requests_per_second p50_ms p99_ms errors other_cpu_percent".
measure() {
    local url="$1" output self=$BASHPID
    wrk -t1 -c8 -d1s "$url" >/dev/null # warm-up, not counted
    local busy_before total_before ours_before busy_after total_after ours_after
    read -r busy_before total_before < <(machine_ticks)
    ours_before="$(our_ticks "$self")"
    output="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")"
    read -r busy_after total_after < <(machine_ticks)
    ours_after="$(our_ticks "$self")"
    echo "$output" >>"$work_dir/wrk.log"
    local rps p50 p99 errors other
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$output")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$output")")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' <<<"$output")"
    other="$(awk -v busy=$((busy_after - busy_before)) -v ours=$((ours_after - ours_before)) \
        -v total=$((total_after - total_before)) 'BEGIN { o = busy - ours; if (o < 0) o = 0; printf "%.0f", (total > 0 ? 100 * o / total : 0) }')"
    echo "$rps $p50 $p99 $errors $other"
}

result="$(measure "http://127.0.0.1:$nginx_port/")"
read -r nginx_rps nginx_p50 nginx_p99 nginx_errors nginx_other <<<"$result"
result="$(measure "$server_url/healthz")"
read -r health_rps health_p50 health_p99 health_errors health_other <<<"$result"
result="$(measure "$server_url/")"
read -r front_rps front_p50 front_p99 front_errors front_other <<<"$result"

peak_rss_kb="$(rss_kb "$server_pid" VmHWM)"
current_rss_kb="$(rss_kb "$server_pid" VmRSS)"

# --- Report -------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
echo "wrk -t$threads -c$connections -d$duration --latency; front page $page_bytes bytes; $(nproc) cores shared by wrk, nginx and rekrut"
echo "load average before the run: $load_before"
row() { printf '%-28s %12s %10s %10s %10s %8s %10s\n' "$@"; }
row target "requests/s" "p50 ms" "p99 ms" "vs nginx" errors "other CPU"
row "nginx static (front page)" "$(printf %.0f "$nginx_rps")" "$nginx_p50" "$nginx_p99" "1.00" "$nginx_errors" \
    "$nginx_other %"
row "rekrut /healthz" "$(printf %.0f "$health_rps")" "$health_p50" "$health_p99" \
    "$(ratio "$health_rps" "$nginx_rps")" "$health_errors" "$health_other %"
row "rekrut / (front page)" "$(printf %.0f "$front_rps")" "$front_p50" "$front_p99" \
    "$(ratio "$front_rps" "$nginx_rps")" "$front_errors" "$front_other %"
echo "(other CPU: share of both cores used by processes other than wrk, nginx and rekrut during the run)"
echo
# /proc reports kB = 1024 bytes; MB here is 10^6 bytes.
megabytes() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
echo "rekrut RSS: idle $(megabytes "$idle_rss_kb") MB (VmRSS before load)," \
    "peak $(megabytes "$peak_rss_kb") MB (VmHWM after load), $(megabytes "$current_rss_kb") MB after load"

front_ratio="$(ratio "$front_rps" "$nginx_rps")"
verdict() { if [[ $1 == 1 ]]; then echo "met"; else echo "NOT met"; fi; }
echo "target front page >= 0.5x nginx static: $front_ratio x, $(verdict "$(awk -v r="$front_ratio" 'BEGIN { print (r >= 0.5) }')")"
echo "target idle RSS < 30 MB: $(megabytes "$idle_rss_kb") MB, $(verdict "$(awk -v k="$idle_rss_kb" 'BEGIN { print (k * 1024 < 30e6) }')")"
if ((nginx_errors + health_errors + front_errors > 0)); then
    echo "bench: some requests failed (see the errors column)" >&2
    exit 1
fi
