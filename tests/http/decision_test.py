"""The end of a case against the real binary: the hiring decision under segregation of duties (the
Projektleder proposes, another person, the case's Ansættende leder, approves or returns), priority
access blocking the proposal until the applicant is invited or a reason is recorded, the signed
contract filling the case, the closing, and the cancelling of a case with applications by the same
four eyes. The same tests run on SQLite and PostgreSQL (REKRUT_TEST_DATABASE)."""

import subprocess
import time
import unittest

from accounts import AKADEMIET_PROJEKTLEDER, DELTAGER, LEDER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql

ASSESSED_CASE = "Jurist til tilsynsenheden"  # in assessment, with David Dahl and Emma Eskildsen
PUBLISHED_CASE = "Fuldmægtig til økonomienheden"  # published, with applications


def pdf_text(data: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it."""
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


class DecisionCase(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = cls.case_of(ASSESSED_CASE)
        cls.institution = int(cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0])
        for email, role in ((PROJEKTLEDER, "projektleder"), (LEDER, "ansaettende_leder"), (DELTAGER, "projektdeltager")):
            cls.sql("INSERT INTO case_roles (institution_id, case_id, user_id, role, granted_at) VALUES "
                    f"({cls.institution}, {cls.case_id}, {cls.user_id(email)}, '{role}', 0)")
        cls.david = cls.application_of("David Dahl")
        cls.emma = cls.application_of("Emma Eskildsen")
        cls.pl = signed_in(cls.server, PROJEKTLEDER, totp=False)
        cls.lene = signed_in(cls.server, LEDER, totp=False)
        cls.dennis = signed_in(cls.server, DELTAGER, totp=False)
        for client in (cls.pl, cls.lene, cls.dennis):
            declare_no_conflicts(client, cls.case_id)
        # An external member (an employee representative), whose account ends when the case is filled.
        response = cls.pl.post(f"/cases/{cls.case_id}/committee/external",
                               {"external_email": "tove.tillid@example.test", "external_name": "Tove Tillid",
                                "external_role": "projektdeltager"})
        assert response.status == 303, response.status

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def case_of(cls, title):
        return int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{title}'")[0][0])

    @classmethod
    def user_id(cls, email):
        return int(cls.sql(f"SELECT id FROM users WHERE email = '{email}'")[0][0])

    @classmethod
    def application_of(cls, name):
        return int(cls.sql(f"SELECT id FROM applications WHERE full_name = '{name}'")[0][0])

    def state(self, case_id=None):
        return self.sql(f"SELECT state FROM recruitment_cases WHERE id = {case_id or self.case_id}")[0][0]

    def status(self, application_id):
        return self.sql(f"SELECT status FROM applications WHERE id = {application_id}")[0][0]

    def decisions(self, case_id=None):
        """(kind, status, candidate, proposer, decider) of the case's decisions, oldest first ('' for none)."""
        rows = self.sql("SELECT kind, status, application_id, proposed_by, decided_by FROM case_decisions"
                        f" WHERE case_id = {case_id or self.case_id} ORDER BY id")
        return [tuple(value or "" for value in row) for row in rows]

    def audit_actions(self, case_id=None):
        return [row[0] for row in self.sql(
            "SELECT action FROM audit_events WHERE object_type = 'recruitment_case'"
            f" AND object_id = '{case_id or self.case_id}' ORDER BY id")]

    def path(self, suffix=""):
        return f"/cases/{self.case_id}/decision{suffix}"

    def propose(self, client, candidate, reserves=(), justification="Bedst til samtalen og stærkest fagligt."):
        fields = {"candidate": str(candidate), "justification": justification}
        for number, reserve in enumerate(reserves, start=1):
            fields[f"reserve_{number}"] = str(reserve)
        return client.post(self.path(), fields)

    def answer(self, client, answer, comment="", kind="hire"):
        return client.post(self.path("/answer"), {"kind": kind, "answer": answer, "comment": comment})


class HiringDecisionTest(DecisionCase):
    def test_the_whole_decision_takes_two_people(self):
        # The generic step cannot move the case to Decision: there is no proposal.
        response = self.pl.post(f"/cases/{self.case_id}/transition", {"transition": "propose_decision"})
        self.assertIn(response.status, (400, 409))
        self.assertEqual(self.state(), "assessment")

        # Emma invoked priority access and is neither invited nor has a reason: the proposal is refused.
        self.sql(f"UPDATE applications SET priority_access = 1 WHERE id = {self.emma}")
        response = self.propose(self.pl, self.david)
        self.assertStatus(response, 400)
        self.assertIn("fortrinsadgang", response.visible_text)
        self.assertEqual(self.decisions(), [])
        self.assertEqual(self.state(), "assessment")

        # The reason: required, recorded by the Projektleder only, sealed, audited without its text.
        self.assertStatus(self.pl.post(self.path(f"/priority/{self.emma}"), {"reason": "  "}), 400)
        self.assertStatus(self.dennis.post(self.path(f"/priority/{self.emma}"), {"reason": "Ikke cand.jur."}), 403)
        self.assertStatus(self.pl.post(self.path(f"/priority/{self.david}"), {"reason": "Ikke cand.jur."}), 409)
        self.assertStatus(self.pl.post(self.path(f"/priority/{self.emma}"), {"reason": "Mangler cand.jur.-eksamen."}),
                          303)
        sealed = self.sql(f"SELECT sealed_reason FROM priority_access_waivers WHERE application_id = {self.emma}")[0][0]
        self.assertNotIn("cand.jur", sealed)
        audit = self.sql("SELECT after_json FROM audit_events WHERE action = 'application.priority_waived'")
        self.assertEqual(len(audit), 1)
        self.assertNotIn("cand.jur", audit[0][0])

        # The proposal, with Emma as reserve: the case waits for approval; the justification is sealed.
        self.assertStatus(self.propose(self.pl, self.david, reserves=[self.emma]), 303)
        self.assertEqual(self.state(), "decision")
        self.assertEqual(self.decisions(),
                         [("hire", "proposed", str(self.david), str(self.user_id(PROJEKTLEDER)), "")])
        stored = self.sql(f"SELECT sealed_justification FROM case_decisions WHERE case_id = {self.case_id}")[0][0]
        self.assertNotIn("samtalen", stored)
        self.assertIn("case.decision_proposed", self.audit_actions())
        # A second proposal while one waits is refused.
        self.assertStatus(self.propose(self.pl, self.emma), 409)

        # The proposer never approves, nor does a Projektdeltager; another institution finds nothing.
        response = self.answer(self.pl, "approve")
        self.assertStatus(response, 403)
        self.assertIn("Du har selv indstillet", response.visible_text)
        self.assertStatus(self.answer(self.dennis, "approve"), 403)
        other = signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False)
        self.assertStatus(self.answer(other, "approve"), 404)
        self.assertEqual(self.decisions()[0][1], "proposed")
        refused = self.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'case.decision_refused'"
                           f" AND object_id = '{self.case_id}'")[0][0]
        self.assertEqual(int(refused), 2)

        # The approver sees the proposal and the priority reason.
        page = self.lene.get(self.path())
        self.assertStatus(page, 200)
        self.assertIn("Bedst til samtalen", page.visible_text)
        self.assertIn("Mangler cand.jur.-eksamen.", page.visible_text)
        self.assertIn("Godkend beslutningen", page.visible_text)

        # Returning needs a comment; with one, the case goes back to assessment.
        self.assertStatus(self.answer(self.lene, "return"), 400)
        self.assertEqual(self.decisions()[0][1], "proposed")
        self.assertStatus(self.answer(self.lene, "return", "Begrund nærmere ift. erfaring."), 303)
        self.assertEqual(self.state(), "assessment")
        self.assertEqual(self.decisions()[0][1], "returned")

        # No letter before the approval.
        self.assertStatus(self.pl.get(self.path("/letter")), 409)

        # Proposed again and approved: the candidate gets the offer.
        self.assertStatus(self.propose(self.pl, self.david, justification="Fire års erfaring med tilsyn."), 303)
        self.assertStatus(self.answer(self.lene, "approve"), 303)
        self.assertEqual([row[1] for row in self.decisions()], ["returned", "approved"])
        self.assertEqual(self.status(self.david), "offered")
        offers = self.sql(f"SELECT recipient FROM outbox WHERE kind = 'offer' AND application_id = {self.david}")
        self.assertEqual([row[0] for row in offers], ["david@ansoger.example.test"])
        self.assertEqual(self.state(), "decision")

        # The employment letter from the institution's template: a PDF with the Danish text, the
        # institution and the reference. The default text needs the start date, which the case lacks.
        response = self.pl.get(self.path("/letter"))
        self.assertStatus(response, 400)
        self.assertIn("tiltrædelsesdato", response.visible_text)
        self.sql(f"UPDATE recruitment_cases SET expected_start = {int(time.time()) + 30 * 86400} WHERE id = {self.case_id}")
        letter = self.pl.get(self.path("/letter"))
        self.assertStatus(letter, 200)
        self.assertEqual(letter.content_type, "application/pdf")
        text = pdf_text(letter.body)
        self.assertIn("Kære David Dahl", text)
        self.assertIn("Ansættelsesbrev: Jurist til tilsynsenheden", text)
        self.assertIn("Styrelsen for Demoforvaltning", text)
        self.assertIn(f"Sagsnr. {self.case_id}", text)
        self.assertStatus(self.dennis.get(self.path("/letter")), 403)

        # Filled only with the contract: the generic step is refused, a bad or future date too.
        response = self.pl.post(f"/cases/{self.case_id}/transition", {"transition": "mark_filled"})
        self.assertIn(response.status, (400, 409))
        for bad in ("", "i morgen", "2026-02-30", "2999-01-01", "2026-1-1"):
            self.assertStatus(self.pl.post(self.path("/contract"), {"contract_signed_on": bad}), 400)
        self.assertEqual(self.state(), "decision")
        self.assertStatus(self.dennis.post(self.path("/contract"), {"contract_signed_on": "2026-11-30"}), 403)
        self.assertStatus(self.pl.post(self.path("/contract"), {"contract_signed_on": "2026-11-30"}), 303)
        self.assertEqual(self.state(), "filled")
        self.assertEqual(self.status(self.david), "hired")
        self.assertEqual(self.sql(f"SELECT contract_signed_on FROM recruitment_cases WHERE id = {self.case_id}")[0][0],
                         "2026-11-30")
        self.assertEqual(self.sql("SELECT status FROM users WHERE email = 'tove.tillid@example.test'")[0][0],
                         "deactivated")
        self.assertEqual(self.sql("SELECT status FROM users WHERE email = 'deltager@styrelsen.example.test'")[0][0],
                         "active")

        # Emma has had no answer: the page offers her rejection, and closing waits for it.
        page = self.pl.get(self.path())
        self.assertIn(f"application_id={self.emma}", page.text)
        self.assertNotIn(f"application_id={self.david}", page.text)
        self.assertStatus(self.pl.post(self.path("/close")), 409)
        self.sql(f"UPDATE applications SET status = 'rejected' WHERE id = {self.emma}")
        self.assertStatus(self.pl.post(self.path("/close")), 303)
        self.assertTrue(self.sql(f"SELECT closed_at FROM recruitment_cases WHERE id = {self.case_id}")[0][0])
        self.assertStatus(self.pl.post(self.path("/close")), 409)
        actions = self.audit_actions()
        for expected in ("case.decision_proposed", "case.decision_returned", "case.decision_approved",
                         "case.contract_signed", "case.closed"):
            self.assertIn(expected, actions)


class PriorityInvitationTest(DecisionCase):
    def test_inviting_the_applicant_with_priority_access_lets_the_proposal_through(self):
        self.sql(f"UPDATE applications SET priority_access = 1 WHERE id = {self.emma}")
        self.assertStatus(self.propose(self.pl, self.david), 400)
        page = self.lene.get(self.path())
        self.assertIn("Ikke indkaldt", page.visible_text)
        # Invited to an interview round, she no longer blocks the decision.
        response = self.pl.post(f"/cases/{self.case_id}/interviews",
                                {"name": "1. samtalerunde", "default_place": "Mødelokale 2", "cutoff_hours": "24"})
        self.assertStatus(response, 303)
        round_id = int(response.location.rstrip("/").split("/")[-1])
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/interviews/{round_id}/invite",
                                       [("application_id", str(self.emma))]), 303)
        self.assertStatus(self.propose(self.pl, self.david), 303)
        self.assertEqual(self.state(), "decision")
        self.assertEqual(self.sql("SELECT COUNT(*) FROM priority_access_waivers")[0][0], "0")


class ApplicantListTest(DecisionCase):
    def test_the_applicant_list_of_a_civil_servant_position_leaves_off_who_asked(self):
        path = f"/cases/{self.case_id}/applicant-list"
        self.assertStatus(self.pl.get(path), 409)  # not a civil-servant position
        self.sql(f"UPDATE recruitment_cases SET employment_basis = 'civil_servant' WHERE id = {self.case_id}")
        self.sql(f"UPDATE applications SET exclude_from_list = 1 WHERE id = {self.emma}")
        response = self.pl.get(path)
        self.assertStatus(response, 200)
        self.assertEqual(response.content_type, "application/pdf")
        text = pdf_text(response.body)
        self.assertIn("Ansøgerliste: Jurist til tilsynsenheden", text)
        self.assertIn("David Dahl", text)
        self.assertNotIn("Emma Eskildsen", text)
        self.assertIn("Ansøgere, der har bedt om ikke at stå på listen: 1", text)
        self.assertIn("tjenestemandslovens § 5, stk. 3", text)
        # Only those who lead the case make it; another institution finds nothing.
        self.assertStatus(self.dennis.get(path), 403)
        self.assertStatus(signed_in(self.server, AKADEMIET_PROJEKTLEDER, totp=False).get(path), 404)
        self.assertIn("case.applicant_list_made", self.audit_actions())


class HostileProposalTest(DecisionCase):
    def test_a_bad_proposal_is_refused_and_changes_nothing(self):
        other_case_application = self.application_of("Astrid Andersen")
        cases = [
            {"candidate": "abc", "justification": "x"},
            {"candidate": str(other_case_application), "justification": "x"},
            {"candidate": str(self.david), "justification": ""},
            {"candidate": str(self.david), "justification": "x" * 5001},
            {"candidate": str(self.david), "reserve_1": str(self.david), "justification": "x"},
            {"candidate": str(self.david), "justification": b"Bedst \xff\xfe"},
        ]
        for fields in cases:
            response = self.pl.post(self.path(), fields)
            self.assertStatus(response, 400)
        self.assertEqual(self.decisions(), [])
        self.assertEqual(self.state(), "assessment")
        # Nobody but the committee's leaders proposes.
        self.assertStatus(self.propose(self.dennis, self.david), 403)
        self.assertStatus(self.propose(self.lene, self.david), 403)
        # Answers that are not answers.
        self.assertStatus(self.pl.post(self.path("/answer"), {"kind": "hire", "answer": "maybe"}), 400)
        self.assertStatus(self.pl.post(self.path("/answer"), {"kind": "fire", "answer": "approve"}), 400)
        self.assertStatus(self.answer(self.lene, "approve"), 409)  # nothing waits
        self.assertEqual(self.decisions(), [])


class CancellationTest(DecisionCase):
    def test_cancelling_a_case_with_applications_needs_the_approver(self):
        case_id = self.case_of(PUBLISHED_CASE)
        path = f"/cases/{case_id}/decision"
        declare_no_conflicts(self.pl, case_id)
        # One person alone cannot cancel it any more.
        response = self.pl.post(f"/cases/{case_id}/transition", {"transition": "cancel", "reason": "Ingen midler"})
        self.assertIn(response.status, (400, 409))
        self.assertEqual(self.state(case_id), "published")

        self.assertStatus(self.pl.post(f"{path}/cancellation", {"reason": ""}), 400)
        self.assertStatus(self.pl.post(f"{path}/cancellation", {"reason": "Bevillingen er bortfaldet."}), 303)
        self.assertStatus(self.pl.post(f"{path}/cancellation", {"reason": "Igen."}), 409)
        self.assertStatus(self.pl.post(f"{path}/answer", {"kind": "cancel", "answer": "approve"}), 403)
        self.assertEqual(self.state(case_id), "published")

        self.assertStatus(self.lene.post(f"{path}/answer", {"kind": "cancel", "answer": "approve"}), 303)
        self.assertEqual(self.state(case_id), "cancelled")
        told = sorted(row[0] for row in self.sql(
            f"SELECT recipient FROM outbox WHERE kind = 'case_cancelled' AND case_id = {case_id}"))
        # Camilla withdrew: she is not told again.
        self.assertEqual(told, ["astrid@ansoger.example.test", "bjarke@ansoger.example.test"])
        self.assertIn("case.cancellation_approved", self.audit_actions(case_id))


if __name__ == "__main__":
    unittest.main()
