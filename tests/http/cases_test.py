"""Recruitment cases seen from outside: creating a case from a template, filling its fields, the job ad
with its versions and mandatory texts, the hiring committee (with external members), the lifecycle
up to publication and the public ad, case-role permissions, copying, screening questions, the
audit trail, automatic closing at the deadline and the filtered case list.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on the demo data (accounts.py names the
demo logins). The institution set-up a case needs (an encouragement text, an ad template, a
question template, a unit) is inserted with SQL in setUpClass, as the set-up pages may not exist.

Each class has its own server and database; within a class every test makes its own cases, so the
tests do not depend on each other's order."""

import concurrent.futures
import datetime
import html
import html.parser
import os
import re
import sys
import time
import unittest
import uuid
import zoneinfo

# Importable as tests/http/cases_test.py from the repository root as well.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import (ADMINISTRATOR, AKADEMIET_ADMINISTRATOR, AKADEMIET_PROJEKTLEDER, DELTAGER, LEDER,
                      PROJEKTLEDER, login, signed_in)
from harness import ServerTestCase, database_kind, execute_sql, message_text

ERROR_SUMMARY = 'id="error-summary"'
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")

STYRELSEN_ID = 1
AKADEMIET_ID = 2
FIRST_CASE = 1          # Styrelsen's first demo case: the three case users hold roles on it
SECOND_CASE = 2         # another published Styrelsen case, no role for the case users

# Danish UI texts
STATE_DRAFT = "Kladde"
STATE_READY = "Klar til offentliggørelse"
STATE_PUBLISHED = "Offentliggjort"
STATE_CLOSED = "Lukket for ansøgninger"
STATE_CANCELLED = "Annulleret"
MSG_ENCOURAGEMENT = "Annoncen skal indeholde sætningen, der opfordrer alle interesserede til at søge."
MSG_NO_PROJEKTLEDER = "Ansættelsesudvalget skal have en projektleder."
MSG_NO_LEDER = "Ansættelsesudvalget skal have en ansættende leder."
MSG_SAME_PERSON = "Projektlederen og den ansættende leder skal være forskellige personer."
MSG_PLACE = "Annoncen skal angive arbejdsstedet."
MSG_DEADLINE = "Angiv fristen som dato og klokkeslæt, for eksempel 2027-01-15 og 12:00."
MSG_HOURS = "Angiv den ugentlige arbejdstid som et tal under 37."
MSG_MUNICIPALITY = "Kommunekoden skal være tre cifre."
MSG_POSITIONS = "Angiv antallet af stillinger (1 til 500)."
MSG_TITLE = "Giv stillingen en titel (højst 200 tegn)."
MSG_TEMPLATE = "Vælg en af skabelonerne."
MSG_QUESTIONS_LOCKED = "Screeningsspørgsmål kan kun ændres, indtil sagen er offentliggjort."
MSG_PUBLISHED_LOCKED = "En offentliggjort sag kan ikke længere redigeres her."
MSG_CORRECTION_REASON = "Angiv begrundelsen for at rette den offentliggjorte annonce (højst 1.000 tegn)."
MSG_CONCURRENT = "En anden har ændret det samme."
MSG_REASON = "Skriv, hvorfor sagen annulleres."
MSG_CHOOSE_MUNICIPALITY = "Vælg kommunen på listen."
MSG_OCCUPATION = "Skriv stillingskoden med fire eller seks cifre, for eksempel 2423 eller 2411.10."
NOT_GIVEN = "Ikke angivet"

ENCOURAGEMENT_TEXT = "Alle interesserede opfordres til at søge stillingen uanset køn, alder, religion og etnisk baggrund."
TEMPLATE_BODY = ("## Om stillingen\n"
                 "Vi søger en {{title}} med arbejdssted {{place_of_work}}.\n"
                 "\n"
                 "Ansøgningsfrist: {{deadline}}. Kontakt: {{contact}}.")
QUESTION_TEXT = "Har du en relevant kandidatuddannelse?"
OTHER_TEMPLATE_NAME = "Akademiets skabelon"

# The list's rows (each cell names its column in data-title, for the stacked rows on small screens).
CASE_ROW = re.compile(r'<tr><td[^>]*><a href="/cases/(\d+)">(.*?)</a></td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>'
                      r'<td[^>]*>(.*?)</td></tr>', re.S)
NOT_SPECIFIED = "Ikke angivet"  # an empty unit or deadline in the list
RESET_LINK = re.compile(r"/password/reset/([0-9a-f]{64})")


def epoch(date_text, time_text="12:00"):
    """The Unix time of a Copenhagen wall time."""
    moment = datetime.datetime.strptime(f"{date_text} {time_text}", "%Y-%m-%d %H:%M").replace(tzinfo=COPENHAGEN)
    return int(moment.timestamp())


DANISH_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                 "november", "december"]


def danish_time(text):
    """A time as the Danish pages write it ("2. januar 2031 kl. 12.00") as a datetime."""
    day, month, year, _, clock = text.split(" ")
    hour, minute = clock.split(".")
    return datetime.datetime(int(year), DANISH_MONTHS.index(month) + 1, int(day.rstrip(".")), int(hour), int(minute))


def quoted(text):
    return "'" + str(text).replace("'", "''") + "'"


def as_hex(column):
    """SQL for a text column read as hex: multi-line text survives psql's one-row-a-line output."""
    if database_kind() == "postgresql":
        return f"encode(convert_to({column}, 'UTF8'), 'hex')"
    return f"hex({column})"


def from_hex(value):
    return bytes.fromhex(value or "").decode("utf-8")


class ActiveContentFinder(html.parser.HTMLParser):
    """Finds markup that a browser would run: event-handler attributes, javascript: URLs and inline
    scripts that contain a given marker."""

    def __init__(self, marker):
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.problems = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            compact = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.lower() in ("href", "src", "action", "formaction", "data") and compact.startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            # A JSON-LD block is data that browsers never run; the ad's text is in it on purpose. That it
            # cannot end its <script> early is tested in career_site_test.py.
            kind = (dict(attrs).get("type") or "").lower()
            self._script = None if kind == "application/ld+json" else ""

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self.marker in self._script:
                self.problems.append(f"<script> containing {self.marker}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script += data


class CasesTestCase(ServerTestCase):
    """Shared helpers: SQL look-ups, the institution set-up, logged-in clients and the case steps."""

    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._clients = {}
        cls.setup_ids = cls.insert_institution_setup()

    # -- SQL

    @classmethod
    def class_sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def scalar(self, query):
        rows = self.sql(query)
        return rows[0][0] if rows else None

    def count(self, query):
        return int(self.scalar(query))

    def user_id(self, email):
        found = self.scalar(f"SELECT id FROM users WHERE email = {quoted(email)}")
        self.assertTrue(found, f"no user {email}")
        return int(found)

    def case_row(self, case_id):
        rows = self.sql("SELECT title, state, unit_id, place_of_work, municipality_code, occupation_code,"
                        " employment_form, employment_basis, fixed_term_text, full_time, weekly_hours, salary_text,"
                        " collective_agreement, positions, application_deadline, expected_start, readvertisement,"
                        f" ad_languages FROM recruitment_cases WHERE id = {case_id}")
        self.assertEqual(len(rows), 1, f"no case {case_id}")
        names = ["title", "state", "unit_id", "place_of_work", "municipality_code", "occupation_code",
                 "employment_form", "employment_basis", "fixed_term_text", "full_time", "weekly_hours",
                 "salary_text", "collective_agreement", "positions", "application_deadline", "expected_start",
                 "readvertisement", "ad_languages"]
        row = dict(zip(names, rows[0]))
        # NULL reads as None on SQLite and '' on PostgreSQL; numbers may read as 37 or 37.0.
        for key in ("unit_id", "application_deadline", "expected_start"):
            row[key] = row[key] or None
        row["weekly_hours"] = float(row["weekly_hours"])
        for key in ("full_time", "positions", "readvertisement"):
            row[key] = int(row[key])
        return row

    def state_of(self, case_id):
        return self.scalar(f"SELECT state FROM recruitment_cases WHERE id = {case_id}")

    def contacts_of(self, case_id):
        return self.sql(f"SELECT name, title, phone, email FROM case_contacts WHERE case_id = {case_id}"
                        " ORDER BY position, id")

    def committee_of(self, case_id):
        return sorted((int(user), role) for user, role in self.sql(
            f"SELECT user_id, role FROM case_roles WHERE case_id = {case_id}"))

    def ad_versions_of(self, case_id, language="da"):
        rows = self.sql(f"SELECT id, version, {as_hex('body_source')} FROM job_ad_versions WHERE case_id = {case_id}"
                        f" AND language = {quoted(language)} ORDER BY version")
        return [[version_id, version, from_hex(body)] for version_id, version, body in rows]

    def audit_events(self, case_id, action=None):
        events = self.server.audit_events(action=action or "", object_type="recruitment_case",
                                          object_id=str(case_id))
        return [{"action": event["action"], "actor": event["actor_name"], "before": event["before"],
                 "after": event["after"],
                 "actor_user_id": None if event["actor_user_id"] is None else str(event["actor_user_id"])}
                for event in events]

    def snapshot(self, case_id):
        """Everything a case change could touch, to show that a refused request changed nothing."""
        return {
            "case": self.case_row(case_id),
            "contacts": self.contacts_of(case_id),
            "committee": self.committee_of(case_id),
            "ads": self.sql(f"SELECT language, version, {as_hex('body_source')} FROM job_ad_versions"
                            f" WHERE case_id = {case_id} ORDER BY language, version"),
            "questions": self.sql(f"SELECT text FROM case_questions WHERE case_id = {case_id} ORDER BY id"),
            "users": self.count("SELECT COUNT(*) FROM users"),
            "cases": self.count("SELECT COUNT(*) FROM recruitment_cases"),
            "outbox": self.count("SELECT COUNT(*) FROM outbox"),
        }

    # -- institution set-up

    @classmethod
    def insert_institution_setup(cls):
        """The set-up rows the tests need, inserted for Styrelsen (and one template for Demoakademiet).
        Returns their ids."""
        now = int(time.time())
        ids = {}

        def insert(query):
            rows = cls.class_sql(query + " RETURNING id")
            return int(rows[0][0])

        ids["encouragement"] = insert(
            "INSERT INTO mandatory_texts (institution_id, name, kind, language, body_source, body_html, required,"
            f" locked, position, created_at, updated_at) VALUES ({STYRELSEN_ID}, 'Opfordring (testdata)',"
            f" 'encouragement', 'da', {quoted(ENCOURAGEMENT_TEXT)}, {quoted('<p>' + ENCOURAGEMENT_TEXT + '</p>')},"
            f" 1, 1, 0, {now}, {now})")
        ids["template"] = insert(
            "INSERT INTO ad_templates (institution_id, name, language, title, salary_text, collective_agreement,"
            " employment_form, employment_basis, full_time, weekly_hours, body_source, created_at, updated_at)"
            f" VALUES ({STYRELSEN_ID}, 'Fuldmægtig (testdata)', 'da', 'Fuldmægtig fra skabelon',"
            " 'Løn efter overenskomst, løntrin 6 plus tillæg', 'AC-overenskomsten', 'permanent',"
            f" 'collective_agreement', 1, 37, {quoted(TEMPLATE_BODY)}, {now}, {now})")
        ids["other_template"] = insert(
            "INSERT INTO ad_templates (institution_id, name, language, title, body_source, created_at, updated_at)"
            f" VALUES ({AKADEMIET_ID}, {quoted(OTHER_TEMPLATE_NAME)}, 'da', 'Akademiets titel', 'Akademiets tekst',"
            f" {now}, {now})")
        ids["question"] = insert(
            "INSERT INTO question_templates (institution_id, text, kind, options, created_at)"
            f" VALUES ({STYRELSEN_ID}, {quoted(QUESTION_TEXT)}, 'yes_no', 'Ja\n!Nej', {now})")
        ids["other_question"] = insert(
            "INSERT INTO question_templates (institution_id, text, kind, options, created_at)"
            f" VALUES ({AKADEMIET_ID}, 'Akademiets spørgsmål', 'yes_no', '', {now})")
        ids["unit"] = insert(
            "INSERT INTO organisation_units (institution_id, name, created_at)"
            f" VALUES ({STYRELSEN_ID}, 'Økonomienheden (testdata)', {now})")
        return ids

    # -- clients

    def as_user(self, email, totp=None):
        """A client logged in as `email`, shared by the tests of the class (a TOTP step works once per
        user, so a new login for every test would wait for the clock)."""
        if totp is None:
            totp = email.split("@")[0] in ("administrator", "superbruger", "superbruger2")
        if email not in self._clients:
            self._clients[email] = signed_in(self.server, email, totp=totp)
        return self._clients[email]

    @property
    def admin(self):
        return self.as_user(ADMINISTRATOR)

    # -- case steps (each asserts that it worked)

    def create_case(self, title=None, template_id=None, client=None):
        client = client or self.admin
        title = title if title is not None else f"Testsag {uuid.uuid4().hex[:8]}"
        response = client.post("/cases", {"template_id": "" if template_id is None else str(template_id),
                                          "title": title})
        self.assertStatus(response, 303)
        match = re.fullmatch(r"/cases/(\d+)", response.location or "")
        self.assertTrue(match, f"creating a case redirected to {response.location!r}")
        return int(match.group(1))

    def case_fields(self, title, **changes):
        """The edit form's fields, all filled in with valid values, as (name, value) pairs."""
        fields = {
            "title": title,
            "unit_id": str(self.setup_ids["unit"]),
            "place_of_work": "Demovej 1, 1000 København K",
            "municipality_code": "101",
            "occupation_code": "2411.10",
            "employment_form": "permanent",
            "employment_basis": "collective_agreement",
            "fixed_term_text": "",
            "working_time": "full_time",
            "weekly_hours": "",
            "salary_text": "Løn efter overenskomst, løntrin 6 plus tillæg",
            "collective_agreement": "AC-overenskomsten",
            "positions": "2",
            "deadline_date": "2030-01-15",
            "deadline_time": "12:00",
            "expected_start_date": "2030-03-01",
            "readvertisement": "1",
            "contact_name_1": "Kirsten Kontakt",
            "contact_title_1": "Kontorchef",
            "contact_phone_1": "33 12 34 56",
            "contact_email_1": "kirsten.kontakt@styrelsen.example.test",
            "contact_name_2": "",
            "contact_title_2": "",
            "contact_phone_2": "",
            "contact_email_2": "",
        }
        languages = changes.pop("ad_languages", ["da"])
        fields.update(changes)
        pairs = [(key, value) for key, value in fields.items() if value is not None]
        pairs += [("ad_languages", language) for language in languages]
        return pairs

    def fill_case(self, case_id, title, client=None, **changes):
        client = client or self.admin
        response = client.post(f"/cases/{case_id}/edit", self.case_fields(title, **changes))
        self.assertStatus(response, 303)
        self.assertEqual(response.location, f"/cases/{case_id}?saved=1")
        return response

    def write_ad(self, case_id, body, language="da", client=None, extra=()):
        client = client or self.admin
        response = client.post(f"/cases/{case_id}/ad", [("language", language), ("body", body), *extra])
        self.assertStatus(response, 303)
        self.assertEqual(response.location, f"/cases/{case_id}/ad/preview?language={language}")
        return response

    def add_member(self, case_id, email, role, client=None):
        client = client or self.admin
        response = client.post(f"/cases/{case_id}/committee", {"user_id": str(self.user_id(email)), "role": role})
        self.assertStatus(response, 303)
        return response

    def transition(self, case_id, name, client=None, reason=None):
        """Posts a step; cancelling takes a reason (a default one unless given)."""
        client = client or self.admin
        form = {"transition": name}
        if name == "cancel":
            form["reason"] = "Stillingen er nedlagt." if reason is None else reason
        return client.post(f"/cases/{case_id}/transition", form)

    def ready_case(self, title=None, body=None, template_id=None):
        """A case with every field, an ad and a committee, marked ready for publication."""
        title = title or f"Klar sag {uuid.uuid4().hex[:8]}"
        case_id = self.create_case(title, template_id=template_id)
        self.fill_case(case_id, title)
        if body is not None or template_id is None:
            self.write_ad(case_id, body if body is not None else "Vi søger en dygtig kollega.\n\nVelkommen.")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        response = self.transition(case_id, "mark_ready")
        self.assertStatus(response, 303, "mark_ready of a complete case")
        self.assertEqual(self.state_of(case_id), "ready_for_publication")
        return case_id

    def published_case(self, title=None, body=None, template_id=None):
        case_id = self.ready_case(title, body, template_id)
        response = self.transition(case_id, "publish")
        self.assertStatus(response, 303, "publish of a ready case")
        self.assertEqual(self.state_of(case_id), "published")
        return case_id

    # -- page helpers

    def case_list(self, client, query=""):
        response = client.get("/cases" + query)
        self.assertStatus(response, 200)
        return response, [(int(case_id), html_text(title), html_text(state), html_text(deadline))
                          for case_id, title, state, _unit, deadline in CASE_ROW.findall(response.text)]

    def assertErrorSummary(self, response, status=400):
        self.assertStatus(response, status)
        self.assertIn(ERROR_SUMMARY, response.text, "no error summary on the page")
        self.assertIn("Der er et problem", response.text)

    def assertSummaryLinksResolve(self, response):
        """Every link of the error summary leads to an element of the page."""
        summary = response.text[response.text.index(ERROR_SUMMARY):]
        summary = summary[:summary.index("</div>")]
        targets = re.findall(r'href="#([^"]+)"', summary)
        self.assertTrue(targets, "the error summary links to no field")
        for target in targets:
            self.assertIn(f'id="{target}"', response.text, f"the error summary links to #{target}, not on the page")

    def assertSummaryLinksLeadToTheirFields(self, response, client):
        """Every link of the error summary leads to an element, on this page or on the page where the
        named field is put right."""
        summary = response.text[response.text.index(ERROR_SUMMARY):]
        summary = summary[:summary.index("</div>")]
        links = re.findall(r'href="([^"]*)"', summary)
        self.assertTrue(links, "the error summary links to no field")
        for link in links:
            path, _, target = html.unescape(link).partition("#")
            self.assertTrue(target, f"the error summary link {link} names no field")
            page = response
            if path:
                page = client.get(path)
                self.assertStatus(page, 200, path)
            self.assertIn(f'id="{target}"', page.text, f"the error summary links to {link}, which is not there")

    def assertFieldNamed(self, response, field, message):
        """The error summary links to the field, and the message is shown."""
        self.assertIn(f'href="#{field}"', response.text, f"the error summary does not link to {field}")
        self.assertIn(message, response.visible_text, f"the page does not say {message!r}")

    def assertInert(self, response, marker):
        finder = ActiveContentFinder(marker)
        finder.feed(response.text)
        finder.close()
        self.assertEqual(finder.problems, [], f"active content on {response.path}")


def html_text(fragment):
    """Text of an HTML fragment, with tags removed and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


# ------------------------------------------------------------------------------------------------
# Creating a case


class CaseCreationTest(CasesTestCase):
    def test_administrator_creates_case_from_template(self):
        client = self.admin
        form = client.get("/cases/new")
        self.assertStatus(form, 200)
        options = {option.get("value") for control in form.form(action="/cases").inputs
                   if control.get("name") == "template_id" for option in control["options"]}
        self.assertIn(str(self.setup_ids["template"]), options, "the template is not offered")
        self.assertNotIn(str(self.setup_ids["other_template"]), options, "another institution's template is offered")
        before = self.count("SELECT COUNT(*) FROM recruitment_cases")
        title = "Fuldmægtig til skabelontest"
        response = client.post("/cases", {"template_id": str(self.setup_ids["template"]), "title": title})
        self.assertStatus(response, 303)
        case_id = int(re.fullmatch(r"/cases/(\d+)", response.location).group(1))
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before + 1)
        row = self.case_row(case_id)
        self.assertEqual(row["title"], title)
        self.assertEqual(row["state"], "draft")
        self.assertEqual(row["salary_text"], "Løn efter overenskomst, løntrin 6 plus tillæg")
        self.assertEqual(row["collective_agreement"], "AC-overenskomsten")
        self.assertEqual(self.scalar(f"SELECT institution_id FROM recruitment_cases WHERE id = {case_id}"),
                         str(STYRELSEN_ID))
        self.assertEqual(self.scalar(f"SELECT template_id FROM recruitment_cases WHERE id = {case_id}"),
                         str(self.setup_ids["template"]))
        versions = self.ad_versions_of(case_id)
        self.assertEqual([(v[1], v[2]) for v in versions], [("1", TEMPLATE_BODY)],
                         "the template's text is not the ad's first version")
        page = client.follow(response)
        self.assertStatus(page, 200)
        self.assertIn(title, page.visible_text)
        self.assertIn(STATE_DRAFT, page.visible_text)
        _, cases = self.case_list(client)
        self.assertIn((case_id, title), [(c[0], c[1]) for c in cases], "the new case is not in /cases")
        self.assertTrue(self.audit_events(case_id, "case.created"), "no case.created event")

    def test_template_title_is_used_when_title_is_empty(self):
        case_id = self.create_case("", template_id=self.setup_ids["template"])
        self.assertEqual(self.case_row(case_id)["title"], "Fuldmægtig fra skabelon")

    def test_no_template_and_empty_title_is_refused(self):
        before = self.count("SELECT COUNT(*) FROM recruitment_cases")
        created = self.count("SELECT COUNT(*) FROM audit_events WHERE action = 'case.created'")
        response = self.admin.post("/cases", {"template_id": "", "title": "   "})
        self.assertErrorSummary(response)
        self.assertFieldNamed(response, "title", MSG_TITLE)
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before, "a case was created")
        self.assertEqual(self.count("SELECT COUNT(*) FROM audit_events WHERE action = 'case.created'"), created)

    def test_template_of_another_institution_is_refused(self):
        before = self.count("SELECT COUNT(*) FROM recruitment_cases")
        response = self.admin.post("/cases", {"template_id": str(self.setup_ids["other_template"]),
                                              "title": "Med lånt skabelon"})
        self.assertErrorSummary(response)
        self.assertFieldNamed(response, "template_id", MSG_TEMPLATE)
        self.assertNotIn(OTHER_TEMPLATE_NAME, response.text)
        self.assertNotIn("Akademiets tekst", response.text)
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before, "a case was created")
        for bogus in ("987654", "abc", "-1"):
            response = self.admin.post("/cases", {"template_id": bogus, "title": "Med ukendt skabelon"})
            self.assertErrorSummary(response)
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before, "a case was created")

    def test_case_users_cannot_create_cases(self):
        before = self.count("SELECT COUNT(*) FROM recruitment_cases")
        client = self.as_user(PROJEKTLEDER)
        self.assertStatus(client.get("/cases/new"), 404)
        response = client.post("/cases", {"template_id": "", "title": "Projektlederens egen sag"})
        self.assertIn(response.status, (403, 404))
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before)


# ------------------------------------------------------------------------------------------------
# Filling the case, the ad, the committee and publication


class CasePreparationTest(CasesTestCase):
    def test_fill_case_saves_every_field(self):
        title = "Specialkonsulent til feltprøven"
        case_id = self.create_case(title)
        self.fill_case(case_id, title, positions="3", working_time="part_time", weekly_hours="30,5",
                       employment_form="fixed_term", fixed_term_text="1. marts 2030 til 28. februar 2031",
                       employment_basis="civil_servant", ad_languages=["da", "en"],
                       contact_name_2="Bo Backup", contact_email_2="bo@styrelsen.example.test")
        row = self.case_row(case_id)
        expected = {
            "title": title, "state": "draft", "unit_id": str(self.setup_ids["unit"]),
            "place_of_work": "Demovej 1, 1000 København K", "municipality_code": "101",
            "occupation_code": "2411.10", "employment_form": "fixed_term", "employment_basis": "civil_servant",
            "fixed_term_text": "1. marts 2030 til 28. februar 2031", "full_time": 0, "weekly_hours": 30.5,
            "salary_text": "Løn efter overenskomst, løntrin 6 plus tillæg", "collective_agreement": "AC-overenskomsten",
            "positions": 3, "application_deadline": str(epoch("2030-01-15", "12:00")),
            "expected_start": str(epoch("2030-03-01", "00:00")), "readvertisement": 1, "ad_languages": "da,en",
        }
        self.assertEqual(row, expected)
        self.assertEqual(self.contacts_of(case_id), [
            ["Kirsten Kontakt", "Kontorchef", "33 12 34 56", "kirsten.kontakt@styrelsen.example.test"],
            ["Bo Backup", "", "", "bo@styrelsen.example.test"]])
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn("15. januar 2030 kl. 12.00", page.visible_text)
        form = self.admin.get(f"/cases/{case_id}/edit").form(action=f"/cases/{case_id}/edit")
        self.assertEqual(form.get("deadline_date"), "2030-01-15")
        self.assertEqual(form.get("deadline_time"), "12:00")
        self.assertEqual(form.get("weekly_hours"), "30.5")
        self.assertEqual(form.get("working_time"), "part_time")

    def test_mark_ready_names_each_missing_item_then_publish(self):
        title = "Fuldmægtig til økonomistyring"
        case_id = self.create_case(title, template_id=self.setup_ids["template"])
        # An institution without an English encouragement sentence: the English ad lacks it. The demo
        # data has one, so it is taken away here.
        english = "SELECT id FROM mandatory_texts WHERE institution_id = 1 AND kind = 'encouragement' AND language = 'en'"
        self.sql(f"DELETE FROM job_ad_version_texts WHERE mandatory_text_id IN ({english})")
        self.sql(f"DELETE FROM mandatory_texts WHERE id IN ({english})")
        english_encouragement = self.sql(
            "SELECT id FROM mandatory_texts WHERE institution_id = 1 AND kind = 'encouragement' AND language = 'en'")
        self.assertEqual(english_encouragement, [], "precondition: no English encouragement text")
        self.fill_case(case_id, title, ad_languages=["da", "en"])
        self.write_ad(case_id, "We are looking for a colleague.", language="en")

        # Nothing on the committee, and no encouragement in the English ad.
        response = self.transition(case_id, "mark_ready")
        self.assertErrorSummary(response)
        self.assertIn(MSG_ENCOURAGEMENT, response.visible_text)
        self.assertIn(MSG_NO_PROJEKTLEDER, response.visible_text)
        self.assertIn(MSG_NO_LEDER, response.visible_text)
        self.assertNotIn(MSG_PLACE, response.visible_text, "names an item that is not missing")
        self.assertSummaryLinksLeadToTheirFields(response, self.admin)
        self.assertEqual(self.state_of(case_id), "draft")

        # The same person as Projektleder and Ansættende leder.
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, PROJEKTLEDER, "ansaettende_leder")
        response = self.transition(case_id, "mark_ready")
        self.assertErrorSummary(response)
        self.assertIn(MSG_SAME_PERSON, response.visible_text)
        self.assertNotIn(MSG_NO_PROJEKTLEDER, response.visible_text)
        self.assertNotIn(MSG_NO_LEDER, response.visible_text)
        self.assertEqual(self.state_of(case_id), "draft")

        # Fix it: another Ansættende leder, the Danish ad only.
        removed = self.admin.post(f"/cases/{case_id}/committee/remove",
                                  {"user_id": str(self.user_id(PROJEKTLEDER)), "role": "ansaettende_leder"})
        self.assertStatus(removed, 303)
        self.add_member(case_id, LEDER, "ansaettende_leder")
        self.fill_case(case_id, title, ad_languages=["da"])
        response = self.transition(case_id, "mark_ready")
        self.assertStatus(response, 303)
        self.assertEqual(self.state_of(case_id), "ready_for_publication")
        page = self.admin.follow(response)
        self.assertIn(STATE_READY, page.visible_text)

        anonymous = self.client()
        self.assertStatus(anonymous.get(f"/positions/{case_id}"), 404, "a case ready for publication is public")

        response = self.transition(case_id, "publish")
        self.assertStatus(response, 303)
        self.assertEqual(self.state_of(case_id), "published")
        self.assertTrue(self.scalar(f"SELECT published_at FROM recruitment_cases WHERE id = {case_id}"))
        self.assertIn(STATE_PUBLISHED, self.admin.get(f"/cases/{case_id}").visible_text)

        front = anonymous.get("/")
        self.assertStatus(front, 200)
        self.assertIn(f'href="/positions/{case_id}"', front.text, "the position is not on the front page")
        self.assertIn(title, front.visible_text)
        public = anonymous.get(f"/positions/{case_id}")
        self.assertStatus(public, 200)
        text = public.visible_text
        self.assertIn(title, text)
        # The template's placeholders are replaced by the case's values.
        self.assertIn(f"Vi søger en {title} med arbejdssted Demovej 1, 1000 København K.", text)
        self.assertIn("Ansøgningsfrist: 15. januar 2030 kl. 12.00", text)
        self.assertNotIn("{{", text)
        self.assertIn("<h2>Om stillingen</h2>", public.text)
        self.assertIn(ENCOURAGEMENT_TEXT, text)
        self.assertIn("Løn efter overenskomst, løntrin 6 plus tillæg", text)
        self.assertIn("AC-overenskomsten", text)
        self.assertIn("Kirsten Kontakt", text)
        self.assertIn("kirsten.kontakt@styrelsen.example.test", text)
        self.assertIn("Styrelsen for Demoforvaltning", text)

    def test_drafts_are_not_public(self):
        anonymous = self.client()
        case_id = self.create_case("Hemmelig kladde")
        self.fill_case(case_id, "Hemmelig kladde")
        self.write_ad(case_id, "Må ikke ses")
        for path in (f"/positions/{case_id}", "/positions/4", "/positions/5", "/positions/987654", "/positions/abc"):
            response = anonymous.get(path)
            self.assertStatus(response, 404, path)
            self.assertNotIn("Må ikke ses", response.text)
            self.assertNotIn("Hemmelig kladde", response.text)
        self.assertNotIn("Hemmelig kladde", anonymous.get("/").text)
        # Published demo cases of both institutions are public.
        self.assertStatus(anonymous.get("/positions/1"), 200)
        self.assertStatus(anonymous.get("/positions/6"), 200)
        # A signed-in administrator gets no more from the public page.
        self.assertStatus(self.admin.get(f"/positions/{case_id}"), 404)

    def test_bad_input_on_the_edit_form_is_refused_and_nothing_saved(self):
        title = "Kontorfuldmægtig til valideringstest"
        case_id = self.create_case(title)
        self.fill_case(case_id, title)
        before = self.snapshot(case_id)
        events = len(self.audit_events(case_id))
        response = self.admin.post(f"/cases/{case_id}/edit", self.case_fields(
            "Ny titel der ikke må gemmes", deadline_date="2030-02-31", deadline_time="12:00",
            working_time="part_time", weekly_hours="abc", municipality_code="12", positions="0",
            place_of_work="Ny adresse"))
        self.assertErrorSummary(response)
        self.assertFieldNamed(response, "deadline_date", MSG_DEADLINE)
        self.assertFieldNamed(response, "weekly_hours", MSG_HOURS)
        self.assertFieldNamed(response, "municipality_code", MSG_MUNICIPALITY)
        self.assertFieldNamed(response, "positions", MSG_POSITIONS)
        self.assertSummaryLinksResolve(response)
        form = response.form(action=f"/cases/{case_id}/edit")
        self.assertEqual(form.get("deadline_date"), "2030-02-31", "the typed value is not kept")
        self.assertEqual(form.get("weekly_hours"), "abc")
        self.assertEqual(form.get("title"), "Ny titel der ikke må gemmes")
        self.assertEqual(self.snapshot(case_id), before, "the refused form changed the case")
        self.assertEqual(len(self.audit_events(case_id)), events, "a refused change was logged")

    def test_each_bad_field_alone_is_refused(self):
        title = "Enkeltfelter"
        case_id = self.create_case(title)
        self.fill_case(case_id, title)
        before = self.snapshot(case_id)
        cases = [
            ({"deadline_date": "2030-02-31"}, "deadline_date", MSG_DEADLINE),
            ({"deadline_date": "15-01-2030"}, "deadline_date", MSG_DEADLINE),
            ({"deadline_time": "25:00"}, "deadline_date", MSG_DEADLINE),
            ({"working_time": "part_time", "weekly_hours": "abc"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": ""}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "37"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "nan"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "NaN"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "inf"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "1e1"}, "weekly_hours", MSG_HOURS),
            ({"working_time": "part_time", "weekly_hours": "0x10"}, "weekly_hours", MSG_HOURS),
            ({"municipality_code": "12"}, "municipality_code", MSG_MUNICIPALITY),
            ({"municipality_code": "1O1"}, "municipality_code", MSG_MUNICIPALITY),
            ({"positions": "0"}, "positions", MSG_POSITIONS),
            ({"positions": "2x"}, "positions", MSG_POSITIONS),
            ({"positions": "-1"}, "positions", MSG_POSITIONS),
        ]
        for changes, field, message in cases:
            with self.subTest(changes=changes):
                response = self.admin.post(f"/cases/{case_id}/edit",
                                           self.case_fields("Må ikke gemmes", **changes))
                self.assertErrorSummary(response)
                self.assertFieldNamed(response, field, message)
                self.assertEqual(self.snapshot(case_id), before)

    def test_contact_without_name_and_no_language_are_refused(self):
        title = "Sag uden kontaktnavn"
        case_id = self.create_case(title)
        self.fill_case(case_id, title)
        before = self.snapshot(case_id)
        response = self.admin.post(f"/cases/{case_id}/edit", self.case_fields(
            title, contact_name_2="", contact_phone_2="33 99 99 99", ad_languages=[]))
        self.assertErrorSummary(response)
        self.assertIn("Hver kontaktperson skal have et navn.", response.visible_text)
        self.assertIn("Vælg mindst ét annoncesprog.", response.visible_text)
        self.assertSummaryLinksResolve(response)
        self.assertIn('href="#contact_name_2"', response.text, "the summary does not lead to the second contact")
        self.assertEqual(self.snapshot(case_id), before)

    def test_hostile_ad_text_is_stored_and_shown_inert(self):
        body = ("Vi søger en kollega. <script>alert('xss-script')</script>\n"
                "\n"
                "<img src=x onerror=alert('xss-img')>\n"
                "\n"
                "<a href=\"javascript:alert('xss-a')\">klik her</a> og <b onmouseover=alert('xss-b')>fed</b>\n"
                "\n"
                "[se mere](javascript:alert('xss-md')) og [JaVaScRiPt](  JavaScript:alert('xss-md2'))\n"
                "\n"
                "[rigtigt link](https://www.example.test/job)")
        title = "Fuldmægtig <script>alert('xss-title')</script>"
        case_id = self.create_case(title)
        self.fill_case(case_id, title,
                       contact_name_1="Kirsten \"><img src=x onerror=alert('xss-contact')>")
        self.write_ad(case_id, body)
        versions = self.ad_versions_of(case_id)
        self.assertEqual(versions[-1][2], body, "the ad text is not stored as written")

        preview = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertStatus(preview, 200)
        self.assertInert(preview, "xss")
        self.assertIn("Vi søger en kollega.", preview.visible_text)
        self.assertIn("&lt;script&gt;", preview.text, "the script tag is not shown as text")
        self.assertIn('href="https://www.example.test/job"', preview.text, "a safe link was lost")
        editor = self.admin.get(f"/cases/{case_id}/ad?language=da")
        self.assertStatus(editor, 200)
        self.assertInert(editor, "xss")
        self.assertEqual(editor.form(action=f"/cases/{case_id}/ad").get("body"), body,
                         "the editor does not show the stored text")
        for path in (f"/cases/{case_id}", f"/cases/{case_id}/edit", f"/cases/{case_id}/ad/versions?language=da",
                     f"/cases/{case_id}/ad/versions/{versions[-1][0]}", "/cases"):
            page = self.admin.get(path)
            self.assertStatus(page, 200, path)
            self.assertInert(page, "xss")

        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        self.assertStatus(self.transition(case_id, "publish"), 303)
        anonymous = self.client()
        public = anonymous.get(f"/positions/{case_id}")
        self.assertStatus(public, 200)
        self.assertInert(public, "xss")
        self.assertIn("Vi søger en kollega.", public.visible_text)
        self.assertIn("se mere", public.visible_text)
        self.assertIn("&lt;script&gt;", public.text)
        front = anonymous.get("/")
        self.assertInert(front, "xss")
        self.assertIn(f'href="/positions/{case_id}"', front.text)

    def test_ad_versions_and_diff(self):
        case_id = self.create_case("Versionssag")
        self.assertIn("Annoncen er ikke gemt endnu",
                      self.admin.get(f"/cases/{case_id}/ad/versions?language=da").visible_text)
        self.write_ad(case_id, "Første linje\nAnden linje\nTredje linje")
        self.write_ad(case_id, "Første linje\nNy anden linje\nTredje linje\nFjerde linje")
        versions = self.ad_versions_of(case_id)
        self.assertEqual([v[1] for v in versions], ["1", "2"])
        listing = self.admin.get(f"/cases/{case_id}/ad/versions?language=da")
        self.assertStatus(listing, 200)
        self.assertIn("Version 1", listing.visible_text)
        self.assertIn("Version 2", listing.visible_text)
        self.assertIn("Anders Administrator", listing.visible_text)
        for version_id, _, _ in versions:
            self.assertIn(f'href="/cases/{case_id}/ad/versions/{version_id}"', listing.text)
        self.assertEqual(self.admin.get(f"/cases/{case_id}/ad?language=da").form(
            action=f"/cases/{case_id}/ad").get("body"), versions[-1][2])

        diff = self.admin.get(f"/cases/{case_id}/ad/versions/{versions[1][0]}")
        self.assertStatus(diff, 200)
        self.assertIn("<del>Anden linje</del>", diff.text)
        self.assertIn("<ins>Ny anden linje</ins>", diff.text)
        self.assertIn("<ins>Fjerde linje</ins>", diff.text)
        self.assertNotIn("<del>Første linje</del>", diff.text)
        self.assertNotIn("<ins>Første linje</ins>", diff.text)
        self.assertIn("Første linje", diff.visible_text)
        first = self.admin.get(f"/cases/{case_id}/ad/versions/{versions[0][0]}")
        self.assertStatus(first, 200)
        self.assertIn("<ins>Anden linje</ins>", first.text)
        self.assertNotIn("<del>", first.text)
        # A version of another case is not found through this case.
        other = self.create_case("Anden versionssag")
        self.assertStatus(self.admin.get(f"/cases/{other}/ad/versions/{versions[0][0]}"), 404)

    def test_position_category_and_agreement_come_from_the_institutions_lists(self):
        title = "Sag med stillingskategori"
        case_id = self.create_case(title)
        form_page = self.admin.get(f"/cases/{case_id}/edit")
        # Demo data: Styrelsen's lists.
        self.assertIn('<option value="Akademisk">Akademisk</option>', form_page.text)
        self.assertIn('<datalist id="collective_agreements">', form_page.text)
        self.assertIn('<option value="HK-overenskomsten (staten)">', form_page.text)
        self.fill_case(case_id, title, position_category="Akademisk")
        self.assertEqual(self.scalar(f"SELECT position_category FROM recruitment_cases WHERE id = {case_id}"),
                         "Akademisk")
        self.assertIn("Akademisk", self.admin.get(f"/cases/{case_id}").visible_text)
        self.assertIn('<option value="Akademisk" selected>', self.admin.get(f"/cases/{case_id}/edit").text)

        # Not on the list (here: another institution's invented category): refused, nothing changed.
        response = self.admin.post(f"/cases/{case_id}/edit",
                                   self.case_fields("Ændret titel", position_category="Akademiets egen kategori"))
        self.assertErrorSummary(response)
        self.assertFieldNamed(response, "position_category", "Vælg en af stillingskategorierne.")
        self.assertSummaryLinksResolve(response)
        self.assertEqual(self.case_row(case_id)["title"], title)
        self.assertEqual(self.scalar(f"SELECT position_category FROM recruitment_cases WHERE id = {case_id}"),
                         "Akademisk")

        # The copy keeps it.
        copy = int(re.fullmatch(r"/cases/(\d+)/edit", self.admin.post(f"/cases/{case_id}/copy", {}).location).group(1))
        self.assertEqual(self.scalar(f"SELECT position_category FROM recruitment_cases WHERE id = {copy}"),
                         "Akademisk")

    def test_refusal_of_an_empty_case_links_each_missing_item_to_its_field(self):
        case_id = self.create_case("Tom sag")
        response = self.transition(case_id, "mark_ready")
        self.assertErrorSummary(response)
        self.assertIn(MSG_PLACE, response.visible_text)
        self.assertIn(f'href="/cases/{case_id}/edit#place_of_work"', response.text)
        self.assertIn('href="#committee"', response.text)
        self.assertSummaryLinksLeadToTheirFields(response, self.admin)

    def test_editable_mandatory_texts_are_adapted_per_ad_and_locked_ones_are_not(self):
        case_id = self.create_case("Sag med tilpassede tekster")
        salary = int(self.scalar(f"SELECT id FROM mandatory_texts WHERE institution_id = {STYRELSEN_ID}"
                                 " AND name = 'Løn og ansættelse'"))  # demo data: required, editable
        presentation = int(self.scalar(f"SELECT id FROM mandatory_texts WHERE institution_id = {STYRELSEN_ID}"
                                       " AND name = 'Om institutionen'"))  # demo data: optional, editable
        locked = self.setup_ids["encouragement"]
        editor = self.admin.get(f"/cases/{case_id}/ad?language=da")
        form = editor.form(action=f"/cases/{case_id}/ad")
        self.assertIn("Ansættelse og aflønning sker efter gældende overenskomst", form.get(f"text_{salary}"))
        self.assertIsNone(form.get(f"text_{locked}"), "a locked text can be edited")
        self.assertIn(ENCOURAGEMENT_TEXT, editor.visible_text, "the locked text is not shown")

        def save(salary_text, presentation_text, status=303):
            response = self.admin.post(f"/cases/{case_id}/ad", [
                ("language", "da"), ("body", "Vi søger en kollega."), ("mandatory_text", str(presentation)),
                (f"text_{salary}", salary_text), (f"text_{presentation}", presentation_text),
                (f"text_{locked}", "Kun nogle bør søge.")])
            self.assertStatus(response, status)
            return response

        save("Løn efter AC-overenskomsten, løntrin 6.", "Vi er 40 kolleger i Aarhus. <script>xss()</script>")
        preview = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertIn("Løn efter AC-overenskomsten, løntrin 6.", preview.visible_text)
        self.assertIn("Vi er 40 kolleger i Aarhus.", preview.visible_text)
        self.assertIn(ENCOURAGEMENT_TEXT, preview.visible_text)
        self.assertNotIn("Kun nogle bør søge.", preview.visible_text, "a locked text was changed")
        self.assertInert(preview, "xss")
        self.assertNotIn("løntrin 6.", self.scalar(f"SELECT body_source FROM mandatory_texts WHERE id = {salary}"),
                         "the institution's own text was changed")

        # The ad keeps its wording when the institution later changes its texts.
        self.sql(f"UPDATE mandatory_texts SET body_source = 'Ny lokal tekst', body_html = '<p>Ny lokal tekst</p>'"
                 f" WHERE id IN ({salary}, {locked})")
        try:
            kept = self.admin.get(f"/cases/{case_id}/ad/preview?language=da")
            self.assertIn("Løn efter AC-overenskomsten, løntrin 6.", kept.visible_text)
            self.assertIn(ENCOURAGEMENT_TEXT, kept.visible_text)
            self.assertNotIn("Ny lokal tekst", kept.visible_text)
            # Nor when the institution adds a required text: the saved version stays as it was.
            now = int(time.time())
            self.sql("INSERT INTO mandatory_texts (institution_id, name, kind, language, body_source, body_html,"
                     f" required, locked, position, created_at, updated_at) VALUES ({STYRELSEN_ID},"
                     " 'Senere krav (testdata)', 'other', 'da', 'Senere tilføjet tekst',"
                     f" '<p>Senere tilføjet tekst</p>', 1, 1, 99, {now}, {now})")
            self.assertNotIn("Senere tilføjet tekst",
                             self.admin.get(f"/cases/{case_id}/ad/preview?language=da").visible_text)
        finally:
            # The added text is moved out of the way of the other tests (texts are never deleted).
            self.sql("UPDATE mandatory_texts SET language = 'xx' WHERE name = 'Senere krav (testdata)'")
            self.sql(f"UPDATE mandatory_texts SET body_source = {quoted(ENCOURAGEMENT_TEXT)},"
                     f" body_html = {quoted('<p>' + ENCOURAGEMENT_TEXT + '</p>')} WHERE id = {locked}")

        # An emptied text is refused, names the field and saves nothing.
        before = len(self.ad_versions_of(case_id))
        refused = save("   ", "Vi er 40 kolleger i Aarhus.", status=400)
        self.assertErrorSummary(refused)
        self.assertFieldNamed(refused, f"text_{salary}", "En obligatorisk tekst kan ikke være tom.")
        self.assertSummaryLinksResolve(refused)
        self.assertEqual(len(self.ad_versions_of(case_id)), before)

        # The diff between versions shows the change of an adapted text.
        save("Løn efter AC-overenskomsten, løntrin 7.", "Vi er 40 kolleger i Aarhus.")
        latest = self.ad_versions_of(case_id)[-1][0]
        diff = self.admin.get(f"/cases/{case_id}/ad/versions/{latest}")
        self.assertIn("<del>Løn efter AC-overenskomsten, løntrin 6.</del>", diff.text)
        self.assertIn("<ins>Løn efter AC-overenskomsten, løntrin 7.</ins>", diff.text)

        # A copy of the case keeps the adapted wording.
        copy = int(re.fullmatch(r"/cases/(\d+)/edit", self.admin.post(f"/cases/{case_id}/copy", {}).location).group(1))
        self.assertIn("løntrin 7.", self.admin.get(f"/cases/{copy}/ad/preview?language=da").visible_text)

    def test_copy_keeps_everything_but_the_deadline(self):
        title = "Sag der skal kopieres"
        source = self.create_case(title)
        self.fill_case(source, title, contact_name_2="Bo Backup", contact_phone_2="33 00 00 00")
        self.write_ad(source, "Annoncetekst til kopien\n\nMed to afsnit.")
        self.add_member(source, PROJEKTLEDER, "projektleder")
        self.add_member(source, LEDER, "ansaettende_leder")
        self.add_member(source, DELTAGER, "projektdeltager")
        self.assertStatus(self.admin.post(f"/cases/{source}/questions",
                                          {"template_id": str(self.setup_ids["question"])}), 303)
        response = self.admin.post(f"/cases/{source}/copy", {})
        self.assertStatus(response, 303)
        match = re.fullmatch(r"/cases/(\d+)/edit", response.location or "")
        self.assertTrue(match, f"the copy redirected to {response.location!r}")
        copy = int(match.group(1))
        self.assertNotEqual(copy, source)
        original, copied = self.case_row(source), self.case_row(copy)
        self.assertIsNotNone(original["application_deadline"])
        self.assertIsNone(copied["application_deadline"], "the copy kept the deadline")
        self.assertEqual(copied["state"], "draft")
        for key in ("title", "unit_id", "place_of_work", "municipality_code", "occupation_code", "employment_form",
                    "employment_basis", "fixed_term_text", "full_time", "weekly_hours", "salary_text",
                    "collective_agreement", "positions", "readvertisement", "ad_languages"):
            self.assertEqual(copied[key], original[key], key)
        self.assertEqual(self.contacts_of(copy), self.contacts_of(source))
        self.assertEqual(len(self.contacts_of(copy)), 2)
        self.assertEqual(self.committee_of(copy), self.committee_of(source))
        self.assertEqual([v[2] for v in self.ad_versions_of(copy)][-1], "Annoncetekst til kopien\n\nMed to afsnit.")
        self.assertEqual(self.sql(f"SELECT text FROM case_questions WHERE case_id = {copy}"), [[QUESTION_TEXT]])
        self.assertEqual(self.scalar(f"SELECT copied_from FROM recruitment_cases WHERE id = {copy}"), str(source))
        events = self.audit_events(copy, "case.copied")
        self.assertEqual(len(events), 1, "no case.copied event")
        self.assertEqual(events[0]["after"].get("copied_from"), str(source))
        self.assertEqual(events[0]["actor"], "Anders Administrator")
        edit = self.admin.follow(response)
        self.assertStatus(edit, 200)
        self.assertEqual(edit.form(action=f"/cases/{copy}/edit").get("deadline_date"), "")
        # The source is untouched.
        self.assertEqual(self.case_row(source), original)
        # The copy form on /cases/new copies too.
        response = self.admin.post("/cases/copy", {"case_id": str(source)})
        self.assertStatus(response, 303)
        # A case of another institution cannot be copied.
        before = self.count("SELECT COUNT(*) FROM recruitment_cases")
        self.assertStatus(self.admin.post("/cases/6/copy", {}), 404)
        self.assertStatus(self.admin.post("/cases/copy", {"case_id": "6"}), 404)
        self.assertEqual(self.count("SELECT COUNT(*) FROM recruitment_cases"), before)

    def test_screening_questions_until_publication(self):
        case_id = self.create_case("Sag med spørgsmål")
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn(QUESTION_TEXT, page.visible_text, "the question template is not offered")
        response = self.admin.post(f"/cases/{case_id}/questions", {"template_id": str(self.setup_ids["question"])})
        self.assertStatus(response, 303)
        rows = self.sql(f"SELECT id, text, kind, template_id FROM case_questions WHERE case_id = {case_id}")
        self.assertEqual([r[1:] for r in rows], [[QUESTION_TEXT, "yes_no", str(self.setup_ids["question"])]])
        question_id = rows[0][0]
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn(f'action="/cases/{case_id}/questions/{question_id}/remove"', page.text)
        response = self.admin.post(f"/cases/{case_id}/questions/{question_id}/remove", {})
        self.assertStatus(response, 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM case_questions WHERE case_id = {case_id}"), 0)
        # Another institution's question template and unknown ids are refused.
        self.assertStatus(self.admin.post(f"/cases/{case_id}/questions",
                                          {"template_id": str(self.setup_ids["other_question"])}), 400)
        self.assertStatus(self.admin.post(f"/cases/{case_id}/questions/{question_id}/remove", {}), 404)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM case_questions WHERE case_id = {case_id}"), 0)

        self.assertStatus(self.admin.post(f"/cases/{case_id}/questions",
                                          {"template_id": str(self.setup_ids["question"])}), 303)
        question_id = self.scalar(f"SELECT id FROM case_questions WHERE case_id = {case_id}")
        self.fill_case(case_id, "Sag med spørgsmål")
        self.write_ad(case_id, "Tekst")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        self.assertStatus(self.transition(case_id, "publish"), 303)
        added = self.admin.post(f"/cases/{case_id}/questions", {"template_id": str(self.setup_ids["question"])})
        self.assertStatus(added, 409)
        self.assertIn(MSG_QUESTIONS_LOCKED, added.visible_text)
        removed = self.admin.post(f"/cases/{case_id}/questions/{question_id}/remove", {})
        self.assertStatus(removed, 409)
        self.assertEqual(self.sql(f"SELECT id FROM case_questions WHERE case_id = {case_id}"), [[question_id]])
        changed = self.admin.post(f"/cases/{case_id}/questions/{question_id}",
                                  {"text": "Ændret efter udgivelse", "kind": "short_text", "options": ""})
        self.assertStatus(changed, 409)
        self.assertIn(MSG_QUESTIONS_LOCKED, changed.visible_text)
        self.assertEqual(self.scalar(f"SELECT text FROM case_questions WHERE id = {question_id}"), QUESTION_TEXT)

    def test_a_question_is_adapted_for_one_case_only(self):
        case_id = self.create_case("Sag med tilpasset spørgsmål")
        self.assertStatus(self.admin.post(f"/cases/{case_id}/questions",
                                          {"template_id": str(self.setup_ids["question"])}), 303)
        question_id = self.scalar(f"SELECT id FROM case_questions WHERE case_id = {case_id}")
        path = f"/cases/{case_id}/questions/{question_id}"
        page = self.admin.get(path)
        self.assertStatus(page, 200)
        form = page.form(action=path)
        self.assertEqual(form.get("text"), QUESTION_TEXT)
        self.assertIn(f'href="{path}"', self.admin.get(f"/cases/{case_id}").text)

        def row():
            # Hex, because the options span lines (and psql's output would split them).
            text, kind, options = self.sql(f"SELECT text, kind, {as_hex('options')} FROM case_questions"
                                           f" WHERE id = {question_id}")[0]
            return [text, kind, from_hex(options)]

        # Hostile and bad input: refused with the field named, nothing changed.
        for fields, field in [({"text": " ", "kind": "yes_no", "options": ""}, "text"),
                              ({"text": "Hvilket sprog?", "kind": "essay", "options": ""}, "kind"),
                              ({"text": "Hvilket sprog?", "kind": "single_choice", "options": "!Dansk\n!Engelsk"},
                               "options"),
                              ({"text": "x" * 1001, "kind": "short_text", "options": ""}, "text")]:
            with self.subTest(fields=fields["kind"], field=field):
                before = row()
                response = self.admin.post(path, fields)
                self.assertErrorSummary(response)
                self.assertIn(f'href="#{field}"', response.text)
                self.assertSummaryLinksResolve(response)
                self.assertEqual(row(), before)

        response = self.admin.post(path, {"text": "  Hvor så du stillingen? <script>xss()</script> ",
                                          "kind": "single_choice", "options": "Jobnet\r\n\n! Andet "})
        self.assertStatus(response, 303)
        self.assertEqual(response.location, f"/cases/{case_id}?saved=1#questions")
        self.assertEqual(row(), ["Hvor så du stillingen? <script>xss()</script>", "single_choice", "Jobnet\n!Andet"])
        case_page = self.admin.get(f"/cases/{case_id}")
        self.assertInert(case_page, "xss")
        self.assertIn("Andet", case_page.visible_text)
        # The institution's template is untouched, and the change is audited.
        self.assertEqual(self.scalar(f"SELECT text FROM question_templates WHERE id = {self.setup_ids['question']}"),
                         QUESTION_TEXT)
        events = self.audit_events(case_id, "case.question_changed")
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["before"]["text"], QUESTION_TEXT)
        self.assertEqual(events[0]["after"]["options"], "Jobnet\n!Andet")

        # A Projektdeltager may look at the case but not change its questions; another case's question
        # is not found through this case.
        self.add_member(case_id, DELTAGER, "projektdeltager")
        participant = self.as_user(DELTAGER)
        self.assertStatus(participant.get(path), 403)
        self.assertStatus(participant.post(path, {"text": "Deltagerens", "kind": "short_text", "options": ""}), 403)
        other = self.create_case("Anden sag uden spørgsmål")
        self.assertStatus(self.admin.get(f"/cases/{other}/questions/{question_id}"), 404)
        self.assertStatus(self.admin.post(f"/cases/{other}/questions/{question_id}",
                                          {"text": "Fremmed", "kind": "short_text", "options": ""}), 404)
        self.assertEqual(row()[0], "Hvor så du stillingen? <script>xss()</script>")

    def test_published_case_cannot_be_edited(self):
        case_id = self.published_case()
        before = self.snapshot(case_id)
        self.assertStatus(self.admin.post(f"/cases/{case_id}/edit", self.case_fields("Ændret efter udgivelse")), 409)
        # The ad of a published case is corrected only with a reason (see jobnet_test).
        refused = self.admin.post(f"/cases/{case_id}/ad", {"language": "da", "body": "Ændret"})
        self.assertStatus(refused, 400)
        self.assertIn(MSG_CORRECTION_REASON, refused.visible_text)
        self.assertEqual(self.snapshot(case_id), before)

    def test_refusals_on_the_published_demo_case(self):
        # The role check comes before the state check: a Projektdeltager is refused (403), an
        # Administrator is told that a published case's facts cannot change here (409) and that its ad
        # is corrected only with a reason (400).
        before = self.snapshot(FIRST_CASE)
        deltager = self.as_user(DELTAGER)
        self.assertStatus(deltager.post(f"/cases/{FIRST_CASE}/ad", {"language": "da", "body": "x"}), 403)
        self.assertStatus(deltager.post(f"/cases/{FIRST_CASE}/edit", self.case_fields("x")), 403)
        self.assertStatus(deltager.post(f"/cases/{FIRST_CASE}/transition", {"transition": "cancel"}), 403)
        self.assertStatus(self.admin.post(f"/cases/{FIRST_CASE}/ad", {"language": "da", "body": "x"}), 400)
        self.assertStatus(self.admin.post(f"/cases/{FIRST_CASE}/edit", self.case_fields("x")), 409)
        self.assertEqual(self.snapshot(FIRST_CASE), before)
        self.assertEqual(self.state_of(FIRST_CASE), "published")

    def test_changing_a_ready_case_sends_it_back_to_draft(self):
        case_id = self.ready_case()
        self.fill_case(case_id, "Ændret efter klarmelding")
        self.assertEqual(self.state_of(case_id), "draft", "an edited case stayed ready for publication")
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        self.write_ad(case_id, "Ny tekst efter klarmelding")
        self.assertEqual(self.state_of(case_id), "draft", "a case with a changed ad stayed ready for publication")
        # Publishing needs the ready state.
        self.assertStatus(self.transition(case_id, "publish"), 409)
        self.assertEqual(self.state_of(case_id), "draft")

    def test_deadline_in_the_past_is_refused_at_mark_ready(self):
        title = "Sag med gammel frist"
        case_id = self.create_case(title)
        self.fill_case(case_id, title, deadline_date="2020-01-15")
        self.write_ad(case_id, "Tekst")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        response = self.transition(case_id, "mark_ready")
        self.assertErrorSummary(response)
        self.assertIn("Ansøgningsfristen skal ligge i fremtiden.", response.visible_text)
        self.assertEqual(self.state_of(case_id), "draft")

    def test_hostile_mandatory_text_is_shown_inert(self):
        now = int(time.time())
        hostile = ("<p>Om institutionen<script>alert('xss-block')</script><img src=x onerror=alert('xss-block2')>"
                   "<a href=\"javascript:alert('xss-block3')\">link</a></p>")
        text_id = int(self.sql(
            "INSERT INTO mandatory_texts (institution_id, name, kind, language, body_source, body_html, required,"
            f" locked, position, created_at, updated_at) VALUES ({STYRELSEN_ID}, 'Præsentation (testdata)',"
            f" 'presentation', 'da', 'Om institutionen', {quoted(hostile)}, 0, 0, 1, {now}, {now}) RETURNING id")[0][0])
        # Out of the way of the other tests afterwards (a case without an ad shows every text).
        self.addCleanup(self.sql, f"UPDATE mandatory_texts SET language = 'xx' WHERE id = {text_id}")
        case_id = self.published_case(body="Tekst med valgfri blok")
        self.assertNotIn("Om institutionen", self.client().get(f"/positions/{case_id}").visible_text,
                         "an optional text that was not chosen is shown")
        other = self.create_case("Sag med valgfri blok")
        self.write_ad(other, "Tekst", extra=[("mandatory_text", str(text_id))])
        preview = self.admin.get(f"/cases/{other}/ad/preview?language=da")
        self.assertIn("Om institutionen", preview.visible_text, "the chosen optional text is not shown")
        self.assertInert(preview, "xss")
        editor = self.admin.get(f"/cases/{other}/ad?language=da")
        self.assertInert(editor, "xss")

    def test_concurrent_saves_of_the_ad_all_succeed(self):
        case_id = self.create_case("Samtidige gemninger")

        def save(number):
            return self.admin.post(f"/cases/{case_id}/ad", {"language": "da", "body": f"Udgave {number}"}).status

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(save, range(16)))
        self.assertEqual(statuses, [303] * 16, "some concurrent saves failed")
        self.assertEqual([int(v[1]) for v in self.ad_versions_of(case_id)], list(range(1, 17)))

    def test_concurrent_equal_committee_additions(self):
        case_id = self.create_case("Samtidige udvalgsmedlemmer")
        user = str(self.user_id(DELTAGER))

        def add(_):
            return self.admin.post(f"/cases/{case_id}/committee", {"user_id": user, "role": "projektdeltager"}).status

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            statuses = sorted(pool.map(add, range(8)))
        self.assertEqual(statuses, [303] + [409] * 7, "a duplicate addition did not answer 409")
        self.assertEqual(self.committee_of(case_id), [(int(user), "projektdeltager")])
        self.assertEqual(len(self.audit_events(case_id, "committee.member_added")), 1)

    def test_audit_trail_of_a_case(self):
        case_id = self.create_case("Revisionssag")
        self.fill_case(case_id, "Revisionssag omdøbt")
        self.write_ad(case_id, "Første udgave")
        self.write_ad(case_id, "Anden udgave")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.add_member(case_id, LEDER, "ansaettende_leder")
        self.assertStatus(self.transition(case_id, "mark_ready"), 303)
        events = self.audit_events(case_id)
        actions = [event["action"] for event in events]
        for action in ("case.created", "case.changed", "job_ad.saved", "committee.member_added",
                       "case.state_changed"):
            self.assertIn(action, actions)
        admin_id = str(self.user_id(ADMINISTRATOR))
        for event in events:
            self.assertEqual(event["actor"], "Anders Administrator", event)
            self.assertEqual(event["actor_user_id"], admin_id, event)
        created = self.audit_events(case_id, "case.created")[0]
        self.assertEqual(created["after"].get("title"), "Revisionssag")
        self.assertEqual(created["after"].get("state"), "draft")
        changed = self.audit_events(case_id, "case.changed")[0]
        self.assertEqual(changed["before"].get("title"), "Revisionssag")
        self.assertEqual(changed["after"].get("title"), "Revisionssag omdøbt")
        self.assertEqual(changed["before"].get("place_of_work"), "")
        self.assertEqual(changed["after"].get("place_of_work"), "Demovej 1, 1000 København K")
        self.assertEqual(changed["before"].get("application_deadline"), "")
        self.assertTrue(changed["after"].get("application_deadline", "").startswith("2030-01-15"),
                        changed["after"])
        saved = self.audit_events(case_id, "job_ad.saved")
        self.assertEqual(len(saved), 2)
        self.assertEqual(saved[0]["after"].get("version"), "1")
        self.assertEqual(saved[1]["before"].get("version"), "1")
        self.assertEqual(saved[1]["after"].get("version"), "2")
        self.assertEqual(saved[1]["after"].get("language"), "da")
        self.assertIn(str(self.setup_ids["encouragement"]), saved[1]["after"].get("mandatory_texts", "").split(","))
        added = self.audit_events(case_id, "committee.member_added")
        self.assertEqual(sorted((e["after"].get("user_id"), e["after"].get("role")) for e in added),
                         sorted([(str(self.user_id(PROJEKTLEDER)), "projektleder"),
                                 (str(self.user_id(LEDER)), "ansaettende_leder")]))
        state = self.audit_events(case_id, "case.state_changed")
        self.assertEqual(len(state), 1)
        self.assertEqual(state[0]["before"].get("state"), "draft")
        self.assertEqual(state[0]["after"].get("state"), "ready_for_publication")
        # Refused steps leave no trace.
        self.assertStatus(self.transition(case_id, "close_applications"), 409)
        self.assertEqual(len(self.audit_events(case_id, "case.state_changed")), 1)


# ------------------------------------------------------------------------------------------------
# The case page as a record page, confirmations, read-only published cases, the case form's lists


class CaseRecordPageTest(CasesTestCase):
    def test_cancelling_asks_a_reason_and_records_it(self):
        case_id = self.create_case("Sag der skal annulleres")
        # The confirmation page says what happens and asks the reason.
        confirm = self.admin.get(f"/cases/{case_id}/cancel")
        self.assertStatus(confirm, 200)
        self.assertIn("Annullér sagen?", confirm.visible_text)
        self.assertIn("Det kan ikke fortrydes.", confirm.visible_text)
        form = confirm.form(action=f"/cases/{case_id}/transition")
        self.assertEqual(form.get("transition"), "cancel")
        self.assertIn('name="reason"', confirm.text)
        # Without a reason (or only spaces): refused, the field named, nothing changed.
        before = self.snapshot(case_id)
        for reason in ("", "   "):
            with self.subTest(reason=reason):
                refused = self.transition(case_id, "cancel", reason=reason)
                self.assertErrorSummary(refused, 400)
                self.assertFieldNamed(refused, "reason", MSG_REASON)
                self.assertSummaryLinksResolve(refused)
        self.assertStatus(self.admin.post(f"/cases/{case_id}/transition", {"transition": "cancel"}), 400)
        self.assertEqual(self.snapshot(case_id), before)
        self.assertEqual(self.state_of(case_id), "draft")
        self.assertEqual(self.audit_events(case_id, "case.state_changed"), [])
        # A reason too long is refused as well.
        self.assertStatus(self.transition(case_id, "cancel", reason="æ" * 1001), 400)
        self.assertEqual(self.state_of(case_id), "draft")
        # With a reason: cancelled, the reason in the audit event, a notice that says so.
        reason = "Stillingen er nedlagt ved en omstrukturering."
        done = self.transition(case_id, "cancel", reason=reason)
        self.assertStatus(done, 303)
        self.assertEqual(done.location, f"/cases/{case_id}?cancelled=1")
        self.assertEqual(self.state_of(case_id), "cancelled")
        page = self.admin.follow(done)
        self.assertIn("Sagen er annulleret.", page.visible_text)
        self.assertNotIn("Dine ændringer er gemt", page.visible_text)
        events = self.audit_events(case_id, "case.state_changed")
        self.assertEqual(len(events), 1)
        self.assertEqual(events[0]["after"].get("state"), "cancelled")
        self.assertEqual(events[0]["after"].get("reason"), reason)
        # A cancelled case offers no further step; its confirmation page leads back to the case.
        self.assertNotIn(f'href="/cases/{case_id}/cancel"', page.text)
        again = self.admin.get(f"/cases/{case_id}/cancel")
        self.assertStatus(again, 303)

    def test_cancel_confirmation_is_refused_to_those_who_may_not_cancel(self):
        case_id = self.published_case()
        # The Ansættende leder sees the case but may not change it.
        self.assertStatus(self.as_user(LEDER).get(f"/cases/{case_id}/cancel"), 403)
        self.assertIn(self.as_user(AKADEMIET_ADMINISTRATOR).get(f"/cases/{case_id}/cancel").status, (403, 404))

    def test_removing_a_member_is_confirmed_first(self):
        case_id = self.create_case("Sag med udvalg")
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        member = self.user_id(PROJEKTLEDER)
        page = self.admin.get(f"/cases/{case_id}")
        link = f"/cases/{case_id}/committee/remove?user_id={member}&amp;role=projektleder"
        self.assertIn(f'href="{link}"', page.text, "the remove button is a link to the confirmation page")
        self.assertNotIn(f'<form method="post" action="/cases/{case_id}/committee/remove" class="inline-form">',
                         page.text, "no one-click removal")
        confirm = self.admin.get(html.unescape(link))
        self.assertStatus(confirm, 200)
        self.assertIn("Fjern medlemmet fra ansættelsesudvalget?", confirm.visible_text)
        self.assertIn("Pia Projektleder", confirm.visible_text)
        form = confirm.form(action=f"/cases/{case_id}/committee/remove")
        self.assertEqual((form.get("user_id"), form.get("role")), (str(member), "projektleder"))
        self.assertEqual(self.committee_of(case_id), [(member, "projektleder")])
        removed = self.admin.post(f"/cases/{case_id}/committee/remove", {"user_id": str(member),
                                                                         "role": "projektleder"})
        self.assertStatus(removed, 303)
        self.assertIn("Medlemmet er fjernet fra ansættelsesudvalget.", self.admin.follow(removed).visible_text)
        self.assertEqual(self.committee_of(case_id), [])
        # Someone who is not a member has no confirmation page.
        self.assertStatus(self.admin.get(f"/cases/{case_id}/committee/remove?user_id={member}&role=projektleder"),
                          404)

    def test_case_page_shows_lifecycle_summary_and_only_possible_steps(self):
        case_id = self.create_case("Sag uden oplysninger")
        page = self.admin.get(f"/cases/{case_id}")
        self.assertStatus(page, 200)
        # The lifecycle, with the current step marked; empty facts read "Ikke angivet".
        self.assertIn('class="step-indicator lifecycle"', page.text)
        current = re.search(r'aria-current="step">.*?<span class="step-title">([^<]+)</span>', page.text)
        self.assertTrue(current, "no current step")
        self.assertEqual(current.group(1), STATE_DRAFT)
        self.assertIn(NOT_GIVEN, page.visible_text)
        self.assertIn(f'href="/cases/{case_id}/edit#place_of_work"', page.text, "a change link per group")
        # Marking ready cannot succeed yet: explained with the missing items, not offered as a button.
        self.assertNotIn('value="mark_ready"', page.text)
        self.assertIn(MSG_PLACE, page.visible_text)
        # The forms open on demand.
        self.assertIn('<details class="details"', page.text)

        published = self.published_case()
        page = self.admin.get(f"/cases/{published}")
        # Closing before the deadline cannot succeed: explained, no button.
        self.assertNotIn('value="close_applications"', page.text)
        self.assertIn("Luk for ansøgninger", page.visible_text)
        self.assertIn("ikke endnu", page.visible_text)
        # No empty screening-question section, no change links, no forms to add.
        self.assertNotIn('id="questions"', page.text)
        self.assertNotIn(f'/cases/{published}/edit#', page.text)
        self.assertIn(f'href="/cases/{published}/cancel"', page.text)
        self.assertIn("Kirsten Kontakt", page.visible_text)
        self.assertIn("København (101)", page.visible_text)

    def test_each_notice_says_what_happened(self):
        case_id = self.create_case("Sag med beskeder")
        added = self.add_member(case_id, PROJEKTLEDER, "projektleder")
        self.assertEqual(added.location, f"/cases/{case_id}?saved=member#committee")
        self.assertIn("Medlemmet er tilføjet ansættelsesudvalget.", self.admin.follow(added).visible_text)
        ready = self.ready_case()
        published = self.transition(ready, "publish")
        self.assertEqual(published.location, f"/cases/{ready}?saved=publish")
        page = self.admin.follow(published)
        self.assertIn("Sagen er offentliggjort.", page.visible_text)
        self.assertNotIn("Dine ændringer er gemt", page.visible_text)
        # Unknown values show no notice (the text is never taken from the query).
        self.assertNotIn("alert-success", self.admin.get(f"/cases/{ready}?saved=%3Cb%3E").text)

    def test_published_case_has_no_edit_form_and_refuses_stale_forms_with_the_right_message(self):
        case_id = self.ready_case()
        stale_fields = self.case_fields("Ny titel fra en gammel fane")
        stale_ad = [("language", "da"), ("body", "Tekst fra en gammel fane")]
        self.assertStatus(self.transition(case_id, "publish"), 303)
        before = self.snapshot(case_id)

        edit = self.admin.get(f"/cases/{case_id}/edit")
        self.assertStatus(edit, 200)
        self.assertNotIn(f'action="/cases/{case_id}/edit"', edit.text, "no edit form on a published case")
        self.assertIn("Demovej 1, 1000 København K", edit.visible_text)
        self.assertIn(f'href="/cases/{case_id}"', edit.text)
        # The ad editor becomes the correction form: it asks for the reason.
        ad = self.admin.get(f"/cases/{case_id}/ad?language=da")
        self.assertStatus(ad, 200)
        self.assertIn('name="correction_reason"', ad.text)
        self.assertIn(f'href="/cases/{case_id}"', ad.text)

        refused = self.admin.post(f"/cases/{case_id}/edit", stale_fields)
        self.assertStatus(refused, 409)
        self.assertIn(MSG_PUBLISHED_LOCKED, refused.visible_text)
        self.assertNotIn(MSG_CONCURRENT, refused.visible_text)
        self.assertIn(f'href="/cases/{case_id}"', refused.text, "a link back to the case")
        self.assertNotIn(f'action="/cases/{case_id}/edit"', refused.text)
        stale = self.admin.post(f"/cases/{case_id}/ad", stale_ad)
        self.assertStatus(stale, 400)
        self.assertIn(MSG_CORRECTION_REASON, stale.visible_text)
        self.assertIn("Tekst fra en gammel fane", stale.text, "what was typed is kept")
        self.assertEqual(self.snapshot(case_id), before)

    def test_municipality_is_chosen_from_the_list_and_disco_codes_are_checked(self):
        title = "Sag i Aalborg"
        case_id = self.create_case(title)
        form_page = self.admin.get(f"/cases/{case_id}/edit")
        options = re.findall(r'<option value="(\d{3})"[^>]*>([^<]+)</option>', form_page.text)
        self.assertEqual(len(options), 98, "the 98 municipalities")
        self.assertIn(("101", "København (101)"), options)
        self.assertIn(("851", "Aalborg (851)"), options)
        self.assertIn(("751", "Aarhus (751)"), options)
        self.assertIn("2423", form_page.text, "common DISCO codes are offered")
        self.fill_case(case_id, title)
        before = self.snapshot(case_id)
        for changes, field, message in (({"municipality_code": "999"}, "municipality_code", MSG_CHOOSE_MUNICIPALITY),
                                        ({"municipality_code": "411"}, "municipality_code", MSG_CHOOSE_MUNICIPALITY),
                                        ({"occupation_code": "24x3"}, "occupation_code", MSG_OCCUPATION),
                                        ({"occupation_code": "24231"}, "occupation_code", MSG_OCCUPATION)):
            with self.subTest(changes=changes):
                refused = self.admin.post(f"/cases/{case_id}/edit", self.case_fields(title, **changes))
                self.assertErrorSummary(refused, 400)
                self.assertFieldNamed(refused, field, message)
        self.assertEqual(self.snapshot(case_id), before)
        self.fill_case(case_id, title, municipality_code="851", occupation_code="2423")
        self.assertEqual(self.case_row(case_id)["municipality_code"], "851")
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn("Aalborg (851)", page.visible_text)
        self.assertIn("2423 Personale- og karriererådgivning", page.visible_text)
        # Any valid DISCO-08 code is accepted, also one not on the list.
        self.fill_case(case_id, title, occupation_code="9999.10")
        self.assertEqual(self.case_row(case_id)["occupation_code"], "9999.10")


# ------------------------------------------------------------------------------------------------
# Case roles


class CaseRolePermissionTest(CasesTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The demo's first case is published; as a draft an allowed change would succeed, so a
        # refusal shows the permission check and not the state.
        cls.class_sql(f"UPDATE recruitment_cases SET state = 'draft' WHERE id = {FIRST_CASE}")

    def change_attempts(self, case_id):
        """Every change of a case, as (path, fields)."""
        return [
            (f"/cases/{case_id}/ad", {"language": "da", "body": "Ændret af en uden ret"}),
            (f"/cases/{case_id}/edit", self.case_fields("Ændret af en uden ret")),
            (f"/cases/{case_id}/transition", {"transition": "mark_ready"}),
            (f"/cases/{case_id}/transition", {"transition": "cancel"}),
            (f"/cases/{case_id}/committee", {"user_id": str(self.user_id(DELTAGER)), "role": "projektleder"}),
            (f"/cases/{case_id}/committee/remove", {"user_id": str(self.user_id(PROJEKTLEDER)),
                                                     "role": "projektleder"}),
            (f"/cases/{case_id}/committee/external", {"external_name": "Ekstern Eriksen",
                                                       "external_email": f"ekstern-{uuid.uuid4().hex[:6]}@example.test",
                                                       "external_role": "projektdeltager"}),
            (f"/cases/{case_id}/questions", {"template_id": str(self.setup_ids["question"])}),
        ]

    def test_projektdeltager_views_but_cannot_change(self):
        client = self.as_user(DELTAGER)
        page = client.get(f"/cases/{FIRST_CASE}")
        self.assertStatus(page, 200)
        self.assertIn("Fuldmægtig til økonomienheden", page.visible_text)
        self.assertNotIn(f'href="/cases/{FIRST_CASE}/edit"', page.text, "an edit link for a Projektdeltager")
        self.assertNotIn(f'action="/cases/{FIRST_CASE}/transition"', page.text)
        self.assertNotIn(f'action="/cases/{FIRST_CASE}/committee"', page.text)
        self.assertStatus(client.get(f"/cases/{FIRST_CASE}/ad/preview?language=da"), 200)
        self.assertStatus(client.get(f"/cases/{FIRST_CASE}/ad/versions?language=da"), 200)
        self.assertStatus(client.get(f"/cases/{FIRST_CASE}/edit"), 403)
        before = self.snapshot(FIRST_CASE)
        for path, fields in self.change_attempts(FIRST_CASE):
            with self.subTest(path=path, fields=fields):
                self.assertStatus(client.post(path, fields), 403)
        self.assertStatus(client.post(f"/cases/{FIRST_CASE}/copy", {}), 404)
        self.assertEqual(self.snapshot(FIRST_CASE), before, "a refused change changed the case")
        self.assertEqual(self.state_of(FIRST_CASE), "draft")

    def test_projektdeltager_gets_no_ad_editor(self):
        # Like the edit form: someone who may only look is not offered a form that cannot be saved.
        self.assertStatus(self.as_user(DELTAGER).get(f"/cases/{FIRST_CASE}/ad?language=da"), 403)
        self.assertStatus(self.as_user(LEDER).get(f"/cases/{FIRST_CASE}/ad?language=da"), 403)

    def test_ansaettende_leder_cannot_change_either(self):
        client = self.as_user(LEDER)
        self.assertStatus(client.get(f"/cases/{FIRST_CASE}"), 200)
        before = self.snapshot(FIRST_CASE)
        for path, fields in self.change_attempts(FIRST_CASE)[:4]:
            with self.subTest(path=path):
                self.assertStatus(client.post(path, fields), 403)
        self.assertEqual(self.snapshot(FIRST_CASE), before)

    def test_projektleder_edits_the_ad_and_the_case(self):
        client = self.as_user(PROJEKTLEDER)
        page = client.get(f"/cases/{FIRST_CASE}")
        self.assertStatus(page, 200)
        self.assertIn(f'href="/cases/{FIRST_CASE}/ad?language=da"', page.text)
        self.assertStatus(client.get(f"/cases/{FIRST_CASE}/ad?language=da"), 200)
        before = len(self.ad_versions_of(FIRST_CASE))
        body = f"Projektlederens annoncetekst {uuid.uuid4().hex[:6]}"
        self.write_ad(FIRST_CASE, body, client=client)
        versions = self.ad_versions_of(FIRST_CASE)
        self.assertEqual(len(versions), before + 1)
        self.assertEqual(versions[-1][2], body)
        self.assertEqual(self.scalar(f"SELECT created_by FROM job_ad_versions WHERE id = {versions[-1][0]}"),
                         str(self.user_id(PROJEKTLEDER)))
        self.fill_case(FIRST_CASE, "Fuldmægtig til økonomienheden", client=client)
        self.assertEqual(self.case_row(FIRST_CASE)["municipality_code"], "101")
        # The Projektleder may not give themselves another role.
        self.assertStatus(client.post(f"/cases/{FIRST_CASE}/committee",
                                      {"user_id": str(self.user_id(PROJEKTLEDER)), "role": "ansaettende_leder"}), 403)
        self.assertNotIn((self.user_id(PROJEKTLEDER), "ansaettende_leder"), self.committee_of(FIRST_CASE))

    def test_user_without_a_role_on_the_case_gets_not_found(self):
        for email in (DELTAGER, PROJEKTLEDER):
            client = self.as_user(email)
            for path in (f"/cases/{SECOND_CASE}", f"/cases/{SECOND_CASE}/edit", f"/cases/{SECOND_CASE}/ad?language=da",
                         f"/cases/{SECOND_CASE}/ad/preview?language=da",
                         f"/cases/{SECOND_CASE}/ad/versions?language=da"):
                with self.subTest(email=email, path=path):
                    self.assertStatus(client.get(path), 404)
            before = self.snapshot(SECOND_CASE)
            for path, fields in self.change_attempts(SECOND_CASE) + [(f"/cases/{SECOND_CASE}/copy", {})]:
                with self.subTest(email=email, path=path, fields=fields):
                    self.assertStatus(client.post(path, fields), 404)
            self.assertEqual(self.snapshot(SECOND_CASE), before)

    def test_other_institution_gets_not_found(self):
        for email in (AKADEMIET_ADMINISTRATOR, AKADEMIET_PROJEKTLEDER):
            client = self.as_user(email)
            _, cases = self.case_list(client)
            self.assertTrue(cases, "Demoakademiet sees none of its own cases")
            self.assertFalse({case_id for case_id, *_ in cases} & {1, 2, 3, 4, 5},
                             f"{email} sees Styrelsen's cases: {cases}")
            for case_id in (FIRST_CASE, SECOND_CASE):
                for path in (f"/cases/{case_id}", f"/cases/{case_id}/edit", f"/cases/{case_id}/ad?language=da",
                             f"/cases/{case_id}/ad/preview?language=da",
                             f"/cases/{case_id}/ad/versions?language=da"):
                    with self.subTest(email=email, path=path):
                        self.assertStatus(client.get(path), 404)
                before = self.snapshot(case_id)
                for path, fields in self.change_attempts(case_id) + [(f"/cases/{case_id}/copy", {})]:
                    with self.subTest(email=email, path=path, fields=fields):
                        self.assertStatus(client.post(path, fields), 404)
                self.assertEqual(self.snapshot(case_id), before)

    def test_case_list_of_a_projektdeltager_shows_only_their_case(self):
        _, cases = self.case_list(self.as_user(DELTAGER))
        self.assertEqual([case_id for case_id, *_ in cases], [FIRST_CASE])
        response, cases = self.case_list(self.as_user(DELTAGER), "?state=published")
        self.assertEqual(cases, [], "the state filter shows cases without a role")
        self.assertNotIn('href="/cases/new"', response.text)

    def test_new_role_shows_the_case_at_once(self):
        case_id = self.create_case("Sag med ny deltager")
        client = self.as_user(DELTAGER)
        self.assertStatus(client.get(f"/cases/{case_id}"), 404)
        self.add_member(case_id, DELTAGER, "projektdeltager")
        self.assertStatus(client.get(f"/cases/{case_id}"), 200)
        _, cases = self.case_list(client)
        self.assertIn(case_id, [c[0] for c in cases])
        removed = self.admin.post(f"/cases/{case_id}/committee/remove",
                                  {"user_id": str(self.user_id(DELTAGER)), "role": "projektdeltager"})
        self.assertStatus(removed, 303)
        self.assertStatus(client.get(f"/cases/{case_id}"), 404)


# ------------------------------------------------------------------------------------------------
# External committee members


class ExternalMemberTest(CasesTestCase):
    PASSWORD = "Ekstern-kodeord-2026!"
    mail_sink = True

    def invite(self, case_id, email, name="Tine Tillidsrepræsentant", role="projektdeltager"):
        return self.admin.post(f"/cases/{case_id}/committee/external",
                               {"external_name": name, "external_email": email, "external_role": role})

    def reset_link(self, email):
        rows = self.sql(f"SELECT subject FROM outbox WHERE recipient = {quoted(email)} ORDER BY id")
        self.assertEqual(len(rows), 1, f"expected one mail to {email} in the outbox: {rows}")
        mail = self.mail_to(email)
        self.assertEqual(mail["Subject"], "Din konto i Rekrut")
        text = message_text(mail)
        match = RESET_LINK.search(text)
        self.assertTrue(match, f"no password link in the mail to {email}: {text!r}")
        return f"/password/reset/{match.group(1)}"

    def external_member(self, case_id):
        """Invites an external member to the case, sets their password with the mailed link and logs
        them in. Returns (email, user id, client)."""
        email = f"tine-{uuid.uuid4().hex[:6]}@fagforening.example.test"
        self.assertStatus(self.invite(case_id, email), 303)
        link = self.reset_link(email)
        done = self.client().post(link, {"password": self.PASSWORD, "repeat_password": self.PASSWORD})
        self.assertStatus(done, 303)
        client = self.client()
        login(client, email, totp=False, password=self.PASSWORD)
        return email, self.user_id(email), client

    def test_external_member_takes_part_in_one_case_only(self):
        case_id = self.create_case("Sag med ekstern i ét udvalg")
        other_case = self.create_case("Anden sag")
        email, user_id, client = self.external_member(case_id)
        self.assertIn(f'<option value="{user_id}">', self.admin.get(f"/cases/{case_id}").text)
        self.assertNotIn(f'<option value="{user_id}">', self.admin.get(f"/cases/{other_case}").text,
                         "another case offers the external member for its committee")
        before = self.snapshot(other_case)
        response = self.admin.post(f"/cases/{other_case}/committee",
                                   {"user_id": str(user_id), "role": "projektdeltager"})
        self.assertErrorSummary(response)
        self.assertEqual(self.snapshot(other_case), before, "the external account joined a second case")
        self.assertStatus(client.get(f"/cases/{other_case}"), 404)
        # A copy of the case does not take the external member along.
        self.add_member(case_id, PROJEKTLEDER, "projektleder")
        copied = self.admin.post(f"/cases/{case_id}/copy", {})
        self.assertStatus(copied, 303)
        copy = int(re.fullmatch(r"/cases/(\d+)/edit", copied.location).group(1))
        self.assertEqual(self.committee_of(copy), [(self.user_id(PROJEKTLEDER), "projektleder")])
        _, cases = self.case_list(client)
        self.assertEqual([c[0] for c in cases], [case_id])

    def test_login_after_the_case_ended_is_refused(self):
        case_id = self.create_case("Sag der bliver annulleret")
        email, user_id, client = self.external_member(case_id)
        self.assertStatus(self.transition(case_id, "cancel"), 303)
        logins = self.count("SELECT COUNT(*) FROM audit_events WHERE action = 'login.password_accepted'"
                            f" AND actor_user_id = {user_id}")
        again = self.client()
        response = again.post("/login", {"email": email, "password": self.PASSWORD})
        self.assertFalse(response.status == 303 and response.location == "/home",
                         "an account that ended with its case logs in")
        self.assertEqual(self.count("SELECT COUNT(*) FROM audit_events WHERE action = 'login.password_accepted'"
                                    f" AND actor_user_id = {user_id}"), logins,
                         "the audit trail records an accepted login of an ended account")

    def test_external_member_sees_only_their_case_until_it_is_cancelled(self):
        title = "Sag med tillidsrepræsentant"
        case_id = self.create_case(title)
        other_case = self.create_case("Sag uden ekstern")
        email = f"tine-{uuid.uuid4().hex[:6]}@fagforening.example.test"
        response = self.invite(case_id, email)
        self.assertStatus(response, 303)
        user = self.sql(f"SELECT id, external_case_id, institution_id FROM users WHERE email = {quoted(email)}")
        self.assertEqual(len(user), 1, "no account for the external member")
        user_id, external_case, institution = user[0]
        self.assertEqual(external_case, str(case_id))
        self.assertEqual(institution, str(STYRELSEN_ID))
        self.assertEqual(self.committee_of(case_id), [(int(user_id), "projektdeltager")])
        page = self.admin.get(f"/cases/{case_id}")
        self.assertIn(email, page.text)
        self.assertIn("ekstern", page.visible_text)
        self.assertTrue(self.audit_events(case_id, "committee.external_invited"))

        link = self.reset_link(email)
        anonymous = self.client()
        self.assertStatus(anonymous.get(link), 200)
        done = anonymous.post(link, {"password": self.PASSWORD, "repeat_password": self.PASSWORD})
        self.assertStatus(done, 303)
        external = self.client()
        login(external, email, totp=False, password=self.PASSWORD)
        self.assertStatus(external.get("/home"), 200)
        _, cases = self.case_list(external)
        self.assertEqual([c[0] for c in cases], [case_id], "the external member sees other cases")
        self.assertStatus(external.get(f"/cases/{case_id}"), 200)
        for path in (f"/cases/{other_case}", f"/cases/{FIRST_CASE}", f"/cases/{SECOND_CASE}", "/users",
                     f"/users/{self.user_id(ADMINISTRATOR)}", "/cases/new"):
            with self.subTest(path=path):
                self.assertStatus(external.get(path), 404)
        self.assertIn(external.post(f"/cases/{case_id}/ad", {"language": "da", "body": "Ekstern tekst"}).status,
                      (403, 404))
        self.assertEqual(self.ad_versions_of(case_id), [])

        # The case is cancelled: the account ends with it.
        response = self.transition(case_id, "cancel")
        self.assertStatus(response, 303)
        self.assertEqual(self.state_of(case_id), "cancelled")
        self.assertIn(STATE_CANCELLED, self.admin.follow(response).visible_text)
        home = external.get("/home")
        self.assertIn(home.status, (302, 303), "the external member's session outlived the case")
        self.assertTrue((home.location or "").startswith("/login"), home.location)
        self.assertNotEqual(external.get(f"/cases/{case_id}").status, 200)
        again = self.client()
        again.post("/login", {"email": email, "password": self.PASSWORD})
        for path in ("/home", "/cases", f"/cases/{case_id}"):
            with self.subTest(after_cancel=path):
                response = again.get(path)
                self.assertNotEqual(response.status, 200, f"{path} answers after the case was cancelled")
                self.assertNotIn(title, response.text)

    def test_invitation_is_validated(self):
        case_id = self.create_case("Sag med forkert invitation")
        before = self.snapshot(case_id)
        for name, email, role, field in (
                ("", "x@example.test", "projektdeltager", "external_name"),
                ("Navn", "ikke-en-adresse", "projektdeltager", "external_email"),
                ("Navn", ADMINISTRATOR, "projektdeltager", "external_email"),
                ("Navn", "y@example.test", "projektleder", "external_role")):
            with self.subTest(email=email, role=role):
                response = self.invite(case_id, email, name=name, role=role)
                self.assertErrorSummary(response)
                self.assertIn(f'href="#{field}"', response.text)
        self.assertEqual(self.snapshot(case_id), before)


# ------------------------------------------------------------------------------------------------
# Automatic closing at the deadline


class AutomaticClosingTest(CasesTestCase):
    server_env = {"REKRUT_SERVER_JOB_INTERVAL_SECONDS": "1"}

    def test_published_case_closes_when_the_deadline_passes(self):
        case_id = self.published_case("Sag der lukker af sig selv")
        still_open = SECOND_CASE
        self.assertEqual(self.state_of(still_open), "published")
        past = int(time.time()) - 60
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {past} WHERE id = {case_id}")
        deadline = time.monotonic() + 15
        while self.state_of(case_id) != "closed_for_applications" and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertEqual(self.state_of(case_id), "closed_for_applications", "the case was not closed in 15 s")
        events = self.audit_events(case_id, "case.state_changed")
        closing = [e for e in events if e["after"].get("state") == "closed_for_applications"]
        self.assertEqual(len(closing), 1, f"expected one closing event: {events}")
        self.assertEqual(closing[0]["actor"], "System (application deadline)")
        self.assertEqual(closing[0]["before"].get("state"), "published")
        self.assertFalse(closing[0]["actor_user_id"], "the closing is logged as a person's")
        self.assertEqual(self.state_of(still_open), "published", "a case with a future deadline was closed")
        self.assertStatus(self.client().get(f"/positions/{case_id}"), 404)
        self.assertIn(STATE_CLOSED, self.admin.get(f"/cases/{case_id}").visible_text)
        # Closed once, not again on the next runs.
        time.sleep(2.5)
        self.assertEqual(len([e for e in self.audit_events(case_id, "case.state_changed")
                              if e["after"].get("state") == "closed_for_applications"]), 1)

    def test_draft_with_past_deadline_is_not_closed(self):
        case_id = self.create_case("Kladde med gammel frist")
        self.sql(f"UPDATE recruitment_cases SET application_deadline = {int(time.time()) - 3600} WHERE id = {case_id}")
        time.sleep(2.5)
        self.assertEqual(self.state_of(case_id), "draft")


# ------------------------------------------------------------------------------------------------
# The case list


class CaseListFilterTest(CasesTestCase):
    COUNT = 30

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = int(time.time())
        states = ["draft", "published", "closed_for_applications"]
        cls.inserted = []
        for i in range(cls.COUNT):
            # Title order runs against deadline order: Filtersag 00 has the latest deadline.
            day = datetime.date(2031, 1, 1) + datetime.timedelta(days=cls.COUNT - i)
            deadline = epoch(day.isoformat(), "12:00")
            title = f"Filtersag {i:02d}"
            state = states[i % 3]
            unit = str(cls.setup_ids["unit"]) if i % 10 == 0 else "NULL"
            rows = cls.class_sql(
                "INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, application_deadline,"
                f" created_at, updated_at, unit_id) VALUES ({STYRELSEN_ID}, {quoted(title)}, {quoted(state)},"
                f" 'København K', {deadline}, {now}, {now}, {unit}) RETURNING id")
            cls.inserted.append({"id": int(rows[0][0]), "title": title, "state": state, "day": day,
                                 "unit": unit != "NULL"})

    def test_state_filter(self):
        response, cases = self.case_list(self.admin, "?state=closed_for_applications")
        expected = self.count("SELECT COUNT(*) FROM recruitment_cases WHERE institution_id = 1"
                              " AND state = 'closed_for_applications'")
        self.assertEqual(len(cases), expected)
        self.assertTrue(cases)
        self.assertEqual({c[2] for c in cases}, {STATE_CLOSED})
        self.assertIn(f"({expected})", response.visible_text)
        form = response.form(action="/cases")
        self.assertEqual(form.get("state"), "closed_for_applications", "the chosen state is not kept")
        _, drafts = self.case_list(self.admin, "?state=draft")
        self.assertEqual({c[2] for c in drafts}, {STATE_DRAFT})
        self.assertIn(4, [c[0] for c in drafts], "the demo draft is missing")
        _, everything = self.case_list(self.admin, "?state=&deadline_from=2031-01-01&deadline_to=2031-12-31")
        self.assertEqual(len(everything), 25)

    def test_deadline_range(self):
        _, cases = self.case_list(self.admin, "?deadline_from=2031-01-10&deadline_to=2031-01-12")
        expected = [c for c in self.inserted if datetime.date(2031, 1, 10) <= c["day"] <= datetime.date(2031, 1, 12)]
        self.assertEqual(len(expected), 3)
        self.assertEqual(sorted(c[0] for c in cases), sorted(c["id"] for c in expected))
        # Sorted by deadline by default, and the deadline is shown as a Copenhagen time.
        self.assertEqual([c[3] for c in cases], ["10. januar 2031 kl. 12.00", "11. januar 2031 kl. 12.00", "12. januar 2031 kl. 12.00"])
        _, combined = self.case_list(self.admin, "?deadline_from=2031-01-10&deadline_to=2031-01-20&state=published")
        expected = [c["id"] for c in self.inserted
                    if datetime.date(2031, 1, 10) <= c["day"] <= datetime.date(2031, 1, 20) and c["state"] == "published"]
        self.assertEqual(sorted(c[0] for c in combined), sorted(expected))
        _, none = self.case_list(self.admin, "?deadline_from=2040-01-01")
        self.assertEqual(none, [])

    def test_deadline_range_ends_with_the_danish_day_when_the_clocks_change(self):
        now = int(time.time())
        moments = {"spring-before": ("2032-03-28", "23:30"), "spring-after": ("2032-03-29", "00:30"),
                   "autumn-before": ("2032-10-31", "23:30"), "autumn-after": ("2032-11-01", "00:30")}
        ids = {}
        for name, (day, clock) in moments.items():
            ids[name] = int(self.sql(
                "INSERT INTO recruitment_cases (institution_id, title, state, application_deadline, created_at,"
                f" updated_at) VALUES ({STYRELSEN_ID}, {quoted('Sommertid ' + name)}, 'draft', {epoch(day, clock)},"
                f" {now}, {now}) RETURNING id")[0][0])
        _, spring = self.case_list(self.admin, "?deadline_from=2032-03-28&deadline_to=2032-03-28")
        self.assertEqual([c[0] for c in spring], [ids["spring-before"]], "the 23-hour day is filtered wrong")
        self.assertEqual(spring[0][3], "28. marts 2032 kl. 23.30")
        _, autumn = self.case_list(self.admin, "?deadline_from=2032-10-31&deadline_to=2032-10-31")
        self.assertEqual([c[0] for c in autumn], [ids["autumn-before"]], "the 25-hour day is filtered wrong")
        self.assertEqual(autumn[0][3], "31. oktober 2032 kl. 23.30")

    def test_counts_and_units_follow_every_change_to_the_cases_roles_and_units(self):
        # The server keeps a list's count under a number that the database changes with every change to
        # the institution's cases and case roles. These changes are made behind the server's back, as
        # another node or a script would make them.
        now = int(time.time())
        deadline = epoch("2045-06-01", "12:00")
        range_query = "?deadline_from=2045-01-01&deadline_to=2045-12-31"

        def insert_case(title):
            return int(self.sql(
                "INSERT INTO recruitment_cases (institution_id, title, state, application_deadline, created_at,"
                f" updated_at) VALUES ({STYRELSEN_ID}, {quoted(title)}, 'draft', {deadline}, {now}, {now})"
                " RETURNING id")[0][0])

        def listed(client, query):
            response, cases = self.case_list(client, query)
            return response.visible_text, sorted(c[0] for c in cases)

        first = insert_case("Tællesag A")
        text, ids = listed(self.admin, range_query)
        self.assertEqual(ids, [first])
        self.assertIn("(1)", text)
        second = insert_case("Tællesag B")
        text, ids = listed(self.admin, range_query)
        self.assertEqual(ids, sorted([first, second]))
        self.assertIn("(2)", text, "a new case is not counted")

        published = range_query + "&state=published"
        self.assertEqual(listed(self.admin, published)[1], [])
        self.sql(f"UPDATE recruitment_cases SET state = 'published' WHERE id = {second}")
        text, ids = listed(self.admin, published)
        self.assertEqual(ids, [second])
        self.assertIn("(1)", text, "a changed state is not counted")

        self.sql(f"DELETE FROM recruitment_cases WHERE id = {first}")
        text, ids = listed(self.admin, range_query)
        self.assertEqual(ids, [second])
        self.assertIn("(1)", text, "a deleted case is still counted")

        # A case user sees the cases where they have a role, counted likewise.
        member = self.as_user(DELTAGER)
        self.assertEqual(listed(member, range_query)[1], [])
        self.sql("INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_at)"
                 f" VALUES ({STYRELSEN_ID}, {second}, {self.user_id(DELTAGER)}, 'projektdeltager', {now})")
        text, ids = listed(member, range_query)
        self.assertEqual(ids, [second])
        self.assertIn("(1)", text, "a new role is not counted")
        self.sql(f"DELETE FROM case_roles WHERE case_id = {second}")
        self.assertEqual(listed(member, range_query)[1], [])
        self.sql(f"DELETE FROM recruitment_cases WHERE id = {second}")

        # The units of the filter are kept likewise.
        self.assertNotIn("Tælleenheden", listed(self.admin, range_query)[0])
        unit = int(self.sql("INSERT INTO organisation_units (institution_id, name, created_at)"
                            f" VALUES ({STYRELSEN_ID}, 'Tælleenheden', {now}) RETURNING id")[0][0])
        self.assertIn("Tælleenheden", listed(self.admin, range_query)[0], "a new unit is not offered")
        self.sql(f"DELETE FROM organisation_units WHERE id = {unit}")
        self.assertNotIn("Tælleenheden", listed(self.admin, range_query)[0], "a deleted unit is still offered")

    def test_unit_filter(self):
        _, cases = self.case_list(self.admin, f"?unit={self.setup_ids['unit']}")
        self.assertEqual(sorted(c[0] for c in cases), sorted(c["id"] for c in self.inserted if c["unit"]))

    def test_sort_by_title_and_pagination(self):
        query = "?deadline_from=2031-01-01&deadline_to=2031-12-31&sort=title&direction=asc"
        first, page1 = self.case_list(self.admin, query)
        self.assertEqual(len(page1), 25)
        self.assertIn("Side 1 / 2", first.visible_text)
        next_links = [link for link in first.links() if "page=2" in link]
        self.assertTrue(next_links, "no link to page 2")
        second = self.admin.get(next_links[0].replace("&amp;", "&"))
        self.assertStatus(second, 200)
        page2 = [(int(i), html_text(t)) for i, t, *_ in CASE_ROW.findall(second.text)]
        self.assertEqual(len(page2), self.COUNT - 25)
        self.assertIn("Side 2 / 2", second.visible_text)
        titles = [c[1] for c in page1] + [t for _, t in page2]
        self.assertEqual(titles, sorted(c["title"] for c in self.inserted))
        self.assertEqual(len(set(titles)), self.COUNT)
        # The filter survives paging.
        self.assertTrue(all(link.startswith("/cases?") for link in next_links))
        self.assertIn("deadline_from=2031-01-01", next_links[0])
        self.assertIn("sort=title", next_links[0])
        _, descending = self.case_list(self.admin, query.replace("direction=asc", "direction=desc"))
        self.assertEqual([c[1] for c in descending], sorted((c["title"] for c in self.inserted), reverse=True)[:25])
        # A page past the end is empty, not an error.
        _, beyond = self.case_list(self.admin, query + "&page=9")
        self.assertEqual(beyond, [])

    def test_default_sort_by_deadline(self):
        _, cases = self.case_list(self.admin, "?deadline_from=2031-01-01&deadline_to=2031-12-31")
        deadlines = [danish_time(c[3]) for c in cases]
        self.assertEqual(deadlines, sorted(deadlines))
        self.assertEqual(cases[0][3], "2. januar 2031 kl. 12.00")

    def test_cases_without_a_deadline_come_last_in_both_directions(self):
        self.create_case("Kladde uden frist")
        for direction in ("asc", "desc"):
            with self.subTest(direction=direction):
                _, drafts = self.case_list(self.admin, f"?state=draft&sort=deadline&direction={direction}")
                deadlines = [c[3] for c in drafts]
                self.assertIn(NOT_SPECIFIED, deadlines, "precondition: a draft without a deadline")
                self.assertNotEqual(deadlines[0], NOT_SPECIFIED, f"a case without a deadline comes first: {deadlines}")
                first_blank = deadlines.index(NOT_SPECIFIED)
                self.assertEqual(deadlines[first_blank:], [NOT_SPECIFIED] * (len(deadlines) - first_blank), deadlines)
                dated = [danish_time(deadline) for deadline in deadlines[:first_blank]]
                self.assertEqual(dated, sorted(dated, reverse=direction == "desc"))

    def test_bad_filter_values_do_not_fail(self):
        for query in ("?state=nonsense", "?deadline_from=2031-02-31", "?sort=password_hash", "?page=-3",
                      "?page=abc", "?unit=abc", "?direction=sideways", "?sort=title%3BDROP%20TABLE%20users",
                      "?page=100000000", "?page=3000000000", "?page=9223372036854775807",
                      "?page=99999999999999999999"):
            with self.subTest(query=query):
                self.assertStatus(self.admin.get("/cases" + query), 200)
        self.assertTrue(self.count("SELECT COUNT(*) FROM users"))


if __name__ == "__main__":
    unittest.main()
