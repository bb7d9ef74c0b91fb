"""Running several nodes on one database: every node must hold the installation's key (its fingerprint
is recorded in the database), a node that is stopped says so on /readyz, goes on serving for its
grace period and answers every request it has begun before it exits, and the outbox's claim lasts
smtp.lease_seconds. Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE)."""

import concurrent.futures
import hashlib
import os
import signal
import socket
import struct
import subprocess
import time
import unittest

from harness import (PartialPost, Server, ServerTestCase, SmtpSink, base_environment, database_url, execute_sql,
                     make_temp_dir, rekrut_bin, secret_key_file)


def key_fingerprint(path: str) -> str:
    """The fingerprint the server records for the key in `path`: BLAKE2b-128 of the key's subkey 6
    (libsodium's crypto_kdf with the context "rekrut01"), its first 8 bytes as hex."""
    with open(path, encoding="ascii") as file:
        master = bytes.fromhex(file.read().strip())
    subkey = hashlib.blake2b(b"", key=master, salt=struct.pack("<Q", 6) + bytes(8),
                             person=b"rekrut01" + bytes(8), digest_size=32).digest()
    return hashlib.blake2b(subkey, digest_size=16).digest()[:8].hex()


def write_key(path: str) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii") as file:
        file.write(os.urandom(32).hex() + "\n")
    return path


def recorded_fingerprints(url: str) -> list:
    return [row[0] for row in execute_sql(url, "SELECT fingerprint FROM installation_key")]


class InstallationKeyTest(unittest.TestCase):
    """The database records the fingerprint of the first key; every command with another key, or
    without the key file, stops and names the fingerprints."""

    def test_a_node_with_another_key_is_refused_naming_both_fingerprints(self):
        server = Server(name="InstallationKeyTest-other").start()
        try:
            installation = key_fingerprint(secret_key_file())
            self.assertEqual(recorded_fingerprints(server.database_url), [installation])
            other_key = write_key(os.path.join(make_temp_dir("rekrut-other-node-"), "rekrut.key"))
            other = key_fingerprint(other_key)
            with open(other_key, encoding="ascii") as file:
                other_hex = file.read().strip()
            commands = [("migrate",), ("audit", "verify"), ("seed-demo",),
                        ("admin", "create-institution", "--cvr", "12345678", "--name", "Styrelsen for Nøgler")]
            for command in commands:
                result = server.cli(*command, env={"REKRUT_SECURITY_KEY_FILE": other_key})
                output = result.stdout + result.stderr
                self.assertNotEqual(result.returncode, 0, f"{command}: {output}")
                self.assertIn(installation, output, command)
                self.assertIn(other, output, command)
                self.assertIn("security.key_file", output, command)
                self.assertNotIn(other_hex, output, "the key itself is never shown")
            self.assertEqual(int(execute_sql(server.database_url, "SELECT COUNT(*) FROM institutions")[0][0]), 0,
                             "a refused command changed nothing")

            second = Server(database_url=server.database_url, env={"REKRUT_SECURITY_KEY_FILE": other_key},
                            name="InstallationKeyTest-second")
            with self.assertRaises(RuntimeError) as refused:
                second.start()
            self.assertIn(installation, str(refused.exception))
            self.assertIn(other, str(refused.exception))

            # A node set up without the key file does not make a key of its own.
            missing = os.path.join(make_temp_dir("rekrut-keyless-node-"), "rekrut.key")
            result = server.cli("migrate", env={"REKRUT_SECURITY_KEY_FILE": missing})
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("is missing", result.stderr)
            self.assertIn(installation, result.stderr)
            self.assertFalse(os.path.exists(missing), "a new key was made")

            self.assertEqual(recorded_fingerprints(server.database_url), [installation])
            self.assertEqual(server.client().get("/readyz").status, 200, "the running node is unaffected")
            self.assertEqual(server.cli("audit", "verify").returncode, 0)
        finally:
            self.assertEqual(server.stop(), 0, server.log())

    def test_nodes_starting_at_once_on_an_empty_database_agree_on_one_key(self):
        for round_number in range(3):
            url = database_url()
            # Two hosts with the default, relative key path: each has a key file of its own.
            keys = [os.path.join(make_temp_dir(f"rekrut-host-{host}-"), "var", "rekrut.key") for host in "ab"]
            processes = [subprocess.Popen(
                [rekrut_bin(), "migrate"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=base_environment({"REKRUT_DATABASE_URL": url, "REKRUT_SECURITY_KEY_FILE": key,
                                      "REKRUT_LOG_LEVEL": "warn"})) for key in keys]
            outcomes = [(process.wait(120), *process.communicate()) for process in processes]
            codes = [code for code, _, _ in outcomes]
            self.assertEqual(sorted(codes), [0, 1], f"round {round_number}: {outcomes}")
            winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
            self.assertEqual(recorded_fingerprints(url), [key_fingerprint(keys[winner])])
            refusal = outcomes[loser][2]
            self.assertIn(key_fingerprint(keys[winner]), refusal)
            if os.path.exists(keys[loser]):
                # Both made a key before either recorded it: the loser names its own too.
                self.assertIn(key_fingerprint(keys[loser]), refusal)
            else:
                # The winner had recorded its key before the loser looked: the loser makes none.
                self.assertIn("is missing", refusal)
            # The loser started again with the installation's key joins.
            again = subprocess.run([rekrut_bin(), "migrate"], capture_output=True, text=True, timeout=120,
                                   env=base_environment({"REKRUT_DATABASE_URL": url,
                                                         "REKRUT_SECURITY_KEY_FILE": keys[winner]}))
            self.assertEqual(again.returncode, 0, again.stderr)


class GracefulStopTest(unittest.TestCase):
    """SIGTERM: /readyz answers 503 at once, the node serves on through its grace period, then refuses
    new connections and answers every request it has begun, POSTs whose bodies are still arriving
    included."""

    def start_server(self, grace_seconds: int, name: str) -> Server:
        return Server(env={"REKRUT_SERVER_SHUTDOWN_GRACE_SECONDS": str(grace_seconds), "REKRUT_LOG_LEVEL": "info"},
                      name=name).start()

    def forgot_password_form_status(self, server: Server) -> int:
        """The status of a complete POST /password/forgot outside any shutdown."""
        client = server.client()
        return client.post("/password/forgot", {"email": "someone@example.test"}).status

    def wait_for(self, condition, what: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                self.fail(f"not within {timeout} s: {what}")
            time.sleep(0.05)

    def test_readyz_turns_503_at_sigterm_while_requests_are_still_served(self):
        # A long grace period, ended by a second SIGTERM: nothing here depends on how long it lasts.
        server = self.start_server(300, "GracefulStopTest-grace")
        try:
            client = server.client()
            self.assertEqual(client.get("/readyz").status, 200)
            expected = self.forgot_password_form_status(server)
            csrf = client.csrf_token()
            in_flight = [PartialPost(server, csrf, number) for number in range(8)]

            server.process.send_signal(signal.SIGTERM)

            def readiness():
                return server.client().get("/readyz")
            self.wait_for(lambda: readiness().status == 503, "/readyz answers 503 after SIGTERM")
            self.assertIn('"stopping"', readiness().text)
            self.assertTrue(server.running)
            # New connections are still served, each closed after its answer.
            front = server.client().get("/")
            self.assertEqual(front.status, 200)
            self.assertEqual((front.headers.get("Connection") or "").lower(), "close")
            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                statuses = list(pool.map(lambda _: self.forgot_password_form_status(server), range(16)))
            self.assertEqual(statuses, [expected] * 16)
            for request in in_flight:
                status, _, body = request.finish()
                self.assertEqual(status, expected)
                self.assertIn(b"</html>", body)
            self.assertTrue(server.running, "the grace period lasts until it runs out or a second signal")
            self.assertEqual(server.stop(sig=signal.SIGTERM), 0, server.log())
            self.assertIn('"drained":true', server.log())
        finally:
            server.kill()

    def test_posts_in_flight_at_sigterm_are_answered_after_accepting_stops(self):
        server = self.start_server(0, "GracefulStopTest-drain")
        try:
            client = server.client()
            expected = self.forgot_password_form_status(server)
            csrf = client.csrf_token()
            in_flight = [PartialPost(server, csrf, number) for number in range(8)]
            idle = socket.create_connection((server.host, server.port))  # keeps nothing in flight

            server.process.send_signal(signal.SIGTERM)
            self.wait_for(lambda: '"event":"stopping"' in server.log(), "the server logs that it is stopping")

            def refused() -> bool:
                try:
                    socket.create_connection((server.host, server.port), timeout=5).close()
                    return False
                except ConnectionRefusedError:
                    return True
            # Refused by the kernel, so that a proxy passes the request to another node before sending it.
            self.wait_for(refused, "new connections are refused once the server stops accepting")

            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(PartialPost.finish, in_flight))
            for status, headers, body in answers:
                self.assertEqual(status, expected)
                self.assertEqual((headers.get("Connection") or "").lower(), "close")
                self.assertIn(b"</html>", body)
            idle.close()
            self.assertEqual(server.process.wait(60), 0, server.log())
            self.assertEqual(server.stop(), 0)
            self.assertIn('"drained":true', server.log())
        finally:
            server.kill()


class OutboxLeaseTest(ServerTestCase):
    """smtp.lease_seconds is how long a node's claim on the mails it sends holds, and a mail is sent
    while the claim holds (with the default of 300 s the claim would outlast the send by minutes)."""

    seed_demo = True
    mail_sink = True
    server_env = {"REKRUT_SMTP_LEASE_SECONDS": "60"}

    def test_mails_are_claimed_for_the_configured_lease(self):
        address = "leder@styrelsen.example.test"
        self.assertEqual(self.client().post("/password/forgot", {"email": address}).status, 200)
        self.mail_to(address)
        rows = execute_sql(self.server.database_url,
                           "SELECT sent_at, claimed_until FROM outbox WHERE sent_at IS NOT NULL")
        self.assertTrue(rows, "no mail recorded as sent")
        for sent_at, claimed_until in rows:
            held_after_sending = int(claimed_until) - int(sent_at)
            self.assertLessEqual(held_after_sending, 60, "claimed for longer than smtp.lease_seconds")
            self.assertGreater(held_after_sending, 0, "sent after its claim ran out")


class ClaimsHandedBackTest(unittest.TestCase):
    """A node that stops hands back the mails it claimed but did not send, so that another node sends
    them at once instead of when the claim (smtp.lease_seconds, 300 s) runs out."""

    def test_a_stopping_node_hands_back_its_unsent_claims(self):
        addresses = ["leder@styrelsen.example.test", "projektleder@styrelsen.example.test",
                     "deltager@styrelsen.example.test", "administrator@styrelsen.example.test"]
        with SmtpSink() as smtp:
            server = Server(env={"REKRUT_SMTP_URL": smtp.url, "REKRUT_SMTP_MAX_PER_SECOND": "1",
                                 "REKRUT_LOG_LEVEL": "info"}, name="ClaimsHandedBackTest")
            for step in ("migrate", "seed-demo"):
                self.assertEqual(server.cli(step).returncode, 0)
            server.start()
            try:
                for address in addresses:
                    self.assertEqual(server.client().post("/password/forgot", {"email": address}).status, 200)
                deadline = time.monotonic() + 30
                while len(smtp.messages()) < len(addresses) and time.monotonic() < deadline:
                    time.sleep(0.2)
                self.assertEqual(len(smtp.messages()), len(addresses), "the mails were not sent")
                # The four mails due again at the same moment: one batch claims them all, and at one
                # mail a second the node is stopped with the batch's later mails claimed, unsent.
                due = int(time.time()) + 2
                execute_sql(server.database_url, f"UPDATE outbox SET sent_at = NULL, claimed_until = 0,"
                                                 f" next_attempt_at = {due} WHERE sent_at IS NOT NULL")
                before = len(smtp.messages())
                deadline = time.monotonic() + 30
                while len(smtp.messages()) == before and time.monotonic() < deadline:
                    time.sleep(0.05)
                server.process.send_signal(signal.SIGTERM)
                self.assertEqual(server.process.wait(60), 0, server.log())
                rows = execute_sql(server.database_url,
                                   "SELECT claimed_until FROM outbox WHERE sent_at IS NULL")
                self.assertTrue(rows, "every mail was sent before the stop: nothing to hand back")
                now = int(time.time())
                for (claimed_until,) in rows:
                    self.assertLessEqual(int(claimed_until), now, "an unsent mail is still claimed")
                self.assertIn('"mail_claims_released"', server.log())
            finally:
                server.kill()

if __name__ == "__main__":
    unittest.main()
