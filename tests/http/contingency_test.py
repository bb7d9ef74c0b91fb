"""The contingency drill (service description section 7, docs/contingency.md) against the real binary:
an Administrator exports the institution's active cases as an AES-encrypted ZIP under a passphrase
of their own, the drill opens it with 7-Zip and reads each case's PDF (pdftotext) and CSV. Hostile
cases: short, missing and mismatched passphrases, a Projektleder, users and an operator without
access to the institution. The audit event carries counts only. The same tests run on SQLite and
PostgreSQL (REKRUT_TEST_DATABASE)."""

import csv
import datetime
import io
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_ADMINISTRATOR, AKADEMIET_PROJEKTLEDER,
                      AKADEMIET_SUPERBRUGER, OPERATOR, PROJEKTLEDER, STYRELSEN, SUPERBRUGER, login, signed_in)
from harness import ServerTestCase, execute_sql

PASSPHRASE = "Kaffe-og-kage-i-kaelderen-2026"
ASSESSED_CASE = "Jurist til tilsynsenheden"  # in assessment, with David Dahl and Emma Eskildsen


def pdf_text(data: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it."""
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def open_bundle(data: bytes, passphrase: str) -> dict:
    """The files of the bundle by name, as 7-Zip extracts them with `passphrase` (raises on failure)."""
    folder = tempfile.mkdtemp(prefix="rekrut-contingency-")
    try:
        archive = os.path.join(folder, "bundle.zip")
        with open(archive, "wb") as out:
            out.write(data)
        target = os.path.join(folder, "out")
        result = subprocess.run(["7z", "x", "-y", f"-p{passphrase}", f"-o{target}", archive],
                                capture_output=True, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise ValueError(f"7z refused the bundle ({result.returncode})")
        files = {}
        for name in os.listdir(target):
            with open(os.path.join(target, name), "rb") as source:
                files[name] = source.read()
        return files
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class ContingencyTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.styrelsen = cls.institution_id(STYRELSEN)
        cls.akademiet = cls.institution_id(AKADEMIET)
        cls.admin = signed_in(cls.server, ADMINISTRATOR)
        cls.operator = signed_in(cls.server, OPERATOR)  # one login: a TOTP step works only once
        cls.arrange_interview()

    @classmethod
    def arrange_interview(cls):
        """A round of two slots in the assessed case, David Dahl booked into the first."""
        case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{ASSESSED_CASE}'")[0][0])
        base = f"/cases/{case_id}/interviews"
        response = cls.admin.post(base, {"name": "Første samtalerunde", "default_place": "Mødelokale 3",
                                         "cutoff_hours": "24"})
        assert response.status == 303, response.visible_text[:800]
        round_id = int(response.location.rstrip("/").split("/")[-1])
        day = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        response = cls.admin.post(f"{base}/{round_id}/slots", [
            ("date", day), ("start_time", "09:00"), ("count", "2"), ("minutes", "45"), ("pause_minutes", "0"),
            ("place", "")])
        assert response.status == 303, response.visible_text[:800]
        david = cls.sql("SELECT id FROM applications WHERE full_name = 'David Dahl'")[0][0]
        response = cls.admin.post(f"{base}/{round_id}/invite", [("application_id", str(david))])
        assert response.status == 303, response.visible_text[:800]
        slot = cls.sql(f"SELECT id FROM interview_slots WHERE round_id = {round_id} ORDER BY starts_at, id")[0][0]
        response = cls.admin.post(f"{base}/{round_id}/assign", {"application_id": str(david), "slot_id": str(slot)})
        assert response.status == 303, response.visible_text[:800]

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def institution_id(cls, name):
        return int(cls.sql(f"SELECT id FROM institutions WHERE name = '{name}'")[0][0])

    def active_cases(self, institution_id):
        return {int(row[0]): row[1] for row in self.sql(
            f"SELECT id, title FROM recruitment_cases WHERE institution_id = {institution_id} AND closed_at IS NULL")}

    def exports(self):
        return self.server.audit_events(action="contingency.exported")

    def export(self, client, passphrase=PASSPHRASE, repeated=None):
        return client.post("/contingency", {"passphrase": passphrase,
                                            "passphrase_repeat": passphrase if repeated is None else repeated})

    def assertBundle(self, response):
        self.assertStatus(response, 200)
        self.assertEqual(response.content_type, "application/zip")
        self.assertIn("attachment", response.header("Content-Disposition", ""))
        self.assertEqual(response.header("Cache-Control"), "no-store")

    def test_the_drill(self):
        self.assertIn('href="/contingency"', self.admin.get("/home").text)
        page = self.admin.get("/contingency")
        self.assertStatus(page, 200)
        self.assertIn("Nødplanspakke", page.text)
        self.assertIn('name="passphrase_repeat"', page.text)
        before = len(self.exports())

        self.sql("UPDATE applications SET address = '=HYPERLINK(\"http://evil.example.test\")',"
                 " postal_code = '1000', city = 'København K' WHERE full_name = 'Emma Eskildsen'")
        response = self.export(self.admin)
        self.assertBundle(response)
        self.assertNotIn(PASSPHRASE.encode(), response.body)
        # Every entry is encrypted with AES (WinZip AE: compression method 99); zipfile lists the names
        # but cannot read them.
        with zipfile.ZipFile(io.BytesIO(response.body)) as archive:
            for info in archive.infolist():
                self.assertTrue(info.flag_bits & 0x1, f"{info.filename} is not encrypted")
                self.assertEqual(info.compress_type, 99, info.filename)
        with self.assertRaises(ValueError):
            open_bundle(response.body, "Forkert-adgangsfrase-1234")

        files = open_bundle(response.body, PASSPHRASE)
        cases = self.active_cases(self.styrelsen)
        self.assertTrue(cases)
        expected = {f"sag-{case_id}.{kind}" for case_id in cases for kind in ("pdf", "csv")}
        self.assertEqual(set(files), expected)
        for case_id in self.active_cases(self.akademiet):
            self.assertNotIn(f"sag-{case_id}.pdf", files)

        case_id = next(case_id for case_id, title in cases.items() if title == ASSESSED_CASE)
        david_email, david_phone = self.sql("SELECT email, phone FROM applications WHERE full_name = 'David Dahl'")[0]
        text = pdf_text(files[f"sag-{case_id}.pdf"])
        for expected_text in (ASSESSED_CASE, f"Sagsnr. {case_id}", STYRELSEN, "Ansøgere", "David Dahl",
                              "Emma Eskildsen", david_email, "Ansættelsesudvalg", "Frister", "Samtaler"):
            self.assertIn(expected_text, text)
        rows = list(csv.reader(io.StringIO(files[f"sag-{case_id}.csv"].decode("utf-8"))))
        self.assertIn(["Fakta", "Stilling", ASSESSED_CASE], rows)
        applicants = [row for row in rows if row[0] == "Ansøgere"]
        self.assertEqual(applicants[0][:4], ["Ansøgere", "Reference", "Navn", "Status"])  # the column names
        interviews = [row for row in rows if row[0] == "Samtaler"]
        self.assertEqual(len(interviews), 3)  # the column names and two slots
        booked = next(row for row in interviews if row[6] == "David Dahl")
        self.assertEqual((booked[1], booked[3], booked[4]), ("Første samtalerunde", "45", "Mødelokale 3"))
        self.assertIn("kl. 09.00", booked[2])
        self.assertIn("Ledig", [row[6] for row in interviews])
        self.assertIn(["Frister", "Sidste ændring af en booking", "Første samtalerunde: 24 timer før samtalen"], rows)
        self.assertIn("Første samtalerunde", text)
        self.assertNotIn("{{", text)  # the ad's placeholders are filled in
        david = next(row for row in applicants if row[2] == "David Dahl")
        self.assertEqual(david[3], "Under vurdering")
        self.assertEqual(david[4], david_email)
        # A cell a spreadsheet would read as a formula ("+45 ...", "=HYPERLINK(...)") starts with an apostrophe.
        self.assertEqual(david[5], "'" + david_phone if david_phone[:1] in "+=-@" else david_phone)
        emma = next(row for row in applicants if row[2] == "Emma Eskildsen")
        self.assertEqual(emma[6], "'=HYPERLINK(\"http://evil.example.test\"), 1000 København K")

        # Audited with counts only: no passphrase, no names, no contact data.
        events = self.exports()
        self.assertEqual(len(events), before + 1)
        event = events[-1]
        self.assertEqual(event["object_type"], "institution")
        self.assertEqual(event["object_id"], str(self.styrelsen))
        self.assertEqual(event["after"], {"cases": str(len(cases)), "applications": event["after"]["applications"],
                                          "bytes": str(len(response.body))})
        total = self.sql(f"SELECT COUNT(*) FROM applications a JOIN recruitment_cases c ON c.id = a.case_id"
                         f" WHERE c.institution_id = {self.styrelsen} AND c.closed_at IS NULL")[0][0]
        self.assertEqual(event["after"]["applications"], str(total))
        flat = repr(event)
        for secret in (PASSPHRASE, "David Dahl", david_email):
            self.assertNotIn(secret, flat)
        self.assertNotIn(PASSPHRASE, self.server.log())

    def test_a_bad_passphrase_is_refused_with_a_message_and_nothing_is_exported(self):
        before = len(self.exports())
        for passphrase, repeated, message in (
                ("", "", "Vælg en adgangsfrase."),
                ("kort-frase1", "kort-frase1", "Adgangsfrasen skal have mindst 12 tegn."),
                ("æøåæøåæøåæø", "æøåæøåæøåæø", "Adgangsfrasen skal have mindst 12 tegn."),  # 11 characters, 22 bytes
                ("x" * 257, "x" * 257, "Adgangsfrasen er for lang."),
                (PASSPHRASE, PASSPHRASE + "!", "De to adgangsfraser er ikke ens.")):
            response = self.export(self.admin, passphrase, repeated)
            self.assertStatus(response, 400)
            self.assertIn("text/html", response.content_type)
            self.assertIn(message, response.text)
            if passphrase:
                self.assertNotIn(passphrase, response.text)  # never shown again
        self.assertEqual(len(self.exports()), before)

    def test_a_projektleder_and_users_of_another_institution_are_refused(self):
        before = len(self.exports())
        for email in (PROJEKTLEDER, AKADEMIET_PROJEKTLEDER):
            client = signed_in(self.server, email, totp=False)
            self.assertNotIn('href="/contingency"', client.get("/home").text)
            self.assertStatus(client.get("/contingency"), 404)
            self.assertStatus(self.export(client), 404)
        # The operator without access to the institution finds nothing either.
        operator = self.operator
        self.assertStatus(operator.get("/contingency"), 404)
        self.assertStatus(self.export(operator), 404)
        self.assertEqual(len(self.exports()), before)

    def test_each_institution_exports_only_its_own_cases(self):
        # A Superbruger may export too; the Administrator of another institution gets only theirs.
        self.assertBundle(self.export(signed_in(self.server, SUPERBRUGER)))
        response = self.export(signed_in(self.server, AKADEMIET_ADMINISTRATOR))
        self.assertBundle(response)
        files = open_bundle(response.body, PASSPHRASE)
        expected = {f"sag-{case_id}.{kind}" for case_id in self.active_cases(self.akademiet) for kind in ("pdf", "csv")}
        self.assertEqual(set(files), expected)
        for title in self.active_cases(self.styrelsen).values():
            for content in files.values():
                self.assertNotIn(title.encode(), content)
        self.assertEqual(self.exports()[-1]["object_id"], str(self.akademiet))

    def test_the_operator_exports_while_holding_access_to_the_institution(self):
        operator = self.operator
        granted = operator.post("/operator/access", {"institution_id": str(self.styrelsen), "hours": "1",
                                                     "reason": "Beredskabsøvelse: nødplanspakke"})
        self.assertStatus(granted, 303)
        try:
            self.assertStatus(operator.get("/contingency"), 200)
            self.assertBundle(self.export(operator))
            event = self.exports()[-1]
            self.assertEqual(event["object_id"], str(self.styrelsen))
        finally:
            self.assertStatus(operator.post("/operator/access/end", {}), 303)
        self.assertStatus(self.export(operator), 404)


class ContingencyLimitTest(ServerTestCase):
    """On a server of its own: the bundle's bound on active cases, and the messages in English."""
    seed_demo = True

    def test_more_active_cases_than_a_bundle_holds_are_refused_with_the_limit(self):
        institution = int(execute_sql(self.server.database_url,
                                      f"SELECT id FROM institutions WHERE name = '{AKADEMIET}'")[0][0])
        execute_sql(self.server.database_url,
                    "INSERT INTO recruitment_cases (institution_id, title, created_at)"
                    " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                    f" SELECT {institution}, 'Masseopslag ' || i, 0 FROM n")
        client = self.client(headers={"Accept-Language": "en"})
        login(client, AKADEMIET_ADMINISTRATOR)
        response = client.post("/contingency", {"passphrase": PASSPHRASE, "passphrase_repeat": PASSPHRASE})
        self.assertStatus(response, 409)
        self.assertIn("The institution has more than 200 active cases", response.text)
        self.assertIn("text/html", response.content_type)
        short = client.post("/contingency", {"passphrase": "short", "passphrase_repeat": "short"})
        self.assertStatus(short, 400)
        self.assertIn("The passphrase must have at least 12 characters.", short.text)
        danish = signed_in(self.server, AKADEMIET_SUPERBRUGER)
        response = danish.post("/contingency", {"passphrase": PASSPHRASE, "passphrase_repeat": PASSPHRASE})
        self.assertStatus(response, 409)
        self.assertIn("Institutionen har mere end 200 aktive sager", response.text)
        self.assertEqual(self.server.audit_events(action="contingency.exported"), [])


if __name__ == "__main__":
    unittest.main()
