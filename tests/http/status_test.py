"""The status page (service description section 4) against the real binary: the platform operator
announces incidents and service windows, adds updates and resolves them; the public /status page, its
Atom feed and the banner on every page show them; the availability per month against the 98 % target
on the operator's page, from the probe's samples; the support contact in every footer and on /help.
Everyone but the operator is refused (404, as for the other operator pages), hostile input changes
nothing, and every change is audited without personal data.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on a server seeded with the demo data."""

import datetime
import json
import os
import sys
import time
import unittest
import xml.etree.ElementTree as ElementTree
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import ADMINISTRATOR, OPERATOR, PROJEKTLEDER, STYRELSEN, SUPERBRUGER, SignedInClients
from harness import ServerTestCase, execute_sql

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
ATOM = "{http://www.w3.org/2005/Atom}"
SUPPORT_EMAIL = "support@rekrut.example.test"
SUPPORT_PHONE = "+45 70 10 20 30"


def local_fields(prefix, moment):
    """The form's date and time fields for a UTC datetime, in Copenhagen time."""
    local = moment.astimezone(COPENHAGEN)
    return {f"{prefix}_date": local.strftime("%Y-%m-%d"), f"{prefix}_time": local.strftime("%H:%M")}


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)


# -- an independent statement of the service hours, to check the server's count against

def easter_sunday(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    day = (h + l - 7 * m + 33 * month + 19) % 32
    return datetime.date(year, month, day)


def is_working_day(day):
    if day.weekday() >= 5:
        return False
    if (day.month, day.day) in ((1, 1), (6, 5), (12, 24), (12, 25), (12, 26)):
        return False
    easter = easter_sunday(day.year)
    return all(day != easter + datetime.timedelta(days=offset) for offset in (-3, -2, 0, 1, 39, 49, 50))


def service_minutes(year, month):
    """Every Unix minute of the month's service hours (08:30–16:00 Copenhagen on working days)."""
    minutes = []
    day = datetime.date(year, month, 1)
    while day.month == month:
        if is_working_day(day):
            opens = datetime.datetime(day.year, day.month, day.day, 8, 30, tzinfo=COPENHAGEN)
            first = int(opens.timestamp()) // 60
            minutes.extend(range(first, first + 450))
        day += datetime.timedelta(days=1)
    return minutes


class StatusTestCase(SignedInClients, ServerTestCase):
    seed_demo = True
    server_env = {"REKRUT_SUPPORT_EMAIL": SUPPORT_EMAIL, "REKRUT_SUPPORT_PHONE": SUPPORT_PHONE}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.forget_signed_in_clients()

    def operator(self):
        return self.as_user(OPERATOR)

    def sql(self, statement):
        return execute_sql(self.server.database_url, statement)

    def notices(self):
        return int(self.sql("SELECT COUNT(*) FROM service_notices")[0][0])

    def announce(self, **fields):
        response = self.operator().post("/operator/status", fields)
        self.assertStatus(response, 303, response.visible_text[:600])
        return int(self.sql("SELECT MAX(id) FROM service_notices")[0][0])

    def feed(self):
        response = self.client().get("/status/feed.atom")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("application/atom+xml"), response.content_type)
        return ElementTree.fromstring(response.body)  # fails on anything but well-formed XML

    def feed_titles(self):
        return [entry.findtext(f"{ATOM}title") for entry in self.feed().iter(f"{ATOM}entry")]

    def banner(self, client, path):
        response = client.get(path)
        self.assertStatus(response, 200)
        return response.text.split('id="service-banner"', 1)[1].split("</div>\n</div>", 1)[0] \
            if 'id="service-banner"' in response.text else ""


class PublicPagesTest(StatusTestCase):

    def test_status_and_help_need_no_sign_in_and_show_the_support_contact(self):
        anonymous = self.client()
        status = anonymous.get("/status")
        self.assertStatus(status, 200)
        self.assertIn("Driftsstatus", status.visible_text)
        self.assertIn("Tilgængelighed denne måned", status.visible_text)
        help_page = anonymous.get("/help")
        self.assertStatus(help_page, 200)
        self.assertIn(SUPPORT_EMAIL, help_page.visible_text)
        self.assertIn(SUPPORT_PHONE, help_page.visible_text)
        self.assertIn("Hverdage kl. 8.30–16.00", help_page.visible_text)
        # Every page's footer: the public front page and a signed-in page alike.
        for client, path in ((anonymous, "/"), (anonymous, "/login"), (self.as_user(ADMINISTRATOR), "/home")):
            page = client.get(path)
            self.assertStatus(page, 200)
            footer = page.text.split("<footer>", 1)[1]
            self.assertIn(f'href="mailto:{SUPPORT_EMAIL}"', footer, path)
            self.assertIn(SUPPORT_PHONE, footer, path)
            self.assertIn('href="/help"', footer, path)
            self.assertIn('href="/status"', footer, path)

    def test_feed_is_valid_atom(self):
        feed = self.feed()
        self.assertEqual(feed.tag, f"{ATOM}feed")
        self.assertIsNotNone(feed.find(f"{ATOM}id"))
        self.assertIsNotNone(feed.find(f"{ATOM}updated"))

    def test_probe_records_a_sample_a_minute(self):
        minute = int(time.time()) // 60
        deadline = time.time() + 20
        rows = []
        while time.time() < deadline:
            rows = self.sql(f"SELECT minute, ok FROM availability_samples WHERE minute >= {minute - 2}")
            if rows:
                break
            time.sleep(0.3)
        self.assertTrue(rows, "the probe recorded no sample at start")
        self.assertEqual(int(rows[0][1]), 1)


class AnnouncementsTest(StatusTestCase):

    @staticmethod
    def windows_ahead(page):
        if 'id="announced-windows"' not in page.text:
            return ""
        return page.text.split('id="announced-windows"', 1)[1].split("</ul>", 1)[0]

    def test_incident_announced_updated_and_resolved(self):
        title = 'Langsomme sider <script>alert("x")</script> & ventetid'
        notice = self.announce(kind="incident", title=title, affected="Sagsbehandling og karrieresiden",
                               actions="Vi undersøger databasen.",
                               **local_fields("ends", now_utc() + datetime.timedelta(hours=2)))
        # The public page: in force now, escaped.
        status = self.client().get("/status")
        self.assertIn(title, status.visible_text)
        self.assertNotIn("<script>alert", status.text)
        self.assertIn("&lt;script&gt;", status.text)
        self.assertIn(f'id="notice-{notice}"', status.text.split('id="current-notices"', 1)[1])
        # The feed carries the title as text, whatever characters it holds.
        self.assertIn(title, self.feed_titles())
        # The banner: on a signed-in page and on the public front page.
        self.assertIn("Langsomme sider", self.banner(self.as_user(ADMINISTRATOR), "/home"))
        self.assertIn("Langsomme sider", self.banner(self.client(), "/"))
        self.assertNotIn("<script>alert", self.client().get("/").text)

        update = self.operator().post(f"/operator/status/{notice}/updates", {"text": "Databasen er genstartet."})
        self.assertStatus(update, 303)
        self.assertIn("Databasen er genstartet.", self.client().get("/status").visible_text)

        resolved = self.operator().post(f"/operator/status/{notice}/resolve", {})
        self.assertStatus(resolved, 303)
        status = self.client().get("/status")
        self.assertIn(f'id="notice-{notice}"', status.text.split('id="history"', 1)[1])
        self.assertNotIn("Langsomme sider", self.banner(self.as_user(ADMINISTRATOR), "/home"))
        self.assertNotIn("Langsomme sider", self.banner(self.client(), "/"))
        # Resolved is final: neither a second resolve nor another update.
        self.assertStatus(self.operator().post(f"/operator/status/{notice}/resolve", {}), 409)
        self.assertStatus(self.operator().post(f"/operator/status/{notice}/updates", {"text": "Mere"}), 409)
        self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM service_notice_updates WHERE notice_id = {notice}")[0][0]),
                         1)

        # Audited: each change, naming the notice, without the operator's personal data.
        events = self.sql("SELECT action, object_id, after_json, CASE WHEN institution_id IS NULL THEN 'none' END"
                          " FROM audit_events"
                          f" WHERE object_type = 'service_notice' AND object_id = '{notice}' ORDER BY id")
        self.assertEqual([row[0] for row in events],
                         ["service_notice.announced", "service_notice.updated", "service_notice.resolved"])
        for _, _, after, institution in events:
            json.loads(after)
            self.assertEqual(institution, "none")  # the platform's, no institution's
            self.assertNotIn(OPERATOR, after)
            self.assertNotIn("genstartet", after)  # updates are named by id

    def test_service_windows_ahead_are_announced_and_bannered_within_three_days(self):
        soon = now_utc() + datetime.timedelta(days=2)
        later = now_utc() + datetime.timedelta(days=5)
        near = self.announce(kind="service_window", title="Opdatering af databasen", affected="Hele tjenesten",
                             **local_fields("starts", soon), **local_fields("ends", soon + datetime.timedelta(hours=2)))
        far = self.announce(kind="service_window", title="Flytning af servere", affected="Hele tjenesten",
                            **local_fields("starts", later), **local_fields("ends", later + datetime.timedelta(hours=3)))
        status = self.client().get("/status")
        ahead = self.windows_ahead(status)
        self.assertIn(f'id="notice-{near}"', ahead)
        self.assertIn(f'id="notice-{far}"', ahead)
        banner = self.banner(self.as_user(SUPERBRUGER), "/home")
        self.assertIn("Opdatering af databasen", banner)
        self.assertIn("Varslet", banner)
        self.assertNotIn("Flytning af servere", banner)
        # Cancelled before it began: gone from the banner and from the windows ahead.
        self.assertStatus(self.operator().post(f"/operator/status/{near}/resolve", {}), 303)
        self.assertNotIn("Opdatering af databasen", self.banner(self.as_user(SUPERBRUGER), "/home"))
        status = self.client().get("/status")
        self.assertNotIn(f'id="notice-{near}"', self.windows_ahead(status))
        self.assertIn("Aflyst", status.text.split(f'id="notice-{near}"', 1)[1].split("</li>", 1)[0])
        self.assertStatus(self.operator().post(f"/operator/status/{far}/resolve", {}), 303)

    def test_hostile_input_is_refused_and_changes_nothing(self):
        before = self.notices()
        start = now_utc() + datetime.timedelta(days=1)
        window = {"kind": "service_window", "title": "Vindue", "affected": "Alt",
                  **local_fields("starts", start), **local_fields("ends", start + datetime.timedelta(hours=1))}
        cases = [
            {**window, "title": "x" * 201},
            {**window, "title": "   "},
            {**window, "affected": ""},
            {**window, "actions": "y" * 2001},
            [(name, value) for name, value in window.items() if name != "title"] + [("title", b"Ugyldig \xff\xfe")],
            {**window, "kind": "meteor"},
            {**window, **local_fields("starts", now_utc() - datetime.timedelta(hours=3))},  # in the past
            {**window, **local_fields("ends", start - datetime.timedelta(hours=1))},        # ends before it starts
            {**window, **local_fields("ends", start + datetime.timedelta(days=8))},         # longer than 7 days
            {**window, "starts_date": "2026-13-45"},
            {**window, "starts_date": "1" * 5000},
            {**window, "ends_date": "", "ends_time": ""},
            {"kind": "incident", "title": "Hændelse", "affected": "Alt",
             **local_fields("starts", now_utc() + datetime.timedelta(days=2))},  # an incident ahead of time
            {"kind": "incident", "title": "Hændelse", "affected": "Alt",
             **local_fields("ends", now_utc() - datetime.timedelta(hours=1))},   # expected end passed
        ]
        for fields in cases:
            with self.subTest(fields=str(fields)[:120]):
                response = self.operator().post("/operator/status", fields)
                self.assertStatus(response, 400)
                if response.content_type.startswith("text/html") and "error-summary" in response.text:
                    self.assertIn("Der er et problem", response.visible_text)
        self.assertEqual(self.notices(), before)

        notice = self.announce(kind="incident", title="Mails forsinket", affected="Mails til ansøgere")
        for text in ("", " ", "z" * 2001, b"\xc3"):
            self.assertStatus(self.operator().post(f"/operator/status/{notice}/updates", [("text", text)]), 400)
        self.assertEqual(int(self.sql(f"SELECT COUNT(*) FROM service_notice_updates WHERE notice_id = {notice}")[0][0]),
                         0)
        for path in ("/operator/status/987654321/updates", "/operator/status/987654321/resolve",
                     "/operator/status/abc/resolve"):
            self.assertStatus(self.operator().post(path, {"text": "Hej"}), 404)
        self.assertStatus(self.operator().post(f"/operator/status/{notice}/resolve", {}), 303)

    def test_everyone_else_is_refused(self):
        before = self.notices()
        notice = self.announce(kind="incident", title="Kun for operatøren", affected="Intet")
        fields = {"kind": "incident", "title": "Snigeri", "affected": "Alt"}
        for email in (SUPERBRUGER, ADMINISTRATOR, PROJEKTLEDER):
            client = self.as_user(email)
            self.assertStatus(client.get("/operator/status"), 404, email)
            self.assertStatus(client.post("/operator/status", fields), 404, email)
            self.assertStatus(client.post(f"/operator/status/{notice}/updates", {"text": "Snigeri"}), 404, email)
            self.assertStatus(client.post(f"/operator/status/{notice}/resolve", {}), 404, email)
        anonymous = self.client()
        response = anonymous.get("/operator/status")
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith("/login"))
        # The operator without the form's CSRF token changes nothing either.
        self.assertStatus(self.operator().post("/operator/status", fields, csrf=False), 403)
        self.assertStatus(self.operator().post(f"/operator/status/{notice}/resolve", {}, csrf=False), 403)
        self.assertEqual(self.notices(), before + 1)
        self.assertEqual(
            int(self.sql(f"SELECT COUNT(*) FROM service_notices WHERE id = {notice} AND resolved_at IS NULL")[0][0]), 1)
        self.assertStatus(self.operator().post(f"/operator/status/{notice}/resolve", {}), 303)


class AvailabilityTest(StatusTestCase):

    def previous_month(self):
        today = datetime.datetime.now(COPENHAGEN).date().replace(day=1)
        last = today - datetime.timedelta(days=1)
        return last.year, last.month

    def test_availability_per_month_from_the_samples(self):
        year, month = self.previous_month()
        minutes = service_minutes(year, month)
        self.assertGreater(len(minutes), 15 * 450)
        # Samples for every minute of the month's first day on (24 hours a day, as the probe records),
        # all up, except: 30 minutes down on the first working day, 20 minutes without a sample on
        # the second, and 60 down minutes on the third inside an announced service window.
        first_day = datetime.datetime(year, month, 1, tzinfo=COPENHAGEN)
        first = int(first_day.timestamp()) // 60
        last = minutes[-1] + 600
        down = set(minutes[0:30])
        missing = set(minutes[450:470])
        window = minutes[900:960]
        down |= set(window)
        values = []
        for minute in range(first, last):
            if minute in missing:
                continue
            values.append(f"({minute}, {0 if minute in down else 1})")
        for index in range(0, len(values), 5000):
            self.sql("INSERT INTO availability_samples (minute, ok) VALUES " + ", ".join(values[index:index + 5000]) +
                     " ON CONFLICT (minute) DO NOTHING")
        operator_id = self.sql(f"SELECT id FROM users WHERE email = '{OPERATOR}'")[0][0]
        self.sql("INSERT INTO service_notices (kind, title, affected, actions, starts_at, ends_at, created_by,"
                 f" created_at, updated_at) VALUES ('service_window', 'Planlagt opdatering', 'Alt', '',"
                 f" {window[0] * 60}, {(window[-1] + 1) * 60}, {operator_id}, {window[0] * 60 - 86400},"
                 f" {window[0] * 60 - 86400})")

        page = self.operator().get("/operator/status")
        self.assertStatus(page, 200)
        table = page.text.split('id="availability"', 1)[1].split("</table>", 1)[0]
        month_names = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                       "oktober", "november", "december"]
        row = table.split(f"{month_names[month - 1]} {year}</th>", 1)[1].split("</tr>", 1)[0]
        up = len(minutes) - 60 - 30 - 20
        counted = len(minutes) - 60
        cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
        self.assertEqual(cells[2:], [str(up), str(50), str(60), "0"], row)
        percent = f"{100.0 * up / counted:.2f}".replace(".", ",") + " %"
        self.assertIn(percent, cells[0])
        self.assertIn("98,00 %", cells[1])
        self.assertIn("målet er nået" if 100.0 * up / counted >= 98 else "under målet", cells[0])

        # The public page shows this month's figure (or that nothing is measured yet this month).
        status = self.client().get("/status").visible_text
        self.assertTrue("af servicetiden indtil nu" in status or "endnu ikke målt" in status, status[:1500])

    def test_only_the_operator_reads_the_availability(self):
        for email in (SUPERBRUGER, ADMINISTRATOR):
            self.assertStatus(self.as_user(email).get("/operator/status"), 404)


class OperatorControlsTest(StatusTestCase):

    def current_level(self):
        page = self.operator().get("/operator/controls")
        self.assertStatus(page, 200)
        return page.text.split('id="current-level">', 1)[1].split("<", 1)[0]

    def test_log_level_changed_at_run_time_and_audited(self):
        configured = self.current_level()  # as the harness configured the server
        wanted = "error" if configured != "error" else "warn"
        for level in ("loud", "", "info; DROP TABLE users", b"\xff"):
            self.assertStatus(self.operator().post("/operator/controls/log-level", [("level", level)]), 400)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM runtime_settings")[0][0]), 0)
        self.assertStatus(self.operator().post("/operator/controls/log-level", {"level": wanted}), 303)
        self.assertEqual(self.current_level(), wanted)
        self.assertEqual(self.sql("SELECT value FROM runtime_settings WHERE name = 'log.level'")[0][0], wanted)
        events = self.sql("SELECT before_json, after_json FROM audit_events WHERE action = 'log_level.changed'")
        self.assertEqual([(json.loads(before), json.loads(after)) for before, after in events],
                         [({"level": configured}, {"level": wanted})])
        self.assertStatus(self.operator().post("/operator/controls/log-level", {"level": configured}), 303)
        self.assertEqual(self.current_level(), configured)

    def test_linked_libraries_are_listed(self):
        page = self.operator().get("/operator/controls")
        table = page.text.split('id="components"', 1)[1].split("</table>", 1)[0]
        for library in ("libmicrohttpd", "SOCI", "SQLite", "libpq", "libsodium", "libcurl", "libxml2", "libzip",
                        "ctemplate", "Boost", "spdlog", "poppler", "cairo", "pango"):
            self.assertIn(f"<th scope=\"row\">{library}</th>", table)
        result = self.server.cli("version", "--components")
        self.assertEqual(result.returncode, 0, result.stderr)
        names = [line.split(" ", 1)[0] for line in result.stdout.splitlines()[1:]]
        self.assertIn("libmicrohttpd", names)
        self.assertIn("SQLite", names)
        for line in result.stdout.splitlines()[1:]:
            self.assertRegex(line, r"^\S+ \d+(\.\d+)+")

    def test_reviews_of_administrator_rights_are_recorded_and_listed(self):
        institution = int(self.sql(f"SELECT id FROM institutions WHERE name = '{STYRELSEN}'")[0][0])
        bad = [
            {"institution_id": str(institution), "outcome": "maybe", "note": "x"},
            {"institution_id": "987654321", "outcome": "no_changes", "note": "x"},
            {"institution_id": "", "outcome": "no_changes", "note": "x"},
            {"institution_id": str(institution), "outcome": "no_changes", "note": "n" * 1001},
            [("institution_id", str(institution)), ("outcome", "no_changes"), ("note", b"\xff\xfe")],
        ]
        for fields in bad:
            self.assertStatus(self.operator().post("/operator/controls/rights-reviews", fields), 400)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM administrator_rights_reviews")[0][0]), 0)
        note = "Gennemgået med <Sofie> & Anders; ingen ændringer."
        response = self.operator().post("/operator/controls/rights-reviews",
                                        {"institution_id": str(institution), "outcome": "no_changes", "note": note})
        self.assertStatus(response, 303)
        page = self.operator().get("/operator/controls")
        table = page.text.split('id="reviews"', 1)[1].split("</table>", 1)[0]
        self.assertIn(STYRELSEN, table)
        self.assertIn("Dorte Driftsen", table)
        self.assertIn("Ingen ændringer nødvendige", table)
        self.assertIn("&lt;Sofie&gt; &amp; Anders", table)
        events = self.sql("SELECT after_json FROM audit_events WHERE action = 'administrator_rights.reviewed'"
                          f" AND institution_id = {institution}")
        self.assertEqual([json.loads(row[0]) for row in events], [{"outcome": "no_changes"}])
        for email in (SUPERBRUGER, ADMINISTRATOR):
            self.assertStatus(self.as_user(email).post("/operator/controls/rights-reviews",
                                                       {"institution_id": str(institution), "outcome": "no_changes",
                                                        "note": ""}), 404)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM administrator_rights_reviews")[0][0]), 1)

    def test_everyone_else_gets_404(self):
        for email in (SUPERBRUGER, ADMINISTRATOR):
            client = self.as_user(email)
            self.assertStatus(client.get("/operator/controls"), 404)
            self.assertStatus(client.post("/operator/controls/log-level", {"level": "trace"}), 404)
        self.assertStatus(self.operator().post("/operator/controls/log-level", {"level": "trace"}, csrf=False), 403)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM runtime_settings WHERE value = 'trace'")[0][0]), 0)


if __name__ == "__main__":
    unittest.main()
