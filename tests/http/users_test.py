"""The user administration seen from outside: the users of an institution, creating and changing
users, granting and revoking institution roles with the second-Superbruger approval (Administrator)
or a request to the platform operator (Superbruger, see governance_test.py), the queue of role
requests and the review of administrator rights. Runs against SQLite or PostgreSQL
(REKRUT_TEST_DATABASE) on the demo data (accounts.py names the demo logins).

Each class has its own server and database, so a class that changes rights does not disturb the
others; within a class, tests use their own new users or leave the demo rights as they were."""

import os
import re
import sys
import unittest
import uuid

# Importable as tests/http/users_test.py from the repository root as well.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import (ADMINISTRATOR, AKADEMIET_PROJEKTLEDER, AKADEMIET_SUPERBRUGER, DELTAGER, LEDER, OPERATOR,
                      PROJEKTLEDER, SUPERBRUGER, SUPERBRUGER2, login, signed_in)
from harness import ServerTestCase, execute_sql, message_text

ERROR_SUMMARY = 'id="error-summary"'
# A time as the Danish pages write it: "28. december 2026 kl. 12.00".
COPENHAGEN_TIME = re.compile(r"\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}")


class UserAdministrationCase(ServerTestCase):
    """Shared helpers: SQL look-ups on the class's database and logged-in clients."""

    seed_demo = True

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def scalar(self, query):
        rows = self.sql(query)
        return rows[0][0] if rows else None

    def approve_pending_role(self, email):
        """The second Superbruger approves the waiting role request for `email`."""
        request_id = self.count(
            "SELECT q.id FROM role_requests q JOIN users u ON u.id = q.user_id "
            f"WHERE u.email = '{email}' AND q.state = 'pending'")
        self.assertTrue(request_id, f"no pending role request for {email}")
        decided = self.as_user(SUPERBRUGER2).post(f"/role-requests/{request_id}/decision", {"decision": "approve"})
        self.assertStatus(decided, 303)

    def count(self, query):
        return int(self.scalar(query))

    def user_id(self, email):
        found = self.scalar(f"SELECT id FROM users WHERE email = '{email}'")
        self.assertTrue(found, f"no user {email}")
        return int(found)

    def roles_of(self, email):
        return sorted(row[0] for row in self.sql(
            f"SELECT role FROM institution_roles WHERE user_id = {self.user_id(email)}"))

    def user_row(self, email):
        return self.sql(f"SELECT name, email, status FROM users WHERE id = {self.user_id(email)}")[0]

    def audit_actions(self, object_id=None):
        where = f" WHERE object_id = '{object_id}'" if object_id is not None else ""
        return [row[0] for row in self.sql(f"SELECT action FROM audit_events{where} ORDER BY id")]

    def as_user(self, email, totp=True):
        """A client logged in as `email`, shared by the tests of the class (a TOTP step works once,
        so logging the same person in for every test would mean waiting for the clock)."""
        clients = self.__class__.__dict__.get("_clients")
        if clients is None:
            clients = {}
            setattr(self.__class__, "_clients", clients)
        if email not in clients:
            clients[email] = signed_in(self.server, email, totp=totp)
        return clients[email]

    def fresh_login(self, email, totp=True):
        """A new client with its own new session."""
        return signed_in(self.server, email, totp=totp)

    @staticmethod
    def unique_email(prefix="ny"):
        return f"{prefix}-{uuid.uuid4().hex[:10]}@styrelsen.example.test"

    def assertErrorSummary(self, response, status=400):
        self.assertStatus(response, status)
        self.assertIn(ERROR_SUMMARY, response.text, "no error summary on the page")
        self.assertIn("Der er et problem", response.text)


class UserListAndCreationTest(UserAdministrationCase):
    mail_sink = True

    def test_administrator_creates_case_user_who_appears_in_the_list(self):
        client = self.as_user(ADMINISTRATOR)
        listing = client.get("/users")
        self.assertStatus(listing, 200)
        self.assertIn('href="/users/new"', listing.text, "no Create user button for an Administrator")
        form_page = client.get("/users/new")
        self.assertStatus(form_page, 200)
        form = form_page.form(action="/users")
        self.assertNotIn("password", [control.get("name") for control in form.inputs])
        email = self.unique_email("sagsbruger")
        created = client.submit(form, {"name": "Carla Casebruger", "email": email})
        self.assertStatus(created, 303)
        new_id = self.user_id(email)
        self.assertEqual(created.location, f"/users/{new_id}?created=1")
        page = client.follow(created)
        self.assertStatus(page, 200)
        self.assertIn("Brugeren er oprettet", page.text)
        self.assertIn("Carla Casebruger", page.text)
        listing = client.get("/users")
        self.assertIn("Carla Casebruger", listing.text)
        self.assertIn(f'href="/users/{new_id}"', listing.text)
        self.assertIn(email, listing.text)
        self.assertEqual(self.roles_of(email), [], "a case user got an institution role")
        self.assertIn("user.created", self.audit_actions(new_id))
        institution = self.scalar(f"SELECT institution_id FROM users WHERE id = {new_id}")
        administrator_institution = self.scalar(
            f"SELECT institution_id FROM users WHERE email = '{ADMINISTRATOR}'")
        self.assertEqual(institution, administrator_institution)

    def test_created_user_gets_a_mail_with_a_password_link(self):
        client = self.as_user(ADMINISTRATOR)
        email = self.unique_email("mail")
        created = client.post("/users", {"name": "Malte Mailsen", "email": email})
        self.assertStatus(created, 303)
        rows = self.sql(f"SELECT subject FROM outbox WHERE recipient = '{email}'")
        self.assertEqual(len(rows), 1, f"expected one mail to {email}, outbox has {rows}")
        self.assertEqual(rows[0][0], "Din konto i Rekrut")
        mail = self.mail_to(email)
        self.assertEqual(mail["Subject"], "Din konto i Rekrut")
        self.assertRegex(message_text(mail), r"/password/reset/[0-9a-f]{64}", "the mail has no link to choose a password")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM password_resets WHERE user_id = {self.user_id(email)}"), 1)
        # Without a password the account cannot be used until the link is followed.
        self.assertFalse(self.scalar(f"SELECT password_hash FROM users WHERE email = '{email}'"))

    def test_welcome_mail_escapes_the_name_in_its_html_part(self):
        client = self.as_user(ADMINISTRATOR)
        email = self.unique_email("escape")
        created = client.post("/users", {"name": 'Malte <script>alert("x")</script>', "email": email})
        self.assertStatus(created, 303)
        mail = self.mail_to(email)
        html_part = mail.get_body(preferencelist=("html",)).get_content()
        self.assertIn("Malte &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html_part,
                      "the name is not escaped in the HTML part")
        self.assertNotIn("<script>", html_part)
        self.assertRegex(html_part, r'<a href="http[^"]*/password/reset/[0-9a-f]{64}">',
                         "the HTML part has no link to choose a password")
        # The plain-text part is not HTML: it shows the name as typed.
        self.assertIn('Malte <script>alert("x")', message_text(mail))

    def test_institution_role_is_offered_only_to_a_superbruger(self):
        administrator = self.as_user(ADMINISTRATOR)
        names = [control.get("name") for control in administrator.get("/users/new").form(action="/users").inputs]
        self.assertNotIn("role", names)
        superbruger = self.as_user(SUPERBRUGER)
        form = superbruger.get("/users/new").form(action="/users")
        role = [control for control in form.inputs if control.get("name") == "role"]
        self.assertEqual(len(role), 1, "a Superbruger is not offered the institution role")
        self.assertEqual([option.get("value") for option in role[0]["options"]], ["", "superbruger", "administrator"])

    def test_administrator_cannot_create_a_user_with_an_institution_role(self):
        client = self.as_user(ADMINISTRATOR)
        email = self.unique_email("rolle")
        refused = client.post("/users", {"name": "Rasmus Rolle", "email": email, "role": "administrator"})
        self.assertStatus(refused, 403)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM users WHERE email = '{email}'"), 0)

    def test_superbruger_creates_an_administrator(self):
        client = self.as_user(SUPERBRUGER)
        email = self.unique_email("admin")
        created = client.post("/users", {"name": "Asta Admin", "email": email, "role": "administrator"})
        self.assertStatus(created, 303)
        # Styrelsen has two Superbrugere: the new account's role waits for the second one.
        self.assertEqual(self.roles_of(email), [])
        self.approve_pending_role(email)
        self.assertEqual(self.roles_of(email), ["administrator"])

    def test_list_shows_only_the_own_institution_with_status_and_roles(self):
        client = self.as_user(SUPERBRUGER)
        listing = client.get("/users")
        self.assertStatus(listing, 200)
        for name in ("Sofie Superbruger", "Simon Andersbruger", "Anders Administrator", "Pia Projektleder"):
            self.assertIn(name, listing.text)
        for name in ("Karen Kvist", "Bo Bertelsen", "Jens Juhl", "Dorte Driftsen"):
            self.assertNotIn(name, listing.text, "a user of another institution is listed")
        self.assertRegex(listing.text, r"<caption>Brugere \(\d+\)</caption>")
        self.assertIn('<th scope="col">', listing.text)
        pia_row = re.search(r"<tr>.*Pia Projektleder.*</tr>", listing.text).group(0)
        self.assertIn("Aktiv", pia_row)
        self.assertIn("Ingen", pia_row)
        anders_row = re.search(r"<tr>.*Anders Administrator.*</tr>", listing.text).group(0)
        self.assertIn("Administrator</td>", anders_row)

    def test_english_pages(self):
        client = self.as_user(SUPERBRUGER)
        client.set_cookie("rekrut_lang", "en")
        try:
            listing = client.get("/users")
            self.assertStatus(listing, 200)
            self.assertIn('<html lang="en"', listing.text)
            self.assertIn("Create user", listing.text)
            self.assertIn("Active", listing.text)
            self.assertIn("Administrator rights", client.get("/administrator-rights").text)
            self.assertIn("No requests are waiting.", client.get("/role-requests").text)
        finally:
            client.set_cookie("rekrut_lang", None)

    def test_case_user_sees_no_user_administration(self):
        client = self.as_user(PROJEKTLEDER, totp=False)
        for path in ("/users", "/users/new", f"/users/{self.user_id(DELTAGER)}", "/role-requests",
                     "/administrator-rights"):
            self.assertStatus(client.get(path), 404, path)
        email = self.unique_email("sag")
        self.assertStatus(client.post("/users", {"name": "Nogen", "email": email}), 404)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM users WHERE email = '{email}'"), 0)
        self.assertStatus(client.post(f"/users/{self.user_id(DELTAGER)}",
                                      {"name": "X", "email": DELTAGER, "status": "deactivated"}), 404)
        self.assertEqual(self.user_row(DELTAGER)[2], "active")
        self.assertNotIn('href="/users"', client.get("/home").text)

    def test_signed_out_visitor_is_sent_to_login(self):
        client = self.client()
        response = client.get("/users")
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith("/login"))
        self.assertStatus(client.post("/users", {"name": "X", "email": self.unique_email()}), 401)

    def test_bad_input_on_creation_gives_error_summary_and_changes_nothing(self):
        client = self.as_user(ADMINISTRATOR)
        cases = [
            ("empty name", {"name": "", "email": self.unique_email()}, "Indtast personens navn."),
            ("blank name", {"name": "   ", "email": self.unique_email()}, "Indtast personens navn."),
            ("bad e-mail", {"name": "Bent Bad", "email": "ikke-en-adresse"}, "Indtast en gyldig e-mailadresse"),
            ("two @", {"name": "Bent Bad", "email": "a@b@styrelsen.example.test"}, "Indtast en gyldig e-mailadresse"),
            ("duplicate e-mail", {"name": "Bent Bad", "email": PROJEKTLEDER}, "Der findes allerede en bruger"),
            ("duplicate e-mail, other case", {"name": "Bent Bad", "email": PROJEKTLEDER.upper()},
             "Der findes allerede en bruger"),
            ("duplicate e-mail of another institution", {"name": "Bent Bad", "email": AKADEMIET_PROJEKTLEDER},
             "Der findes allerede en bruger"),
            ("overlong name", {"name": "N" * 201, "email": self.unique_email()}, "Indtast personens navn."),
            ("overlong e-mail", {"name": "Bent Bad", "email": "x" * 250 + "@styrelsen.example.test"},
             "Indtast en gyldig e-mailadresse"),
        ]
        users_before = self.count("SELECT COUNT(*) FROM users")
        mails_before = self.count("SELECT COUNT(*) FROM outbox")
        for label, fields, message in cases:
            with self.subTest(label):
                response = client.post("/users", fields)
                self.assertErrorSummary(response)
                self.assertIn(message, response.text)
                # The form comes back with what was typed (escaped).
                self.assertIn('action="/users"', response.text)
        response = client.post("/users", {"name": "<script>x</script>", "email": "ugyldig"})
        self.assertErrorSummary(response)
        self.assertNotIn("<script>x</script>", response.text)
        self.assertIn("&lt;script&gt;x&lt;/script&gt;", response.text)
        self.assertEqual(self.count("SELECT COUNT(*) FROM users"), users_before)
        self.assertEqual(self.count("SELECT COUNT(*) FROM outbox"), mails_before)

    def test_unknown_role_and_invalid_utf8_are_refused(self):
        client = self.as_user(SUPERBRUGER)
        users_before = self.count("SELECT COUNT(*) FROM users")
        email = self.unique_email()
        response = client.post("/users", {"name": "Rolf Rolle", "email": email, "role": "operator"})
        self.assertErrorSummary(response)
        self.assertIn("Vælg en rolle på listen.", response.text)
        response = client.post("/users", [("name", b"Ugyldig \xff\xfe tekst"), ("email", email)])
        self.assertStatus(response, 400)
        response = client.post("/users", [("name", "Gyldigt navn"), ("email", b"a\xc3@styrelsen.example.test")])
        self.assertStatus(response, 400)
        self.assertEqual(self.count("SELECT COUNT(*) FROM users"), users_before)

    def test_bad_input_on_change_gives_error_summary_and_changes_nothing(self):
        client = self.as_user(ADMINISTRATOR)
        target = self.user_id(LEDER)
        before = self.user_row(LEDER)
        cases = [
            ("empty name", {"name": "", "email": LEDER, "status": "active"}, "Indtast personens navn."),
            ("bad e-mail", {"name": "Lene Leder", "email": "lene", "status": "active"},
             "Indtast en gyldig e-mailadresse"),
            ("duplicate e-mail", {"name": "Lene Leder", "email": DELTAGER, "status": "active"},
             "Der findes allerede en bruger"),
            ("overlong name", {"name": "L" * 201, "email": LEDER, "status": "active"}, "Indtast personens navn."),
            ("unknown status", {"name": "Lene Leder", "email": LEDER, "status": "deleted"}, "Vælg en status."),
            ("no status", {"name": "Lene Leder", "email": LEDER}, "Vælg en status."),
        ]
        for label, fields, message in cases:
            with self.subTest(label):
                response = client.post(f"/users/{target}", fields)
                self.assertErrorSummary(response)
                self.assertIn(message, response.text)
        self.assertStatus(client.post(f"/users/{target}", [("name", b"\xc0\xaf"), ("email", LEDER),
                                                           ("status", "active")]), 400)
        self.assertEqual(self.user_row(LEDER), before)
        self.assertNotIn("user.changed", self.audit_actions(target))

    def test_administrator_rights_review(self):
        # Log Anders in first so that he has a last login.
        self.as_user(ADMINISTRATOR)
        client = self.as_user(SUPERBRUGER)
        page = client.get("/administrator-rights")
        self.assertStatus(page, 200)
        institution = self.scalar(f"SELECT institution_id FROM users WHERE email = '{SUPERBRUGER}'")
        holders = self.count(f"SELECT COUNT(*) FROM institution_roles WHERE institution_id = {institution}")
        self.assertGreaterEqual(holders, 3)
        self.assertIn(f"<caption>Administratorrettigheder ({holders})</caption>", page.text)
        for name in ("Sofie Superbruger", "Simon Andersbruger", "Anders Administrator"):
            self.assertIn(name, page.text)
        for name in ("Pia Projektleder", "Karen Kvist", "Bo Bertelsen"):
            self.assertNotIn(name, page.text)
        anders = re.search(r"<tr>.*Anders Administrator.*</tr>", page.text).group(0)
        self.assertIn("<td>Administrator</td>", anders)
        self.assertIn("Slået til siden", anders, "the MFA status is missing")
        self.assertRegex(anders, r'<time datetime="[0-9T:-]+Z">' + COPENHAGEN_TIME.pattern + "</time>")
        self.assertIn("Ikke registreret", anders, "the demo grant has no granting user")
        for header in ("Seneste login", "Totrinslogin", "Tildelt af", "Godkendt af"):
            self.assertIn(f'<th scope="col">{header}</th>', page.text)
        # Administrators review too; case users do not see the page.
        self.assertStatus(self.as_user(ADMINISTRATOR).get("/administrator-rights"), 200)
        self.assertStatus(self.as_user(DELTAGER, totp=False).get("/administrator-rights"), 404)


class AdministratorLimitsTest(UserAdministrationCase):
    def test_administrator_cannot_change_or_deactivate_a_superbruger(self):
        client = self.as_user(ADMINISTRATOR)
        target = self.user_id(SUPERBRUGER)
        before = self.user_row(SUPERBRUGER)
        page = client.get(f"/users/{target}")
        self.assertStatus(page, 200)
        self.assertNotIn(f'action="/users/{target}"', page.text, "the edit form is offered")
        self.assertIn("Du kan ikke ændre denne bruger", page.text)
        changed = client.post(f"/users/{target}", {"name": "Omdøbt", "email": SUPERBRUGER, "status": "active"})
        self.assertStatus(changed, 403)
        deactivated = client.post(f"/users/{target}", {"name": before[0], "email": SUPERBRUGER,
                                                       "status": "deactivated"})
        self.assertStatus(deactivated, 403)
        locked = client.post(f"/users/{target}", {"name": before[0], "email": SUPERBRUGER, "status": "locked"})
        self.assertStatus(locked, 403)
        self.assertEqual(self.user_row(SUPERBRUGER), before)
        self.assertNotIn("user.changed", self.audit_actions(target))
        # Another Administrator is out of reach as well.
        email = self.unique_email("admin")
        self.assertStatus(self.as_user(SUPERBRUGER).post("/users", {"name": "Alf Admin", "email": email,
                                                                     "role": "administrator"}), 303)
        self.approve_pending_role(email)
        self.assertStatus(client.post(f"/users/{self.user_id(email)}",
                                      {"name": "Alf Admin", "email": email, "status": "deactivated"}), 403)
        self.assertEqual(self.user_row(email)[2], "active")

    def test_administrator_changes_a_case_user(self):
        client = self.as_user(ADMINISTRATOR)
        email = self.unique_email("case")
        created = client.post("/users", {"name": "Karl Kasus", "email": email})
        self.assertStatus(created, 303)
        target = self.user_id(email)
        page = client.get(f"/users/{target}")
        form = page.form(action=f"/users/{target}")
        self.assertEqual(form.get("status"), "active")
        new_email = self.unique_email("case2")
        saved = client.submit(form, {"name": "Karl Kasus Jensen", "email": new_email.upper()})
        self.assertStatus(saved, 303)
        self.assertEqual(saved.location, f"/users/{target}?saved=email")
        self.assertIn("Dine ændringer er gemt", client.follow(saved).text)
        # The name changes at once; the address when its holder follows the link mailed to it.
        self.assertEqual(self.sql(f"SELECT name, email FROM users WHERE id = {target}")[0],
                         ["Karl Kasus Jensen", email])
        self.assertEqual(self.scalar(f"SELECT new_email FROM email_changes WHERE user_id = {target}"), new_email)
        self.assertIn("user.changed", self.audit_actions(target))
        self.assertIn("user.email_change_requested", self.audit_actions(target))

    def test_administrator_cannot_grant_or_revoke_institution_roles(self):
        client = self.as_user(ADMINISTRATOR)
        target = self.user_id(DELTAGER)
        page = client.get(f"/users/{target}")
        self.assertNotIn(f'action="/users/{target}/roles"', page.text, "role buttons offered to an Administrator")
        self.assertStatus(client.post(f"/users/{target}/roles", {"role": "administrator", "operation": "grant"}), 403)
        self.assertStatus(client.post(f"/users/{self.user_id(SUPERBRUGER2)}/roles",
                                      {"role": "superbruger", "operation": "revoke"}), 403)
        self.assertEqual(self.roles_of(DELTAGER), [])
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM role_requests WHERE user_id = {target}"), 0)

    def test_nobody_grants_a_role_to_themselves(self):
        for email, role in ((SUPERBRUGER, "administrator"), (ADMINISTRATOR, "superbruger"),
                            (ADMINISTRATOR, "administrator")):
            with self.subTest(email=email, role=role):
                client = self.as_user(email)
                own = self.user_id(email)
                requests_before = self.count(f"SELECT COUNT(*) FROM role_requests WHERE user_id = {own}")
                roles_before = self.roles_of(email)
                page = client.get(f"/users/{own}")
                self.assertStatus(page, 200)
                self.assertNotIn(f'action="/users/{own}/roles"', page.text)
                self.assertIn("Dette er din egen konto", page.text)
                response = client.post(f"/users/{own}/roles", {"role": role, "operation": "grant"})
                self.assertIn(response.status, (403,), "granting oneself a role was not refused")
                self.assertEqual(self.roles_of(email), roles_before)
                self.assertEqual(self.count(f"SELECT COUNT(*) FROM role_requests WHERE user_id = {own}"),
                                 requests_before)
                self.assertNotIn("role.granted", self.audit_actions(own))
                self.assertNotIn("role.requested", self.audit_actions(own))

    def test_nobody_changes_their_own_account_here(self):
        client = self.as_user(SUPERBRUGER)
        own = self.user_id(SUPERBRUGER)
        before = self.user_row(SUPERBRUGER)
        self.assertStatus(client.post(f"/users/{own}", {"name": "Ny Sofie", "email": SUPERBRUGER,
                                                         "status": "active"}), 403)
        self.assertStatus(client.post(f"/users/{own}/roles", {"role": "superbruger", "operation": "revoke"}), 403)
        self.assertEqual(self.user_row(SUPERBRUGER), before)
        self.assertEqual(self.roles_of(SUPERBRUGER), ["superbruger"])


class RoleApprovalTest(UserAdministrationCase):
    """Styrelsen has two Superbrugere, so every grant waits for the second one."""

    def pending_request(self, email, role):
        rows = self.sql(f"SELECT id, requested_by FROM role_requests WHERE user_id = {self.user_id(email)} "
                        f"AND role = '{role}' AND state = 'pending'")
        self.assertEqual(len(rows), 1, f"expected one pending {role} request for {email}: {rows}")
        return int(rows[0][0]), int(rows[0][1])

    def test_grant_waits_for_a_second_superbruger(self):
        target = self.user_id(PROJEKTLEDER)
        sofie = self.as_user(SUPERBRUGER)
        page = sofie.get(f"/users/{target}")
        grant_form = [form for form in page.forms()
                      if form.action == f"/users/{target}/roles" and form.get("role") == "administrator"]
        self.assertEqual(len(grant_form), 1, "no grant button for Administrator")
        self.assertEqual(grant_form[0].get("operation"), "grant")
        requested = sofie.submit(grant_form[0])
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/users/{target}?role=requested")
        page = sofie.follow(requested)
        self.assertIn("venter på en anden Superbruger", page.text)
        self.assertEqual(self.roles_of(PROJEKTLEDER), [], "the role was granted without approval")
        request_id, requested_by = self.pending_request(PROJEKTLEDER, "administrator")
        self.assertEqual(requested_by, self.user_id(SUPERBRUGER))

        # The requester sees it waiting, without buttons, and cannot approve it by posting.
        queue = sofie.get("/role-requests")
        self.assertStatus(queue, 200)
        self.assertIn("Pia Projektleder", queue.text)
        self.assertIn("Din anmodning venter på en anden Superbruger.", queue.text)
        self.assertNotIn(f'action="/role-requests/{request_id}/decision"', queue.text)
        refused = sofie.post(f"/role-requests/{request_id}/decision", {"decision": "approve"})
        self.assertIn(refused.status, (400, 403))
        self.assertIn("En anden superbruger end den, der anmodede", refused.text)
        self.assertEqual(self.roles_of(PROJEKTLEDER), [])
        self.pending_request(PROJEKTLEDER, "administrator")

        # An Administrator sees the queue but decides nothing.
        anders = self.as_user(ADMINISTRATOR)
        queue = anders.get("/role-requests")
        self.assertStatus(queue, 200)
        self.assertNotIn(f'action="/role-requests/{request_id}/decision"', queue.text)
        self.assertStatus(anders.post(f"/role-requests/{request_id}/decision", {"decision": "approve"}), 403)
        self.pending_request(PROJEKTLEDER, "administrator")

        # The second Superbruger approves.
        simon = self.as_user(SUPERBRUGER2)
        queue = simon.get("/role-requests")
        form = queue.form(action=f"/role-requests/{request_id}/decision")
        self.assertIn("approve", [control.get("value") for control in form.inputs if control["tag"] == "button"])
        approved = simon.submit(form, {"decision": "approve"})
        self.assertStatus(approved, 303)
        self.assertEqual(approved.location, "/role-requests?decided=approved")
        self.assertIn("Anmodningen er godkendt", simon.follow(approved).text)
        self.assertEqual(self.roles_of(PROJEKTLEDER), ["administrator"])
        granted = self.sql(f"SELECT granted_by, approved_by FROM institution_roles WHERE user_id = {target}")
        self.assertEqual([int(value) for value in granted[0]],
                         [self.user_id(SUPERBRUGER), self.user_id(SUPERBRUGER2)])
        self.assertEqual(self.scalar(f"SELECT state FROM role_requests WHERE id = {request_id}"), "approved")
        actions = self.audit_actions()
        for action in ("role.requested", "role.request_approved", "role.granted"):
            self.assertIn(action, actions)
        self.assertLess(actions.index("role.requested"), actions.index("role.request_approved"))
        self.assertLess(actions.index("role.request_approved"), actions.index("role.granted"))

        # Deciding again is a conflict shown on the page; the review shows who granted and approved.
        again = simon.post(f"/role-requests/{request_id}/decision", {"decision": "reject"})
        self.assertErrorSummary(again, 409)
        self.assertIn("Anmodningen er allerede afgjort.", again.text)
        self.assertEqual(self.roles_of(PROJEKTLEDER), ["administrator"])
        review = simon.get("/administrator-rights")
        pia = re.search(r"<tr>.*Pia Projektleder.*</tr>", review.text).group(0)
        self.assertIn("Sofie Superbruger", pia)
        self.assertIn("Simon Andersbruger", pia)
        self.assertIn(f'href="/users/{target}"', simon.get("/users").text)

    def test_rejected_request_grants_nothing(self):
        target = self.user_id(DELTAGER)
        sofie = self.as_user(SUPERBRUGER)
        self.assertStatus(sofie.post(f"/users/{target}/roles", {"role": "administrator", "operation": "grant"}), 303)
        request_id, _ = self.pending_request(DELTAGER, "administrator")
        # A second grant of the same role while one waits is a conflict with a message.
        twice = sofie.post(f"/users/{target}/roles", {"role": "administrator", "operation": "grant"})
        self.assertErrorSummary(twice, 409)
        self.assertIn("En anmodning om denne rolle venter allerede", twice.text)
        self.assertIn("Venter på en anden Superbruger", twice.text)
        simon = self.as_user(SUPERBRUGER2)
        rejected = simon.post(f"/role-requests/{request_id}/decision", {"decision": "reject"})
        self.assertStatus(rejected, 303)
        self.assertEqual(self.roles_of(DELTAGER), [])
        self.assertEqual(self.scalar(f"SELECT state FROM role_requests WHERE id = {request_id}"), "rejected")
        self.assertIn("role.request_rejected", self.audit_actions(request_id))
        self.assertIn("Ingen anmodninger venter.", simon.get("/role-requests").text)

    def test_bad_role_operations_are_refused(self):
        sofie = self.as_user(SUPERBRUGER)
        target = self.user_id(LEDER)
        for fields in ({"role": "operator", "operation": "grant"}, {"role": "administrator", "operation": "give"},
                       {"role": "administrator"}, {}):
            with self.subTest(fields=fields):
                response = sofie.post(f"/users/{target}/roles", fields)
                self.assertErrorSummary(response)
        self.assertStatus(sofie.post("/role-requests/1/decision", {"decision": "maybe"}), 400)
        revoke_missing = sofie.post(f"/users/{target}/roles", {"role": "administrator", "operation": "revoke"})
        self.assertErrorSummary(revoke_missing, 409)
        self.assertIn("Brugeren har ikke denne rolle.", revoke_missing.text)
        self.assertEqual(self.roles_of(LEDER), [])
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM role_requests WHERE user_id = {target}"), 0)


class LastSuperbrugerTest(UserAdministrationCase):
    def test_revoking_the_last_superbruger_is_refused(self):
        # Demoakademiet has one Superbruger, who can only try to remove the role from herself.
        karen = self.as_user(AKADEMIET_SUPERBRUGER)
        own = self.user_id(AKADEMIET_SUPERBRUGER)
        refused = karen.post(f"/users/{own}/roles", {"role": "superbruger", "operation": "revoke"})
        self.assertIn(refused.status, (403, 409))
        self.assertEqual(self.roles_of(AKADEMIET_SUPERBRUGER), ["superbruger"])

        # In Styrelsen one Superbruger asks for the other's role to go, and the operator carries it out ...
        sofie = self.as_user(SUPERBRUGER)
        simon_id = self.user_id(SUPERBRUGER2)
        page = sofie.get(f"/users/{simon_id}")
        self.assertIn(f'action="/users/{simon_id}/roles"', page.text)
        requested = sofie.post(f"/users/{simon_id}/roles", {"role": "superbruger", "operation": "revoke"})
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/users/{simon_id}?role=sent")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        request_id = self.count("SELECT id FROM role_requests WHERE state = 'pending' AND change = 'revoke' "
                                f"AND user_id = {simon_id}")
        carried_out = self.as_user(OPERATOR).post(f"/operator/role-requests/{request_id}/decision",
                                                  {"decision": "approve"})
        self.assertStatus(carried_out, 303)
        self.assertEqual(self.roles_of(SUPERBRUGER2), [])
        self.assertIn("role.revoked", self.audit_actions(simon_id))
        # ... after which she is the last one: she cannot remove her own, nor can the operator.
        refused = sofie.post(f"/users/{self.user_id(SUPERBRUGER)}/roles",
                             {"role": "superbruger", "operation": "revoke"})
        self.assertIn(refused.status, (403, 409))
        self.assertEqual(self.roles_of(SUPERBRUGER), ["superbruger"])
        institution = self.scalar(f"SELECT institution_id FROM users WHERE email = '{SUPERBRUGER}'")
        refused = self.as_user(OPERATOR).post(
            f"/operator/institutions/{institution}/superbrugere/{self.user_id(SUPERBRUGER)}/removal", {})
        self.assertStatus(refused, 409)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM institution_roles WHERE institution_id = {institution} "
                                    f"AND role = 'superbruger'"), 1)

        # With a single Superbruger left, her grants of Administrator take effect at once.
        granted = sofie.post(f"/users/{simon_id}/roles", {"role": "administrator", "operation": "grant"})
        self.assertStatus(granted, 303)
        self.assertEqual(granted.location, f"/users/{simon_id}?role=granted")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["administrator"])


class DeactivationTest(UserAdministrationCase):
    def test_deactivated_user_cannot_log_in_and_their_session_ends(self):
        pia = self.fresh_login(PROJEKTLEDER, totp=False)
        self.assertStatus(pia.get("/home"), 200)
        target = self.user_id(PROJEKTLEDER)
        anders = self.as_user(ADMINISTRATOR)
        form = anders.get(f"/users/{target}").form(action=f"/users/{target}")
        # Asked first (ConfirmationTest covers the page), then saved.
        asked = anders.submit(form, {"status": "deactivated"})
        self.assertStatus(asked, 200)
        self.assertEqual(self.user_row(PROJEKTLEDER)[2], "active")
        deactivated = anders.submit(asked.form(action=f"/users/{target}"))
        self.assertStatus(deactivated, 303)
        self.assertEqual(self.user_row(PROJEKTLEDER)[2], "deactivated")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM sessions WHERE user_id = {target}"), 0)
        after = pia.get("/home")
        self.assertStatus(after, 303)
        self.assertTrue(after.location.startswith("/login"))
        self.assertStatus(pia.post("/profile/name", {"name": "Pia igen"}), 401)
        again = self.client().post("/login", {"email": PROJEKTLEDER, "password": "Demo-adgangskode-2026"})
        self.assertStatus(again, 400)
        self.assertIn("E-mailadressen eller adgangskoden er forkert.", again.text)
        self.assertNotIn("rekrut_session", again.set_cookies)
        listing = anders.get("/users")
        pia_row = re.search(r"<tr>.*Pia Projektleder.*</tr>", listing.text).group(0)
        self.assertIn("Deaktiveret", pia_row)

        # Reactivated, she can log in again.
        form = anders.get(f"/users/{target}").form(action=f"/users/{target}")
        self.assertStatus(anders.submit(form, {"status": "active"}), 303)
        login(self.client(), PROJEKTLEDER, totp=False)

    def test_locked_user_cannot_log_in(self):
        lene = self.fresh_login(LEDER, totp=False)
        target = self.user_id(LEDER)
        sofie = self.as_user(SUPERBRUGER)
        locked = sofie.post(f"/users/{target}", {"name": "Lene Leder", "email": LEDER, "status": "locked"})
        self.assertStatus(locked, 303)
        self.assertStatus(lene.get("/home"), 303)
        self.assertStatus(self.client().post("/login", {"email": LEDER, "password": "Demo-adgangskode-2026"}), 400)
        self.assertIn("user.changed", self.audit_actions(target))


class ConfirmationTest(UserAdministrationCase):
    """Deactivating a user and removing a role are asked first: a confirmation page without
    JavaScript (the browser tests cover the modal)."""

    def test_deactivation_is_confirmed_before_it_is_saved(self):
        client = self.as_user(ADMINISTRATOR)
        email = self.unique_email("deaktiv")
        self.assertStatus(client.post("/users", {"name": "Dorte Deaktiv", "email": email}), 303)
        target = self.user_id(email)
        page = client.get(f"/users/{target}")
        self.assertIn('data-confirm-modal="confirm-deactivate"', page.text)
        form = page.form(action=f"/users/{target}")
        asked = client.submit(form, {"status": "deactivated"})
        self.assertStatus(asked, 200)
        self.assertIn("Deaktivér brugeren?", asked.visible_text)
        self.assertIn("Dorte Deaktiv kan ikke længere logge ind", asked.visible_text)
        self.assertEqual(self.user_row(email)[2], "active", "nothing is saved before the confirmation")
        self.assertNotIn("user.changed", self.audit_actions(target))
        confirm = asked.form(action=f"/users/{target}")
        self.assertEqual((confirm.get("status"), confirm.get("confirmed")), ("deactivated", "1"))
        done = client.submit(confirm)
        self.assertStatus(done, 303)
        self.assertEqual(self.user_row(email)[2], "deactivated")
        # Other changes are saved at once, as before.
        locked = client.post(f"/users/{target}", {"name": "Dorte Deaktiv", "email": email, "status": "locked"})
        self.assertStatus(locked, 303)
        self.assertEqual(self.user_row(email)[2], "locked")

    def test_removing_a_role_is_confirmed_first(self):
        sofie = self.as_user(SUPERBRUGER)
        target = self.user_id(ADMINISTRATOR)
        page = sofie.get(f"/users/{target}")
        link = f"/users/{target}/roles/revoke?role=administrator"
        self.assertIn(f'href="{link}"', page.text)
        self.assertNotIn('name="operation" value="revoke"', page.text.split('class="fds-modal"')[0],
                         "no one-click removal before the modals")
        confirm = sofie.get(link)
        self.assertStatus(confirm, 200)
        self.assertIn("Fjern rollen?", confirm.visible_text)
        self.assertIn("Anders Administrator mister rollen Administrator", confirm.visible_text)
        self.assertEqual(self.roles_of(ADMINISTRATOR), ["administrator"])
        form = confirm.form(action=f"/users/{target}/roles")
        self.assertEqual((form.get("role"), form.get("operation")), ("administrator", "revoke"))
        # Someone who may not remove it gets no confirmation page.
        self.assertStatus(self.as_user(ADMINISTRATOR).get(link), 403)
        done = sofie.submit(form)
        self.assertStatus(done, 303)
        self.assertIn("Rollen er fjernet", sofie.follow(done).visible_text)
        self.assertEqual(self.roles_of(ADMINISTRATOR), [])
        # Without the role there is nothing to confirm: back to the user.
        self.assertStatus(sofie.get(link), 303)


if __name__ == "__main__":
    unittest.main()
