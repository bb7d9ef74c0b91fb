"""The transfer of ads to Jobnet against the real binary and the Jobnet simulator (`rekrut jobnet-sim`)
as a separate process: Jobnet's rules checked when a case is marked ready, publication arriving
exactly once (also when the simulator is down, or when its answer is lost), Jobnet's review
(NotApproved) and the correction of a published ad, the closing at the deadline and on
cancellation, and the withdrawal of an off-boarded institution's ads. The same tests run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import datetime
import json
import os
import sqlite3
import subprocess
import time
import unittest
import urllib.parse
import urllib.request
import zoneinfo

from accounts import LEDER, OPERATOR, OPERATOR2, PROJEKTLEDER, signed_in
from cases_test import CasesTestCase
from harness import apply_online, base_environment, free_port, make_temp_dir, rekrut_bin, wait_for_port

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
JOBNET_FIELDS = {"work_postcode": "1000", "work_city": "København K",
                 "place_of_work": "Demovej 1, 1000 København K"}


class Simulator:
    """`rekrut jobnet-sim` on a free loopback port with its own SQLite file."""

    def __init__(self):
        self.folder = make_temp_dir("jobnet-sim")
        self.database = os.path.join(self.folder, "ads.sqlite3")
        self.port = free_port()
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/jobad"

    def start(self):
        self.process = subprocess.Popen(
            [rekrut_bin(), "jobnet-sim", "--listen", f"127.0.0.1:{self.port}", "--database", self.database,
             "--username", "rekrut", "--password", "sim-secret"],
            env=base_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not wait_for_port("127.0.0.1", self.port, 20, lambda: self.process.poll() is None):
            raise RuntimeError("the Jobnet simulator did not start: " + self.process.stderr.read().decode())
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process.stderr.close()
            self.process = None

    def control(self, mode, count=0):
        body = urllib.parse.urlencode({"mode": mode, "count": str(count)}).encode()
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/control", data=body, timeout=10) as reply:
            assert reply.status == 200

    def ads(self, reference):
        """(job_id, status, reason, title) of every ad with our reference."""
        with sqlite3.connect(self.database) as connection:
            return connection.execute("SELECT job_id, status, reason, title FROM ads WHERE reference = ?",
                                      (reference,)).fetchall()

    def page(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=10) as reply:
            return reply.read().decode()


class JobnetTestCase(CasesTestCase):
    retry_seconds = 1

    @classmethod
    def setUpClass(cls):
        cls.simulator = Simulator().start()
        folder = make_temp_dir("jobnet-password")
        password_file = os.path.join(folder, "password")
        with open(password_file, "w", encoding="utf-8") as out:
            out.write("sim-secret\n")
        cls.server_env = {"REKRUT_JOBNET_ENDPOINT": cls.simulator.endpoint, "REKRUT_JOBNET_USERNAME": "rekrut",
                          "REKRUT_JOBNET_PASSWORD_FILE": password_file, "REKRUT_JOBNET_RETRY_SECONDS": str(cls.retry_seconds),
                          "REKRUT_SERVER_JOB_INTERVAL_SECONDS": "1"}
        try:
            super().setUpClass()
        except Exception:
            cls.simulator.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            super().tearDownClass()
        finally:
            cls.simulator.stop()

    def soon(self, days=30):
        """A deadline `days` from now, as the case form takes it."""
        day = datetime.datetime.now(COPENHAGEN).date() + datetime.timedelta(days=days)
        return {"deadline_date": day.isoformat(), "deadline_time": "12:00"}

    def jobnet_case(self, body="Vi søger en dygtig kollega.\n\nVelkommen.", **changes):
        """A case that meets Jobnet's rules, marked ready."""
        case_id = self.create_case()
        fields = {**JOBNET_FIELDS, **self.soon(), **changes}
        self.fill_case(case_id, f"Jobnet-sag {case_id}", **fields)
        self.write_ad(case_id, body)
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        return case_id

    def publish(self, case_id):
        self.assertStatus(self.transition(case_id, "publish"), 303)
        self.assertEqual(self.state_of(case_id), "published")

    def job(self, case_id):
        rows = self.sql("SELECT reference, jobnet_id, remote_step, jobnet_status, jobnet_reason, last_error,"
                        f" refused, attempts FROM jobnet_jobs WHERE case_id = {case_id}")
        if not rows:
            return None
        names = ["reference", "jobnet_id", "remote_step", "status", "reason", "error", "refused", "attempts"]
        return dict(zip(names, rows[0]))

    def wait_for_job(self, case_id, predicate, timeout=30):
        deadline = time.time() + timeout
        job = None
        while time.time() < deadline:
            job = self.job(case_id)
            if job is not None and predicate(job):
                return job
            time.sleep(0.2)
        self.fail(f"the transfer of case {case_id} did not get there: {job}")


class JobnetRulesTest(JobnetTestCase):
    def test_marking_ready_names_what_jobnet_needs(self):
        case_id = self.create_case()
        # The ordinary complete case: no postcode or town, and a deadline years away.
        self.fill_case(case_id, "Uden Jobnet-felter")
        self.write_ad(case_id, "Vi søger en kollega.")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        response = self.transition(case_id, "mark_ready")
        self.assertErrorSummary(response, 400)
        self.assertIn("Jobnet kræver arbejdsstedets postnummer", response.text)
        self.assertIn("Jobnet kræver arbejdsstedets by", response.text)
        self.assertIn("Jobnet viser en annonce i højst 8 uger", response.text)
        self.assertEqual(self.state_of(case_id), "draft", "a refused step changes nothing")
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn("Jobnet kræver arbejdsstedets postnummer", page.text, "the case page lists it too")

        response = self.admin.post(f"/cases/{case_id}/edit", self.case_fields(
            "Uden Jobnet-felter", work_postcode="10a0", **self.soon()))
        self.assertErrorSummary(response, 400)
        self.assertIn("Postnummeret skal være fire cifre.", response.text)
        self.assertEqual(self.scalar(f"SELECT work_postcode FROM recruitment_cases WHERE id = {case_id}") or "", "")

        self.fill_case(case_id, "Uden Jobnet-felter", **JOBNET_FIELDS, **self.soon(56))
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        self.assertEqual(self.state_of(case_id), "ready_for_publication")
        self.assertIsNone(self.job(case_id), "nothing goes to Jobnet before publication")


class JobnetTransferTest(JobnetTestCase):
    def test_publication_arrives_once_with_the_case_fields(self):
        case_id = self.jobnet_case()
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        self.assertEqual(job["remote_step"], "published")
        self.assertTrue(job["jobnet_id"].startswith("JN"))
        ads = self.simulator.ads(job["reference"])
        self.assertEqual(len(ads), 1)
        self.assertEqual(ads[0][0], job["jobnet_id"])
        self.assertEqual(ads[0][3], f"Jobnet-sag {case_id}")
        page = self.admin.get(f"/cases/{case_id}").text
        self.assertIn("Offentliggjort på Jobnet (Publication)", page)
        self.assertIn(job["jobnet_id"], page)
        actions = [row[0] for row in self.sql("SELECT action FROM audit_events WHERE object_type ="
                                              f" 'recruitment_case' AND object_id = '{case_id}'")]
        self.assertIn("case.jobnet_status", actions)
        self.assertIn(job["jobnet_id"], self.simulator.page(), "the simulator's page lists the ad")

    def test_simulator_down_during_publication(self):
        case_id = self.jobnet_case()
        self.simulator.stop()
        try:
            self.publish(case_id)
            job = self.wait_for_job(case_id, lambda job: int(job["attempts"]) >= 1)
            self.assertTrue(job["error"], "the failure is recorded")
            self.assertEqual(int(job["refused"]), 0, "a connection failure is retried")
            page = self.admin.get(f"/cases/{case_id}").text
            self.assertIn("Ikke leveret: Rekrut prøver igen", page)
            self.assertIn("Næste forsøg", page)
        finally:
            self.simulator.start()
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication", timeout=60)
        self.assertEqual(len(self.simulator.ads(job["reference"])), 1, "the ad arrives exactly once")
        self.assertEqual(job["error"], "")

    def test_lost_answer_does_not_add_a_second_ad(self):
        case_id = self.jobnet_case()
        # The simulator does the AddJob but drops the connection before answering.
        self.simulator.control("drop_add_answer", 1)
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication", timeout=60)
        self.assertEqual(len(self.simulator.ads(job["reference"])), 1, "the retry found the ad by reference")

    def test_http_errors_and_slow_answers_are_retried(self):
        case_id = self.jobnet_case()
        self.simulator.control("error", 2)
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication", timeout=60)
        self.assertEqual(len(self.simulator.ads(job["reference"])), 1)

    def test_deleting_the_applications_deletes_the_ad(self):
        case_id = self.jobnet_case()
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        self.assertStatus(apply_online(self.client(), case_id, "Dorte Deletesen", "deletesen@example.test",
                                       "sagsbehandling"), 303)
        closed = int(time.time()) - 7 * 31 * 86400
        self.sql(f"UPDATE recruitment_cases SET state = 'filled', closed_at = {closed} WHERE id = {case_id}")
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Deleted", timeout=60)
        self.assertEqual(job["remote_step"], "deleted")
        self.assertEqual(self.simulator.ads(job["reference"])[0][1], "Deleted")

    def test_deadline_and_cancellation_close_the_ad(self):
        closing = self.jobnet_case()
        cancelled = self.jobnet_case()
        self.publish(closing)
        self.publish(cancelled)
        for case_id in (closing, cancelled):
            self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 5} WHERE id = {closing}")
        self.assertStatus(self.transition(cancelled, "cancel"), 303)
        for case_id in (closing, cancelled):
            job = self.wait_for_job(case_id, lambda job: job["status"] == "Closed")
            self.assertEqual(job["remote_step"], "closed")
            self.assertEqual(self.simulator.ads(job["reference"])[0][1], "Closed")
        self.assertEqual(self.state_of(closing), "closed_for_applications")


class JobnetReviewTest(JobnetTestCase):
    def test_not_approved_then_corrected(self):
        case_id = self.jobnet_case(body="Vi søger en ung og dynamisk kollega.")
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "NotApproved")
        self.assertIn("age requirement", job["reason"])
        page = self.admin.get(f"/cases/{case_id}").text
        self.assertIn("Ikke godkendt af Jobnet (NotApproved)", page)
        self.assertIn("age requirement", page, "Jobnet's reason is shown")
        self.assertIn(f'href="/cases/{case_id}/ad?language=da"', page, "a way to correct the ad")

        # A correction needs a reason; without one nothing is saved or sent.
        versions = self.count(f"SELECT COUNT(*) FROM job_ad_versions WHERE case_id = {case_id}")
        response = self.admin.post(f"/cases/{case_id}/ad", [("language", "da"), ("body", "Vi søger en kollega.")])
        self.assertErrorSummary(response, 400)
        self.assertIn("Angiv begrundelsen for at rette den offentliggjorte annonce", response.text)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM job_ad_versions WHERE case_id = {case_id}"), versions)

        response = self.admin.post(f"/cases/{case_id}/ad", [
            ("language", "da"), ("body", "Vi søger en erfaren kollega.\n\nAlle opfordres til at søge."),
            ("correction_reason", "Jobnet afviste aldersformuleringen.")])
        self.assertStatus(response, 303)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        self.assertEqual(len(self.simulator.ads(job["reference"])), 1, "corrected with UpdateJob, not a new ad")
        # The career site keeps its pages in memory and takes a changed case within a second or two.
        deadline = time.time() + 10
        public = ""
        while time.time() < deadline and "erfaren kollega" not in public:
            public = self.client().get(f"/positions/{case_id}").text
            time.sleep(0.2)
        self.assertIn("erfaren kollega", public, "the career site shows the correction")
        self.assertNotIn("ung og dynamisk", public)
        after = self.scalar("SELECT after_json FROM audit_events WHERE action = 'job_ad.corrected'"
                            f" AND object_id = '{case_id}'")
        self.assertIn("Jobnet afviste aldersformuleringen.", after)

    def correction(self, case_id, days, reason="Fristen forlænges.", **contacts):
        form = {**self.soon(days), "reason": reason, "contact_name_1": "Kirsten Kontakt",
                "contact_title_1": "Kontorchef", "contact_phone_1": "33 12 34 56",
                "contact_email_1": "kirsten.kontakt@styrelsen.example.test", **contacts}
        return self.admin.post(f"/cases/{case_id}/correction", form)

    def test_deadline_later_and_contacts_corrected(self):
        case_id = self.jobnet_case()
        self.publish(case_id)
        self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        deadline = int(self.scalar(f"SELECT application_deadline FROM recruitment_cases WHERE id = {case_id}"))
        self.assertIn(f'href="/cases/{case_id}/correction"', self.admin.get(f"/cases/{case_id}").text)
        self.assertStatus(self.admin.get(f"/cases/{case_id}/correction"), 200)

        # Earlier, without a reason, or beyond Jobnet's 8 weeks: refused, nothing changes.
        for response, message in (
                (self.correction(case_id, 20), "Fristen kan flyttes senere, aldrig tidligere."),
                (self.correction(case_id, 40, reason=""), "Angiv begrundelsen for rettelsen"),
                (self.correction(case_id, 70), "Jobnet viser en annonce i højst 8 uger"),
                (self.correction(case_id, 40, contact_email_1="ikke en adresse"), "Indtast en gyldig e-mailadresse")):
            self.assertErrorSummary(response, 400)
            self.assertIn(message, response.text)
            self.assertEqual(int(self.scalar("SELECT application_deadline FROM recruitment_cases"
                                             f" WHERE id = {case_id}")), deadline)
        response = self.correction(case_id, 40, contact_name_1="Karl Kontakt")
        self.assertStatus(response, 303)
        later = int(self.scalar(f"SELECT application_deadline FROM recruitment_cases WHERE id = {case_id}"))
        self.assertGreater(later, deadline)
        self.assertEqual(self.scalar(f"SELECT name FROM case_contacts WHERE case_id = {case_id} ORDER BY position"),
                         "Karl Kontakt")
        self.assertEqual(self.state_of(case_id), "published")
        self.assertEqual(int(self.scalar(f"SELECT content_version FROM jobnet_jobs WHERE case_id = {case_id}")), 2)
        self.wait_for_job(case_id, lambda job: job["status"] == "Publication" and job["error"] == "")
        deadline_job = self.wait_for_job(case_id, lambda job: int(self.scalar(
            f"SELECT sent_version FROM jobnet_jobs WHERE case_id = {case_id}")) == 2)
        with sqlite3.connect(self.simulator.database) as connection:
            end = connection.execute("SELECT publication_end FROM ads WHERE reference = ?",
                                     (deadline_job["reference"],)).fetchone()[0]
        self.assertEqual(end, (datetime.datetime.now(COPENHAGEN).date() + datetime.timedelta(days=40)).isoformat())
        after = json.dumps(self.server.audit_events(action="case.corrected", object_id=str(case_id))[-1]["after"],
                           ensure_ascii=False)
        self.assertIn("Fristen forlænges.", after)
        deadline = time.time() + 10
        while time.time() < deadline and "Karl Kontakt" not in self.client().get(f"/positions/{case_id}").text:
            time.sleep(0.2)
        self.assertIn("Karl Kontakt", self.client().get(f"/positions/{case_id}").text)

    def test_only_a_published_ad_is_corrected(self):
        case_id = self.jobnet_case()
        self.publish(case_id)
        self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 5} WHERE id = {case_id}")
        deadline = time.time() + 20
        while self.state_of(case_id) != "closed_for_applications" and time.time() < deadline:
            time.sleep(0.2)
        self.assertEqual(self.state_of(case_id), "closed_for_applications")
        response = self.admin.post(f"/cases/{case_id}/ad", [
            ("language", "da"), ("body", "Ny tekst."), ("correction_reason", "For sent.")])
        self.assertNotEqual(response.status, 303, "a closed case's ad is not changed")
        self.assertNotIn("Ny tekst.", self.client().get(f"/positions/{case_id}").text)


class OffboardingSteps:
    """The operators' steps of an off-boarding, for a class of its own (with its own server: it deletes
    the demo institution's data)."""

    PASSPHRASE = "Udfasning-med-Jobnet-2026"

    def published_on_jobnet(self):
        case_id = self.jobnet_case()
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: job["status"] == "Publication")
        institution_id = int(self.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {case_id}")[0][0])
        return case_id, job, institution_id

    def approved(self, institution_id):
        """Asked by one operator, approved by another; returns the approver and the request's path."""
        asker, approver = signed_in(self.server, OPERATOR), signed_in(self.server, OPERATOR2)
        asked = asker.post("/operator/offboarding", {"institution_id": str(institution_id),
                                                    "reason": "Aftalen ophører"})
        self.assertStatus(asked, 303)
        path = asked.location.split("?")[0].rstrip("/")
        self.assertStatus(approver.post(f"{path}/decision", {"decision": "approve"}), 303)
        return approver, path

    def export(self, client, path):
        return client.post(f"{path}/export", {"passphrase": self.PASSPHRASE, "passphrase_repeat": self.PASSPHRASE})

    def cvr(self, institution_id):
        return self.sql(f"SELECT cvr FROM institutions WHERE id = {institution_id}")[0][0]


class JobnetOffboardingTest(OffboardingSteps, JobnetTestCase):
    def test_the_ads_leave_jobnet_before_the_institution_is_deleted(self):
        case_id, job, institution_id = self.published_on_jobnet()
        cvr = self.cvr(institution_id)
        # Jobnet is away when the off-boarding is approved and when the deletion is first tried.
        self.simulator.stop()
        try:
            approver, path = self.approved(institution_id)
            self.assertEqual(self.sql(f"SELECT desired FROM jobnet_jobs WHERE case_id = {case_id}")[0][0], "deleted")
            self.assertStatus(self.export(approver, path), 200)
            refused = approver.post(f"{path}/deletion", {"confirmation": cvr})
            self.assertStatus(refused, 409)
            self.assertIn("Institutionens annoncer er stadig på Jobnet", refused.visible_text)
            self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM recruitment_cases WHERE id = {case_id}")[0][0]), 1)
            self.assertEqual(self.job(case_id)["remote_step"], "published")
        finally:
            self.simulator.start()
        job = self.wait_for_job(case_id, lambda job: job["remote_step"] == "deleted", timeout=60)
        self.assertEqual(self.simulator.ads(job["reference"])[0][1], "Deleted")
        # Jobnet's answer is in the audit trail after the export: the export is taken again, then the
        # deletion goes through and leaves no transfer behind.
        outdated = approver.post(f"{path}/deletion", {"confirmation": cvr})
        self.assertStatus(outdated, 409)
        self.assertIn("Hent eksporten igen", outdated.text)
        self.assertStatus(self.export(approver, path), 200)
        done = approver.post(f"{path}/deletion", {"confirmation": cvr})
        self.assertStatus(done, 303)
        self.assertNotIn("ads_left_at_jobnet", self.sql("SELECT report FROM institution_offboardings")[0][0])
        self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM jobnet_jobs WHERE institution_id = {institution_id}")
                             [0][0]), 0)
        self.assertEqual(self.simulator.ads(job["reference"])[0][1], "Deleted")


class JobnetOffboardingByHandTest(OffboardingSteps, JobnetTestCase):
    def test_an_ad_jobnet_cannot_delete_is_left_to_close_by_hand_when_the_operator_says_so(self):
        case_id, job, institution_id = self.published_on_jobnet()
        cvr = self.cvr(institution_id)
        self.simulator.stop()  # and it does not come back
        try:
            approver, path = self.approved(institution_id)
            self.assertStatus(self.export(approver, path), 200)
            self.assertStatus(approver.post(f"{path}/deletion", {"confirmation": cvr}), 409)
            self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM recruitment_cases WHERE id = {case_id}")[0][0]), 1)
            done = approver.post(f"{path}/deletion", {"confirmation": cvr, "leave_at_jobnet": "1"})
            self.assertStatus(done, 303)
            page = approver.get(done.location)
            self.assertIn("Annoncer tilbage på Jobnet", page.text)
            report = json.loads(self.sql("SELECT report FROM institution_offboardings")[0][0])
            self.assertEqual(report["counts"]["ads_left_at_jobnet"], 1)
            self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM recruitment_cases WHERE id = {case_id}")[0][0]), 0)
        finally:
            self.simulator.start()


class JobnetOffboardingLostAnswerTest(OffboardingSteps, JobnetTestCase):
    retry_seconds = 60  # the AddJob whose answer was lost is not retried before the approval

    def test_an_ad_whose_answer_was_lost_is_found_and_deleted(self):
        case_id = self.jobnet_case()
        self.simulator.control("drop_add_answer", 1)
        self.publish(case_id)
        job = self.wait_for_job(case_id, lambda job: int(job["attempts"]) >= 1)
        self.assertEqual(job["remote_step"], "none", "Rekrut does not know that the ad arrived")
        self.assertEqual(len(self.simulator.ads(job["reference"])), 1, "but it did")
        institution_id = int(self.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {case_id}")[0][0])
        self.approved(institution_id)
        job = self.wait_for_job(case_id, lambda job: job["remote_step"] == "deleted", timeout=30)
        self.assertEqual(self.simulator.ads(job["reference"])[0][1], "Deleted")


if __name__ == "__main__":
    unittest.main()
