"""Findings of the security review, seen from outside: work and stored size that could grow faster
than the input (the diff between ad versions, the placeholders of an ad, hostile link syntax), mail
header injection through an e-mail address, and an external committee member as Projektleder.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on the demo data (accounts.py names the
demo logins). No test measures time: each checks the bound itself (what is refused, shown or stored).
Each class has its own server and database; within a class every test makes its own cases."""

import os
import re
import sys
import time
import unittest
import uuid

# Importable as tests/http/security_test.py from the repository root as well.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import ADMINISTRATOR, PROJEKTLEDER, signed_in
from harness import Server, ServerTestCase, SmtpSink, execute_sql

ERROR_SUMMARY = 'id="error-summary"'
INJECTED_ADDRESS = "x@a.dk\r\nbcc:y@b.dk"
HEADER_ONLY_ADDRESS = "x@a.dk\r\nX-Injected:1"  # refused for the line break alone
RENDERED_AD_LIMIT = 500_000

# Danish UI texts
MSG_TOO_DIFFERENT = "De to versioner er for forskellige til at blive vist linje for linje."
MSG_AD_TOO_LONG = "Annoncen ville blive længere end 500.000 tegn, når sagens oplysninger sættes ind i dens pladsholdere."
MSG_BAD_EMAIL = "Indtast en gyldig e-mailadresse"
MSG_EXTERNAL_PROJEKTLEDER = "Et eksternt medlem kan ikke være projektleder."


def quoted(text):
    return "'" + str(text).replace("'", "''") + "'"


def long_contact(number):
    """Contact fields at their length limits (200 octets, and 254 for the address)."""
    local_part = "k" * (254 - len("@styrelsen.example.test") - 1) + str(number)
    return {f"contact_name_{number}": "N" * 200, f"contact_title_{number}": "T" * 200,
            f"contact_phone_{number}": "3" * 200, f"contact_email_{number}": f"{local_part}@styrelsen.example.test"}


class SecurityTestCase(ServerTestCase):
    """Shared helpers: SQL look-ups, a logged-in Administrator and the case steps."""

    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._clients = {}

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def scalar(self, query):
        rows = self.sql(query)
        return rows[0][0] if rows else None

    def count(self, query):
        return int(self.scalar(query))

    def user_id(self, email):
        found = self.scalar(f"SELECT id FROM users WHERE email = {quoted(email)}")
        self.assertTrue(found, f"no user {email}")
        return int(found)

    def as_user(self, email, totp=None):
        """A client logged in as `email`, shared by the tests of the class (a TOTP step works once)."""
        if totp is None:
            totp = email.split("@")[0] in ("administrator", "superbruger", "superbruger2")
        if email not in self._clients:
            self._clients[email] = signed_in(self.server, email, totp=totp)
        return self._clients[email]

    @property
    def admin(self):
        return self.as_user(ADMINISTRATOR)

    def create_case(self, title=None):
        response = self.admin.post("/cases", {"template_id": "", "title": title or f"Sikkerhed {uuid.uuid4().hex[:8]}"})
        self.assertStatus(response, 303)
        match = re.fullmatch(r"/cases/(\d+)", response.location or "")
        self.assertTrue(match, f"creating a case redirected to {response.location!r}")
        return int(match.group(1))

    def case_fields(self, title, **changes):
        fields = {
            "title": title, "place_of_work": "Demovej 1, 1000 København K", "municipality_code": "101",
            "employment_form": "permanent", "employment_basis": "collective_agreement", "working_time": "full_time",
            "salary_text": "Løn efter overenskomst", "collective_agreement": "AC-overenskomsten", "positions": "1",
            "deadline_date": "2030-01-15", "deadline_time": "12:00",
            "contact_name_1": "Kirsten Kontakt", "contact_title_1": "Kontorchef", "contact_phone_1": "33 12 34 56",
            "contact_email_1": "kirsten.kontakt@styrelsen.example.test",
            "contact_name_2": "", "contact_title_2": "", "contact_phone_2": "", "contact_email_2": "",
        }
        fields.update(changes)
        return list(fields.items()) + [("ad_languages", "da")]

    def edit_case(self, case_id, title, **changes):
        return self.admin.post(f"/cases/{case_id}/edit", self.case_fields(title, **changes))

    def write_ad(self, case_id, body):
        return self.admin.post(f"/cases/{case_id}/ad", [("language", "da"), ("body", body)])

    def ad_versions(self, case_id):
        return [(int(version_id), int(version)) for version_id, version in self.sql(
            f"SELECT id, version FROM job_ad_versions WHERE case_id = {case_id} AND language = 'da' ORDER BY version")]

    def contacts_of(self, case_id):
        return self.sql(f"SELECT name, title, phone, email FROM case_contacts WHERE case_id = {case_id}"
                        " ORDER BY position, id")

    def committee_of(self, case_id):
        return sorted((int(user), role) for user, role in self.sql(
            f"SELECT user_id, role FROM case_roles WHERE case_id = {case_id}"))

    def assertRefusedOnField(self, response, field, message):
        """A 400 with the error summary linking to `field` and showing `message`."""
        self.assertStatus(response, 400)
        self.assertIn(ERROR_SUMMARY, response.text, "no error summary on the page")
        self.assertIn(f'href="#{field}"', response.text, f"the error summary does not link to {field}")
        self.assertIn(message, response.visible_text)


# ------------------------------------------------------------------------------------------------
# Work and stored size bounded by the input


class AdBoundsTest(SecurityTestCase):
    def test_versions_that_differ_in_too_many_lines_are_not_compared_line_by_line(self):
        # Two versions of 12,000 lines with nothing in common once took 10 s and 600 MB to compare.
        case_id = self.create_case()
        self.assertStatus(self.write_ad(case_id, "a\n" * 12000), 303)
        self.assertStatus(self.write_ad(case_id, "b\n" * 12000), 303)
        (_, _), (second, _) = self.ad_versions(case_id)
        diff = self.admin.get(f"/cases/{case_id}/ad/versions/{second}")
        self.assertStatus(diff, 200)
        self.assertIn(MSG_TOO_DIFFERENT, diff.visible_text)
        self.assertNotIn("<ins>", diff.text)
        self.assertNotIn("<del>", diff.text)
        # A long version with few changes is still shown line by line.
        self.assertStatus(self.write_ad(case_id, "b\n" * 6000 + "c\n" + "b\n" * 5999), 303)
        third = self.ad_versions(case_id)[-1][0]
        diff = self.admin.get(f"/cases/{case_id}/ad/versions/{third}")
        self.assertStatus(diff, 200)
        self.assertNotIn(MSG_TOO_DIFFERENT, diff.visible_text)
        self.assertEqual(diff.text.count("<del>b</del>"), 1)
        self.assertEqual(diff.text.count("<ins>c</ins>"), 1)

    def test_an_ad_that_placeholders_would_make_too_long_is_refused_and_nothing_stored(self):
        # {{contact}} a thousand times with long contact persons once stored a body of 100 MB.
        case_id = self.create_case()
        self.assertStatus(self.edit_case(case_id, "Lange kontakter", **long_contact(1), **long_contact(2)), 303)
        response = self.write_ad(case_id, "{{contact}}" * 1000)
        self.assertRefusedOnField(response, "body", MSG_AD_TOO_LONG)
        self.assertEqual(self.ad_versions(case_id), [], "a version was stored")
        # Fewer placeholders fit, and what is stored stays within the limit.
        self.assertStatus(self.write_ad(case_id, "{{contact}}\n\n" * 100), 303)
        stored = self.count(f"SELECT MAX(LENGTH(body_html)) FROM job_ad_versions WHERE case_id = {case_id}")
        self.assertGreater(stored, 100 * 1700)
        self.assertLessEqual(stored, RENDERED_AD_LIMIT)

    def test_case_values_that_would_make_a_saved_ad_too_long_are_refused(self):
        case_id = self.create_case()
        title = "Korte kontakter"
        self.assertStatus(self.edit_case(case_id, title), 303)
        self.assertStatus(self.write_ad(case_id, "{{contact}}\n" * 400), 303)
        contacts = self.contacts_of(case_id)
        response = self.edit_case(case_id, title, **long_contact(1), **long_contact(2))
        self.assertStatus(response, 400)
        self.assertIn(ERROR_SUMMARY, response.text)
        self.assertIn(MSG_AD_TOO_LONG, response.visible_text)
        self.assertEqual(self.contacts_of(case_id), contacts, "the contacts changed")
        preview = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertStatus(preview, 200)
        self.assertLess(len(preview.text), RENDERED_AD_LIMIT)

    def test_a_value_is_put_into_the_ad_as_written(self):
        # A title of placeholders is not filled in a second time (which multiplied the ad once more).
        title = "{{contact}}{{contact}}"
        case_id = self.create_case(title)
        self.assertStatus(self.edit_case(case_id, title), 303)
        self.assertStatus(self.write_ad(case_id, "Stilling: {{title}}"), 303)
        preview = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertStatus(preview, 200)
        self.assertIn("Stilling: {{contact}}{{contact}}", preview.visible_text)

    def test_unfinished_links_are_saved_as_text(self):
        # "[a](" 12,000 times once took seconds to save: each "[" rescanned the rest of the line.
        case_id = self.create_case()
        body = "[a](" * 12000
        self.assertStatus(self.write_ad(case_id, body), 303)
        preview = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertStatus(preview, 200)
        self.assertIn(body, preview.visible_text)


# ------------------------------------------------------------------------------------------------
# E-mail addresses that would inject mail headers or SMTP commands


class AddressInjectionTest(SecurityTestCase):
    def test_external_member_with_a_header_in_the_address_is_refused_and_nothing_stored(self):
        case_id = self.create_case()
        users = self.count("SELECT COUNT(*) FROM users")
        mails = self.count("SELECT COUNT(*) FROM outbox")
        for address in (INJECTED_ADDRESS, HEADER_ONLY_ADDRESS, "x@a.dk\nBcc: y@b.dk", "x@a.dk, y@b.dk",
                        "x@a.dk\r\n.\r\nMAIL FROM:<z@c.dk>"):
            with self.subTest(address=address):
                response = self.admin.post(f"/cases/{case_id}/committee/external",
                                           {"external_name": "Tine Tillid", "external_email": address,
                                            "external_role": "projektdeltager"})
                self.assertRefusedOnField(response, "external_email", MSG_BAD_EMAIL)
        self.assertEqual(self.count("SELECT COUNT(*) FROM users"), users, "an account was created")
        self.assertEqual(self.count("SELECT COUNT(*) FROM outbox"), mails, "a mail was queued")
        self.assertEqual(self.committee_of(case_id), [])
        self.assertEqual(self.count("SELECT COUNT(*) FROM users WHERE email LIKE '%b.dk%'"), 0)

    def test_new_user_and_contact_person_with_a_header_in_the_address_are_refused(self):
        users = self.count("SELECT COUNT(*) FROM users")
        mails = self.count("SELECT COUNT(*) FROM outbox")
        for address in (INJECTED_ADDRESS, HEADER_ONLY_ADDRESS):
            response = self.admin.post("/users", {"name": "Malte Mailsen", "email": address})
            self.assertRefusedOnField(response, "email", MSG_BAD_EMAIL)
        self.assertEqual(self.count("SELECT COUNT(*) FROM users"), users)
        self.assertEqual(self.count("SELECT COUNT(*) FROM outbox"), mails)

        case_id = self.create_case()
        title = "Kontakt med indsprøjtning"
        self.assertStatus(self.edit_case(case_id, title), 303)
        contacts = self.contacts_of(case_id)
        for address in (INJECTED_ADDRESS, HEADER_ONLY_ADDRESS):
            response = self.edit_case(case_id, title, contact_email_1=address)
            self.assertRefusedOnField(response, "contact_email_1", MSG_BAD_EMAIL)
        self.assertEqual(self.contacts_of(case_id), contacts)


class OutboxInjectionTest(unittest.TestCase):
    """The SMTP client refuses a header or envelope value with a line break, whatever put it in the
    outbox: such a mail is marked failed and never reaches the SMTP server, and is not retried."""

    @classmethod
    def setUpClass(cls):
        cls.smtp = SmtpSink().start()
        cls.server = Server(name=cls.__name__, env={"REKRUT_SMTP_URL": cls.smtp.url})
        result = cls.server.cli("migrate")
        if result.returncode != 0:
            raise RuntimeError(f"`rekrut migrate` failed:\n{result.stdout}\n{result.stderr}")
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        try:
            code = cls.server.stop()
            if code != 0:
                raise AssertionError(f"the server exited with {code}")
        finally:
            cls.smtp.stop()

    def queue(self, recipient, subject="Besked fra Rekrut"):
        now = int(time.time())
        rows = execute_sql(self.server.database_url,
                           "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at)"
                           f" VALUES ({quoted(recipient)}, {quoted(subject)}, 'Tekst', '<p>Tekst</p>', {now}, {now})"
                           " RETURNING id")
        return int(rows[0][0])

    def outbox_row(self, outbox_id):
        sent_at, attempts, next_attempt, error = execute_sql(
            self.server.database_url,
            f"SELECT sent_at, attempts, next_attempt_at, last_error FROM outbox WHERE id = {outbox_id}")[0]
        return {"sent": bool(sent_at), "attempts": int(attempts), "next_attempt_at": int(next_attempt),
                "error": error or ""}

    def wait_until_handled(self, outbox_id, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            row = self.outbox_row(outbox_id)
            if row["sent"] or row["error"]:
                return row
            time.sleep(0.2)
        self.fail(f"outbox message {outbox_id} was neither sent nor failed within {timeout} s")

    def test_a_recipient_or_subject_with_a_line_break_is_never_sent(self):
        injected = [self.queue(INJECTED_ADDRESS), self.queue("anna@example.test", "Hej\r\nBcc: y@b.dk")]
        # A plain mail queued after them is delivered, so the sender has run past both.
        plain = self.queue("bo@example.test")
        self.smtp.wait_for(lambda mail: mail["To"] == "bo@example.test", timeout=30)
        self.assertTrue(self.wait_until_handled(plain)["sent"])
        for outbox_id in injected:
            row = self.wait_until_handled(outbox_id)
            self.assertFalse(row["sent"], f"outbox message {outbox_id} was sent")
            self.assertIn("not sent", row["error"])
            self.assertGreater(row["next_attempt_at"], time.time() + 365 * 86400, "a refused mail is retried")
        received = [(mail["To"], mail["Subject"]) for mail in self.smtp.messages()]
        self.assertEqual(received, [("bo@example.test", "Besked fra Rekrut")])
        self.assertNotIn("b.dk", "".join(str(recipient) for recipient, _ in received))


# ------------------------------------------------------------------------------------------------
# An external committee member never leads the case


class ExternalProjektlederTest(SecurityTestCase):
    def invite(self, case_id, email, role):
        return self.admin.post(f"/cases/{case_id}/committee/external",
                               {"external_name": "Tine Tillid", "external_email": email, "external_role": role})

    def test_external_member_cannot_be_invited_or_added_as_projektleder(self):
        case_id = self.create_case()
        users = self.count("SELECT COUNT(*) FROM users")
        email = f"tine-{uuid.uuid4().hex[:6]}@fagforening.example.test"
        self.assertRefusedOnField(self.invite(case_id, email, "projektleder"), "external_role",
                                  MSG_EXTERNAL_PROJEKTLEDER)
        self.assertEqual(self.count("SELECT COUNT(*) FROM users"), users, "an account was created")
        self.assertEqual(self.committee_of(case_id), [])

        # Invited in another role, the member cannot be given the Projektleder role afterwards, on the
        # case they belong to, through the committee form.
        self.assertStatus(self.invite(case_id, email, "projektdeltager"), 303)
        external_id = self.user_id(email)
        committee = self.committee_of(case_id)
        self.assertEqual(committee, [(external_id, "projektdeltager")])
        response = self.admin.post(f"/cases/{case_id}/committee",
                                   {"user_id": str(external_id), "role": "projektleder"})
        self.assertRefusedOnField(response, "role", MSG_EXTERNAL_PROJEKTLEDER)
        self.assertEqual(self.committee_of(case_id), committee)
        # Removing the member's role and adding it back as Projektleder is refused the same way.
        removed = self.admin.post(f"/cases/{case_id}/committee/remove",
                                  {"user_id": str(external_id), "role": "projektdeltager"})
        self.assertStatus(removed, 303)
        response = self.admin.post(f"/cases/{case_id}/committee",
                                   {"user_id": str(external_id), "role": "projektleder"})
        self.assertRefusedOnField(response, "role", MSG_EXTERNAL_PROJEKTLEDER)
        self.assertEqual(self.committee_of(case_id), [])
        # The institution's own staff can still lead the case.
        added = self.admin.post(f"/cases/{case_id}/committee",
                                {"user_id": str(self.user_id(PROJEKTLEDER)), "role": "projektleder"})
        self.assertStatus(added, 303)


if __name__ == "__main__":
    unittest.main()
