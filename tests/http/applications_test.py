"""Applications: the public form with its files, the receipt and its mail, the deadline, the file
rules, idempotent submits, encrypted storage, HR's reading with the access log, registration of
paper applications, and the applicant's own pages through the personal link."""

import concurrent.futures
import hashlib
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import documents
from accounts import ADMINISTRATOR, AKADEMIET_PROJEKTLEDER, DELTAGER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql, message_text, raw_status

LINK = re.compile(r"https?://[^\s\"<>]+/application/([0-9a-f]{64})")


class ApplicationsTest(ServerTestCase):
    seed_demo = True
    mail_sink = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql("SELECT id FROM recruitment_cases WHERE title = 'Fuldmægtig til økonomienheden'")[0][0])
        cls.deadline = int(cls.sql(f"SELECT application_deadline FROM recruitment_cases WHERE id = {cls.case_id}")[0][0])
        institution = cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0]
        cls.sql(f"INSERT INTO case_questions (institution_id, case_id, text, kind, options, position) VALUES "
                f"({institution}, {cls.case_id}, 'Har du en relevant uddannelse?', 'yes_no', 'Ja\n!Nej', 9)")
        cls.question = int(cls.sql(f"SELECT MAX(id) FROM case_questions WHERE case_id = {cls.case_id}")[0][0])

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    def count(self, query):
        return int(self.sql(query)[0][0])

    # -- helpers

    def form_of(self, client, case_id=None):
        page = client.get(f"/positions/{case_id or self.case_id}/apply")
        self.assertStatus(page, 200)
        return page.form(action=f"/positions/{case_id or self.case_id}/apply")

    def fields(self, address, **changes):
        fields = {"full_name": "Bodil Testesen", "email": address, "phone": "+45 12 34 56 78",
                  "cover_letter": "Jeg søger stillingen, fordi jeg kan lide tal.",
                  "consent_processing": "1", f"q{self.question}": "Ja", "send": "1"}
        fields.update(changes)
        return {name: value for name, value in fields.items() if value is not None}

    def apply(self, address, files=None, client=None, **changes):
        client = client or self.client()
        form = self.form_of(client)
        response = client.post(form.action, {"form_key": form.get("form_key"), **self.fields(address, **changes)},
                               files=files or {})
        return client, form.get("form_key"), response

    def application_id(self, email):
        rows = self.sql(f"SELECT id FROM applications WHERE email = '{email}' ORDER BY id")
        return [int(row[0]) for row in rows]

    def personal_link(self, email):
        text = message_text(self.mail_to(email, "/application/"))
        return "/application/" + LINK.search(text).group(1)

    # -- the form

    def test_an_application_with_a_cv_is_received_and_mailed(self):
        cv = documents.pdf("Bodil Testesen, cand.polit.")
        client, key, response = self.apply("bodil@example.test", {"cv_file": ("CV Bodil.pdf", cv, "application/pdf")})
        self.assertStatus(response, 303)
        receipt = client.follow(response)
        self.assertStatus(receipt, 200)
        [application] = self.application_id("bodil@example.test")
        self.assertIn(f"-{application:06d}", receipt.visible_text)
        self.assertIn("bodil@example.test", receipt.visible_text)
        mail = message_text(self.mail_to("bodil@example.test", "/application/"))
        self.assertIn(f"{application:06d}", mail)
        row = self.sql(f"SELECT status, channel, on_time, knocked_out FROM applications WHERE id = {application}")[0]
        self.assertEqual([str(value) for value in row], ["received", "online", "1", "0"])
        files = self.sql(f"SELECT filename, media_type, size FROM application_attachments "
                         f"WHERE application_id = {application}")
        self.assertEqual([(f[0], f[1], int(f[2])) for f in files], [("CV Bodil.pdf", "application/pdf", len(cv))])

    def test_the_audit_trail_holds_no_personal_data_of_the_applicant(self):
        self.apply("cecilie@example.test", full_name="Cecilie Hemmeligsen",
                   files={"cv_file": ("Cecilie.pdf", documents.pdf("x"), "application/pdf")})
        [application] = self.application_id("cecilie@example.test")
        events = self.sql(f"SELECT action, before_json, after_json FROM audit_events "
                          f"WHERE object_type = 'application' AND object_id = '{application}'")
        self.assertEqual([event[0] for event in events], ["application.received"])
        whole = " ".join(str(cell) for row in self.sql("SELECT * FROM audit_events") for cell in row)
        for secret in ("Cecilie", "Hemmeligsen", "cecilie@example.test", "Cecilie.pdf", "kan lide tal"):
            self.assertNotIn(secret, whole)

    def test_stored_bytes_are_encrypted(self):
        marker = "Gennemsigtighedsmarkør 4711"
        text = ("Linje med indhold. " * 2000 + marker).encode("utf-8")
        self.apply("dorte@example.test", {"cv_file": ("cv.txt", text, "text/plain")})
        [application] = self.application_id("dorte@example.test")
        if self.server.database_url.startswith("sqlite:"):
            rows = self.sql(f"SELECT hex(data) FROM attachment_chunks c JOIN application_attachments a "
                            f"ON a.id = c.attachment_id WHERE a.application_id = {application}")
        else:
            rows = self.sql(f"SELECT encode(data, 'hex') FROM attachment_chunks c JOIN application_attachments a "
                            f"ON a.id = c.attachment_id WHERE a.application_id = {application}")
        stored = b"".join(bytes.fromhex(row[0]) for row in rows)
        self.assertGreater(len(stored), len(text))
        self.assertNotIn(marker.encode("utf-8"), stored)
        self.assertNotIn(b"Linje med indhold", stored)

    def test_errors_keep_what_was_typed_and_the_files_sent(self):
        client = self.client()
        form = self.form_of(client)
        cv = documents.pdf("Erik")
        response = client.post(form.action, {"form_key": form.get("form_key"),
                                             **self.fields("erik@example.test", full_name="", consent_processing=None)},
                               files={"cv_file": ("Erik CV.pdf", cv, "application/pdf")})
        self.assertStatus(response, 400)
        self.assertIn('href="#full_name"', response.text)
        self.assertIn('href="#consent_processing"', response.text)
        again = response.form(action=form.action)
        self.assertEqual(again.get("email"), "erik@example.test")
        self.assertIn("Erik CV.pdf", response.visible_text)
        self.assertEqual(self.application_id("erik@example.test"), [])
        values = {name: value for name, value in again.values().items() if name != "remove_held"}
        values.update(full_name="Erik Eriksen", consent_processing="1", send="1")
        done = client.post(form.action, values)
        self.assertStatus(done, 303)
        [application] = self.application_id("erik@example.test")
        names = self.sql(f"SELECT filename FROM application_attachments WHERE application_id = {application}")
        self.assertEqual([row[0] for row in names], ["Erik CV.pdf"])

    def test_a_held_file_can_be_removed(self):
        client = self.client()
        form = self.form_of(client)
        response = client.post(form.action, {"form_key": form.get("form_key"),
                                             **self.fields("frida@example.test", full_name="")},
                               files={"other_files": ("Eksamensbevis.pdf", documents.pdf("7"), "application/pdf")})
        self.assertStatus(response, 400)
        handle = response.form(action=form.action).get("held")
        self.assertTrue(handle)
        removed = client.post(form.action, {"form_key": form.get("form_key"), "remove_held": handle,
                                            **self.fields("frida@example.test")})
        self.assertStatus(removed, 200)
        self.assertNotIn("Eksamensbevis.pdf", removed.visible_text)

    def test_a_double_submit_gives_one_application(self):
        client = self.client()
        form = self.form_of(client)
        values = {"form_key": form.get("form_key"), **self.fields("gustav@example.test")}
        first = client.post(form.action, values)
        second = client.post(form.action, values)
        self.assertStatus(first, 303)
        self.assertStatus(second, 303)
        self.assertEqual(first.location, second.location)
        self.assertEqual(len(self.application_id("gustav@example.test")), 1)

    def test_simultaneous_submits_with_one_form_key_give_one_application(self):
        # Submissions to one case are stored side by side; the same form sent several times at once
        # (a double click on a slow line) still makes one application, and every answer is its receipt.
        client = self.client()
        form = self.form_of(client)
        values = {"form_key": form.get("form_key"), **self.fields("greta@example.test")}
        with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
            responses = list(pool.map(lambda _: client.post(form.action, values), range(6)))
        for response in responses:
            self.assertStatus(response, 303)
        self.assertEqual(len({response.location for response in responses}), 1)
        self.assertEqual(len(self.application_id("greta@example.test")), 1)

    def test_knockout_answer_is_recorded(self):
        self.apply("hans@example.test", **{f"q{self.question}": "Nej"})
        [application] = self.application_id("hans@example.test")
        self.assertEqual(str(self.sql(f"SELECT knocked_out FROM applications WHERE id = {application}")[0][0]), "1")

    def test_hostile_input_is_refused_and_changes_nothing(self):
        before = self.count("SELECT COUNT(*) FROM applications")
        cases = [
            {"email": "ikke-en-adresse"},
            {"email": "a@example.test\r\nBcc: x@example.test"},
            {"full_name": "x" * 201},
            {"full_name": "Linje\nskift"},
            {"cover_letter": "x" * 20001},
            {f"q{self.question}": "Måske"},
            {f"q{self.question}": None},
            {"phone": "<script>"},
        ]
        for changes in cases:
            with self.subTest(changes=str(changes)[:60]):
                _, _, response = self.apply("ivan@example.test", **changes)
                self.assertStatus(response, 400)
                self.assertIn("error-summary", response.text)
        self.assertEqual(self.count("SELECT COUNT(*) FROM applications"), before)

    def test_files_are_judged_by_their_content(self):
        refused = {
            "renamed program": ("cv.pdf", documents.executable(), "application/pdf"),
            "macro document": ("ansøgning.docx", documents.docx(macro=True), "application/octet-stream"),
            "encrypted pdf": ("cv.pdf", documents.encrypted_pdf(), "application/pdf"),
            "empty file": ("cv.pdf", b"", "application/pdf"),
            "pdf named docx": ("cv.docx", documents.pdf(), "application/pdf"),
            "zip appended to a pdf": ("cv.pdf", documents.pdf() + documents.docx(), "application/pdf"),
        }
        before = self.count("SELECT COUNT(*) FROM applications")
        for name, spec in refused.items():
            with self.subTest(name):
                _, _, response = self.apply("jens@example.test", {"cv_file": spec})
                self.assertStatus(response, 400)
                self.assertIn('href="#cv_file"', response.text)
                if spec[1]:
                    self.assertIn(spec[0], response.visible_text)
        self.assertEqual(self.count("SELECT COUNT(*) FROM applications"), before)
        accepted = self.apply("jens@example.test", {"cv_file": ("cv.docx", documents.docx(), "application/octet-stream")})
        self.assertStatus(accepted[2], 303)

    # -- the deadline

    def set_deadline(self, at):
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {at} WHERE id = {self.case_id}")

    def test_the_deadline_is_exact(self):
        try:
            self.set_deadline(int(time.time()) + 4)
            _, _, before = self.apply("karin@example.test")
            self.assertStatus(before, 303)
            self.assertIn(f"/positions/{self.case_id}/apply", self.client().get(f"/positions/{self.case_id}").text)
            client = self.client()
            form = self.form_of(client)
            while time.time() < int(self.sql(f"SELECT application_deadline FROM recruitment_cases "
                                             f"WHERE id = {self.case_id}")[0][0]) + 1:
                time.sleep(0.2)
            late = client.post(form.action, {"form_key": form.get("form_key"), **self.fields("lars@example.test")})
            self.assertStatus(late, 409)
            self.assertEqual(self.application_id("lars@example.test"), [])
            ad = self.client().get(f"/positions/{self.case_id}")
            self.assertNotIn(f'href="/positions/{self.case_id}/apply"', ad.text)
        finally:
            self.set_deadline(self.deadline)

    # -- HR, the committee and the access log

    def test_hr_reads_and_downloads_with_an_access_log(self):
        cv = documents.pdf("Mona Mortensen") + b"\0\1\2\3"
        self.apply("mona@example.test", {"cv_file": ("Mona æøå.pdf", cv, "application/pdf")})
        [application] = self.application_id("mona@example.test")
        attachment = int(self.sql(f"SELECT id FROM application_attachments WHERE application_id = {application}")[0][0])
        pia = signed_in(self.server, PROJEKTLEDER, totp=False)
        declare_no_conflicts(pia, self.case_id)
        case_page = pia.get(f"/cases/{self.case_id}")
        self.assertIn("/applications", case_page.text)
        listing = pia.get(f"/cases/{self.case_id}/applications")
        self.assertStatus(listing, 200)
        self.assertIn("Bodil Testesen", listing.visible_text)
        view = pia.get(f"/cases/{self.case_id}/applications/{application}")
        self.assertStatus(view, 200)
        self.assertIn("mona@example.test", view.visible_text)
        download = pia.get(f"/cases/{self.case_id}/applications/{application}/attachments/{attachment}")
        self.assertStatus(download, 200)
        self.assertEqual(hashlib.sha256(download.body).hexdigest(), hashlib.sha256(cv).hexdigest())
        self.assertIn("attachment;", download.header("Content-Disposition"))
        self.assertIn("UTF-8''Mona%20%C3%A6%C3%B8%C3%A5.pdf", download.header("Content-Disposition"))
        log = self.sql(f"SELECT action, attachment_id FROM access_log WHERE application_id = {application} "
                       f"AND user_id IS NOT NULL ORDER BY id")
        self.assertEqual([row[0] for row in log], ["view", "download"])
        self.assertEqual(int(log[1][1]), attachment)

    def test_others_do_not_see_applications(self):
        self.apply("nora@example.test")
        [application] = self.application_id("nora@example.test")
        jens = signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False)
        for path in (f"/cases/{self.case_id}/applications", f"/cases/{self.case_id}/applications/{application}"):
            self.assertStatus(jens.get(path), 404)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM access_log WHERE application_id = {application}"), 0)

    def test_a_destroyed_key_makes_the_files_unreadable(self):
        self.apply("ole@example.test", {"cv_file": ("cv.pdf", documents.pdf("Ole"), "application/pdf")})
        [application] = self.application_id("ole@example.test")
        attachment = int(self.sql(f"SELECT id FROM application_attachments WHERE application_id = {application}")[0][0])
        self.sql(f"DELETE FROM application_keys WHERE application_id = {application}")
        pia = signed_in(self.server, ADMINISTRATOR)
        download = pia.get(f"/cases/{self.case_id}/applications/{application}/attachments/{attachment}")
        self.assertStatus(download, 404)

    def test_hr_registers_a_late_paper_application(self):
        pia = signed_in(self.server, PROJEKTLEDER, totp=False)
        page = pia.get(f"/cases/{self.case_id}/applications/new")
        self.assertStatus(page, 200)
        form = page.form(action=f"/cases/{self.case_id}/applications/new")
        self.addCleanup(self.set_deadline, self.deadline)
        self.set_deadline(int(time.time()) - 3 * 86400)
        late = time.strftime("%Y-%m-%d", time.gmtime())
        response = pia.post(form.action, {"form_key": form.get("form_key"), "channel": "paper",
                                          "received_date": late, "received_time": "00:01",
                                          **self.fields("papir@example.test", consent_processing=None)},
                            files={"cv_file": ("scannet.pdf", documents.pdf("Papir"), "application/pdf")})
        self.assertStatus(response, 303)
        row = self.sql("SELECT channel, on_time, registered_by FROM applications WHERE email = 'papir@example.test'")[0]
        self.assertEqual((row[0], str(row[1])), ("paper", "0"))
        self.assertTrue(row[2])
        declare_no_conflicts(pia, self.case_id)
        listing = pia.follow(response)
        self.assertIn("After the deadline" if "lang=en" in listing.text else "Efter fristen", listing.visible_text)
        dennis = signed_in(self.server, DELTAGER, totp=False)
        self.assertIn(dennis.get(f"/cases/{self.case_id}/applications/new").status, (403, 404))

    # -- the applicant's own pages

    def test_the_applicant_follows_the_link_and_withdraws(self):
        self.apply("petra@example.test", {"cv_file": ("Petra.pdf", documents.pdf("Petra"), "application/pdf")})
        link = self.personal_link("petra@example.test")
        applicant = self.client()
        own = applicant.get(link)
        self.assertStatus(own, 200)
        self.assertIn("Petra.pdf", own.visible_text)
        withdrawn = applicant.submit(own.form(action=link + "/withdraw"))
        self.assertStatus(withdrawn, 303)
        [application] = self.application_id("petra@example.test")
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {application}")[0][0], "withdrawn")
        again = applicant.get(link)
        self.assertNotIn(link + "/withdraw", again.text)
        actions = [row[0] for row in self.sql(f"SELECT action FROM access_log WHERE application_id = {application} "
                                              "ORDER BY id")]
        self.assertEqual(actions, ["applicant_view", "applicant_withdraw", "applicant_view"])

    def test_an_expired_link_is_not_found_and_a_new_one_can_be_asked_for(self):
        self.apply("rikke@example.test")
        link = self.personal_link("rikke@example.test")
        [application] = self.application_id("rikke@example.test")
        self.sql(f"UPDATE application_links SET expires_at = {int(time.time()) - 1} WHERE application_id = {application}")
        self.assertStatus(self.client().get(link), 404)
        self.smtp.clear()
        client = self.client()
        asked = client.post("/application", {"email": "Rikke@Example.test"})
        self.assertStatus(asked, 303)
        fresh = self.personal_link("rikke@example.test")
        self.assertNotEqual(fresh, link)
        self.assertStatus(self.client().get(fresh), 200)
        unknown = client.post("/application", {"email": "ingen@example.test"})
        self.assertEqual(unknown.location, asked.location)

    def test_the_applicant_downloads_only_own_files(self):
        self.apply("sara@example.test", {"cv_file": ("Sara.pdf", documents.pdf("Sara"), "application/pdf")})
        self.apply("tine@example.test", {"cv_file": ("Tine.pdf", documents.pdf("Tine"), "application/pdf")})
        link = self.personal_link("sara@example.test")
        [tine] = self.application_id("tine@example.test")
        other = int(self.sql(f"SELECT id FROM application_attachments WHERE application_id = {tine}")[0][0])
        self.assertStatus(self.client().get(f"{link}/attachments/{other}"), 404)
        [sara] = self.application_id("sara@example.test")
        own = int(self.sql(f"SELECT id FROM application_attachments WHERE application_id = {sara}")[0][0])
        self.assertStatus(self.client().get(f"{link}/attachments/{own}"), 200)

    def test_the_applicant_changes_the_application_before_the_deadline(self):
        self.apply("ulla@example.test", {"cv_file": ("gammelt CV.pdf", documents.pdf("Gammel"), "application/pdf")})
        link = self.personal_link("ulla@example.test")
        applicant = self.client()
        own = applicant.get(link)
        changed = applicant.submit(own.form(action=link + "/content"),
                                   {"cover_letter": "Ny og bedre ansøgning", f"q{self.question}": "Nej"})
        self.assertStatus(changed, 303)
        new_cv = documents.pdf("Nyt") + b"%ny"
        replaced = applicant.post(link + "/files", {"kind": "cv"},
                                  files={"replacement": ("nyt CV.pdf", new_cv, "application/pdf")})
        self.assertStatus(replaced, 303)
        refused = applicant.post(link + "/files", {"kind": "other"},
                                 files={"replacement": ("program.pdf", documents.executable(), "application/pdf")})
        self.assertStatus(refused, 400)
        self.assertIn("program.pdf", refused.visible_text)
        [application] = self.application_id("ulla@example.test")
        row = self.sql(f"SELECT cover_letter, knocked_out FROM applications WHERE id = {application}")[0]
        self.assertEqual((row[0], str(row[1])), ("Ny og bedre ansøgning", "1"))
        files = self.sql(f"SELECT filename, size FROM application_attachments WHERE application_id = {application}")
        self.assertEqual([(f[0], int(f[1])) for f in files], [("nyt CV.pdf", len(new_cv))])
        try:
            self.set_deadline(int(time.time()) - 1)
            late = applicant.post(link + "/content", {"cover_letter": "For sent", f"q{self.question}": "Ja"})
            self.assertStatus(late, 409)
        finally:
            self.set_deadline(self.deadline)

    def test_the_applicant_downloads_all_and_only_their_data(self):
        cv = documents.pdf("Vera") + b"\0bin\xe6r"
        self.apply("vera@example.test", {"cv_file": ("Vera CV.pdf", cv, "application/pdf")}, full_name="Vera Vestergaard")
        self.apply("walter@example.test", {"cv_file": ("Walter.pdf", documents.pdf("W"), "application/pdf")},
                   full_name="Walter Wulff")
        link = self.personal_link("vera@example.test")
        export = self.client().get(link + "/export")
        self.assertStatus(export, 200)
        self.assertIn("attachment;", export.header("Content-Disposition"))
        import io
        import json
        import zipfile
        archive = zipfile.ZipFile(io.BytesIO(export.body))
        names = archive.namelist()
        self.assertEqual(names[0], "application.json")
        summary = json.loads(archive.read("application.json"))
        self.assertEqual((summary["full_name"], summary["email"]), ("Vera Vestergaard", "vera@example.test"))
        self.assertEqual([f["name"] for f in summary["files"]], ["Vera CV.pdf"])
        self.assertEqual(summary["answers"], [{"question": "Har du en relevant uddannelse?", "answer": "Ja"}])
        [stored] = [name for name in names if name.startswith("files/")]
        self.assertEqual(archive.read(stored), cv)
        whole = b"".join(archive.read(name) for name in names)
        self.assertNotIn(b"Walter", whole)
        [vera] = self.application_id("vera@example.test")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM access_log WHERE application_id = {vera} "
                                    "AND action = 'applicant_export'"), 1)

    def test_search_finds_stemmed_words_in_attachments_within_what_the_user_may_see(self):
        self.apply("xenia@example.test", {"cv_file": ("cv.pdf", documents.pdf("Erfaren sagsbehandleren i Zanzibarkontoret"),
                                                      "application/pdf")}, full_name="Xenia Xylofon")
        [application] = self.application_id("xenia@example.test")
        deadline = time.time() + 30
        while self.sql(f"SELECT text_status FROM application_attachments WHERE application_id = {application}")[0][0] \
                == "pending" and time.time() < deadline:
            time.sleep(0.5)
        pia = signed_in(self.server, PROJEKTLEDER, totp=False)
        declare_no_conflicts(pia, self.case_id)
        found = pia.get(f"/cases/{self.case_id}/applications?q=sagsbehandler+zanzibarkontoret")
        self.assertStatus(found, 200)
        self.assertIn(f"/applications/{application}", found.text)
        self.assertIn("<mark>", found.text)
        anders = signed_in(self.server, ADMINISTRATOR)
        self.assertIn(f"/applications/{application}", anders.get("/applications/search?q=Xylofon").text)
        self.assertStatus(pia.get("/applications/search?q=Xylofon"), 404)
        jens = signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False)
        self.assertStatus(jens.get(f"/cases/{self.case_id}/applications?q=Xylofon"), 404)
        csv = anders.get(f"/audit/access.csv?application={application}")
        self.assertStatus(csv, 200)
        self.assertIn("text/csv", csv.content_type)


class UploadLimitsTest(ServerTestCase):
    """Oversize uploads are refused without the server holding them in memory."""
    seed_demo = True
    # AddressSanitizer keeps freed memory in quarantine, which would count as growth; without it the
    # measurement shows what the server holds.
    server_env = {"REKRUT_APPLICATIONS_MAX_FILE_BYTES": str(1024 * 1024),
                  "REKRUT_APPLICATIONS_MAX_APPLICATION_BYTES": str(8 * 1024 * 1024),
                  "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=1:quarantine_size_mb=0:thread_local_quarantine_size_kb=0"}

    def rss_kib(self):
        with open(f"/proc/{self.server.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def test_a_body_over_the_route_limit_is_refused_unread(self):
        case_id = int(execute_sql(self.server.database_url, "SELECT id FROM recruitment_cases WHERE title = "
                                  "'Fuldmægtig til økonomienheden'")[0][0])
        client = self.client()
        client.csrf_token()
        cookies = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        # 8 MiB of files and 1 MiB of form: a body of 10 MiB is refused before it is sent.
        head = (f"POST /positions/{case_id}/apply HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookies}\r\n"
                f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {10 * 1024 * 1024}\r\n"
                f"Connection: close\r\n\r\n").encode()
        self.assertEqual(raw_status(client.raw(head)), 413)
        # Within the route's limit the upload is read; a file over its own limit is refused by name.
        form = client.get(f"/positions/{case_id}/apply").form(action=f"/positions/{case_id}/apply")
        response = client.post(form.action, {"form_key": form.get("form_key")},
                               files={"cv_file": ("cv.pdf", b"%PDF-1.4\n" + os.urandom(2 * 1024 * 1024))})
        self.assertStatus(response, 400)

    def test_oversize_files_do_not_grow_the_server(self):
        case_id = int(execute_sql(self.server.database_url, "SELECT id FROM recruitment_cases WHERE title = "
                                  "'Fuldmægtig til økonomienheden'")[0][0])
        client = self.client()
        form = client.get(f"/positions/{case_id}/apply").form(action=f"/positions/{case_id}/apply")
        client.post(form.action, {"form_key": form.get("form_key")}, files={"cv_file": ("cv.txt", "warm-up")})
        applications = int(execute_sql(self.server.database_url, "SELECT COUNT(*) FROM applications")[0][0])
        before = self.rss_kib()
        for _ in range(6):
            big = b"Tekst " * (1024 * 1024)  # 6 MiB, over the 1 MiB per file
            response = client.post(form.action, {"form_key": form.get("form_key")},
                                   files={"cv_file": ("cv.txt", big, "text/plain")})
            self.assertStatus(response, 400)
            self.assertIn("cv.txt", response.visible_text)
        grown = self.rss_kib() - before
        self.assertLess(grown, 24 * 1024, f"RSS grew by {grown} KiB for 36 MiB of refused uploads")
        self.assertEqual(int(execute_sql(self.server.database_url, "SELECT COUNT(*) FROM applications")[0][0]),
                         applications)


if __name__ == "__main__":
    unittest.main()
