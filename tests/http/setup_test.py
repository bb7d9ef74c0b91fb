"""Institution set-up: units, mandatory texts, ad templates, screening questions and lists.

Everything the tests look at is created through the pages (the demo data's own set-up is not relied
on). Run on both databases:

    /usr/bin/python3 -m unittest tests/http/setup_test.py -v
    REKRUT_TEST_DATABASE=postgresql /usr/bin/python3 -m unittest tests/http/setup_test.py -v
"""
import json
import os
import re
import sys
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_ADMINISTRATOR, PROJEKTLEDER, STYRELSEN,  # noqa: E402
                      SUPERBRUGER, signed_in)
from harness import ServerTestCase, execute_sql  # noqa: E402

NONEXISTENT_ID = "987654321"
SETUP_PAGES = ("/setup", "/setup/units", "/setup/mandatory-texts", "/setup/ad-templates", "/setup/questions",
               "/setup/lists")
SETUP_TABLES = ("organisation_units", "mandatory_texts", "ad_templates", "question_templates",
                "collective_agreements", "position_categories")
HOSTILE_BODY = ('<script>alert("x")</script> [klik her](javascript:alert(1)) <img src=x onerror="alert(2)"> '
                '**fed** og [hjemmesiden](https://www.example.test)')


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


class InstitutionSetupTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One login per person for the class: a TOTP time step works only once per user.
        cls.admin = signed_in(cls.server, ADMINISTRATOR)
        cls.other_admin = signed_in(cls.server, AKADEMIET_ADMINISTRATOR)
        cls.case_user = signed_in(cls.server, PROJEKTLEDER, totp=False)
        cls.styrelsen = cls.class_scalar(f"SELECT id FROM institutions WHERE name = {quoted(STYRELSEN)}")
        cls.akademiet = cls.class_scalar(f"SELECT id FROM institutions WHERE name = {quoted(AKADEMIET)}")

    # -- data

    @classmethod
    def class_scalar(cls, query):
        rows = execute_sql(cls.server.database_url, query)
        return rows[0][0] if rows else None

    def scalar(self, query):
        return self.class_scalar(query)

    def count(self, query):
        return int(self.scalar(query))

    def id_of(self, table, where):
        value = self.scalar(f"SELECT id FROM {table} WHERE {where}")
        self.assertTrue(value, f"no row in {table} where {where}")
        return value

    def audit(self, action, object_id):
        """The newest audit event of `action` for the object: (actor_user_id, before, after)."""
        rows = execute_sql(self.server.database_url,
                           "SELECT actor_user_id, before_json, after_json, institution_id FROM audit_events"
                           f" WHERE action = {quoted(action)} AND object_id = {quoted(str(object_id))}"
                           " ORDER BY id DESC")
        self.assertTrue(rows, f"no audit event {action} for {object_id}")
        actor, before, after, institution = rows[0]
        self.assertEqual(institution, self.styrelsen)
        return actor, json.loads(before), json.loads(after)

    def user_id(self, email):
        return self.scalar(f"SELECT id FROM users WHERE email = {quoted(email)}")

    def snapshot(self):
        """Row counts of every set-up table and of the audit trail."""
        counts = {table: self.count(f"SELECT COUNT(*) FROM {table}") for table in SETUP_TABLES}
        counts["audit_events"] = self.count("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'setup.%'")
        return counts

    @staticmethod
    def normalised(response):
        """The page without what differs between two requests: the request id and the path."""
        body = response.text
        request_id = response.header("X-Request-Id")
        if request_id:
            body = body.replace(request_id, "{REQUEST_ID}")
        return re.sub(r"/setup[^\s\"<>&]*", "{PATH}", body)

    def assertSameNotFound(self, response, reference):
        self.assertStatus(response, 404)
        self.assertStatus(reference, 404)
        self.assertEqual(self.normalised(response), self.normalised(reference))

    # -- steps

    def assertRefused(self, response, *fields):
        """A 400 page with the error summary that links to each field."""
        self.assertStatus(response, 400)
        self.assertIn('id="error-summary"', response.text)
        for field in fields:
            self.assertIn(f'href="#{field}"', response.text, f"the summary does not name {field}")

    def create(self, path, fields, table, where, client=None):
        response = (client or self.admin).post(path, fields)
        self.assertStatus(response, 303)
        self.assertEqual(response.location, f"{path}?saved=1")
        return self.id_of(table, where)

    def create_unit(self, name, parent=""):
        return self.create("/setup/units", {"name": name, "parent_id": parent}, "organisation_units",
                           f"name = {quoted(name)}")

    def create_text(self, name, **fields):
        values = {"name": name, "kind": "other", "language": "da", "body": "En tekst.", "position": "5",
                  "required": "1", "locked": "1"}
        values.update(fields)
        values = {key: value for key, value in values.items() if value is not None}
        return self.create("/setup/mandatory-texts", values, "mandatory_texts", f"name = {quoted(name)}")

    def create_template(self, name, **fields):
        values = {"name": name, "language": "da", "title": "Fuldmægtig", "salary_text": "Efter overenskomst",
                  "collective_agreement": "AC-overenskomsten", "employment_form": "permanent",
                  "employment_basis": "collective_agreement", "working_time": "full_time", "weekly_hours": "",
                  "body": "Vi søger en {{title}} til {{place_of_work}}. Frist: {{deadline}}."}
        values.update(fields)
        return self.create("/setup/ad-templates", values, "ad_templates", f"name = {quoted(name)}")

    def create_question(self, text, kind, options=""):
        return self.create("/setup/questions", {"text": text, "kind": kind, "options": options},
                           "question_templates", f"text = {quoted(text)}")

    # -- overview and navigation

    def test_a_cpr_number_in_a_text_is_warned_about_and_saved_only_when_confirmed(self):
        # A valid CPR number (the modulus 11 check holds), written with a dash.
        digits = [0, 2, 0, 3, 8, 5, 1, 2, 3]
        weights = [4, 3, 2, 7, 6, 5, 4, 3, 2]
        check = (11 - sum(d * w for d, w in zip(digits, weights)) % 11) % 11
        self.assertNotEqual(check, 10, "pick other digits: no check digit fits")
        cpr = "".join(map(str, digits[:6])) + "-" + "".join(map(str, digits[6:])) + str(check)
        name = unique("Tekst med CPR")
        fields = {"name": name, "kind": "other", "language": "da", "body": f"Kontakt os. Ref. {cpr}.",
                  "position": "5", "required": "1", "locked": "1"}
        warned = self.admin.post("/setup/mandatory-texts", fields)
        self.assertStatus(warned, 400)
        self.assertIn("CPR-nummer", warned.text)
        self.assertIn('name="confirm_free_text"', warned.text)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM mandatory_texts WHERE name = {quoted(name)}"), 0)
        # The warning offers the form again as it was: sending that, confirmed, saves it.
        offered = warned.form_fields(action="/setup/mandatory-texts")
        self.assertEqual(offered.get("body"), fields["body"])
        self.assertEqual(offered.get("confirm_free_text"), "1")
        saved = self.admin.post("/setup/mandatory-texts", {**fields, "confirm_free_text": "1"})
        self.assertStatus(saved, 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM mandatory_texts WHERE name = {quoted(name)}"), 1)
        confirmed = self.server.audit_events(action="free_text.sensitive_confirmed")
        self.assertEqual(confirmed[-1]["object_id"], "/setup/mandatory-texts")
        self.assertEqual(confirmed[-1]["after"], {"fields": "body", "kinds": "cpr_number"})
        self.assertNotIn(cpr, str(execute_sql(self.server.database_url,
                                              "SELECT before_json, after_json FROM audit_events"
                                              " WHERE action = 'free_text.sensitive_confirmed'")))
        # A ten-digit number that is no CPR number passes without a warning.
        self.assertStatus(self.admin.post("/setup/mandatory-texts", {**fields, "name": unique("Tekst"),
                                                                     "body": "Telefon 1234567890."}), 303)

    def test_every_setup_page_opens_for_an_administrator_and_a_superbruger(self):
        superbruger = signed_in(self.server, SUPERBRUGER)
        for client in (self.admin, superbruger):
            for path in SETUP_PAGES:
                self.assertStatus(client.get(path), 200)
        overview = self.admin.get("/setup")
        for path in SETUP_PAGES[1:]:
            self.assertIn(path, overview.links())
        self.assertIn("/setup", self.admin.get("/home").links(), "the header has no link to the set-up")

    def test_case_users_get_not_found_and_change_nothing(self):
        text_id = self.create_text(unique("Kun for administratorer"))
        template_id = self.create_template(unique("Skabelon for administratorer"))
        question_id = self.create_question(unique("Spørgsmål for administratorer?"), "short_text")
        unit_id = self.create_unit(unique("Enhed for administratorer"))
        self.assertNotIn("/setup", self.case_user.get("/home").links())
        nothing = self.case_user.get(f"/setup/mandatory-texts/{NONEXISTENT_ID}")
        self.assertStatus(nothing, 404)
        for path in SETUP_PAGES + (f"/setup/mandatory-texts/{text_id}", f"/setup/ad-templates/{template_id}",
                                   f"/setup/questions/{question_id}"):
            with self.subTest(path=path):
                self.assertSameNotFound(self.case_user.get(path), nothing)
        before = self.snapshot()
        for path, fields in (("/setup/units", {"name": "Projektlederens enhed"}),
                             (f"/setup/units/{unit_id}", {"name": "Omdøbt af projektleder"}),
                             ("/setup/mandatory-texts", {"name": "x", "kind": "other", "language": "da", "body": "x"}),
                             (f"/setup/mandatory-texts/{text_id}",
                              {"name": "x", "kind": "other", "language": "da", "body": "x"}),
                             ("/setup/ad-templates", {"name": "x", "language": "da", "employment_form": "permanent",
                                                      "employment_basis": "civil_servant", "body": "x"}),
                             (f"/setup/questions/{question_id}", {"text": "x", "kind": "short_text"}),
                             ("/setup/lists/agreements", {"agreement_name": "Projektlederens overenskomst"}),
                             ("/setup/lists/categories", {"category_name": "Projektlederens kategori"})):
            self.assertStatus(self.case_user.post(path, fields), 404)
        self.assertEqual(self.snapshot(), before)

    # -- units

    def test_units_nest_and_can_be_renamed(self):
        parent_name, child_name = unique("Sekretariatet"), unique("Jura")
        parent = self.create_unit(parent_name)
        child = self.create_unit(child_name, parent)
        self.assertEqual(self.scalar(f"SELECT parent_id FROM organisation_units WHERE id = {child}"), parent)
        page = self.admin.get("/setup/units")
        self.assertStatus(page, 200)
        # The child is in a list inside the parent's item, and the parent choice shows the path.
        self.assertRegex(page.text, re.compile(
            rf'value="{re.escape(parent_name)}">.*?</form>\s*<ul[^>]*>\s*<li[^>]*>.*?value="{re.escape(child_name)}"',
            re.S))
        self.assertIn(f"{parent_name} › {child_name}", page.text)
        self.assertEqual(self.audit("setup.unit_created", child)[2], {"name": child_name, "parent_id": parent})

        renamed = unique("Juridisk kontor")
        self.assertStatus(self.admin.post(f"/setup/units/{child}", {"name": f"  {renamed} "}), 303)
        self.assertEqual(self.scalar(f"SELECT name FROM organisation_units WHERE id = {child}"), renamed)
        actor, before, after = self.audit("setup.unit_renamed", child)
        self.assertEqual((actor, before, after), (self.user_id(ADMINISTRATOR), {"name": child_name},
                                                  {"name": renamed}))

    def test_bad_units_are_refused_and_change_nothing(self):
        parent = self.create_unit(unique("Økonomi"))
        sibling = unique("Regnskab")
        self.create_unit(sibling, parent)
        foreign_name = unique("Akademiets enhed")
        foreign = self.create("/setup/units", {"name": foreign_name, "parent_id": ""}, "organisation_units",
                              f"name = {quoted(foreign_name)}", client=self.other_admin)
        before = self.snapshot()
        self.assertRefused(self.admin.post("/setup/units", {"name": "   ", "parent_id": ""}), "name")
        self.assertRefused(self.admin.post("/setup/units", {"name": "x" * 201, "parent_id": ""}), "name")
        self.assertRefused(self.admin.post("/setup/units", {"name": unique("Snyd"), "parent_id": foreign}),
                           "parent_id")
        self.assertRefused(self.admin.post("/setup/units", {"name": unique("Snyd"), "parent_id": "abc"}),
                           "parent_id")
        refused = self.admin.post("/setup/units", {"name": sibling.upper(), "parent_id": parent})
        self.assertRefused(refused, "name")
        self.assertIn(f'value="{sibling.upper()}"', refused.text, "the typed name is not kept")
        renaming = self.admin.post(f"/setup/units/{parent}", {"name": ""})
        self.assertRefused(renaming, f"unit_{parent}")
        self.assertEqual(self.snapshot(), before)

    # -- mandatory texts

    def test_mandatory_text_can_be_created_listed_and_changed(self):
        name = unique("Opfordring")
        text_id = self.create_text(name, kind="encouragement", body="Vi opfordrer alle til at søge.")
        listing = self.admin.get("/setup/mandatory-texts")
        self.assertIn(f"/setup/mandatory-texts/{text_id}", listing.links())
        self.assertIn("Opfordring til at søge", listing.visible_text)  # the kind, in Danish
        page = self.admin.get(f"/setup/mandatory-texts/{text_id}")
        self.assertStatus(page, 200)
        self.assertIn("<p>Vi opfordrer alle til at søge.</p>", page.text)
        self.assertEqual(self.audit("setup.mandatory_text_created", text_id)[2]["kind"], "encouragement")

        changed = {"name": name, "kind": "salary", "language": "en", "body": "Salary by agreement.",
                   "position": "2"}  # the check boxes are not sent: optional and editable
        self.assertStatus(self.admin.post(f"/setup/mandatory-texts/{text_id}", changed), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM mandatory_texts WHERE id = {text_id} AND kind = 'salary'"
                                    " AND language = 'en' AND required = 0 AND locked = 0 AND position = 2"
                                    " AND body_html = '<p>Salary by agreement.</p>'"), 1)
        actor, before, after = self.audit("setup.mandatory_text_changed", text_id)
        self.assertEqual(actor, self.user_id(ADMINISTRATOR))
        self.assertEqual((before["body"], before["required"], after["body"], after["required"]),
                         ("Vi opfordrer alle til at søge.", "yes", "Salary by agreement.", "no"))

    def test_mandatory_text_with_script_and_javascript_links_is_stored_inert(self):
        text_id = self.create_text(unique("Fjendtlig"), body=HOSTILE_BODY)
        where = f"FROM mandatory_texts WHERE id = {text_id}"
        for dangerous in ("<script", "javascript:", "<img", 'onerror="'):
            self.assertEqual(self.count(f"SELECT COUNT(*) {where} AND LOWER(body_html) LIKE '%{dangerous}%'"), 0,
                             f"{dangerous} is in the stored HTML")
        self.assertEqual(self.count(f"SELECT COUNT(*) {where} AND body_html LIKE '%<strong>fed</strong>%'"
                                    " AND body_html LIKE '%href=\"https://www.example.test\"%'"), 1)
        page = self.admin.get(f"/setup/mandatory-texts/{text_id}")
        self.assertStatus(page, 200)
        self.assertNotIn('<script>alert("x")', page.text)
        self.assertNotIn('href="javascript:', page.text)
        self.assertIn("&lt;script&gt;", page.text)  # shown as text, in the preview and in the form

    def test_bad_mandatory_text_names_each_field_and_changes_nothing(self):
        text_id = self.create_text(unique("Uændret"))
        before = self.snapshot()
        body = self.scalar(f"SELECT name || '/' || body_source FROM mandatory_texts WHERE id = {text_id}")
        refused = self.admin.post(f"/setup/mandatory-texts/{text_id}",
                                  {"name": "", "kind": "bogus", "language": "xx", "body": " ", "position": "abc"})
        self.assertRefused(refused, "name", "kind", "language", "body", "position")
        self.assertIn('class="form-group form-error"', refused.text)
        self.assertRefused(self.admin.post("/setup/mandatory-texts", {"name": "Ny", "kind": "other",
                                                                      "language": "da", "body": "",
                                                                      "position": "-3"}), "body", "position")
        self.assertEqual(self.scalar(f"SELECT name || '/' || body_source FROM mandatory_texts WHERE id = {text_id}"),
                         body)
        self.assertEqual(self.snapshot(), before)

    def test_missing_danish_encouragement_is_pointed_out(self):
        # Demoakademiet's Danish encouragement texts (if any) become texts of another kind, through the
        # pages; then the page says that ads cannot be ready without one, until there is one again.
        warning = "Der er ingen dansk tekst af typen"
        existing = execute_sql(self.server.database_url,
                               "SELECT id, name FROM mandatory_texts WHERE kind = 'encouragement' AND language = 'da'"
                               f" AND institution_id = {self.akademiet}")
        for text_id, name in existing:
            self.assertStatus(self.other_admin.post(f"/setup/mandatory-texts/{text_id}", {
                "name": name, "kind": "other", "language": "da", "body": "Vi opfordrer alle til at søge.",
                "position": "1", "required": "1", "locked": "1"}), 303)
        self.assertIn(warning, self.other_admin.get("/setup/mandatory-texts").text)
        name = unique("Opfordring")
        self.create("/setup/mandatory-texts", {"name": name, "kind": "encouragement", "language": "da",
                                               "body": "Vi opfordrer alle til at søge.", "position": "1",
                                               "required": "1", "locked": "1"},
                    "mandatory_texts", f"name = {quoted(name)}", client=self.other_admin)
        self.assertNotIn(warning, self.other_admin.get("/setup/mandatory-texts").text)

    # -- ad templates

    def test_ad_template_can_be_created_listed_and_changed(self):
        name = unique("Kontorfuldmægtig")
        template_id = self.create_template(name, working_time="part_time", weekly_hours="32,5",
                                           body="## Om stillingen\nVi søger en {{title}}.\n\n{{mandatory_texts}}")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM ad_templates WHERE id = {template_id}"
                                    " AND full_time = 0 AND weekly_hours = 32.5 AND language = 'da'"), 1)
        listing = self.admin.get("/setup/ad-templates")
        self.assertIn(f"/setup/ad-templates/{template_id}", listing.links())
        page = self.admin.get(f"/setup/ad-templates/{template_id}")
        self.assertStatus(page, 200)
        self.assertIn('value="32.5"', page.text)
        self.assertIn("Vi søger en {{title}}.", page.text)
        self.assertEqual(self.audit("setup.ad_template_created", template_id)[2]["weekly_hours"], "32.5")

        english = {"name": name + " (English)", "language": "en", "title": "Office clerk",
                   "salary_text": "By agreement", "collective_agreement": "HK", "employment_form": "fixed_term",
                   "employment_basis": "collective_agreement", "working_time": "full_time", "weekly_hours": "",
                   "body": "We are looking for an {{title}}. Contact {{contact}}. {{salary}}"}
        self.assertStatus(self.admin.post(f"/setup/ad-templates/{template_id}", english), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM ad_templates WHERE id = {template_id}"
                                    " AND language = 'en' AND full_time = 1 AND weekly_hours = 37"
                                    " AND employment_form = 'fixed_term' AND title = 'Office clerk'"), 1)
        _, before, after = self.audit("setup.ad_template_changed", template_id)
        self.assertEqual((before["language"], after["language"], after["name"]), ("da", "en", english["name"]))

    def test_bad_ad_templates_are_refused_and_change_nothing(self):
        template_id = self.create_template(unique("Uændret skabelon"))
        before = self.snapshot()
        good = {"name": unique("Forkert"), "language": "da", "title": "", "salary_text": "",
                "collective_agreement": "", "employment_form": "permanent",
                "employment_basis": "collective_agreement", "working_time": "full_time", "weekly_hours": "",
                "body": "Vi søger."}
        for changes, fields in (({"name": " "}, ["name"]),
                                ({"language": "de"}, ["language"]),
                                ({"employment_form": "forever", "employment_basis": "x"},
                                 ["employment_form", "employment_basis"]),
                                ({"title": "x" * 201}, ["title"]),
                                ({"working_time": "part_time", "weekly_hours": ""}, ["weekly_hours"]),
                                ({"working_time": "part_time", "weekly_hours": "40"}, ["weekly_hours"]),
                                ({"body": "Vi søger en {{titlen}}."}, ["body"]),
                                ({"body": "Frist {{deadline"}, ["body"])):
            with self.subTest(changes=changes):
                refused = self.admin.post("/setup/ad-templates", {**good, **changes})
                self.assertRefused(refused, *fields)
                refused = self.admin.post(f"/setup/ad-templates/{template_id}", {**good, **changes})
                self.assertRefused(refused, *fields)
        self.assertEqual(self.snapshot(), before)

    def test_ad_template_text_is_shown_as_text(self):
        body = '</textarea><script>alert("x")</script> {{title}}'
        template_id = self.create_template(unique("Skabelon med kode"), body=body, title="<b>Titel</b>")
        page = self.admin.get(f"/setup/ad-templates/{template_id}")
        self.assertStatus(page, 200)
        self.assertNotIn('<script>alert("x")', page.text)
        self.assertNotIn("<b>Titel</b>", page.text)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM ad_templates WHERE id = {template_id}"
                                    f" AND body_source = {quoted(body)}"), 1)

    # -- screening-question templates

    def test_question_templates_of_every_kind(self):
        stem = uuid.uuid4().hex[:8]
        yes_no = self.create_question(f"Har du kørekort? {stem}", "yes_no", "Ja\r\n\r\n ! Nej ")
        single = self.create_question(f"Hvor så du stillingen? {stem}", "single_choice", "Jobnet\nLinkedIn\nAndet")
        number = self.create_question(f"Hvor mange års erfaring? {stem}", "number")
        short = self.create_question(f"Hvornår kan du starte? {stem}", "short_text")
        default = self.create_question(f"Taler du dansk? {stem}", "yes_no", "")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM question_templates WHERE id = {yes_no}"
                                    " AND options LIKE 'Ja_!Nej'"), 1)  # blank lines and spaces dropped
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM question_templates WHERE id = {default}"
                                    " AND options LIKE 'Ja_Nej'"), 1)
        for question_id, kind in ((single, "single_choice"), (number, "number"), (short, "short_text")):
            self.assertEqual(self.count(f"SELECT COUNT(*) FROM question_templates WHERE id = {question_id}"
                                        f" AND kind = '{kind}'"), 1)
        listing = self.admin.get("/setup/questions")
        row = re.search(rf"<tr>[^\n]*/setup/questions/{yes_no}\"[^\n]*</tr>", listing.text)
        self.assertTrue(row, "the question is not listed")
        self.assertIn("Ja eller nej", row.group(0))
        self.assertIn("<td>Nej</td>", row.group(0))  # the answer that disqualifies
        self.assertStatus(self.admin.get(f"/setup/questions/{single}"), 200)

        changed = {"text": f"Hvor så du stillingen? {stem}", "kind": "multiple_choice",
                   "options": "Jobnet\nLinkedIn\n!Ingen af dem"}
        self.assertStatus(self.admin.post(f"/setup/questions/{single}", changed), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM question_templates WHERE id = {single}"
                                    " AND kind = 'multiple_choice' AND options LIKE '%!Ingen af dem'"), 1)
        _, before, after = self.audit("setup.question_changed", single)
        self.assertEqual((before["kind"], after["kind"]), ("single_choice", "multiple_choice"))
        self.audit("setup.question_created", number)

    def test_bad_question_templates_are_refused_and_change_nothing(self):
        question_id = self.create_question(unique("Uændret spørgsmål?"), "yes_no", "Ja\n!Nej")
        before = self.snapshot()
        for fields, problem in (({"text": "", "kind": "yes_no", "options": ""}, "text"),
                                ({"text": "Spørgsmål?", "kind": "essay", "options": ""}, "kind"),
                                ({"text": "Spørgsmål?", "kind": "single_choice", "options": "Kun én"}, "options"),
                                ({"text": "Spørgsmål?", "kind": "single_choice", "options": "!A\n!B"}, "options"),
                                ({"text": "Spørgsmål?", "kind": "single_choice", "options": "A\n!"}, "options"),
                                ({"text": "Spørgsmål?", "kind": "single_choice", "options": "A\na"}, "options"),
                                ({"text": "Spørgsmål?", "kind": "yes_no", "options": "Ja\nNej\nMåske"}, "options"),
                                ({"text": "Spørgsmål?", "kind": "number", "options": "1\n2"}, "options")):
            with self.subTest(fields=fields):
                self.assertRefused(self.admin.post("/setup/questions", fields), problem)
                self.assertRefused(self.admin.post(f"/setup/questions/{question_id}", fields), problem)
        self.assertEqual(self.snapshot(), before)

    # -- lists

    def test_lists_add_and_remove(self):
        agreement, category = unique("Testoverenskomst"), unique("Testkategori")
        self.assertStatus(self.admin.post("/setup/lists/agreements", {"agreement_name": agreement}), 303)
        self.assertStatus(self.admin.post("/setup/lists/categories", {"category_name": category}), 303)
        agreement_id = self.id_of("collective_agreements", f"name = {quoted(agreement)}")
        category_id = self.id_of("position_categories", f"name = {quoted(category)}")
        page = self.admin.get("/setup/lists")
        self.assertIn(agreement, page.visible_text)
        self.assertIn(category, page.visible_text)
        self.assertIn(agreement, self.admin.get("/setup/ad-templates").text, "the template form does not offer it")
        self.assertEqual(self.audit("setup.list_item_added", agreement_id)[2], {"name": agreement})

        before = self.snapshot()
        self.assertRefused(self.admin.post("/setup/lists/agreements", {"agreement_name": agreement.upper()}),
                           "agreement_name")
        self.assertRefused(self.admin.post("/setup/lists/categories", {"category_name": "  "}), "category_name")
        self.assertStatus(self.admin.post("/setup/lists/nonsense", {"agreement_name": "x"}), 404)
        self.assertStatus(self.admin.post(f"/setup/lists/agreements/{NONEXISTENT_ID}/remove", {}), 404)
        self.assertEqual(self.snapshot(), before)

        self.assertStatus(self.admin.post(f"/setup/lists/agreements/{agreement_id}/remove", {}), 303)
        self.assertStatus(self.admin.post(f"/setup/lists/categories/{category_id}/remove", {}), 303)
        self.assertIsNone(self.scalar(f"SELECT id FROM collective_agreements WHERE name = {quoted(agreement)}"))
        self.assertIsNone(self.scalar(f"SELECT id FROM position_categories WHERE name = {quoted(category)}"))
        self.assertEqual(self.audit("setup.list_item_removed", category_id)[1], {"name": category})

    # -- institution isolation

    def test_another_institution_can_neither_see_nor_change_items_by_id(self):
        unit_id = self.create_unit(unique("Styrelsens enhed"))
        text_id = self.create_text(unique("Styrelsens tekst"))
        template_id = self.create_template(unique("Styrelsens skabelon"))
        question_id = self.create_question(unique("Styrelsens spørgsmål?"), "short_text")
        agreement = unique("Styrelsens overenskomst")
        self.admin.post("/setup/lists/agreements", {"agreement_name": agreement})
        agreement_id = self.id_of("collective_agreements", f"name = {quoted(agreement)}")

        def same_as_nothing(path, item_id):
            self.assertSameNotFound(self.other_admin.get(path.format(item_id)),
                                    self.other_admin.get(path.format(NONEXISTENT_ID)))

        same_as_nothing("/setup/mandatory-texts/{}", text_id)
        same_as_nothing("/setup/ad-templates/{}", template_id)
        same_as_nothing("/setup/questions/{}", question_id)
        for path, listed in (("/setup/units", unit_id), ("/setup/mandatory-texts", text_id),
                             ("/setup/ad-templates", template_id), ("/setup/questions", question_id)):
            page = self.other_admin.get(path)
            self.assertStatus(page, 200)
            self.assertNotIn(f"{path}/{listed}\"", page.text)
        self.assertNotIn(agreement, self.other_admin.get("/setup/lists").text)

        before = self.snapshot()
        for path, fields in ((f"/setup/units/{unit_id}", {"name": "Overtaget"}),
                             (f"/setup/mandatory-texts/{text_id}",
                              {"name": "Overtaget", "kind": "other", "language": "da", "body": "x"}),
                             (f"/setup/mandatory-texts/{text_id}", {"name": ""}),  # not found before invalid
                             (f"/setup/ad-templates/{template_id}",
                              {"name": "Overtaget", "language": "da", "employment_form": "permanent",
                               "employment_basis": "civil_servant", "working_time": "full_time", "body": "x"}),
                             (f"/setup/questions/{question_id}", {"text": "Overtaget?", "kind": "short_text"}),
                             (f"/setup/lists/agreements/{agreement_id}/remove", {})):
            with self.subTest(path=path):
                self.assertStatus(self.other_admin.post(path, fields), 404)
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM audit_events WHERE action LIKE 'setup.%'"
                                    f" AND institution_id = {self.styrelsen}"
                                    f" AND actor_user_id = {self.user_id(AKADEMIET_ADMINISTRATOR)}"), 0)


if __name__ == "__main__":
    unittest.main()
