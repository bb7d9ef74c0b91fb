#!/usr/bin/env bash
# The committee's application list of a large case, on SQLite and on PostgreSQL: a case with 2,000
# applications that 5 members have declared on, marked and scored. Run by `make bench` after
# bench/mail.sh; results are recorded in docs/benchmarks.md ("Assessment list").
#
#   bench/assessment.sh           10 s per run, 200 rounds of the store-level timings
#   bench/assessment.sh --quick   3 s per run, 50 rounds (a smoke test of the script)
#
# What it does, for each database (a fresh SQLite file, then a fresh database on a throwaway
# PostgreSQL 15 cluster in the temporary folder, with its default settings):
#   1. `rekrut migrate`, `rekrut seed-demo`, then build/release/rekrut_assessment_bench seed
#      (bench/assessment_bench.cpp): one published case in the first demo institution with a scorecard
#      of 3 weighted criteria, 2,000 applications, 5 new committee members (one projektleder, four
#      projektdeltagere, no institution roles) who each declared on every application (a few
#      conflicts), marked and scored every other, the summaries summed up by domain::summarise, all
#      written through the product's store functions; and a signed-in session for a projektdeltager
#      (stored as a login stores it: the hash of the token; no second factor, as the member holds no
#      institution role). On PostgreSQL, VACUUM ANALYZE then does what autovacuum does within a minute;
#      SQLite gets no ANALYZE, as the product runs none;
#   2. `rekrut serve` (release build, access log on) on a free loopback port; fetches the list
#      (/cases/ID/applications) as the member and finds, by pattern rather than by markup, the rows'
#      links and the page's "next" link (an href with after=ID), followed to the 10th page; checks
#      that each page answers 200;
#   3. runs wrk on the first page, the later page and the first page with ?sort=committee: with one
#      connection (-t1 -c1), whose server-side p50/p99 (from the access log, from the complete request
#      to the response) is the target's measure, then with 16 connections (-t2 -c16) for throughput;
#      and the same two runs against nginx serving the member's first page as a static file (the
#      reference, in the same run, on the same 2 cores);
#   4. if the binary has the ranking route (POST /cases/ID/rankings/RANKING with csrf_token and
#      `order`, 303 on success), saves a ranking of 200 applicants 50 times and reports the server
#      time; a 404 skips this with a message;
#   5. stops the server and runs rekrut_assessment_bench list: the store's list query timed on its
#      own (first page, the page after the 1,000th row, sorted by the committee; the count), and
#      prints the query plans of the list query (EXPLAIN QUERY PLAN, EXPLAIN ANALYZE).
# Every process it starts is stopped on exit. The exit status is 1 when a page did not answer 200.
# REKRUT_BIN overrides the binary.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

duration=10s
rounds=200
case "${1:-}" in
"") ;;
--quick)
    duration=3s
    rounds=50
    ;;
*)
    echo "usage: bench/assessment.sh [--quick]" >&2
    exit 2
    ;;
esac
applications=2000
members=5
ranking_size=200

binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
helper="$(dirname "$binary")/rekrut_assessment_bench"
pg_bin=/usr/lib/postgresql/15/bin
nginx_binary=/usr/sbin/nginx
for tool in "$binary" "$helper" "$nginx_binary" /usr/bin/wrk /usr/bin/curl /usr/bin/python3 /usr/bin/sqlite3 \
    /usr/sbin/runuser "$pg_bin/initdb" "$pg_bin/pg_ctl" "$pg_bin/psql"; do
    if [[ ! -x $tool ]]; then
        echo "bench: $tool is missing (run \`make build-release\`; nginx-light, wrk and PostgreSQL 15 come from scripts/bootstrap)" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d /tmp/rekrut-assessment.XXXXXX)"
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
    if ((status != 0)) && [[ -f $work_dir/access.log ]]; then
        echo "bench: failed; the last lines of the server log:" >&2
        tail -n 20 "$work_dir/access.log" >&2 || true
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

# --- nginx: the reference, serving the member's first page (written below, per database) as a file --
nginx_port="$(free_port)"
mkdir -p "$work_dir/nginx/logs" "$work_dir/nginx/temp" "$work_dir/nginx/html"
echo '<!doctype html><title>placeholder</title>' >"$work_dir/nginx/html/list.html"
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
    sendfile on;
    keepalive_requests 1000000;
    default_type text/html;
    client_body_temp_path $work_dir/nginx/temp/body;
    proxy_temp_path $work_dir/nginx/temp/proxy;
    fastcgi_temp_path $work_dir/nginx/temp/fastcgi;
    uwsgi_temp_path $work_dir/nginx/temp/uwsgi;
    scgi_temp_path $work_dir/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work_dir/nginx/html;
        location /healthz { return 200; }
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

# --- CPU accounting, as in bench/pages.sh ---------------------------------------------------------
# The machine's busy and total clock ticks, and the ticks of the server, nginx's workers, PostgreSQL
# and this shell's waited-for children (wrk), to tell how much of the two cores other processes took.
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
process_ticks() { # the user + system ticks of a process and its waited-for children
    [[ -r /proc/$1/stat ]] || { echo 0; return; }
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 + $14 + $15 }'
}
our_ticks() {
    local total=0 pid
    # PostgreSQL's backends are children of its postmaster, which collects their time when they end.
    local postmaster=""
    if [[ -n $pg_port && -r $work_dir/pg/data/postmaster.pid ]]; then
        postmaster="$(head -n 1 "$work_dir/pg/data/postmaster.pid")"
    fi
    # shellcheck disable=SC2046 # the pids are words
    for pid in "$server_pid" $$ $(pgrep -P "$nginx_pid" 2>/dev/null) "$nginx_pid" "$postmaster" \
        $([[ -n $postmaster ]] && pgrep -P "$postmaster" 2>/dev/null); do
        [[ -n $pid ]] && total=$((total + $(process_ticks "$pid")))
    done
    echo "$total"
}

# Runs wrk and prints one line of the table. Arguments: target label, page label, URL, connections,
# and "server" when the server's access log gives the server time (rekrut), or "-" (nginx).
# Fails when a response was not 200.
results=()
run() {
    local target="$1" page="$2" url="$3" connections="$4" log="$5"
    local threads=$((connections < 2 ? 1 : 2))
    local args=(-t"$threads" -c"$connections" -d"$duration" --latency)
    [[ $target == rekrut* ]] && args+=(-H "Cookie: rekrut_session=$token")
    if [[ $log == server ]]; then : >"$work_dir/access.log"; fi
    local busy_before total_before ours_before busy_after total_after ours_after
    read -r busy_before total_before < <(machine_ticks)
    ours_before="$(our_ticks)"
    wrk "${args[@]}" "$url" >"$work_dir/wrk.out"
    read -r busy_after total_after < <(machine_ticks)
    ours_after="$(our_ticks)"
    cat "$work_dir/wrk.out" >>"$work_dir/wrk.log"
    local line status=0
    line="$(/usr/bin/python3 - "$target" "$page" "$connections" "$log" "$work_dir/access.log" \
        "$((busy_after - busy_before))" "$((ours_after - ours_before))" "$((total_after - total_before))" \
        "$work_dir/wrk.out" <<'PY'
import json, re, sys
target, page, connections, log, log_path = sys.argv[1:6]
busy, ours, total = (int(value) for value in sys.argv[6:9])
text = open(sys.argv[9], encoding="utf-8", errors="replace").read()
def milliseconds(value):
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
client = {share: milliseconds(value) for share, value in re.findall(r"^\s+(50|99)%\s+(\S+)$", text, re.M)}
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
non_2xx = int(errors.group(1)) if errors else 0
failed = 0
socket_errors = re.search(r"Socket errors: (.*)", text)
server = "-"
if log == "server":
    times = []
    for entry in open(log_path, encoding="utf-8", errors="replace"):
        try:
            record = json.loads(entry)
        except ValueError:
            continue
        if "duration_ms" in record and record.get("route", "").endswith("/applications"):
            times.append(record["duration_ms"])
            if record.get("status") != 200:
                failed += 1
    times.sort()
    if times:
        p50 = times[len(times) // 2]
        p99 = times[max(0, int(len(times) * 0.99) - 1)]
        server = f"{p50:.2f} / {p99:.2f}"
# wrk counts 3xx as success, the access log does not (a redirect to the login is a failure here).
failed = max(failed, non_2xx)
other = max(0, busy - ours)
other_share = 100 * other / total if total else 0
print(f"{target:<28} {page:<34} {connections:>5} {rps:>10.0f} {server:>17} "
      f"{client.get('50', float('nan')):>8.2f} {client.get('99', float('nan')):>8.2f} {failed:>6} {other_share:>6.0f} %"
      + (f"  socket errors: {socket_errors.group(1)}" if socket_errors else ""))
sys.exit(3 if failed else 0)
PY
    )" || status=$?
    echo "$line"
    results+=("$line")
    if ((status != 0)); then
        echo "bench: $target, $page: some responses were not 200 (the failed column)" >&2
        page_failed=1
    fi
}

# Reads HTML on stdin and prints, for the list of case $1, first the number of the rows' application
# links and the ids in order ("ROWS n id id ..."), then the "next" link (an href to the list with
# after=ID in its query, relative to the list or not), HTML-unescaped, or nothing.
read_page() {
    /usr/bin/python3 -c '
import html, re, sys
case_id, page = sys.argv[1], sys.stdin.read()
ids = []
for found in re.findall(r"href=\"/cases/" + case_id + r"/applications/([0-9]+)[\"?#]", page):
    if found not in ids:
        ids.append(found)
print("ROWS", len(ids), " ".join(ids))
list_path = "/cases/" + case_id + "/applications"
links = [html.unescape(href) for href in re.findall(r"href=\"((?:" + list_path + r")?\?[^\"]*)\"", page)]
links = [list_path + href if href.startswith("?") else href for href in links]
following = [href for href in links if re.search(r"[?&]after=[0-9]+", href)]
if following:
    print("NEXT", following[-1])
' "$1"
}

# --- One database -----------------------------------------------------------------------------------
page_failed=0
store_results=()
bench_database() {
    local label="$1" url="$2"
    local port
    port="$(free_port)"
    export REKRUT_DATABASE_URL="$url" REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key"
    export REKRUT_LISTEN="127.0.0.1:$port" REKRUT_AUDIT_ANCHOR="$work_dir/audit-anchor.log"
    export REKRUT_SERVER_MAX_CONNECTIONS_PER_IP="${REKRUT_SERVER_MAX_CONNECTIONS_PER_IP:-1000}"
    REKRUT_LOG_LEVEL=warn "$binary" migrate >>"$work_dir/setup.log"
    REKRUT_LOG_LEVEL=warn "$binary" seed-demo >>"$work_dir/setup.log"
    "$helper" seed "$url" "$REKRUT_SECURITY_KEY_FILE" "$applications" "$members" >"$work_dir/seed.log"
    local case_id viewer conflicts seeded
    case_id="$(awk '$1 == "CASE" { print $2 }' "$work_dir/seed.log")"
    viewer="$(awk '$1 == "VIEWER" { print $2 }' "$work_dir/seed.log")"
    token="$(awk '$1 == "TOKEN" { print $2 }' "$work_dir/seed.log")"
    conflicts="$(awk '$1 == "CONFLICTS" { print $2 }' "$work_dir/seed.log")"
    seeded="$(awk '$1 == "SEEDED" { print $2 }' "$work_dir/seed.log")"
    if [[ $label == postgresql ]]; then
        "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d rekrut -c "VACUUM ANALYZE"
    fi
    echo "$label: case $case_id, $applications applications, $members members' declarations, marks and scores" \
        "seeded in $seeded s; signed in as member $viewer (conflicts with $conflicts applications)"

    # Append mode, so that truncating the log between runs works while the server writes to it.
    REKRUT_LOG_LEVEL=info "$binary" serve >"$work_dir/stdout.log" 2>>"$work_dir/access.log" &
    server_pid=$!
    local server_url="http://127.0.0.1:$port"
    wait_for "$server_url/healthz" "$server_pid" rekrut

    # The pages, found by following the list's own links.
    local list_path="/cases/$case_id/applications" status page_info rows next later_path="" later_label=""
    local first_ids="" all_ids=() pages=1
    status="$(curl -sS -o "$work_dir/page.html" -w '%{http_code}' -H "Cookie: rekrut_session=$token" \
        "$server_url$list_path")"
    [[ $status == 200 ]] || { echo "bench: the member's list answered $status, not 200" >&2; return 1; }
    cp "$work_dir/page.html" "$work_dir/nginx/html/list.html"
    page_info="$(read_page "$case_id" <"$work_dir/page.html")"
    rows="$(awk '$1 == "ROWS" { print $2 }' <<<"$page_info")"
    first_ids="$(awk '$1 == "ROWS" { $1 = ""; $2 = ""; print }' <<<"$page_info")"
    read -r -a all_ids <<<"$first_ids"
    next="$(awk '$1 == "NEXT" { print $2 }' <<<"$page_info")"
    echo "$label: first page: $rows rows, $(stat -c %s "$work_dir/page.html") bytes of HTML," \
        "next link: ${next:-none}"
    while [[ -n $next ]] && ((pages < 10)); do
        status="$(curl -sS -o "$work_dir/later.html" -w '%{http_code}' -H "Cookie: rekrut_session=$token" \
            "$server_url$next")"
        [[ $status == 200 ]] || { echo "bench: the list page $next answered $status, not 200" >&2; return 1; }
        pages=$((pages + 1))
        later_path="$next"
        page_info="$(read_page "$case_id" <"$work_dir/later.html")"
        read -r -a page_ids <<<"$(awk '$1 == "ROWS" { $1 = ""; $2 = ""; print }' <<<"$page_info")"
        all_ids+=("${page_ids[@]}")
        next="$(awk '$1 == "NEXT" { print $2 }' <<<"$page_info")"
    done
    if [[ -n $later_path ]]; then
        later_label="list, page $pages (keyset)"
        echo "$label: page $pages: $later_path, $(awk '$1 == "ROWS" { print $2 }' <<<"$page_info") rows"
    else
        echo "$label: the list has no next link (after=ID): this build shows all rows on one page;" \
            "the later-page run is skipped"
    fi
    local sorted_path="$list_path?sort=committee" sorted_ids
    status="$(curl -sS -o "$work_dir/sorted.html" -w '%{http_code}' -H "Cookie: rekrut_session=$token" \
        "$server_url$sorted_path")"
    [[ $status == 200 ]] || { echo "bench: $sorted_path answered $status, not 200" >&2; return 1; }
    sorted_ids="$(read_page "$case_id" <"$work_dir/sorted.html" | awk '$1 == "ROWS" { $1 = ""; $2 = ""; print }')"
    if [[ $sorted_ids == "$first_ids" ]]; then
        echo "$label: ?sort=committee gives the same rows in the same order as the unsorted list" \
            "(this build ignores the parameter)"
    fi

    echo "$label: wrk, $duration per run; server p50 / p99 from the access log, client p50 / p99 from wrk"
    local connections
    for connections in 1 16; do
        run "nginx static (reference)" "the member's first page as a file" \
            "http://127.0.0.1:$nginx_port/list.html" "$connections" -
        run "rekrut, $label" "list, first page" "$server_url$list_path" "$connections" server
        if [[ -n $later_path ]]; then
            run "rekrut, $label" "$later_label" "$server_url$later_path" "$connections" server
        fi
        run "rekrut, $label" "list, ?sort=committee" "$server_url$sorted_path" "$connections" server
    done

    # Saving a ranking, when this build has the route.
    local csrf ranking_id ranking_path
    csrf="$( (grep -o 'name="csrf_token" value="[^"]*"' "$work_dir/page.html" || true) | head -n 1 |
        sed 's/.*value="//; s/"$//')"
    ranking_id="$( (grep -o "/cases/$case_id/rankings/[0-9]*" "$work_dir/page.html" || true) | head -n 1 |
        sed 's#.*/##')"
    if [[ -z $ranking_id ]]; then
        # A list of the member's own to save into: made as the ranking page makes one.
        ranking_id="$( (curl -sS -o /dev/null -w '%{redirect_url}' -H "Cookie: rekrut_session=$token" \
            --data-urlencode "csrf_token=$csrf" --data-urlencode "name=Benchmark" \
            --data-urlencode "round=first_interview" "$server_url/cases/$case_id/rankings" || true) |
            grep -o "/rankings/[0-9]*$" | sed 's#.*/##' || true)"
    fi
    ranking_path="/cases/$case_id/rankings/${ranking_id:-${REKRUT_BENCH_RANKING_ID:-1}}"
    if ((${#all_ids[@]} < ranking_size)); then
        echo "$label: ranking: the pages showed ${#all_ids[@]} applications, fewer than $ranking_size; skipped"
    else
        status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: rekrut_session=$token" \
            --data-urlencode "csrf_token=$csrf" \
            --data-urlencode "order=$(IFS=,; echo "${all_ids[*]:0:$ranking_size}")" "$server_url$ranking_path")"
        if [[ $status == 404 ]]; then
            echo "$label: ranking: POST $ranking_path answered 404: this build has no ranking route (or no" \
                "ranking $ranking_path); saving a ranking of $ranking_size is not measured"
        elif [[ $status != 303 ]]; then
            echo "$label: ranking: POST $ranking_path answered $status, not 303; not measured"
        else
            : >"$work_dir/access.log"
            /usr/bin/python3 - "$port" "$token" "$csrf" "$ranking_path" "${all_ids[@]:0:$ranking_size}" <<'PY'
import http.client, random, sys, time, urllib.parse
port, token, csrf, path, ids = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
connection = http.client.HTTPConnection("127.0.0.1", port)
order = random.Random(7)
for _ in range(50):
    order.shuffle(ids)
    body = urllib.parse.urlencode({"csrf_token": csrf, "order": ",".join(ids)})
    connection.request("POST", path, body, {"Cookie": f"rekrut_session={token}",
                                            "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    if response.status != 303:
        sys.exit(f"bench: saving the ranking answered {response.status}")
PY
            local saves
            saves="$(/usr/bin/python3 - "$work_dir/access.log" <<'PY'
import json, sys
times = sorted(json.loads(line)["duration_ms"] for line in open(sys.argv[1], errors="replace")
               if '"duration_ms"' in line and "/rankings/" in line)
print(f"{len(times)} saves, server p50 {times[len(times) // 2]:.2f} ms, p99 {times[max(0, int(len(times) * 0.99) - 1)]:.2f} ms, max {times[-1]:.2f} ms")
PY
            )"
            echo "$label: ranking of $ranking_size applicants: $saves (target < 50 ms)"
            results+=("$(printf '%-28s %-34s %5s %s' "rekrut, $label" "ranking of $ranking_size, saved" 1 "$saves")")
        fi
    fi
    stop_process "$server_pid" TERM
    server_pid=""

    echo "$label: the store's list query alone (store::assessment::list as the member), $rounds rounds"
    "$helper" list "$url" "$case_id" "$viewer" "$rounds" >"$work_dir/list-$label.log"
    local name count p50 p99 max
    while read -r _ name count p50 p99 max; do
        store_results+=("$(printf '%-12s %-24s %6s %10s %10s %10s' "$label" "$name" "$count" "$p50" "$p99" "$max")")
    done < <(grep '^RESULT' "$work_dir/list-$label.log")
    local middle
    middle="$(awk '$1 == "MIDDLE" { print $2 }' "$work_dir/list-$label.log")"
    explain "$label" "$case_id" "$viewer" "$middle" >"$work_dir/plans-$label.txt"
}

# The list query of src/store/assessment_store.cpp as it stands, written out with the values of the
# member's view: first page by received_at, the page after row MIDDLE, and sorted by the committee.
# Keep in step with assessment::list when it changes.
list_query() { # case_id viewer variant(first|after|committee) middle institution anchor
    local case_id="$1" viewer="$2" variant="$3" middle="$4" institution="$5" anchor="$6" key="a.received_at" order
    local where=""
    [[ $variant == committee ]] && key="(CASE WHEN m.mark IS NULL THEN -1 ELSE COALESCE(s.mark_points, -1) END)"
    order="ORDER BY $key ASC, a.id ASC LIMIT 51"
    [[ $variant == committee ]] && order="ORDER BY $key DESC, a.id ASC LIMIT 51"
    if [[ $variant == after ]]; then
        where=" AND (a.received_at, a.id) > ($anchor, $middle)"
    fi
    cat <<SQL
SELECT a.id, a.full_name, a.status, a.channel, a.knocked_out, a.priority_access, a.on_time, a.received_at,
 COALESCE(m.mark, ''), CASE WHEN (SELECT 1 FROM assessment_scores o WHERE o.application_id = a.id
 AND o.user_id = $viewer LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END, COALESCE(s.yes_count, 0), COALESCE(s.maybe_count, 0),
 COALESCE(s.no_count, 0), COALESCE(s.mark_points, -1), COALESCE(s.scorers, 0), COALESCE(s.score_mean, -1),
 COALESCE(s.score_low, -1), COALESCE(s.score_high, -1), CASE WHEN l.application_id IS NULL THEN 0 ELSE 1 END
 FROM applications a
 LEFT JOIN assessment_marks m ON m.application_id = a.id AND m.user_id = $viewer
 LEFT JOIN assessment_summaries s ON s.application_id = a.id
 LEFT JOIN anonymity_lifts l ON l.application_id = a.id
 WHERE a.institution_id = $institution AND a.case_id = $case_id
 AND NOT EXISTS (SELECT 1 FROM conflict_declarations d WHERE d.application_id = a.id AND d.user_id = $viewer
 AND d.conflict = 1)$where
 $order
SQL
}

explain() {
    local label="$1" case_id="$2" viewer="$3" middle="$4" institution variant anchor
    if [[ $label == sqlite ]]; then
        local database="${REKRUT_DATABASE_URL#sqlite:}"
        institution="$(sqlite3 "$database" "SELECT institution_id FROM recruitment_cases WHERE id = $case_id")"
        anchor="$(sqlite3 "$database" "SELECT received_at FROM applications WHERE id = $middle")"
        for variant in first after committee; do
            echo "-- $label, $variant: EXPLAIN QUERY PLAN"
            sqlite3 "$database" \
                "EXPLAIN QUERY PLAN $(list_query "$case_id" "$viewer" "$variant" "$middle" "$institution" "$anchor")"
        done
    else
        local psql=("$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d rekrut)
        institution="$("${psql[@]}" -At -c "SELECT institution_id FROM recruitment_cases WHERE id = $case_id")"
        anchor="$("${psql[@]}" -At -c "SELECT received_at FROM applications WHERE id = $middle")"
        for variant in first after committee; do
            echo "-- $label, $variant: EXPLAIN (ANALYZE, BUFFERS)"
            "${psql[@]}" -At -c \
                "EXPLAIN (ANALYZE, BUFFERS) $(list_query "$case_id" "$viewer" "$variant" "$middle" "$institution" "$anchor")"
        done
    fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "== SQLite"
bench_database sqlite "sqlite:$work_dir/rekrut.db"
cp "$work_dir/plans-sqlite.txt" "$work_dir/plans-sqlite.keep"
echo "== PostgreSQL 15"
start_postgres
bench_database postgresql "postgresql://postgres@127.0.0.1:$pg_port/rekrut"
stop_postgres

# --- Report ------------------------------------------------------------------------------------------
echo
echo "Assessment list: $applications applications, $members members; started $started, load average before" \
    "$load_before; $(nproc) cores shared by wrk, nginx and the server; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
printf '%-28s %-34s %5s %10s %17s %8s %8s %6s %8s\n' target page conn "req/s" "server p50/p99" "wrk p50" "wrk p99" \
    failed "other"
printf '%s\n' "${results[@]}"
echo
echo "The store's list query alone (ms; rows = rows on the page, or the count)"
printf '%-12s %-24s %6s %10s %10s %10s\n' database query rows p50 p99 max
printf '%s\n' "${store_results[@]}"
echo
echo "Query plans of the list query (as the member)"
cat "$work_dir/plans-sqlite.keep" "$work_dir/plans-postgresql.txt"
echo
echo "(targets: server p99 of a list page < 30 ms with one connection; >= 1,500 list pages/s at 16 connections;" \
    "saving a ranking of 200 < 50 ms)"
if ((page_failed != 0)); then
    exit 1
fi
