"""Off-boarding of an institution (service description 2.3, docs/offboarding.md) against the real
binary: one operator asks, a second operator approves (never the one who asked; nobody of an
institution reaches the pages), the approver downloads the export once as an AES-256 ZIP that 7-Zip
opens with the passphrase and that holds the seeded applicant, their CV and the opened audit trail,
and then deletes the institution's data: afterwards no table holds the applicant's name, e-mail or CV
phrase, the audit chain verifies, the institution's users cannot sign in, and the other institution
is untouched. Hostile input: short and mismatched passphrases, bad ids, repeated decisions and
exports, a wrong confirmation, a case on hold. The same tests run on SQLite and PostgreSQL
(REKRUT_TEST_DATABASE)."""

import json
import re
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import uuid

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_SUPERBRUGER, OPERATOR, OPERATOR2, STYRELSEN,
                      SUPERBRUGER, login, signed_in)
from harness import ServerTestCase, apply_online, database_kind, execute_sql

PASSPHRASE = "Udfasning-af-akademiet-2026"
PUBLISHED_CASE_OF_B = "Adjunkt i datalogi"


def open_archive(data: bytes, passphrase: str) -> dict:
    """The archive's files by path, as 7-Zip extracts them with `passphrase` (raises on failure)."""
    folder = tempfile.mkdtemp(prefix="rekrut-offboarding-")
    try:
        archive = os.path.join(folder, "export.zip")
        with open(archive, "wb") as out:
            out.write(data)
        target = os.path.join(folder, "out")
        result = subprocess.run(["7z", "x", "-y", f"-p{passphrase}", f"-o{target}", archive],
                                capture_output=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise ValueError(f"7z refused the archive ({result.returncode})")
        files = {}
        for directory, _, names in os.walk(target):
            for name in names:
                path = os.path.join(directory, name)
                with open(path, "rb") as source:
                    files[os.path.relpath(path, target).replace(os.sep, "/")] = source.read()
        return files
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def json_lines(data: bytes) -> list:
    return [json.loads(line) for line in data.decode().splitlines() if line.strip()]


class OffboardingTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One login each: a TOTP step works only once.
        cls.operator = signed_in(cls.server, OPERATOR)
        cls.operator2 = signed_in(cls.server, OPERATOR2)
        cls.superbruger_b = signed_in(cls.server, AKADEMIET_SUPERBRUGER)
        cls.administrator_a = signed_in(cls.server, ADMINISTRATOR)

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def scalar(cls, query):
        rows = cls.sql(query)
        return rows[0][0] if rows else None

    @classmethod
    def institution_id(cls, name):
        return int(cls.scalar(f"SELECT id FROM institutions WHERE name = '{name}'"))

    def new_institution(self):
        """A fresh institution made by the operator, for tests that must not touch the demo ones."""
        cvr = str(uuid.uuid4().int % 90000000 + 10000000)
        name = f"Prøveinstitution {cvr}"
        response = self.operator.post("/operator/institutions", {"cvr": cvr, "name": name,
                                                                  "address": "Prøvevej 1, 1000 København K"})
        self.assertStatus(response, 303)
        return self.institution_id(name), cvr

    def ask(self, client, institution_id, reason="Kontrakten er ophørt"):
        return client.post("/operator/offboarding", {"institution_id": str(institution_id), "reason": reason})

    def asked(self, institution_id):
        """Asks as the first operator; returns the request's id."""
        response = self.ask(self.operator, institution_id)
        self.assertStatus(response, 303)
        return int(response.location.split("?")[0].rstrip("/").split("/")[-1])

    def state(self, offboarding_id):
        return self.scalar(f"SELECT state FROM institution_offboardings WHERE id = {offboarding_id}")

    def export(self, client, offboarding_id, passphrase=PASSPHRASE, repeated=None):
        return client.post(f"/operator/offboarding/{offboarding_id}/export",
                           {"passphrase": passphrase, "passphrase_repeat": passphrase if repeated is None else repeated})

    def every_value(self):
        """Every value of every table (and, on SQLite, of the full-text index's own tables), as text."""
        if database_kind() == "sqlite":
            tables = [row[0] for row in self.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND"
                                                  " sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        else:
            tables = [row[0] for row in self.sql("SELECT table_name FROM information_schema.tables WHERE"
                                                  " table_schema = 'public' AND table_type = 'BASE TABLE'")]
        self.assertIn("applications", tables)
        return "\n".join(f"{table}: {row!r}" for table in tables for row in self.sql(f"SELECT * FROM {table}")).lower()

    def counts_of(self, institution_id):
        return {table: int(self.scalar(f"SELECT COUNT(*) FROM {table} WHERE institution_id = {institution_id}"))
                for table in ("recruitment_cases", "applications", "users", "ad_templates", "mandatory_texts",
                              "job_ad_versions", "case_roles", "institution_roles", "case_list_versions",
                              "case_application_counts", "declaration_counts")}

    # -- the whole off-boarding of institution B

    def test_four_eyes_export_once_then_delete_everything_of_b_only(self):
        styrelsen, akademiet = self.institution_id(STYRELSEN), self.institution_id(AKADEMIET)
        cvr = self.scalar(f"SELECT cvr FROM institutions WHERE id = {akademiet}")
        case_id = int(self.scalar(f"SELECT id FROM recruitment_cases WHERE title = '{PUBLISHED_CASE_OF_B}'"))
        tag = uuid.uuid4().hex[:6]
        name, email, phrase = f"Vibeke Udfasen {tag}", f"udfasen.{tag}@example.test", f"kvantekryptografi-{tag}"
        self.assertStatus(apply_online(self.client(), case_id, name, email, phrase), 303)
        application_id = int(self.scalar(f"SELECT id FROM applications WHERE email = '{email}'"))
        self.assertIn(name.lower(), self.every_value())
        before_a = self.counts_of(styrelsen)
        self.assertGreater(before_a["applications"], 0)

        # A hold on a case of B stops the request, with the reason.
        placed_by = int(self.scalar(f"SELECT id FROM users WHERE email = '{AKADEMIET_SUPERBRUGER}'"))
        self.sql("INSERT INTO case_holds (institution_id, case_id, reason, placed_by, placed_at)"
                 f" VALUES ({akademiet}, {case_id}, 'Klagesag', {placed_by}, {int(time.time())})")
        refused = self.ask(self.operator, akademiet)
        self.assertStatus(refused, 409)
        self.assertIn("i bero", refused.text)
        self.sql(f"UPDATE case_holds SET lifted_at = {int(time.time())}, lifted_by = {placed_by}"
                 f" WHERE institution_id = {akademiet}")

        offboarding = self.asked(akademiet)
        self.assertEqual(self.state(offboarding), "pending")
        path = f"/operator/offboarding/{offboarding}"
        # A second request for the same institution is refused while this one is open.
        self.assertStatus(self.ask(self.operator2, akademiet), 409)

        # Nobody of an institution reaches the pages, B's own Superbruger included.
        posts = ((f"{path}/decision", {"decision": "approve"}),
                 (f"{path}/export", {"passphrase": PASSPHRASE, "passphrase_repeat": PASSPHRASE}),
                 (f"{path}/deletion", {"confirmation": cvr}),
                 ("/operator/offboarding", {"institution_id": str(styrelsen), "reason": "Ophør"}))
        for client in (self.superbruger_b, self.administrator_a):
            for get in ("/operator/offboarding", path):
                self.assertStatus(client.get(get), 404, get)
            for post, fields in posts:
                self.assertStatus(client.post(post, fields), 404, post)
        anonymous = self.client()
        self.assertStatus(anonymous.get(path), 303)
        for post, fields in posts:
            self.assertNotIn(anonymous.post(post, fields).status, (200, 303), post)
        self.assertEqual(self.state(offboarding), "pending")
        self.assertEqual(int(self.scalar(
            f"SELECT COUNT(*) FROM institution_offboardings WHERE institution_id = {akademiet}")), 1)

        # The operator who asked cannot approve.
        own = self.operator.post(f"{path}/decision", {"decision": "approve"})
        self.assertStatus(own, 400)
        self.assertIn("En anden medarbejder hos driftsleverandøren", own.text)
        self.assertNotIn(f'action="{path}/decision"', self.operator.get(path).text)
        self.assertEqual(self.state(offboarding), "pending")
        self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "maybe"}), 400)

        self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "approve"}), 303)
        self.assertEqual(self.state(offboarding), "approved")
        self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "reject"}), 409)
        self.assertEqual(self.state(offboarding), "approved")

        # Only the approver exports; a weak or mismatched passphrase is refused; nothing is deleted first.
        self.assertStatus(self.export(self.operator, offboarding), 409)
        self.assertStatus(self.export(self.operator2, offboarding, "kort"), 400)
        self.assertStatus(self.export(self.operator2, offboarding, PASSPHRASE, PASSPHRASE + "x"), 400)
        self.assertStatus(self.operator2.post(f"{path}/deletion", {"confirmation": cvr}), 409)
        self.assertEqual(self.state(offboarding), "approved")

        response = self.export(self.operator2, offboarding)
        self.assertStatus(response, 200)
        self.assertEqual(response.content_type, "application/zip")
        self.assertEqual(response.header("Cache-Control"), "no-store")
        self.assertNotIn(PASSPHRASE.encode(), response.body)
        self.assertNotIn(name.encode(), response.body)
        with self.assertRaises(ValueError):
            open_archive(response.body, "Forkert-adgangsfrase-1234")
        files = open_archive(response.body, PASSPHRASE)
        manifest = json.loads(files["manifest.json"])
        self.assertEqual(manifest["format_version"], 1)
        self.assertEqual(manifest["institution"]["id"], akademiet)
        self.assertEqual(manifest["institution"]["name"], AKADEMIET)
        self.assertIn("created_at", manifest)
        applications = json_lines(files["applications.jsonl"])
        self.assertEqual(manifest["counts"]["applications"], len(applications))
        mine = [row for row in applications if row["id"] == application_id]
        self.assertEqual(mine[0]["full_name"], name)
        self.assertEqual(mine[0]["email"], email)
        self.assertTrue(all(row["institution_id"] == akademiet for row in applications))
        answers = files["application_answers.jsonl"]
        self.assertIsNotNone(answers)
        cv = files[f"attachments/{application_id}/cv.txt"]
        self.assertIn(phrase.encode(), cv)
        # The applicant's receipt mail, its body opened from under the application's key.
        receipts = [mail for mail in json_lines(files["mails.jsonl"]) if mail["recipient"] == email]
        self.assertTrue(receipts)
        self.assertTrue(any(name in mail["body_text"] for mail in receipts), receipts[0]["body_text"][:300])
        self.assertEqual(manifest["counts"]["attachments"], sum(1 for path in files if path.startswith("attachments/")))
        users = json_lines(files["users.jsonl"])
        self.assertIn(AKADEMIET_SUPERBRUGER, [user["email"] for user in users])
        self.assertFalse(any("password_hash" in user or "totp_secret" in user for user in users))
        cases = json_lines(files["recruitment_cases.jsonl"])
        self.assertIn(PUBLISHED_CASE_OF_B, [case["title"] for case in cases])
        self.assertNotIn("Jurist til tilsynsenheden", [case["title"] for case in cases])  # A's case
        for kind in ("job_ad_versions", "ad_templates", "mandatory_texts", "email_templates", "mails",
                     "interview_rounds", "application_notes", "ranking_lists"):
            self.assertIn(f"{kind}.jsonl", files)
        audit = json_lines(files["audit_events.jsonl"])
        self.assertTrue(audit)
        # Sealed values are opened in the export: the Superbruger's name as the actor of B's events.
        self.assertIn("Karen Kvist", {event["actor_name"] for event in audit})
        self.assertFalse(any(str(event["actor_name"]).startswith("sealed1:") for event in audit))
        self.assertEqual({event["institution_id"] for event in audit}, {akademiet})
        self.assertIn("offboarding.approved", [event["action"] for event in audit])
        self.assertEqual(self.state(offboarding), "exported")
        # Once only.
        self.assertStatus(self.export(self.operator2, offboarding), 409)
        exported = self.server.audit_events(action="offboarding.exported")[-1]
        self.assertNotIn(PASSPHRASE, json.dumps(exported))
        self.assertNotIn(name, json.dumps(exported))

        # A change in B after the export (B's users still work) makes the export out of date: the deletion
        # refuses, deletes nothing, and the export is to be taken again.
        late = f"sen.{tag}@akademiet.example.test"
        self.assertStatus(self.superbruger_b.post("/users", {"name": "Sene Sørensen", "email": late}), 303)
        outdated = self.operator2.post(f"{path}/deletion", {"confirmation": cvr})
        self.assertStatus(outdated, 409)
        self.assertIn("Hent eksporten igen", outdated.text)
        self.assertEqual(self.state(offboarding), "approved")
        self.assertEqual(int(self.scalar(f"SELECT COUNT(*) FROM applications WHERE id = {application_id}")), 1)
        again = self.export(self.operator2, offboarding)
        self.assertStatus(again, 200)
        self.assertIn(late, [user["email"] for user in json_lines(open_archive(again.body, PASSPHRASE)["users.jsonl"])])
        users = json_lines(open_archive(again.body, PASSPHRASE)["users.jsonl"])

        # Deletion: the requester cannot, a wrong confirmation changes nothing.
        self.assertStatus(self.operator.post(f"{path}/deletion", {"confirmation": cvr}), 409)
        self.assertStatus(self.operator2.post(f"{path}/deletion", {"confirmation": "12345678"}), 400)
        self.assertEqual(int(self.scalar(f"SELECT COUNT(*) FROM applications WHERE id = {application_id}")), 1)
        deleted = self.operator2.post(f"{path}/deletion", {"confirmation": cvr})
        self.assertStatus(deleted, 303)
        page = self.operator2.get(deleted.location)
        self.assertStatus(page, 200)
        self.assertIn("Sletterapport", page.text)
        self.assertIn("deletion-report", page.text)
        self.assertIn("Ansøgninger", page.text)
        self.assertEqual(self.state(offboarding), "deleted")
        self.assertStatus(self.operator2.post(f"{path}/deletion", {"confirmation": cvr}), 409)
        report = json.loads(self.scalar(f"SELECT report FROM institution_offboardings WHERE id = {offboarding}"))
        self.assertEqual(report["counts"]["applications"], len(applications))
        self.assertGreater(report["counts"]["recruitment_cases"], 0)
        self.assertEqual(report["counts"]["users"], len(users))
        self.assertNotIn(name, json.dumps(report))

        # Nothing of B is left but the tombstone and the erased accounts' rows.
        after_b = self.counts_of(akademiet)
        self.assertEqual({table: count for table, count in after_b.items() if table != "users"},
                         {table: 0 for table in after_b if table != "users"})
        self.assertIsNotNone(self.scalar(f"SELECT offboarded_at FROM institutions WHERE id = {akademiet}"))
        values = self.every_value()
        for needle in (name, email, phrase, "Karen Kvist", AKADEMIET_SUPERBRUGER, late, "Sene Sørensen"):
            self.assertNotIn(needle.lower(), values, f"{needle!r} is still in the database")
        verify = self.server.cli("audit", "verify")
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        events = self.server.audit_events(action="institution.offboarded")
        self.assertEqual(events[-1]["object_id"], str(offboarding))
        self.assertNotIn("Karen", json.dumps(self.server.audit_events(limit=5000), ensure_ascii=False))
        # B's users cannot sign in; A's can, and A's data is as it was.
        with self.assertRaises(AssertionError):
            login(self.client(), AKADEMIET_SUPERBRUGER)
        self.assertStatus(self.superbruger_b.get("/home"), 303)
        self.assertEqual(self.counts_of(styrelsen), before_a)
        self.assertStatus(signed_in(self.server, SUPERBRUGER).get("/home"), 200)
        self.assertStatus(self.client().get(f"/positions/{case_id}"), 404)
        # An off-boarded institution cannot be asked for again, nor given a new account or operator access.
        self.assertStatus(self.ask(self.operator, akademiet), 400)
        self.assertNotEqual(self.operator.post(f"/operator/institutions/{akademiet}/superbrugere",
                                               {"name": "Genopliva Genopliv", "email": f"genopliv.{tag}@example.test"}
                                               ).status, 303)
        self.assertNotEqual(self.operator.post("/operator/access", {"institution_id": str(akademiet), "hours": "1",
                                                                   "reason": "Vedligeholdelse"}).status, 303)
        self.assertEqual(int(self.scalar(f"SELECT COUNT(*) FROM users WHERE email LIKE 'genopliv.{tag}%'")), 0)
        self.assertEqual(int(self.scalar(f"SELECT COUNT(*) FROM operator_access WHERE institution_id = {akademiet}")), 0)
        # Nor is it offered in the operator's forms any more; the list of institutions marks it.
        for form in ("/operator/offboarding", "/operator/access", "/operator/controls"):
            page = self.operator.get(form)
            self.assertStatus(page, 200)
            self.assertNotIn(f'<option value="{akademiet}"', page.text, form)
            self.assertIn(f'<option value="{styrelsen}"', page.text, form)
        listing = self.operator.get("/operator/institutions")
        row = re.search(rf'<tr><td><a href="/operator/institutions/{akademiet}">.*?</tr>', listing.text, re.S)
        self.assertIn("Udfaset", row.group(0))
        row = re.search(rf'<tr><td><a href="/operator/institutions/{styrelsen}">.*?</tr>', listing.text, re.S)
        self.assertNotIn("Udfaset", row.group(0))

    # -- hostile input on institutions of their own

    def test_bad_ids_and_bad_requests_change_nothing(self):
        before = int(self.scalar("SELECT COUNT(*) FROM institution_offboardings"))
        for path in ("/operator/offboarding/0", "/operator/offboarding/abc", "/operator/offboarding/987654321",
                     "/operator/offboarding/-1", "/operator/offboarding/99999999999999999999999"):
            self.assertStatus(self.operator.get(path), 404, path)
            self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "approve"}), 404, path)
            self.assertStatus(self.operator2.post(f"{path}/export", {"passphrase": PASSPHRASE,
                                                                    "passphrase_repeat": PASSPHRASE}), 404, path)
            self.assertStatus(self.operator2.post(f"{path}/deletion", {"confirmation": "1"}), 404, path)
        institution, _ = self.new_institution()
        for fields in ({"institution_id": "", "reason": "Ophør"}, {"institution_id": "abc", "reason": "Ophør"},
                       {"institution_id": "987654321", "reason": "Ophør"},
                       {"institution_id": str(institution), "reason": "   "},
                       {"institution_id": str(institution), "reason": "x" * 1001}):
            self.assertStatus(self.operator.post("/operator/offboarding", fields), 400, repr(fields)[:80])
        self.assertEqual(int(self.scalar("SELECT COUNT(*) FROM institution_offboardings")), before)
        page = self.operator.get("/operator/offboarding")
        self.assertStatus(page, 200)
        self.assertIn("Udfasning af institutioner", page.text)

    def test_a_rejected_request_goes_no_further_and_can_be_asked_again(self):
        institution, cvr = self.new_institution()
        offboarding = self.asked(institution)
        path = f"/operator/offboarding/{offboarding}"
        self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "reject"}), 303)
        self.assertEqual(self.state(offboarding), "rejected")
        self.assertStatus(self.operator2.post(f"{path}/decision", {"decision": "approve"}), 409)
        self.assertStatus(self.export(self.operator2, offboarding), 409)
        self.assertStatus(self.operator2.post(f"{path}/deletion", {"confirmation": cvr}), 409)
        self.assertEqual(self.state(offboarding), "rejected")
        self.assertIsNone(self.scalar(f"SELECT offboarded_at FROM institutions WHERE id = {institution}"))
        actions = [event["action"] for event in self.server.audit_events(object_type="offboarding",
                                                                         object_id=str(offboarding))]
        self.assertEqual(actions, ["offboarding.requested", "offboarding.rejected"])
        self.asked(institution)


if __name__ == "__main__":
    unittest.main()
