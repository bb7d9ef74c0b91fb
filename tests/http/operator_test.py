"""The platform operator's pages, seen from outside: institutions (list, create, CVR checks), the
first Superbruger of an institution (started by one operator, approved by a second one, then logging
in with the mailed link; the rest of the Superbruger governance is in governance_test.py), the
outgoing mail, and the time-limited elevated access to one institution's data (reason and
1–8 hours required, ended by hand or by itself). Everyone but the operator gets the 404 page.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on a server seeded with the demo data."""

import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import (ADMINISTRATOR, AKADEMIET, OPERATOR, OPERATOR2, PROJEKTLEDER, STYRELSEN, SUPERBRUGER,
                      SignedInClients, totp_code)
from harness import ServerTestCase, execute_sql, message_text

RESET_LINK = re.compile(r"https?://[^\s\"'<>]+(/password/reset/[0-9a-f]{64})")
NEW_PASSWORD = "Et-nyt-kodeord-til-Superbrugeren"


def quote(text):
    return "'" + text.replace("'", "''") + "'"


class OperatorTestCase(SignedInClients, ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.forget_signed_in_clients()

    def operator(self):
        return self.as_user(OPERATOR)

    def sql(self, statement):
        return execute_sql(self.server.database_url, statement)

    def count(self, table, where="1 = 1"):
        return int(self.sql(f"SELECT COUNT(*) FROM {table} WHERE {where}")[0][0])

    def institution_id(self, name):
        return int(self.sql(f"SELECT id FROM institutions WHERE name = {quote(name)}")[0][0])


class NotForOthersTest(OperatorTestCase):

    def test_everyone_else_gets_404(self):
        styrelsen = self.institution_id(STYRELSEN)
        institutions, users = self.count("institutions"), self.count("users")
        for email in (SUPERBRUGER, ADMINISTRATOR, PROJEKTLEDER):
            client = self.as_user(email)
            for path in ("/operator/institutions", f"/operator/institutions/{styrelsen}", "/operator/outbox",
                         "/operator/access", "/operator/role-requests"):
                self.assertStatus(client.get(path), 404, f"{email} GET {path}")
            for path, fields in (("/operator/institutions", {"cvr": "99000123", "name": "Skyggestyrelsen"}),
                                 (f"/operator/institutions/{styrelsen}/superbrugere",
                                  {"name": "Snig Snigsen", "email": "snig@styrelsen.example.test"}),
                                 ("/operator/access", {"institution_id": str(styrelsen), "hours": "1",
                                                       "reason": "Just looking around"}),
                                 ("/operator/access/end", {})):
                self.assertStatus(client.post(path, fields), 404, f"{email} POST {path}")
        self.assertEqual(self.count("institutions"), institutions)
        self.assertEqual(self.count("users"), users)
        self.assertEqual(self.count("operator_access"), 0)

    def test_signed_out_visitors_are_sent_to_login(self):
        response = self.client().get("/operator/institutions")
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith("/login"))


class InstitutionsTest(OperatorTestCase):

    def test_lists_the_institutions(self):
        page = self.operator().get("/operator/institutions")
        self.assertStatus(page, 200)
        self.assertIn(STYRELSEN, page.visible_text)
        self.assertIn("99000002", page.visible_text)
        self.assertIn(f"/operator/institutions/{self.institution_id(AKADEMIET)}", page.links())

    def test_bad_cvr_gives_400_with_the_message_and_creates_nothing(self):
        operator = self.operator()
        before = self.count("institutions")
        for cvr in ("1234567", "123456789", "1234567a", ""):
            response = operator.post("/operator/institutions",
                                     {"cvr": cvr, "name": "Fejlstyrelsen", "address": "Fejlvej 1"})
            self.assertStatus(response, 400, cvr)
            self.assertIn("CVR-nummeret skal være 8 cifre.", response.visible_text)
            # The form keeps what was entered.
            self.assertEqual(response.form(action="/operator/institutions").get("name"), "Fejlstyrelsen")
        response = operator.post("/operator/institutions", {"cvr": "99000001", "name": "Kopistyrelsen"})
        self.assertStatus(response, 400)
        self.assertIn("Der findes allerede en institution med dette CVR-nummer.", response.visible_text)
        response = operator.post("/operator/institutions", {"cvr": "99000555", "name": "  "})
        self.assertStatus(response, 400)
        self.assertIn("Indtast institutionens navn.", response.visible_text)
        self.assertEqual(self.count("institutions"), before)
        self.assertEqual(self.count("institutions", "name IN ('Fejlstyrelsen', 'Kopistyrelsen')"), 0)
        self.assertEqual(self.count("audit_events", "action = 'institution.created'"), 0)

    def test_creates_an_institution(self):
        operator = self.operator()
        response = operator.post("/operator/institutions",
                                 {"cvr": " 99000042 ", "name": "Styrelsen for Nye Ting", "address": "Nyvej 42"})
        self.assertStatus(response, 303)
        created = self.institution_id("Styrelsen for Nye Ting")
        self.assertEqual(response.location, f"/operator/institutions/{created}?created=1")
        page = operator.follow(response)
        self.assertStatus(page, 200)
        self.assertIn("Institutionen er oprettet.", page.visible_text)
        self.assertIn("99000042", page.visible_text)
        self.assertIn("Nyvej 42", page.visible_text)
        self.assertIn("Institutionen har endnu ingen superbruger.", page.visible_text)
        self.assertIn("Styrelsen for Nye Ting", operator.get("/operator/institutions").visible_text)

    def test_unknown_institution_is_404(self):
        operator = self.operator()
        for path in ("/operator/institutions/999999", "/operator/institutions/abc", "/operator/institutions/0"):
            self.assertStatus(operator.get(path), 404, path)
        response = operator.post("/operator/institutions/999999/superbrugere",
                                 {"name": "Ingen Steder", "email": "ingen@example.test"})
        self.assertStatus(response, 404)
        self.assertEqual(self.count("users", "email = 'ingen@example.test'"), 0)


class SuperbrugerTest(OperatorTestCase):
    mail_sink = True

    def create_institution(self, cvr, name):
        response = self.operator().post("/operator/institutions", {"cvr": cvr, "name": name, "address": ""})
        self.assertStatus(response, 303)
        return self.institution_id(name)

    def test_superbruger_created_by_the_operator_logs_in_with_the_mailed_link(self):
        operator = self.operator()
        institution = self.create_institution("99000100", "Nyoprettet Styrelse")
        email = "karla@nyoprettet.example.test"
        response = operator.post(f"/operator/institutions/{institution}/superbrugere",
                                 {"name": "Karla Kontrol", "email": email})
        self.assertStatus(response, 303)
        self.assertEqual(response.location, f"/operator/institutions/{institution}?superbruger=1")
        page = operator.follow(response)
        self.assertIn("Superbrugeren er oprettet", page.visible_text)
        self.assertIn("Karla Kontrol", page.visible_text)  # among the requests for the role
        self.assertIn('id="waiting-requests"', page.text)

        # The role, and with it the welcome mail, waits for a second operator.
        self.assertEqual(self.count("outbox", f"recipient = {quote(email)}"), 0)
        request_id = self.sql(f"SELECT q.id FROM role_requests q JOIN users u ON u.id = q.user_id "
                              f"WHERE u.email = {quote(email)} AND q.state = 'pending'")[0][0]
        self.assertStatus(self.as_user(OPERATOR2).post(f"/operator/role-requests/{request_id}/decision",
                                                       {"decision": "approve"}), 303)
        page = operator.get(f"/operator/institutions/{institution}")
        self.assertNotIn('id="waiting-requests"', page.text)
        self.assertIn("Karla Kontrol", page.visible_text)
        self.assertIn("Superbruger", page.visible_text)

        # The welcome mail's link chooses the password.
        mail = self.mail_to(email)
        self.assertEqual(mail["Subject"], "Din konto i Rekrut")
        link = RESET_LINK.search(message_text(mail)).group(1)
        anonymous = self.client()
        self.assertStatus(anonymous.get(link), 200)
        response = anonymous.post(link, {"password": NEW_PASSWORD, "repeat_password": NEW_PASSWORD})
        self.assertStatus(response, 303)
        self.assertEqual(response.location, "/login?reset=1")

        # The Superbruger logs in and must set up two-step login first.
        client = self.client()
        response = client.post("/login", {"email": email, "password": NEW_PASSWORD})
        self.assertStatus(response, 303)
        self.assertEqual(response.location, "/profile/second-factor")
        enrolment = client.get("/profile/second-factor")
        self.assertStatus(enrolment, 200)
        secret = enrolment.form(action="/profile/second-factor").get("secret")
        code = totp_code(secret, int(time.time()) // 30)
        self.assertStatus(client.post("/profile/second-factor", {"secret": secret, "code": code}), 200)
        home = client.get("/home")
        self.assertStatus(home, 200)
        self.assertIn("Karla Kontrol", home.visible_text)
        # ... and reads the own institution's audit trail, where the operator's work is.
        audit = client.get("/audit?action=user.created")
        self.assertStatus(audit, 200)
        self.assertIn("Dorte Driftsen", audit.visible_text)
        self.assertIn(email, audit.text)

    def test_superbruger_form_errors(self):
        operator = self.operator()
        institution = self.institution_id(AKADEMIET)
        users = self.count("users")
        response = operator.post(f"/operator/institutions/{institution}/superbrugere",
                                 {"name": "", "email": "not an address"})
        self.assertStatus(response, 400)
        self.assertIn("Indtast en gyldig e-mailadresse", response.visible_text)
        self.assertEqual(response.form(action=f"/operator/institutions/{institution}/superbrugere").get("email"),
                         "not an address")
        response = operator.post(f"/operator/institutions/{institution}/superbrugere",
                                 {"name": "Dobbelt Bruger", "email": SUPERBRUGER})
        self.assertStatus(response, 400)
        self.assertIn("Der findes allerede en bruger med denne e-mailadresse.", response.visible_text)
        self.assertEqual(self.count("users"), users)


class OutboxTest(OperatorTestCase):

    def test_lists_delivery_but_never_the_text_and_stores_it_sealed(self):
        operator = self.operator()
        self.assertStatus(self.client().post("/password/forgot", {"email": PROJEKTLEDER}), 200)
        self.assertStatus(self.client().post("/password/forgot", {"email": ADMINISTRATOR}), 200)
        self.assertStatus(self.client().post("/password/forgot", {"email": SUPERBRUGER}), 200)
        ids = {recipient: message_id for message_id, recipient in
               self.sql("SELECT id, recipient FROM outbox ORDER BY id")}
        # Arrange a sent and a failed mail (the UI cannot reach these states without a mail server).
        self.sql(f"UPDATE outbox SET sent_at = created_at + 5, attempts = 1 WHERE id = {ids[ADMINISTRATOR]}")
        self.sql(f"UPDATE outbox SET attempts = 3, last_error = 'connection refused by <smtp>', "
                 f"next_attempt_at = created_at + 600 WHERE id = {ids[SUPERBRUGER]}")

        page = operator.get("/operator/outbox")
        self.assertStatus(page, 200)

        def row(recipient):
            match = re.search(rf'<tr data-message-id="{ids[recipient]}">(.*?)</tr>', page.text, re.S)
            self.assertIsNotNone(match, recipient)
            return match.group(1)

        pending = row(PROJEKTLEDER)
        self.assertIn("Venter på at blive sendt", pending)
        self.assertIn("Vælg en ny adgangskode til Rekrut", pending)
        # The reset link would let the operator take over the account: neither the page nor the
        # stored row shows it.
        self.assertNotIn("/password/reset/", page.text)
        for body_text, body_html in self.sql("SELECT body_text, body_html FROM outbox"):
            self.assertTrue(body_text.startswith("enc1:") and body_html.startswith("enc1:"), body_text[:40])
            self.assertNotIn("password/reset", body_text + body_html)
        self.assertIn("Sendt", row(ADMINISTRATOR))
        failed = row(SUPERBRUGER)
        self.assertIn("Fejlet", failed)
        self.assertIn("connection refused by &lt;smtp&gt;", failed)
        self.assertIn("3", failed)
        # Newest first.
        positions = [page.text.index(f'data-message-id="{ids[email]}"')
                     for email in (SUPERBRUGER, ADMINISTRATOR, PROJEKTLEDER)]
        self.assertEqual(positions, sorted(positions))

    def test_shows_at_most_200_mails(self):
        self.sql("INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at) "
                 "SELECT 'bulk@example.test', 'Masseudsendelse', 'Tekst', '<p>Tekst</p>', 1764000000, 1764000000 "
                 "FROM users u1, users u2, users u3 LIMIT 230")
        page = self.operator().get("/operator/outbox")
        self.assertStatus(page, 200)
        self.assertEqual(page.text.count("data-message-id="), 200)


class ElevatedAccessTest(OperatorTestCase):

    def setUp(self):
        super().setUp()
        self.addCleanup(lambda: self.operator().post("/operator/access/end"))

    def grant(self, institution_name, hours="1", reason="Support ticket 1234: a user cannot log in"):
        return self.operator().post("/operator/access", {"institution_id": str(self.institution_id(institution_name)),
                                                         "hours": hours, "reason": reason})

    def test_reason_and_hours_from_1_to_8_are_required(self):
        operator = self.operator()
        akademiet = str(self.institution_id(AKADEMIET))
        accesses = self.count("operator_access")
        grants = self.count("audit_events", "action = 'operator_access.granted'")
        for fields, message in (
                ({"institution_id": akademiet, "hours": "9", "reason": "Support ticket 1234"},
                 "Varigheden skal være fra 1 til 8 timer."),
                ({"institution_id": akademiet, "hours": "0", "reason": "Support ticket 1234"},
                 "Varigheden skal være fra 1 til 8 timer."),
                ({"institution_id": akademiet, "hours": "two", "reason": "Support ticket 1234"},
                 "Varigheden skal være fra 1 til 8 timer."),
                ({"institution_id": akademiet, "hours": "2", "reason": ""}, "Angiv begrundelsen for adgangen."),
                ({"institution_id": "", "hours": "2", "reason": "Support ticket 1234"},
                 "Vælg en institution på listen."),
                ({"institution_id": "999999", "hours": "2", "reason": "Support ticket 1234"},
                 "Vælg en institution på listen.")):
            response = operator.post("/operator/access", fields)
            self.assertStatus(response, 400, str(fields))
            self.assertIn(message, response.visible_text, str(fields))
        self.assertEqual(self.count("operator_access"), accesses)
        self.assertEqual(self.count("audit_events", "action = 'operator_access.granted'"), grants)
        # The limits themselves are accepted.
        for hours in ("1", "8"):
            self.assertStatus(operator.post("/operator/access", {"institution_id": akademiet, "hours": hours,
                                                                 "reason": "Support ticket 1234"}), 303)
        expires = self.sql("SELECT expires_at - starts_at FROM operator_access ORDER BY id DESC")
        self.assertEqual(expires[0][0], str(8 * 3600))

    def test_users_of_that_institution_are_visible_only_while_the_access_lasts(self):
        operator = self.operator()
        ends = self.count("audit_events", "action = 'operator_access.ended'")
        self.assertStatus(operator.get("/users"), 404)
        response = self.grant(AKADEMIET, hours="2")
        self.assertStatus(response, 303)
        page = operator.get("/operator/access")
        self.assertStatus(page, 200)
        self.assertIn('id="active-access"', page.text)
        self.assertIn(AKADEMIET, page.visible_text)
        self.assertIn("Support ticket 1234: a user cannot log in", page.visible_text)

        users = operator.get("/users")
        self.assertStatus(users, 200)
        self.assertIn("Karen Kvist", users.visible_text)        # Superbruger of Demoakademiet
        self.assertNotIn("Sofie Superbruger", users.visible_text)  # Superbruger of Styrelsen

        ended = operator.post("/operator/access/end")
        self.assertStatus(ended, 303)
        page = operator.follow(ended)
        self.assertIn('id="no-access"', page.text)
        self.assertIn("Din adgang er afsluttet.", page.visible_text)
        self.assertStatus(operator.get("/users"), 404)
        self.assertEqual(self.count("audit_events", "action = 'operator_access.ended'"), ends + 1)

    def test_a_new_access_replaces_the_current_one(self):
        operator = self.operator()
        self.assertStatus(self.grant(AKADEMIET), 303)
        self.assertStatus(self.grant(STYRELSEN), 303)
        users = operator.get("/users")
        self.assertStatus(users, 200)
        self.assertIn("Sofie Superbruger", users.visible_text)
        self.assertNotIn("Karen Kvist", users.visible_text)
        self.assertEqual(self.count("operator_access", "ended_at IS NULL"), 1)

    def test_access_expires_by_itself(self):
        operator = self.operator()
        self.assertStatus(self.grant(AKADEMIET, hours="1"), 303)
        self.assertStatus(operator.get("/users"), 200)
        now = int(time.time())
        self.sql(f"UPDATE operator_access SET expires_at = {now - 1} WHERE ended_at IS NULL")
        self.assertStatus(operator.get("/users"), 404)
        page = operator.get("/operator/access")
        self.assertIn('id="no-access"', page.text)


if __name__ == "__main__":
    unittest.main()
