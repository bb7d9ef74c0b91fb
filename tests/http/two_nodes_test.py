"""Two nodes on one PostgreSQL database behind Debian's nginx on loopback, set up as in
docs/deployment.md: one key file, an upstream with both nodes (`max_fails=1`, `proxy_next_upstream error
timeout`, keep-alive connections), and for forcing the node a request reaches, one upstream per node.

What holds through nginx: a session made on one node and its CSRF token are accepted by the other; the
periodic jobs' work (mail delivery, closing at the deadline, the scheduled backup) is done once; concurrent
writes through both nodes leave an intact audit chain; SIGKILL of a node under GET load and SIGTERM of a
node under POST load (after its grace period) cost no client a failed request. A node with another key
is refused here too; the other cases of the installation key are in nodes_test.InstallationKeyTest.

PostgreSQL only (REKRUT_TEST_DATABASE=postgresql): several processes sharing one SQLite file is not a
set-up the deployment guide offers. No assertion depends on how long something takes; every wait is
bounded and fails with what it waited for.
"""

import concurrent.futures
import email.utils
import os
import re
import shutil
import signal
import subprocess
import threading
import time
import unittest

from accounts import (ADMINISTRATOR, AKADEMIET_PROJEKTLEDER, DELTAGER, LEDER, PROJEKTLEDER, SUPERBRUGER,
                      login)
from harness import (Client, Server, SmtpSink, database_kind, database_url, execute_sql, free_port,
                     make_temp_dir, message_text, wait_for_port)
from nodes_test import write_key

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GRACE_SECONDS = 2


def wait_until(condition, what: str, timeout: float = 60.0, interval: float = 0.1):
    """Waits until `condition()` is true (returns its value); AssertionError naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(interval)


class Nginx:
    """nginx in front of two nodes, from a folder of its own: `port` balances over both nodes,
    `port_a` and `port_b` reach one node each. The access log names the node that answered."""

    def __init__(self, node_a: Server, node_b: Server) -> None:
        self.directory = make_temp_dir("rekrut-nginx-")
        self.port, self.port_a, self.port_b = free_port(), free_port(), free_port()
        self.nodes = {"a": node_a, "b": node_b}
        self.process = None

    def config(self) -> str:
        a, b, d = self.nodes["a"].port, self.nodes["b"].port, self.directory
        user = "user root root;" if os.geteuid() == 0 else ""
        proxy = ('proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; '
                 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; '
                 'proxy_next_upstream error timeout; proxy_read_timeout 60s;')
        return f"""{user}
worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  log_format nodes '$server_port $request_method $uri $status $upstream_addr';
  access_log {d}/access.log nodes;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
  upstream both {{
    server 127.0.0.1:{a} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:{b} max_fails=1 fail_timeout=10s;
    keepalive 32;
  }}
  upstream node_a {{ server 127.0.0.1:{a}; keepalive 8; }}
  upstream node_b {{ server 127.0.0.1:{b}; keepalive 8; }}
  server {{ listen 127.0.0.1:{self.port}; location / {{ proxy_pass http://both; {proxy} }} }}
  server {{ listen 127.0.0.1:{self.port_a}; location / {{ proxy_pass http://node_a; {proxy} }} }}
  server {{ listen 127.0.0.1:{self.port_b}; location / {{ proxy_pass http://node_b; {proxy} }} }}
}}
"""

    def start(self) -> "Nginx":
        path = os.path.join(self.directory, "nginx.conf")
        with open(path, "w", encoding="utf-8") as file:
            file.write(self.config())
        with open(os.path.join(self.directory, "stderr.log"), "wb") as output:
            self.process = subprocess.Popen([NGINX, "-p", self.directory, "-c", path], stdout=subprocess.DEVNULL,
                                            stderr=output, stdin=subprocess.DEVNULL)
        for port in (self.port, self.port_a, self.port_b):
            if not wait_for_port("127.0.0.1", port, 20, alive=lambda: self.process.poll() is None):
                with open(os.path.join(self.directory, "stderr.log"), encoding="utf-8", errors="replace") as output:
                    raise RuntimeError(f"nginx did not start: {output.read()}\n{self.error_log()}")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def client(self, node: str = "") -> Client:
        """A client of both nodes, or (node "a" or "b") of that node only."""
        port = {"": self.port, "a": self.port_a, "b": self.port_b}[node]
        return Client(("127.0.0.1", port))

    def error_log(self) -> str:
        try:
            with open(os.path.join(self.directory, "error.log"), encoding="utf-8", errors="replace") as file:
                return file.read()
        except OSError:
            return ""

    def served(self, method: str, path_pattern: str) -> list:
        """(listen port, status, node letter) of each logged request matching method and path."""
        found = []
        addresses = {f"127.0.0.1:{server.port}": letter for letter, server in self.nodes.items()}
        try:
            with open(os.path.join(self.directory, "access.log"), encoding="utf-8") as file:
                for line in file:
                    parts = line.split(" ", 4)
                    if len(parts) == 5 and parts[1] == method and re.fullmatch(path_pattern, parts[2]):
                        last = parts[4].strip().split(", ")[-1]
                        found.append((int(parts[0]), int(parts[3]), addresses.get(last, last)))
        except OSError:
            pass
        return found


class Load:
    """`workers` threads each sending requests (`send(worker, number)` returns a status) until told to
    finish, at most `cap` each. Errors are statuses outside `accepted` and exceptions."""

    def __init__(self, send, workers: int = 8, accepted=(200,), cap: int = 2000) -> None:
        self.send, self.workers, self.accepted, self.cap = send, workers, accepted, cap
        self.lock = threading.Lock()
        self.done = 0
        self.errors: list = []
        self.finish = threading.Event()
        self.pool = concurrent.futures.ThreadPoolExecutor(workers)
        self.futures: list = []

    def _work(self, worker: int) -> None:
        for number in range(self.cap):
            if self.finish.is_set():
                return
            try:
                status = self.send(worker, number)
                problem = None if status in self.accepted else f"status {status}"
            except Exception as error:  # noqa: BLE001 - every failure a client sees counts
                problem = repr(error)
            with self.lock:
                self.done += 1
                if problem:
                    self.errors.append(problem)

    def start(self) -> "Load":
        self.futures = [self.pool.submit(self._work, worker) for worker in range(self.workers)]
        return self

    def count(self) -> int:
        with self.lock:
            return self.done

    def wait_for_more(self, requests: int, what: str) -> None:
        target = self.count() + requests
        wait_until(lambda: self.count() >= target or all(f.done() for f in self.futures),
                   f"{requests} more requests {what}", timeout=180)
        self.assertion_free()

    def assertion_free(self) -> None:
        for future in self.futures:
            if future.done() and future.exception() is not None:
                raise future.exception()

    def join(self) -> None:
        """Waits until every worker has sent its `cap` requests."""
        for future in self.futures:
            future.result(timeout=600)
        self.pool.shutdown()

    def stop(self) -> None:
        self.finish.set()
        for future in self.futures:
            future.result(timeout=180)
        self.pool.shutdown()


@unittest.skipUnless(database_kind() == "postgresql",
                     "two nodes share a PostgreSQL database; several processes on one SQLite file is not a "
                     "supported deployment (run with REKRUT_TEST_DATABASE=postgresql)")
class TwoNodesTest(unittest.TestCase):
    """Two nodes, one database, one key file, nginx in front."""

    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().__enter__()
        cls.url = database_url()
        cls.backups = {letter: make_temp_dir(f"rekrut-backups-{letter}-") for letter in "ab"}
        cls.nodes = {}
        for letter in "ab":
            cls.nodes[letter] = Server(database_url=cls.url, name=f"TwoNodesTest-{letter}", env={
                "REKRUT_SMTP_URL": cls.smtp.url,
                "REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS": str(GRACE_SECONDS),
                "REKRUT_SERVER_JOB_INTERVAL_SECONDS": "1",
                "REKRUT_SERVER_MAX_CONNECTIONS_PER_IP": "512",
                "REKRUT_BACKUP_DIRECTORY": cls.backups[letter],
                "REKRUT_LOG_LEVEL": "info"})
        for step in ("migrate", "seed-demo"):
            result = cls.nodes["a"].cli(step)
            if result.returncode != 0:
                raise RuntimeError(f"{step}: {result.stderr}")
        for node in cls.nodes.values():
            node.start()
        cls.nginx = Nginx(cls.nodes["a"], cls.nodes["b"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.nginx.stop()
        for node in cls.nodes.values():
            node.stop()
        cls.smtp.__exit__(None, None, None)

    def setUp(self):
        # A test that stopped a node started it again; this is the safety net after a failure.
        for letter, node in self.nodes.items():
            if not node.running:
                self.restart(letter)

    def restart(self, letter: str) -> None:
        """Starts the node again and waits until nginx sends it requests again (a node that failed is
        left out for fail_timeout)."""
        node = self.nodes[letter]
        port = node.port
        node.start()
        self.assertEqual(node.port, port, "the node came back on another port than nginx knows")

        def served_by_node() -> bool:
            before = len(self.nginx.served("GET", "/healthz"))
            self.nginx.client().get("/healthz")
            return any(node_letter == letter for _, _, node_letter in self.nginx.served("GET", "/healthz")[before:])
        wait_until(served_by_node, f"nginx sends requests to node {letter} again", timeout=60, interval=0.5)

    # -- sessions and CSRF

    def test_a_session_made_on_one_node_posts_through_the_other(self):
        on_a = self.nginx.client("a")
        login(on_a, PROJEKTLEDER, totp=False)
        on_b = self.nginx.client("b")
        on_b.cookies = dict(on_a.cookies)
        home = on_b.get("/home")
        self.assertEqual(home.status, 200, "the session made on node A is not known on node B")
        csrf = on_a.csrf_token()  # read from a page node A served
        changed = on_b.post("/profile/name", {"csrf_token": csrf, "name": "Pia Projektleder-Nodesen"})
        self.assertEqual(changed.status, 303, changed.visible_text[:400])
        forged = on_b.post("/profile/name", {"csrf_token": "0" * 64, "name": "Forfalsket"})
        self.assertEqual(forged.status, 403, "a wrong CSRF token was accepted on the other node")
        logins = self.nginx.served("POST", "/login")
        names = self.nginx.served("POST", "/profile/name")
        self.assertIn((self.nginx.port_a, 303, "a"), logins)
        self.assertIn((self.nginx.port_b, 303, "b"), names, "the POST was not served by node B")
        self.assertIn("Pia Projektleder-Nodesen", on_a.get("/profile").text)
        # Signing out on node B ends the session on node A too.
        self.assertEqual(on_b.post("/logout", {"csrf_token": csrf}).status, 303)
        after = on_a.get("/home")
        self.assertEqual(after.status, 303, "the session still works on node A after signing out on node B")
        self.assertIn("/login", after.location or "")
        on_b.cookies = {}
        login(on_b, PROJEKTLEDER, totp=False)
        self.assertEqual(on_b.post("/profile/name", {"name": "Pia Projektleder"}).status, 303)

    # -- periodic jobs

    def test_each_periodic_jobs_work_is_done_once(self):
        # Mail: password-reset mails queued through both nodes, each delivered once.
        addresses = [SUPERBRUGER, ADMINISTRATOR, PROJEKTLEDER, DELTAGER, LEDER, AKADEMIET_PROJEKTLEDER]
        before = len(self.smtp.messages())
        client = self.nginx.client()
        client.csrf_token()  # the form's token, fetched once, so that the POSTs take turns
        for address in addresses:
            self.assertEqual(client.post("/password/forgot", {"email": address}).status, 200)
        served_by = {node for _, _, node in self.nginx.served("POST", "/password/forgot")}
        self.assertEqual(served_by, {"a", "b"}, "the requests did not reach both nodes")
        # The deadline: every published case's deadline passes; each is closed once.
        published = [row[0] for row in execute_sql(
            self.url, "SELECT id FROM recruitment_cases WHERE state = 'published' ORDER BY id")]
        self.assertTrue(published, "the demo has no published case")
        execute_sql(self.url, "UPDATE recruitment_cases SET application_deadline = "
                              f"{int(time.time()) - 60} WHERE state = 'published'")
        wait_until(lambda: not execute_sql(self.url, "SELECT id FROM recruitment_cases WHERE state = 'published'"),
                   "the cases past their deadline are closed")
        for case_id in published:
            closings = [event for event in self.nodes["a"].audit_events(
                action="case.state_changed", object_id=case_id, object_type="recruitment_case")
                if event["after"].get("transition") == "close_applications"]
            self.assertEqual(len(closings), 1, f"case {case_id} closed {len(closings)} times")

        # Every queued mail (the resets and the committees' deadline mails) is sent, then counted.
        wait_until(lambda: execute_sql(self.url, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")[0][0] == "0",
                   "the outbox is delivered")
        sent = int(execute_sql(self.url, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL")[0][0])
        messages = self.smtp.messages()
        ids = [message["Message-ID"] for message in messages]
        self.assertEqual(len(ids), len(set(ids)), "a mail was delivered twice")
        self.assertEqual(len(messages), sent, "the sink holds another number of mails than the outbox sent")
        for address in addresses:
            to_address = [m for m in messages[before:]
                          if address in [found for _, found in email.utils.getaddresses([m["To"] or ""])]
                          and "/password/reset/" in message_text(m)]
            self.assertEqual(len(to_address), 1, f"{address} got {len(to_address)} reset mails")

        # The scheduled backup: both nodes look each minute, one makes the slot's backup.
        def backup_files():
            return [name for letter in "ab" for name in os.listdir(self.backups[letter]) if name.endswith(".tar")]
        wait_until(lambda: all(re.search(r'"event":"backup_(written|slot_taken)"', node.log())
                               for node in self.nodes.values()), "both nodes looked at the backup slot",
                   timeout=120)
        slots = execute_sql(self.url, "SELECT slot FROM backup_runs")
        self.assertEqual(len(backup_files()), len(slots), "not one backup per slot")
        self.assertEqual(len({name for name in backup_files()}), len(backup_files()))

    # -- the audit chain

    def test_concurrent_writes_through_both_nodes_keep_the_audit_chain_intact(self):
        users = [PROJEKTLEDER, DELTAGER, LEDER, AKADEMIET_PROJEKTLEDER]
        clients = []
        for user in users:
            client = self.nginx.client()
            login(client, user, totp=False)
            client.csrf_token()
            clients.append(client)
        before = len(self.nodes["a"].audit_events(action="user.changed", limit=100000))

        def change_name(worker: int, number: int) -> int:
            return clients[worker].post("/profile/name", {"name": f"Navn {worker}-{number}"}).status
        load = Load(change_name, workers=len(clients), accepted=(303,), cap=30).start()
        load.join()
        self.assertEqual(load.errors, [])
        self.assertEqual(load.count(), 30 * len(clients))
        served_by = {node for _, status, node in self.nginx.served("POST", "/profile/name") if status == 303}
        self.assertEqual(served_by, {"a", "b"})
        after = len(self.nodes["a"].audit_events(action="user.changed", limit=100000))
        self.assertEqual(after - before, 30 * len(clients))
        for letter, node in self.nodes.items():
            verified = node.cli("audit", "verify")
            self.assertEqual(verified.returncode, 0, f"node {letter}: {verified.stdout}{verified.stderr}")
        for client, user in zip(clients, users):
            client.post("/profile/name", {"name": user.split("@")[0].capitalize()})

    # -- losing a node

    def test_sigkill_of_a_node_under_get_load_costs_no_client_a_request(self):
        def get_front_page(worker: int, number: int) -> int:
            return self.nginx.client().get("/").status
        load = Load(get_front_page).start()
        try:
            load.wait_for_more(100, "before the kill")
            served = {node for _, _, node in self.nginx.served("GET", "/")}
            self.assertEqual(served, {"a", "b"}, "the load did not reach both nodes")
            self.nodes["b"].kill()
            load.wait_for_more(200, "after the kill")
        finally:
            load.stop()
        self.assertEqual(load.errors, [], self.nginx.error_log()[-2000:])
        self.assertIn(f"127.0.0.1:{self.nodes['b'].port}", self.nginx.error_log(),
                      "nginx never tried the killed node: the test did not test the retry")
        self.restart("b")

    def test_sigterm_of_a_node_under_post_load_costs_no_client_a_request_after_the_grace_period(self):
        clients = [self.nginx.client() for _ in range(8)]
        tokens = [client.csrf_token() for client in clients]

        def forgot_password(worker: int, number: int) -> int:
            return clients[worker].post("/password/forgot", {"csrf_token": tokens[worker],
                                                             "email": f"ingen.{worker}.{number}@example.test"}).status
        node = self.nodes["b"]
        load = Load(forgot_password).start()
        try:
            load.wait_for_more(100, "before the stop")
            served = {letter for _, _, letter in self.nginx.served("POST", "/password/forgot")}
            self.assertEqual(served, {"a", "b"}, "the load did not reach both nodes")
            node.process.send_signal(signal.SIGTERM)
            self.assertEqual(node.process.wait(60), 0, node.log()[-3000:])
            load.wait_for_more(200, "after node B stopped")
        finally:
            load.stop()
        self.assertEqual(load.errors, [], self.nginx.error_log()[-2000:])
        self.assertIn('"drained":true', node.log())
        node.stop()
        self.restart("b")
        self.assertEqual(self.nginx.client("b").get("/readyz").status, 200)

    # -- the installation key

    def test_a_third_node_with_another_key_is_refused(self):
        other_key = write_key(os.path.join(make_temp_dir("rekrut-third-node-"), "rekrut.key"))
        third = Server(database_url=self.url, name="TwoNodesTest-third",
                       env={"REKRUT_SECURITY_KEY_FILE": other_key})
        with self.assertRaises(RuntimeError) as refused:
            third.start()
        self.assertIn("security.key_file", str(refused.exception))
        self.assertEqual(self.nginx.client().get("/readyz").status, 200)


if __name__ == "__main__":
    unittest.main()
