"""The committee's assessment against the real binary: conflict declarations and what a conflict hides,
the four screening methods, notes with the sensitive-data warning, and bulk status changes. The same
tests run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import re
import time
import unittest

import documents
from accounts import ADMINISTRATOR, DELTAGER, LEDER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql

CASE_TITLE = "Fuldmægtig til økonomienheden"


class AssessmentCase(ServerTestCase):
    seed_demo = True
    mail_sink = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{CASE_TITLE}'")[0][0])
        institution = cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0]
        cls.sql(f"INSERT INTO case_questions (institution_id, case_id, text, kind, options, position) VALUES "
                f"({institution}, {cls.case_id}, 'Har du en relevant uddannelse?', 'yes_no', 'Ja\n!Nej', 9)")
        cls.question = int(cls.sql(f"SELECT MAX(id) FROM case_questions WHERE case_id = {cls.case_id}")[0][0])
        cls.pl = signed_in(cls.server, PROJEKTLEDER, totp=False)
        cls.dennis = signed_in(cls.server, DELTAGER, totp=False)
        cls.lene = signed_in(cls.server, LEDER, totp=False)

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def apply(cls, name, email, answer="Ja", cover_letter="Jeg søger stillingen.", files=None, **more):
        client = cls.server.client()
        page = client.get(f"/positions/{cls.case_id}/apply")
        form = page.form(action=f"/positions/{cls.case_id}/apply")
        fields = {"form_key": form.get("form_key"), "full_name": name, "email": email, "phone": "+45 22 33 44 55",
                  "cover_letter": cover_letter, "consent_processing": "1", f"q{cls.question}": answer, "send": "1",
                  **more}
        response = client.post(form.action, fields, files=files or {})
        assert response.status == 303, response.visible_text[:2000]
        return int(cls.sql(f"SELECT MAX(id) FROM applications WHERE email = '{email}'")[0][0])

    def listing(self, client, query=""):
        declare_no_conflicts(client, self.case_id)
        page = client.get(f"/cases/{self.case_id}/applications{query}")
        self.assertStatus(page, 200)
        return page

    def set_methods(self, **methods):
        settings = {"individual": "1", "knockout": "1"}
        settings.update({name: value for name, value in methods.items() if value is not None})
        for name in [name for name, value in methods.items() if value is None]:
            settings.pop(name, None)
        return self.pl.post(f"/cases/{self.case_id}/screening", settings)

    def count(self, query):
        return int(self.sql(query)[0][0])


class ConflictTest(AssessmentCase):
    def test_a_member_declares_before_seeing_and_a_conflict_hides_the_applicant(self):
        karen = self.apply("Karen Konflikt", "karen.konflikt@example.test", cover_letter="Zebrafinke erfaring")
        olga = self.apply("Olga Oplagt", "olga.oplagt@example.test")
        # Before declaring, the list sends the member to the declarations.
        first = self.dennis.get(f"/cases/{self.case_id}/applications")
        self.assertStatus(first, 303)
        self.assertTrue(first.header("Location").endswith(f"/cases/{self.case_id}/declarations"))
        self.assertStatus(self.dennis.get(f"/cases/{self.case_id}/applications/{olga}"), 303)
        form = self.dennis.get(f"/cases/{self.case_id}/declarations")
        self.assertStatus(form, 200)
        self.assertIn("Karen Konflikt", form.visible_text)
        shown = re.findall(r'name="shown" value="(\d+)"', form.text)
        # Declaring on an application of no one's list is refused, and nothing is stored.
        refused = self.dennis.post(f"/cases/{self.case_id}/declarations", [("declaration_999999", "none")])
        self.assertStatus(refused, 400)
        dennis_id = self.sql("SELECT id FROM users WHERE email = 'deltager@styrelsen.example.test'")[0][0]
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM conflict_declarations WHERE user_id = {dennis_id}"), 0)
        response = self.dennis.post(f"/cases/{self.case_id}/declarations",
                                    [("all_none", "1"), (f"declaration_{karen}", "conflict")] +
                                    [("shown", i) for i in shown])
        self.assertStatus(response, 303)
        listing = self.dennis.get(f"/cases/{self.case_id}/applications")
        self.assertStatus(listing, 200)
        self.assertNotIn("Karen Konflikt", listing.visible_text)
        self.assertIn("Olga Oplagt", listing.visible_text)
        total = lambda page: int(re.search(r'id="application-total">(\d+)<', page.text).group(1))
        everyone = total(self.listing(self.pl))
        self.assertEqual(total(listing), everyone - 1)
        # Open, search, files, marks and the case page's count leave the applicant out too.
        self.assertStatus(self.dennis.get(f"/cases/{self.case_id}/applications/{karen}"), 404)
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{karen}/mark", {"mark": "yes"}), 404)
        found = self.dennis.get(f"/cases/{self.case_id}/applications?q=zebrafinke")
        self.assertNotIn(f"/applications/{karen}", found.text)
        case_page = self.dennis.get(f"/cases/{self.case_id}")
        self.assertEqual(int(re.search(r'id="application-count">(\d+)<', case_page.text).group(1)), everyone - 1)
        # Others still see Karen; the Projektleder sees the declaration.
        self.assertIn("Karen Konflikt", self.listing(self.pl).visible_text)
        overview = self.pl.get(f"/cases/{self.case_id}/conflicts")
        self.assertStatus(overview, 200)
        self.assertIn("Dennis Deltager", overview.visible_text)
        self.assertIn("Karen Konflikt", overview.visible_text)
        self.assertStatus(self.dennis.get(f"/cases/{self.case_id}/conflicts"), 403)
        # The audit event names ids, never the applicant.
        events = self.sql("SELECT after_json FROM audit_events WHERE action = 'conflict.declared'")
        self.assertTrue(any(str(karen) in row[0] for row in events))
        self.assertFalse(any("Karen" in row[0] for row in events))
        # A later application is asked about again before the list shows.
        self.apply("Senere Sen", "senere.sen@example.test")
        again = self.dennis.get(f"/cases/{self.case_id}/applications")
        self.assertStatus(again, 303)
        form = self.dennis.get(f"/cases/{self.case_id}/declarations")
        self.assertIn("Senere Sen", form.visible_text)
        self.assertNotIn("Olga Oplagt", form.visible_text)
        # A declared conflict is never declared away.
        self.assertEqual(self.count(f"SELECT conflict FROM conflict_declarations WHERE application_id = {karen} "
                                    "AND user_id = (SELECT id FROM users WHERE email = 'deltager@styrelsen.example.test')"),
                         1)

    def test_a_member_can_declare_a_conflict_later_from_the_application(self):
        later = self.apply("Lise Senere", "lise.senere@example.test")
        self.listing(self.lene)
        self.assertStatus(self.lene.get(f"/cases/{self.case_id}/applications/{later}"), 200)
        self.assertStatus(self.lene.post(f"/cases/{self.case_id}/applications/{later}/conflict", {}), 303)
        self.assertStatus(self.lene.get(f"/cases/{self.case_id}/applications/{later}"), 404)
        self.assertNotIn("Lise Senere", self.listing(self.lene).visible_text)


    def test_the_projektleder_cannot_mail_an_applicant_they_have_a_conflict_with(self):
        target = self.apply("Mads Mailløs", "mads.maillos@example.test")
        self.listing(self.pl)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/applications/{target}/conflict", {}), 303)
        compose = self.pl.get(f"/cases/{self.case_id}/mail?kind=free_message&application_id={target}")
        self.assertNotIn("Mads Mailløs", compose.visible_text)
        self.assertNotIn("mads.maillos@example.test", compose.text)
        sent = self.pl.post(f"/cases/{self.case_id}/mail", [("kind", "free_message"), ("action", "send"),
                                                            ("application_id", str(target)),
                                                            ("subject_da", "Hej"), ("body_da", "Hej"),
                                                            ("subject_en", "Hi"), ("body_en", "Hi")])
        self.assertStatus(sent, 400)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM outbox WHERE application_id = {target} "
                                    "AND kind = 'free_message'"), 0)


class IndividualAndScorecardTest(AssessmentCase):
    def test_marks_stay_hidden_until_the_member_gives_their_own(self):
        self.assertStatus(self.set_methods(), 303)
        target = self.apply("Mette Mærke", "mette.maerke@example.test")
        self.listing(self.pl)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/applications/{target}/mark",
                                       {"mark": "yes", "comment": "Stærk faglighed"}), 303)
        self.listing(self.dennis)
        before = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        self.assertNotIn("Stærk faglighed", before.visible_text)
        self.assertIn('id="committee-marks"', before.text)
        hostile = self.dennis.post(f"/cases/{self.case_id}/applications/{target}/mark", {"mark": "måske"})
        self.assertStatus(hostile, 400)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM assessment_marks WHERE application_id = {target}"), 1)
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/mark", {"mark": "no"}), 303)
        after = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        self.assertIn("Stærk faglighed", after.visible_text)
        self.assertIn("Pia Projektleder", after.visible_text)
        # The comment is sealed under the application's key, not stored as written.
        stored = self.sql(f"SELECT sealed_comment FROM assessment_marks WHERE application_id = {target}")
        self.assertFalse(any("Stærk" in row[0] for row in stored))
        # The committee's order puts what the member judged first, and the summary is stored.
        row = self.sql(f"SELECT yes_count, no_count, mark_points FROM assessment_summaries WHERE application_id = {target}")[0]
        self.assertEqual([int(value) for value in row], [1, 1, 100])
        ordered = self.dennis.get(f"/cases/{self.case_id}/applications?sort=committee")
        self.assertStatus(ordered, 200)
        first = re.search(r'/cases/\d+/applications/(\d+)"', ordered.text)
        self.assertEqual(int(first.group(1)), target)

    def test_the_scorecard_weighs_criteria_and_shows_the_spread(self):
        bad = self.set_methods(scorecard="1", criterion_1="Faglighed", criterion_1_weight="11",
                               criterion_2="faglighed", criterion_2_weight="1")
        self.assertStatus(bad, 400)
        self.assertIn("criterion_1_weight", bad.text)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM assessment_criteria WHERE case_id = {self.case_id}"), 0)
        self.assertStatus(self.set_methods(scorecard="1", criterion_1="Faglighed", criterion_1_weight="3",
                                           criterion_2="Samarbejde", criterion_2_weight="1"), 303)
        criteria = {row[0]: int(row[1]) for row in
                    self.sql(f"SELECT name, id FROM assessment_criteria WHERE case_id = {self.case_id}")}
        target = self.apply("Sara Score", "sara.score@example.test")
        self.listing(self.pl)
        self.listing(self.dennis)
        faglighed, samarbejde = criteria["Faglighed"], criteria["Samarbejde"]
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/applications/{target}/scores",
                                       {f"score_{faglighed}": "6"}), 400)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/applications/{target}/scores",
                                       {f"score_{faglighed}": "5", f"score_{samarbejde}": "1"}), 303)
        hidden = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        self.assertNotIn("4,00", hidden.visible_text)
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/scores",
                                           {f"score_{faglighed}": "1", f"score_{samarbejde}": "5"}), 303)
        shown = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        # Pia: (3·5 + 1)/4 = 4; Dennis: (3·1 + 5)/4 = 2; the mean 3 with the spread 2–4.
        text = shown.visible_text
        self.assertRegex(text, r"Vægtet gennemsnit:\s*3")
        self.assertRegex(text, r"2\s*–\s*4")
        self.assertEqual([int(v) for v in self.sql(
            f"SELECT score_mean, score_low, score_high FROM assessment_summaries WHERE application_id = {target}")[0]],
            [300, 200, 400])
        # An unknown criterion is not found, and nothing changes.
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/scores",
                                           {"score_999999": "3"}), 404)


class KnockoutAndStatusTest(AssessmentCase):
    def test_nobody_is_rejected_before_the_deadline_or_without_confirmation(self):
        flagged = self.apply("Knud Knockout", "knud.knockout@example.test", answer="Nej")
        passing = self.apply("Petra Passer", "petra.passer@example.test", answer="Ja")
        self.assertEqual(self.sql(f"SELECT knocked_out FROM applications WHERE id = {flagged}")[0][0] in ("1", 1, "t"), True)
        group = self.listing(self.pl, "?knockout=yes")
        self.assertIn("Knud Knockout", group.visible_text)
        self.assertNotIn("Petra Passer", group.visible_text)
        early = self.pl.post(f"/cases/{self.case_id}/applications/bulk",
                             [("action", "status"), ("status", "rejected"), ("confirm", "1"), ("application_id", str(flagged))])
        self.assertStatus(early, 400)
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {flagged}")[0][0], "received")
        deadline = self.sql(f"SELECT application_deadline FROM recruitment_cases WHERE id = {self.case_id}")[0][0]
        self.addCleanup(self.sql, f"UPDATE recruitment_cases SET application_deadline = {deadline} WHERE id = {self.case_id}")
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 60} WHERE id = {self.case_id}")
        asked = self.pl.post(f"/cases/{self.case_id}/applications/bulk",
                             [("action", "status"), ("status", "rejected"), ("application_id", str(flagged))])
        self.assertStatus(asked, 200)
        self.assertIn('name="confirm" value="1"', asked.text)
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {flagged}")[0][0], "received")
        confirmed = self.pl.submit(asked.form(action=f"/cases/{self.case_id}/applications/bulk"))
        self.assertStatus(confirmed, 303)
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {flagged}")[0][0], "rejected")
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {passing}")[0][0], "received")
        # Moving on to assessment; a member without the Projektleder's rights may not.
        moved = self.pl.post(f"/cases/{self.case_id}/applications/bulk",
                             [("action", "status"), ("status", "in_assessment"), ("application_id", str(passing)),
                              ("application_id", str(flagged))])
        self.assertStatus(moved, 303)
        self.assertIn("refused=1", moved.header("Location"))
        self.assertEqual(self.sql(f"SELECT status FROM applications WHERE id = {passing}")[0][0], "in_assessment")
        self.listing(self.dennis)
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/bulk",
                                           [("action", "status"), ("status", "in_assessment"),
                                            ("application_id", str(passing))]), 403)
        # The bulk form's mail button leads to the compose page with the chosen applicants.
        mail = self.pl.post(f"/cases/{self.case_id}/applications/bulk",
                            [("action", "mail"), ("kind", "rejection"), ("application_id", str(passing))])
        self.assertStatus(mail, 303)
        self.assertIn(f"application_id={passing}", mail.header("Location"))


class AnonymisedRoundTest(AssessmentCase):
    def test_the_committee_sees_no_identity_until_the_projektleder_lifts_it(self):
        letter = "Jeg hedder Anja Anonym, er 34 år og bor på Skjultvej 3. Skriv til anja.anonym@example.test."
        cv = documents.pdf("Anja Anonym CV: Erfaren fuldmægtig. Telefon 22 33 44 55.")
        target = self.apply("Anja Anonym", "anja.anonym@example.test", cover_letter=letter,
                            files={"cv_file": ("Anja Anonym.pdf", cv, "application/pdf")},
                            address="Skjultvej 3", postal_code="8000", city="Aarhus C")
        attachment = int(self.sql(f"SELECT id FROM application_attachments WHERE application_id = {target}")[0][0])
        deadline = time.time() + 30
        while self.sql(f"SELECT text_status FROM application_attachments WHERE id = {attachment}")[0][0] == "pending" \
                and time.time() < deadline:
            time.sleep(0.3)
        self.assertStatus(self.set_methods(anonymous="1"), 303)
        listing = self.listing(self.dennis)
        self.assertNotIn("Anja", listing.visible_text)
        page = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        self.assertStatus(page, 200)
        for secret in ("Anja", "Anonym,", "anja.anonym@example.test", "34 år", "Skjultvej", "Aarhus"):
            self.assertNotIn(secret, page.visible_text)
        self.assertStatus(self.dennis.get(f"/cases/{self.case_id}/applications/{target}/attachments/{attachment}"), 403)
        text = self.dennis.get(f"/cases/{self.case_id}/applications/{target}/attachments/{attachment}/text")
        self.assertStatus(text, 200)
        self.assertIn("fuldmægtig", text.visible_text)
        self.assertNotIn("Anja", text.visible_text)
        self.assertNotIn("22 33 44 55", text.visible_text)
        # Searching a name finds nothing that would tell.
        found = self.dennis.get(f"/cases/{self.case_id}/applications?q=anja").text
        results = found[found.index('id="search-results"'):found.index("</section>", found.index('id="search-results"'))]
        self.assertNotIn(f"/applications/{target}", results)
        # The administration sees the application as sent.
        anders = signed_in(self.server, ADMINISTRATOR)
        self.assertIn("anja.anonym@example.test", anders.get(f"/cases/{self.case_id}/applications/{target}").visible_text)
        self.assertIn(f"/applications/{target}", anders.get(f"/cases/{self.case_id}/applications?q=anja").text)
        # Only the Projektleder lifts it; then the committee sees who it is, and it is audited.
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/anonymity", {}), 403)
        self.listing(self.pl)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/applications/{target}/anonymity", {}), 303)
        self.assertIn("Anja Anonym", self.dennis.get(f"/cases/{self.case_id}/applications/{target}").visible_text)
        self.assertEqual(self.count("SELECT COUNT(*) FROM audit_events WHERE action = 'application.anonymity_lifted' "
                                    f"AND object_id = '{target}'"), 1)
        self.assertStatus(self.set_methods(anonymous=None), 303)


class NotesTest(AssessmentCase):
    def test_a_cpr_number_in_a_note_is_warned_about_and_kept_only_when_confirmed(self):
        target = self.apply("Nina Notat", "nina.notat@example.test")
        self.listing(self.dennis)
        path = f"/cases/{self.case_id}/applications/{target}/notes"
        # A valid CPR number (modulus 11 holds) built from a date: 010190-0000 + check digit.
        digits = [0, 1, 0, 1, 9, 0, 0, 0, 0]
        weights = [4, 3, 2, 7, 6, 5, 4, 3, 2]
        check = (11 - sum(d * w for d, w in zip(digits, weights)) % 11) % 11
        if check == 10:
            digits[8] = 1
            check = (11 - sum(d * w for d, w in zip(digits, weights)) % 11) % 11
        cpr = "".join(map(str, digits[:6])) + "-" + "".join(map(str, digits[6:])) + str(check)
        warned = self.dennis.post(path, {"note": f"Ansøgerens CPR er {cpr} og hun har været sygemeldt."})
        self.assertStatus(warned, 400)
        self.assertIn("confirm_sensitive", warned.text)
        self.assertIn(cpr.split("-")[0], warned.text)  # the note as typed is kept in the form
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM application_notes WHERE application_id = {target}"), 0)
        self.assertStatus(self.dennis.post(path, {"note": "God samtale om regnskab."}), 303)
        self.assertStatus(self.dennis.post(path, {"note": "Sygemeldt i en periode; relevant for tiltrædelse.",
                                                  "confirm_sensitive": "1"}), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM application_notes WHERE application_id = {target}"), 2)
        self.assertFalse(any("regnskab" in row[0] for row in
                             self.sql(f"SELECT sealed_text FROM application_notes WHERE application_id = {target}")))
        page = self.dennis.get(f"/cases/{self.case_id}/applications/{target}")
        self.assertIn("God samtale om regnskab.", page.visible_text)
        events = self.sql(f"SELECT action, after_json FROM audit_events WHERE object_id = '{target}' "
                          "AND action LIKE 'note.%' ORDER BY id")
        self.assertEqual([row[0] for row in events], ["note.added", "note.added_despite_warning"])
        self.assertFalse(any("Sygemeldt" in row[1] or "regnskab" in row[1] for row in events))
        self.assertStatus(self.dennis.post(path, {"note": "x" * 5001}), 400)
        self.assertStatus(self.dennis.post(path, {"note": "   "}), 400)
        # Tags, bounded, and a filter on them.
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/tags",
                                           {"tags": "stærk, regnskab, Stærk"}), 303)
        self.assertEqual(sorted(row[0] for row in self.sql(f"SELECT tag FROM application_tags WHERE application_id = {target}")),
                         ["regnskab", "stærk"])
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/applications/{target}/tags", {"tags": "x" * 41}), 400)
        tagged = self.dennis.get(f"/cases/{self.case_id}/applications?tag=regnskab")
        self.assertIn("Nina Notat", tagged.visible_text)
        # A mark's comment is checked the same way.
        mark = f"/cases/{self.case_id}/applications/{target}/mark"
        self.assertStatus(self.dennis.post(mark, {"mark": "yes", "comment": "Aktiv i sin fagforening."}), 400)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM assessment_marks WHERE application_id = {target}"), 0)
        self.assertStatus(self.dennis.post(mark, {"mark": "yes", "comment": "Aktiv i sin fagforening.",
                                                  "confirm_sensitive": "1"}), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM assessment_marks WHERE application_id = {target}"), 1)
        # The history lists what happened, without the texts.
        self.assertIn("Skrev et notat", page.visible_text)

    def test_a_state_change_without_its_csrf_token_changes_nothing(self):
        target = self.apply("Carl Csrf", "carl.csrf@example.test")
        self.listing(self.dennis)
        response = self.dennis.post(f"/cases/{self.case_id}/applications/{target}/mark", {"mark": "yes"}, csrf=False)
        self.assertStatus(response, 403)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM assessment_marks WHERE application_id = {target}"), 0)


if __name__ == "__main__":
    unittest.main()
