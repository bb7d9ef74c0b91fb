"""Staff free text and the applicant's rights over it: the free-text guard on every staff form (CPR numbers
and words of the special categories; warn, go back or confirm, the confirmation audited without the text)
and HR's rectification of an applicant's name, e-mail address and telephone number (GDPR article 16)."""

import os
import sys
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import ADMINISTRATOR, AKADEMIET_ADMINISTRATOR, DELTAGER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql

CASE_TITLE = "Fuldmægtig til økonomienheden"
# A valid CPR number (the modulus 11 check holds), synthetic.
CPR = "070761-4285"


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


class FreeTextCase(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = {quoted(CASE_TITLE)}")[0][0])
        cls.institution = int(cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0])
        cls.admin = signed_in(cls.server, ADMINISTRATOR)

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    def count(self, query):
        return int(self.sql(query)[0][0])

    def raw_audit(self, action):
        """The stored before and after texts of the events with `action`, as the database holds them."""
        return str(self.sql(f"SELECT before_json, after_json FROM audit_events WHERE action = {quoted(action)}"))

    @classmethod
    def apply(cls, name, address, phone=""):
        client = cls.server.client()
        form = client.get(f"/positions/{cls.case_id}/apply").form(action=f"/positions/{cls.case_id}/apply")
        sent = client.post(form.action, {"form_key": form.get("form_key"), "full_name": name, "email": address,
                                         "phone": phone, "cover_letter": "Jeg søger stillingen.",
                                         "consent_processing": "1", "send": "1"})
        assert sent.status == 303, sent.visible_text[:2000]
        return int(cls.sql(f"SELECT MAX(id) FROM applications WHERE email = {quoted(address)}")[0][0])


class FreeTextGuardTest(FreeTextCase):
    def assertWarned(self, response, *expected):
        self.assertStatus(response, 400)
        self.assertIn("Kontrollér teksten", response.visible_text)
        self.assertIn('name="confirm_free_text"', response.text)
        for text in expected:
            self.assertIn(text, response.visible_text)

    def confirmed_events(self, route):
        return [event for event in self.server.audit_events(action="free_text.sensitive_confirmed")
                if event["object_id"] == route]

    def test_a_sensitive_word_in_an_ad_text_is_warned_about_and_saved_only_when_confirmed(self):
        case_id = self.count("SELECT id FROM recruitment_cases WHERE state = 'draft'"
                             f" AND institution_id = {self.institution} ORDER BY id LIMIT 1")
        marker = uuid.uuid4().hex[:8]
        body = f"Vi søger en kollega {marker}. Den nuværende medarbejder er sygemeldt med stress."
        route = "/cases/:case_id/ad"
        before = self.count(f"SELECT COUNT(*) FROM job_ad_versions WHERE case_id = {case_id}")
        warned = self.admin.post(f"/cases/{case_id}/ad", {"language": "da", "body": body})
        self.assertWarned(warned, "Tekst", "helbred")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM job_ad_versions WHERE case_id = {case_id}"), before,
                         "nothing is saved before the confirmation")
        # Going back offers the page the form came from.
        self.assertTrue(any(link.startswith("/") for link in warned.links()))
        offered = warned.form_fields(action=f"/cases/{case_id}/ad")
        self.assertEqual(offered.get("body"), body)
        saved = self.admin.post(f"/cases/{case_id}/ad", offered)
        self.assertStatus(saved, 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM job_ad_versions WHERE case_id = {case_id}"), before + 1)
        events = self.confirmed_events(route)
        self.assertEqual(events[-1]["after"], {"fields": "body", "kinds": "health"})
        self.assertNotIn("sygemeldt", self.raw_audit("free_text.sensitive_confirmed"))
        self.assertNotIn(marker, self.raw_audit("free_text.sensitive_confirmed"))

    def test_a_cpr_number_in_an_email_template_is_warned_about_and_nothing_is_saved_without_confirmation(self):
        page = self.admin.get("/setup/email-templates/offer")
        form = page.form(action="/setup/email-templates/offer")
        fields = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en", "sets_status")}
        fields["body_da"] = f"Kære {{{{ansøgers_navn}}}}\n\nDit CPR-nummer {CPR} er noteret. Han er medlem af en fagforening."
        warned = self.admin.post(form.action, fields)
        self.assertWarned(warned, "Tekst (dansk)", "CPR-nummer", "fagforeningsmæssigt tilhørsforhold")
        self.assertNotIn(CPR.replace("-", ""), warned.visible_text.replace(CPR, ""))
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM email_templates WHERE body_da LIKE '%{CPR}%'"), 0)
        # The user went back instead: the form sent without the number saves at once, unwarned.
        fields["body_da"] = "Kære {{ansøgers_navn}}\n\nVi tilbyder dig stillingen."
        self.assertStatus(self.admin.post(form.action, fields), 303)
        # Confirmed, the text is saved as written, and the audit event names field and kinds only.
        fields["body_da"] = f"Kære {{{{ansøgers_navn}}}}\n\nReference {CPR}."
        saved = self.admin.post(form.action, {**fields, "confirm_free_text": "1"})
        self.assertStatus(saved, 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM email_templates WHERE body_da LIKE '%{CPR}%'"), 1)
        events = self.confirmed_events("/setup/email-templates/:kind")
        self.assertEqual(events[-1]["after"], {"fields": "body_da", "kinds": "cpr_number"})
        self.assertNotIn(CPR, self.raw_audit("free_text.sensitive_confirmed"))
        self.assertNotIn(CPR.replace("-", ""), self.raw_audit("free_text.sensitive_confirmed"))

    def test_a_message_to_applicants_with_a_sensitive_word_is_not_sent_until_confirmed(self):
        application = self.apply("Beskeden Modtager", f"besked.{uuid.uuid4().hex[:6]}@example.test")
        pl = signed_in(self.server, PROJEKTLEDER, totp=False)
        page = pl.get(f"/cases/{self.case_id}/mail?kind=free_message&application_id={application}")
        self.assertStatus(page, 200)
        form = page.form(action=f"/cases/{self.case_id}/mail")
        values = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en")}
        values.update({"kind": "free_message", "action": "send",
                       "body_da": "Kære {{ansøgers_navn}}\n\nVi har hørt, at du er religiøs og troende."})
        pairs = list(values.items()) + [("application_id", str(application))]
        mailings = self.count(f"SELECT COUNT(*) FROM mailings WHERE case_id = {self.case_id}")
        queued = self.count(f"SELECT COUNT(*) FROM outbox WHERE application_id = {application}")
        warned = pl.post(form.action, pairs)
        self.assertWarned(warned, "Tekst (dansk)", "religion eller tro")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM mailings WHERE case_id = {self.case_id}"), mailings)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM outbox WHERE application_id = {application}"), queued)
        # The warning carries every field of the form, repeated ones included, and sends them again.
        offered = warned.form(action=f"/cases/{self.case_id}/mail")
        self.assertIn(("application_id", str(application)), offered.fields)
        sent = pl.post(form.action, offered.fields)
        self.assertStatus(sent, 303)
        self.assertIn("/mailings/", sent.location)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM mailings WHERE case_id = {self.case_id}"), mailings + 1)
        events = self.confirmed_events("/cases/:case_id/mail")
        self.assertEqual(events[-1]["after"], {"fields": "body_da", "kinds": "religion"})
        self.assertNotIn("religiøs", self.raw_audit("free_text.sensitive_confirmed"))

    def ad_template(self, **fields):
        values = {"name": f"Skabelon {uuid.uuid4().hex[:6]}", "language": "da", "title": "Fuldmægtig",
                  "salary_text": "Efter overenskomst", "collective_agreement": "AC-overenskomsten",
                  "employment_form": "permanent", "employment_basis": "collective_agreement",
                  "working_time": "full_time", "weekly_hours": "", "body": "Vi søger en kollega."}
        values.update(fields)
        return self.admin.post("/setup/ad-templates", values)

    def test_identifiers_are_read_for_cpr_numbers_only_and_a_refused_confirmation_is_not_audited(self):
        before = len(self.server.audit_events(action="free_text.sensitive_confirmed"))
        # A name and a title that start with a listed word are no finding about a person.
        self.assertStatus(self.ad_template(name=f"Sygeplejerske {uuid.uuid4().hex[:6]}",
                                           title="Sygeplejerske til psykiatrien"), 303)
        # A CPR number in a name is still found.
        self.assertWarned(self.ad_template(name=f"Skabelon {CPR}"), "CPR-nummer")
        # Confirmed but refused by the handler (no name): nothing is saved and nothing is audited.
        refused = self.ad_template(name="", title=f"Fuldmægtig {CPR}", confirm_free_text="1")
        self.assertStatus(refused, 400)
        self.assertEqual(len(self.server.audit_events(action="free_text.sensitive_confirmed")), before)


class RectificationTest(FreeTextCase):
    mail_sink = True

    def rectify_path(self, application):
        return f"/cases/{self.case_id}/applications/{application}/rectify"

    def personal(self, application):
        return tuple(self.sql(f"SELECT full_name, email, phone FROM applications WHERE id = {application}")[0])

    def test_hr_corrects_the_personal_data_sealed_in_the_audit_trail_and_registered(self):
        tag = uuid.uuid4().hex[:6]
        old_email, new_email = f"forkert.{tag}@example.test", f"rettet.{tag}@example.test"
        application = self.apply("Bodil Forkertstavet", old_email, "11 22 33 44")
        page = self.admin.get(f"/cases/{self.case_id}/applications/{application}")
        self.assertIn(self.rectify_path(application), page.links())
        form_page = self.admin.get(self.rectify_path(application))
        self.assertStatus(form_page, 200)
        self.assertEqual(form_page.form_fields(action=self.rectify_path(application)).get("email"), old_email)
        reason = f"Ansøgeren ringede {tag} og bad om rettelse"
        saved = self.admin.post(self.rectify_path(application),
                                {"full_name": "Bodil Rigtigstavet", "email": new_email.upper(),
                                 "phone": "11 22 33 44", "reason": reason})
        self.assertStatus(saved, 303)
        self.assertEqual(self.personal(application), ("Bodil Rigtigstavet", new_email, "11 22 33 44"))
        self.assertIn("Personoplysningerne er rettet", self.admin.get(saved.location).visible_text)
        # The audit event names the fields changed; the values and the reason are sealed under the
        # application's key and read only through it.
        events = self.server.audit_events(action="application.rectified", object_id=str(application))
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["after"]["fields"], "name,email")
        self.assertEqual(events[0]["before"], {"name": "Bodil Forkertstavet", "email": old_email})
        self.assertEqual(events[0]["after"]["email"], new_email)
        self.assertEqual(events[0]["after"]["rectification_reason"], reason)
        stored = self.raw_audit("application.rectified")
        for value in ("Forkertstavet", "Rigtigstavet", old_email, new_email, tag):
            self.assertNotIn(value, stored)
        self.assertIn(f"sealed1:application:{application}:", stored)
        # The register of requests has it, with its outcome.
        self.assertEqual(self.sql(f"SELECT kind, channel, outcome FROM data_requests WHERE application_id = {application}"),
                         [["rectification", "staff", "rectified"]])
        register = self.admin.get("/retention/requests")
        self.assertIn("Berigtigelse (artikel 16)", register.visible_text)
        self.assertIn("Rettet", register.visible_text)
        # The search finds the new name, not the old one.
        found = self.admin.get("/applications/search?q=Rigtigstavet")
        self.assertIn(f"/applications/{application}", " ".join(found.links()))
        gone = self.admin.get("/applications/search?q=Forkertstavet")
        self.assertNotIn(f"/applications/{application}", " ".join(gone.links()))
        # A request for access now finds the application by the corrected address.
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM applications WHERE email = {quoted(old_email)}"), 0)

    def test_bad_input_is_refused_by_field_and_changes_nothing(self):
        application = self.apply("Carl Uændret", f"uaendret.{uuid.uuid4().hex[:6]}@example.test")
        before = self.personal(application)
        valid = {"full_name": "Carl Ændret", "email": "aendret@example.test", "phone": "", "reason": "Rettelse"}
        for change, message in (({"full_name": ""}, "Skriv ansøgerens fulde navn."),
                                ({"full_name": "x" * 201}, None),
                                ({"full_name": "Carl\nBcc"}, None),
                                ({"email": "ikke-en-adresse"}, None),
                                ({"email": "a@example.test\r\nBcc: b@example.test"}, None),
                                ({"phone": "ring mig op"}, None),
                                ({"reason": ""}, "Skriv begrundelsen for rettelsen."),
                                ({"reason": "x" * 1001}, None),
                                ({"full_name": before[0], "email": before[1], "phone": before[2]},
                                 "Værdierne er de samme som før")):
            with self.subTest(change=change):
                response = self.admin.post(self.rectify_path(application), {**valid, **change})
                self.assertStatus(response, 400)
                if message:
                    self.assertIn(message, response.visible_text)
                self.assertEqual(self.personal(application), before)
        self.assertEqual(self.server.audit_events(action="application.rectified", object_id=str(application)), [])
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM data_requests WHERE application_id = {application}"), 0)

    def test_only_those_who_manage_the_applications_correct_them(self):
        application = self.apply("Dorte Beskyttet", f"beskyttet.{uuid.uuid4().hex[:6]}@example.test")
        before = self.personal(application)
        fields = {"full_name": "Dorte Overtaget", "email": "overtaget@example.test", "phone": "",
                  "reason": "Forsøg"}
        # A committee member without the lead may read, but not correct.
        deltager = signed_in(self.server, DELTAGER, totp=False)
        declare_no_conflicts(deltager, self.case_id)
        self.assertNotIn(self.rectify_path(application),
                         deltager.get(f"/cases/{self.case_id}/applications/{application}").links())
        self.assertIn(deltager.get(self.rectify_path(application)).status, (403, 404))
        self.assertIn(deltager.post(self.rectify_path(application), fields).status, (403, 404))
        # Another institution's administrator finds nothing.
        other = signed_in(self.server, AKADEMIET_ADMINISTRATOR)
        self.assertStatus(other.post(self.rectify_path(application), fields), 404)
        # An application of another case is not found under this one.
        other_case = self.count(f"SELECT id FROM recruitment_cases WHERE institution_id = {self.institution}"
                                f" AND id <> {self.case_id} ORDER BY id LIMIT 1")
        self.assertStatus(self.admin.post(f"/cases/{other_case}/applications/{application}/rectify", fields), 404)
        self.assertEqual(self.personal(application), before)
        # The Projektleder, having declared, does.
        pl = signed_in(self.server, PROJEKTLEDER, totp=False)
        declare_no_conflicts(pl, self.case_id)
        self.assertStatus(pl.post(self.rectify_path(application), {**fields, "email": "dorte.ny@example.test"}), 303)
        self.assertEqual(self.personal(application)[1], "dorte.ny@example.test")


if __name__ == "__main__":
    unittest.main()
