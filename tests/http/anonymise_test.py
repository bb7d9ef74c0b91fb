"""`rekrut anonymise` against the real binary: a database seeded through the real HTTP flows with
distinctive personal values (an application with a CV, a note, a committee member, mails) is copied
and the copy turned into test data under a key file of its own. Afterwards no original value is found
in any table of the copy (the full-text index's own tables included, and on SQLite in no byte of the
file), its files hold synthetic text, the server starts on it with the new key and shows that it is an
anonymised copy, `audit verify` reports it intact, and the original is unchanged. The live database, a
wrong key, an unmigrated copy and a missing file are refused with a message and change nothing. The
same tests run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import time
import unittest
import uuid

from accounts import ADMINISTRATOR, OPERATOR, PROJEKTLEDER, login, signed_in, totp_code
from harness import (Postgres, Server, ServerTestCase, database_kind, declare_no_conflicts, execute_sql,
                     make_temp_dir)

PUBLISHED_CASE = "Fuldmægtig til økonomienheden"
MARK = uuid.uuid4().hex[:6]
APPLICANT_NAME = f"Xenia Særpræg{MARK}"
APPLICANT_EMAIL = f"xenia.saerpraeg{MARK}@example.test"
APPLICANT_PHONE = "+45 71 58 93 17"
APPLICANT_ADDRESS = f"Lindormevej {MARK} 7"
CV_PHRASE = f"kvantekagebager{MARK}"
ANSWER_PHRASE = f"fjordsnegleforsker{MARK}"
NOTE_PHRASE = f"notatstjernekigger{MARK}"
MEMBER_NAME = f"Mogens Medlemsen{MARK}"
MEMBER_EMAIL = f"mogens.medlemsen{MARK}@example.test"
ERASED_NAME = f"Erik Udslettetsen{MARK}"
ERASED_EMAIL = f"erik.udslettetsen{MARK}@example.test"
REASON_PHRASE = f"kontraktsnegl{MARK}"
# Stored in clear in the original (in tables, the search index and mails' recipients).
ORIGINALS = (APPLICANT_NAME, APPLICANT_EMAIL, APPLICANT_PHONE, APPLICANT_ADDRESS, CV_PHRASE, ANSWER_PHRASE,
             MEMBER_NAME, MEMBER_EMAIL, "Særpræg", "Medlemsen", REASON_PHRASE)
# Stored sealed in the original (the note; the CV's bytes), so looked for where they are opened.
SEALED_ORIGINALS = (NOTE_PHRASE, CV_PHRASE)


def tables(url):
    """Every table of the database, on SQLite the full-text index's own tables too (not the virtual
    table itself, whose rows are those tables' rows)."""
    if url.startswith("sqlite:"):
        return [row[0] for row in execute_sql(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND"
                                                   " sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    return [row[0] for row in execute_sql(url, "SELECT table_name FROM information_schema.tables WHERE"
                                               " table_schema = 'public' AND table_type = 'BASE TABLE'")]


def every_value(url):
    """Every value of every table, as lower-cased text."""
    found = tables(url)
    if "applications" not in found:
        raise AssertionError(f"no applications table in {url}")
    text = []
    for table in sorted(found):
        for row in execute_sql(url, f"SELECT * FROM {table}"):
            text.append(f"{table}: {row!r}")
    return "\n".join(text).lower()


def file_bytes(url):
    """On SQLite: the database file and its write-ahead log, lower-cased; empty on PostgreSQL."""
    if not url.startswith("sqlite:"):
        return b""
    data = b""
    for path in (url[len("sqlite:"):], url[len("sqlite:"):] + "-wal"):
        if os.path.exists(path):
            with open(path, "rb") as handle:
                data += handle.read()
    return data.lower()


def fingerprint(url):
    return hashlib.sha256(every_value(url).encode()).hexdigest()


def copy_database(url):
    """A copy of the database at `url`: SQLite's online backup into a new file; on PostgreSQL
    pg_dump into pg_restore in a new database of the test cluster."""
    if url.startswith("sqlite:"):
        target = os.path.join(make_temp_dir("rekrut-copy-"), "copy.db")
        source = sqlite3.connect(url[len("sqlite:"):], timeout=30)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        return "sqlite:" + target
    target = Postgres().create_database()
    dump = subprocess.run(["/usr/lib/postgresql/15/bin/pg_dump", "-Fc", "--no-owner", url], capture_output=True,
                          timeout=120, check=True)
    subprocess.run(["/usr/lib/postgresql/15/bin/pg_restore", "--no-owner", "-d", target], input=dump.stdout,
                   capture_output=True, timeout=120, check=True)
    return target


class AnonymiseTest(ServerTestCase):
    seed_demo = True
    mail_sink = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        url = cls.server.database_url
        case_id = int(execute_sql(url, f"SELECT id FROM recruitment_cases WHERE title = '{PUBLISHED_CASE}'")[0][0])
        cls.case_id = case_id
        # An application through the public form, with a CV holding a phrase of its own.
        client = cls.server.client()
        form = client.get(f"/positions/{case_id}/apply").form(action=f"/positions/{case_id}/apply")
        cv = f"{APPLICANT_NAME}\n{APPLICANT_EMAIL}\nErfaring: {CV_PHRASE} i fem år.\n".encode()
        response = client.post(form.action, {
            "form_key": form.get("form_key"), "full_name": APPLICANT_NAME, "email": APPLICANT_EMAIL,
            "phone": APPLICANT_PHONE, "address": APPLICANT_ADDRESS, "postal_code": "8000", "city": "Aarhus C",
            "cover_letter": f"Jeg har arbejdet med {ANSWER_PHRASE}.", "consent_processing": "1", "send": "1"},
            files={"cv_file": ("cv.txt", cv, "text/plain")})
        if response.status != 303:
            raise AssertionError(f"the application answered {response.status}: {response.visible_text[:500]}")
        cls.application_id = int(execute_sql(url, f"SELECT id FROM applications WHERE email = '{APPLICANT_EMAIL}'")[0][0])
        cls.wait(lambda: int(execute_sql(url, "SELECT COUNT(*) FROM attachment_texts t JOIN application_attachments a"
                                              f" ON a.id = t.attachment_id WHERE a.application_id = {cls.application_id}"
                                              )[0][0]) > 0, "the text extraction")
        # A committee member made by the Administrator (which mails them), on the case.
        admin = signed_in(cls.server, ADMINISTRATOR)
        if admin.post("/users", {"name": MEMBER_NAME, "email": MEMBER_EMAIL}).status != 303:
            raise AssertionError("the member could not be made")
        member_id = execute_sql(url, f"SELECT id FROM users WHERE email = '{MEMBER_EMAIL}'")[0][0]
        if admin.post(f"/cases/{case_id}/committee", {"user_id": member_id, "role": "projektdeltager"}).status != 303:
            raise AssertionError("the member could not join the committee")
        # An account erased before the copy: its audit values are erased in the original already.
        if admin.post("/users", {"name": ERASED_NAME, "email": ERASED_EMAIL}).status != 303:
            raise AssertionError("the account to erase could not be made")
        cls.erased_id = execute_sql(url, f"SELECT id FROM users WHERE email = '{ERASED_EMAIL}'")[0][0]
        execute_sql(url, f"UPDATE users SET status = 'deactivated' WHERE id = {cls.erased_id}")
        if admin.post(f"/users/{cls.erased_id}/erase", {}).status != 303:
            raise AssertionError("the account could not be erased")
        # A note on the application by the Projektleder.
        projektleder = signed_in(cls.server, PROJEKTLEDER, totp=False)
        declare_no_conflicts(projektleder, case_id)
        note = projektleder.post(f"/cases/{case_id}/applications/{cls.application_id}/notes",
                                 {"note": f"Stærk kandidat, {NOTE_PHRASE}."})
        if note.status != 303:
            raise AssertionError(f"the note answered {note.status}: {note.visible_text[:500]}")
        cls.wait(lambda: int(execute_sql(url, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND recipient"
                                              f" IN ('{APPLICANT_EMAIL}', '{MEMBER_EMAIL}')")[0][0]) >= 2, "the mails")
        # An operator's off-boarding request for the institution (left waiting): its reason is free text.
        institution_id = execute_sql(url, f"SELECT institution_id FROM recruitment_cases WHERE id = {case_id}")[0][0]
        asked = signed_in(cls.server, OPERATOR).post("/operator/offboarding", {
            "institution_id": str(institution_id), "reason": f"Aftalen ophører, jf. {REASON_PHRASE}."})
        if asked.status != 303:
            raise AssertionError(f"the off-boarding request answered {asked.status}: {asked.visible_text[:500]}")
        # The copy, anonymised under a new key file.
        cls.copy_url = copy_database(url)
        cls.copy_before = fingerprint(cls.copy_url)
        cls.copy_events = int(execute_sql(cls.copy_url, "SELECT COUNT(*) FROM audit_events")[0][0])
        cls.new_key = os.path.join(make_temp_dir("rekrut-copy-key-"), "copy.key")
        cls.result = cls.server.cli("anonymise", "--database", cls.copy_url, "--key-file", cls.new_key)
        if cls.result.returncode != 0:
            raise AssertionError(f"`rekrut anonymise` failed:\n{cls.result.stdout}\n{cls.result.stderr}")
        cls.password = re.search(r"password is now \(shown once\): (\S+)", cls.result.stdout).group(1)
        cls.totp_hex = re.search(r"second-factor secret is now \(hex, shown once\): ([0-9a-f]+)",
                                 cls.result.stdout).group(1)

    @classmethod
    def wait(cls, predicate, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if predicate():
                return
            time.sleep(0.3)
        raise AssertionError(f"{what} did not happen in {timeout} s")

    def copy_env(self, url=None, key=None):
        """The environment of a process on the copy: its own key file and no anchor of the original."""
        return {"REKRUT_DATABASE_URL": url or self.copy_url, "REKRUT_SECURITY_KEY_FILE": key or self.new_key,
                "REKRUT_AUDIT_ANCHOR": ""}

    def fresh_copy(self):
        return copy_database(self.server.database_url)

    # -- what the copy holds

    def test_the_original_holds_every_value_so_that_finding_none_means_something(self):
        values = every_value(self.server.database_url)
        for original in ORIGINALS:
            self.assertTrue(original.lower() in values, f"{original!r} is not in the original")

    def test_no_original_value_remains_anywhere_in_the_copy(self):
        values = every_value(self.copy_url)
        data = file_bytes(self.copy_url)
        for original in ORIGINALS:
            for needle in (original, original.lower()):
                self.assertFalse(needle.lower() in values, f"{needle!r} is still in the copy")
                self.assertFalse(needle.lower().encode() in data, f"{needle!r} is still in the copy's file")
        self.assertIn("@example.test", values)

    def test_structure_counts_and_dates_stay(self):
        for table in ("applications", "application_attachments", "application_notes", "users", "case_roles",
                      "outbox", "recruitment_cases"):
            self.assertEqual(execute_sql(self.copy_url, f"SELECT COUNT(*) FROM {table}"),
                             execute_sql(self.server.database_url, f"SELECT COUNT(*) FROM {table}")
                             if table != "outbox" else execute_sql(self.copy_url, "SELECT COUNT(*) FROM outbox"),
                             table)
        received = f"SELECT received_at, status FROM applications WHERE id = {self.application_id}"
        self.assertEqual(execute_sql(self.copy_url, received), execute_sql(self.server.database_url, received))
        # The same original is the same synthetic value everywhere: the applicant's address is the
        # recipient of the mails to them.
        email = execute_sql(self.copy_url, f"SELECT email FROM applications WHERE id = {self.application_id}")[0][0]
        self.assertTrue(email.endswith("@example.test"))
        self.assertGreaterEqual(int(execute_sql(self.copy_url, f"SELECT COUNT(*) FROM outbox WHERE recipient = '{email}'")[0][0]), 1)
        # Sessions and tokens are gone; the copy is marked and records its own key.
        self.assertEqual(execute_sql(self.copy_url, "SELECT COUNT(*) FROM sessions")[0][0], "0")
        self.assertEqual(execute_sql(self.copy_url, "SELECT COUNT(*) FROM anonymised_copy")[0][0], "1")
        self.assertNotEqual(execute_sql(self.copy_url, "SELECT fingerprint FROM installation_key"),
                            execute_sql(self.server.database_url, "SELECT fingerprint FROM installation_key"))
        self.assertEqual(int(execute_sql(self.copy_url, "SELECT COUNT(*) FROM audit_events")[0][0]), self.copy_events + 1)
        self.assertEqual(execute_sql(self.copy_url, "SELECT COUNT(*) FROM audit_events WHERE action = 'audit.anonymised_copy'")[0][0], "1")
        self.assertIn("shown once", self.result.stdout)

    def test_the_audit_trail_of_the_copy_verifies_with_the_new_key_only(self):
        verified = self.server.cli("audit", "verify", env=self.copy_env())
        self.assertEqual(verified.returncode, 0, verified.stdout + verified.stderr)
        self.assertIn("audit trail intact", verified.stdout)
        # The installation's key opens nothing in the copy.
        refused = self.server.cli("audit", "verify", env={"REKRUT_DATABASE_URL": self.copy_url, "REKRUT_AUDIT_ANCHOR": ""})
        self.assertNotEqual(refused.returncode, 0)
        # The events opened with the new key name synthetic people only.
        exported = self.server.cli("audit", "export", env=self.copy_env())
        self.assertEqual(exported.returncode, 0, exported.stderr)
        for original in ORIGINALS:
            self.assertNotIn(original.lower(), exported.stdout.lower())
        self.assertIn("audit.anonymised_copy", exported.stdout)
        # The member's synthetic address in the trail is the one of their account.
        member_id = execute_sql(self.server.database_url, f"SELECT id FROM users WHERE email = '{MEMBER_EMAIL}'")[0][0]
        synthetic = execute_sql(self.copy_url, f"SELECT email FROM users WHERE id = {member_id}")[0][0]
        created = [json.loads(line) for line in exported.stdout.splitlines()
                   if '"user.created"' in line and json.loads(line)["object_id"] == member_id]
        self.assertEqual(len(created), 1)
        self.assertEqual(created[0]["after"]["email"], synthetic)
        admin_name = execute_sql(self.copy_url, f"SELECT name FROM users WHERE id = {created[0]['actor_user_id']}")[0][0]
        self.assertEqual(created[0]["actor_name"], admin_name)

    def test_an_erased_person_stays_erased_in_the_copy(self):
        def creation(env):
            exported = self.server.cli("audit", "export", "--object-type", "user", "--object-id", self.erased_id,
                                       env=env)
            self.assertEqual(exported.returncode, 0, exported.stderr)
            events = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
            return [event for event in events if event["action"] == "user.created"][0]
        for event in (creation(None), creation(self.copy_env())):
            self.assertEqual(event["after"]["email"], "\u2205erased")
            self.assertEqual(event["after"]["name"], "\u2205erased")
        self.assertEqual(execute_sql(self.copy_url, "SELECT COUNT(*) FROM audit_subject_keys WHERE"
                                                    f" subject = 'user:{self.erased_id}' AND wrapped_key IS NULL")[0][0],
                         "1")
        values = every_value(self.copy_url)
        self.assertFalse(ERASED_EMAIL.lower() in values)
        self.assertFalse("udslettetsen" in values)

    def test_the_server_runs_on_the_copy_and_its_files_are_synthetic(self):
        server = Server(env={"REKRUT_SECURITY_KEY_FILE": self.new_key, "REKRUT_AUDIT_ANCHOR": ""},
                        database_url=self.copy_url, name="anonymised-copy")
        server.start()
        try:
            def synthetic(email):
                user_id = execute_sql(self.server.database_url, f"SELECT id FROM users WHERE email = '{email}'")[0][0]
                return execute_sql(self.copy_url, f"SELECT email FROM users WHERE id = {user_id}")[0][0]
            # The Administrator signs in with the printed password and second-factor secret.
            admin = server.client()
            self.assertStatus(admin.post("/login", {"email": synthetic(ADMINISTRATOR), "password": self.password}), 303)
            second = admin.post("/login/second-factor", {"code": totp_code(self.totp_hex)})
            self.assertEqual(second.location, "/home", second.visible_text[:600])
            self.assertIn("anonymiseret testkopi", admin.get("/home").text.lower())
            # The Projektleder sees the application with synthetic values and a synthetic file.
            client = server.client()
            login(client, synthetic(PROJEKTLEDER), totp=False, password=self.password)
            application = client.get(f"/cases/{self.case_id}/applications/{self.application_id}")
            self.assertStatus(application, 200)
            self.assertIn("anonymiseret testkopi", application.text.lower())
            for original in ORIGINALS + SEALED_ORIGINALS:
                self.assertNotIn(original.lower(), application.text.lower())
            self.assertIn("Syntetisk tekst (application_notes", application.text)
            links = re.findall(
                rf'href="(/cases/{self.case_id}/applications/{self.application_id}/attachments/\d+)"',
                application.text)
            self.assertTrue(links, "no file link on the application page")
            download = client.get(links[0])
            self.assertStatus(download, 200)
            self.assertTrue(download.body.startswith(b"%PDF"), download.body[:40])
            for original in ORIGINALS + SEALED_ORIGINALS:
                self.assertNotIn(original.lower().encode(), download.body.lower())
            text = client.get(links[0] + "/text")
            self.assertStatus(text, 200)
            self.assertIn("Syntetisk bilag", text.text)
            for original in ORIGINALS + SEALED_ORIGINALS:
                self.assertNotIn(original.lower(), text.text.lower())
            # Search finds the application by its synthetic values only (the original finds it by the
            # original phrase, so the search looks where the phrase was).
            link = f"/cases/{self.case_id}/applications/{self.application_id}\""
            original_admin = signed_in(self.server, ADMINISTRATOR)
            self.assertIn(link, original_admin.get(f"/applications/search?q={CV_PHRASE}").text)
            for phrase in (CV_PHRASE, ANSWER_PHRASE):
                self.assertNotIn(link, admin.get(f"/applications/search?q={phrase}").text)
            synthetic = execute_sql(self.copy_url, f"SELECT full_name FROM applications WHERE id = {self.application_id}")[0][0]
            self.assertIn(link, admin.get(f"/applications/search?q={synthetic.split()[-1]}").text)
            self.assertIn(synthetic, application.text)
            # The original's pages carry no such notice.
            self.assertNotIn("anonymiseret testkopi", self.server.client().get("/").text.lower())
        finally:
            self.assertEqual(server.stop(), 0)

    def test_the_original_still_shows_the_sealed_values_where_the_copy_is_looked_at(self):
        client = signed_in(self.server, PROJEKTLEDER, totp=False)
        page = client.get(f"/cases/{self.case_id}/applications/{self.application_id}")
        self.assertStatus(page, 200)
        self.assertIn(NOTE_PHRASE, page.text)
        links = re.findall(rf'href="(/cases/{self.case_id}/applications/{self.application_id}/attachments/\d+)"',
                           page.text)
        self.assertIn(CV_PHRASE, client.get(links[0]).text)

    def test_the_original_is_unchanged(self):
        verified = self.server.cli("audit", "verify")
        self.assertEqual(verified.returncode, 0, verified.stdout)
        self.assertEqual(execute_sql(self.server.database_url, "SELECT COUNT(*) FROM anonymised_copy")[0][0], "0")
        values = every_value(self.server.database_url)
        self.assertIn(APPLICANT_EMAIL.lower(), values)
        self.assertIn(MEMBER_NAME.lower(), values)

    # -- refusals, each changing nothing

    def assertRefused(self, result, words):
        self.assertNotEqual(result.returncode, 0, result.stdout)
        self.assertIn(words, result.stderr)
        self.assertIn("nothing was changed", result.stderr)

    def test_the_live_database_is_refused(self):
        key = os.path.join(make_temp_dir("rekrut-live-key-"), "copy.key")
        result = self.server.cli("anonymise", "--database", self.server.database_url, "--key-file", key)
        self.assertRefused(result, "the configured database itself")
        # The same database by another name.
        if database_kind() == "sqlite":
            path = self.server.database_url[len("sqlite:"):]
            other_spelling = "sqlite:" + os.path.join(os.path.dirname(path), ".", os.path.basename(path))
        else:
            other_spelling = self.server.database_url + "?connect_timeout=10"
        result = self.server.cli("anonymise", "--database", other_spelling, "--key-file", key)
        self.assertRefused(result, "the configured database itself")
        self.assertIn(APPLICANT_EMAIL.lower(), every_value(self.server.database_url))
        self.assertEqual(execute_sql(self.server.database_url, "SELECT COUNT(*) FROM anonymised_copy")[0][0], "0")

    def test_a_wrong_key_is_refused(self):
        copy = self.fresh_copy()
        before = fingerprint(copy)
        other = os.path.join(make_temp_dir("rekrut-other-key-"), "other.key")
        with open(other, "w", encoding="ascii") as file:
            file.write(os.urandom(32).hex() + "\n")
        key = os.path.join(make_temp_dir("rekrut-wrong-key-"), "copy.key")
        result = self.server.cli("anonymise", "--database", copy, "--key-file", key,
                                 env={"REKRUT_SECURITY_KEY_FILE": other})
        self.assertRefused(result, "not written with the installation key")
        self.assertEqual(fingerprint(copy), before)
        # The installation's own key as the new key is refused too.
        result = self.server.cli("anonymise", "--database", copy, "--key-file",
                                 self.server.environment()["REKRUT_SECURITY_KEY_FILE"])
        self.assertRefused(result, "a key of its own")
        self.assertEqual(fingerprint(copy), before)

    def test_an_unmigrated_copy_is_refused(self):
        copy = self.fresh_copy()
        execute_sql(copy, "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)")
        before = fingerprint(copy)
        key = os.path.join(make_temp_dir("rekrut-unmigrated-key-"), "copy.key")
        result = self.server.cli("anonymise", "--database", copy, "--key-file", key)
        self.assertRefused(result, "not fully migrated")
        self.assertEqual(fingerprint(copy), before)

    def test_a_missing_database_is_refused(self):
        key = os.path.join(make_temp_dir("rekrut-missing-key-"), "copy.key")
        if database_kind() == "sqlite":
            path = os.path.join(make_temp_dir("rekrut-missing-"), "nothing.db")
            result = self.server.cli("anonymise", "--database", "sqlite:" + path, "--key-file", key)
            self.assertRefused(result, "there is no database file")
            self.assertFalse(os.path.exists(path))
            open(path, "wb").close()
            result = self.server.cli("anonymise", "--database", "sqlite:" + path, "--key-file", key)
            self.assertRefused(result, "is empty")
            self.assertEqual(os.path.getsize(path), 0)
        else:
            missing = Postgres().url(f"missing_{uuid.uuid4().hex[:8]}")
            result = self.server.cli("anonymise", "--database", missing, "--key-file", key)
            self.assertRefused(result, "cannot be opened")


if __name__ == "__main__":
    unittest.main()
