"""Institution set-up: units, mandatory texts, ad templates, screening questions and lists."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import ADMINISTRATOR, PROJEKTLEDER, login  # noqa: E402
from harness import ServerTestCase, execute_sql  # noqa: E402

AKADEMIET_ADMINISTRATOR = "administrator@akademiet.example.test"


class InstitutionSetupTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.server.client()
        login(cls.admin, ADMINISTRATOR)

    def scalar(self, query):
        rows = execute_sql(self.server.database_url, query)
        return rows[0][0] if rows else None

    def test_every_setup_page_opens_for_an_administrator(self):
        for path in ("/setup", "/setup/units", "/setup/mandatory-texts", "/setup/ad-templates", "/setup/questions",
                     "/setup/lists"):
            self.assertStatus(self.admin.get(path), 200)

    def test_units_nest_and_bad_names_are_refused(self):
        parent = self.scalar("SELECT MIN(id) FROM organisation_units WHERE institution_id = 1")
        self.assertStatus(self.admin.post("/setup/units", {"name": "Kontoret for test", "parent_id": parent}), 303)
        self.assertEqual(self.scalar("SELECT parent_id FROM organisation_units WHERE name = 'Kontoret for test'"),
                         str(parent))
        before = self.scalar("SELECT COUNT(*) FROM organisation_units")
        refused = self.admin.post("/setup/units", {"name": "  ", "parent_id": ""})
        self.assertStatus(refused, 400)
        self.assertIn("error-summary", refused.text)
        foreign = self.scalar("SELECT MIN(id) FROM organisation_units WHERE institution_id = 2")
        self.assertStatus(self.admin.post("/setup/units", {"name": "Snyd", "parent_id": foreign}), 400)
        self.assertEqual(self.scalar("SELECT COUNT(*) FROM organisation_units"), before)

    def test_mandatory_text_is_stored_inert_and_audited(self):
        created = self.admin.post("/setup/mandatory-texts", {
            "name": "Fjendtlig", "kind": "other", "language": "da", "position": "9", "required": "1",
            "body": "<script>alert(1)</script> [klik](javascript:alert(1)) **fed**"})
        self.assertStatus(created, 303)
        text_id = self.scalar("SELECT id FROM mandatory_texts WHERE name = 'Fjendtlig'")
        html = self.scalar(f"SELECT body_html FROM mandatory_texts WHERE id = {text_id}")
        self.assertNotIn("<script", html)
        self.assertNotIn("javascript:", html)
        self.assertIn("<strong>fed</strong>", html)
        page = self.admin.get(f"/setup/mandatory-texts/{text_id}")
        self.assertStatus(page, 200)
        self.assertNotIn("<script>alert", page.text)
        self.assertEqual(self.scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'setup.mandatory_text_created' "
                                     f"AND object_id = '{text_id}'"), "1")

    def test_bad_mandatory_text_names_each_field_and_changes_nothing(self):
        text_id = self.scalar("SELECT MIN(id) FROM mandatory_texts WHERE institution_id = 1")
        before = self.scalar(f"SELECT name || body_source FROM mandatory_texts WHERE id = {text_id}")
        refused = self.admin.post(f"/setup/mandatory-texts/{text_id}",
                                  {"name": "", "kind": "bogus", "language": "xx", "body": ""})
        self.assertStatus(refused, 400)
        for field in ("#name", "#kind", "#language", "#body"):
            self.assertIn(f'href="{field}"', refused.text)
        self.assertEqual(self.scalar(f"SELECT name || body_source FROM mandatory_texts WHERE id = {text_id}"), before)

    def test_questions_need_options_for_choices(self):
        self.assertStatus(self.admin.post("/setup/questions", {"text": "Kørekort?", "kind": "single_choice",
                                                               "options": "Ja"}), 400)
        self.assertStatus(self.admin.post("/setup/questions", {"text": "Kørekort?", "kind": "single_choice",
                                                               "options": "Ja\n!Nej"}), 303)
        self.assertEqual(self.scalar("SELECT COUNT(*) FROM question_templates WHERE text = 'Kørekort?' "
                                     "AND options LIKE '%!Nej%'"), "1")

    def test_ad_template_and_lists(self):
        self.assertStatus(self.admin.post("/setup/ad-templates", {
            "name": "Kontorfuldmægtig", "language": "da", "title": "Kontorfuldmægtig",
            "employment_form": "permanent", "employment_basis": "collective_agreement", "working_time": "full_time",
            "body": "Vi søger en {{title}}."}), 303)
        self.assertStatus(self.admin.post("/setup/ad-templates", {
            "name": "Forkert", "language": "da", "employment_form": "forever", "employment_basis": "x",
            "working_time": "full_time", "body": ""}), 400)
        self.assertIsNone(self.scalar("SELECT id FROM ad_templates WHERE name = 'Forkert'"))
        self.assertStatus(self.admin.post("/setup/lists/agreements", {"agreement_name": "Testoverenskomst"}), 303)
        item = self.scalar("SELECT id FROM collective_agreements WHERE name = 'Testoverenskomst'")
        self.assertStatus(self.admin.post(f"/setup/lists/agreements/{item}/remove", {}), 303)
        self.assertIsNone(self.scalar("SELECT id FROM collective_agreements WHERE name = 'Testoverenskomst'"))
        self.assertStatus(self.admin.post("/setup/lists/nonsense", {"agreement_name": "x"}), 404)

    def test_case_users_and_other_institutions_get_not_found(self):
        case_user = self.server.client()
        login(case_user, PROJEKTLEDER, totp=False)
        for path in ("/setup", "/setup/units", "/setup/mandatory-texts"):
            self.assertStatus(case_user.get(path), 404)
        other = self.server.client()
        login(other, AKADEMIET_ADMINISTRATOR)
        text_id = self.scalar("SELECT MIN(id) FROM mandatory_texts WHERE institution_id = 1")
        nothing = other.get("/setup/mandatory-texts/987654321")
        foreign = other.get(f"/setup/mandatory-texts/{text_id}")
        self.assertStatus(foreign, 404)
        self.assertEqual(re.sub(r"<code>[0-9a-f]+</code>", "", foreign.text),
                         re.sub(r"<code>[0-9a-f]+</code>", "", nothing.text).replace("987654321", str(text_id)))
        before = self.scalar(f"SELECT name FROM mandatory_texts WHERE id = {text_id}")
        self.assertStatus(other.post(f"/setup/mandatory-texts/{text_id}",
                                     {"name": "Overtaget", "kind": "other", "language": "da", "body": "x"}), 404)
        self.assertEqual(self.scalar(f"SELECT name FROM mandatory_texts WHERE id = {text_id}"), before)


if __name__ == "__main__":
    unittest.main()
