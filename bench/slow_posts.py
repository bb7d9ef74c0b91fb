#!/usr/bin/python3
"""The server's memory under many slow, large POST requests: what a client that opens hundreds of
connections and trickles request bodies can make the server hold.

    bench/slow_posts.py                        every scenario, 500 connections each
    bench/slow_posts.py --scenario fields      one scenario
    REKRUT_BIN=/path/to/rekrut bench/slow_posts.py

Each scenario starts a fresh `rekrut serve` (release build by default) on a fresh SQLite database, opens
the connections, sends the headers of a POST that declares a body just under the server-wide 20 MiB
limit (or the route's own), then sends the body in small pieces, a round at a time across all connections. It samples the
server's resident memory (VmRSS) after every round and reports it before the load, at its peak and at
the end, with how the server answered the connections. Scenarios:

    unknown     one long form field to a path no route has
    form        one long form field to the login form
    fields      many empty form fields ("a&a&a...") to the login form
    multipart   a file in a multipart form to the login form
    session     one long form field, declared just under 1 MiB, to the job ad form (a signed-in route
                that takes 1 MiB) with a made-up session cookie, which only the database can tell
                from a real one
    allowed     what a public form route does take: one long field, declared and sent just under the
                form limit of 64 KiB, to the forgotten-password form

Every connection comes from 127.0.0.1, so the server runs with server.max_connections_per_ip = 1000.
"""

import argparse
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DECLARED = 20 * 1024 * 1024 - 1
MADE_UP_SESSION = "rekrut_session=" + "5" * 64
SCENARIOS = {
    # name: (path, content type, body prefix, repeated filler, bytes per connection, declared length, cookie)
    "unknown": ("/no-such-page", "application/x-www-form-urlencoded", b"text=", b"a", 512 * 1024, DECLARED, ""),
    "form": ("/login", "application/x-www-form-urlencoded", b"email=", b"a", 512 * 1024, DECLARED, ""),
    "fields": ("/login", "application/x-www-form-urlencoded", b"", b"a&", 32 * 1024, DECLARED, ""),
    "multipart": ("/login", "multipart/form-data; boundary=rekrut-bench", (
        b"--rekrut-bench\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n"
        b"Content-Type: application/pdf\r\n\r\n"), b"0", 512 * 1024, DECLARED, ""),
    "allowed": ("/password/forgot", "application/x-www-form-urlencoded", b"email=", b"a", 64 * 1024 - 7,
                64 * 1024 - 1, ""),
    "session": ("/cases/1/ad", "application/x-www-form-urlencoded", b"body=", b"a", 512 * 1024, 1024 * 1024 - 1,
                MADE_UP_SESSION),
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        match = re.search(r"^VmRSS:\s+(\d+) kB", status.read(), re.M)
    return int(match.group(1)) / 1024


def start_server(binary, work_dir):
    port = free_port()
    env = dict(os.environ)
    env.update({"REKRUT_DATABASE_URL": f"sqlite:{work_dir}/rekrut.db", "REKRUT_SECURITY_KEY_FILE": f"{work_dir}/rekrut.key",
                "REKRUT_LISTEN": f"127.0.0.1:{port}", "REKRUT_LOG_ACCESS": "false", "REKRUT_LOG_LEVEL": "warn",
                "REKRUT_SERVER_MAX_CONNECTIONS_PER_IP": "1000", "REKRUT_SERVER_MAX_CONNECTIONS": "2000",
                "REKRUT_PATHS_UPLOADS": work_dir})
    log = open(f"{work_dir}/rekrut.log", "w")
    process = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process, port
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    sys.exit(f"slow_posts: the server did not start; see {work_dir}/rekrut.log")


def csrf_token(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
        for value in response.headers.get_all("Set-Cookie") or []:
            if value.startswith("rekrut_csrf="):
                return value.split("=", 1)[1].split(";", 1)[0]
    sys.exit("slow_posts: no CSRF cookie on GET /")


def collect_answers(connections, answers):
    """Reads whatever the server has answered and drops the connections it closed."""
    if not connections:
        return
    readable, _, _ = select.select(connections, [], [], 0)
    for connection in readable:
        try:
            data = connection.recv(4096)
        except OSError:
            data = b""
        match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        status = match.group(1).decode() if match else "closed"
        answers[status] = answers.get(status, 0) + 1
        connections.remove(connection)
        connection.close()


def run(binary, scenario, count, chunk, pause):
    path, content_type, prefix, filler, per_connection, declared, cookie = SCENARIOS[scenario]
    work_dir = tempfile.mkdtemp(prefix="rekrut-slow-posts.")
    process, port = start_server(binary, work_dir)
    try:
        token = csrf_token(port)
        time.sleep(0.5)
        before = rss_mib(process.pid)
        peak = before
        cookies = f"rekrut_csrf={token}" + (f"; {cookie}" if cookie else "")
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookies}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {declared}\r\n\r\n").encode()
        connections, answers = [], {}
        for _ in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(head + prefix)
            connections.append(connection)
        piece = (filler * (chunk // len(filler) + 1))[:chunk - chunk % len(filler)]
        sent = 0
        while sent < per_connection and connections:
            this_round = piece[:per_connection - sent]
            for connection in list(connections):
                try:
                    connection.sendall(this_round)
                except OSError:
                    connections.remove(connection)
                    connection.close()
                    answers["reset"] = answers.get("reset", 0) + 1
            sent += len(this_round)
            time.sleep(pause)
            collect_answers(connections, answers)
            peak = max(peak, rss_mib(process.pid))
        time.sleep(1)
        collect_answers(connections, answers)
        end = rss_mib(process.pid)
        peak = max(peak, end)
        still_reading = len(connections)
        for connection in connections:
            connection.close()
        uploads = len([name for name in os.listdir(work_dir) if name.startswith("rekrut-upload-")])
        summary = ", ".join(f"{status}: {number}" for status, number in sorted(answers.items()))
        print(f"{scenario:9}  {count} connections x {sent // 1024} KiB to {path}: RSS {before:.0f} MiB before, "
              f"{peak:.0f} MiB peak, {end:.0f} MiB at the end; answered {summary or 'none'}; "
              f"{still_reading} still being read; {uploads} upload files on disk")
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", choices=["all", *SCENARIOS], default="all")
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--chunk", type=int, default=16 * 1024, help="bytes per connection and round")
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between rounds")
    options = parser.parse_args()
    binary = os.environ.get("REKRUT_BIN", os.path.join(ROOT, "build", "release", "rekrut"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"slow_posts: {binary} is missing (run make build-release)")
    for scenario in SCENARIOS if options.scenario == "all" else [options.scenario]:
        run(binary, scenario, options.connections, options.chunk, options.pause)


if __name__ == "__main__":
    main()
