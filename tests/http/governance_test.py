"""Superbruger governance seen from outside (service description 6.2: the supplier creates, deletes and
maintains the Superbrugere). The Superbruger role is the platform operator's to administer: a
Superbruger may only ask for it (grant or removal) for a user of the own institution, and an operator
carries the request out; an operator's own request waits for a second operator, however many
Superbrugere or operators there are, and nobody approves their own request. The operator changes,
locks and deactivates Superbrugere; a Superbruger no longer can. The institution keeps an active
Superbruger throughout.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on the demo data, which has two operators
(OPERATOR and OPERATOR2). Each class has its own server and database."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also runnable from the repository root

from accounts import (ADMINISTRATOR, AKADEMIET, AKADEMIET_PROJEKTLEDER, AKADEMIET_SUPERBRUGER, DELTAGER, LEDER,
                      OPERATOR, OPERATOR2, PROJEKTLEDER, STYRELSEN, SUPERBRUGER, SUPERBRUGER2, signed_in)
from harness import ServerTestCase, execute_sql, message_text

ERROR_SUMMARY = 'id="error-summary"'
LAST_SUPERBRUGER = "Institutionen skal beholde mindst én superbruger."
RESET_LINK = re.compile(r"/password/reset/[0-9a-f]{64}")


def quote(text):
    return "'" + text.replace("'", "''") + "'"


class GovernanceCase(ServerTestCase):
    """Shared helpers: SQL look-ups on the class's database and one signed-in client per person."""

    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._clients = {}

    def as_user(self, email):
        """A client signed in as `email`, shared by the tests of the class (a TOTP step works once)."""
        if email not in self._clients:
            self._clients[email] = signed_in(self.server, email,
                                              totp=email not in (PROJEKTLEDER, DELTAGER, LEDER,
                                                                 AKADEMIET_PROJEKTLEDER))
        return self._clients[email]

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def scalar(self, query):
        rows = self.sql(query)
        return rows[0][0] if rows else None

    def count(self, query):
        return int(self.scalar(query))

    def user_id(self, email):
        found = self.scalar(f"SELECT id FROM users WHERE email = {quote(email)}")
        self.assertTrue(found, f"no user {email}")
        return int(found)

    def institution_id(self, name):
        return int(self.scalar(f"SELECT id FROM institutions WHERE name = {quote(name)}"))

    def roles_of(self, email):
        return sorted(row[0] for row in self.sql(
            f"SELECT role FROM institution_roles WHERE user_id = {self.user_id(email)}"))

    def status_of(self, email):
        return self.scalar(f"SELECT status FROM users WHERE id = {self.user_id(email)}")

    def pending_request(self, email, change="grant"):
        """(id, requested_by) of the one pending Superbruger request about `email`."""
        rows = self.sql(f"SELECT id, requested_by, change FROM role_requests WHERE user_id = {self.user_id(email)} "
                        f"AND role = 'superbruger' AND state = 'pending'")
        self.assertEqual(len(rows), 1, f"expected one pending Superbruger request for {email}: {rows}")
        self.assertEqual(rows[0][2], change)
        return int(rows[0][0]), int(rows[0][1])

    def request_state(self, request_id):
        return self.scalar(f"SELECT state FROM role_requests WHERE id = {request_id}")

    def decide(self, email, request_id, decision="approve"):
        return self.as_user(email).post(f"/operator/role-requests/{request_id}/decision", {"decision": decision})

    def audit_after(self, action, object_id):
        """The `after` JSON of the newest event `action` about `object_id`."""
        events = self.server.audit_events(action=action, object_id=str(object_id))
        self.assertTrue(events, f"no audit event {action} for {object_id}")
        return events[-1]["after"]

    def assertErrorSummary(self, response, status, message):
        self.assertStatus(response, status)
        self.assertIn(ERROR_SUMMARY, response.text, "no error summary on the page")
        self.assertIn(message, response.visible_text)


class SuperbrugerRequestTest(GovernanceCase):
    """A Superbruger asks; an operator carries it out, the requester being the second pair of eyes."""

    def test_a_superbruger_cannot_grant_superbruger_only_request_it(self):
        sofie = self.as_user(SUPERBRUGER)
        target = self.user_id(PROJEKTLEDER)
        page = sofie.get(f"/users/{target}")
        self.assertStatus(page, 200)
        superbruger_forms = [form for form in page.forms()
                             if form.action == f"/users/{target}/roles" and form.get("role") == "superbruger"]
        self.assertEqual(len(superbruger_forms), 1, "no request button for the Superbruger role")
        self.assertTrue(superbruger_forms[0].get("csrf_token"))
        self.assertIn("Anmod om rollen Superbruger", page.visible_text)

        requested = sofie.submit(superbruger_forms[0])
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/users/{target}?role=sent")
        self.assertIn("Anmodningen er sendt til driftsleverandøren", sofie.follow(requested).visible_text)
        self.assertEqual(self.roles_of(PROJEKTLEDER), [], "the Superbruger role was granted by one person")
        request_id, requested_by = self.pending_request(PROJEKTLEDER)
        self.assertEqual(requested_by, self.user_id(SUPERBRUGER))
        requested_event = self.audit_after("role.requested", target)
        self.assertEqual(requested_event, {"role": "superbruger", "change": "grant", "request_id": str(request_id)})

        # The second Superbruger sees it wait for the operator and cannot decide it.
        simon = self.as_user(SUPERBRUGER2)
        queue = simon.get("/role-requests")
        self.assertIn("Venter på driftsleverandøren", queue.visible_text)
        self.assertNotIn(f'action="/role-requests/{request_id}/decision"', queue.text)
        self.assertStatus(simon.post(f"/role-requests/{request_id}/decision", {"decision": "approve"}), 403)
        self.assertStatus(simon.post(f"/operator/role-requests/{request_id}/decision", {"decision": "approve"}), 404)
        self.assertEqual(self.roles_of(PROJEKTLEDER), [])
        self.assertEqual(self.request_state(request_id), "pending")

    def test_a_superbrugers_request_is_carried_out_by_an_operator(self):
        sofie = self.as_user(SUPERBRUGER)
        target = self.user_id(DELTAGER)
        self.assertStatus(sofie.post(f"/users/{target}/roles", {"role": "superbruger", "operation": "grant"}), 303)
        request_id, _ = self.pending_request(DELTAGER)
        again = sofie.post(f"/users/{target}/roles", {"role": "superbruger", "operation": "grant"})
        self.assertErrorSummary(again, 409, "En anmodning om denne rolle venter allerede")
        self.assertIn("Venter på driftsleverandøren", again.visible_text)

        operator = self.as_user(OPERATOR)
        queue = operator.get("/operator/role-requests")
        self.assertStatus(queue, 200)
        row = re.search(rf'<tr data-request-id="{request_id}">(.*?)</tr>', queue.text, re.S).group(1)
        self.assertIn("Dennis Deltager", row)
        self.assertIn(STYRELSEN, row)
        self.assertIn("Sofie Superbruger", row)
        form = queue.form(action=f"/operator/role-requests/{request_id}/decision")
        self.assertTrue(form.get("csrf_token"))
        approved = operator.submit(form, {"decision": "approve"})
        self.assertStatus(approved, 303)
        self.assertEqual(approved.location, "/operator/role-requests?decided=approved")
        self.assertIn("Anmodningen er gennemført.", operator.follow(approved).visible_text)

        self.assertEqual(self.roles_of(DELTAGER), ["superbruger"])
        granted = self.sql(f"SELECT granted_by, approved_by FROM institution_roles WHERE user_id = {target}")
        self.assertEqual([int(value) for value in granted[0]], [self.user_id(SUPERBRUGER), self.user_id(OPERATOR)])
        self.assertEqual(self.request_state(request_id), "approved")
        self.assertEqual(self.audit_after("role.granted", target),
                         {"role": "superbruger", "requested_by": str(self.user_id(SUPERBRUGER)),
                          "approved_by": str(self.user_id(OPERATOR))})
        self.assertEqual(self.audit_after("role.request_approved", request_id),
                         {"state": "approved", "role": "superbruger", "change": "grant"})
        institution = self.scalar(f"SELECT institution_id FROM audit_events WHERE action = 'role.granted' "
                                  f"AND object_id = '{target}'")
        self.assertEqual(int(institution), self.institution_id(STYRELSEN))

        # Deciding again is a conflict shown on the queue.
        again = self.decide(OPERATOR2, request_id, "reject")
        self.assertErrorSummary(again, 409, "Anmodningen er allerede afgjort.")
        self.assertEqual(self.roles_of(DELTAGER), ["superbruger"])

    def test_a_superbruger_asks_for_a_removal_and_an_operator_rejects_it(self):
        sofie = self.as_user(SUPERBRUGER)
        simon = self.user_id(SUPERBRUGER2)
        page = sofie.get(f"/users/{simon}")
        self.assertIn("Anmod om fjernelse", page.visible_text)
        role_forms = [form for form in page.forms()
                      if form.action == f"/users/{simon}/roles" and form.get("role") == "superbruger"]
        self.assertEqual([form.get("operation") for form in role_forms], ["revoke"])
        requested = sofie.post(f"/users/{simon}/roles", {"role": "superbruger", "operation": "revoke"})
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/users/{simon}?role=sent")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"], "removed by one Superbruger alone")
        request_id, _ = self.pending_request(SUPERBRUGER2, change="revoke")
        self.assertIn("Fjernelse anmodet af", sofie.get(f"/users/{simon}").visible_text)

        rejected = self.decide(OPERATOR, request_id, "reject")
        self.assertStatus(rejected, 303)
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        self.assertEqual(self.request_state(request_id), "rejected")
        self.assertEqual(self.audit_after("role.request_rejected", request_id),
                         {"state": "rejected", "role": "superbruger", "change": "revoke"})

    def test_the_approval_rule_holds_with_a_single_superbruger(self):
        # Demoakademiet has one Superbruger: her grant of Superbruger still waits for an operator.
        karen = self.as_user(AKADEMIET_SUPERBRUGER)
        institution = self.institution_id(AKADEMIET)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM institution_roles WHERE institution_id = {institution} "
                                    "AND role = 'superbruger'"), 1)
        jens = self.user_id(AKADEMIET_PROJEKTLEDER)
        requested = karen.post(f"/users/{jens}/roles", {"role": "superbruger", "operation": "grant"})
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/users/{jens}?role=sent")
        self.assertEqual(self.roles_of(AKADEMIET_PROJEKTLEDER), [])
        # A new user created with the role waits the same way, and gets no welcome mail yet.
        created = karen.post("/users", {"name": "Birk Bruger", "email": "birk@akademiet.example.test",
                                        "role": "superbruger"})
        self.assertStatus(created, 303)
        self.assertTrue(created.location.endswith("?created=superbruger"), created.location)
        self.assertEqual(self.roles_of("birk@akademiet.example.test"), [])
        self.pending_request("birk@akademiet.example.test")
        self.assertEqual(self.count("SELECT COUNT(*) FROM outbox WHERE recipient = 'birk@akademiet.example.test'"), 0)
        # An Administrator is still granted at once with one Superbruger.
        granted = karen.post(f"/users/{jens}/roles", {"role": "administrator", "operation": "grant"})
        self.assertStatus(granted, 303)
        self.assertEqual(granted.location, f"/users/{jens}?role=granted")

    def test_operator_pages_are_the_operators_alone(self):
        styrelsen = self.institution_id(STYRELSEN)
        simon = self.user_id(SUPERBRUGER2)
        requests_before = self.count("SELECT COUNT(*) FROM role_requests")
        for email in (SUPERBRUGER, ADMINISTRATOR):
            client = self.as_user(email)
            for path in ("/operator/role-requests", f"/operator/institutions/{styrelsen}/superbrugere/{simon}"):
                self.assertStatus(client.get(path), 404, f"{email} GET {path}")
            for path, fields in ((f"/operator/institutions/{styrelsen}/superbrugere/{simon}",
                                  {"name": "X", "email": SUPERBRUGER2, "status": "locked"}),
                                 (f"/operator/institutions/{styrelsen}/superbrugere/{simon}/status",
                                  {"status": "deactivated"}),
                                 (f"/operator/institutions/{styrelsen}/superbrugere/{simon}/removal", {}),
                                 ("/operator/role-requests/1/decision", {"decision": "approve"})):
                self.assertStatus(client.post(path, fields), 404, f"{email} POST {path}")
        self.assertEqual(self.status_of(SUPERBRUGER2), "active")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        self.assertEqual(self.count("SELECT COUNT(*) FROM role_requests"), requests_before)
        # The operator reaches Superbrugere only: a case user, or a Superbruger named under the wrong
        # institution, is not found.
        operator = self.as_user(OPERATOR)
        akademiet = self.institution_id(AKADEMIET)
        for path in (f"/operator/institutions/{styrelsen}/superbrugere/{self.user_id(PROJEKTLEDER)}",
                     f"/operator/institutions/{akademiet}/superbrugere/{simon}",
                     f"/operator/institutions/{styrelsen}/superbrugere/987654321"):
            self.assertStatus(operator.get(path), 404, path)
            self.assertStatus(operator.post(path + "/status", {"status": "locked"}), 404, path)
        self.assertStatus(operator.post("/operator/role-requests/987654321/decision", {"decision": "approve"}), 404)
        self.assertEqual(self.status_of(PROJEKTLEDER), "active")

    def test_a_decision_needs_the_csrf_token(self):
        sofie = self.as_user(SUPERBRUGER)
        target = self.user_id(LEDER)
        self.assertStatus(sofie.post(f"/users/{target}/roles", {"role": "superbruger", "operation": "grant"}), 303)
        request_id, _ = self.pending_request(LEDER)
        refused = self.as_user(OPERATOR).post(f"/operator/role-requests/{request_id}/decision",
                                              {"decision": "approve"}, csrf=False)
        self.assertStatus(refused, 403)
        self.assertEqual(self.request_state(request_id), "pending")
        self.assertEqual(self.roles_of(LEDER), [])


class OperatorGrantTest(GovernanceCase):
    """The operator's own request waits for a second operator."""

    mail_sink = True

    def create_institution(self, cvr, name):
        response = self.as_user(OPERATOR).post("/operator/institutions", {"cvr": cvr, "name": name, "address": ""})
        self.assertStatus(response, 303)
        return self.institution_id(name)

    def test_an_operators_own_grant_waits_for_a_second_operator(self):
        operator = self.as_user(OPERATOR)
        institution = self.create_institution("99000300", "Styrelsen for Fire Øjne")
        email = "frida@fireoejne.example.test"
        created = operator.post(f"/operator/institutions/{institution}/superbrugere",
                                {"name": "Frida Første", "email": email})
        self.assertStatus(created, 303)
        page = operator.follow(created)
        self.assertIn("når en anden medarbejder hos driftsleverandøren godkender den", page.visible_text)
        self.assertIn("Frida Første", page.visible_text)  # in the list of waiting requests
        self.assertEqual(self.roles_of(email), [], "the operator granted the Superbruger role alone")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM outbox WHERE recipient = {quote(email)}"), 0,
                         "the welcome mail went out before the approval")
        request_id, requested_by = self.pending_request(email)
        self.assertEqual(requested_by, self.user_id(OPERATOR))

        # The requesting operator sees it waiting and cannot approve it.
        queue = operator.get("/operator/role-requests")
        self.assertIn("Din anmodning venter på en anden medarbejder hos driftsleverandøren.", queue.visible_text)
        self.assertNotIn(f'action="/operator/role-requests/{request_id}/decision"', queue.text)
        refused = self.decide(OPERATOR, request_id)
        self.assertErrorSummary(refused, 400, "En anden medarbejder hos driftsleverandøren end den, der anmodede")
        self.assertEqual(self.roles_of(email), [])
        self.assertEqual(self.request_state(request_id), "pending")

        # The second operator approves; then the welcome mail goes out.
        second = self.as_user(OPERATOR2)
        form = second.get("/operator/role-requests").form(action=f"/operator/role-requests/{request_id}/decision")
        self.assertStatus(second.submit(form, {"decision": "approve"}), 303)
        self.assertEqual(self.roles_of(email), ["superbruger"])
        granted = self.sql(f"SELECT granted_by, approved_by FROM institution_roles WHERE user_id = {self.user_id(email)}")
        self.assertEqual([int(value) for value in granted[0]], [self.user_id(OPERATOR), self.user_id(OPERATOR2)])
        mail = self.mail_to(email)
        self.assertEqual(mail["Subject"], "Din konto i Rekrut")
        self.assertRegex(message_text(mail), RESET_LINK)

    def test_the_requesting_operator_cannot_approve_their_own_removal(self):
        styrelsen = self.institution_id(STYRELSEN)
        simon = self.user_id(SUPERBRUGER2)
        operator = self.as_user(OPERATOR)
        page = operator.get(f"/operator/institutions/{styrelsen}/superbrugere/{simon}")
        self.assertStatus(page, 200)
        form = page.form(action=f"/operator/institutions/{styrelsen}/superbrugere/{simon}/removal")
        self.assertTrue(form.get("csrf_token"))
        requested = operator.submit(form)
        self.assertStatus(requested, 303)
        self.assertEqual(requested.location, f"/operator/institutions/{styrelsen}?removal=1")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        request_id, _ = self.pending_request(SUPERBRUGER2, change="revoke")
        self.assertErrorSummary(self.decide(OPERATOR, request_id), 400, "En anden medarbejder hos driftsleverandøren")
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])

        self.assertStatus(self.decide(OPERATOR2, request_id), 303)
        self.assertEqual(self.roles_of(SUPERBRUGER2), [])
        self.assertEqual(self.audit_after("role.revoked", simon),
                         {"requested_by": str(self.user_id(OPERATOR)), "approved_by": str(self.user_id(OPERATOR2)),
                          "role": "superbruger"})


class SuperbrugerAccountTest(GovernanceCase):
    """Superbrugere are changed, locked and deactivated by the operator, not by each other."""

    def test_a_superbruger_can_no_longer_change_lock_or_deactivate_another(self):
        sofie = self.as_user(SUPERBRUGER)
        simon = self.user_id(SUPERBRUGER2)
        page = sofie.get(f"/users/{simon}")
        self.assertStatus(page, 200)
        self.assertNotIn(f'action="/users/{simon}"', page.text, "the edit form is offered")
        self.assertIn("Driftsleverandøren ændrer, låser og deaktiverer Superbrugere.", page.visible_text)
        for status in ("locked", "deactivated", "active"):
            response = sofie.post(f"/users/{simon}", {"name": "Simon Omdøbt", "email": SUPERBRUGER2, "status": status})
            self.assertStatus(response, 403, status)
        self.assertEqual(self.status_of(SUPERBRUGER2), "active")
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE id = {simon}"), "Simon Andersbruger")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM audit_events WHERE action = 'user.changed' "
                                    f"AND object_id = '{simon}'"), 0)

    def test_the_operator_changes_locks_and_deactivates_a_superbruger(self):
        styrelsen = self.institution_id(STYRELSEN)
        simon = self.user_id(SUPERBRUGER2)
        simon_client = signed_in(self.server, SUPERBRUGER2)
        operator = self.as_user(OPERATOR)
        page = operator.get(f"/operator/institutions/{styrelsen}")
        row = re.search(rf'<tr data-user-id="{simon}">(.*?)</tr>', page.text, re.S).group(1)
        self.assertIn(f'href="/operator/institutions/{styrelsen}/superbrugere/{simon}"', row)
        lock = [form for form in page.forms()
                if form.action == f"/operator/institutions/{styrelsen}/superbrugere/{simon}/status"
                and form.get("status") == "locked"]
        self.assertEqual(len(lock), 1, "no lock button for the Superbruger")
        locked = operator.submit(lock[0])
        self.assertStatus(locked, 303)
        self.assertEqual(locked.location, f"/operator/institutions/{styrelsen}?saved=1")
        self.assertEqual(self.status_of(SUPERBRUGER2), "locked")
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM sessions WHERE user_id = {simon}"), 0)
        self.assertStatus(simon_client.get("/home"), 303)
        event = self.sql(f"SELECT actor_user_id FROM audit_events WHERE action = 'user.changed' "
                         f"AND object_id = '{simon}' ORDER BY id DESC")
        self.assertEqual(int(event[0][0]), self.user_id(OPERATOR))

        # Unlocked and renamed on the Superbruger's own page, then deactivated.
        self.assertStatus(operator.post(f"/operator/institutions/{styrelsen}/superbrugere/{simon}/status",
                                        {"status": "active"}), 303)
        form_page = operator.get(f"/operator/institutions/{styrelsen}/superbrugere/{simon}")
        form = form_page.form(action=f"/operator/institutions/{styrelsen}/superbrugere/{simon}")
        self.assertEqual(form.get("status"), "active")
        saved = operator.submit(form, {"name": "Simon A. Andersbruger"})
        self.assertStatus(saved, 303)
        self.assertIn("Superbrugerens konto er gemt.", operator.follow(saved).visible_text)
        self.assertEqual(self.scalar(f"SELECT name FROM users WHERE id = {simon}"), "Simon A. Andersbruger")
        bad = operator.submit(form, {"name": ""})
        self.assertErrorSummary(bad, 400, "Indtast personens navn.")
        deactivated = operator.post(f"/operator/institutions/{styrelsen}/superbrugere/{simon}/status",
                                    {"status": "deactivated"})
        self.assertStatus(deactivated, 303)
        self.assertEqual(self.status_of(SUPERBRUGER2), "deactivated")



class LastSuperbrugerTest(GovernanceCase):
    """An institution keeps an active Superbruger, whoever asks and whoever carries it out."""

    def test_the_last_superbruger_rule_still_holds(self):
        akademiet = self.institution_id(AKADEMIET)
        karen = self.user_id(AKADEMIET_SUPERBRUGER)
        operator = self.as_user(OPERATOR)
        base = f"/operator/institutions/{akademiet}/superbrugere/{karen}"
        refused = operator.post(base + "/status", {"status": "deactivated"})
        self.assertErrorSummary(refused, 409, LAST_SUPERBRUGER)
        self.assertEqual(self.status_of(AKADEMIET_SUPERBRUGER), "active")
        removal = operator.post(base + "/removal", {})
        self.assertErrorSummary(removal, 409, LAST_SUPERBRUGER)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM role_requests WHERE user_id = {karen}"), 0)
        # She cannot give up the role herself either.
        own = self.as_user(AKADEMIET_SUPERBRUGER).post(f"/users/{karen}/roles",
                                                        {"role": "superbruger", "operation": "revoke"})
        self.assertStatus(own, 403)
        self.assertEqual(self.roles_of(AKADEMIET_SUPERBRUGER), ["superbruger"])
        # A lock keeps the role and is lifted again.
        self.assertStatus(operator.post(base + "/status", {"status": "locked"}), 303)
        self.assertStatus(operator.post(base + "/status", {"status": "active"}), 303)
        self.assertEqual(self.status_of(AKADEMIET_SUPERBRUGER), "active")

    def test_the_last_superbruger_rule_holds_when_removals_are_carried_out(self):
        # In Styrelsen both removals may be asked for while two remain; only one can be carried out.
        sofie, simon = self.user_id(SUPERBRUGER), self.user_id(SUPERBRUGER2)
        styrelsen = self.institution_id(STYRELSEN)
        operator = self.as_user(OPERATOR)
        for user in (sofie, simon):
            self.assertStatus(operator.post(f"/operator/institutions/{styrelsen}/superbrugere/{user}/removal", {}),
                              303)
        first, _ = self.pending_request(SUPERBRUGER, change="revoke")
        second, _ = self.pending_request(SUPERBRUGER2, change="revoke")
        self.assertStatus(self.decide(OPERATOR2, first), 303)
        refused = self.decide(OPERATOR2, second)
        self.assertErrorSummary(refused, 409, LAST_SUPERBRUGER)
        self.assertEqual(self.roles_of(SUPERBRUGER2), ["superbruger"])
        self.assertEqual(self.request_state(second), "pending")
        self.assertStatus(self.decide(OPERATOR2, second, "reject"), 303)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM institution_roles WHERE institution_id = {styrelsen} "
                                    "AND role = 'superbruger'"), 1)


if __name__ == "__main__":
    unittest.main()
