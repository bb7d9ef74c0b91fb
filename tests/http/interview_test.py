"""Interview rounds against the real binary: HR makes a round with slots and invites applicants, who book,
rebook and cancel through their personal link until the cut-off; many applicants booking at the same
instant never share a slot; hostile requests change nothing; the committee sees the schedule, a member
with a conflict of interest without that applicant's name. The same tests run on SQLite and PostgreSQL
(REKRUT_TEST_DATABASE)."""

import datetime
import re
import threading
import time
import unittest

from accounts import DELTAGER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, declare_no_conflicts, execute_sql, message_text

CASE_TITLE = "Fuldmægtig til økonomienheden"
LINK = re.compile(r"https?://[^\s\"<>]+/application/([0-9a-f]{64})")
TAKEN = "Den tid blev netop taget. Vælg en anden."


class InterviewCase(ServerTestCase):
    seed_demo = True
    mail_sink = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = int(cls.sql(f"SELECT id FROM recruitment_cases WHERE title = '{CASE_TITLE}'")[0][0])
        cls.pl = signed_in(cls.server, PROJEKTLEDER, totp=False)
        cls.dennis = signed_in(cls.server, DELTAGER, totp=False)
        cls.day = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    def count(self, query):
        return int(self.sql(query)[0][0])

    def apply(self, name, email):
        """Applies through the public form; returns the application id and the personal link's path."""
        client = self.client()
        page = client.get(f"/positions/{self.case_id}/apply")
        form = page.form(action=f"/positions/{self.case_id}/apply")
        fields = {"form_key": form.get("form_key"), "full_name": name, "email": email, "phone": "+45 22 33 44 55",
                  "cover_letter": "Jeg søger stillingen.", "consent_processing": "1", "send": "1"}
        for field, value in form.values().items():
            if re.fullmatch(r"q\d+", field):
                fields[field] = value or "Ja"
        response = client.post(form.action, fields)
        self.assertEqual(response.status, 303, response.visible_text[:1500])
        application = int(self.sql(f"SELECT MAX(id) FROM applications WHERE email = '{email}'")[0][0])
        return application, email

    def link_of(self, email):
        text = message_text(self.mail_to(email, "/application/", timeout=60))
        return "/application/" + LINK.search(text).group(1)

    def make_round(self, name, cutoff="24", place="Mødelokale 3, Slotsholmsgade 1"):
        response = self.pl.post(f"/cases/{self.case_id}/interviews",
                                {"name": name, "default_place": place, "cutoff_hours": cutoff})
        self.assertStatus(response, 303, response.visible_text[:1500])
        return int(response.location.rstrip("/").split("/")[-1])

    def add_slots(self, round_id, start="09:00", count="6", minutes="45", day=None, members=()):
        fields = [("date", day or self.day), ("start_time", start), ("count", count), ("minutes", minutes),
                  ("pause_minutes", "0"), ("place", "")] + [("member_id", str(member)) for member in members]
        return self.pl.post(f"/cases/{self.case_id}/interviews/{round_id}/slots", fields)

    def slots_of(self, round_id):
        return [int(row[0]) for row in
                self.sql(f"SELECT id FROM interview_slots WHERE round_id = {round_id} ORDER BY starts_at, id")]

    def invite(self, round_id, applications):
        response = self.pl.post(f"/cases/{self.case_id}/interviews/{round_id}/invite",
                                [("application_id", str(application)) for application in applications])
        self.assertStatus(response, 303, response.visible_text[:1500])

    def bookings(self, round_id):
        return {int(row[0]): int(row[1]) for row in
                self.sql(f"SELECT slot_id, application_id FROM interview_bookings WHERE round_id = {round_id}")}


class InterviewTest(InterviewCase):
    def test_hr_makes_a_round_and_the_applicant_books_rebooks_and_cancels(self):
        bo, bo_email = self.apply("Bo Bookesen", "bo.bookesen@example.test")
        link = self.link_of(bo_email)
        # Not invited yet: the personal page says nothing of interviews.
        self.assertNotIn("/interviews", self.client().get(link).text)
        round_id = self.make_round("1. samtalerunde")
        pia = int(self.sql(f"SELECT id FROM users WHERE email = '{PROJEKTLEDER}'")[0][0])
        added = self.add_slots(round_id, members=[pia])
        self.assertStatus(added, 303, added.visible_text[:1500])
        slots = self.slots_of(round_id)
        self.assertEqual(len(slots), 6)
        page = self.pl.get(f"/cases/{self.case_id}/interviews/{round_id}")
        self.assertStatus(page, 200)
        self.assertIn("Pia Projektleder", page.visible_text)
        self.assertIn("09.45", page.visible_text)
        # Overlapping slots are refused with the field named, and nothing is added.
        overlap = self.add_slots(round_id, start="10:00", count="1")
        self.assertStatus(overlap, 400)
        self.assertIn("overlapper", overlap.visible_text)
        self.assertEqual(len(self.slots_of(round_id)), 6)
        self.invite(round_id, [bo])
        # The invite page links to the mail page with the invited applications.
        page = self.pl.get(f"/cases/{self.case_id}/interviews/{round_id}")
        self.assertIn(f"kind=interview_booking&amp;application_id={bo}", page.text)

        applicant = self.client()
        own = applicant.get(link)
        self.assertIn(f"{link}/interviews", own.text)
        mine = applicant.get(f"{link}/interviews")
        self.assertStatus(mine, 200)
        self.assertIn("1. samtalerunde", mine.visible_text)
        self.assertEqual(len(re.findall(r'name="slot_id"', mine.text)), 6)
        booked = applicant.post(f"{link}/interviews/{round_id}/book", {"slot_id": str(slots[1])})
        self.assertStatus(booked, 303)
        self.assertEqual(self.bookings(round_id), {slots[1]: bo})
        mine = applicant.get(f"{link}/interviews")
        self.assertIn("Mødelokale 3", mine.visible_text)
        self.assertIn("09.45", mine.visible_text)
        calendar = applicant.get(f"{link}/interviews/{round_id}/calendar.ics")
        self.assertStatus(calendar, 200)
        self.assertIn("text/calendar", calendar.header("Content-Type"))
        self.assertIn("BEGIN:VEVENT", calendar.text)
        self.assertIn("TZID=Europe/Copenhagen:" + self.day.replace("-", "") + "T094500", calendar.text)
        # Rebooking moves the booking; the old slot is free again.
        moved = applicant.post(f"{link}/interviews/{round_id}/book", {"slot_id": str(slots[3])})
        self.assertStatus(moved, 303)
        self.assertEqual(self.bookings(round_id), {slots[3]: bo})
        # Cancelling frees it.
        self.assertStatus(applicant.post(f"{link}/interviews/{round_id}/cancel", {}), 303)
        self.assertEqual(self.bookings(round_id), {})
        # Every change is audited by id, never by name or address.
        events = self.sql("SELECT action, after_json, before_json FROM audit_events WHERE action LIKE 'interview.%'")
        actions = {row[0] for row in events}
        for action in ("interview.round_created", "interview.slots_added", "interview.invited", "interview.booked",
                       "interview.booking_moved", "interview.booking_cancelled"):
            self.assertIn(action, actions)
        for row in events:
            self.assertNotIn("Bookesen", row[1] + row[2])
            self.assertNotIn("example.test", row[1] + row[2])

    def test_the_invitation_mail_carries_the_link_the_applicant_books_with(self):
        mia, mia_email = self.apply("Mia Mailsen", "mia.mailsen@example.test")
        self.mail_to(mia_email, "/application/", timeout=60)          # the receipt, before the invitation
        round_id = self.make_round("Mailrunde")
        self.assertStatus(self.add_slots(round_id, start="11:00", count="2", minutes="30"), 303)
        self.invite(round_id, [mia])
        page = self.pl.get(f"/cases/{self.case_id}/interviews/{round_id}")
        mail_href = re.search(r'href="([^"]*/mail\?kind=interview_booking[^"]*)"', page.text).group(1)
        compose = self.pl.get(mail_href.replace("&amp;", "&"))
        self.assertStatus(compose, 200)
        form = compose.form(action=f"/cases/{self.case_id}/mail")
        values = {name: form.get(name) for name in ("subject_da", "body_da", "subject_en", "body_en")}
        values.update({"kind": "interview_booking", "action": "send"})
        sent = self.pl.post(form.action, list(values.items()) + [("application_id", str(mia))])
        self.assertStatus(sent, 303, sent.visible_text[:1500])
        mail = self.smtp.wait_for(lambda m: mia_email in str(m["To"] or "")
                                  and "Vælg selv en tid" in message_text(m), 60)
        link = "/application/" + LINK.search(message_text(mail)).group(1)
        applicant = self.client()
        slot = self.slots_of(round_id)[0]
        self.assertStatus(applicant.post(f"{link}/interviews/{round_id}/book", {"slot_id": str(slot)}), 303)
        self.assertEqual(self.bookings(round_id), {slot: mia})
        deadline = time.monotonic() + 30
        while self.sql(f"SELECT status FROM applications WHERE id = {mia}")[0][0] != "invited":
            self.assertLess(time.monotonic(), deadline, "the mail did not set the status invited")
            time.sleep(0.2)

    def test_hr_gives_a_fixed_slot_moves_and_cancels_it(self):
        fie, _ = self.apply("Fie Fastsat", "fie.fastsat@example.test")
        other, _ = self.apply("Ole Optaget", "ole.optaget@example.test")
        round_id = self.make_round("Fast tid")
        self.assertStatus(self.add_slots(round_id, start="13:00", count="3", minutes="30"), 303)
        slots = self.slots_of(round_id)
        base = f"/cases/{self.case_id}/interviews/{round_id}"
        self.assertStatus(self.pl.post(f"{base}/assign", {"application_id": fie, "slot_id": slots[0]}), 303)
        self.assertEqual(self.bookings(round_id), {slots[0]: fie})
        # Giving a taken slot to another applicant is refused with the message, nothing changes.
        taken = self.pl.post(f"{base}/assign", {"application_id": other, "slot_id": slots[0]})
        self.assertStatus(taken, 409)
        self.assertIn(TAKEN, taken.visible_text)
        self.assertEqual(self.bookings(round_id), {slots[0]: fie})
        self.assertStatus(self.pl.post(f"{base}/assign", {"application_id": fie, "slot_id": slots[2]}), 303)
        self.assertEqual(self.bookings(round_id), {slots[2]: fie})
        # A member (the Projektleder too) sees names once declared on every application.
        declare_no_conflicts(self.pl, self.case_id)
        page = self.pl.get(base)
        self.assertIn("Fie Fastsat", page.visible_text)
        self.assertIn("givet af HR", page.visible_text)
        self.assertStatus(self.pl.post(f"{base}/cancel", {"application_id": fie}), 303)
        self.assertEqual(self.bookings(round_id), {})
        # Garbage: a slot of no round, an application of no case, a round of no case.
        self.assertStatus(self.pl.post(f"{base}/assign", {"application_id": fie, "slot_id": "987654321"}), 404)
        self.assertStatus(self.pl.post(f"{base}/assign", {"application_id": "x", "slot_id": slots[1]}), 404)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/interviews/987654321/assign",
                                       {"application_id": fie, "slot_id": slots[1]}), 404)
        self.assertStatus(self.pl.get("/cases/987654321/interviews"), 404)
        self.assertEqual(self.bookings(round_id), {})
        # A committee member reads the schedule but manages nothing.
        declare_no_conflicts(self.dennis, self.case_id)
        self.assertStatus(self.dennis.get(base), 200)
        self.assertStatus(self.dennis.post(f"{base}/assign", {"application_id": fie, "slot_id": slots[1]}), 403)
        self.assertStatus(self.dennis.post(f"/cases/{self.case_id}/interviews", {"name": "X", "cutoff_hours": "1"}),
                          403)
        self.assertEqual(self.bookings(round_id), {})

    def test_a_member_with_a_conflict_sees_the_slot_but_not_the_name(self):
        karen, _ = self.apply("Karen Konfliktsen", "karen.konfliktsen@example.test")
        round_id = self.make_round("Inhabilitet")
        self.assertStatus(self.add_slots(round_id, start="08:00", count="1"), 303)
        slot = self.slots_of(round_id)[0]
        base = f"/cases/{self.case_id}/interviews/{round_id}"
        self.assertStatus(self.pl.post(f"{base}/assign", {"application_id": karen, "slot_id": slot}), 303)
        form = self.dennis.get(f"/cases/{self.case_id}/declarations")
        shown = re.findall(r'name="shown" value="(\d+)"', form.text)
        declared = self.dennis.post(f"/cases/{self.case_id}/declarations",
                                    [("all_none", "1"), (f"declaration_{karen}", "conflict")] +
                                    [("shown", i) for i in shown])
        self.assertStatus(declared, 303)
        page = self.dennis.get(base)
        self.assertStatus(page, 200)
        self.assertIn(f'id="slot-{slot}"', page.text)
        self.assertNotIn("Karen Konfliktsen", page.visible_text)
        declare_no_conflicts(self.pl, self.case_id)
        self.assertIn("Karen Konfliktsen", self.pl.get(base).visible_text)

    def test_hostile_bookings_change_nothing(self):
        hans, hans_email = self.apply("Hans Hastig", "hans.hastig@example.test")
        ida, ida_email = self.apply("Ida Ivrig", "ida.ivrig@example.test")
        hans_link, ida_link = self.link_of(hans_email), self.link_of(ida_email)
        first = self.make_round("Første", cutoff="24")
        second = self.make_round("Anden", cutoff="24")
        self.assertStatus(self.add_slots(first, start="10:00", count="2"), 303)
        self.assertStatus(self.add_slots(second, start="14:00", count="2"), 303)
        first_slots, second_slots = self.slots_of(first), self.slots_of(second)
        self.invite(first, [hans, ida])
        hans_client, ida_client = self.client(), self.client()
        # A slot of another round, a round Hans is not invited to, garbage and a wrong link: not found.
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{first}/book",
                                           {"slot_id": str(second_slots[0])}), 404)
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{second}/book",
                                           {"slot_id": str(second_slots[0])}), 404)
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{first}/book", {"slot_id": "abc"}), 404)
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/x/book", {"slot_id": str(first_slots[0])}), 404)
        wrong = "/application/" + "0" * 64
        self.assertStatus(hans_client.post(f"{wrong}/interviews/{first}/book", {"slot_id": str(first_slots[0])}), 404)
        self.assertStatus(hans_client.get(f"{wrong}/interviews"), 404)
        self.assertStatus(hans_client.get(f"{hans_link}/interviews/{first}/calendar.ics"), 404)
        self.assertEqual(self.bookings(first), {})
        self.assertEqual(self.bookings(second), {})
        # A taken slot: the clear message, and Ida keeps nothing.
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{first}/book",
                                           {"slot_id": str(first_slots[0])}), 303)
        taken = ida_client.post(f"{ida_link}/interviews/{first}/book", {"slot_id": str(first_slots[0])})
        self.assertStatus(taken, 409)
        self.assertIn(TAKEN, taken.visible_text)
        self.assertEqual(self.bookings(first), {first_slots[0]: hans})
        # Ida's page does not offer Hans's slot, nor does it name him.
        ida_page = ida_client.get(f"{ida_link}/interviews")
        self.assertNotIn(f'value="{first_slots[0]}"', ida_page.text)
        self.assertNotIn("Hastig", ida_page.visible_text)
        # After the cut-off: a slot starting in an hour can be neither booked nor left.
        soon = int(time.time()) + 3600
        institution = self.sql(f"SELECT institution_id FROM interview_rounds WHERE id = {first}")[0][0]
        self.sql("INSERT INTO interview_slots (institution_id, round_id, starts_at, minutes, place, created_at)"
                 f" VALUES ({institution}, {first}, {soon}, 30, '', 0)")
        late = int(self.sql(f"SELECT id FROM interview_slots WHERE round_id = {first} AND starts_at = {soon}")[0][0])
        self.assertNotIn(f'value="{late}"', ida_page.text)
        refused = ida_client.post(f"{ida_link}/interviews/{first}/book", {"slot_id": str(late)})
        self.assertStatus(refused, 409)
        self.assertIn("kan ikke længere", refused.visible_text)
        self.assertStatus(self.pl.post(f"/cases/{self.case_id}/interviews/{first}/assign",
                                       {"application_id": hans, "slot_id": late}), 303)
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{first}/cancel", {}), 409)
        self.assertStatus(hans_client.post(f"{hans_link}/interviews/{first}/book",
                                           {"slot_id": str(first_slots[1])}), 409)
        self.assertEqual(self.bookings(first), {late: hans})
        # A withdrawn applicant books nothing.
        self.assertStatus(ida_client.post(f"{ida_link}/withdraw", {}), 303)
        self.assertStatus(ida_client.post(f"{ida_link}/interviews/{first}/book",
                                          {"slot_id": str(first_slots[1])}), 409)
        self.assertEqual(self.bookings(first), {late: hans})


class ConcurrentBookingTest(InterviewCase):
    APPLICANTS = 40
    SLOTS = 10

    def test_forty_applicants_booking_ten_slots_at_once_never_share_one(self):
        people = [self.apply(f"Samtidig Ansøger {index:02d}", f"samtidig{index:02d}@example.test")
                  for index in range(self.APPLICANTS)]
        links = [self.link_of(email) for _, email in people]
        round_id = self.make_round("Samtidig")
        self.assertStatus(self.add_slots(round_id, start="08:00", count=str(self.SLOTS), minutes="30"), 303)
        slots = self.slots_of(round_id)
        self.invite(round_id, [application for application, _ in people])
        clients = [self.client() for _ in people]
        for client, link in zip(clients, links):
            client.get(f"{link}/interviews")       # the CSRF cookie, before the race
        barrier = threading.Barrier(self.APPLICANTS)
        statuses = [None] * self.APPLICANTS
        bodies = [""] * self.APPLICANTS

        def book(index):
            barrier.wait()
            response = clients[index].post(f"{links[index]}/interviews/{round_id}/book",
                                           {"slot_id": str(slots[index % self.SLOTS])})
            statuses[index] = response.status
            bodies[index] = response.visible_text

        threads = [threading.Thread(target=book, args=(index,)) for index in range(self.APPLICANTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(statuses.count(303), self.SLOTS, statuses)
        self.assertEqual(statuses.count(409), self.APPLICANTS - self.SLOTS, statuses)
        for status, body in zip(statuses, bodies):
            if status == 409:
                self.assertIn(TAKEN, body)
        held = self.bookings(round_id)
        self.assertEqual(sorted(held), sorted(slots))
        self.assertEqual(len(set(held.values())), self.SLOTS)
        self.assertEqual(self.count(f"SELECT COUNT(*) FROM interview_bookings WHERE round_id = {round_id}"),
                         self.SLOTS)


if __name__ == "__main__":
    unittest.main()
