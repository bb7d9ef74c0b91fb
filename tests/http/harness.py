"""Black-box HTTP test harness for Rekrut (Python 3 standard library only).

The harness starts real processes and talks to them over sockets; it never imports or links
anything from the server. Everything a test needs is here:

    Postgres        a throwaway PostgreSQL 15 cluster, one per test process (lazy singleton)
    database_url()  a fresh, empty database per call (REKRUT_TEST_DATABASE=sqlite|postgresql)
    execute_sql()   run SQL directly against a test database (for setting up odd states)
    SmtpSink        an aiosmtpd process that stores every mail it receives in a Maildir
    Server          one `rekrut serve` process on a free loopback port, plus `cli()` for subcommands
    run_rekrut()    run the binary once with a given environment (no server needed)
    Client          an HTTP client with its own cookie jar, CSRF handling and raw-socket access
    Response        what Client returns: status, headers, text, json(), forms(), ...
    ServerTestCase  unittest.TestCase with one server per class

Typical use:

    from harness import ServerTestCase

    class FrontPageTest(ServerTestCase):
        seed_demo = True                      # migrate + seed-demo before serving

        def test_lists_positions(self):
            page = self.client().get("/")
            self.assertEqual(page.status, 200)
            self.assertIn("Fuldmægtig til økonomienheden", page.text)

Environment:
    REKRUT_BIN              the binary (default /work/main/build/dev/rekrut)
    REKRUT_TEST_DATABASE    sqlite (default) or postgresql
    REKRUT_TEST_KEEP        set to 1 to keep temporary folders (databases, mailboxes) after the run

Server logs go to tests/artifacts/http-logs/; a failed start includes the log in the exception.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import email
import email.message
import email.policy
import email.utils
import errno
import hashlib
import html.parser
import http.client
import itertools
import json as json_module
import mailbox
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.parse
import uuid
from typing import Callable, Iterable, Mapping, Optional, Sequence, Union

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LOG_DIR = os.path.join(ROOT, "tests", "artifacts", "http-logs")
DEFAULT_BIN = os.path.join(ROOT, "build", "dev", "rekrut")
PG_BIN = "/usr/lib/postgresql/15/bin"
PYTHON = "/usr/bin/python3"

_KEEP = os.environ.get("REKRUT_TEST_KEEP") == "1"
_counter = itertools.count(1)
_counter_lock = threading.Lock()


def _next_number() -> int:
    with _counter_lock:
        return next(_counter)


# ------------------------------------------------------------------------------------------------
# Small utilities


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(host: str, port: int, timeout: float, alive: Callable[[], bool] = lambda: True) -> bool:
    """Waits until something accepts TCP connections on host:port. False on timeout or if `alive()`
    turns false (the process we wait for died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def make_temp_dir(prefix: str) -> str:
    """A fresh temporary folder, removed at exit unless REKRUT_TEST_KEEP=1."""
    path = tempfile.mkdtemp(prefix=prefix)
    if not _KEEP:
        atexit.register(shutil.rmtree, path, True)
    return path


_pruned = False


def prune_logs(keep: int = 300) -> None:
    """Keeps the newest `keep` server logs in LOG_DIR (once per process)."""
    global _pruned
    if _pruned:
        return
    _pruned = True
    try:
        logs = sorted((entry for entry in os.scandir(LOG_DIR) if entry.name.endswith(".log")),
                      key=lambda entry: entry.stat().st_mtime)
    except OSError:
        return
    for entry in logs[:-keep] if len(logs) > keep else []:
        try:
            os.unlink(entry.path)
        except OSError:
            pass


def rekrut_bin(wait: float = 90.0) -> str:
    """Path of the server binary. Others may be relinking it: waits up to `wait` seconds for it to
    exist and be executable."""
    path = os.environ.get("REKRUT_BIN") or DEFAULT_BIN
    deadline = time.monotonic() + wait
    while not (os.path.isfile(path) and os.access(path, os.X_OK)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the Rekrut binary {path} does not exist (build it with "
                               f"`cmake --build --preset dev`)")
        time.sleep(0.5)
    return path


def _spawn_retrying(start: Callable[[], subprocess.Popen], attempts: int = 20) -> subprocess.Popen:
    """Runs `start`, retrying while the binary is being replaced by the linker (ETXTBSY, ENOENT,
    ENOEXEC)."""
    for attempt in range(attempts):
        try:
            return start()
        except OSError as error:
            if error.errno not in (errno.ETXTBSY, errno.ENOENT, errno.ENOEXEC) or attempt == attempts - 1:
                raise
            time.sleep(0.5)
    raise AssertionError("unreachable")


_key_file = ""


def secret_key_file() -> str:
    """The secret key file every Rekrut process of this test run uses (created by the first one)."""
    global _key_file
    if not _key_file:
        _key_file = os.path.join(make_temp_dir("rekrut-key-"), "rekrut.key")
    return _key_file


def audit_key() -> bytes:
    """The key of the audit chain, derived from the secret key as the server derives it (libsodium's
    crypto_kdf: BLAKE2b keyed with the master key, the subkey id as salt, the context as personal)."""
    with open(secret_key_file(), encoding="ascii") as file:
        master = bytes.fromhex(file.read().strip())
    return hashlib.blake2b(b"", key=master, salt=struct.pack("<Q", 1) + bytes(8), person=b"rekrut01" + bytes(8),
                           digest_size=32).digest()


def base_environment(extra: Optional[Mapping[str, Optional[str]]] = None) -> dict:
    """The environment for a Rekrut process: ours without stray REKRUT_* settings (only REKRUT_BIN
    and REKRUT_TEST_* pass through), sanitizer defaults, then `extra` (a value of None removes
    the variable)."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("REKRUT_") or key == "REKRUT_BIN" or key.startswith("REKRUT_TEST_")}
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    env["REKRUT_SECURITY_KEY_FILE"] = secret_key_file()
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


def run_rekrut(*args: str, env: Optional[Mapping[str, Optional[str]]] = None, input: Optional[str] = None,
               timeout: float = 60.0) -> subprocess.CompletedProcess:
    """Runs `rekrut ARGS...` once with base_environment(env) and returns the CompletedProcess
    (text mode, stdout and stderr captured). Raises subprocess.TimeoutExpired (after killing the
    process) if it does not finish within `timeout` seconds."""
    full_env = base_environment(env)
    for attempt in range(20):
        try:
            return subprocess.run([rekrut_bin(), *args], env=full_env, input=input, capture_output=True,
                                  text=True, timeout=timeout, cwd=ROOT)
        except OSError as error:
            if error.errno not in (errno.ETXTBSY, errno.ENOENT, errno.ENOEXEC) or attempt == 19:
                raise
            time.sleep(0.5)
    raise AssertionError("unreachable")


# ------------------------------------------------------------------------------------------------
# Databases


class Postgres:
    """A throwaway PostgreSQL 15 cluster for this test process.

    `Postgres()` always returns the same instance (module-level singleton). The cluster is created
    and started on first use (`start()`, or implicitly by `create_database()`), listens only on
    127.0.0.1 on a free port with its unix socket in its temporary folder, trusts every local
    connection and runs with fsync off. It is stopped and deleted when the process exits.

        url = Postgres().create_database()   # postgresql://postgres@127.0.0.1:PORT/rekrut_test_N
        Postgres().psql("SELECT 1", database="rekrut_test_N")
    """

    _instance: Optional["Postgres"] = None
    _instance_lock = threading.Lock()

    def __new__(cls) -> "Postgres":
        with cls._instance_lock:
            if cls._instance is None:
                instance = super().__new__(cls)
                instance._lock = threading.RLock()
                instance._started = False
                instance.port = 0
                instance.base_dir = ""
                instance._databases = itertools.count(1)
                instance._executor = None
                instance._spare = None
                cls._instance = instance
            return cls._instance

    @property
    def data_dir(self) -> str:
        return os.path.join(self.base_dir, "data")

    @property
    def socket_dir(self) -> str:
        return self.base_dir

    @property
    def log_path(self) -> str:
        return os.path.join(self.base_dir, "postgres.log")

    def _as_postgres(self, *command: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        result = subprocess.run(["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True,
                                timeout=timeout, cwd="/")
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n"
                               f"{result.stderr}\n{self._log_tail()}")
        return result

    def _log_tail(self, lines: int = 40) -> str:
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                return "".join(log.readlines()[-lines:])
        except OSError:
            return ""

    def start(self) -> "Postgres":
        """Creates and starts the cluster if it is not running yet. Idempotent."""
        with self._lock:
            if self._started:
                return self
            account = pwd.getpwnam("postgres")
            # Not under /tmp/pytest-like per-user folders: the postgres user must reach it.
            self.base_dir = tempfile.mkdtemp(prefix="rekrut-pg-")
            os.chmod(self.base_dir, 0o700)
            os.chown(self.base_dir, account.pw_uid, account.pw_gid)
            self._as_postgres(f"{PG_BIN}/initdb", "-D", self.data_dir, "-U", "postgres", "-A", "trust",
                              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")
            with open(os.path.join(self.data_dir, "pg_hba.conf"), "w", encoding="utf-8") as hba:
                hba.write("local all all trust\n"
                          "host all all 127.0.0.1/32 trust\n")
            atexit.register(self.stop)
            last_error: Optional[Exception] = None
            for _ in range(5):
                self.port = free_port()
                options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} "
                           f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                           f"-c max_connections=300 -c wal_level=minimal -c max_wal_senders=0")
                result = self._as_postgres(f"{PG_BIN}/pg_ctl", "-D", self.data_dir, "-l", self.log_path,
                                           "-w", "-t", "60", "-o", options, "start", check=False)
                if result.returncode == 0:
                    self._started = True
                    return self
                last_error = RuntimeError(f"pg_ctl start failed:\n{result.stdout}\n{result.stderr}\n"
                                          f"{self._log_tail()}")
            raise last_error  # type: ignore[misc]

    def stop(self) -> None:
        """Stops the cluster and removes its folder (kept with REKRUT_TEST_KEEP=1)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor, self._spare = None, None
        with self._lock:
            if self._started:
                self._as_postgres(f"{PG_BIN}/pg_ctl", "-D", self.data_dir, "-m", "immediate", "-w", "stop",
                                  check=False)
                self._started = False
            if self.base_dir and not _KEEP:
                shutil.rmtree(self.base_dir, ignore_errors=True)

    def url(self, database: str) -> str:
        """The connection URL of one database in this cluster."""
        self.start()
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """Creates a new empty database and returns its URL
        (postgresql://postgres@127.0.0.1:PORT/rekrut_test_N).

        CREATE DATABASE takes about a second on a busy machine, so one spare database is always
        being prepared in the background while the tests run."""
        self.start()
        with self._lock:
            if self._executor is None:
                self._executor = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="rekrut-pg")
            ready = self._spare or self._executor.submit(self._new_database)
            self._spare = self._executor.submit(self._new_database)
        return ready.result()

    def _new_database(self) -> str:
        with self._lock:
            name = f"rekrut_test_{next(self._databases)}"
        self.psql(f'CREATE DATABASE "{name}"', database="postgres")
        return self.url(name)

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Runs SQL with psql (stops at the first error) and returns its unaligned, tuples-only
        output (one row a line, columns separated by |)."""
        self.start()
        result = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                                 "-p", str(self.port), "-U", "postgres", "-d", database, "-c", sql],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}\nSQL: {sql}")
        return result.stdout


def database_kind() -> str:
    """The database the tests run against: 'sqlite' (default) or 'postgresql'."""
    kind = os.environ.get("REKRUT_TEST_DATABASE", "sqlite").strip().lower()
    if kind in ("postgres", "pg"):
        kind = "postgresql"
    if kind not in ("sqlite", "postgresql"):
        raise RuntimeError(f"REKRUT_TEST_DATABASE must be sqlite or postgresql, not {kind!r}")
    return kind


def database_url() -> str:
    """A URL of a fresh, empty database of the kind named by REKRUT_TEST_DATABASE:
    sqlite:/tmp/rekrut-db-XXXX/rekrut.db, or a new database in the shared Postgres cluster."""
    if database_kind() == "postgresql":
        return Postgres().create_database()
    return "sqlite:" + os.path.join(make_temp_dir("rekrut-db-"), "rekrut.db")


_fresh_database_url = database_url  # for Server, whose parameter shadows the name


def execute_sql(url: str, sql: str) -> list:
    """Runs one SQL statement directly against a test database (sqlite: or postgresql:// URL) and
    returns the rows as lists of strings (None for NULL on SQLite; '' for NULL on PostgreSQL). For
    arranging states the UI cannot reach; prefer the HTTP interface wherever possible."""
    if url.startswith("sqlite:"):
        connection = sqlite3.connect(url[len("sqlite:"):], timeout=30)
        try:
            cursor = connection.execute(sql)
            rows = [[None if value is None else str(value) for value in row] for row in cursor.fetchall()]
            connection.commit()
            return rows
        finally:
            connection.close()
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("postgresql", "postgres"):
        raise ValueError(f"not a test database URL: {url}")
    output = Postgres().psql(sql, database=parsed.path.lstrip("/"))
    return [line.split("|") for line in output.splitlines() if line]


# ------------------------------------------------------------------------------------------------
# Mail


class SmtpSink:
    """An SMTP server (aiosmtpd) on a free loopback port that stores every message in a Maildir.

        with SmtpSink() as smtp:
            server = Server(env={"REKRUT_SMTP_URL": smtp.url})
            ...
            mail = smtp.wait_for(lambda m: m["To"] == "a@example.org", timeout=10)
    """

    def __init__(self) -> None:
        self.port = 0
        self.directory = os.path.join(make_temp_dir("rekrut-mail-"), "maildir")  # must not exist yet
        self.process: Optional[subprocess.Popen] = None
        self._log_path = os.path.join(os.path.dirname(self.directory), "aiosmtpd.log")

    @property
    def url(self) -> str:
        """smtp://127.0.0.1:PORT, for REKRUT_SMTP_URL."""
        return f"smtp://127.0.0.1:{self.port}"

    def start(self, timeout: float = 15.0) -> "SmtpSink":
        if self.process:
            return self
        for _ in range(5):
            self.port = free_port()
            if self._listen(timeout):
                atexit.register(self.stop)
                return self
            self.stop()
        with open(self._log_path, encoding="utf-8", errors="replace") as log:
            raise RuntimeError(f"aiosmtpd did not start:\n{log.read()}")

    def _listen(self, timeout: float) -> bool:
        log = open(self._log_path, "ab")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}", "-c",
             "aiosmtpd.handlers.Mailbox", self.directory],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        return wait_for_port("127.0.0.1", self.port, timeout, alive=lambda: self.process.poll() is None)

    def resume(self, timeout: float = 15.0) -> None:
        """Starts the server again on the same port after stop(), keeping the mail received."""
        if self.process is None and not self._listen(timeout):
            with open(self._log_path, encoding="utf-8", errors="replace") as log:
                raise RuntimeError(f"aiosmtpd did not start again:\n{log.read()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> "SmtpSink":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def messages(self) -> list:
        """Every message received so far, oldest first, as email.message.EmailMessage objects."""
        if not os.path.isdir(self.directory):
            return []
        box = mailbox.Maildir(self.directory, factory=None, create=False)
        found = []
        for key in box.keys():
            try:
                data = box.get_bytes(key)
            except KeyError:  # removed meanwhile
                continue
            # Maildir keys start with "<seconds>.M<microseconds>P<pid>Q<sequence>": delivery order.
            match = re.match(r"(\d+)\.M(\d+)P\d+Q(\d+)", key)
            order = tuple(int(group) for group in match.groups()) if match else (0, 0, 0)
            found.append((order, key, email.message_from_bytes(data, policy=email.policy.default)))
        found.sort(key=lambda item: (item[0], item[1]))
        return [message for _, _, message in found]

    def clear(self) -> None:
        """Deletes every stored message."""
        if os.path.isdir(self.directory):
            box = mailbox.Maildir(self.directory, factory=None, create=False)
            for key in list(box.keys()):
                box.discard(key)

    def wait_for(self, predicate: Callable[[email.message.EmailMessage], bool] = lambda message: True,
                 timeout: float = 10.0) -> email.message.EmailMessage:
        """The first message (oldest first) for which `predicate` is true, waiting up to `timeout`
        seconds. Raises AssertionError listing what did arrive."""
        deadline = time.monotonic() + timeout
        while True:
            messages = self.messages()
            for message in messages:
                if predicate(message):
                    return message
            if time.monotonic() > deadline:
                summary = "\n".join(f"  To: {m['To']}  Subject: {m['Subject']}" for m in messages) or "  (none)"
                raise AssertionError(f"no matching mail within {timeout} s; received:\n{summary}")
            time.sleep(0.1)


def message_text(message: email.message.EmailMessage) -> str:
    """The plain-text body of a message (the text/plain part of a multipart message)."""
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


# ------------------------------------------------------------------------------------------------
# The server


class Server:
    """One `rekrut serve` process on 127.0.0.1:<free port>.

        server = Server(env={"REKRUT_SERVER_MAX_BODY_BYTES": "1024"})   # fresh database
        server.start()            # waits for /healthz; RuntimeError with the log if it fails
        server.client().get("/")
        assert server.stop() == 0 # SIGTERM; returns the exit code

    `env` adds variables to (or, with value None, removes them from) the server's environment;
    REKRUT_LISTEN, REKRUT_DATABASE_URL, REKRUT_LOG_LEVEL=warn and REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS=0 are
    set by default. `cli()` runs other subcommands with the same environment. Usable as a context
    manager.
    """

    def __init__(self, env: Optional[Mapping[str, Optional[str]]] = None, database_url: Optional[str] = None,
                 name: str = "server") -> None:
        self.extra_env = dict(env or {})
        self.database_url = database_url or _fresh_database_url()
        self.name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        self.port = free_port()
        self.host = "127.0.0.1"
        self.process: Optional[subprocess.Popen] = None
        self.log_path = ""
        self.exit_code: Optional[int] = None
        # The audit anchor belongs to this server's database, not to the folder the tests run in.
        self.anchor_path = os.path.join(make_temp_dir("rekrut-anchor-"), "audit-anchor.log")

    # -- environment and paths

    @property
    def listen(self) -> str:
        return f"{self.host}:{self.port}"

    def environment(self) -> dict:
        """The complete environment of the server and of cli()."""
        # No load balancer waits on a test server: it stops without the shutdown grace period, unless
        # a test sets REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS itself.
        env = {"REKRUT_LISTEN": self.listen, "REKRUT_DATABASE_URL": self.database_url, "REKRUT_LOG_LEVEL": "warn",
               "REKRUT_AUDIT_ANCHOR": self.anchor_path, "REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS": "0"}
        env.update(self.extra_env)
        return base_environment(env)

    def url(self, path: str = "/") -> str:
        """http://127.0.0.1:PORT + path."""
        return f"http://{self.listen}{path}"

    # -- lifecycle

    def start(self, timeout: float = 20.0) -> "Server":
        """Starts `rekrut serve` and waits until GET /healthz answers 200. Raises RuntimeError with
        the server log if the process exits or the timeout passes. May be called again after stop()
        or kill(): the server comes back on the same database and port (another port if that one is
        taken meanwhile), with a new log file."""
        if self.running:
            return self
        os.makedirs(LOG_DIR, exist_ok=True)
        prune_logs()
        for attempt in range(3):
            self.exit_code = None
            self.log_path = os.path.join(
                LOG_DIR, f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{_next_number()}-{self.name}.log")
            log = open(self.log_path, "wb")
            log.write(f"# {rekrut_bin()} serve on {self.listen}, database {self.database_url}\n".encode())
            log.flush()
            env = self.environment()
            self.process = _spawn_retrying(lambda: subprocess.Popen(
                [rekrut_bin(), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, cwd=ROOT))
            log.close()
            problem = self._wait_healthy(timeout)
            if problem is None:
                atexit.register(self.kill)  # safety net if a test run is interrupted
                return self
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.exit_code = self.process.returncode
            self.process = None
            log_text = self.log()
            # A port taken between free_port() and bind: try another one.
            if "port in use" in log_text and attempt < 2 and "REKRUT_LISTEN" not in self.extra_env:
                self.port = free_port()
                continue
            raise RuntimeError(f"Rekrut did not start ({problem}); log {self.log_path}:\n{log_text}")
        raise AssertionError("unreachable")

    def _wait_healthy(self, timeout: float) -> Optional[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                return f"exited with {code}"
            try:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    connection.close()
                    return None
                connection.close()
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        return f"no healthy answer on /healthz within {timeout} s"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 20.0, sig: int = signal.SIGTERM) -> Optional[int]:
        """Sends SIGTERM (or `sig`) and returns the exit code (0 is a clean shutdown). If the
        process does not end within `timeout` seconds it is killed and -9 is returned. Returns the
        earlier exit code if the server has already stopped, None if it never started."""
        if self.process is None:
            return self.exit_code
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                self.exit_code = -9
                self.process = None
                return self.exit_code
        self.exit_code = self.process.returncode
        self.process = None
        return self.exit_code

    def kill(self) -> None:
        """Ends the server with SIGKILL (no graceful shutdown)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process is not None:
            self.exit_code = self.process.returncode
        self.process = None

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def log(self) -> str:
        """Everything the server wrote to stdout and stderr so far."""
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                return log.read()
        except (OSError, TypeError):
            return ""

    # -- other subcommands and clients

    def cli(self, *args: str, input: Optional[str] = None, env: Optional[Mapping[str, Optional[str]]] = None,
            timeout: float = 60.0) -> subprocess.CompletedProcess:
        """Runs `rekrut ARGS...` with the server's environment (plus `env`); returns the
        CompletedProcess with text stdout/stderr."""
        merged = {"REKRUT_LISTEN": self.listen, "REKRUT_DATABASE_URL": self.database_url,
                  "REKRUT_LOG_LEVEL": "warn", "REKRUT_AUDIT_ANCHOR": self.anchor_path, **self.extra_env,
                  **(env or {})}
        return run_rekrut(*args, env=merged, input=input, timeout=timeout)

    def audit_events(self, action: str = "", object_id: str = "", object_type: str = "",
                     limit: int = 1000) -> list:
        """The newest `limit` audit events matching the filters, oldest first, as dicts (`rekrut audit
        export`): personal data is stored sealed (ADR 0009), so tests read events the way an auditor
        does, opened with the installation key."""
        args = ["audit", "export", "--limit", str(limit)]
        for option, value in (("--action", action), ("--object-id", object_id), ("--object-type", object_type)):
            if value:
                args += [option, str(value)]
        result = self.cli(*args)
        if result.returncode != 0:
            raise AssertionError(f"rekrut audit export failed: {result.stderr}")
        return [json_module.loads(line) for line in result.stdout.splitlines() if line.strip()]

    def client(self, **options) -> "Client":
        """A new Client (empty cookie jar) for this server."""
        return Client(self, **options)


# ------------------------------------------------------------------------------------------------
# HTTP client


class Headers:
    """Response headers: case-insensitive lookup, repeated headers kept in order."""

    def __init__(self, items: Iterable[tuple]) -> None:
        self._items = [(name, value) for name, value in items]

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """The first value of header `name`, or `default`."""
        lowered = name.lower()
        for key, value in self._items:
            if key.lower() == lowered:
                return value
        return default

    def get_all(self, name: str) -> list:
        lowered = name.lower()
        return [value for key, value in self._items if key.lower() == lowered]

    def __getitem__(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def items(self) -> list:
        return list(self._items)

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"


class Form:
    """One <form> of a page: its attributes and its successful fields (name, value) in order."""

    def __init__(self, attrs: dict) -> None:
        self.attrs = attrs
        self.fields: list = []   # (name, value) pairs, as the browser would submit them by default
        self.inputs: list = []   # every control: dict of attributes plus "tag" (and "options" for select)

    @property
    def action(self) -> str:
        return self.attrs.get("action") or ""

    @property
    def method(self) -> str:
        return (self.attrs.get("method") or "get").upper()

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        for key, value in self.fields:
            if key == name:
                return value
        return default

    def values(self) -> dict:
        return dict(self.fields)

    def __repr__(self) -> str:
        return f"Form(action={self.action!r}, method={self.method!r}, fields={self.fields!r})"


class _PageParser(html.parser.HTMLParser):
    """Collects forms, links and visible text from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list = []
        self.links: list = []
        self.text: list = []
        self._form: Optional[Form] = None
        self._textarea: Optional[dict] = None
        self._select: Optional[dict] = None
        self._option: Optional[dict] = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = {key: (value if value is not None else "") for key, value in attrs}
        if tag in ("script", "style", "template"):
            self._skip += 1
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        if tag == "form":
            self._form = Form(attributes)
            self.forms.append(self._form)
        if self._form is None:
            return
        if tag == "input":
            control = dict(attributes, tag="input")
            self._form.inputs.append(control)
            kind = attributes.get("type", "text").lower()
            name = attributes.get("name")
            if not name or "disabled" in attributes or kind in ("submit", "button", "reset", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._form.fields.append((name, attributes.get("value", default)))
        elif tag == "textarea":
            self._textarea = dict(attributes, tag="textarea", text="")
            self._form.inputs.append(self._textarea)
        elif tag == "select":
            self._select = dict(attributes, tag="select", options=[])
            self._form.inputs.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = dict(attributes, text="")
            self._select["options"].append(self._option)
        elif tag == "button":
            self._form.inputs.append(dict(attributes, tag="button"))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            if self._textarea.get("name") and "disabled" not in self._textarea:
                self._form.fields.append((self._textarea["name"], self._textarea["text"]))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            select, self._select = self._select, None
            if not select.get("name") or "disabled" in select:
                return
            options = select["options"]
            chosen = [o for o in options if "selected" in o]
            if not chosen and options and "multiple" not in select:
                chosen = options[:1]
            for option in chosen:
                self._form.fields.append((select["name"], option.get("value", option["text"].strip())))
        elif tag == "form":
            self._form = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data
            return
        if self._option is not None:
            self._option["text"] += data
        if not self._skip:
            self.text.append(data)


class Response:
    """An HTTP response: `status`, `reason`, `headers` (case-insensitive), `body` (bytes), `text`,
    plus helpers for JSON, cookies and HTML forms."""

    def __init__(self, status: int, reason: str, headers: Headers, body: bytes, method: str, path: str) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.method = method
        self.path = path
        self._page: Optional[_PageParser] = None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json_module.loads(self.body)

    def header(self, name: str, default: Optional[str] = None) -> Optional[str]:
        return self.headers.get(name, default)

    @property
    def location(self) -> Optional[str]:
        return self.headers.get("Location")

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "") or ""

    @property
    def set_cookies(self) -> dict:
        """Cookies set by this response: name → Cookie."""
        cookies = {}
        for line in self.headers.get_all("Set-Cookie"):
            cookie = Cookie.parse(line)
            if cookie:
                cookies[cookie.name] = cookie
        return cookies

    def _parsed(self) -> _PageParser:
        if self._page is None:
            self._page = _PageParser()
            self._page.feed(self.text)
            self._page.close()
        return self._page

    def forms(self) -> list:
        """Every <form> on the page, as Form objects."""
        return self._parsed().forms

    def form(self, action: Optional[str] = None, id: Optional[str] = None, index: int = 0) -> Form:
        """The form with this action (path, query ignored) and/or id; the index-th match. Raises
        AssertionError listing the forms on the page if there is none."""
        matches = [form for form in self.forms()
                   if (action is None or form.action.split("?")[0] == action)
                   and (id is None or form.attrs.get("id") == id)]
        if len(matches) <= index:
            raise AssertionError(f"no form action={action!r} id={id!r} on {self.path}; forms: {self.forms()}")
        return matches[index]

    def form_fields(self, action: Optional[str] = None, id: Optional[str] = None) -> dict:
        """The default fields of a form as a dict (see form())."""
        return self.form(action=action, id=id).values()

    def links(self) -> list:
        """Every <a href> on the page, in order."""
        return self._parsed().links

    @property
    def visible_text(self) -> str:
        """The page's text without tags, scripts and styles, whitespace collapsed."""
        return re.sub(r"\s+", " ", "".join(self._parsed().text)).strip()

    def __repr__(self) -> str:
        return f"<Response {self.status} {self.method} {self.path}>"


class Cookie:
    """One cookie from a Set-Cookie header."""

    def __init__(self, name: str, value: str, attributes: dict) -> None:
        self.name = name
        self.value = value
        self.attributes = attributes  # lower-case attribute name → value ('' for flags)

    @classmethod
    def parse(cls, line: str) -> Optional["Cookie"]:
        parts = [part.strip() for part in line.split(";")]
        if not parts or "=" not in parts[0]:
            return None
        name, value = parts[0].split("=", 1)
        attributes = {}
        for part in parts[1:]:
            if not part:
                continue
            key, _, attribute_value = part.partition("=")
            attributes[key.strip().lower()] = attribute_value.strip()
        return cls(name.strip(), value.strip(), attributes)

    @property
    def http_only(self) -> bool:
        return "httponly" in self.attributes

    @property
    def secure(self) -> bool:
        return "secure" in self.attributes

    @property
    def same_site(self) -> Optional[str]:
        return self.attributes.get("samesite")

    @property
    def expired(self) -> bool:
        max_age = self.attributes.get("max-age")
        if max_age is not None:
            try:
                return int(max_age) <= 0
            except ValueError:
                return False
        expires = self.attributes.get("expires")
        if expires:
            try:
                return email.utils.parsedate_to_datetime(expires).timestamp() <= time.time()
            except (TypeError, ValueError):
                return False
        return False

    def __repr__(self) -> str:
        return f"Cookie({self.name}={self.value!r}, {self.attributes!r})"


Fields = Union[Mapping[str, str], Sequence[tuple], None]
FileSpec = Union[tuple, bytes, str]


class Client:
    """An HTTP/1.1 client for one server with its own cookie jar. No automatic redirects.

        client = server.client()
        page = client.get("/")
        result = client.post("/language/en", {"x": "1"})          # adds csrf_token from the jar
        upload = client.post("/apply", {"name": "A"}, files={"cv": ("cv.pdf", b"%PDF-1.4", "application/pdf")})
        client.raw(b"GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")

    Cookies are kept as name → value (the server is a single host; paths are ignored) and sent on
    every request. `follow(response)` follows one redirect with GET.
    """

    def __init__(self, server_or_address: Union[Server, tuple], timeout: float = 30.0,
                 headers: Optional[Mapping[str, str]] = None) -> None:
        if isinstance(server_or_address, Server):
            self.host, self.port = server_or_address.host, server_or_address.port
        else:
            self.host, self.port = server_or_address
        self.timeout = timeout
        self.cookies: dict = {}
        self.default_headers = dict(headers or {})
        self.history: list = []  # every Response, in order

    # -- cookies

    def cookie(self, name: str) -> Optional[str]:
        return self.cookies.get(name)

    def set_cookie(self, name: str, value: Optional[str]) -> None:
        """Sets (or with None removes) a cookie in the jar."""
        if value is None:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def _remember(self, response: Response) -> None:
        for name, cookie in response.set_cookies.items():
            if cookie.expired:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie.value

    # -- requests

    def request(self, method: str, path: str, body: Optional[bytes] = None,
                headers: Optional[Mapping[str, str]] = None, send_cookies: bool = True) -> Response:
        """Sends one request on a new connection and returns the Response. `path` is sent exactly
        as given (no normalisation), so it may contain '..' or percent escapes."""
        all_headers = dict(self.default_headers)
        if send_cookies and self.cookies:
            all_headers.setdefault("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        all_headers.update(headers or {})
        if "Cookie" in all_headers and all_headers["Cookie"] is None:
            del all_headers["Cookie"]
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            has_length = any(k.lower() in ("content-length", "transfer-encoding") for k in all_headers)
            if body is not None and not has_length:
                all_headers["Content-Length"] = str(len(body))
            elif body is None and method in ("POST", "PUT", "PATCH") and not has_length:
                all_headers["Content-Length"] = "0"
            for name, value in all_headers.items():
                connection.putheader(name, value)
            connection.endheaders(body)
            reply = connection.getresponse()
            data = b"" if method == "HEAD" else reply.read()
            response = Response(reply.status, reply.reason, Headers(reply.getheaders()), data, method, path)
        finally:
            connection.close()
        self._remember(response)
        self.history.append(response)
        return response

    def get(self, path: str, headers: Optional[Mapping[str, str]] = None) -> Response:
        return self.request("GET", path, headers=headers)

    def head(self, path: str, headers: Optional[Mapping[str, str]] = None) -> Response:
        return self.request("HEAD", path, headers=headers)

    def csrf_token(self) -> str:
        """The CSRF token for the next form. Signed in, it is bound to the session: read from a page
        (the header's logout form on GET /), once per session cookie. Otherwise the jar's rekrut_csrf
        cookie, fetching GET /login (a page with a form) first if there is none."""
        # With secure cookies the names carry the __Host- prefix.
        session = self.cookies.get("rekrut_session") or self.cookies.get("__Host-rekrut_session")
        if session:
            cached = getattr(self, "_session_csrf", None)
            if cached and cached[0] == session:
                return cached[1]
            match = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', self.get("/").text)
            if match:
                self._session_csrf = (session, match.group(1))
                return match.group(1)
            # No live session behind the cookie (made up, or ended): the anonymous token below.
        anonymous = lambda: self.cookies.get("rekrut_csrf") or self.cookies.get("__Host-rekrut_csrf")
        if not anonymous():
            self.get("/login")  # the career site's pages have no form and set no cookie
        token = anonymous()
        if not token:
            raise AssertionError("the server set no rekrut_csrf cookie on GET /login")
        return token

    def post(self, path: str, fields: Fields = None, files: Optional[Mapping[str, FileSpec]] = None,
             headers: Optional[Mapping[str, str]] = None, csrf: bool = True, method: str = "POST") -> Response:
        """Submits a form. `fields` is a dict or a list of (name, value) pairs; `files` maps field
        name → (filename, content bytes[, content type]) and switches to multipart/form-data.
        With csrf=True, csrf_token is added from the rekrut_csrf cookie (unless already in fields)."""
        pairs = list(fields.items()) if isinstance(fields, Mapping) else list(fields or [])
        if csrf and not any(name == "csrf_token" for name, _ in pairs):
            pairs.append(("csrf_token", self.csrf_token()))
        if files:
            body, content_type = encode_multipart(pairs, files)
        else:
            body, content_type = encode_urlencoded(pairs), "application/x-www-form-urlencoded"
        all_headers = {"Content-Type": content_type}
        all_headers.update(headers or {})
        return self.request(method, path, body=body, headers=all_headers)

    def submit(self, form: Form, changes: Fields = None, files: Optional[Mapping[str, FileSpec]] = None,
               base_path: str = "/") -> Response:
        """Submits a Form from a page with its default fields, overridden by `changes`
        (its own csrf_token field is kept)."""
        values = list(form.fields)
        overrides = list(changes.items()) if isinstance(changes, Mapping) else list(changes or [])
        names = {name for name, _ in overrides}
        values = [(n, v) for n, v in values if n not in names] + overrides
        action = form.action or base_path
        if form.method == "GET":
            query = urllib.parse.urlencode(values)
            return self.get(action.split("?")[0] + ("?" + query if query else ""))
        return self.post(action, values, files=files)

    def follow(self, response: Response) -> Response:
        """GETs the Location of a redirect."""
        if response.location is None:
            raise AssertionError(f"{response!r} is not a redirect")
        parsed = urllib.parse.urlsplit(response.location)
        target = parsed.path + ("?" + parsed.query if parsed.query else "")
        return self.get(target or "/")

    def raw(self, data: bytes, timeout: float = 5.0, half_close: bool = False) -> bytes:
        """Sends `data` as-is on a new TCP connection and returns every byte that came back before
        the server closed the connection or `timeout` seconds passed without data. Send
        `Connection: close` in well-formed requests, or this waits for the timeout. A server that
        resets the connection while we send is not an error: whatever arrived is returned."""
        received = bytearray()
        with socket.create_connection((self.host, self.port), timeout=timeout) as connection:
            try:
                connection.sendall(data)
                if half_close:
                    connection.shutdown(socket.SHUT_WR)
            except (BrokenPipeError, ConnectionResetError):
                pass
            while True:
                try:
                    chunk = connection.recv(65536)
                except socket.timeout:
                    break
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                received += chunk
        return bytes(received)


def raw_status(reply: bytes) -> Optional[int]:
    """The status code of a raw HTTP reply (from Client.raw), or None if there was no status line."""
    match = re.match(rb"HTTP/1\.[01] (\d{3})", reply)
    return int(match.group(1)) if match else None


class PartialPost:
    """A POST /password/forgot whose headers and first half of the body have reached the server: in
    flight from the server's point of view until the rest arrives. The headers carry
    Expect: 100-continue and the constructor waits for the interim answer, so the server has read them
    before anything else happens (a signal sent earlier could otherwise find an idle connection)."""

    def __init__(self, server: "Server", csrf: str, number: int) -> None:
        body = urllib.parse.urlencode({"csrf_token": csrf, "email": f"nobody{number}@example.test"}).encode()
        self.socket = socket.create_connection((server.host, server.port), timeout=60)
        head = (f"POST /password/forgot HTTP/1.1\r\nHost: {server.listen}\r\nCookie: rekrut_csrf={csrf}\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
                f"Expect: 100-continue\r\n\r\n").encode()
        self.socket.sendall(head)
        interim = b""
        while b"\r\n\r\n" not in interim:
            chunk = self.socket.recv(4096)
            if not chunk:
                raise ConnectionError("the server closed the connection instead of answering 100 Continue")
            interim += chunk
        if raw_status(interim) != 100:
            raise ConnectionError(f"expected 100 Continue, got {interim[:200]!r}")
        half = len(body) // 2
        self.socket.sendall(body[:half])
        self.rest = body[half:]

    def finish(self) -> tuple:
        """Sends the rest and reads the whole answer: (status, headers, body). Raises when the server
        closes the connection before the answer is complete."""
        try:
            self.socket.sendall(self.rest)
            response = http.client.HTTPResponse(self.socket)
            response.begin()
            body = response.read()  # IncompleteRead if the body is cut short
            return response.status, response.headers, body
        finally:
            self.socket.close()


def encode_urlencoded(pairs: Sequence[tuple]) -> bytes:
    """application/x-www-form-urlencoded; values may be str or bytes (bytes are sent as-is,
    percent-encoded)."""
    parts = []
    for name, value in pairs:
        name_bytes = name if isinstance(name, bytes) else str(name).encode("utf-8")
        value_bytes = value if isinstance(value, bytes) else str(value).encode("utf-8")
        parts.append(urllib.parse.quote_plus(name_bytes) + "=" + urllib.parse.quote_plus(value_bytes))
    return "&".join(parts).encode("ascii")


def encode_multipart(pairs: Sequence[tuple], files: Mapping[str, FileSpec]) -> tuple:
    """multipart/form-data body and content type. `files` maps field name → (filename, content[,
    content type]); content may be bytes or str."""
    boundary = "----rekrut-test-" + uuid.uuid4().hex
    out = bytearray()
    for name, value in pairs:
        value_bytes = value if isinstance(value, bytes) else str(value).encode("utf-8")
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode("utf-8")
        out += value_bytes + b"\r\n"
    for name, spec in files.items():
        if not isinstance(spec, tuple):
            spec = ("upload.bin", spec)
        filename, content = spec[0], spec[1]
        content_type = spec[2] if len(spec) > 2 else "application/octet-stream"
        content_bytes = content if isinstance(content, bytes) else str(content).encode("utf-8")
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode("utf-8")
        out += content_bytes + b"\r\n"
    out += f"--{boundary}--\r\n".encode("ascii")
    return bytes(out), f"multipart/form-data; boundary={boundary}"


# ------------------------------------------------------------------------------------------------
# unittest integration


class ServerTestCase(unittest.TestCase):
    """A TestCase with one server for the whole class, on a fresh database.

    Class attributes to override:
        seed_demo = False     True: run `rekrut migrate` and `rekrut seed-demo` before serving
        server_env = {}       extra environment for the server (and its cli())
        mail_sink = False     True: the server delivers its mail to an SMTP sink, `cls.smtp`; read
                              mails with `self.mail_to(address)` (the outbox keeps bodies sealed)

    `cls.server` is the Server; `self.client()` makes a new Client. tearDownClass stops the
    server and fails if it did not exit with 0; tearDown fails a test after which the server died.
    """

    seed_demo: bool = False
    server_env: Mapping[str, Optional[str]] = {}
    mail_sink: bool = False
    server: Server
    smtp: Optional[SmtpSink] = None

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        env = dict(cls.server_env)
        if cls.mail_sink:
            cls.smtp = SmtpSink().start()
            env["REKRUT_SMTP_URL"] = cls.smtp.url
        cls.server = Server(env=env, name=cls.__name__)
        if cls.seed_demo:
            for step in ("migrate", "seed-demo"):
                result = cls.server.cli(step)
                if result.returncode != 0:
                    raise RuntimeError(f"`rekrut {step}` failed ({result.returncode}):\n{result.stdout}\n"
                                       f"{result.stderr}")
        cls.server.start()

    @classmethod
    def tearDownClass(cls) -> None:
        server = getattr(cls, "server", None)
        if server is not None and (server.process is not None or server.exit_code is not None):
            code = server.stop()
            if code != 0:
                raise AssertionError(f"the server of {cls.__name__} exited with {code} instead of 0; "
                                     f"log {server.log_path}:\n{server.log()[-6000:]}")
        if cls.smtp is not None:
            cls.smtp.stop()
        super().tearDownClass()

    def mail_to(self, address: str, containing: str = "", timeout: float = 15.0) -> email.message.EmailMessage:
        """The first mail delivered to `address` (whose plain text holds `containing`), waiting up to
        `timeout` seconds; needs `mail_sink = True`."""
        if self.smtp is None:
            raise AssertionError(f"{type(self).__name__} has no mail sink (set mail_sink = True)")
        return self.smtp.wait_for(lambda m: address.lower() in str(m["To"] or "").lower()
                                  and containing in message_text(m), timeout)

    def tearDown(self) -> None:
        if self.server.process is not None and self.server.process.poll() is not None:
            code = self.server.process.returncode
            self.server.exit_code = code
            self.server.process = None
            self.fail(f"the server died during this test (exit code {code}); log {self.server.log_path}:\n"
                      f"{self.server.log()[-6000:]}")
        super().tearDown()

    def client(self, **options) -> Client:
        """A new Client with an empty cookie jar."""
        return self.server.client(**options)

    def assertStatus(self, response: Response, status: int, msg: str = "") -> None:
        """Asserts the status code, showing the start of the body if it differs."""
        if response.status != status:
            body = response.visible_text if "html" in response.content_type else response.text
            self.fail(f"{response.method} {response.path}: expected {status}, got {response.status} "
                      f"{response.reason}. {msg}\n{body[:600]}")


def declare_no_conflicts(client, case_id: int) -> None:
    """The committee member behind `client` declares no conflict of interest with any applicant of the
    case, as a member must before seeing its applications."""
    page = client.get(f"/cases/{case_id}/declarations")
    shown = re.findall(r'name="shown" value="(\d+)"', page.text)
    if not shown:
        return
    response = client.post(f"/cases/{case_id}/declarations", [("all_none", "1")] + [("shown", i) for i in shown])
    if response.status != 303:
        raise AssertionError(f"declaring no conflicts answered {response.status}")


def apply_online(client, case_id: int, name: str, email: str, text: str, keep: bool = False):
    """An application to the published case through its public form, with `text` in the cover letter
    and in a CV sent as a text file; returns the form's answer (303 when it was received)."""
    page = client.get(f"/positions/{case_id}/apply")
    if page.status != 200:
        raise AssertionError(f"the application form answered {page.status}")
    form = page.form(action=f"/positions/{case_id}/apply")
    fields = {"form_key": form.get("form_key"), "full_name": name, "email": email, "phone": "+45 12 34 56 78",
              "cover_letter": f"Jeg har arbejdet med {text}.", "consent_processing": "1", "send": "1"}
    if keep:
        fields["keep_for_future"] = "1"
    cv = f"{name}\n{email}\nErfaring: {text} i fem år.\n".encode()
    return client.post(form.action, fields, files={"cv_file": ("cv.txt", cv, "text/plain")})
