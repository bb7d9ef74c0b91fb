"""Identity, seen from outside: login and logout, wrong passwords, throttling (per account and per
IP address), the second factor (TOTP steps used once, recovery codes, forced enrolment), session
expiry and rotation, CSRF on the profile forms, the password reset by e-mail through a real SMTP
server, and the own profile (name, password).

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE); every class starts its own server on a
fresh database seeded with the demo data (password Demo-adgangskode-2026 for every demo user).
State the UI cannot reach quickly (an idle session, an expired link, a lock that has run out) is
arranged with execute_sql."""

import email
import email.header
import email.policy
import hashlib
import hmac
import mailbox
import os
import re
import struct
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import login
from harness import Server, ServerTestCase, SmtpSink, execute_sql, make_temp_dir

PASSWORD = "Demo-adgangskode-2026"
# seed-demo gives Operator, Superbruger and Administrator this TOTP secret (the RFC 6238 test key).
DEMO_SECRET_HEX = "3132333435363738393031323334353637383930"

PROJEKTLEDER = "projektleder@styrelsen.example.test"
DELTAGER = "deltager@styrelsen.example.test"
LEDER = "leder@styrelsen.example.test"
SUPERBRUGER = "superbruger@styrelsen.example.test"
SUPERBRUGER2 = "superbruger2@styrelsen.example.test"
ADMINISTRATOR = "administrator@styrelsen.example.test"
OPERATOR = "drift@example.test"
AKADEMIET_PROJEKTLEDER = "projektleder@akademiet.example.test"
AKADEMIET_ADMINISTRATOR = "administrator@akademiet.example.test"

NAMES = {PROJEKTLEDER: "Pia Projektleder", DELTAGER: "Dennis Deltager", LEDER: "Lene Leder",
         SUPERBRUGER: "Sofie Superbruger", ADMINISTRATOR: "Anders Administrator",
         OPERATOR: "Dorte Driftsen", AKADEMIET_PROJEKTLEDER: "Jens Juhl"}

WRONG_LOGIN = {"da": "E-mailadressen eller adgangskoden er forkert.",
               "en": "The e-mail address or the password is wrong."}
RESET_SUBJECTS = ("Vælg en ny adgangskode til Rekrut", "Choose a new password for Rekrut")
RESET_LINK = re.compile(r"(https?://[^\s\"'<>]+)/password/reset/([0-9a-f]{64})")
RECOVERY_CODE = re.compile(r"<li>\s*([a-z0-9]{6}-[a-z0-9]{6}-[a-z0-9]{6})\s*</li>")


# ------------------------------------------------------------------------------------------------
# Helpers


def totp_code(secret_hex: str, step: int) -> str:
    """RFC 6238 (HMAC-SHA1, 6 digits) for one 30-second time step."""
    digest = hmac.new(bytes.fromhex(secret_hex), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def session_hash(token: str) -> str:
    """How the server stores a session token (BLAKE2b-256 of "session:" + token)."""
    return hashlib.blake2b(("session:" + token).encode(), digest_size=32).hexdigest()


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class IdentityTestCase(ServerTestCase):
    """A seeded server plus helpers for logging in and for looking into the database."""

    seed_demo = True

    def setUp(self):
        super().setUp()
        # Every request comes from 127.0.0.1, so failures of one test would count against the
        # per-IP limit of the next: each test starts without throttling.
        self.sql("DELETE FROM login_throttle")

    # -- database

    def sql(self, statement: str) -> list:
        return execute_sql(self.server.database_url, statement)

    def scalar(self, statement: str):
        rows = self.sql(statement)
        return rows[0][0] if rows else None

    def user_id(self, address: str) -> int:
        return int(self.scalar(f"SELECT id FROM users WHERE email = {quote(address)}"))

    def audit(self, action: str, address: str = None, after_id: int = 0) -> list:
        """[(actor_user_id, after_json dict)] of the audit events with this action, oldest first."""
        actor = str(self.user_id(address)) if address else None
        events = [(None if event["actor_user_id"] is None else str(event["actor_user_id"]), event["after"])
                  for event in self.server.audit_events(action=action) if event["id"] > after_id]
        return [(user, after) for user, after in events if actor is None or user == actor]

    def last_audit_id(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(id), 0) FROM audit_events"))

    def throttle(self, key: str):
        """(failures, blocked_until) of a login_throttle row, or None."""
        rows = self.sql(f"SELECT failures, blocked_until FROM login_throttle WHERE throttle_key = {quote(key)}")
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    # -- TOTP

    def fresh_totp(self, address: str, secret_hex: str = DEMO_SECRET_HEX) -> str:
        """A code the server accepts now and has not seen for this user: the server accepts the
        steps now-1, now and now+1 and each only once (users.totp_last_step), so pick the oldest
        acceptable step after the last one used, waiting for the clock if all are used."""
        deadline = time.monotonic() + 70
        while True:
            last = int(self.scalar(f"SELECT totp_last_step FROM users WHERE email = {quote(address)}"))
            now = time.time()
            current = int(now // 30)
            into_step = now - current * 30
            candidates = ([current - 1] if into_step < 20 else []) + [current, current + 1]
            for step in candidates:
                if step > last:
                    return totp_code(secret_hex, step)
            if time.monotonic() > deadline:
                raise AssertionError(f"no unused TOTP step for {address}")
            time.sleep(min(1.0, (current + 1) * 30 - now + 0.05))

    @staticmethod
    def wrong_totp(secret_hex: str = DEMO_SECRET_HEX) -> str:
        current = int(time.time() // 30)
        valid = {totp_code(secret_hex, step) for step in range(current - 3, current + 4)}
        candidate = 123456
        while f"{candidate:06d}" in valid:
            candidate += 1
        return f"{candidate:06d}"

    # -- login

    def login(self, client, address: str, password: str = PASSWORD, **extra):
        return client.post("/login", {"email": address, "password": password, **extra})

    def signed_in_client(self, address: str, password: str = PASSWORD):
        """A client with a complete session (second factor passed when the user has one)."""
        client = self.client()
        response = self.login(client, address, password)
        self.assertStatus(response, 303, f"login of {address}")
        if response.location == "/login/second-factor":
            response = client.post("/login/second-factor", {"code": self.fresh_totp(address)})
            self.assertStatus(response, 303, f"second factor of {address}")
        self.assertEqual(response.location, "/home", f"login of {address}")
        self.assertStatus(client.get("/home"), 200)
        return client

    def assertSignedOut(self, client, msg: str = ""):
        response = client.get("/home")
        self.assertStatus(response, 303, msg)
        self.assertTrue(response.location.startswith("/login"), f"{response.location} {msg}")

    def assertRedirect(self, response, location: str, msg: str = ""):
        self.assertStatus(response, 303, msg)
        self.assertEqual(response.location, location, msg)

    def client_with_session(self, token: str):
        client = self.client()
        client.set_cookie("rekrut_session", token)
        return client


# ------------------------------------------------------------------------------------------------


class LoginTest(IdentityTestCase):
    """Password login, logout, refusals, CSRF on the profile and the own profile."""

    def test_login_sets_cookies_shows_name_and_logout_ends_session(self):
        client = self.client()
        form_page = client.get("/login")
        self.assertStatus(form_page, 200)
        csrf_before = client.cookie("rekrut_csrf")
        self.assertTrue(csrf_before)
        response = self.login(client, PROJEKTLEDER)
        self.assertRedirect(response, "/home")

        session = response.set_cookies.get("rekrut_session")
        self.assertIsNotNone(session, "login set no rekrut_session cookie")
        self.assertRegex(session.value, r"^[0-9a-f]{64}$")
        self.assertTrue(session.http_only, f"session cookie not HttpOnly: {session}")
        self.assertEqual((session.same_site or "").lower(), "lax", f"session cookie: {session}")
        self.assertEqual(session.attributes.get("path"), "/", f"session cookie: {session}")
        self.assertFalse(session.expired)
        csrf = response.set_cookies.get("rekrut_csrf")
        self.assertIsNotNone(csrf, "login did not issue a new rekrut_csrf cookie")
        self.assertNotEqual(csrf.value, csrf_before, "the CSRF token from before login survived it")
        # Only the hash of the token is stored.
        self.assertEqual(self.sql(f"SELECT COUNT(*) FROM sessions WHERE token_hash = {quote(session.value)}"),
                         [["0"]])
        self.assertEqual(self.sql(f"SELECT COUNT(*) FROM sessions WHERE token_hash = "
                                  f"{quote(session_hash(session.value))}"), [["1"]])

        home = client.get("/home")
        self.assertStatus(home, 200)
        self.assertIn(NAMES[PROJEKTLEDER], home.visible_text)
        # The page after login works with the new CSRF token (the old one is gone).
        self.assertStatus(client.get("/profile"), 200)

        before = self.last_audit_id()
        logout = client.post("/logout")
        self.assertStatus(logout, 303)
        cleared = logout.set_cookies.get("rekrut_session")
        self.assertTrue(cleared is not None and cleared.expired, f"logout did not clear the cookie: {cleared}")
        self.assertSignedOut(client, "after logout")
        # The old token itself is dead, not only the browser's cookie.
        self.assertSignedOut(self.client_with_session(session.value), "old token after logout")
        events = self.audit("logout", after_id=before)
        self.assertEqual(len(events), 1, "expected one logout audit event")
        self.assertEqual(events[0][0], str(self.user_id(PROJEKTLEDER)))

    def test_login_ignores_foreign_next_but_keeps_local(self):
        response = self.login(self.client(), PROJEKTLEDER, next="//evil.example/x")
        self.assertRedirect(response, "/home")
        response = self.login(self.client(), PROJEKTLEDER, next="https://evil.example/")
        self.assertRedirect(response, "/home")
        response = self.login(self.client(), PROJEKTLEDER, next="/profile")
        self.assertRedirect(response, "/profile")

    def test_wrong_password_and_unknown_account_look_the_same(self):
        before = self.last_audit_id()
        wrong = self.login(self.client(), DELTAGER, "Forkert-adgangskode-1")
        unknown = self.login(self.client(), "ingen@styrelsen.example.test", "Forkert-adgangskode-1")
        self.assertStatus(wrong, 400)
        self.assertStatus(unknown, 400)
        self.assertNotIn("rekrut_session", wrong.set_cookies)
        self.assertNotIn("rekrut_session", unknown.set_cookies)
        self.assertIn(WRONG_LOGIN["da"], wrong.visible_text)
        self.assertEqual(wrong.visible_text, unknown.visible_text,
                         "wrong password and unknown account must not be told apart")

        failed = self.audit("login.failed", after_id=before)
        reasons = [after.get("reason") for _, after in failed]
        self.assertEqual(reasons, ["wrong_password", "unknown_account"], failed)
        self.assertEqual(failed[0][0], str(self.user_id(DELTAGER)))
        self.assertEqual(failed[1][1].get("email"), "ingen@styrelsen.example.test")

    def test_email_is_case_insensitive(self):
        response = self.login(self.client(), "  Projektleder@Styrelsen.Example.TEST ")
        self.assertRedirect(response, "/home")

    def test_deactivated_account_is_refused_and_its_sessions_end(self):
        address = AKADEMIET_PROJEKTLEDER
        client = self.signed_in_client(address)
        self.sql(f"UPDATE users SET status = 'deactivated' WHERE email = {quote(address)}")
        try:
            self.assertSignedOut(client, "session of a deactivated user")
            before = self.last_audit_id()
            response = self.login(self.client(), address)
            self.assertStatus(response, 400)
            self.assertNotIn("rekrut_session", response.set_cookies)
            self.assertIn(WRONG_LOGIN["da"], response.visible_text)
            reasons = [after.get("reason") for _, after in self.audit("login.failed", after_id=before)]
            self.assertEqual(reasons, ["account_deactivated"])
        finally:
            self.sql(f"UPDATE users SET status = 'active' WHERE email = {quote(address)}")
        self.assertRedirect(self.login(self.client(), address), "/home")

    def test_csrf_on_profile_name(self):
        client = self.signed_in_client(DELTAGER)
        other = self.signed_in_client(PROJEKTLEDER)
        no_token = client.post("/profile/name", {"name": "Uden Token"}, csrf=False)
        self.assertStatus(no_token, 403)
        foreign = client.post("/profile/name", {"name": "Fremmed Token", "csrf_token": other.csrf_token()})
        self.assertStatus(foreign, 403)
        foreign_header = client.post("/profile/name", {"name": "Fremmed Header"}, csrf=False,
                                     headers={"X-CSRF-Token": other.csrf_token()})
        self.assertStatus(foreign_header, 403)
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE email = {quote(DELTAGER)}"), NAMES[DELTAGER])
        self.assertIn(NAMES[DELTAGER], client.get("/home").visible_text)
        # The same client with its own token may (the refusals were about the token only).
        self.assertRedirect(client.post("/profile/name", {"name": NAMES[DELTAGER]}), "/profile?saved=1")

    def test_change_own_name(self):
        client = self.signed_in_client(LEDER)
        before = self.last_audit_id()
        response = client.post("/profile/name", {"name": "  Lene Lederberg  "})
        self.assertRedirect(response, "/profile?saved=1")
        self.assertIn("Lene Lederberg", client.get("/home").visible_text)
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE email = {quote(LEDER)}"), "Lene Lederberg")
        changes = self.audit("user.changed", LEDER, after_id=before)
        self.assertEqual(len(changes), 1)
        empty = client.post("/profile/name", {"name": "   "})
        self.assertStatus(empty, 400)
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE email = {quote(LEDER)}"), "Lene Lederberg")
        self.assertRedirect(client.post("/profile/name", {"name": NAMES[LEDER]}), "/profile?saved=1")

    def test_change_password_needs_current_and_ends_other_sessions(self):
        address = "projektleder@akademiet.example.test"
        new_password = "Nyt-og-langt-kodeord-42"
        client = self.signed_in_client(address)
        elsewhere = self.signed_in_client(address)
        old_token = client.cookie("rekrut_session")

        wrong_current = client.post("/profile/password", {"current_password": "Forkert-adgangskode-1",
                                                          "new_password": new_password,
                                                          "repeat_password": new_password})
        self.assertStatus(wrong_current, 400)
        too_short = client.post("/profile/password", {"current_password": PASSWORD, "new_password": "kort",
                                                      "repeat_password": "kort"})
        self.assertStatus(too_short, 400)
        mismatch = client.post("/profile/password", {"current_password": PASSWORD, "new_password": new_password,
                                                     "repeat_password": new_password + "x"})
        self.assertStatus(mismatch, 400)
        self.assertStatus(elsewhere.get("/home"), 200, "refused changes must not end sessions")
        self.assertRedirect(self.login(self.client(), address), "/home")  # old password still valid

        before = self.last_audit_id()
        changed = client.post("/profile/password", {"current_password": PASSWORD, "new_password": new_password,
                                                    "repeat_password": new_password})
        self.assertRedirect(changed, "/profile?saved=1")
        self.assertIn("rekrut_session", changed.set_cookies, "the session token was not replaced")
        self.assertNotEqual(client.cookie("rekrut_session"), old_token)
        self.assertStatus(client.get("/home"), 200, "the session that changed the password must go on")
        self.assertSignedOut(elsewhere, "another session after a password change")
        self.assertSignedOut(self.client_with_session(old_token), "the old token after a password change")
        self.assertEqual(len(self.audit("password.changed", address, after_id=before)), 1)

        self.assertStatus(self.login(self.client(), address), 400, "the old password still works")
        self.assertRedirect(self.login(self.client(), address, new_password), "/home")
        # Back to the demo password for other tests.
        self.assertRedirect(client.post("/profile/password", {"current_password": new_password,
                                                              "new_password": PASSWORD,
                                                              "repeat_password": PASSWORD}),
                            "/profile?saved=1")


class ThrottleTest(IdentityTestCase):
    """Growing delays after failed logins, per account and per IP address."""

    def assertThrottled(self, response, msg: str = ""):
        self.assertStatus(response, 429, msg)
        retry_after = response.header("Retry-After")
        self.assertIsNotNone(retry_after, f"429 without Retry-After {msg}")
        self.assertRegex(retry_after, r"^\d+$")
        self.assertGreater(int(retry_after), 0)
        self.assertNotIn("rekrut_session", response.set_cookies)
        return int(retry_after)

    def unblock(self, key: str):
        self.sql(f"UPDATE login_throttle SET blocked_until = {int(time.time()) - 1} "
                 f"WHERE throttle_key = {quote(key)}")

    def test_account_throttle(self):
        key = f"account:{DELTAGER}"
        for attempt in range(1, 6):
            self.assertStatus(self.login(self.client(), DELTAGER, f"Forkert-{attempt}-adgangskode"), 400,
                              f"failure {attempt}")
        self.assertEqual(self.throttle(key)[0], 5)
        # The 6th attempt is refused even with the right password.
        before = self.last_audit_id()
        self.assertThrottled(self.login(self.client(), DELTAGER), "6th attempt with the right password")
        reasons = [after.get("reason") for _, after in self.audit("login.failed", after_id=before)]
        self.assertEqual(reasons, ["throttled"])
        # Other accounts are not affected.
        self.assertRedirect(self.login(self.client(), PROJEKTLEDER), "/home")

        # When the block has run out the right password works and clears the counter.
        self.unblock(key)
        self.assertRedirect(self.login(self.client(), DELTAGER), "/home")
        self.assertIsNone(self.throttle(key), "a successful login should clear the account's failures")

        # Ten failures in a row (each after the previous block ran out) → a lock of about 15 min.
        self.sql("DELETE FROM login_throttle WHERE throttle_key LIKE 'ip:%'")
        for attempt in range(1, 11):
            self.unblock(key)
            self.assertStatus(self.login(self.client(), DELTAGER, f"Forkert-{attempt}-adgangskode"), 400,
                              f"failure {attempt}")
        failures, blocked_until = self.throttle(key)
        self.assertEqual(failures, 10)
        self.assertAlmostEqual(blocked_until - time.time(), 15 * 60, delta=60)
        retry_after = self.assertThrottled(self.login(self.client(), DELTAGER), "after 10 failures")
        self.assertGreaterEqual(retry_after, 14 * 60)
        self.assertLessEqual(retry_after, 16 * 60)
        self.unblock(key)
        self.assertRedirect(self.login(self.client(), DELTAGER), "/home")

    def test_growing_delays_between_5_and_10_failures(self):
        key = f"account:{PROJEKTLEDER}"
        previous = 0
        for attempt in range(1, 10):
            self.unblock(key)
            self.assertStatus(self.login(self.client(), PROJEKTLEDER, "Forkert-adgangskode-x"), 400)
            failures, blocked_until = self.throttle(key)
            self.assertEqual(failures, attempt)
            delay = blocked_until - int(time.time())
            if attempt < 5:
                self.assertLessEqual(delay, 0, f"blocked already after {attempt} failures")
            else:
                self.assertGreater(delay, previous, f"the delay did not grow at failure {attempt}")
                self.assertLess(delay, 15 * 60)
                previous = delay
        self.unblock(key)
        self.assertRedirect(self.login(self.client(), PROJEKTLEDER), "/home")

    def test_ip_throttle_across_accounts(self):
        # One failure each for many accounts: no account reaches its limit, the address does.
        addresses = [f"ukendt{number}@styrelsen.example.test" for number in range(20)]
        for number, address in enumerate(addresses):
            self.assertStatus(self.login(self.client(), address, "Forkert-adgangskode-1"), 400, f"failure {number}")
        self.assertEqual(self.throttle("ip:127.0.0.1")[0], 20)
        self.assertIsNone(self.throttle(f"account:{LEDER}"))
        self.assertThrottled(self.login(self.client(), LEDER), "an untouched account from a blocked address")
        self.unblock("ip:127.0.0.1")
        self.assertRedirect(self.login(self.client(), LEDER), "/home")

    def test_ip_throttle_needs_more_than_the_account_limit(self):
        # Five failures spread over five accounts must not block the address.
        for number in range(6):
            self.assertStatus(self.login(self.client(), f"andre{number}@styrelsen.example.test", "Forkert-1-x"), 400)
        self.assertRedirect(self.login(self.client(), LEDER), "/home")

    def test_second_factor_attempts_are_limited(self):
        # A stolen password must not allow unlimited guessing of the six-digit code.
        client = self.client()
        self.assertRedirect(self.login(client, SUPERBRUGER2), "/login/second-factor")
        for attempt in range(1, 6):
            self.assertStatus(client.post("/login/second-factor", {"code": self.wrong_totp()}), 400,
                              f"wrong code {attempt}")
        before = self.last_audit_id()
        response = client.post("/login/second-factor", {"code": self.fresh_totp(SUPERBRUGER2)})
        self.assertStatus(response, 429,
                          "after 5 wrong codes the next (right) code was not refused: unlimited guessing")
        self.assertRedirect(client.get("/home"), "/login/second-factor")
        reasons = [after.get("reason") for _, after in self.audit("login.failed", SUPERBRUGER2, after_id=before)]
        self.assertEqual(reasons, ["throttled"])
        # The password is refused as well while the account is blocked.
        self.assertStatus(self.login(self.client(), SUPERBRUGER2), 429)
        self.unblock(f"account:{SUPERBRUGER2}")
        self.assertRedirect(client.post("/login/second-factor", {"code": self.fresh_totp(SUPERBRUGER2)}), "/home")
        self.assertIsNone(self.throttle(f"account:{SUPERBRUGER2}"), "passing the second factor clears the failures")

    def test_logging_in_again_does_not_reset_wrong_codes(self):
        # Four wrong codes, a fresh login with the password, one more wrong code: five in a row.
        address = OPERATOR
        client = self.client()
        self.assertRedirect(self.login(client, address), "/login/second-factor")
        for _ in range(4):
            self.assertStatus(client.post("/login/second-factor", {"code": self.wrong_totp()}), 400)
        client = self.client()
        self.assertRedirect(self.login(client, address), "/login/second-factor")
        self.assertStatus(client.post("/login/second-factor", {"code": self.wrong_totp()}), 400)
        self.assertEqual(self.throttle(f"account:{address}")[0], 5)
        self.assertStatus(client.post("/login/second-factor", {"code": self.fresh_totp(address)}), 429,
                          "a new password login reset the count of wrong codes")
        self.unblock(f"account:{address}")
        self.signed_in_client(address)


class SecondFactorTest(IdentityTestCase):
    """TOTP for administrative users, replay protection, enrolment and recovery codes."""

    def test_superbruger_needs_the_second_factor(self):
        client = self.client()
        response = self.login(client, SUPERBRUGER)
        self.assertRedirect(response, "/login/second-factor")
        self.assertIn("rekrut_session", response.set_cookies)
        # Half-way sessions reach nothing but the second-factor pages.
        self.assertRedirect(client.get("/home"), "/login/second-factor")
        self.assertRedirect(client.get("/profile"), "/login/second-factor")
        self.assertRedirect(client.get("/profile/second-factor"), "/login/second-factor",
                            "a user with TOTP must pass it before setting up a new device")
        self.assertIn(client.post("/profile/name", {"name": "Hacket"}).status, (401, 403))
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE email = {quote(SUPERBRUGER)}"),
                         NAMES[SUPERBRUGER])
        page = client.get("/login/second-factor")
        self.assertStatus(page, 200)
        page.form(action="/login/second-factor")

        half_token = client.cookie("rekrut_session")
        before = self.last_audit_id()
        wrong = client.post("/login/second-factor", {"code": self.wrong_totp()})
        self.assertStatus(wrong, 400)
        self.assertRedirect(client.get("/home"), "/login/second-factor")
        failed = self.audit("login.failed", SUPERBRUGER, after_id=before)
        self.assertEqual([after.get("reason") for _, after in failed], ["wrong_second_factor"])

        code = self.fresh_totp(SUPERBRUGER)
        passed = client.post("/login/second-factor", {"code": code})
        self.assertRedirect(passed, "/home")
        self.assertIn("rekrut_session", passed.set_cookies, "no new session token after the second factor")
        self.assertNotEqual(client.cookie("rekrut_session"), half_token)
        home = client.get("/home")
        self.assertStatus(home, 200)
        self.assertIn(NAMES[SUPERBRUGER], home.visible_text)
        self.assertSignedOut(self.client_with_session(half_token), "the pre-second-factor token")
        succeeded = self.audit("login.succeeded", SUPERBRUGER, after_id=before)
        self.assertEqual([after.get("second_factor") for _, after in succeeded], ["totp"])

        # The same code (same time step) a second time, for a new login: refused.
        replay = self.client()
        self.assertRedirect(self.login(replay, SUPERBRUGER), "/login/second-factor")
        self.assertStatus(replay.post("/login/second-factor", {"code": code}), 400, "a TOTP code was replayed")
        self.assertRedirect(replay.get("/home"), "/login/second-factor")
        # A later step works.
        self.assertRedirect(replay.post("/login/second-factor", {"code": self.fresh_totp(SUPERBRUGER)}), "/home")
        self.assertStatus(client.get("/home"), 200, "the first session must still work")

    def test_operator_needs_the_second_factor(self):
        client = self.client()
        self.assertRedirect(self.login(client, OPERATOR), "/login/second-factor")
        self.assertRedirect(client.get("/home"), "/login/second-factor")
        self.assertRedirect(client.post("/login/second-factor", {"code": self.fresh_totp(OPERATOR)}), "/home")
        self.assertStatus(client.get("/home"), 200)

    def test_recovery_codes_after_enrolment(self):
        client = self.signed_in_client(DELTAGER)  # a case user: no second factor yet
        profile = client.get("/profile")
        self.assertStatus(profile, 200)
        page = client.get("/profile/second-factor")
        self.assertStatus(page, 200)
        fields = page.form(action="/profile/second-factor").values()
        secret = fields.get("secret", "")
        self.assertRegex(secret, r"^[0-9a-f]{40}$", "no hidden secret on the enrolment page")
        self.assertNotEqual(secret, DEMO_SECRET_HEX)

        wrong = client.post("/profile/second-factor", {"secret": secret, "code": self.wrong_totp(secret),
                                                       "current_password": PASSWORD})
        self.assertStatus(wrong, 400)
        self.assertEqual(self.scalar(f"SELECT totp_enabled FROM users WHERE email = {quote(DELTAGER)}"), "0")

        before = self.last_audit_id()
        step = int(time.time() // 30)
        enrolled = client.post("/profile/second-factor", {"secret": secret, "code": totp_code(secret, step),
                                                          "current_password": PASSWORD})
        self.assertStatus(enrolled, 200)
        codes = RECOVERY_CODE.findall(enrolled.text)
        self.assertEqual(len(codes), 10, f"expected 10 recovery codes:\n{enrolled.visible_text[:800]}")
        self.assertEqual(len(set(codes)), 10)
        self.assertIn("rekrut_session", enrolled.set_cookies, "enrolment did not rotate the session token")
        self.assertEqual(len(self.audit("mfa.enrolled", DELTAGER, after_id=before)), 1)
        self.assertStatus(client.get("/home"), 200)
        # Only hashes are stored.
        stored = {row[0] for row in self.sql(f"SELECT code_hash FROM recovery_codes WHERE user_id = "
                                             f"{self.user_id(DELTAGER)}")}
        self.assertEqual(len(stored), 10)
        self.assertFalse(stored & set(codes))
        self.assertRedirect(client.post("/logout"), "/")

        # Now the second factor is asked for; a recovery code passes it.
        second = self.client()
        self.assertRedirect(self.login(second, DELTAGER), "/login/second-factor")
        self.assertRedirect(second.get("/home"), "/login/second-factor")
        passed = second.post("/login/second-factor", {"code": codes[3].upper()})
        self.assertRedirect(passed, "/home")
        self.assertStatus(second.get("/home"), 200)
        self.assertStatus(second.get("/profile"), 200)
        self.assertEqual(self.scalar(f"SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL AND user_id = "
                                     f"{self.user_id(DELTAGER)}"), "9")
        self.assertRedirect(second.post("/logout"), "/")

        # The same recovery code again: refused.
        third = self.client()
        self.assertRedirect(self.login(third, DELTAGER), "/login/second-factor")
        self.assertStatus(third.post("/login/second-factor", {"code": codes[3]}), 400, "a recovery code worked twice")
        self.assertRedirect(third.get("/home"), "/login/second-factor")
        # Another unused one works (written without the dash).
        self.assertRedirect(third.post("/login/second-factor", {"code": codes[4].replace("-", "")}), "/home")

        # The TOTP of the new secret works too, once per step.
        fourth = self.client()
        self.assertRedirect(self.login(fourth, DELTAGER), "/login/second-factor")
        self.assertRedirect(fourth.post("/login/second-factor", {"code": self.fresh_totp(DELTAGER, secret)}),
                            "/home")

    def test_administrator_without_totp_must_enrol(self):
        address = AKADEMIET_ADMINISTRATOR
        self.sql(f"UPDATE users SET totp_enabled = 0 WHERE email = {quote(address)}")
        client = self.client()
        response = self.login(client, address)
        self.assertRedirect(response, "/profile/second-factor")
        self.assertIn("rekrut_session", response.set_cookies)
        self.assertRedirect(client.get("/home"), "/profile/second-factor")
        self.assertRedirect(client.get("/profile"), "/profile/second-factor")
        self.assertRedirect(client.get("/login/second-factor"), "/profile/second-factor")
        self.assertIn(client.post("/profile/name", {"name": "Uden Totp"}).status, (401, 403))
        # Codes of the old (disabled) secret do not count.
        self.assertStatus(client.post("/login/second-factor", {"code": self.fresh_totp(address)}), 400)
        self.assertRedirect(client.get("/home"), "/profile/second-factor")

        page = client.get("/profile/second-factor")
        self.assertStatus(page, 200)
        secret = page.form(action="/profile/second-factor").values().get("secret", "")
        self.assertRegex(secret, r"^[0-9a-f]{40}$")
        self.assertStatus(client.post("/profile/second-factor", {"secret": secret, "code": self.wrong_totp(secret)}),
                          400)
        self.assertRedirect(client.get("/home"), "/profile/second-factor")

        enrolled = client.post("/profile/second-factor",
                               {"secret": secret, "code": totp_code(secret, int(time.time() // 30))})
        self.assertStatus(enrolled, 200)
        self.assertEqual(len(RECOVERY_CODE.findall(enrolled.text)), 10)
        home = client.get("/home")
        self.assertStatus(home, 200)
        self.assertEqual(self.scalar(f"SELECT totp_enabled FROM users WHERE email = {quote(address)}"), "1")
        stored = self.scalar(f"SELECT totp_secret FROM users WHERE email = {quote(address)}")
        self.assertTrue(stored.startswith("enc1:"), "the TOTP secret is stored in the clear")
        self.assertNotIn(secret, stored)
        # The next login asks for the new device's code.
        again = self.client()
        self.assertRedirect(self.login(again, address), "/login/second-factor")
        self.assertRedirect(again.post("/login/second-factor", {"code": self.fresh_totp(address, secret)}), "/home")


class SecretsAtRestTest(unittest.TestCase):
    """TOTP secrets are sealed with the installation's key: written sealed, sealed at start when an older
    version left them in the clear, and useless with another key."""

    def test_secrets_are_sealed_and_need_the_key(self):
        server = Server(name="SecretsAtRestTest")
        for step in ("migrate", "seed-demo"):
            self.assertEqual(server.cli(step).returncode, 0)

        def stored():
            return execute_sql(server.database_url,
                               f"SELECT totp_secret FROM users WHERE email = {quote(ADMINISTRATOR)}")[0][0]

        self.assertTrue(stored().startswith("enc1:"), "seed-demo stored the secret in the clear")
        self.assertNotIn(DEMO_SECRET_HEX, stored())
        execute_sql(server.database_url, f"UPDATE users SET totp_secret = {quote(DEMO_SECRET_HEX)}"
                                         f" WHERE email = {quote(ADMINISTRATOR)}")
        server.start()
        try:
            self.assertTrue(stored().startswith("enc1:"), "the clear secret was not sealed at start")
            login(server.client(), ADMINISTRATOR)  # the sealed secret still gives the same codes
        finally:
            self.assertEqual(server.stop(), 0, server.log())

        # With another key file the sealed secret cannot be opened: the code is refused.
        # A missing key file next to data written with a key is refused, not replaced by a new key.
        folder = make_temp_dir("rekrut-other-key-")
        server.extra_env["REKRUT_SECURITY_KEY_FILE"] = os.path.join(folder, "missing.key")
        refused_start = server.cli("migrate")
        self.assertNotEqual(refused_start.returncode, 0)
        self.assertIn("is missing", refused_start.stderr + refused_start.stdout)
        self.assertFalse(os.path.exists(os.path.join(folder, "missing.key")), "a new key was made")

        # Another key is refused before it could fail to open anything (nodes_test has the details).
        other_key = os.path.join(folder, "other.key")
        with open(other_key, "w", encoding="ascii") as file:
            file.write(os.urandom(32).hex() + "\n")
        server.extra_env["REKRUT_SECURITY_KEY_FILE"] = other_key
        with self.assertRaises(RuntimeError) as refused:
            server.start()
        self.assertIn("belongs to the installation key with fingerprint", str(refused.exception))

        # A database from before the fingerprint was recorded is checked against its data instead:
        # the sealed secret does not open with the other key, so the start is refused and nothing is
        # recorded for that key.
        execute_sql(server.database_url, "DELETE FROM installation_key")
        with self.assertRaises(RuntimeError) as refused:
            server.start()
        self.assertIn("does not open the data in this database", str(refused.exception))
        self.assertEqual(int(execute_sql(server.database_url, "SELECT COUNT(*) FROM installation_key")[0][0]), 0)

    def assertStatus(self, response, status):
        self.assertEqual(response.status, status, response.visible_text[:300])


class SessionTest(IdentityTestCase):
    """Idle timeout, absolute lifetime and token rotation when rights change."""

    def session_of(self, client) -> str:
        return quote(session_hash(client.cookie("rekrut_session")))

    def test_idle_timeout(self):
        client = self.signed_in_client(PROJEKTLEDER)
        now = int(time.time())
        self.sql(f"UPDATE sessions SET last_seen_at = {now - 29 * 60} WHERE token_hash = {self.session_of(client)}")
        self.assertStatus(client.get("/home"), 200, "29 minutes idle is still inside the 30-minute limit")
        last_seen = int(self.scalar(f"SELECT last_seen_at FROM sessions WHERE token_hash = {self.session_of(client)}"))
        self.assertGreaterEqual(last_seen, now, "a request did not refresh last_seen_at")

        self.sql(f"UPDATE sessions SET last_seen_at = {int(time.time()) - 31 * 60} "
                 f"WHERE token_hash = {self.session_of(client)}")
        token = client.cookie("rekrut_session")
        response = client.get("/home")
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith("/login"), response.location)
        # The idle session is gone for good, also when used right away again.
        self.assertSignedOut(self.client_with_session(token))
        self.assertEqual(self.scalar(f"SELECT COUNT(*) FROM sessions WHERE token_hash = "
                                     f"{quote(session_hash(token))}"), "0")

    def test_absolute_lifetime(self):
        client = self.signed_in_client(PROJEKTLEDER)
        created, expires = map(int, self.sql(f"SELECT created_at, expires_at FROM sessions "
                                             f"WHERE token_hash = {self.session_of(client)}")[0])
        self.assertEqual(expires - created, 12 * 3600)
        self.sql(f"UPDATE sessions SET expires_at = {int(time.time()) - 1} WHERE token_hash = {self.session_of(client)}")
        self.assertSignedOut(client, "a session past its absolute lifetime")

    def test_rotation_when_rights_change(self):
        client = self.signed_in_client(AKADEMIET_PROJEKTLEDER)
        old_token = client.cookie("rekrut_session")
        self.sql(f"UPDATE users SET rights_changed_at = {int(time.time()) + 10} "
                 f"WHERE email = {quote(AKADEMIET_PROJEKTLEDER)}")
        response = client.get("/home")
        self.assertStatus(response, 200)
        new_cookie = response.set_cookies.get("rekrut_session")
        self.assertIsNotNone(new_cookie, "no new session cookie after a change of rights")
        self.assertNotEqual(new_cookie.value, old_token)
        self.assertTrue(new_cookie.http_only)
        self.assertEqual((new_cookie.same_site or "").lower(), "lax")
        self.assertSignedOut(self.client_with_session(old_token), "the token from before the change of rights")
        self.assertStatus(client.get("/home"), 200, "the rotated token does not work")
        self.sql(f"UPDATE users SET rights_changed_at = 0 WHERE email = {quote(AKADEMIET_PROJEKTLEDER)}")

    def test_unchanged_rights_keep_the_token(self):
        client = self.signed_in_client(LEDER)
        token = client.cookie("rekrut_session")
        for _ in range(2):
            response = client.get("/home")
            self.assertStatus(response, 200)
            self.assertNotIn("rekrut_session", response.set_cookies)
        self.assertEqual(client.cookie("rekrut_session"), token)

    def test_rotation_keeps_second_factor_state(self):
        client = self.signed_in_client(ADMINISTRATOR)
        self.sql(f"UPDATE users SET rights_changed_at = {int(time.time()) + 10} WHERE email = {quote(ADMINISTRATOR)}")
        response = client.get("/home")
        self.assertStatus(response, 200)
        self.assertIn("rekrut_session", response.set_cookies)
        self.assertStatus(client.get("/profile"), 200)
        self.sql(f"UPDATE users SET rights_changed_at = 0 WHERE email = {quote(ADMINISTRATOR)}")

    def test_forged_tokens(self):
        for token in ("", "x", "0" * 64, "g" * 64, "'; DROP TABLE sessions; --"):
            response = self.client_with_session(token).get("/home")
            self.assertStatus(response, 303, repr(token))


# ------------------------------------------------------------------------------------------------


class PasswordResetTest(IdentityTestCase):
    """The forgotten-password link, delivered by the outbox sender to a real SMTP server."""

    smtp: SmtpSink

    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.smtp = SmtpSink().start()
        cls.server = Server(name=cls.__name__)
        # The link in the mail must point at this very server: fix the port before starting.
        cls.public_url = f"http://127.0.0.1:{cls.server.port}"
        cls.server.extra_env.update({"REKRUT_SMTP_URL": cls.smtp.url,
                                     "REKRUT_SERVER_PUBLIC_URL": cls.public_url,
                                     "REKRUT_LISTEN": cls.server.listen})
        for step in ("migrate", "seed-demo"):
            result = cls.server.cli(step)
            if result.returncode != 0:
                raise RuntimeError(f"`rekrut {step}` failed:\n{result.stdout}\n{result.stderr}")
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            cls.smtp.stop()

    def raw_mails(self) -> list:
        """The bytes of every stored mail, as received."""
        box = mailbox.Maildir(self.smtp.directory, factory=None, create=False)
        return [box.get_bytes(key) for key in box.keys()]

    def request_link(self, address: str, language: str = "da") -> tuple:
        """Asks for a reset link and returns (page, mail, link path)."""
        client = self.client(headers={"Accept-Language": language})
        page = client.post("/password/forgot", {"email": address})
        self.assertStatus(page, 200)
        mail = self.smtp.wait_for(lambda m: m["To"] is not None and address in m["To"]
                                  and m["Message-ID"] not in self.seen, timeout=20)
        self.seen.add(mail["Message-ID"])
        body = self.smtp_text(mail)
        match = RESET_LINK.search(body)
        self.assertIsNotNone(match, f"no reset link in the mail:\n{body}")
        return page, mail, f"/password/reset/{match.group(2)}"

    @staticmethod
    def smtp_text(mail) -> str:
        part = mail.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    def setUp(self):
        super().setUp()
        self.smtp.clear()
        self.seen = set()

    def test_reset_by_mail(self):
        address = PROJEKTLEDER
        new_password = "Helt-nyt-kodeord-2026"
        existing = self.signed_in_client(address)

        page, mail, link = self.request_link(address)
        self.assertIn("30", page.visible_text)

        # The mail: UTF-8, a subject encoded per RFC 2047, text and HTML alternatives with the link.
        self.assertIn(mail["Subject"], RESET_SUBJECTS)
        raw = [data for data in self.raw_mails() if address.encode() in data]
        self.assertEqual(len(raw), 1)
        raw_subject = re.search(rb"^Subject:(.*(?:\r?\n[ \t].*)*)", raw[0], re.M | re.I)
        self.assertIsNotNone(raw_subject, raw[0][:500])
        encoded = raw_subject.group(1).decode("ascii")  # must be 7-bit
        if "æ" in mail["Subject"]:
            self.assertRegex(encoded, r"=\?(?i:utf-8)\?[BbQq]\?")
        decoded = str(email.header.make_header(email.header.decode_header(encoded.strip())))
        self.assertEqual(decoded, "Vælg en ny adgangskode til Rekrut")
        alternatives = [part for part in mail.walk() if part.get_content_type() == "multipart/alternative"]
        self.assertEqual(len(alternatives), 1, f"no multipart/alternative part: "
                                               f"{[p.get_content_type() for p in mail.walk()]}")
        kinds = [part.get_content_type() for part in alternatives[0].iter_parts()]
        self.assertEqual(kinds, ["text/plain", "text/html"])
        for part in alternatives[0].iter_parts():
            self.assertEqual((part.get_content_charset() or "").lower(), "utf-8")
        text = alternatives[0].get_body(("plain",)).get_content()
        html_body = alternatives[0].get_body(("html",)).get_content()
        self.assertIn(self.public_url + link, text)
        self.assertIn(self.public_url + link, html_body)
        self.assertIn(NAMES[address], text)
        # The Danish wording of templates/mail/password_reset.*.tpl, with the link as a real anchor.
        self.assertRegex(text, rf"(?m)^Kære {re.escape(NAMES[address])}\r?$")
        self.assertIn("Brug dette link inden 30 minutter til at vælge en ny adgangskode.", text)
        self.assertRegex(text, rf"inden 30 minutter.*\r?\n{re.escape(self.public_url + link)}\r?\n")
        self.assertIn(f'<a href="{self.public_url + link}">{self.public_url + link}</a>', html_body)
        self.assertIn(f"<p>Kære {NAMES[address]}</p>", html_body)
        self.assertIn("Linket virker én gang.", html_body)
        self.assertEqual(len(self.sql(f"SELECT id FROM outbox WHERE recipient = {quote(address)} "
                                      f"AND sent_at IS NOT NULL")), 1)

        client = self.client()
        form_page = client.get(link)
        self.assertStatus(form_page, 200)
        form = form_page.form(action=link)
        self.assertIn("password", form.values())
        self.assertIn("repeat_password", form.values())

        too_short = client.post(link, {"password": "kort-kode", "repeat_password": "kort-kode"})
        self.assertStatus(too_short, 400)
        mismatch = client.post(link, {"password": new_password, "repeat_password": new_password + "!"})
        self.assertStatus(mismatch, 400)
        self.assertStatus(client.get(link), 200, "a refused password must not use up the link")

        before = self.last_audit_id()
        done = client.post(link, {"password": new_password, "repeat_password": new_password})
        self.assertRedirect(done, "/login?reset=1")
        self.assertStatus(client.follow(done), 200)
        self.assertEqual(len(self.audit("password.reset", address, after_id=before)), 1)
        self.assertSignedOut(existing, "a session from before the reset")

        self.assertStatus(self.login(self.client(), address), 400, "the old password still works")
        self.assertRedirect(self.login(self.client(), address, new_password), "/home")

        # The link works once.
        again = self.client()
        self.assertStatus(again.get(link), 410)
        self.assertStatus(again.post(link, {"password": "Endnu-et-nyt-kodeord-1",
                                            "repeat_password": "Endnu-et-nyt-kodeord-1"}), 400)
        self.assertRedirect(self.login(self.client(), address, new_password), "/home")

        # Back to the demo password for the other tests.
        _, _, link = self.request_link(address)
        self.assertRedirect(self.client().post(link, {"password": PASSWORD, "repeat_password": PASSWORD}),
                            "/login?reset=1")

    def test_english_subject(self):
        _, mail, _ = self.request_link(LEDER, language="en")
        self.assertEqual(mail["Subject"], "Choose a new password for Rekrut")
        self.assertIn("Use this link within 30 minutes to choose a new password.", self.smtp_text(mail))

    def test_unknown_address_gets_the_same_page_and_no_mail(self):
        unknown = self.client().post("/password/forgot", {"email": "ingen@styrelsen.example.test"})
        self.assertStatus(unknown, 200)
        known, _, _ = self.request_link(DELTAGER)
        self.assertEqual(unknown.visible_text, known.visible_text)
        self.assertEqual([m["To"] for m in self.smtp.messages()], [DELTAGER])
        self.assertEqual(self.sql("SELECT COUNT(*) FROM outbox WHERE recipient = 'ingen@styrelsen.example.test'"),
                         [["0"]])

    def test_at_most_three_mails_an_hour_per_account(self):
        address = AKADEMIET_ADMINISTRATOR
        for _ in range(3):
            self.request_link(address)
        flooded = self.client().post("/password/forgot", {"email": address})
        self.assertStatus(flooded, 200)
        self.assertIn("30", flooded.visible_text, "the fourth request is not answered as the others")
        time.sleep(1.5)  # the outbox sender would have delivered a fourth mail by now
        self.assertEqual(len([m for m in self.smtp.messages() if address in (m["To"] or "")]), 3)
        self.assertEqual(self.count_outbox(address), 3)
        self.assertIn("password_reset_limited", self.server.log())

    def count_outbox(self, address):
        return int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE recipient = '{address}'")[0][0])

    def test_expired_link_is_refused(self):
        address = AKADEMIET_PROJEKTLEDER
        _, _, link = self.request_link(address)
        self.assertStatus(self.client().get(link), 200)
        self.sql(f"UPDATE password_resets SET expires_at = {int(time.time()) - 1} "
                 f"WHERE user_id = {self.user_id(address)}")
        client = self.client()
        self.assertStatus(client.get(link), 410)
        self.assertStatus(client.post(link, {"password": "Helt-nyt-kodeord-2026",
                                             "repeat_password": "Helt-nyt-kodeord-2026"}), 400)
        self.assertRedirect(self.login(self.client(), address), "/home")

    def test_link_lifetime_is_30_minutes(self):
        _, _, link = self.request_link(LEDER)
        created, expires = map(int, self.sql(f"SELECT created_at, expires_at FROM password_resets WHERE user_id = "
                                             f"{self.user_id(LEDER)} ORDER BY id DESC")[0])
        self.assertEqual(expires - created, 30 * 60)
        self.assertStatus(self.client().get("/password/reset/" + "0" * 64), 410)


if __name__ == "__main__":
    unittest.main()
