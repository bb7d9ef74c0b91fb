"""Crash safety of online applications: applicants submit applications with files concurrently, the
server is killed with SIGKILL in the middle of the load and started again on the same database.
Every application the server acknowledged (303 to its receipt) must be there exactly once with all
its files, byte for byte as sent, and nothing half-stored may remain: no application without its
data key, no file with missing chunks, no file or chunk without its owner. A submission cut off by
the kill may be there or not, but only whole; sent again with the same form key it gives exactly
one application."""

import hashlib
import http.client
import os
import random
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import documents
from accounts import ADMINISTRATOR, signed_in
from harness import ServerTestCase, execute_sql

CASE_TITLE = "Fuldmægtig til økonomienheden"
THREADS = 8
# The load runs at least this long before the kill, and until this many applications were
# acknowledged (so the kill always falls on a server that has stored some and is storing more).
LOAD_SECONDS = 2.5
MINIMUM_ACKNOWLEDGED = 8
# A guard against a server that makes no progress at all: the test fails instead of hanging.
GIVE_UP_SECONDS = 30.0


def padded_pdf(text, size):
    """A valid PDF showing `text`, padded to about `size` bytes with comment lines of random hex
    after %%EOF (readers ignore them; the file rules see a PDF and nothing embedded)."""
    out = bytearray(documents.pdf(text))
    while len(out) < size:
        out += b"% " + os.urandom(48).hex().encode("ascii") + b"\n"
    return bytes(out)


def random_text(size):
    """Plain UTF-8 text of about `size` bytes, random content in lines of words."""
    lines = []
    length = 0
    while length < size:
        line = " ".join(os.urandom(6).hex() for _ in range(10)) + "\n"
        lines.append(line)
        length += len(line)
    return "".join(lines).encode("ascii")


class Submission:
    """One POST of the form: what was sent and what came back."""

    def __init__(self, client, email, form_key, fields, files):
        self.client = client
        self.email = email
        self.form_key = form_key
        self.fields = fields
        self.files = files  # field name -> (filename, content, media type)
        self.digests = {spec[0]: hashlib.sha256(spec[1]).hexdigest() for spec in files.values()}
        self.status = None  # the HTTP status, or None if the connection failed
        self.location = None
        self.error = None

    @property
    def acknowledged(self):
        return self.status == 303

    def __repr__(self):
        return f"Submission({self.email}, key {self.form_key[:12]}…, status {self.status}, error {self.error!r})"


class CrashSafetyTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{CASE_TITLE}'")[0][0])
        institution = cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0]
        cls.sql(f"INSERT INTO case_questions (institution_id, case_id, text, kind, options, position) VALUES "
                f"({institution}, {cls.case_id}, 'Har du erfaring med regnskab?', 'yes_no', 'Ja\nNej', 9)")
        cls.question = int(cls.sql(f"SELECT MAX(id) FROM case_questions WHERE case_id = {cls.case_id}")[0][0])

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    def setUp(self):
        super().setUp()
        # A test that fails between the kill and the restart leaves a server for tearDownClass to stop.
        self.addCleanup(self.server.start)

    # -- the load

    def new_submission(self, client, worker, number, rng):
        """Fetches a fresh form and prepares a submission with a CV as PDF and, every other time, a
        cover letter as plain text."""
        path = f"/positions/{self.case_id}/apply"
        page = client.get(path)
        if page.status != 200:
            raise AssertionError(f"GET {path} answered {page.status}")
        form_key = page.form(action=path).get("form_key")
        if not form_key:
            raise AssertionError(f"the form of {path} has no form_key")
        email = f"ansoger-{worker}-{number}@example.test"
        fields = {"form_key": form_key, "full_name": f"Ansøger {worker}-{number}", "email": email,
                  "phone": "+45 12 34 56 78", "cover_letter": "Jeg søger stillingen.",
                  "consent_processing": "1", f"q{self.question}": "Ja", "send": "1"}
        files = {"cv_file": (f"CV {worker}-{number}.pdf",
                             padded_pdf(f"CV for ansøger {worker}-{number}", rng.randint(100_000, 500_000)),
                             "application/pdf")}
        if number % 2 == 0:
            files["cover_letter_file"] = (f"Ansøgning {worker}-{number}.txt",
                                          random_text(rng.randint(20_000, 120_000)), "text/plain")
        return Submission(client, email, form_key, fields, files)

    def send(self, submission):
        """Posts a submission and records the answer, or the connection error."""
        try:
            response = submission.client.post(f"/positions/{self.case_id}/apply", submission.fields,
                                              files=submission.files)
            submission.status, submission.location = response.status, response.location
            if response.status != 303:
                submission.error = response.visible_text[:300]
        except (OSError, http.client.HTTPException) as error:
            submission.error = error

    def worker(self, number, stop, submissions, lock, problems):
        """Submits applications one after another until `stop` is set."""
        client = self.client(timeout=60)
        rng = random.Random(number)
        count = 0
        while not stop.is_set():
            count += 1
            try:
                submission = self.new_submission(client, number, count, rng)
            except (OSError, http.client.HTTPException):
                continue  # the server is gone: nothing was posted
            except AssertionError as error:
                with lock:
                    problems.append(str(error))
                return
            with lock:
                submissions.append(submission)
            self.send(submission)

    def load_and_kill(self):
        """Runs the load, kills the server with SIGKILL while it is busy, and returns every submission."""
        stop = threading.Event()
        lock = threading.Lock()
        submissions, problems = [], []
        threads = [threading.Thread(target=self.worker, args=(n, stop, submissions, lock, problems), daemon=True)
                   for n in range(1, THREADS + 1)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        try:
            while True:
                with lock:
                    acknowledged = sum(1 for s in submissions if s.acknowledged)
                    failed = [s for s in submissions if s.status is not None and not s.acknowledged]
                elapsed = time.monotonic() - started
                if problems or failed:
                    break
                if elapsed >= LOAD_SECONDS and acknowledged >= MINIMUM_ACKNOWLEDGED:
                    # A little later, at a random moment, so that runs kill the server in different
                    # steps of the submissions in flight.
                    time.sleep(random.uniform(0.0, 0.6))
                    break
                if elapsed > GIVE_UP_SECONDS:
                    break
                time.sleep(0.05)
            self.server.kill()
        finally:
            stop.set()
            for thread in threads:
                thread.join(90)
        self.assertEqual(problems, [])
        self.assertEqual(failed, [], "before the kill every submission must be acknowledged")
        self.assertGreaterEqual(acknowledged, MINIMUM_ACKNOWLEDGED,
                                f"only {acknowledged} applications acknowledged in {GIVE_UP_SECONDS} s")
        answered = [s for s in submissions if s.status is not None]
        self.assertEqual([s for s in answered if not s.acknowledged], [],
                         "a submission got an answer other than 303")
        for submission in answered:
            self.assertEqual(submission.location,
                             f"/positions/{self.case_id}/apply/receipt/{submission.form_key}")
        return submissions

    # -- the checks

    def rows_for(self, email):
        return self.sql(f"SELECT id, idempotency_key, case_id FROM applications WHERE email = '{email}' ORDER BY id")

    def assert_complete(self, submission, administrator):
        """The application of `submission` is there once, with its answer and every file as sent
        (downloaded by HR and compared by SHA-256)."""
        rows = self.rows_for(submission.email)
        self.assertEqual(len(rows), 1, f"{submission}: {len(rows)} applications")
        application, key, case_id = int(rows[0][0]), rows[0][1], int(rows[0][2])
        self.assertEqual((key, case_id), (submission.form_key, self.case_id), submission)
        self.assertEqual(len(self.sql(f"SELECT 1 FROM application_keys WHERE application_id = {application}")), 1,
                         f"{submission}: no data key")
        answers = self.sql(f"SELECT answer FROM application_answers WHERE application_id = {application} "
                           f"AND question_id = {self.question}")
        self.assertEqual([row[0] for row in answers], ["Ja"], submission)
        stored = self.sql(f"SELECT id, filename, size FROM application_attachments "
                          f"WHERE application_id = {application} ORDER BY id")
        expected = sorted((spec[0], len(spec[1])) for spec in submission.files.values())
        self.assertEqual(sorted((row[1], int(row[2])) for row in stored), expected, submission)
        for attachment, filename, _ in stored:
            download = administrator.get(f"/cases/{self.case_id}/applications/{application}/attachments/{attachment}")
            self.assertStatus(download, 200, f"{submission}: {filename}")
            self.assertEqual(hashlib.sha256(download.body).hexdigest(), submission.digests[filename],
                             f"{submission}: {filename} differs from what was sent")

    def assert_nothing_partial(self):
        """No half-stored application anywhere in the database, the demo's own included."""
        checks = {
            "applications without a data key":
                "SELECT a.id FROM applications a LEFT JOIN application_keys k ON k.application_id = a.id "
                "WHERE k.application_id IS NULL",
            "data keys without an application":
                "SELECT k.application_id FROM application_keys k LEFT JOIN applications a ON a.id = k.application_id "
                "WHERE a.id IS NULL",
            "files whose chunks do not match their chunk count":
                "SELECT f.id FROM application_attachments f WHERE f.chunk_count <> "
                "(SELECT COUNT(*) FROM attachment_chunks c WHERE c.attachment_id = f.id)",
            "files without an application":
                "SELECT f.id FROM application_attachments f LEFT JOIN applications a ON a.id = f.application_id "
                "WHERE a.id IS NULL",
            "chunks without a file":
                "SELECT c.attachment_id FROM attachment_chunks c LEFT JOIN application_attachments f "
                "ON f.id = c.attachment_id WHERE f.id IS NULL",
            "answers without an application":
                "SELECT w.application_id FROM application_answers w LEFT JOIN applications a "
                "ON a.id = w.application_id WHERE a.id IS NULL",
        }
        for name, query in checks.items():
            with self.subTest(name):
                self.assertEqual(self.sql(query), [], name)

    def test_acknowledged_applications_survive_a_kill_whole(self):
        submissions = self.load_and_kill()
        acknowledged = [s for s in submissions if s.acknowledged]
        cut_off = [s for s in submissions if s.status is None]
        # Started again as-is: the same database, the same port if it is free.
        self.server.start()
        self.assert_nothing_partial()
        administrator = signed_in(self.server, ADMINISTRATOR)
        for submission in acknowledged:
            self.assert_complete(submission, administrator)
        stored_cut_off = [s for s in cut_off if self.rows_for(s.email)]
        for submission in stored_cut_off:
            self.assert_complete(submission, administrator)
        total = int(self.sql("SELECT COUNT(*) FROM applications WHERE email LIKE 'ansoger-%@example.test'")[0][0])
        self.assertEqual(total, len(acknowledged) + len(stored_cut_off))
        # The applicant sends a cut-off submission again from the same browser with the same form: one
        # application, whole.
        for submission in cut_off:
            submission.client.host, submission.client.port = self.server.host, self.server.port
            submission.status = submission.location = submission.error = None
            self.send(submission)
            self.assertEqual(submission.status, 303, submission)
            self.assert_complete(submission, administrator)
        self.assert_nothing_partial()
        print(f"\n{len(submissions)} submissions: {len(acknowledged)} acknowledged before the kill, "
              f"{len(cut_off)} cut off by it ({len(stored_cut_off)} of those stored)", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
