#!/usr/bin/env bash
# Stopping a node under POST load: two nodes on one SQLite file behind nginx, wrk POSTs of the password
# form through nginx, SIGTERM of node B after 3 s. Prints wrk's summary (a "Non-2xx or 3xx responses"
# line counts the requests that failed) and what nginx logged about node B. docs/deploy-behind-proxy.md
# has the figures.
# Usage: bench/node_stop.sh GRACE_SECONDS   (REKRUT_BIN: the binary, default build/dev/rekrut)
set -euo pipefail
grace=${1:?usage: bench/node_stop.sh GRACE_SECONDS}
dir=$(mktemp -d /tmp/rekrut-node-stop-XXXXXX)
cd "$(dirname "$0")/.."
bin=${REKRUT_BIN:-build/dev/rekrut}
export ASAN_OPTIONS=detect_leaks=0 REKRUT_DATABASE_URL="sqlite:$dir/rekrut.db" REKRUT_SECURITY_KEY_FILE="$dir/rekrut.key" \
  REKRUT_AUDIT_ANCHOR="" REKRUT_LOG_LEVEL=warn REKRUT_LOG_ACCESS=false REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS=$grace \
  REKRUT_SERVER_MAX_CONNECTIONS_PER_IP=512

"$bin" migrate >/dev/null
REKRUT_LISTEN=127.0.0.1:18081 "$bin" serve >"$dir/a.log" 2>&1 & a=$!
REKRUT_LISTEN=127.0.0.1:18082 "$bin" serve >"$dir/b.log" 2>&1 & b=$!
for port in 18081 18082; do
  for i in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done
cat >"$dir/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  upstream rekrut { server 127.0.0.1:18081; server 127.0.0.1:18082; keepalive 32; }
  server {
    listen 127.0.0.1:18080;
    location / { proxy_pass http://rekrut; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
}
NGINX
nginx -p "$dir" -c "$dir/nginx.conf" & n=$!
sleep 0.5
token=$(curl -s -c - http://127.0.0.1:18081/ -o /dev/null | awk '/rekrut_csrf/ {print $7}')
cat >"$dir/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "csrf_token=$token&email=nobody%40example.test"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "rekrut_csrf=$token"
LUA
( sleep 3; kill -TERM $b ) &
wrk -t2 -c16 -d10s -s "$dir/post.lua" http://127.0.0.1:18080/password/forgot | grep -E "Requests/sec|requests in|Non-2xx|Socket errors" || true
status=0
wait $b || status=$?
echo "node B exit status: $status; nginx about node B:"
grep -oE '\((104|111): [^)]*\)[^,]*' "$dir/nginx-error.log" | sort | uniq -c | head -5 || true
kill -TERM $a; kill -QUIT $n; wait $a $n 2>/dev/null || true
rm -rf "$dir"
