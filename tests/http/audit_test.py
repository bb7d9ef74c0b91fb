"""The audit trail, seen from outside: which actions are written to it (logins and failed logins
with their reason, logout, user creation, role grants, institution creation, the operator's
elevated access and its use, exports), who may read it (Superbruger and Administrator: their own
institution only; the platform operator: every institution; nobody else), its filters, paging and
CSV export, and the tamper evidence: `rekrut audit verify` on an intact chain and after a row was
edited, inserted or deleted directly in the database, and the append-only triggers.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE). The demo data (`rekrut seed-demo`) gives
two institutions, Styrelsen for Demoforvaltning and Demoakademiet, with the accounts in accounts.py."""

import csv
import datetime
import hashlib
import html
import html.parser
import io
import os
import re
import subprocess
import sys
import unittest
import urllib.parse
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_ADMINISTRATOR, AKADEMIET_SUPERBRUGER, DELTAGER,
                      LEDER, OPERATOR, OPERATOR2, PROJEKTLEDER, STYRELSEN, SUPERBRUGER, SignedInClients,
                      login)
from harness import Postgres, Server, ServerTestCase, audit_key, database_kind, execute_sql

# Column headings of the event table (Danish, the default language). The request ID and IP address
# are in each event's details (row["request_id"], row["ip"]).
TIME, USER, INSTITUTION, ACTION, OBJECT, DETAILS = (
    "Tidspunkt", "Bruger", "Institution", "Handling", "Objekt", "Detaljer")
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
BROKEN = re.compile(r"BROKEN at event (\d+):")


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def event_hash(previous_hash, fields, key=None):
    """An audit event's hash as the server computes it: BLAKE2b-256, keyed with the audit key, over the
    previous hash, a newline and every field length-prefixed ("<bytes>:<value>;"); NULL counts as empty.
    `key=b""` computes it without a key, as someone without the installation's key would."""
    content = b""
    for value in fields:
        data = ("" if value is None else str(value)).encode("utf-8")
        content += str(len(data)).encode() + b":" + data + b";"
    return hashlib.blake2b(previous_hash.encode() + b"\n" + content, digest_size=32,
                           key=audit_key() if key is None else key).hexdigest()


def paging_links(page):
    """The previous/next links of an audit page: {"prev": href, "next": href} as far as present."""
    return {rel: html.unescape(href) for rel, href in
            re.findall(r'<a rel="(prev|next)"[^>]*href="([^"]*)"', page.text)}


class EventTable(html.parser.HTMLParser):
    """The rows of the audit page's table#audit-events, each a dict from column heading to the cell's
    text (entities decoded), plus "id" (data-event-id), "action" (the action's code, data-action),
    "time_iso" (the <time datetime>), "object_link" (the object's link, if any), "request_id" and "ip"
    (from the details) and "changes": {field code: (label, before, after)} from the change table in
    the details."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.headings, self.rows = [], []
        self._depth = 0           # 1 inside table#audit-events, 2 inside a change table in it
        self._cell = None         # text of the current cell of the events table
        self._cell_class = ""
        self._row = None
        self._change = None       # [field code, [cell texts]] of the current change row
        self._change_cell = None
        self._capture = None      # (key, [text]) of a details value being read
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            if attrs.get("id") == "audit-events":
                self._depth = 1
            elif self._depth:
                self._depth += 1
            return
        if not self._depth:
            return
        if self._depth > 1:
            if tag == "tr" and "data-field" in attrs:
                self._change = [attrs["data-field"], []]
            elif tag in ("td", "th") and self._change is not None:
                self._change_cell = []
            return
        if tag == "tr":
            self._row = None if "data-event-id" not in attrs else {
                "id": attrs["data-event-id"], "cells": [], "changes": {}, "object_link": None}
        elif tag in ("td", "th"):
            self._cell, self._cell_class = [], attrs.get("class") or ""
            if self._row is not None and "data-action" in attrs:
                self._row["action"] = attrs["data-action"]
        elif self._row is None:
            return
        elif tag == "time":
            self._row["time_iso"] = attrs.get("datetime")
        elif tag == "a" and "audit-object" in self._cell_class and self._row["object_link"] is None:
            self._row["object_link"] = attrs.get("href")
        elif tag == "dd" and attrs.get("class") in ("audit-request-id", "audit-ip"):
            self._capture = ("request_id" if attrs["class"] == "audit-request-id" else "ip", [])

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "table":
            self._depth -= 1
            return
        if self._depth > 1:
            if tag in ("td", "th") and self._change_cell is not None:
                self._change[1].append(re.sub(r"\s+", " ", "".join(self._change_cell)).strip())
                self._change_cell = None
            elif tag == "tr" and self._change is not None:
                code, cells = self._change
                self._row["changes"][code] = tuple(cells)
                self._change = None
            return
        if tag == "dd" and self._capture is not None:
            key, text = self._capture
            self._row[key] = re.sub(r"\s+", " ", "".join(text)).strip()
            self._capture = None
        elif tag in ("td", "th") and self._cell is not None:
            text = re.sub(r"\s+", " ", "".join(self._cell)).strip()
            if tag == "th" and self._row is None:
                self.headings.append(text)
            elif self._row is not None:
                self._row["cells"].append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row["cells"]:
                row = dict(zip(self.headings, self._row.pop("cells")))
                row.update(self._row)
                self.rows.append(row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._change_cell is not None:
            self._change_cell.append(data)
        if self._capture is not None:
            self._capture[1].append(data)


def change_text(row):
    """Every label and value of an event's changes, as one text."""
    return " ".join(" ".join(values) for values in row["changes"].values())


def after(row, field):
    """The value of `field` after the event, as shown."""
    return row["changes"][field][2]


class AuditTestCase(SignedInClients, ServerTestCase):
    """A seeded server, signed-in clients kept per account, and helpers to read the audit page."""

    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.forget_signed_in_clients()

    def sql(self, statement):
        return execute_sql(self.server.database_url, statement)

    def user_id(self, email):
        return int(self.sql(f"SELECT id FROM users WHERE email = {quote(email)}")[0][0])

    def institution_id(self, name):
        return int(self.sql(f"SELECT id FROM institutions WHERE name = {quote(name)}")[0][0])

    def audit_page(self, client, **filters):
        """GET /audit with `filters`; asserts 200 and returns (rows, response)."""
        query = urllib.parse.urlencode({key: value for key, value in filters.items() if value is not None})
        response = client.get("/audit" + ("?" + query if query else ""))
        self.assertStatus(response, 200)
        return EventTable(response.text).rows, response

    def events(self, client, **filters):
        return self.audit_page(client, **filters)[0]

    def event_count(self, where):
        return int(self.sql(f"SELECT COUNT(*) FROM audit_events WHERE {where}")[0][0])


class AuditEventsTest(AuditTestCase):
    """What is written to the trail, and who sees it."""

    def test_failed_logins_are_audited_with_their_reason(self):
        wrong = self.client().post("/login", {"email": ADMINISTRATOR, "password": "not the password"})
        self.assertStatus(wrong, 400)
        unknown = self.client().post("/login", {"email": "nobody@nowhere.example.test", "password": "x" * 12})
        self.assertStatus(unknown, 400)

        rows = self.events(self.as_user(SUPERBRUGER), action="login.failed",
                           object_id=str(self.user_id(ADMINISTRATOR)))
        self.assertTrue(rows, "the Superbruger does not see the failed login of the Administrator")
        self.assertEqual(rows[0][ACTION], "Mislykket login")
        self.assertEqual(rows[0]["changes"]["reason"], ("Begrundelse", "—", "Forkert adgangskode"))
        self.assertEqual(after(rows[0], "email"), ADMINISTRATOR)
        self.assertEqual(rows[0]["ip"], "127.0.0.1")
        self.assertTrue(rows[0]["request_id"])
        # An unknown account belongs to no institution: only the operator sees that attempt.
        rows = self.events(self.as_user(OPERATOR), action="login.failed")
        reasons = " ".join(change_text(row) for row in rows)
        self.assertIn("Ingen konto med den e-mailadresse", reasons)
        self.assertIn("nobody@nowhere.example.test", reasons)
        rows = self.events(self.as_user(SUPERBRUGER), action="login.failed")
        self.assertNotIn("nobody@nowhere.example.test", " ".join(change_text(row) for row in rows))

    def test_successful_logins_are_audited(self):
        login(self.client(), PROJEKTLEDER, totp=False)
        login(self.client(), ADMINISTRATOR)
        viewer = self.as_user(SUPERBRUGER)
        rows = self.events(viewer, action="login.password_accepted", object_id=str(self.user_id(PROJEKTLEDER)))
        self.assertTrue(rows)
        self.assertEqual(rows[0][ACTION], "Adgangskode godkendt ved login")
        self.assertEqual(after(rows[0], "stage"), "Logget ind")
        self.assertIn("Pia Projektleder", rows[0][USER])
        rows = self.events(viewer, action="login.succeeded", object_id=str(self.user_id(ADMINISTRATOR)))
        self.assertTrue(rows, "a login with the second factor is not in the trail")
        self.assertEqual(rows[0][ACTION], "Loggede ind")
        self.assertEqual(after(rows[0], "second_factor"), "Kode fra godkendelsesappen")

    def test_logout_is_audited(self):
        client = self.client()
        login(client, LEDER, totp=False)
        self.assertStatus(client.post("/logout"), 303)
        rows = self.events(self.as_user(SUPERBRUGER), action="logout", user=str(self.user_id(LEDER)))
        self.assertTrue(rows, "the logout is not in the trail")
        self.assertIn("Lene Leder", rows[0][USER])
        self.assertEqual(rows[0][ACTION], "Loggede ud")
        # The object by its name, linking to its page.
        self.assertEqual(rows[0][OBJECT], "Bruger: Lene Leder")
        self.assertEqual(rows[0]["object_link"], f"/users/{self.user_id(LEDER)}")
        # The user's page links to the user's history.
        history = f"/audit?object_type=user&object_id={self.user_id(LEDER)}"
        self.assertIn(history, self.as_user(SUPERBRUGER).get(f"/users/{self.user_id(LEDER)}").links())

    def test_user_creation_and_role_grant_are_audited(self):
        styrelsen = self.institution_id(STYRELSEN)
        created = self.as_user(OPERATOR).post(f"/operator/institutions/{styrelsen}/superbrugere",
                                              {"name": "Nina Nybruger", "email": "nina@styrelsen.example.test"})
        self.assertStatus(created, 303)
        new_id = str(self.user_id("nina@styrelsen.example.test"))
        rows = self.events(self.as_user(SUPERBRUGER), object_type="user", object_id=new_id)
        actions = {row["action"]: row for row in rows}
        self.assertIn("user.created", actions)
        self.assertEqual(actions["user.created"][ACTION], "Oprettede brugeren")
        self.assertEqual(after(actions["user.created"], "email"), "nina@styrelsen.example.test")
        self.assertEqual(actions["user.created"]["changes"]["status"], ("Status", "—", "Aktiv"))
        self.assertIn("Dorte Driftsen", actions["user.created"][USER])
        # The operator's grant of Superbruger is a request until a second operator carries it out.
        self.assertEqual(actions["role.requested"][ACTION], "Anmodede om en rolle")
        self.assertEqual(actions["role.requested"]["changes"]["change"], ("Ønsket ændring", "—", "Tildeling"))
        self.assertEqual(after(actions["role.requested"], "role"), "Superbruger")
        self.assertNotIn("role.granted", actions)
        request_id = execute_sql(self.server.database_url,
                                 f"SELECT id FROM role_requests WHERE user_id = {new_id} AND state = 'pending'")[0][0]
        self.assertStatus(self.as_user(OPERATOR2).post(f"/operator/role-requests/{request_id}/decision",
                                                       {"decision": "approve"}), 303)
        rows = self.events(self.as_user(SUPERBRUGER), object_type="user", object_id=new_id)
        actions = {row["action"]: row for row in rows}
        self.assertEqual(after(actions["role.granted"], "role"), "Superbruger")
        self.assertIn("Ole Opsyn", actions["role.granted"][USER])

    def test_institution_creation_is_audited(self):
        operator = self.as_user(OPERATOR)
        created = operator.post("/operator/institutions",
                                {"cvr": "99000077", "name": "Revisionsstyrelsen", "address": "Sporvej 7"})
        self.assertStatus(created, 303)
        institution = self.institution_id("Revisionsstyrelsen")
        rows = self.events(operator, institution=str(institution), action="institution.created")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][INSTITUTION], "Revisionsstyrelsen")
        self.assertEqual(rows[0]["changes"]["cvr"], ("CVR-nummer", "—", "99000077"))
        # The operator's objects link to the operator's pages.
        self.assertEqual(rows[0][OBJECT], "Institution: Revisionsstyrelsen")
        self.assertEqual(rows[0]["object_link"], f"/operator/institutions/{institution}")
        self.assertIn("Dorte Driftsen", rows[0][USER])

    def test_operator_access_granted_and_used_is_shown_to_that_institution(self):
        operator = self.client()
        login(operator, OPERATOR)
        akademiet = self.institution_id(AKADEMIET)
        granted = operator.post("/operator/access", {"institution_id": str(akademiet), "hours": "2",
                                                     "reason": "Support ticket 4711: a broken e-mail template"})
        self.assertStatus(granted, 303)
        self.addCleanup(operator.post, "/operator/access/end")
        self.assertStatus(operator.get("/home"), 200)  # a use of the access

        viewer = self.as_user(AKADEMIET_SUPERBRUGER)
        rows, page = self.audit_page(viewer, user=str(self.user_id(OPERATOR)))
        actions = [row["action"] for row in rows]
        self.assertIn("operator_access.granted", actions)
        self.assertIn("operator_access.used", actions)
        used = next(row for row in rows if row["action"] == "operator_access.used")
        self.assertEqual(used[ACTION], "Driftsleverandøren brugte sin adgang")
        self.assertEqual(after(used, "path"), "/home")
        # The access itself is listed at the top, with its reason.
        self.assertIn('id="operator-access"', page.text)
        self.assertIn("Support ticket 4711: a broken e-mail template", page.visible_text)
        self.assertIn("Aktiv", page.visible_text)

        # The other institution sees neither the access nor its use.
        rows, page = self.audit_page(self.as_user(SUPERBRUGER), user=str(self.user_id(OPERATOR)))
        self.assertNotIn("operator_access.granted", [row["action"] for row in rows])
        self.assertNotIn("operator_access.used", [row["action"] for row in rows])
        self.assertNotIn("Support ticket 4711", page.text)

    def test_reading_the_trail_is_not_logged(self):
        viewer = self.as_user(ADMINISTRATOR)
        self.events(viewer)
        before = self.event_count("1 = 1")
        self.events(viewer)
        self.events(viewer, action="login.failed")
        self.assertEqual(self.event_count("1 = 1"), before)

    def test_json_values_are_shown_as_escaped_text(self):
        hostile = "<script>alert(1)</script> Lene"
        leder = self.as_user(LEDER)
        self.assertStatus(leder.post("/profile/name", {"name": hostile}), 303)
        self.assertStatus(leder.post("/profile/name", {"name": "Lene Leder"}), 303)
        rows, page = self.audit_page(self.as_user(OPERATOR), action="user.changed")
        self.assertIn(hostile, " ".join(change_text(row) for row in rows))
        self.assertNotIn("<script>alert(1)", page.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page.text)

    def test_a_login_with_no_address_is_recorded_without_the_input(self):
        hostile = "<script>alert(1)</script>@evil.example.test"
        self.assertStatus(self.client().post("/login", {"email": hostile, "password": "x" * 12}), 400)
        rows, page = self.audit_page(self.as_user(OPERATOR), action="login.failed")
        self.assertIn("(not an e-mail address)", " ".join(change_text(row) for row in rows))
        self.assertNotIn("alert(1)", page.text)


class AuditAccessTest(AuditTestCase):
    """Who may read the trail, and institution isolation."""

    def test_administrator_sees_only_own_institution(self):
        # Events in Demoakademiet: a failed login of its Administrator.
        self.client().post("/login", {"email": AKADEMIET_ADMINISTRATOR, "password": "wrong password here"})
        akademiet = self.institution_id(AKADEMIET)
        self.assertGreater(self.event_count(f"institution_id = {akademiet}"), 0)
        other_user = str(self.user_id(AKADEMIET_ADMINISTRATOR))

        viewer = self.as_user(ADMINISTRATOR)
        styrelsen_ids = {row[0] for row in self.sql(f"SELECT id FROM audit_events WHERE institution_id = "
                                                    f"{self.institution_id(STYRELSEN)}")}
        page = 1
        seen = []
        while True:
            rows = self.events(viewer, page=str(page))
            seen += rows
            if len(rows) < 50:
                break
            page += 1
        self.assertTrue(seen)
        self.assertTrue({row["id"] for row in seen} <= styrelsen_ids, "the Administrator sees another "
                                                                      "institution's events")
        self.assertNotIn(f"/users/{other_user}", [row["object_link"] for row in seen])
        # Asking for the other institution, its user or its object gives nothing.
        self.assertEqual(self.events(viewer, object_id=other_user), [])
        self.assertEqual(self.events(viewer, user=other_user), [])
        rows = self.events(viewer, institution=str(akademiet))
        self.assertTrue({row["id"] for row in rows} <= styrelsen_ids)
        # Nor in the export.
        export = viewer.get(f"/audit.csv?institution={akademiet}")
        self.assertStatus(export, 200)
        table = list(csv.reader(io.StringIO(export.body.decode("utf-8-sig"))))
        self.assertTrue(table[1:])
        self.assertEqual({row[5] for row in table[1:]}, {str(self.institution_id(STYRELSEN))})

    def test_the_operator_sees_every_institution_and_filters_by_one(self):
        operator = self.as_user(OPERATOR)
        self.client().post("/login", {"email": AKADEMIET_ADMINISTRATOR, "password": "wrong password again"})
        self.client().post("/login", {"email": ADMINISTRATOR, "password": "wrong password again"})
        rows = self.events(operator, action="login.failed")
        institutions = {row[INSTITUTION] for row in rows}
        self.assertIn(AKADEMIET, institutions)
        self.assertIn(STYRELSEN, institutions)
        rows = self.events(operator, action="login.failed", institution=str(self.institution_id(AKADEMIET)))
        self.assertTrue(rows)
        self.assertEqual({row[INSTITUTION] for row in rows}, {AKADEMIET})

    def test_the_operator_institution_filter_must_name_an_institution(self):
        response = self.as_user(OPERATOR).get("/audit?institution=abc")
        self.assertStatus(response, 400)
        self.assertIn("Vælg en institution på listen.", response.visible_text)
        self.assertIn('id="institution-error"', response.text)

    def test_case_users_get_404(self):
        for email in (PROJEKTLEDER, DELTAGER):
            client = self.as_user(email)
            for path in ("/audit", "/audit?action=login.failed", "/audit.csv"):
                response = client.get(path)
                self.assertStatus(response, 404, f"{email} {path}")
                self.assertNotIn("audit-events", response.text)

    def test_signed_out_visitors_are_sent_to_login(self):
        response = self.client().get("/audit")
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith("/login"))


class AuditFilterTest(AuditTestCase):
    """Filters, paging and the CSV export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 55 password-reset requests for Lene Leder: one audit event each, without logins. The hourly
        # limit on reset mails is lifted between the batches (it has its own test).
        client = cls.server.client()
        for number in range(55):
            if number % 3 == 0:
                execute_sql(cls.server.database_url, "DELETE FROM login_throttle WHERE throttle_key LIKE 'reset-%'")
            response = client.post("/password/forgot", {"email": LEDER})
            if response.status != 200:
                raise AssertionError(f"POST /password/forgot answered {response.status}")

    def test_pages_of_fifty_with_links_that_keep_the_filters(self):
        viewer = self.as_user(SUPERBRUGER)
        rows, page = self.audit_page(viewer, action="password.reset_requested")
        self.assertEqual(len(rows), 50)
        self.assertEqual({row["action"] for row in rows}, {"password.reset_requested"})
        self.assertEqual({row[ACTION] for row in rows}, {"Bad om at nulstille adgangskoden"})
        self.assertIn("1–50 af 55", page.visible_text)
        links = paging_links(page)
        self.assertNotIn("prev", links)
        self.assertIn("next", links)
        self.assertIn("action=password.reset_requested", links["next"])

        second = viewer.get(links["next"])
        self.assertStatus(second, 200)
        second_rows = EventTable(second.text).rows
        self.assertEqual(len(second_rows), 5)
        self.assertEqual({row["action"] for row in second_rows}, {"password.reset_requested"})
        self.assertFalse({row["id"] for row in rows} & {row["id"] for row in second_rows})
        # Newest first, across the pages.
        ids = [int(row["id"]) for row in rows + second_rows]
        self.assertEqual(ids, sorted(ids, reverse=True))
        links = paging_links(second)
        self.assertIn("prev", links)
        self.assertNotIn("next", links)
        self.assertIn("action=password.reset_requested", links["prev"])
        # The filter form keeps its values.
        self.assertEqual(second.form(id="audit-filter").get("action"), "password.reset_requested")

    def test_filter_by_user_object_and_action(self):
        viewer = self.as_user(SUPERBRUGER)
        leder = str(self.user_id(LEDER))
        page = viewer.get("/audit")
        options = [option.get("value") for control in page.form(id="audit-filter").inputs
                   if control.get("name") == "user" for option in control.get("options", [])]
        self.assertIn(leder, options, "the user select does not offer the institution's users")
        self.assertIn(str(self.user_id(SUPERBRUGER)), options)
        self.assertNotIn(str(self.user_id(AKADEMIET_SUPERBRUGER)), options)

        rows = self.events(viewer, user=leder, action="password.reset_requested")
        self.assertEqual(len(rows), 50)
        self.assertTrue(all("Lene Leder" in row[USER] for row in rows))
        rows = self.events(viewer, object_type="user", object_id=leder, action="password.reset_requested",
                           page="2")
        self.assertEqual(len(rows), 5)
        self.assertEqual({row[OBJECT] for row in rows}, {"Bruger: Lene Leder"})
        self.assertEqual(self.events(viewer, object_type="institution", object_id=leder), [])
        # Object types and actions are chosen from lists with their names, not typed.
        form = page.form(id="audit-filter")
        choices = {control.get("name"): [option.get("value") for option in control.get("options", [])]
                   for control in form.inputs if control.get("options")}
        self.assertIn("recruitment_case", choices["object_type"])
        self.assertIn("case.changed", choices["action"])
        self.assertIn("login.password_accepted", choices["action"])
        self.assertIn('<option value="case.changed">Ændrede sagen</option>', page.text)
        self.assertIn('<option value="recruitment_case">Rekrutteringssag</option>', page.text)

    def test_filter_by_period_in_copenhagen_time(self):
        viewer = self.as_user(SUPERBRUGER)
        # The server's date in Copenhagen time, as it shows the newest event ("2026-11-26 14:05").
        newest = self.events(viewer, action="password.reset_requested")[0]["time_iso"]
        today = datetime.datetime.fromisoformat(newest.replace("Z", "+00:00")).astimezone(COPENHAGEN).date()
        tomorrow, yesterday = today + datetime.timedelta(days=1), today - datetime.timedelta(days=1)
        rows = self.events(viewer, action="password.reset_requested",
                           **{"from": today.isoformat(), "to": today.isoformat()})
        self.assertEqual(len(rows), 50)
        self.assertEqual(len(self.events(viewer, action="password.reset_requested", to=today.isoformat())), 50)
        self.assertEqual(len(self.events(viewer, action="password.reset_requested",
                                         **{"from": yesterday.isoformat()})), 50)
        rows, page = self.audit_page(viewer, action="password.reset_requested", **{"from": tomorrow.isoformat()})
        self.assertEqual(rows, [])
        self.assertIn("Ingen hændelser passer til filtrene.", page.visible_text)
        self.assertEqual(self.events(viewer, action="password.reset_requested", to=yesterday.isoformat()), [])

    def test_invalid_filters_are_refused_with_a_message(self):
        viewer = self.as_user(SUPERBRUGER)
        for query, message in (("from=26-11-2026", "Skriv datoen som ÅÅÅÅ-MM-DD"),
                               ("to=2026-02-30", "Skriv datoen som ÅÅÅÅ-MM-DD"),
                               ("from=2026-05-02&to=2026-05-01", "Perioden skal slutte"),
                               ("user=abc", "Vælg en bruger på listen."),
                               ("action=no.such.action", "Vælg en handling på listen."),
                               ("object_type=nothing", "Vælg en objekttype på listen."),
                               ("object_id=abc", "Skriv objektets nummer")):
            response = viewer.get("/audit?" + query)
            self.assertStatus(response, 400, query)
            self.assertIn(message, response.visible_text, query)
            self.assertEqual(EventTable(response.text).rows, [])

    def test_csv_export_quotes_neutralises_formulas_and_is_audited(self):
        # Dennis Deltager renames himself to a formula with quotes; his next event carries the name.
        hostile = '=HYPERLINK("http://evil.example.test","Klik, her")'
        client = self.client()
        login(client, DELTAGER, totp=False)
        self.assertStatus(client.post("/profile/name", {"name": hostile}), 303)
        self.assertStatus(client.post("/logout"), 303)

        viewer = self.as_user(SUPERBRUGER)
        deltager = str(self.user_id(DELTAGER))
        exports_before = self.event_count("action = 'audit.exported'")
        response = viewer.get(f"/audit.csv?user={deltager}")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("text/csv"))
        self.assertIn("attachment", response.header("Content-Disposition"))
        self.assertIn(".csv", response.header("Content-Disposition"))
        self.assertTrue(response.body.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark")
        text = response.body.decode("utf-8")[1:]
        self.assertIn("\r\n", text)
        table = list(csv.reader(io.StringIO(text, newline="")))
        header = table[0]
        self.assertEqual(header[:2], ["Hændelse", "Tidspunkt"])
        self.assertIn("Handling", header)
        self.assertIn("Før", header)
        self.assertTrue(all(len(row) == len(header) for row in table))
        rows = [dict(zip(header, row)) for row in table[1:]]
        actions = [row["Handling"] for row in rows]
        self.assertIn("user.changed", actions)
        self.assertIn("logout", actions)
        logout = next(row for row in rows if row["Handling"] == "logout")
        self.assertEqual(logout["Bruger"], "'" + hostile, "the formula is not neutralised")
        # RFC 4180: quotes inside a field are doubled, and the field is quoted.
        self.assertIn('"\'=HYPERLINK(""http://evil.example.test"",""Klik, her"")"', text)
        changed = next(row for row in rows if row["Handling"] == "user.changed")
        self.assertIn('"name":"Dennis Deltager"', changed["Før"])
        # No cell in the file starts with a formula character.
        for row in table[1:]:
            for cell in row:
                self.assertFalse(cell[:1] in ("=", "+", "-", "@"), cell)
        # Oldest first, and only the filtered user's events.
        ids = [int(row["Hændelse"]) for row in rows]
        self.assertEqual(ids, sorted(ids))
        self.assertEqual({row["Bruger-id"] for row in rows}, {deltager})

        # The export itself is audited, with what was exported.
        self.assertEqual(self.event_count("action = 'audit.exported'"), exports_before + 1)
        rows = self.events(viewer, action="audit.exported")
        self.assertTrue(rows)
        self.assertIn("Sofie Superbruger", rows[0][USER])
        self.assertEqual(rows[0][ACTION], "Eksporterede revisionssporet")
        self.assertIn("user", rows[0]["changes"])
        self.assertEqual(after(rows[0], "rows"), str(len(table) - 1))

    def test_export_link_keeps_the_filters(self):
        viewer = self.as_user(SUPERBRUGER)
        rows, page = self.audit_page(viewer, action="password.reset_requested")
        export = next(link for link in page.links() if link.startswith("/audit.csv"))
        self.assertIn("action=password.reset_requested", export)
        response = viewer.get(export)
        self.assertStatus(response, 200)
        table = list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"), newline="")))
        self.assertEqual(len(table) - 1, 55)


class AuditCaseHistoryTest(AuditTestCase):
    """A case's changes in the trail: every changed field recorded, shown field by field with labels
    and values as people write them, the case named and linked, the case page's link to its history,
    and dates in pages and ad text in Danish and English."""

    def unit_id(self, name):
        styrelsen = self.institution_id(STYRELSEN)
        return str(self.sql(f"SELECT id FROM organisation_units WHERE institution_id = {styrelsen} "
                            f"AND name = {quote(name)}")[0][0])

    def case_fields(self, **changes):
        fields = {
            "title": "Revisor til historikken", "unit_id": self.unit_id("Administration"),
            "place_of_work": "Demovej 1, 1000 København K", "municipality_code": "101",
            "occupation_code": "2411.10", "employment_form": "permanent",
            "employment_basis": "collective_agreement", "fixed_term_text": "", "working_time": "full_time",
            "weekly_hours": "", "salary_text": "Løn efter overenskomst", "collective_agreement": "AC-overenskomsten",
            "positions": "1", "deadline_date": "2030-01-15", "deadline_time": "12:00",
            "expected_start_date": "2030-03-01", "contact_name_1": "Kirsten Kontakt",
            "contact_title_1": "Kontorchef", "contact_phone_1": "33 12 34 56",
            "contact_email_1": "kirsten.kontakt@styrelsen.example.test", "contact_name_2": "",
            "contact_title_2": "", "contact_phone_2": "", "contact_email_2": "",
        }
        fields.update(changes)
        return list(fields.items()) + [("ad_languages", "da"), ("ad_languages", "en")]

    def create_case(self, client):
        response = client.post("/cases", {"template_id": "", "title": "Revisor til historikken"})
        self.assertStatus(response, 303)
        return int(re.fullmatch(r"/cases/(\d+)", response.location).group(1))

    def edit(self, client, case_id, **changes):
        response = client.post(f"/cases/{case_id}/edit", self.case_fields(**changes))
        self.assertStatus(response, 303)

    def test_case_changed_records_every_changed_field_shown_field_by_field(self):
        admin = self.as_user(ADMINISTRATOR)
        case_id = self.create_case(admin)
        self.edit(admin, case_id)
        self.edit(admin, case_id, unit_id=self.unit_id("HR og løn"), municipality_code="751",
                  occupation_code="2422.10", expected_start_date="2030-04-01", working_time="part_time",
                  weekly_hours="32.5", contact_name_1="Karl Kontakt", contact_phone_1="33 99 99 99")
        rows = self.events(admin, object_type="recruitment_case", object_id=str(case_id), action="case.changed")
        self.assertEqual(len(rows), 2)
        latest, first = rows
        self.assertEqual(latest[ACTION], "Ændrede sagen")
        self.assertEqual(latest[OBJECT], "Rekrutteringssag: Revisor til historikken")
        self.assertEqual(latest["object_link"], f"/cases/{case_id}")
        changes = latest["changes"]
        self.assertEqual(changes["unit"], ("Enhed", "Administration", "HR og løn"))
        self.assertEqual(changes["municipality_code"], ("Kommunekode", "101", "751"))
        self.assertEqual(changes["occupation_code"][1:], ("2411.10", "2422.10"))
        self.assertEqual(changes["expected_start"], ("Forventet tiltrædelse", "1. marts 2030", "1. april 2030"))
        self.assertEqual(changes["weekly_hours"], ("Ugentlig arbejdstid", "37 timer", "32,5 timer"))
        self.assertEqual(changes["full_time"][1:], ("Ja", "Nej"))
        self.assertIn("Kirsten Kontakt", changes["contacts"][1])
        self.assertIn("Karl Kontakt", changes["contacts"][2])
        self.assertIn("33 99 99 99", changes["contacts"][2])
        # Only what changed: the title and the deadline stayed as they were.
        self.assertNotIn("title", changes)
        self.assertNotIn("application_deadline", changes)
        # The first change set the deadline: a Danish date with the time in Copenhagen.
        self.assertEqual(after(first, "application_deadline"), "15. januar 2030 kl. 12.00")
        self.assertNotIn("37.000000", first[DETAILS])

        # The export keeps the raw values.
        export = admin.get(f"/audit.csv?object_type=recruitment_case&object_id={case_id}&action=case.changed")
        text = export.body.decode("utf-8-sig")
        self.assertIn('""weekly_hours"":""32.5""', text)
        self.assertIn('""expected_start"":""2030-03-31T22:00:00Z""', text)
        self.assertIn('""municipality_code"":""751""', text)
        self.assertIn("case.changed", text)

    def test_the_case_page_links_to_the_case_history(self):
        admin = self.as_user(ADMINISTRATOR)
        case_id = self.create_case(admin)
        self.edit(admin, case_id)
        page = admin.get(f"/cases/{case_id}")
        history = f"/audit?object_type=recruitment_case&object_id={case_id}"
        self.assertIn(history, page.links())
        self.assertIn(f'<a class="function-link" href="{html.escape(history)}">Historik</a>', page.text)
        rows, trail = self.audit_page(admin, object_type="recruitment_case", object_id=str(case_id))
        self.assertEqual([row["action"] for row in rows], ["case.changed", "case.created"])
        self.assertIn("Historik for Rekrutteringssag: Revisor til historikken", trail.visible_text)
        self.assertIn(f"/cases/{case_id}", trail.links())
        # Those who may not read the trail get no link.
        projektleder = self.as_user(PROJEKTLEDER)
        own = next(link for link in projektleder.get("/cases").links() if re.fullmatch(r"/cases/\d+", link))
        page = projektleder.get(own)
        self.assertStatus(page, 200)
        self.assertNotIn("/audit?", " ".join(page.links()))

    def test_dates_are_written_out_in_danish_and_english_in_pages_and_ad_text(self):
        admin = self.as_user(ADMINISTRATOR)
        case_id = self.create_case(admin)
        self.edit(admin, case_id, working_time="part_time", weekly_hours="30.5")
        for language, body in (("da", "Ansøgningsfristen er {{deadline}}."), ("en", "Apply by {{deadline}}.")):
            response = admin.post(f"/cases/{case_id}/ad", [("language", language), ("body", body)])
            self.assertStatus(response, 303)
        page = admin.get(f"/cases/{case_id}")
        self.assertIn("15. januar 2030 kl. 12.00", page.visible_text)
        self.assertNotIn("2030-01-15 12:00", page.visible_text)
        preview = admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertIn("Ansøgningsfristen er 15. januar 2030 kl. 12.00.", preview.visible_text)
        self.assertIn("30,5 timer", preview.visible_text)
        self.assertIn('datetime="2030-01-15T11:00:00Z"', preview.text)
        english = admin.get(f"/cases/{case_id}/ad/preview?language=en")
        self.assertIn("Apply by 15 January 2030, 12:00.", english.visible_text)

        self.assertStatus(admin.get("/language/en"), 303)
        self.addCleanup(admin.get, "/language/da")
        page = admin.get(f"/cases/{case_id}")
        self.assertIn("15 January 2030, 12:00", page.visible_text)
        preview = admin.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertIn("30.5 hours", preview.visible_text)
        rows = self.events(admin, object_type="recruitment_case", object_id=str(case_id), action="case.changed")
        self.assertEqual(rows[0]["Action"], "Changed the case")
        self.assertEqual(rows[0]["changes"]["weekly_hours"], ("Weekly hours", "37 hours", "30.5 hours"))
        self.assertEqual(after(rows[0], "application_deadline"), "15 January 2030, 12:00")

    def test_every_recorded_action_has_a_name(self):
        operator = self.as_user(OPERATOR)
        actions = {row[0] for row in self.sql("SELECT DISTINCT action FROM audit_events")}
        self.assertIn("case.created", actions)
        for action in sorted(actions):
            rows = self.events(operator, action=action)
            self.assertTrue(rows, action)
            self.assertNotEqual(rows[0][ACTION], action, f"{action} is shown as its code")


class AuditChainTest(unittest.TestCase):
    """`rekrut audit verify` and the append-only triggers, each case on a fresh server and database."""

    def setUp(self):
        self.server = Server(name=type(self).__name__ + "-" + self._testMethodName)
        for step in ("migrate", "seed-demo"):
            result = self.server.cli(step)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.server.start()
        self.addCleanup(self.server.stop)
        # A few events from requests, after the seed's own.
        client = self.server.client()
        client.post("/login", {"email": ADMINISTRATOR, "password": "wrong password here"})
        login(client, PROJEKTLEDER, totp=False)
        client.post("/logout")
        for email in (LEDER, DELTAGER, SUPERBRUGER):
            client.post("/password/forgot", {"email": email})
        self.assertEqual(self.server.stop(), 0)
        self.total = int(self.sql("SELECT COUNT(*) FROM audit_events")[0][0])
        self.assertGreaterEqual(self.total, 7)
        self.assertEqual(self.sql("SELECT MAX(id) FROM audit_events")[0][0], str(self.total))
        self.middle = self.total // 2

    def sql(self, statement):
        return execute_sql(self.server.database_url, statement)

    def disable_triggers(self):
        if database_kind() == "postgresql":
            self.sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        else:
            self.sql("DROP TRIGGER audit_events_no_update")
            self.sql("DROP TRIGGER audit_events_no_delete")

    def verify(self):
        return self.server.cli("audit", "verify")

    def assertBrokenAt(self, event_id):
        result = self.verify()
        self.assertNotEqual(result.returncode, 0, result.stdout)
        match = BROKEN.search(result.stdout + result.stderr)
        self.assertIsNotNone(match, result.stdout + result.stderr)
        self.assertEqual(int(match.group(1)), event_id, result.stdout)

    def test_untouched_chain_verifies(self):
        result = self.verify()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn(f"intact: {self.total} events", result.stdout)

    def test_edited_row_is_detected(self):
        self.disable_triggers()
        self.sql(f"UPDATE audit_events SET after_json = '{{\"role\":\"superbruger\"}}' WHERE id = {self.middle}")
        self.assertBrokenAt(self.middle)

    def test_row_edited_and_rehashed_is_detected_at_the_next_row(self):
        # Someone who knows the hash function recomputes the edited row's hash: the row itself then
        # checks out, but the next row's link to it does not.
        columns = ("previous_hash, occurred_at, actor_user_id, actor_name, institution_id, action, object_type,"
                   " object_id, before_json, after_json, request_id, ip, hash")
        row = self.sql(f"SELECT {columns} FROM audit_events WHERE id = {self.middle}")[0]
        self.assertEqual(event_hash(row[0], row[1:12]), row[12], "the test's hash differs from the server's")
        self.disable_triggers()
        row[3] = "Someone Else"
        self.sql(f"UPDATE audit_events SET actor_name = 'Someone Else', hash = '{event_hash(row[0], row[1:12])}'"
                 f" WHERE id = {self.middle}")
        self.assertBrokenAt(self.middle + 1)

    def test_chain_recomputed_without_the_key_is_detected(self):
        # Someone with the database but not the key file edits a row and recomputes every hash after
        # it, so that each row links to the one before: the first recomputed row gives it away.
        columns = ("id, previous_hash, occurred_at, actor_user_id, actor_name, institution_id, action, object_type,"
                   " object_id, before_json, after_json, request_id, ip, hash")
        rows = self.sql(f"SELECT {columns} FROM audit_events ORDER BY id")
        self.disable_triggers()
        previous = rows[self.middle - 2][13]  # the untouched row before the middle one
        for row in rows[self.middle - 1:]:
            if int(row[0]) == self.middle:
                row[4] = "Someone Else"
            new_hash = event_hash(previous, row[2:13], key=b"")
            self.sql(f"UPDATE audit_events SET actor_name = {quote(row[4])}, previous_hash = '{previous}',"
                     f" hash = '{new_hash}' WHERE id = {row[0]}")
            previous = new_hash
        self.assertBrokenAt(self.middle)

    def test_inserted_row_is_detected(self):
        self.disable_triggers()
        # Make room after the middle row (ids above it move up by one), then put a copy of an
        # earlier row there, as someone replaying an old event would.
        self.sql(f"UPDATE audit_events SET id = -id WHERE id > {self.middle}")
        self.sql("UPDATE audit_events SET id = 1 - id WHERE id < 0")
        columns = ("occurred_at, actor_user_id, actor_name, institution_id, action, object_type, object_id, "
                   "before_json, after_json, request_id, ip, previous_hash, hash")
        self.sql(f"INSERT INTO audit_events (id, {columns}) SELECT {self.middle + 1}, {columns} "
                 f"FROM audit_events WHERE id = 2")
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM audit_events")[0][0]), self.total + 1)
        self.assertBrokenAt(self.middle + 1)

    def test_appended_row_is_detected(self):
        self.disable_triggers()
        last_hash = self.sql(f"SELECT hash FROM audit_events WHERE id = {self.total}")[0][0]
        self.sql("INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_name, institution_id, action,"
                 " object_type, object_id, before_json, after_json, request_id, ip, previous_hash, hash) VALUES"
                 f" ({self.total + 1}, 1764000000, NULL, 'Nobody', NULL, 'role.granted', 'user', '1', '{{}}',"
                 f" '{{\"role\":\"superbruger\"}}', '', '', '{last_hash}', '{'b' * 64}')")
        self.assertBrokenAt(self.total + 1)

    def test_deleted_row_is_detected(self):
        self.disable_triggers()
        self.sql(f"DELETE FROM audit_events WHERE id = {self.middle}")
        self.assertBrokenAt(self.middle + 1)

    def test_newest_rows_deleted_are_detected_by_the_anchor(self):
        # Without the anchor, a chain cut at its end is still a whole chain.
        anchor = self.server.anchor_path
        with open(anchor, encoding="utf-8") as lines:
            latest = [line for line in lines if "sequence=" in line][-1]
        self.assertIn(f"sequence={self.total} ", latest, "the server anchors the head on shutdown")
        self.disable_triggers()
        self.sql(f"DELETE FROM audit_events WHERE id > {self.total - 2}")
        result = self.verify()
        self.assertNotEqual(result.returncode, 0, result.stdout)
        self.assertIn("TRUNCATED", result.stdout)
        self.assertIn(f"event {self.total}", result.stdout)
        # An anchor line copied from the system log is checked the same way.
        os.remove(anchor)
        self.assertEqual(self.verify().returncode, 0, "without any anchor the cut chain looks whole")
        by_hand = self.server.cli("audit", "verify", "--anchor", latest.strip())
        self.assertNotEqual(by_hand.returncode, 0, by_hand.stdout)
        self.assertIn("TRUNCATED", by_hand.stdout)
        garbage = self.server.cli("audit", "verify", "--anchor", "sequence=1")
        self.assertNotEqual(garbage.returncode, 0)
        self.assertIn("--anchor", garbage.stderr)

    def test_append_only_triggers_refuse_update_and_delete(self):
        statements = [f"UPDATE audit_events SET actor_name = 'Someone Else' WHERE id = {self.middle}",
                      f"DELETE FROM audit_events WHERE id = {self.middle}",
                      "DELETE FROM audit_events"]
        if database_kind() == "postgresql":
            statements.append("TRUNCATE audit_events")
        for statement in statements:
            with self.assertRaises(Exception, msg=statement) as refused:
                self.sql(statement)
            self.assertIn("append-only", str(refused.exception), statement)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM audit_events")[0][0]), self.total)
        self.assertEqual(self.verify().returncode, 0)


@unittest.skipUnless(database_kind() == "postgresql", "database roles exist on PostgreSQL only")
class AuditRuntimeRoleTest(unittest.TestCase):
    """Migrations run as the owner; the server runs as a role that may only read and append to the audit
    trail, so neither it nor anyone with its password can rewrite or cut the trail, or drop its guards."""

    def setUp(self):
        self.postgres = Postgres()
        suffix = str(os.getpid()) + "_" + self._testMethodName[-12:].lower()
        self.owner, self.runtime = f"rekrut_owner_{suffix}", f"rekrut_app_{suffix}"
        database = f"rekrut_roles_{suffix}"
        self.postgres.psql(f"CREATE ROLE {self.owner} LOGIN")
        self.postgres.psql(f"CREATE ROLE {self.runtime} LOGIN")
        self.postgres.psql(f"CREATE DATABASE {database} OWNER {self.owner}")
        self.database = database
        base = f"postgresql://%s@127.0.0.1:{self.postgres.port}/{database}"
        self.server = Server(database_url=base % self.runtime, name=type(self).__name__,
                             env={"REKRUT_DATABASE_MIGRATION_URL": base % self.owner,
                                  "REKRUT_DATABASE_RUNTIME_ROLE": self.runtime})

    def psql_as(self, role, statement):
        return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                               "-p", str(self.postgres.port), "-U", role, "-d", self.database, "-c", statement],
                              capture_output=True, text=True, timeout=60)

    def test_the_runtime_role_can_append_but_not_rewrite_the_trail(self):
        for step in ("migrate", "seed-demo"):
            result = self.server.cli(step)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.server.start()
        self.addCleanup(self.server.stop)
        before = int(self.psql_as(self.runtime, "SELECT COUNT(*) FROM audit_events").stdout)
        login(self.server.client(), PROJEKTLEDER, totp=False)
        after = int(self.psql_as(self.runtime, "SELECT COUNT(*) FROM audit_events").stdout)
        self.assertGreater(after, before, "the server, as the runtime role, appends to the trail")
        for statement in ("UPDATE audit_events SET actor_name = 'Someone Else'",
                          "DELETE FROM audit_events WHERE id = 1",
                          "TRUNCATE audit_events",
                          "ALTER TABLE audit_events DISABLE TRIGGER USER",
                          "DROP TRIGGER audit_events_no_change ON audit_events",
                          "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'x', 'x', 0)"):
            refused = self.psql_as(self.runtime, statement)
            self.assertNotEqual(refused.returncode, 0, statement)
            self.assertRegex(refused.stderr, "permission denied|must be owner", statement)
        self.assertEqual(self.server.cli("audit", "verify").returncode, 0)
        # The owner keeps the power the runtime role lacks (it is the role migrations need).
        self.assertEqual(self.psql_as(self.owner, "ALTER TABLE audit_events DISABLE TRIGGER USER").returncode, 0)


if __name__ == "__main__":
    unittest.main()
