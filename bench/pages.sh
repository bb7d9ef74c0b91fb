#!/usr/bin/env bash
# Signed-in pages under load: the cost of the session (lookup + permission check) and the case list
# ("Mine sager") of an institution with 5,000 cases, and the session overhead on its own: the signed-in
# front page against the anonymous one with one connection. Run by `make bench` after bench/http.sh;
# results are recorded in docs/benchmarks.md.
#
#   bench/pages.sh           10 s per target
#   bench/pages.sh --quick   3 s per target
#
# It uses the release build on a fresh SQLite database with the demo data, adds 5,000 generated
# cases to the first institution, and creates a signed-in session for its Administrator directly
# in the database (the same stored form as a real login: the BLAKE2b hash of the token). The
# server writes its access log, from which the server time per request (from the complete request
# to the response) is read, so the figures exclude wrk's own time and the network.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

duration=10s
dialect=sqlite
for argument in "$@"; do
    case "$argument" in
    --quick) duration=3s ;;
    --postgresql) dialect=postgresql ;;
    *)
        echo "usage: bench/pages.sh [--quick] [--postgresql]" >&2
        exit 2
        ;;
    esac
done
binary="${REKRUT_BIN:-$PWD/build/release/rekrut}"
pg_bin=/usr/lib/postgresql/15/bin
tools=("$binary" /usr/bin/wrk /usr/bin/curl /usr/bin/python3 /usr/bin/sqlite3)
[[ $dialect == postgresql ]] && tools+=(/usr/sbin/runuser "$pg_bin/initdb" "$pg_bin/pg_ctl" "$pg_bin/psql")
for tool in "${tools[@]}"; do
    [[ -x $tool ]] || { echo "bench: $tool is missing (run make build-release / scripts/bootstrap)" >&2; exit 1; }
done

work_dir="$(mktemp -d /tmp/rekrut-pages.XXXXXX)"
chmod 711 "$work_dir" # the postgres user reaches its cluster folder inside
server_pid=""
pg_port=""
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ -n $pg_port ]]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work_dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"
export REKRUT_SECURITY_KEY_FILE="$work_dir/rekrut.key" REKRUT_LISTEN="127.0.0.1:$port" REKRUT_LOG_LEVEL=warn
if [[ $dialect == sqlite ]]; then
    database="$work_dir/rekrut.db"
    export REKRUT_DATABASE_URL="sqlite:$database"
    sql() { sqlite3 "$database"; }
    now="strftime('%s', 'now')"
    numbers="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT i FROM n"
else
    # A throwaway PostgreSQL 15 cluster with default settings, on loopback and its own socket folder.
    mkdir -p "$work_dir/pg"
    chown postgres: "$work_dir/pg"
    chmod 700 "$work_dir/pg"
    (cd / && runuser -u postgres -- "$pg_bin/initdb" -D "$work_dir/pg/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-instructions >"$work_dir/initdb.log" 2>&1)
    pg_port="$(free_port)"
    (cd / && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work_dir/pg/data" -l "$work_dir/pg/postgres.log" -w \
        -t 60 -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work_dir/pg" start >/dev/null)
    "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE rekrut'
    export REKRUT_DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/rekrut"
    sql() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d rekrut >/dev/null; }
    now="extract(epoch FROM now())::bigint"
    numbers="SELECT generate_series(1, 5000) AS i"
fi
"$binary" migrate >/dev/null
"$binary" seed-demo >/dev/null

# 5,000 cases in the first institution, in every state, with deadlines spread over a year.
sql <<SQL
INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, application_deadline, created_at, updated_at)
SELECT 1, 'Genereret stilling ' || i,
       CASE i % 8 WHEN 0 THEN 'draft' WHEN 1 THEN 'ready_for_publication' WHEN 2 THEN 'published'
                  WHEN 3 THEN 'closed_for_applications' WHEN 4 THEN 'assessment' WHEN 5 THEN 'decision'
                  WHEN 6 THEN 'filled' ELSE 'cancelled' END,
       'København K', $now + (i % 365) * 86400, $now, $now
FROM ($numbers) AS n;
SQL
if [[ $dialect == postgresql ]]; then
    echo "VACUUM ANALYZE;" | sql # what autovacuum does within a minute of 5,000 inserts
fi

token="$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(32))')"
token_hash="$(/usr/bin/python3 -c "import hashlib,sys; print(hashlib.blake2b(b'session:' + sys.argv[1].encode(), digest_size=32).hexdigest())" "$token")"
sql <<SQL
INSERT INTO sessions (token_hash, user_id, mfa_passed, created_at, last_seen_at, expires_at, rotated_at, ip)
  SELECT '$token_hash', id, 1, $now, $now, $now + 43200, $now + 60, ''
  FROM users WHERE email = 'administrator@styrelsen.example.test';
SQL

# Append mode, so that truncating the log between runs works while the server writes to it.
REKRUT_LOG_LEVEL=info "$binary" serve >"$work_dir/stdout.log" 2>>"$work_dir/access.log" &
server_pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
cookie="Cookie: rekrut_session=$token"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "http://127.0.0.1:$port/cases")"
[[ $status == 200 ]] || { echo "bench: the signed-in case list answered $status" >&2; exit 1; }

# CPU accounting. The server's CPU time in nanoseconds, summed over its threads (scheduler statistics,
# not rounded to clock ticks like /proc/PID/stat); the machine's busy and total clock ticks; and the
# clock ticks of the server and of this shell's waited-for children (wrk), to tell how much of the two
# cores other processes took during a run.
server_cpu_ns() { cat /proc/"$server_pid"/task/*/schedstat 2>/dev/null | awk '{ total += $1 } END { printf "%.0f", total }'; }
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# PostgreSQL's processes (the postmaster and its children) count as ours, on that database.
pg_ticks() {
    [[ -n $pg_port ]] || { echo 0; return; }
    local main total=0 pid
    main="$(head -n 1 "$work_dir/pg/data/postmaster.pid")"
    for pid in "$main" $(pgrep -P "$main" || true); do
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0)))
    done
    echo "$total"
}
our_ticks() {
    echo $(($(sed 's/.*) //' "/proc/$server_pid/stat" | awk '{ print $12 + $13 }') + $(sed 's/.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }') + $(pg_ticks)))
}

run() { # name, path, cookie-or-empty, connections (default 16)
    local name="$1" path="$2" header="$3" connections="${4:-16}"
    : >"$work_dir/access.log"
    local threads=$((connections < 2 ? 1 : 2))
    local args=(-t"$threads" -c"$connections" -d"$duration" --latency)
    [[ -n $header ]] && args+=(-H "$header")
    local output cpu_before busy_before total_before ours_before cpu_after busy_after total_after ours_after
    cpu_before="$(server_cpu_ns)"
    read -r busy_before total_before < <(machine_ticks)
    ours_before="$(our_ticks)"
    output="$(wrk "${args[@]}" "http://127.0.0.1:$port$path")"
    cpu_after="$(server_cpu_ns)"
    read -r busy_after total_after < <(machine_ticks)
    ours_after="$(our_ticks)"
    local rps other
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$output")"
    other="$(awk -v busy=$((busy_after - busy_before)) -v ours=$((ours_after - ours_before)) \
        -v total=$((total_after - total_before)) 'BEGIN { o = busy - ours; if (o < 0) o = 0; printf "%.0f", (total > 0 ? 100 * o / total : 0) }')"
    /usr/bin/python3 - "$name" "$rps" "$work_dir/access.log" "$((cpu_after - cpu_before))" "$other" <<'PY'
import json, statistics, sys
name, rps, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
cpu_ns, other = int(sys.argv[4]), sys.argv[5]
times = []
for line in open(path, encoding="utf-8", errors="replace"):
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    if "duration_ms" in entry:
        times.append(entry["duration_ms"])
times.sort()
p50 = statistics.median(times) if times else float("nan")
p99 = times[int(len(times) * 0.99) - 1] if times else float("nan")
cpu = cpu_ns / 1e6 / len(times) if times else float("nan")
print(f"{name:<44} {rps:>10.0f} req/s   server p50 {p50:7.3f} ms   p99 {p99:7.3f} ms   ({len(times)} requests)"
      f"   server CPU {cpu:6.3f} ms/request   other CPU {other} %")
PY
}

echo "== Signed-in pages, $dialect, 16 connections, $duration each ($(nproc) cores shared with wrk)"
run "front page, no session" "/" ""
run "front page, signed in (session + policy)" "/" "$cookie"
run "case list, 5,000 cases, page 1" "/cases" "$cookie"
run "case list, 5,000 cases, page 100" "/cases?page=100" "$cookie"
run "case list, filtered (published, by title)" "/cases?state=published&sort=title" "$cookie"

# One connection: the time a page takes on its own, without waiting behind other requests for a worker
# or a core.
echo "== 1 connection"
run "front page, no session" "/" "" 1
run "front page, signed in (session + policy)" "/" "$cookie" 1
run "case list, 5,000 cases, page 1" "/cases" "$cookie" 1
run "case list, 5,000 cases, page 100" "/cases?page=100" "$cookie" 1
run "case list, filtered (published, by title)" "/cases?state=published&sort=title" "$cookie" 1

# The session overhead: the signed-in front page minus the anonymous one, median server time, one
# connection. The anonymous page is served on the I/O thread; a request with a session cookie goes to
# a worker. A cookie that cannot be a session (`none`) takes that hand-off without any query, which
# splits the overhead into the hand-off and the session itself (lookup, user, roles, and the signed-in
# header). The three requests take turns on one connection, request by request, so that whatever else
# slows the machine down falls on all three alike; with one connection the access log has them in the
# order they were sent. Three runs show how much the figure moves between runs.
echo "== Session overhead, front page, 1 connection, the three requests in turn, 3 runs of $duration"
/usr/bin/python3 - "$port" "$token" "${duration%s}" "$work_dir/access.log" <<'PY'
import http.client, json, statistics, sys, time
port, token, seconds, log_path = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
variants = [{}, {"Cookie": "rekrut_session=none"}, {"Cookie": f"rekrut_session={token}"}]
figures = []
for run in range(1, 4):
    open(log_path, "w").close()
    connection = http.client.HTTPConnection("127.0.0.1", port)
    sent, lengths, deadline = 0, [set(), set(), set()], time.monotonic() + seconds
    while time.monotonic() < deadline or sent % 3:
        connection.request("GET", "/", headers=variants[sent % 3])
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"bench: the front page answered {response.status}")
        lengths[sent % 3].add(len(body))
        sent += 1
    connection.close()
    # The signed-in page shows the user in its header: a page as long as the anonymous one means the
    # session was not resumed.
    if lengths[2] & lengths[0]:
        sys.exit("bench: the signed-in front page looks like the anonymous one; the session has ended")
    times = []
    for line in open(log_path, encoding="utf-8", errors="replace"):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if "duration_ms" in entry:
            times.append(entry["duration_ms"])
    if len(times) != sent:
        sys.exit(f"bench: {sent} requests sent, {len(times)} in the access log")
    anonymous, handed_off, signed_in = (statistics.median(times[kind::3]) for kind in range(3))
    figures.append((signed_in - anonymous, handed_off - anonymous, signed_in - handed_off))
    print(f"run {run}: no session {anonymous:.3f} ms, cookie of no session {handed_off:.3f} ms,"
          f" signed in {signed_in:.3f} ms (medians of {sent // 3} requests each)")
    print(f"       session overhead {figures[-1][0]:.3f} ms = hand-off {figures[-1][1]:.3f} ms"
          f" + session {figures[-1][2]:.3f} ms")
overhead, hand_off, session = (statistics.median(column) for column in zip(*figures))
print(f"session overhead, median of the runs: {overhead:.3f} ms (hand-off {hand_off:.3f} ms,"
      f" session {session:.3f} ms; target < 0.2 ms)")
PY
