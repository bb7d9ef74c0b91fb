"""Institution isolation sweep (service description, table 5.1: a record of another institution reads
as "not found").

Every route in src/web/routes.cpp whose pattern takes a ':' parameter is requested by a user of
institution A (Styrelsen for Demoforvaltning) with ids that belong to institution B
(Demoakademiet), and the answer must be byte-for-byte the answer for an id that does not exist:
status 404 and the same page (the request id and the echoed path aside). The routes are read from
routes.cpp, so a new route is swept without touching this file; a route that cannot be swept must
be added to SKIPPED with the reason.

Parameter values come from the database: a parameter named after a table (user_id → users,
request_id → role_requests, case_id → recruitment_cases, ...) gets every id of B in that table;
an unknown parameter gets the largest id of B in each table that has an institution_id column.
Routes with several parameters are also tried with A's own ids in the other positions, so that
"A's case, B's application" cannot leak either.
"""

import itertools
import os
import re
import sys
import unittest
import urllib.parse

# Importable as tests/http/isolation_test.py from the repository root as well.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_PROJEKTLEDER, AKADEMIET_SUPERBRUGER, OPERATOR,
                      STYRELSEN, SUPERBRUGER, signed_in)
from harness import ROOT, ServerTestCase, execute_sql

ROUTES_FILE = os.path.join(ROOT, "src", "web", "routes.cpp")
ROUTE = re.compile(r'router\.add\(\s*"([A-Z]+)"\s*,\s*"([^"]+)"')
PARAMETER = re.compile(r":([A-Za-z_][A-Za-z0-9_]*)")

# Routes with a ':' parameter that do not name a tenant's record. Each needs its reason.
# (/static/dkfds/* and /static/app/* take a file path with '*', not ':', and serve public assets;
# they are not swept.)
SKIPPED = {
    # A language code ("da", "en") for the public language switch; no institution data.
    "/language/:language": "language code",
    # A secret single-use token from a mail, public by design; covered by the password tests.
    "/password/reset/:token": "password reset token",
    # Likewise the link that confirms a new e-mail address; covered by security_identity_test.py.
    "/email/confirm/:token": "e-mail confirmation token",
    # The public career site: the published ads of every institution are public by design, so a
    # published ad of B answers 200 to anyone. That unpublished cases (of any institution) are not
    # found there belongs in the tests of the public site.
    "/positions/:case_id": "public ad of a published case",
    # One institution's open positions and their Atom feed: public by design for every institution,
    # showing only its published ads before their deadline (career_site_test.py); no unpublished data.
    "/institutions/:institution_id": "public list of an institution's open positions",
    "/institutions/:institution_id/feed.atom": "public Atom feed of an institution's open positions",
    # The application form of a published position is public too, for every institution's ads; that
    # a case that is not published has no form is tested in applications_test.py.
    "/positions/:case_id/apply": "public application form of a published case",
    # The receipt is found by the form's own random key, a secret of the applicant's browser.
    "/positions/:case_id/apply/receipt/:form_key": "receipt by the form's secret key",
    # The applicant's personal link: a random token from the receipt mail, public by design;
    # covered by applications_test.py (expiry, another applicant's files).
    "/application/:token": "personal link token",
    "/application/:token/withdraw": "personal link token",
    "/application/:token/deletion": "personal link token",
    "/application/:token/attachments/:attachment_id": "personal link token",
    "/application/:token/content": "personal link token",
    "/application/:token/files": "personal link token",
    "/application/:token/export": "personal link token",
    "/application/:token/interviews": "personal link token",
    "/application/:token/interviews/:round_id/book": "personal link token; other rounds in interview_test.py",
    "/application/:token/interviews/:round_id/cancel": "personal link token; other rounds in interview_test.py",
    "/application/:token/interviews/:round_id/calendar.ics": "personal link token",
    # The status page's notices belong to the platform, not to an institution: only the operator
    # reaches these routes, and everyone else gets 404 (status_test.py).
    "/operator/status/:notice_id/updates": "platform-wide service notice, operator only",
    "/operator/status/:notice_id/resolve": "platform-wide service notice, operator only",
}

NONEXISTENT_ID = "987654321"

# Parameter name → the table whose ids it takes, where the name alone does not say it.
TABLE_FOR_PARAMETER = {
    "case_id": "recruitment_cases",
    "version_id": "job_ad_versions",
    "question_id": "case_questions",
    "question_template_id": "question_templates",
    "unit_id": "organisation_units",
    "text_id": "mandatory_texts",
    "template_id": "ad_templates",
    "request_id": "role_requests",
    "role_request_id": "role_requests",
    "institution_id": "institutions",
    "attachment_id": "application_attachments",
    "ranking_id": "ranking_lists",
    "round_id": "interview_rounds",
    "offboarding_id": "institution_offboardings",
}

# Fields for every POST: plausible values for the forms of all routes, so that a handler that
# validates its input before it looks the record up still gets as far as the look-up.
POST_FIELDS = {
    "name": "Isolation Isolationsen",
    "email": "isolation@styrelsen.example.test",
    "status": "active",
    "role": "administrator",
    "operation": "grant",
    "decision": "approve",
    "title": "Isolationstest",
    "reason": "Isolation sweep of every route",
    "hours": "1",
    "cvr": "99000099",
    "address": "Prøvevej 1, 1000 København K",
    "text": "Isolationstest",
    "comment": "Isolationstest",
    "note": "Isolationstest",
}


def routes_with_parameters():
    """(method, pattern) of every route in routes.cpp whose pattern has a ':' parameter."""
    with open(ROUTES_FILE, encoding="utf-8") as source:
        text = source.read()
    return [(method, pattern) for method, pattern in ROUTE.findall(text) if ":" in pattern]


class InstitutionIsolationTest(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.arrange_records_of_b()
        cls.tables = cls.tenant_tables()
        cls.institution_a = cls.institution_id(STYRELSEN)
        cls.institution_b = cls.institution_id(AKADEMIET)
        cls.clients = {}

    # -- data

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def institution_id(cls, name):
        return int(cls.sql(f"SELECT id FROM institutions WHERE name = '{name}'")[0][0])

    @classmethod
    def arrange_records_of_b(cls):
        """B's demo data has no role requests. Karen asks for a second Superbruger, which the operator
        carries out; with two Superbrugere her grant of Administrator waits for approval, and her
        request for another Superbruger waits for the operator."""
        karen = signed_in(cls.server, AKADEMIET_SUPERBRUGER)
        created = karen.post("/users", {"name": "Birte Bistrup", "email": "birte@akademiet.example.test",
                                        "role": "superbruger"})
        assert created.status == 303, f"could not create B's second Superbruger: {created.status}"
        birte = int(cls.sql("SELECT id FROM users WHERE email = 'birte@akademiet.example.test'")[0][0])
        request = int(cls.sql(f"SELECT id FROM role_requests WHERE user_id = {birte}")[0][0])
        approved = signed_in(cls.server, OPERATOR).post(f"/operator/role-requests/{request}/decision",
                                                        {"decision": "approve"})
        assert approved.status == 303, f"the operator could not grant B's second Superbruger: {approved.status}"
        cls.apply_to_b()
        jens = int(cls.sql(f"SELECT id FROM users WHERE email = '{AKADEMIET_PROJEKTLEDER}'")[0][0])
        # A ranking list of B's first case (written directly: Jens would first have to declare on
        # the application above).
        cls.sql("INSERT INTO ranking_lists (institution_id, case_id, name, round, versions, created_by, created_at)"
                f" SELECT c.institution_id, c.id, 'Akademiets liste', 'final', 0, {jens}, 0"
                f" FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id"
                f" WHERE i.name = '{AKADEMIET}' ORDER BY c.id LIMIT 1")
        # An interview round of the same case, with one slot.
        cls.sql("INSERT INTO interview_rounds (institution_id, case_id, name, default_place, cutoff_hours,"
                " created_by, created_at)"
                f" SELECT c.institution_id, c.id, 'Akademiets samtaler', 'Mødelokale B', 24, {jens}, 0"
                f" FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id"
                f" WHERE i.name = '{AKADEMIET}' ORDER BY c.id LIMIT 1")
        cls.sql("INSERT INTO interview_slots (institution_id, round_id, starts_at, minutes, place, created_at)"
                " SELECT institution_id, id, 4102444800, 45, '', 0 FROM interview_rounds"
                " WHERE name = 'Akademiets samtaler'")
        for role, outcome in (("administrator", "requested"), ("superbruger", "sent")):
            requested = karen.post(f"/users/{jens}/roles", {"role": role, "operation": "grant"})
            assert requested.status == 303 and outcome in requested.location, \
                f"no {role} request in B: {requested.status} {requested.location}"

    @classmethod
    def apply_to_b(cls):
        """An application with a file to each institution's published case, so that the application
        routes have ids of B to try (and A's own in the other positions)."""
        for institution in (AKADEMIET, STYRELSEN):
            case = cls.sql(f"SELECT c.id FROM recruitment_cases c JOIN institutions i ON i.id = c.institution_id "
                           f"WHERE i.name = '{institution}' AND c.state = 'published' ORDER BY c.id")[0][0]
            client = cls.server.client()
            form = client.get(f"/positions/{case}/apply").form(action=f"/positions/{case}/apply")
            sent = client.post(form.action, {"form_key": form.get("form_key"), "full_name": "Isa Isolationsen",
                                             "email": "isa@example.test", "cover_letter": "Isolation",
                                             "consent_processing": "1"},
                               files={"cv_file": ("cv.txt", "Isolation", "text/plain")})
            assert sent.status == 303, f"could not apply to {institution}: {sent.status}"

    @classmethod
    def tenant_tables(cls):
        """Tables with both an id and an institution_id column."""
        if cls.server.database_url.startswith("sqlite:"):
            # Not the virtual tables: application_search needs Rekrut's FTS5 tokenizer even to list its
            # columns, and no route addresses its rows.
            rows = cls.sql("SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' "
                           "AND p.name IN ('id', 'institution_id') GROUP BY m.name HAVING COUNT(*) = 2")
        else:
            rows = cls.sql("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                           "AND column_name IN ('id', 'institution_id') GROUP BY table_name HAVING COUNT(*) = 2")
        tables = sorted(row[0] for row in rows)
        assert "users" in tables and "role_requests" in tables, f"tenant tables not found: {tables}"
        return tables

    @classmethod
    def table_for(cls, parameter):
        """(table, certain): the table a parameter names, and whether the name says so exactly
        (user_id → users) or only by its end (question_id → screening_questions)."""
        if parameter in TABLE_FOR_PARAMETER:
            return TABLE_FOR_PARAMETER[parameter], True
        stem = parameter[:-3] if parameter.endswith("_id") else parameter
        plurals = [stem + "s", stem + "es", stem, stem[:-1] + "ies" if stem.endswith("y") else stem + "s"]
        for candidate in plurals:
            if candidate in cls.tables:
                return candidate, True
        endings = [table for table in cls.tables if any(table.endswith("_" + plural) for plural in plurals)]
        return (endings[0], False) if len(endings) == 1 else (None, False)

    @classmethod
    def ids_of(cls, institution, parameter):
        """Ids of `institution` for a parameter: all of its rows in the table the name says, and for
        a parameter whose table is not certain also the largest id of the institution in every
        tenant table."""
        table, certain = cls.table_for(parameter)
        if table == "institutions":
            return [str(institution)]
        found = set()
        if table is not None:
            rows = cls.sql(f"SELECT id FROM {table} WHERE institution_id = {institution} ORDER BY id")
            found.update(row[0] for row in rows[:30])
            if certain and found:
                return sorted(found, key=int)
        for candidate in cls.tables:
            rows = cls.sql(f"SELECT MAX(id) FROM {candidate} WHERE institution_id = {institution}")
            if rows and rows[0][0] not in (None, ""):
                found.add(rows[0][0])
        found.add(str(institution))
        return sorted(found, key=int)

    @classmethod
    def as_user(cls, email):
        """One logged-in client per person for the class (a TOTP step works only once)."""
        if email not in cls.clients:
            cls.clients[email] = signed_in(cls.server, email)
        return cls.clients[email]

    # -- requests

    def probe(self, client, method, pattern, values):
        path = pattern
        for name, value in values.items():
            path = path.replace(":" + name, urllib.parse.quote(str(value), safe=""), 1)
        if method == "GET":
            response = client.get(path)
        else:
            response = client.post(path, POST_FIELDS, method=method)
        return response, path

    @staticmethod
    def normalised(response, path):
        """The page without what differs between any two requests: the request id, and the path,
        which the language switch echoes."""
        body = response.text
        request_id = response.header("X-Request-Id")
        if request_id:
            body = body.replace(request_id, "{REQUEST_ID}")
        for form in {path, urllib.parse.quote(path, safe=""), urllib.parse.quote(path)}:
            body = re.sub(re.escape(form) + r"(?![0-9A-Za-z_])", "{PATH}", body)
        return body

    def sweep(self, client, require_404):
        routes = [(method, pattern) for method, pattern in routes_with_parameters() if pattern not in SKIPPED]
        swept = 0
        for method, pattern in routes:
            parameters = PARAMETER.findall(pattern)
            ids_b = {name: self.ids_of(self.institution_b, name) for name in parameters}
            ids_a = {name: self.ids_of(self.institution_a, name) for name in parameters}
            # Probes: (values with B's ids, the same values with NONEXISTENT_ID in their place, whether
            # the reference must be 404). With only B's ids, the reference is "nothing exists": 404.
            probes = []
            longest = max(len(values) for values in ids_b.values()) if ids_b else 0
            for index in range(longest):
                values = {name: ids_b[name][index % len(ids_b[name])] for name in parameters if ids_b[name]}
                if len(values) == len(parameters):
                    probes.append((values, {name: NONEXISTENT_ID for name in parameters}, require_404))
            # With A's own records in the other positions, the state of A's record may decide the
            # answer first (a published case refuses changes: 409), so only sameness is required.
            # Every combination of A's ids is tried, so that some of them reach B's id.
            if len(parameters) > 1:
                for name in parameters:
                    others = [other for other in parameters if other != name]
                    if not all(ids_a[other] for other in others):
                        continue
                    for combination in itertools.islice(
                            itertools.product(*(ids_a[other] for other in others)), 12):
                        fixed = dict(zip(others, combination))
                        for value in ids_b[name]:
                            probes.append(({**fixed, name: value}, {**fixed, name: NONEXISTENT_ID}, False))
            self.assertTrue(probes, f"{method} {pattern}: no ids of {AKADEMIET} found for {parameters}")
            references = {}
            for values, reference_values, must_be_404 in probes:
                key = tuple(sorted(reference_values.items()))
                if key not in references:
                    references[key] = self.probe(client, method, pattern, reference_values)
                reference, reference_path = references[key]
                response, path = self.probe(client, method, pattern, values)
                swept += 1
                with self.subTest(method=method, route=pattern, values=values):
                    if must_be_404:
                        self.assertEqual(reference.status, 404,
                                         f"{method} {reference_path} (nonexistent id) is not 404")
                    self.assertEqual(response.status, reference.status,
                                     f"{method} {path} (ids of {AKADEMIET}) answers {response.status}, a "
                                     f"nonexistent id {reference.status}:\n{response.visible_text[:800]}")
                    self.assertEqual(self.normalised(response, path), self.normalised(reference, reference_path),
                                     f"{method} {path} (ids of {AKADEMIET}) differs from the page for a "
                                     f"nonexistent id")
        return swept

    # -- tests

    def test_routes_file_is_parsed(self):
        routes = routes_with_parameters()
        for expected in (("GET", "/users/:user_id"), ("POST", "/users/:user_id"), ("POST", "/users/:user_id/roles"),
                         ("POST", "/role-requests/:request_id/decision"),
                         ("POST", "/operator/role-requests/:request_id/decision"),
                         ("GET", "/operator/institutions/:institution_id/superbrugere/:user_id"),
                         ("POST", "/operator/institutions/:institution_id/superbrugere/:user_id/status")):
            self.assertIn(expected, routes)
        for pattern in SKIPPED:
            self.assertIn(pattern, [route for _, route in routes], f"SKIPPED names a route that is gone: {pattern}")

    def test_superbruger_of_a_finds_nothing_of_b(self):
        before = self.snapshot_of_b()
        client = self.as_user(SUPERBRUGER)
        swept = self.sweep(client, require_404=True)
        self.assertGreater(swept, 0)
        self.assertEqual(self.snapshot_of_b(), before, f"requests of {STYRELSEN} changed data of {AKADEMIET}")

    def test_administrator_of_a_gets_the_same_answer_for_b_as_for_nothing(self):
        # An Administrator may be refused (403) before the look-up, but never differently for B's ids.
        before = self.snapshot_of_b()
        client = self.as_user(ADMINISTRATOR)
        self.assertGreater(self.sweep(client, require_404=False), 0)
        self.assertEqual(self.snapshot_of_b(), before)

    def test_contingency_bundle_of_a_holds_the_cases_of_a_only(self):
        # /contingency takes no id, so the sweep cannot reach it: the bundle exports the whole
        # institution, and its audit event counts what it holds (the drill itself is in
        # contingency_test.py).
        passphrase = "Isolations-oevelse-2026"
        response = self.as_user(ADMINISTRATOR).post("/contingency", {"passphrase": passphrase,
                                                                     "passphrase_repeat": passphrase})
        self.assertStatus(response, 200)
        event = self.server.audit_events(action="contingency.exported")[-1]
        self.assertEqual(event["object_id"], str(self.institution_a))
        active = self.sql("SELECT COUNT(*) FROM recruitment_cases"
                          f" WHERE institution_id = {self.institution_a} AND closed_at IS NULL")[0][0]
        self.assertEqual(event["after"]["cases"], str(active))
        self.assertStatus(signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False).get("/contingency"), 404)

    def test_operator_finds_no_user_of_b_under_the_id_of_a(self):
        # The operator reaches every institution by design, but a user is looked up within the
        # institution the path names: B's users under A's id answer like a user that does not exist.
        before = self.snapshot_of_b()
        client = self.as_user(OPERATOR)
        swept = 0
        for method, pattern in routes_with_parameters():
            parameters = PARAMETER.findall(pattern)
            if not pattern.startswith("/operator/") or "institution_id" not in parameters or len(parameters) < 2:
                continue
            others = [name for name in parameters if name != "institution_id"]
            reference, reference_path = self.probe(client, method, pattern,
                                                   {"institution_id": self.institution_a,
                                                    **{name: NONEXISTENT_ID for name in others}})
            self.assertEqual(reference.status, 404, f"{method} {reference_path} (nonexistent id) is not 404")
            for name in others:
                for value in self.ids_of(self.institution_b, name):
                    values = {"institution_id": self.institution_a, **{other: NONEXISTENT_ID for other in others},
                              name: value}
                    response, path = self.probe(client, method, pattern, values)
                    swept += 1
                    with self.subTest(method=method, route=pattern, values=values):
                        self.assertEqual(response.status, 404, f"{method} {path} answers {response.status}")
                        self.assertEqual(self.normalised(response, path),
                                         self.normalised(reference, reference_path))
        self.assertGreater(swept, 0, "no operator route takes an institution and another id")
        self.assertEqual(self.snapshot_of_b(), before, f"the operator changed data of {AKADEMIET} through {STYRELSEN}")

    def test_sweep_detects_a_difference(self):
        # The comparison must be able to fail: B's user id and A's own user id answer differently.
        client = self.as_user(SUPERBRUGER)
        own = self.sql(f"SELECT MIN(id) FROM users WHERE institution_id = {self.institution_a}")[0][0]
        mine, path = self.probe(client, "GET", "/users/:user_id", {"user_id": own})
        nothing, reference_path = self.probe(client, "GET", "/users/:user_id", {"user_id": NONEXISTENT_ID})
        self.assertEqual(mine.status, 200)
        self.assertNotEqual(self.normalised(mine, path), self.normalised(nothing, reference_path))

    def snapshot_of_b(self):
        b = self.institution_b
        return (self.sql(f"SELECT id, name, email, status FROM users WHERE institution_id = {b} ORDER BY id"),
                self.sql(f"SELECT user_id, role FROM institution_roles WHERE institution_id = {b} ORDER BY id"),
                self.sql(f"SELECT id, state FROM role_requests WHERE institution_id = {b} ORDER BY id"),
                self.sql(f"SELECT COUNT(*) FROM audit_events WHERE institution_id = {b}"))


if __name__ == "__main__":
    unittest.main()
