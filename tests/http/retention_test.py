"""Deletion of personal data on time against the real binary: the retention job deletes the applications
of a case closed longer ago than the institution's period, with everything about them, so that no table
or index (and on SQLite no byte of the database files) holds the applicant's name, e-mail or a phrase of
their CV; the hired candidate, a case on hold and an applicant's consent to be kept stop it; the
Administrators' overview shows what comes next and what went; the settings are bounded. The same tests
run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import io
import json
import os
import re
import time
import unittest
import uuid
import zipfile

from accounts import ADMINISTRATOR, PROJEKTLEDER, signed_in
from harness import ServerTestCase, apply_online, database_kind, execute_sql, message_text

PUBLISHED_CASE = "Fuldmægtig til økonomienheden"
MONTH = 31 * 86400
LINK = re.compile(r"https?://[^\s\"<>]+(/application/[0-9a-f]{64})")


class RetentionTest(ServerTestCase):
    seed_demo = True
    mail_sink = True
    server_env = {"REKRUT_SERVER_JOB_INTERVAL_SECONDS": "1"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = signed_in(cls.server, ADMINISTRATOR)

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def scalar(self, query):
        rows = self.sql(query)
        return rows[0][0] if rows else None

    def case_id(self, title=PUBLISHED_CASE):
        return int(self.scalar(f"SELECT id FROM recruitment_cases WHERE title = '{title}' ORDER BY id"))

    def apply(self, case_id, name, email, phrase, keep=False):
        """An application through the public form, with a CV as a text file; returns its id."""
        self.assertStatus(apply_online(self.client(), case_id, name, email, phrase, keep), 303)
        return int(self.scalar(f"SELECT id FROM applications WHERE email = '{email}'"))

    def new_closed_case(self, months_ago):
        """A copy of the published demo case with its own applications later: published now, closed
        `months_ago` months ago once applications are in."""
        source = self.case_id()
        title = f"Sletningssag {uuid.uuid4().hex[:6]}"
        self.sql("INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, municipality_code,"
                 " occupation_code, employment_form, employment_basis, fixed_term_text, full_time, weekly_hours,"
                 " salary_text, collective_agreement, position_category, positions, application_deadline,"
                 " readvertisement, ad_languages, published_at, created_at, updated_at)"
                 f" SELECT institution_id, '{title}', 'published', place_of_work, municipality_code, occupation_code,"
                 " employment_form, employment_basis, fixed_term_text, full_time, weekly_hours, salary_text,"
                 " collective_agreement, position_category, positions, application_deadline, readvertisement,"
                 " ad_languages, published_at, created_at, updated_at"
                 f" FROM recruitment_cases WHERE id = {source}")
        case_id = self.case_id(title)
        self.sql("INSERT INTO job_ad_versions (institution_id, case_id, language, version, body_source, body_html,"
                 " mandatory_text_ids, created_by, created_at) SELECT institution_id, "
                 f"{case_id}, language, version, body_source, body_html, mandatory_text_ids, created_by, created_at"
                 f" FROM job_ad_versions WHERE case_id = {source}")
        return case_id, title

    def close(self, case_id, months_ago):
        closed = int(time.time()) - int(months_ago * MONTH)
        self.sql(f"UPDATE recruitment_cases SET state = 'filled', closed_at = {closed} WHERE id = {case_id}")

    def wait_for(self, predicate, timeout=30, what="the retention job"):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if predicate():
                return
            time.sleep(0.3)
        self.fail(f"{what} did not get there in {timeout} s")

    def wait_for_text(self, application_id):
        """The text-extraction job has read the application's attachments."""
        self.wait_for(lambda: int(self.scalar(
            "SELECT COUNT(*) FROM attachment_texts t JOIN application_attachments a ON a.id = t.attachment_id"
            f" WHERE a.application_id = {application_id}")) > 0, what="the text extraction")

    def exists(self, application_id):
        return int(self.scalar(f"SELECT COUNT(*) FROM applications WHERE id = {application_id}")) == 1

    def every_value(self):
        """Every value of every table (and, on SQLite, of the full-text index's own tables), as text."""
        if database_kind() == "sqlite":
            tables = [row[0] for row in self.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND"
                                                  " sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        else:
            tables = [row[0] for row in self.sql("SELECT table_name FROM information_schema.tables WHERE"
                                                  " table_schema = 'public' AND table_type = 'BASE TABLE'")]
        self.assertIn("applications", tables)
        text = []
        for table in tables:
            for row in self.sql(f"SELECT * FROM {table}"):
                text.append(f"{table}: {row!r}")
        return "\n".join(text).lower()

    def database_bytes(self):
        """On SQLite: the database file and its write-ahead log, lower-cased; empty on PostgreSQL."""
        if database_kind() != "sqlite":
            return b""
        path = self.server.database_url.split(":", 1)[1]
        data = b""
        for file in (path, path + "-wal"):
            if os.path.exists(file):
                with open(file, "rb") as handle:
                    data += handle.read()
        return data.lower()

    def assertStoredEverywhere(self, *needles):
        """The needles are found where assertGoneEverywhere looks, so that its finding nothing means something."""
        values = self.every_value()
        data = self.database_bytes()
        for needle in needles:
            self.assertTrue(needle.lower() in values, f"{needle!r} is not in the database")
            if database_kind() == "sqlite":
                self.assertTrue(needle.lower().encode() in data, f"{needle!r} is not in the database files")

    def assertGoneEverywhere(self, *needles):
        values = self.every_value()
        data = self.database_bytes()
        for needle in needles:
            self.assertFalse(needle.lower() in values, f"{needle!r} is still in the database")
            self.assertFalse(needle.lower().encode() in data, f"{needle!r} is still in the database files")

    def test_applications_are_deleted_with_everything_about_them(self):
        case_id, _ = self.new_closed_case(7)
        name, email, phrase = "Zacharias Zyxbrandt", "zyx.retention@example.test", "kvanteoptiske vandmandsprojekter"
        gone = self.apply(case_id, name, email, phrase)
        hired = self.apply(case_id, "Hanne Hyrevik", "hyrevik@example.test", "budgetopfølgning")
        kept = self.apply(case_id, "Karla Keepsen", "keepsen@example.test", "lønadministration", keep=True)
        for application in (gone, hired, kept):
            self.wait_for_text(application)
        # A personal link exists and the receipt went to the outbox, both about the application.
        self.assertGreater(int(self.scalar(f"SELECT COUNT(*) FROM application_links WHERE application_id = {gone}")), 0)
        self.assertGreater(int(self.scalar(f"SELECT COUNT(*) FROM outbox WHERE application_id = {gone}")), 0)
        self.assertStoredEverywhere(email, "Zyxbrandt", "vandmandsprojekter", "brandt", "ndmandsprojekt")
        self.sql(f"UPDATE applications SET status = 'hired' WHERE id = {hired}")
        self.sql(f"UPDATE applications SET keep_until = {int(time.time()) + 3 * MONTH} WHERE id = {kept}")

        self.close(case_id, 7)
        self.wait_for(lambda: not self.exists(gone))
        self.assertTrue(self.exists(hired), "the hired candidate's application is kept")
        self.assertTrue(self.exists(kept), "the consent to be kept holds")
        # Wait for the job's run to finish (its log line), then look everywhere.
        self.wait_for(lambda: int(self.scalar("SELECT COUNT(*) FROM deletion_log WHERE kind = 'applications'"
                                              f" AND case_id = {case_id}")) >= 1)
        time.sleep(1.5)
        self.assertGoneEverywhere(email, "Zyxbrandt", "vandmandsprojekter", "brandt", "ndmandsprojekt")

        # What stays: counts without personal data, in the report and the audit trail.
        self.assertEqual(int(self.scalar(f"SELECT SUM(deleted) FROM deletion_log WHERE case_id = {case_id}")), 1)
        after = self.scalar("SELECT after_json FROM audit_events WHERE action = 'retention.applications_deleted'"
                            f" AND object_id = '{case_id}'")
        self.assertIn('"applications":"1"', after.replace(" ", ""))
        page = self.admin.get("/retention")
        self.assertStatus(page, 200)
        self.assertIn("deletion-report", page.text)
        verify = self.server.cli("audit", "verify")
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)

    def test_a_hold_stops_deletion_until_lifted(self):
        case_id, title = self.new_closed_case(7)
        application = self.apply(case_id, "Holger Holdt", "holdt@example.test", "klagesagsbehandling")
        self.wait_for_text(application)
        response = self.admin.post("/retention/holds", {"case_id": str(case_id), "reason": ""})
        self.assertStatus(response, 400)
        self.assertIn("Angiv begrundelsen for tilbageholdelsen", response.text)
        response = self.admin.post("/retention/holds", {"case_id": str(case_id),
                                                         "reason": "Klage til Ombudsmanden, j.nr. 2026-1"})
        self.assertStatus(response, 303)
        hold = int(self.scalar(f"SELECT id FROM case_holds WHERE case_id = {case_id} AND lifted_at IS NULL"))
        self.close(case_id, 7)
        time.sleep(4)  # several runs of the job
        self.assertTrue(self.exists(application), "a case on hold keeps its applications")
        page = self.admin.get("/retention").text
        self.assertIn("Klage til Ombudsmanden", page)
        placed = self.scalar("SELECT after_json FROM audit_events WHERE action = 'retention.hold_placed'"
                             f" AND object_id = '{case_id}'")
        self.assertNotIn("Ombudsmanden", placed, "the reason stays out of the audit trail")

        self.assertStatus(self.admin.post(f"/retention/holds/{hold}/lift", {}), 303)
        self.wait_for(lambda: not self.exists(application))

    def test_the_overview_shows_what_is_deleted_next(self):
        case_id, title = self.new_closed_case(0)
        application = self.apply(case_id, "Nina Næstenfri", "naesten@example.test", "arkivering")
        self.wait_for_text(application)
        # Closed 5 months and 20 days ago: due in about 10 days with the default 6 months.
        closed = int(time.time()) - 6 * MONTH + 15 * 86400
        self.sql(f"UPDATE recruitment_cases SET state = 'filled', closed_at = {closed} WHERE id = {case_id}")
        page = self.admin.get("/retention")
        self.assertStatus(page, 200)
        self.assertIn(title, page.text)
        self.assertTrue(self.exists(application), "not deleted before it is due")
        # Someone who is not an Administrator does not see it.
        self.assertStatus(signed_in(self.server, PROJEKTLEDER, totp=False).get("/retention"), 403)

    def personal_link(self, email):
        return LINK.search(message_text(self.mail_to(email, "/application/"))).group(1)

    def test_erasure_on_request_waits_for_withdrawal_or_closing(self):
        case_id = self.case_id()
        # Asked while the case is open: recorded, explained, and carried out once withdrawn.
        first = self.apply(case_id, "Ebbe Eraser", "ebbe.eraser@example.test", "registrering")
        link = self.personal_link("ebbe.eraser@example.test")
        applicant = self.client()
        own = applicant.get(link)
        self.assertStatus(own, 200)
        response = applicant.submit(own.form(action=link + "/deletion"))
        self.assertStatus(response, 303)
        page = applicant.follow(response)
        self.assertIn("slettes, så snart sagen er lukket", page.text)
        self.assertTrue(self.exists(first), "the case is open: the institution still needs it")
        self.assertStatus(applicant.submit(applicant.get(link).form(action=link + "/withdraw")), 303)
        self.wait_for(lambda: not self.exists(first))
        self.assertStatus(applicant.get(link), 404)

        # Withdrawn first, then asked: erased at once, and the applicant is told so.
        second = self.apply(case_id, "Frida Fjernsen", "frida.fjernsen@example.test", "journalisering")
        link = self.personal_link("frida.fjernsen@example.test")
        applicant = self.client()
        self.assertStatus(applicant.submit(applicant.get(link).form(action=link + "/withdraw")), 303)
        response = applicant.submit(applicant.get(link).form(action=link + "/deletion"))
        self.assertStatus(response, 303)
        self.assertEqual(response.location, "/application?deleted=1")
        self.assertFalse(self.exists(second), "erased in the same request")
        self.assertIn("er slettet", applicant.follow(response).text)
        self.assertIn("application.erased", [row[0] for row in self.sql(
            f"SELECT action FROM audit_events WHERE object_id = '{second}'")])
        # The job's next run compacts the files after the erasure.
        self.wait_for(lambda: b"frida.fjernsen@example.test" not in self.database_bytes())
        self.assertGoneEverywhere("frida.fjernsen@example.test", "Fjernsen")

    def test_request_for_access_finds_and_exports_a_persons_applications(self):
        case_id = self.case_id()
        application = self.apply(case_id, "Ida Indsigt", "ida.indsigt@example.test", "tilsynsarbejde")
        self.assertStatus(self.admin.get("/retention/person"), 200)
        response = self.admin.post("/retention/person", {"email": "IDA.Indsigt@example.test"})
        self.assertStatus(response, 200)
        self.assertIn("Ida Indsigt", response.text)
        self.assertNotIn("ida.indsigt@example.test", response.headers.get("Location", ""))
        export = f"/retention/person/applications/{application}/export"
        self.assertIn(f'href="{export}"', response.text)
        download = self.admin.get(export)
        self.assertStatus(download, 200)
        archive = zipfile.ZipFile(io.BytesIO(download.body))
        self.assertIn("Ida Indsigt", archive.read("application.json").decode())
        self.assertTrue(any(name.startswith("files/") for name in archive.namelist()), archive.namelist())
        self.assertIn("staff_export", [row[0] for row in self.sql(
            f"SELECT action FROM access_log WHERE application_id = {application}")])
        searched = [row[0] for row in self.sql("SELECT after_json FROM audit_events WHERE"
                                                " action = 'data_request.searched'")]
        self.assertTrue(searched)
        self.assertFalse(any("indsigt" in text.lower() for text in searched), "no address in the audit trail")
        # Bad input and the wrong people.
        refused = self.admin.post("/retention/person", {"email": "ikke en adresse"})
        self.assertStatus(refused, 400)
        self.assertIn("Indtast en gyldig e-mailadresse", refused.text)
        none = self.admin.post("/retention/person", {"email": "ingen@example.test"})
        self.assertIn("Institutionen har ingen ansøgning fra denne adresse.", none.text)
        projektleder = signed_in(self.server, PROJEKTLEDER, totp=False)
        self.assertStatus(projektleder.get("/retention/person"), 403)
        self.assertStatus(projektleder.post("/retention/person", {"email": "ida.indsigt@example.test"}), 403)
        self.assertStatus(projektleder.get(export), 403)

    def test_hr_erases_on_the_applicants_behalf_at_once_or_when_the_case_closes(self):
        closed, _ = self.new_closed_case(1)
        done = self.apply(closed, "Edel Eftersletsen", "eftersletsen@example.test", "arkivets støvfrie hylder")
        self.close(closed, 1)  # closed a month ago: not yet due by the period, but due on request
        still_open = self.apply(self.case_id(), "Oda Opensagsen", "opensagsen@example.test", "løbende sagsgang")
        confirm = self.admin.get(f"/retention/person/applications/{done}/erase")
        self.assertStatus(confirm, 200)
        self.assertIn("Edel Eftersletsen", confirm.text)
        # Erased at once: the case is closed.
        answer = self.admin.post(f"/retention/person/applications/{done}/erase", {})
        self.assertStatus(answer, 303)
        self.assertEqual(answer.location, "/retention/requests?outcome=erased")
        self.assertFalse(self.exists(done))
        # The job compacts the index and the write-ahead log after any deletion.
        self.wait_for(lambda: b"eftersletsen" not in self.database_bytes(), what="the compaction")
        self.assertGoneEverywhere("Edel Eftersletsen", "eftersletsen@example.test")
        # Scheduled: the case is still open, so the institution keeps it until the case closes.
        answer = self.admin.post(f"/retention/person/applications/{still_open}/erase", {})
        self.assertEqual(answer.location, "/retention/requests?outcome=scheduled")
        self.assertTrue(self.exists(still_open))
        self.assertIsNotNone(self.scalar(f"SELECT deletion_requested_at FROM applications WHERE id = {still_open}"))
        register = self.admin.get("/retention/requests?outcome=scheduled")
        self.assertStatus(register, 200)
        self.assertIn("Planlagt: slettes, når sagen lukkes", register.text)
        self.assertIn("Slettet", register.text)
        self.assertIn("Gennem institutionen", register.text)
        self.assertNotIn("Oda Opensagsen", register.text, "the register names no person")
        outcomes = [event["after"].get("outcome") for event in self.server.audit_events(action="data_request.erasure")]
        self.assertIn("erased", outcomes)
        self.assertIn("scheduled", outcomes)
        self.assertEqual(self.server.cli("audit", "verify").returncode, 0)
        # Only an Administrator handles requests; another institution's application is not found.
        projektleder = signed_in(self.server, PROJEKTLEDER, totp=False)
        self.assertStatus(projektleder.get(f"/retention/person/applications/{still_open}/erase"), 403)
        self.assertStatus(projektleder.post(f"/retention/person/applications/{still_open}/erase", {}), 403)
        self.assertStatus(projektleder.get("/retention/requests"), 403)
        self.assertTrue(self.exists(still_open))
        self.assertStatus(self.admin.post("/retention/person/applications/999999999/erase", {}), 404)

    def test_an_applicant_is_reminded_before_the_consent_ends_and_can_renew_it(self):
        case_id, _ = self.new_closed_case(0)
        email = "fremtidsfrida@example.test"
        application = self.apply(case_id, "Frida Fremtid", email, "fremtidige stillinger", keep=True)
        self.close(case_id, 2)
        # The consent ends in ten days: within the month before, so the job mails a link to renew it.
        ends = int(time.time()) + 10 * 86400
        self.sql(f"UPDATE applications SET keep_until = {ends} WHERE id = {application}")
        reminder = self.mail_to(email, "et år mere", timeout=30)
        self.assertIn("Vi opbevarer din ansøgning", str(reminder["Subject"]))
        link = LINK.search(message_text(reminder)).group(1)
        self.wait_for(lambda: self.scalar(f"SELECT keep_reminded_at FROM applications WHERE id = {application}")
                      is not None)
        time.sleep(2)  # later runs of the job send no second reminder
        sent = [m for m in self.smtp.messages() if email in str(m["To"] or "") and "et år mere" in message_text(m)]
        self.assertEqual(len(sent), 1)
        client = self.client()
        page = client.get(link)
        self.assertStatus(page, 200)
        self.assertIn("Gem min ansøgning et år mere", page.text)
        renewed = client.post(link + "/consent", {})
        self.assertStatus(renewed, 303)
        self.assertIn("Vi gemmer din ansøgning et år mere", client.get(renewed.location).text)
        keep_until = int(self.scalar(f"SELECT keep_until FROM applications WHERE id = {application}"))
        self.assertGreater(keep_until, int(time.time()) + 360 * 86400)
        self.assertIsNone(self.scalar(f"SELECT keep_reminded_at FROM applications WHERE id = {application}"))
        actions = [event["action"] for event in self.server.audit_events(object_type="application",
                                                                          object_id=str(application))]
        self.assertIn("application.consent_reminded", actions)
        self.assertIn("application.consent_renewed", actions)
        # A link that leads nowhere renews nothing.
        self.assertStatus(self.client().post("/application/" + "0" * 64 + "/consent", {}), 404)

    def test_an_administrator_erases_a_deactivated_account_now(self):
        name, email = "Bodil Bedtomslettet", f"bedtomslettet.{uuid.uuid4().hex[:6]}@example.test"
        self.assertStatus(self.admin.post("/users", {"name": name, "email": email}), 303)
        user_id = int(self.scalar(f"SELECT id FROM users WHERE email = '{email}'"))
        # Not while the account is active.
        self.assertStatus(self.admin.post(f"/users/{user_id}/erase", {}), 409)
        self.assertNotIn("Slet kontoen", self.admin.get(f"/users/{user_id}").text)
        self.sql(f"UPDATE users SET status = 'deactivated' WHERE id = {user_id}")
        page = self.admin.get(f"/users/{user_id}")
        self.assertIn(f"/users/{user_id}/erase", page.text)
        confirm = self.admin.get(f"/users/{user_id}/erase")
        self.assertStatus(confirm, 200)
        self.assertIn("Slet kontoen?", confirm.text)
        # Someone who may not change users is refused and changes nothing.
        projektleder = signed_in(self.server, PROJEKTLEDER, totp=False)
        self.assertIn(projektleder.post(f"/users/{user_id}/erase", {}).status, (403, 404))
        self.assertIsNone(self.scalar(f"SELECT erased_at FROM users WHERE id = {user_id}"))
        erased = self.admin.post(f"/users/{user_id}/erase", {})
        self.assertStatus(erased, 303)
        self.assertEqual(erased.location, f"/users/{user_id}?erased=1")
        self.assertIn("Kontoen er slettet.", self.admin.get(erased.location).text)
        self.assertIsNotNone(self.scalar(f"SELECT erased_at FROM users WHERE id = {user_id}"))
        self.wait_for(lambda: b"bedtomslettet" not in self.database_bytes(), what="the compaction")
        self.assertGoneEverywhere(name, email)
        self.assertStatus(self.admin.post(f"/users/{user_id}/erase", {}), 409)
        erasures = [event for event in self.server.audit_events(action="user.erased", object_id=str(user_id))]
        self.assertEqual(len(erasures), 1)
        self.assertEqual(self.server.cli("audit", "verify").returncode, 0)
        # The export shows what was erased as the page does, never the raw marker or the old values.
        export = self.admin.get(f"/audit.csv?object_type=user&object_id={user_id}")
        self.assertStatus(export, 200)
        self.assertIn("user.created", export.text)
        self.assertIn("(slettet)", export.text)
        self.assertNotIn("\u2205", export.text)
        self.assertNotIn("erased\"", export.text.replace("user.erased", ""))
        self.assertNotIn(email, export.text)
        self.assertNotIn("Bedtomslettet", export.text)

    def test_settings_are_bounded_and_audited(self):
        for applications, access_log, users, message in (
                ("0", "6", "6", "fra 1 til 60"), ("61", "6", "6", "fra 1 til 60"), ("6", "5", "6", "fra 6 til 60"),
                ("seks", "6", "6", "fra 1 til 60"), ("6", "6", "0", "ophørte konti slettes, fra 1 til 60"),
                ("6", "6", "", "ophørte konti slettes, fra 1 til 60")):
            response = self.admin.post("/retention/settings", {"applications_months": applications,
                                                                "access_log_months": access_log,
                                                                "users_months": users})
            self.assertStatus(response, 400)
            self.assertIn(message, response.text)
            self.assertIn(f'value="{applications}"', response.text, "what was typed is kept")
        self.assertStatus(self.admin.post("/retention/settings", {"applications_months": "12",
                                                                   "access_log_months": "24",
                                                                   "users_months": "3"}), 303)
        institution = self.scalar(f"SELECT institution_id FROM recruitment_cases WHERE id = {self.case_id()}")
        self.assertEqual([int(value) for value in self.sql(
            "SELECT applications_months, access_log_months, users_months FROM retention_settings"
            f" WHERE institution_id = {institution}")[0]], [12, 24, 3])
        changed = self.server.audit_events(action="retention.settings_changed")
        self.assertEqual(changed[-1]["after"].get("users_months"), "3")
        self.assertStatus(self.admin.post("/retention/settings", {"applications_months": "6",
                                                                   "access_log_months": "6",
                                                                   "users_months": "6"}), 303)

    def test_an_account_deactivated_long_ago_is_erased_everywhere_and_the_trail_still_verifies(self):
        # An account made, given its welcome mail, then deactivated a year ago.
        name, email = "Ulrikke Udtraadtsen", f"udtraadtsen.{uuid.uuid4().hex[:6]}@example.test"
        self.assertStatus(self.admin.post("/users", {"name": name, "email": email}), 303)
        user_id = int(self.scalar(f"SELECT id FROM users WHERE email = '{email}'"))
        self.assertIn(name, [event["after"].get("name") for event in
                             self.server.audit_events(action="user.created", object_id=str(user_id))])
        self.assertStoredEverywhere(email)
        self.sql(f"UPDATE users SET status = 'deactivated', status_changed_at = {int(time.time()) - 13 * MONTH}"
                 f" WHERE id = {user_id}")
        deadline = time.time() + 30
        while time.time() < deadline and self.scalar(f"SELECT erased_at FROM users WHERE id = {user_id}") is None:
            time.sleep(0.2)
        self.assertIsNotNone(self.scalar(f"SELECT erased_at FROM users WHERE id = {user_id}"), "not erased")
        self.wait_for(lambda: b"udtraadtsen" not in self.database_bytes(), what="the compaction")
        # No table holds the name or the address any more, the audit trail included.
        self.assertGoneEverywhere(name, email)
        events = self.server.audit_events(object_type="user", object_id=str(user_id))
        self.assertIn("user.created", [event["action"] for event in events])
        self.assertIn("user.erased", [event["action"] for event in events])
        self.assertNotIn("Ulrikke", json.dumps(events, ensure_ascii=False))
        self.assertEqual(self.server.cli("audit", "verify").returncode, 0, self.server.cli("audit", "verify").stdout)
        # The audit view shows that a person was there, not who.
        page = self.admin.get(f"/audit?object_type=user&object_id={user_id}")
        self.assertStatus(page, 200)
        self.assertIn("(slettet)", page.text)
        self.assertNotIn("Ulrikke", page.text)

if __name__ == "__main__":
    unittest.main()
