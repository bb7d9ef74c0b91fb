"""Communication: the institution's e-mail templates and the cases' own copies, merge fields,
sending to many applicants through a real SMTP server (exactly once, through an outage, cancelled
mid-way, at a limited rate), the status a mail sets, and each application's communication log."""

import concurrent.futures
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import ADMINISTRATOR, AKADEMIET_PROJEKTLEDER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql, message_text

CASE_TITLE = "Fuldmægtig til økonomienheden"


def html_part(message):
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_content()
    return ""


class CommunicationCase(ServerTestCase):
    """Shared set-up: the demo data, a mail sink and helpers to apply and to send."""

    seed_demo = True
    mail_sink = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{CASE_TITLE}'")[0][0])
        cls.institution = int(cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0])
        cls.pl = signed_in(cls.server, PROJEKTLEDER, totp=False)

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def apply(cls, name, address, language="da"):
        """Applies through the public form; returns the application's id."""
        client = cls.server.client()
        client.get(f"/language/{language}")
        page = client.get(f"/positions/{cls.case_id}/apply")
        form = page.form(action=f"/positions/{cls.case_id}/apply")
        fields = {"form_key": form.get("form_key"), "full_name": name, "email": address,
                  "cover_letter": "Jeg søger stillingen.", "consent_processing": "1", "send": "1"}
        response = client.post(form.action, fields)
        assert response.status == 303, response.visible_text[:2000]
        return int(cls.sql(f"SELECT MAX(id) FROM applications WHERE email = '{address}'")[0][0])

    @classmethod
    def apply_many(cls, prefix, count):
        # Open again for applications: an earlier test of the class may have let the deadline job close it.
        cls.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) + 30 * 86400}, "
                f"state = 'published' WHERE id = {cls.case_id}")
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            return list(pool.map(lambda n: cls.apply(f"Ansøger {prefix} {n:03d}", f"{prefix}{n:03d}@example.test"),
                                 range(count)))

    def wait_for_empty_outbox(self, timeout=120):
        """Waits until every queued mail (the receipts of the applications) has been delivered."""
        deadline = time.monotonic() + timeout
        while int(self.sql("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND cancelled_at IS NULL")[0][0]) > 0:
            self.assertLess(time.monotonic(), deadline, "the outbox was not emptied")
            time.sleep(0.2)

    @classmethod
    def close_for_applications(cls):
        """Moves the deadline into the past and waits for the deadline job to close the case, which
        queues the committee's mails in the same transaction (so a later wait for an empty outbox
        covers them)."""
        cls.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 3600} "
                f"WHERE id = {cls.case_id}")
        deadline = time.monotonic() + 120
        while cls.sql(f"SELECT state FROM recruitment_cases WHERE id = {cls.case_id}")[0][0] == "published":
            if time.monotonic() > deadline:
                raise AssertionError("the deadline job did not close the case")
            time.sleep(0.2)

    def send(self, kind, application_ids, client=None, **fields):
        client = client or self.pl
        query = "&".join([f"kind={kind}"] + [f"application_id={i}" for i in application_ids])
        page = client.get(f"/cases/{self.case_id}/mail?{query}")
        self.assertStatus(page, 200)
        form = page.form(action=f"/cases/{self.case_id}/mail")
        values = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en")}
        values.update(fields)
        values.update({"kind": kind, "action": "send"})
        pairs = list(values.items()) + [("application_id", str(i)) for i in application_ids]
        return client.post(form.action, pairs)

    def mailing_of(self, response):
        self.assertStatus(response, 303)
        return int(re.search(r"/mailings/(\d+)", response.header("Location")).group(1))

    def wait_until_done(self, mailing, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            waiting = int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} AND sent_at IS NULL "
                                   f"AND cancelled_at IS NULL AND attempts < 8")[0][0])
            if waiting == 0:
                return
            time.sleep(0.2)
        self.fail(f"mailing {mailing} still has mails waiting after {timeout} s")

    def mails_to(self, address):
        return [m for m in self.smtp.messages() if address.lower() in str(m["To"] or "").lower()]


class TemplatesTest(CommunicationCase):
    def test_an_unknown_merge_field_is_refused_by_name(self):
        admin = signed_in(self.server, ADMINISTRATOR)
        page = admin.get("/setup/email-templates/offer")
        self.assertStatus(page, 200)
        form = page.form(action="/setup/email-templates/offer")
        fields = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en", "sets_status")}
        fields["body_da"] = "Kære {{ansøgernavn}}"
        response = admin.post(form.action, fields)
        self.assertStatus(response, 400)
        self.assertIn("ansøgernavn", response.visible_text)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM email_templates WHERE body_da LIKE '%ansøgernavn%'")[0][0], "0")

    def test_a_case_copy_overrides_and_returns_to_the_institutions_text(self):
        admin = signed_in(self.server, ADMINISTRATOR)
        page = self.pl.get(f"/cases/{self.case_id}/email-templates/offer")
        self.assertStatus(page, 200)
        form = page.form(action=f"/cases/{self.case_id}/email-templates/offer")
        fields = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en", "sets_status")}
        fields["subject_da"] = "Sagens eget tilbud: {{stillingsbetegnelse}}"
        self.assertStatus(self.pl.post(form.action, fields), 303)
        listing = self.pl.get(f"/cases/{self.case_id}/email-templates")
        self.assertIn("Sagens egen tekst", listing.visible_text)
        # The institution's change does not reach the case's copy …
        institution_form = admin.get("/setup/email-templates/offer").form(action="/setup/email-templates/offer")
        institution = {name: institution_form.get(name)
                       for name in ("subject_da", "body_da", "subject_en", "body_en", "sets_status")}
        institution["subject_da"] = "Institutionens tilbud: {{stillingsbetegnelse}}"
        self.assertStatus(admin.post(institution_form.action, institution), 303)
        shown = self.pl.get(f"/cases/{self.case_id}/email-templates/offer").form(
            action=f"/cases/{self.case_id}/email-templates/offer")
        self.assertEqual(shown.get("subject_da"), "Sagens eget tilbud: {{stillingsbetegnelse}}")
        # … until the case returns to it.
        revert = self.pl.post(f"/cases/{self.case_id}/email-templates/offer/revert", {})
        self.assertStatus(revert, 303)
        shown = self.pl.get(f"/cases/{self.case_id}/email-templates/offer").form(
            action=f"/cases/{self.case_id}/email-templates/offer")
        self.assertEqual(shown.get("subject_da"), "Institutionens tilbud: {{stillingsbetegnelse}}")
        actions = [row[0] for row in self.sql("SELECT action FROM audit_events WHERE action LIKE 'email_template.%' "
                                              "ORDER BY id")]
        self.assertEqual(actions, ["email_template.customised", "email_template.changed", "email_template.reverted"])

    def test_another_institutions_projektleder_cannot_reach_the_case_templates(self):
        other = signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False)
        self.assertStatus(other.get(f"/cases/{self.case_id}/email-templates"), 404)
        self.assertStatus(other.post(f"/cases/{self.case_id}/email-templates/offer/revert", {}), 404)


class SendingTest(CommunicationCase):
    server_env = {"REKRUT_SMTP_RETRY_SECONDS": "1"}

    def test_a_rejection_is_refused_before_the_deadline(self):
        application = self.apply("Tidlig Afvisning", "tidlig@example.test")
        page = self.pl.get(f"/cases/{self.case_id}/mail?kind=rejection_before_interview&application_id={application}")
        self.assertStatus(page, 400)
        self.assertIn("Ingen ansøger kan få afslag før ansøgningsfristen", page.visible_text)
        template = self.pl.get(f"/cases/{self.case_id}/mail?kind=free_message&application_id={application}").form(
            action=f"/cases/{self.case_id}/mail")
        fields = [(name, template.get(name)) for name in ("subject_da", "body_da", "subject_en", "body_en")]
        response = self.pl.post(f"/cases/{self.case_id}/mail", fields + [
            ("kind", "rejection_before_interview"), ("application_id", str(application)), ("action", "send")])
        self.assertStatus(response, 400)
        self.assertEqual(self.sql(f"SELECT COUNT(*) FROM mailings WHERE case_id = {self.case_id} "
                                  f"AND kind = 'rejection_before_interview'")[0][0], "0")
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {application}")[0][0], "received")

    def test_html_in_a_name_is_escaped_and_a_missing_value_stops_that_mail(self):
        plain = self.apply("Almindelig Ansøger", "almindelig@example.test")
        marked = self.apply("<b>Fed</b> & Co", "fed@example.test")
        self.smtp.clear()
        # An interview invitation without a place names the missing field and sends nothing.
        response = self.send("interview_invitation", [plain], interview_date="2027-01-15", interview_time="10:00")
        mailing = self.mailing_of(response)
        progress = self.pl.get(f"/cases/{self.case_id}/mailings/{mailing}")
        self.assertIn("interview_place", progress.visible_text)
        time.sleep(2)
        self.assertEqual([m for m in self.mails_to("almindelig@example.test") if "samtale" in str(m["Subject"])], [])
        self.assertEqual(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} "
                                  f"AND cancelled_at IS NOT NULL AND last_error = 'missing:interview_place'")[0][0], "1")
        # A free message to both: the name goes into the HTML part escaped.
        self.wait_until_done(self.mailing_of(self.send("free_message", [plain, marked])))
        message = self.mail_to("fed@example.test")
        html = html_part(message)
        self.assertIn("&lt;b&gt;Fed&lt;/b&gt; &amp; Co", html)
        self.assertNotIn("<b>Fed</b>", html)
        self.assertIn("<b>Fed</b> & Co", message_text(message))

    def test_an_interview_invitation_carries_a_calendar_in_copenhagen_time_and_sets_the_status(self):
        before = self.apply("Før Sommertid", "foer@example.test")
        after = self.apply("Efter Sommertid", "efter@example.test")
        for application, day in ((before, "2027-03-26"), (after, "2027-03-29")):
            mailing = self.mailing_of(self.send("interview_invitation", [application], interview_date=day,
                                                interview_time="10:00", interview_place="Mødelokale 2, Hovedgaden 1"))
            self.wait_until_done(mailing)
        for address, stamp in (("foer@example.test", "20270326T100000"), ("efter@example.test", "20270329T100000")):
            message = next(m for m in self.mails_to(address) if "samtale" in str(m["Subject"]).lower())
            calendars = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
            self.assertEqual(len(calendars), 1, address)
            ics = calendars[0].get_content()
            if isinstance(ics, bytes):
                ics = ics.decode("utf-8")
            self.assertIn(f"DTSTART;TZID=Europe/Copenhagen:{stamp}", ics.replace("\r\n ", ""))
            self.assertIn("BEGIN:VTIMEZONE", ics)
            self.assertIn("Mødelokale 2\\, Hovedgaden 1", ics.replace("\r\n ", ""))
        for application in (before, after):
            self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {application}")[0][0], "invited")

    def test_the_communication_log_shows_the_text_and_resends(self):
        application = self.apply("Logget Ansøger", "logget@example.test")
        self.wait_until_done(self.mailing_of(self.send("free_message", [application],
                                                       body_da="Kære {{ansøgers_navn}}\n\nEn særlig besked.")))
        declare_no_conflicts(self.pl, self.case_id)
        page = self.pl.get(f"/cases/{self.case_id}/applications/{application}")
        self.assertIn("En særlig besked.", page.visible_text)
        stored = self.sql(f"SELECT body_text FROM outbox WHERE application_id = {application} AND kind = 'free_message'")
        self.assertTrue(stored[0][0].startswith("app1:"))
        self.assertNotIn("særlig", stored[0][0])
        outbox_id = self.sql(f"SELECT MAX(id) FROM outbox WHERE application_id = {application}")[0][0]
        resend = self.pl.post(f"/cases/{self.case_id}/applications/{application}/mails/{outbox_id}/resend", {})
        self.assertStatus(resend, 303)
        deadline = time.monotonic() + 30
        while len([m for m in self.mails_to("logget@example.test") if "særlig" in message_text(m)]) < 2:
            self.assertLess(time.monotonic(), deadline, "the mail was not sent again")
            time.sleep(0.2)
        ids = {m["Message-ID"] for m in self.mails_to("logget@example.test") if "særlig" in message_text(m)}
        self.assertEqual(len(ids), 2)


class DeadlineNotificationTest(CommunicationCase):
    """The committee is told when the deadline job closes the case for applications."""

    server_env = {"REKRUT_SERVER_JOB_INTERVAL_SECONDS": "1"}

    def test_the_committee_is_mailed_when_the_deadline_passes(self):
        self.apply("Sidste Øjeblik", "sidste@example.test")
        members = [row[0] for row in self.sql(
            f"SELECT DISTINCT u.email FROM case_roles r JOIN users u ON u.id = r.user_id WHERE r.case_id = {self.case_id}")]
        self.assertIn(PROJEKTLEDER, members)
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 1} WHERE id = {self.case_id}")
        message = self.mail_to(PROJEKTLEDER, "Ansøgningsfristen for stillingen", timeout=30)
        text = message_text(message)
        self.assertIn(CASE_TITLE, text)
        self.assertIn(f"/cases/{self.case_id}", text)
        count = int(self.sql(f"SELECT COUNT(*) FROM applications WHERE case_id = {self.case_id} "
                             f"AND status <> 'withdrawn'")[0][0])
        self.assertIn(f"Der er {count} ansøgninger", text)
        self.assertEqual(self.sql(f"SELECT COUNT(*) FROM outbox WHERE kind = 'deadline_passed' "
                                  f"AND case_id = {self.case_id}")[0][0], str(len(set(members))))


class BulkSendingTest(CommunicationCase):
    """300 rejections after the deadline, and the SMTP server down in the middle of a send."""

    server_env = {"REKRUT_SMTP_RETRY_SECONDS": "1"}

    def test_three_hundred_rejections_each_arrive_once_and_set_the_status(self):
        applications = self.apply_many("bulk", 300)
        self.close_for_applications()
        self.wait_for_empty_outbox()
        self.smtp.clear()
        mailing = self.mailing_of(self.send("rejection_before_interview", applications))
        self.wait_until_done(mailing, timeout=300)
        messages = self.smtp.messages()
        by_recipient = {}
        for message in messages:
            by_recipient.setdefault(str(message["To"]), []).append(message)
        rows = self.sql(f"SELECT a.id, a.email, a.full_name, o.message_id, a.status FROM applications a "
                        f"JOIN outbox o ON o.application_id = a.id WHERE o.mailing_id = {mailing}")
        self.assertEqual(len(rows), 300)
        for application_id, address, name, message_id, status in rows:
            received = by_recipient.get(address, [])
            self.assertEqual(len(received), 1, address)
            self.assertIn(name, message_text(received[0]))
            self.assertTrue(str(received[0]["Message-ID"]).startswith(f"<{message_id}@"), address)
            self.assertEqual(status, "rejected")
        self.assertEqual(len({str(m["Message-ID"]) for m in messages}), 300)
        page = self.pl.get(f"/cases/{self.case_id}/mailings/{mailing}")
        self.assertIn("Sendt: 300", page.visible_text)
        events = self.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'application.status_changed'")
        self.assertGreaterEqual(int(events[0][0]), 300)

    def test_a_send_during_an_smtp_outage_arrives_once_when_the_server_is_back(self):
        applications = self.apply_many("nede", 20)
        self.close_for_applications()
        self.wait_for_empty_outbox()
        self.smtp.clear()
        self.smtp.stop()
        try:
            mailing = self.mailing_of(self.send("free_message", applications))
            deadline = time.monotonic() + 30
            while int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} AND attempts > 0")[0][0]) < 20:
                self.assertLess(time.monotonic(), deadline, "the sender did not try while the server was down")
                time.sleep(0.2)
        finally:
            self.smtp.resume()
        self.wait_until_done(mailing, timeout=120)
        for n in range(20):
            self.assertEqual(len(self.mails_to(f"nede{n:03d}@example.test")), 1, n)


class CancelTest(CommunicationCase):
    """A slow mail server (2 mails a second) and a send cancelled while it runs."""

    server_env = {"REKRUT_SMTP_MAX_PER_SECOND": "2"}

    def test_cancelling_stops_the_mails_not_yet_sent(self):
        applications = self.apply_many("stop", 40)
        self.wait_for_empty_outbox()
        self.smtp.clear()
        mailing = self.mailing_of(self.send("free_message", applications))
        while int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} AND sent_at IS NOT NULL")[0][0]) < 2:
            time.sleep(0.2)
        cancel = self.pl.post(f"/cases/{self.case_id}/mailings/{mailing}/cancel", {})
        self.assertStatus(cancel, 303)
        time.sleep(3)  # what was being sent at the instant of cancelling may still arrive
        sent = int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} AND sent_at IS NOT NULL")[0][0])
        cancelled = int(self.sql(f"SELECT COUNT(*) FROM outbox WHERE mailing_id = {mailing} "
                                 f"AND cancelled_at IS NOT NULL AND sent_at IS NULL")[0][0])
        self.assertEqual(sent + cancelled, 40)
        self.assertGreater(cancelled, 20)
        time.sleep(2)
        self.assertEqual(len([m for m in self.smtp.messages() if "stop" in str(m["To"])]), sent)
        page = self.pl.get(f"/cases/{self.case_id}/mailings/{mailing}")
        self.assertIn(f"Annulleret: {cancelled}", page.visible_text)


if __name__ == "__main__":
    unittest.main()
