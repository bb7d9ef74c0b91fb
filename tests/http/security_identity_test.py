"""Security of identity, seen from outside: bounded input before anything is written (the audit trail
cannot be cleaned up afterwards), throttle rows that expire, wrong second-factor codes counted one by
one also when they arrive at once, single-use links that revoke each other, recovery codes, asking
for the current password (and code) before the account's keys change, and changes of e-mail address
that wait for the new address to confirm them.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE); every class starts its own server on a
fresh database seeded with the demo data. No test measures time."""

import hashlib
import hmac
import math
import os
import re
import struct
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import ADMINISTRATOR, DELTAGER, DEMO_PASSWORD, LEDER, PROJEKTLEDER, SUPERBRUGER, SUPERBRUGER2
from harness import Server, ServerTestCase, execute_sql, message_text

DEMO_SECRET_HEX = "3132333435363738393031323334353637383930"
CONFIRM_LINK = re.compile(r"/email/confirm/([0-9a-f]{64})")
PASSWORD_LINK = re.compile(r"/password/reset/([0-9a-f]{64})")
RECOVERY_CODE = re.compile(r"<li>\s*([a-z0-9]+(?:-[a-z0-9]+)+)\s*</li>")
# The characters of a recovery code: no 0/o, 1/l/i to confuse.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def totp_code(secret_hex: str, step: int) -> str:
    digest = hmac.new(bytes.fromhex(secret_hex), struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def wrong_totp(secret_hex: str = DEMO_SECRET_HEX) -> str:
    current = int(time.time() // 30)
    valid = {totp_code(secret_hex, step) for step in range(current - 3, current + 4)}
    return next(f"{n:06d}" for n in range(123456, 999999) if f"{n:06d}" not in valid)


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class SecurityTestCase(ServerTestCase):
    seed_demo = True
    mail_sink = True

    def setUp(self):
        super().setUp()
        self.sql("DELETE FROM login_throttle")  # every request comes from 127.0.0.1

    def sql(self, statement: str) -> list:
        return execute_sql(self.server.database_url, statement)

    def scalar(self, statement: str):
        rows = self.sql(statement)
        return rows[0][0] if rows else None

    def user_id(self, address: str) -> int:
        return int(self.scalar(f"SELECT id FROM users WHERE email = {quote(address)}"))

    def last_audit_id(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(id), 0) FROM audit_events"))

    def fresh_totp(self, address: str, secret_hex: str = DEMO_SECRET_HEX) -> str:
        """A code of a step the server accepts now and has not seen for this user."""
        deadline = time.monotonic() + 70
        while True:
            last = int(self.scalar(f"SELECT totp_last_step FROM users WHERE email = {quote(address)}"))
            now = time.time()
            current = int(now // 30)
            candidates = ([current - 1] if now - current * 30 < 20 else []) + [current, current + 1]
            for step in candidates:
                if step > last:
                    return totp_code(secret_hex, step)
            if time.monotonic() > deadline:
                raise AssertionError(f"no unused TOTP step for {address}")
            time.sleep(min(1.0, (current + 1) * 30 - now + 0.05))

    def signed_in(self, address: str, password: str = DEMO_PASSWORD):
        client = self.client()
        response = client.post("/login", {"email": address, "password": password})
        self.assertStatus(response, 303, f"login of {address}")
        if response.location == "/login/second-factor":
            response = client.post("/login/second-factor", {"code": self.fresh_totp(address)})
        self.assertEqual(response.location, "/home", f"login of {address}")
        return client

    def new_case_user(self, handle: str) -> str:
        """A case user created by the Administrator, who is mailed a welcome link."""
        address = f"{handle}@styrelsen.example.test"
        created = self.signed_in(ADMINISTRATOR).post("/users", {"name": handle.title(), "email": address})
        self.assertStatus(created, 303)
        return address

    def link_in(self, mail, pattern) -> str:
        match = pattern.search(message_text(mail))
        self.assertIsNotNone(match, message_text(mail))
        return match.group(0)


# ------------------------------------------------------------------------------------------------


class BoundedInputTest(SecurityTestCase):
    """Finding 1: nothing a visitor types reaches the append-only audit trail unbounded."""

    MARKER = "(not an e-mail address)"

    def failed_login_emails(self, after_id: int) -> list:
        return [event["after"].get("email") for event in self.server.audit_events(action="login.failed")
                if event["id"] > after_id]

    def test_a_huge_email_at_login_is_recorded_as_a_marker(self):
        before = self.last_audit_id()
        # Under the 64 KiB form limit of the transport, so that the service has to bound it itself.
        huge = "a" * 60_000 + "@example.test"
        self.assertStatus(self.client().post("/login", {"email": huge, "password": "x" * 12}), 400)
        self.assertEqual(self.failed_login_emails(before), [self.MARKER])
        longest = int(self.scalar(f"SELECT COALESCE(MAX(LENGTH(after_json)), 0) FROM audit_events "
                                  f"WHERE id > {before}"))
        self.assertLess(longest, 1000)
        self.assertLess(int(self.scalar("SELECT COALESCE(MAX(LENGTH(throttle_key)), 0) FROM login_throttle")),
                        300)

    def test_only_an_address_that_passes_the_rule_is_recorded(self):
        before = self.last_audit_id()
        for value in ("not an address", "<script>@x.example.test", "ingen@styrelsen.example.test"):
            self.assertStatus(self.client().post("/login", {"email": value, "password": "x" * 12}), 400)
        self.assertEqual(self.failed_login_emails(before),
                         [self.MARKER, self.MARKER, "ingen@styrelsen.example.test"])

    def test_values_that_are_no_address_leave_no_throttle_row_each(self):
        for number in range(6):
            self.client().post("/login", {"email": f"junk {number} " + "x" * 500, "password": "x" * 12})
        keys = [row[0] for row in self.sql("SELECT throttle_key FROM login_throttle")]
        self.assertEqual([key for key in keys if key.startswith("account:")], [], keys)

    def test_an_overlong_password_is_refused_like_a_wrong_one(self):
        response = self.client().post("/login", {"email": LEDER, "password": "p" * 60_000})
        self.assertStatus(response, 400)

    def test_every_identity_and_user_form_refuses_overlong_fields_before_writing(self):
        administrator = self.signed_in(ADMINISTRATOR)
        leder = self.signed_in(LEDER)
        operator_client = self.signed_in("drift@example.test")
        target = self.user_id(DELTAGER)
        # Long, but under the 64 KiB form limit of the transport: the services must bound each field.
        long_text = "L" * 20_000
        long_address = "a" * 20_000 + "@example.test"
        cases = [
            (leder, "/profile/name", {"name": long_text}),
            (leder, "/profile/password", {"current_password": long_text, "new_password": long_text,
                                          "repeat_password": long_text}),
            (leder, "/profile/email", {"email": long_address, "current_password": DEMO_PASSWORD}),
            (administrator, "/users", {"name": long_text, "email": "ny@styrelsen.example.test"}),
            (administrator, "/users", {"name": "Ny Bruger", "email": long_address}),
            (administrator, f"/users/{target}", {"name": long_text, "email": DELTAGER, "status": "active"}),
            (administrator, f"/users/{target}", {"name": "Dennis Deltager", "email": long_address,
                                                 "status": "active"}),
            (operator_client, "/operator/institutions", {"cvr": "99000077", "name": "Styrelsen for Lange Ting",
                                                         "address": long_text}),
        ]
        before = self.last_audit_id()
        for client, path, fields in cases:
            with self.subTest(path=path, fields=sorted(fields)):
                self.assertStatus(client.post(path, fields), 400)
        longest = int(self.scalar(f"SELECT COALESCE(MAX(LENGTH(after_json) + LENGTH(before_json)), 0) "
                                  f"FROM audit_events WHERE id > {before}"))
        self.assertLess(longest, 1000)
        self.assertEqual(self.scalar("SELECT COUNT(*) FROM institutions WHERE name = 'Styrelsen for Lange Ting'"),
                         "0")
        forgot = self.client().post("/password/forgot", {"email": long_address})
        self.assertStatus(forgot, 200)
        self.assertLess(int(self.scalar("SELECT COALESCE(MAX(LENGTH(throttle_key)), 0) FROM login_throttle")),
                        300)


class OldStateAtStartTest(unittest.TestCase):
    """Finding 1 and 3: what a database holds from before is cleaned up when the server starts: throttle
    rows whose hour has passed are purged, and recovery codes stored with an unkeyed hash are keyed."""

    LEGACY_CODE = "abcde-fghjk"

    @classmethod
    def setUpClass(cls):
        cls.server = Server(name=cls.__name__)
        for step in ("migrate", "seed-demo"):
            result = cls.server.cli(step)
            if result.returncode != 0:
                raise RuntimeError(f"`rekrut {step}` failed:\n{result.stdout}\n{result.stderr}")
        now = int(time.time())
        cls.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until) VALUES "
                f"('account:stale@example.test', 3, {now - 7200}, 0), "
                f"('account:blocked@example.test', 12, {now - 7200}, {now + 600}), "
                f"('account:recent@example.test', 2, {now - 60}, 0)")
        user = cls.sql(f"SELECT id FROM users WHERE email = {quote(SUPERBRUGER2)}")[0][0]
        legacy = hashlib.blake2b(("recovery:" + cls.LEGACY_CODE.replace("-", "")).encode(), digest_size=32)
        cls.sql(f"INSERT INTO recovery_codes (user_id, code_hash) VALUES ({user}, {quote(legacy.hexdigest())})")
        cls.legacy_hash = legacy.hexdigest()
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        if cls.server.stop() != 0:
            raise AssertionError(f"the server did not stop cleanly:\n{cls.server.log()[-4000:]}")

    @classmethod
    def sql(cls, statement: str) -> list:
        return execute_sql(cls.server.database_url, statement)

    def throttle_keys(self) -> set:
        return {row[0] for row in self.sql("SELECT throttle_key FROM login_throttle")}

    def test_expired_throttle_rows_are_purged_and_live_ones_kept(self):
        deadline = time.monotonic() + 20
        while "account:stale@example.test" in self.throttle_keys() and time.monotonic() < deadline:
            time.sleep(0.2)
        keys = self.throttle_keys()
        self.assertNotIn("account:stale@example.test", keys)
        self.assertIn("account:blocked@example.test", keys, "a lock that still holds was purged")
        self.assertIn("account:recent@example.test", keys, "a failure within the hour was purged")

    def test_an_unkeyed_recovery_code_is_keyed_and_still_works_once(self):
        stored = [row[0] for row in self.sql("SELECT code_hash FROM recovery_codes")]
        self.assertNotIn(self.legacy_hash, stored, "a recovery code is still stored with an unkeyed hash")
        client = self.server.client()
        self.assertEqual(client.post("/login", {"email": SUPERBRUGER2, "password": DEMO_PASSWORD}).location,
                         "/login/second-factor")
        self.assertEqual(client.post("/login/second-factor", {"code": self.LEGACY_CODE}).location, "/home")
        again = self.server.client()
        again.post("/login", {"email": SUPERBRUGER2, "password": DEMO_PASSWORD})
        self.assertEqual(again.post("/login/second-factor", {"code": self.LEGACY_CODE}).status, 400)


class ParallelSecondFactorTest(SecurityTestCase):
    """Finding 1: wrong codes that arrive at once are each counted before the next is checked."""

    def test_parallel_wrong_codes_are_checked_no_more_than_the_limit(self):
        first = self.client()
        self.assertEqual(first.post("/login", {"email": SUPERBRUGER, "password": DEMO_PASSWORD}).location,
                         "/login/second-factor")
        session, csrf = first.cookie("rekrut_session"), first.csrf_token()
        clients = []
        for _ in range(16):
            client = self.client()
            client.set_cookie("rekrut_session", session)
            client.set_cookie("rekrut_csrf", csrf)
            clients.append(client)
        code = wrong_totp()
        start = threading.Barrier(len(clients))
        statuses = []
        lock = threading.Lock()

        def attempt(client):
            start.wait()
            status = client.post("/login/second-factor", {"code": code}).status
            with lock:
                statuses.append(status)

        threads = [threading.Thread(target=attempt, args=(client,)) for client in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(sorted(statuses), [400] * 5 + [429] * 11)
        failures = self.scalar(f"SELECT failures FROM login_throttle WHERE throttle_key = "
                               f"{quote('account:' + SUPERBRUGER)}")
        self.assertEqual(failures, "5")
        evaluated = self.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'login.failed' AND "
                                "after_json LIKE '%wrong_second_factor%'")
        self.assertEqual(evaluated, "5")


# ------------------------------------------------------------------------------------------------


class PasswordLinkTest(SecurityTestCase):
    """Finding 2: a welcome link lives 72 hours, and using one link revokes the user's other links."""

    def test_a_welcome_link_lives_72_hours(self):
        address = self.new_case_user("tove")
        created, expires = map(int, self.sql(f"SELECT created_at, expires_at FROM password_resets "
                                             f"WHERE user_id = {self.user_id(address)}")[0])
        self.assertEqual(expires - created, 72 * 3600)
        self.assertIn("72", message_text(self.mail_to(address)))

    def test_a_used_link_revokes_the_users_other_links(self):
        address = self.new_case_user("ulla")
        welcome = self.link_in(self.mail_to(address), PASSWORD_LINK)
        self.assertStatus(self.client().post("/password/forgot", {"email": address}), 200)
        reset = self.link_in(self.mail_to(address, containing="30 minutter"), PASSWORD_LINK)
        self.assertNotEqual(welcome, reset)
        self.assertStatus(self.client().get(welcome), 200)
        password = "Ullas-eget-kodeord-2026"
        self.assertEqual(self.client().post(reset, {"password": password, "repeat_password": password}).location,
                         "/login?reset=1")
        self.assertStatus(self.client().get(welcome), 410)
        refused = self.client().post(welcome, {"password": "Overtaget-kodeord-1", "repeat_password":
                                               "Overtaget-kodeord-1"})
        self.assertStatus(refused, 400)
        self.assertEqual(self.client().post("/login", {"email": address, "password": password}).location, "/home")


# ------------------------------------------------------------------------------------------------


class RecoveryCodeTest(SecurityTestCase):
    """Finding 3: ten codes of at least 80 bits, stored with a keyed hash."""

    def test_ten_codes_of_at_least_80_bits_stored_with_a_keyed_hash(self):
        client = self.signed_in(DELTAGER)
        page = client.get("/profile/second-factor")
        secret = page.form(action="/profile/second-factor").values()["secret"]
        step = int(time.time() // 30)
        enrolled = client.post("/profile/second-factor", {"secret": secret, "code": totp_code(secret, step),
                                                          "current_password": DEMO_PASSWORD})
        self.assertStatus(enrolled, 200)
        codes = RECOVERY_CODE.findall(enrolled.text)
        self.assertEqual(len(codes), 10)
        self.assertEqual(len(set(codes)), 10)
        for code in codes:
            letters = code.replace("-", "")
            self.assertTrue(set(letters) <= set(RECOVERY_ALPHABET), code)
            self.assertGreaterEqual(len(letters) * math.log2(len(RECOVERY_ALPHABET)), 80, code)
            self.assertTrue(all(2 <= len(group) <= 6 for group in code.split("-")), f"{code} is hard to read")
        stored = {row[0] for row in self.sql(f"SELECT code_hash FROM recovery_codes WHERE user_id = "
                                             f"{self.user_id(DELTAGER)}")}
        self.assertEqual(len(stored), 10)
        for code in codes:
            unkeyed = hashlib.blake2b(("recovery:" + code.replace("-", "")).encode(), digest_size=32).hexdigest()
            self.assertNotIn(unkeyed, stored)
            self.assertFalse(any(unkeyed in value for value in stored))
        second = self.client()
        second.post("/login", {"email": DELTAGER, "password": DEMO_PASSWORD})
        self.assertEqual(second.post("/login/second-factor", {"code": codes[7].upper()}).location, "/home")


# ------------------------------------------------------------------------------------------------


class ReauthenticationTest(SecurityTestCase):
    """Finding 4: the password, the e-mail address and the second factor change only with the current
    password, and with the current code where a second factor is enrolled."""

    def totp_secret_of(self, address: str) -> str:
        return self.scalar(f"SELECT totp_secret FROM users WHERE email = {quote(address)}")

    def test_replacing_the_second_factor_needs_the_password_and_the_current_code(self):
        client = self.signed_in(SUPERBRUGER2)
        page = client.get("/profile/second-factor")
        self.assertStatus(page, 200)
        form = page.form(action="/profile/second-factor").values()
        self.assertIn("current_password", form)
        self.assertIn("current_code", form)
        secret = form["secret"]
        before = self.totp_secret_of(SUPERBRUGER2)

        def enrol(**fields):
            step = int(time.time() // 30)
            return client.post("/profile/second-factor", {"secret": secret, "code": totp_code(secret, step),
                                                          **fields})

        self.assertStatus(enrol(), 400)
        self.assertStatus(enrol(current_password="Forkert-kodeord-2026",
                                current_code=self.fresh_totp(SUPERBRUGER2)), 400)
        self.assertStatus(enrol(current_password=DEMO_PASSWORD, current_code=wrong_totp()), 400)
        self.assertStatus(enrol(current_password=DEMO_PASSWORD), 400)
        self.assertEqual(self.totp_secret_of(SUPERBRUGER2), before, "the second factor was replaced")
        replaced = enrol(current_password=DEMO_PASSWORD, current_code=self.fresh_totp(SUPERBRUGER2))
        self.assertStatus(replaced, 200)
        self.assertEqual(len(RECOVERY_CODE.findall(replaced.text)), 10)
        self.assertNotEqual(self.totp_secret_of(SUPERBRUGER2), before)

    def test_changing_the_password_needs_the_current_code_when_enrolled(self):
        client = self.signed_in(ADMINISTRATOR)
        page = client.get("/profile")
        self.assertIn("current_code", page.form(action="/profile/password").values())
        new_password = "Anders-nye-kodeord-2026"
        fields = {"current_password": DEMO_PASSWORD, "new_password": new_password, "repeat_password": new_password}
        self.assertStatus(client.post("/profile/password", fields), 400)
        self.assertStatus(client.post("/profile/password", {**fields, "current_code": wrong_totp()}), 400)
        self.assertEqual(self.client().post("/login", {"email": ADMINISTRATOR, "password": new_password}).status,
                         400, "the password changed without the code")
        changed = client.post("/profile/password", {**fields, "current_code": self.fresh_totp(ADMINISTRATOR)})
        self.assertEqual(changed.location, "/profile?saved=1")
        back = {"current_password": new_password, "new_password": DEMO_PASSWORD, "repeat_password": DEMO_PASSWORD,
                "current_code": self.fresh_totp(ADMINISTRATOR)}
        self.assertEqual(client.post("/profile/password", back).location, "/profile?saved=1")

    def test_a_first_second_factor_from_the_profile_needs_the_password(self):
        client = self.signed_in(LEDER)
        page = client.get("/profile/second-factor")
        form = page.form(action="/profile/second-factor").values()
        self.assertIn("current_password", form)
        self.assertNotIn("current_code", form)
        secret = form["secret"]
        step = int(time.time() // 30)
        self.assertStatus(client.post("/profile/second-factor", {"secret": secret, "code": totp_code(secret, step)}),
                          400)
        self.assertEqual(self.scalar(f"SELECT totp_enabled FROM users WHERE email = {quote(LEDER)}"), "0")

    def test_wrong_current_passwords_count_towards_the_lock(self):
        client = self.signed_in(PROJEKTLEDER)
        for attempt in range(5):
            client.post("/profile/email", {"email": f"pia{attempt}@example.test",
                                           "current_password": f"Forkert-kodeord-{attempt}"})
        blocked = client.post("/profile/email", {"email": "pia@example.test", "current_password": DEMO_PASSWORD})
        self.assertStatus(blocked, 429)
        self.assertEqual(self.scalar("SELECT COUNT(*) FROM email_changes"), "0")


# ------------------------------------------------------------------------------------------------


class EmailChangeTest(SecurityTestCase):
    """Finding 6: a new address is confirmed from that address before it is used, and the old address
    is told."""

    def email_of(self, user_id: int) -> str:
        return self.scalar(f"SELECT email FROM users WHERE id = {user_id}")

    def confirm(self, link: str):
        client = self.client()
        page = client.get(link)
        self.assertStatus(page, 200)
        return client.submit(page.form(action=link))

    def test_an_administrators_change_waits_for_the_new_address(self):
        address = self.new_case_user("vera")
        target = self.user_id(address)
        administrator = self.signed_in(ADMINISTRATOR)
        takeover = "vera.ny@example.test"
        saved = administrator.post(f"/users/{target}", {"name": "Vera", "email": takeover, "status": "active"})
        self.assertStatus(saved, 303)
        self.assertEqual(self.email_of(target), address, "the address changed before it was confirmed")
        notice = message_text(self.mail_to(address, containing=takeover))
        self.assertNotRegex(notice, CONFIRM_LINK, "the old address got the confirmation link")
        # A password reset asked for now goes to the address in use, not to the new one.
        self.client().post("/password/forgot", {"email": takeover})
        link = self.link_in(self.mail_to(takeover), CONFIRM_LINK)
        self.assertEqual(self.scalar(f"SELECT COUNT(*) FROM outbox WHERE recipient = {quote(takeover)}"), "1")

        confirmed = self.confirm(link)
        self.assertIn(confirmed.status, (200, 303))
        self.assertEqual(self.email_of(target), takeover)
        self.assertStatus(self.client().get(link), 410, "the confirmation link works twice")
        actions = [row[0] for row in self.sql(f"SELECT action FROM audit_events WHERE object_id = '{target}' "
                                              f"AND action LIKE 'user.email%' ORDER BY id")]
        self.assertEqual(actions, ["user.email_change_requested", "user.email_changed"])

    def test_the_welcome_link_mailed_to_a_wrong_address_dies_with_the_correction(self):
        wrong = self.new_case_user("wenche")
        welcome = self.link_in(self.mail_to(wrong), PASSWORD_LINK)
        target = self.user_id(wrong)
        right = "wenche.rigtig@styrelsen.example.test"
        administrator = self.signed_in(ADMINISTRATOR)
        self.assertStatus(administrator.post(f"/users/{target}", {"name": "Wenche", "email": right,
                                                                  "status": "active"}), 303)
        self.confirm(self.link_in(self.mail_to(right), CONFIRM_LINK))
        self.assertStatus(self.client().get(welcome), 410)
        fresh = self.link_in(self.mail_to(right, containing="/password/reset/"), PASSWORD_LINK)
        self.assertStatus(self.client().get(fresh), 200)

    def test_own_change_from_the_profile(self):
        client = self.signed_in(LEDER)
        target = self.user_id(LEDER)
        new_address = "lene.ny@styrelsen.example.test"
        refused = client.post("/profile/email", {"email": new_address, "current_password": "Forkert-kodeord-1"})
        self.assertStatus(refused, 400)
        self.assertEqual(self.scalar(f"SELECT COUNT(*) FROM outbox WHERE recipient = {quote(new_address)}"), "0")
        requested = client.post("/profile/email", {"email": new_address, "current_password": DEMO_PASSWORD})
        self.assertStatus(requested, 303)
        self.assertEqual(self.email_of(target), LEDER)
        self.mail_to(LEDER, containing=new_address)
        link = self.link_in(self.mail_to(new_address), CONFIRM_LINK)
        self.confirm(link)
        self.assertEqual(self.email_of(target), new_address)
        self.assertEqual(self.client().post("/login", {"email": new_address, "password": DEMO_PASSWORD}).location,
                         "/home")
        # Back to the demo address.
        again = self.signed_in(new_address)
        self.assertStatus(again.post("/profile/email", {"email": LEDER, "current_password": DEMO_PASSWORD}), 303)
        self.confirm(self.link_in(self.mail_to(LEDER, containing="/email/confirm/"), CONFIRM_LINK))
        self.assertEqual(self.email_of(target), LEDER)

    def test_an_expired_link_changes_nothing(self):
        address = self.new_case_user("xenia")
        target = self.user_id(address)
        administrator = self.signed_in(ADMINISTRATOR)
        administrator.post(f"/users/{target}", {"name": "Xenia", "email": "xenia.ny@example.test",
                                                "status": "active"})
        link = self.link_in(self.mail_to("xenia.ny@example.test"), CONFIRM_LINK)
        self.sql(f"UPDATE email_changes SET expires_at = {int(time.time()) - 1} WHERE user_id = {target}")
        self.assertStatus(self.client().get(link), 410)
        self.assertStatus(self.client().post(link, {}), 410)
        self.assertEqual(self.email_of(target), address)


if __name__ == "__main__":
    unittest.main()
