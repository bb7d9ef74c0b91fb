"""Ranking lists: the committee's internal order of a case's applicants per round. Lists are made and
named; an order is saved as a whole (`order`, as dragging sends it), by typed position numbers or by
the Up and Down buttons, each save a new version with its author, and two versions compare. Only a
member who has declared on every application ranks; an applicant a member declared a conflict of
interest with is left out of what they see and keeps their place when they save. Hostile input is
refused with a message and changes nothing.

Declarations are written to the database directly: this branch has no declarations page yet."""

import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import ADMINISTRATOR, DELTAGER, LEDER, PROJEKTLEDER, signed_in
from harness import ServerTestCase, execute_sql

CASE_TITLE = "Fuldmægtig til økonomienheden"
OTHER_CASE_TITLE = "Jurist til tilsynsenheden"


class RankingCase(ServerTestCase):
    seed_demo = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_id = cls.case_of(CASE_TITLE)
        cls.institution = int(cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {cls.case_id}")[0][0])

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
    def add_application(cls, name, case_id=None):
        """An application of the case, written directly (the form is tested elsewhere)."""
        case_id = case_id or cls.case_id
        institution = cls.sql(f"SELECT institution_id FROM recruitment_cases WHERE id = {case_id}")[0][0]
        now = int(time.time())
        key = re.sub(r"\W", "", name).lower()
        cls.sql("INSERT INTO applications (institution_id, case_id, full_name, email, received_at, idempotency_key,"
                f" created_at, updated_at) VALUES ({institution}, {case_id}, '{name}', '{key}@example.test', {now},"
                f" 'ranking-{key}', {now}, {now})")
        return int(cls.sql(f"SELECT MAX(id) FROM applications WHERE idempotency_key = 'ranking-{key}'")[0][0])

    @classmethod
    def declare(cls, email, conflicts=()):
        """The member declares on every application of the case: a conflict with `conflicts`, else none."""
        user = cls.user_id(email)
        for (application,) in cls.sql(f"SELECT id FROM applications WHERE case_id = {cls.case_id}"):
            cls.sql(f"DELETE FROM conflict_declarations WHERE application_id = {application} AND user_id = {user}")
            conflict = 1 if int(application) in conflicts else 0
            cls.sql("INSERT INTO conflict_declarations (application_id, user_id, institution_id, case_id, conflict,"
                    f" declared_at) VALUES ({application}, {user}, {cls.institution}, {cls.case_id}, {conflict}, 0)")

    @classmethod
    def application_ids(cls):
        return [int(row[0]) for row in cls.sql(
            f"SELECT id FROM applications WHERE case_id = {cls.case_id} AND status <> 'withdrawn' ORDER BY id")]

    def make_list(self, client, name="Til 1. samtale", round="first_interview"):
        response = client.post(f"/cases/{self.case_id}/rankings", {"name": name, "round": round})
        self.assertStatus(response, 303)
        match = re.fullmatch(rf"/cases/{self.case_id}/rankings/(\d+)", response.location)
        self.assertTrue(match, response.location)
        return int(match.group(1))

    def path(self, ranking):
        return f"/cases/{self.case_id}/rankings/{ranking}"

    def stored_order(self, ranking):
        return [int(row[0]) for row in self.sql(
            "SELECT e.application_id FROM ranking_entries e JOIN ranking_versions v ON v.id = e.version_id"
            f" JOIN ranking_lists l ON l.id = v.ranking_list_id AND v.number = l.versions"
            f" WHERE l.id = {ranking} ORDER BY e.position")]

    def version_count(self, ranking):
        return int(self.sql(f"SELECT COUNT(*) FROM ranking_versions WHERE ranking_list_id = {ranking}")[0][0])

    def save(self, client, ranking, fields):
        return client.post(self.path(ranking), fields)

    def shown_order(self, page):
        """The application ids of the list's rows, top first."""
        return [int(value) for value in re.findall(r'<tr data-application-id="(\d+)"', page.text)]


class RankingTest(RankingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.extra = [cls.add_application(f"Ansøger Rangering {letter}") for letter in "CDE"]
        cls.pl = signed_in(cls.server, PROJEKTLEDER, totp=False)
        cls.declare(PROJEKTLEDER)
        cls.declare(LEDER)

    def filled_list(self, client=None):
        """A list with every visible application, in id order, saved once."""
        client = client or self.pl
        ranking = self.make_list(client)
        ids = self.application_ids()
        self.assertStatus(self.save(client, ranking, {"order": ",".join(map(str, ids))}), 303)
        return ranking, ids

    def test_a_member_who_has_not_declared_is_refused(self):
        dennis = signed_in(self.server, DELTAGER, totp=False)
        before = int(self.sql("SELECT COUNT(*) FROM ranking_lists")[0][0])
        page = dennis.get(f"/cases/{self.case_id}/rankings")
        self.assertStatus(page, 403)
        self.assertIn("Erklær dig om hver af sagens ansøgninger", page.visible_text)
        made = dennis.post(f"/cases/{self.case_id}/rankings", {"name": "Dennis' liste", "round": "final"})
        self.assertStatus(made, 403)
        ranking, _ = self.filled_list()
        refused = dennis.post(self.path(ranking), {"order": str(self.application_ids()[0])})
        self.assertStatus(refused, 403)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM ranking_lists")[0][0]), before + 1)
        self.assertEqual(self.version_count(ranking), 1)

    def test_the_administration_without_a_case_role_does_not_rank(self):
        admin = signed_in(self.server, ADMINISTRATOR)
        self.assertStatus(admin.get(f"/cases/{self.case_id}/rankings"), 403)

    def test_the_case_page_links_to_the_lists(self):
        page = self.pl.get(f"/cases/{self.case_id}")
        self.assertStatus(page, 200)
        self.assertIn(f'href="/cases/{self.case_id}/rankings"', page.text)

    def test_a_list_needs_a_name_of_at_most_200_characters_and_a_round(self):
        before = int(self.sql("SELECT COUNT(*) FROM ranking_lists")[0][0])
        for fields, message in (({"name": "  ", "round": "final"}, "Skriv et navn til listen."),
                                ({"name": "x" * 201, "round": "final"}, "Navnet må højst være 200 tegn langt."),
                                ({"name": "Liste", "round": "tredje"}, "Vælg den runde, listen er til.")):
            response = self.pl.post(f"/cases/{self.case_id}/rankings", fields)
            self.assertStatus(response, 400)
            self.assertIn(message, response.visible_text)
        self.assertEqual(int(self.sql("SELECT COUNT(*) FROM ranking_lists")[0][0]), before)
        ranking = self.make_list(self.pl, "x" * 200, "final")
        overview = self.pl.get(f"/cases/{self.case_id}/rankings")
        self.assertIn(f'href="{self.path(ranking)}"', overview.text)
        self.assertIn("Endelig rangering", overview.visible_text)

    def test_applicants_are_added_from_the_case(self):
        ranking = self.make_list(self.pl)
        page = self.pl.get(self.path(ranking))
        self.assertStatus(page, 200)
        self.assertIn("Der er endnu ingen ansøgere på listen", page.visible_text)
        self.assertIn("Astrid Andersen", page.visible_text)
        self.assertNotIn("Camilla Christensen", page.visible_text)  # withdrawn: not offered
        first, second = self.application_ids()[:2]
        added = self.pl.post(self.path(ranking), [("add", "1"), ("version", "0"),
                                                  ("application_id", str(second)), ("application_id", str(first))])
        self.assertStatus(added, 303)
        self.assertEqual(self.stored_order(ranking), [second, first])
        page = self.pl.get(self.path(ranking))
        self.assertEqual(self.shown_order(page), [second, first])
        self.assertIn('name="move_up"', page.text)
        self.assertIn('name="position_%d"' % first, page.text)

    def test_an_order_saves_as_a_new_version_and_redirects_to_the_list(self):
        ranking, ids = self.filled_list()
        reversed_ids = list(reversed(ids))
        response = self.save(self.pl, ranking, {"order": ",".join(map(str, reversed_ids))})
        self.assertStatus(response, 303)
        self.assertTrue(response.location.startswith(self.path(ranking)), response.location)
        self.assertEqual(self.stored_order(ranking), reversed_ids)
        self.assertEqual(self.version_count(ranking), 2)
        page = self.pl.get(response.location)
        self.assertEqual(self.shown_order(page), reversed_ids)
        self.assertIn("Rækkefølgen er gemt som en ny version", page.visible_text)

    def test_an_order_may_take_applicants_off_the_list(self):
        ranking, ids = self.filled_list()
        self.assertStatus(self.save(self.pl, ranking, {"order": str(ids[1])}), 303)
        self.assertEqual(self.stored_order(ranking), [ids[1]])

    def test_typed_positions_reorder_stably(self):
        ranking, ids = self.filled_list()
        fields = {f"position_{application}": str(index + 1) for index, application in enumerate(ids)}
        fields[f"position_{ids[-1]}"] = "1"  # the last one to the top
        self.assertStatus(self.save(self.pl, ranking, fields), 303)
        self.assertEqual(self.stored_order(ranking), [ids[-1]] + ids[:-1])
        # A gap and a tie: the numbers decide, the current order breaks the tie.
        current = self.stored_order(ranking)
        fields = {f"position_{application}": "40" for application in current}
        fields[f"position_{current[2]}"] = "7"
        self.assertStatus(self.save(self.pl, ranking, fields), 303)
        self.assertEqual(self.stored_order(ranking), [current[2]] + current[:2] + current[3:])

    def test_up_and_down_move_one_place(self):
        ranking, ids = self.filled_list()
        self.assertStatus(self.save(self.pl, ranking, {"move_up": str(ids[2])}), 303)
        self.assertEqual(self.stored_order(ranking), [ids[0], ids[2], ids[1]] + ids[3:])
        self.assertStatus(self.save(self.pl, ranking, {"move_down": str(ids[0])}), 303)
        self.assertEqual(self.stored_order(ranking), [ids[2], ids[0], ids[1]] + ids[3:])
        # The top one cannot go further up: a new version with the same order.
        self.assertStatus(self.save(self.pl, ranking, {"move_up": str(ids[2])}), 303)
        self.assertEqual(self.stored_order(ranking), [ids[2], ids[0], ids[1]] + ids[3:])
        self.assertEqual(self.version_count(ranking), 4)

    def test_versions_are_kept_with_author_and_compared(self):
        ranking, ids = self.filled_list()
        lene = signed_in(self.server, LEDER, totp=False)
        moved = [ids[1], ids[0]] + ids[2:-1]  # the last one taken off
        self.assertStatus(self.save(lene, ranking, {"order": ",".join(map(str, moved))}), 303)
        versions = self.pl.get(self.path(ranking) + "/versions")
        self.assertStatus(versions, 200)
        self.assertIn("Pia Projektleder", versions.visible_text)
        self.assertIn("Lene Leder", versions.visible_text)
        compare = self.pl.get(self.path(ranking) + "/compare?from=1&to=2")
        self.assertStatus(compare, 200)
        changes = re.findall(r'<tr data-change="(\w+)">', compare.text)
        self.assertEqual(changes, ["up", "down"] + ["unchanged"] * (len(ids) - 3) + ["removed"])
        self.assertIn("Rykket op", compare.visible_text)
        self.assertIn("Taget af listen", compare.visible_text)
        for query in ("from=1&to=9", "from=x&to=2", "from=1", "from=-1&to=2", "from=99999999999999999999&to=1"):
            self.assertStatus(self.pl.get(self.path(ranking) + "/compare?" + query), 404)
        events = [row[0] for row in self.sql(
            f"SELECT action FROM audit_events WHERE object_type = 'ranking_list' AND object_id = '{ranking}' ORDER BY id")]
        self.assertEqual(events, ["ranking.created", "ranking.saved", "ranking.saved"])
        details = " ".join(row[0] + row[1] for row in self.sql(
            "SELECT before_json, after_json FROM audit_events WHERE object_type = 'ranking_list'"))
        self.assertNotIn("Astrid", details)

    def test_hostile_input_is_refused_and_changes_nothing(self):
        ranking, ids = self.filled_list()
        other_case = self.case_of(OTHER_CASE_TITLE)
        other = int(self.sql(f"SELECT MIN(id) FROM applications WHERE case_id = {other_case}")[0][0])
        withdrawn = int(self.sql(f"SELECT id FROM applications WHERE case_id = {self.case_id}"
                                 " AND status = 'withdrawn'")[0][0])
        cases = [
            ({"order": f"{ids[0]},987654321"}, "ikke er en af sagens ansøgninger"),
            ({"order": f"{ids[0]},{other}"}, "ikke er en af sagens ansøgninger"),
            ({"order": f"{ids[0]},{ids[0]}"}, "mere end én gang"),
            ({"order": f"{ids[0]},abc"}, "Rækkefølgen kunne ikke læses"),
            ({"order": f"{ids[0]},,{ids[1]}"}, "Rækkefølgen kunne ikke læses"),
            ({"order": ",".join(str(n) for n in range(1, 600))}, "Rækkefølgen kunne ikke læses"),
            ({f"position_{ids[0]}": "99999999999999999999999"}, "hele tal fra 1 til 500"),
            ({f"position_{ids[0]}": "501"}, "hele tal fra 1 til 500"),
            ({f"position_{ids[0]}": "0"}, "hele tal fra 1 til 500"),
            ({f"position_{ids[0]}": "-3"}, "hele tal fra 1 til 500"),
            ({f"position_{ids[0]}": "en"}, "hele tal fra 1 til 500"),
            ({f"position_{other}": "1"}, "ikke er på listen"),
            ({"move_up": str(other)}, "ikke på listen"),
            ({"move_down": "x"}, "Rækkefølgen kunne ikke læses"),
            ({"add": "1", "application_id": str(other)}, "ikke er en af sagens ansøgninger"),
            ({"add": "1", "application_id": str(ids[0])}, "mere end én gang"),
            ({"add": "1"}, "Vælg de ansøgere"),
            ({}, "Rækkefølgen kunne ikke læses"),
        ]
        for fields, message in cases:
            with self.subTest(fields=str(fields)[:80]):
                response = self.save(self.pl, ranking, fields)
                self.assertStatus(response, 400)
                self.assertIn(message, response.visible_text)
        # A withdrawn application already on the list stays orderable; adding it again is a duplicate.
        self.assertEqual(self.version_count(ranking), 1)
        self.assertEqual(self.stored_order(ranking), ids)
        self.assertNotIn(withdrawn, ids)
        # Another case's list under this case, and a list that does not exist, are not found.
        self.assertStatus(self.pl.post(f"/cases/{other_case}/rankings/{ranking}", {"order": str(ids[0])}), 404)
        self.assertStatus(self.pl.post(self.path(987654321), {"order": str(ids[0])}), 404)
        # Without the CSRF token: refused with the localized page, nothing saved.
        missing = self.pl.post(self.path(ranking), {"order": str(ids[0])}, csrf=False)
        self.assertStatus(missing, 403)
        self.assertIn("Adgang nægtet", missing.visible_text)
        self.assertEqual(self.version_count(ranking), 1)

    def test_a_save_on_top_of_a_newer_version_is_refused(self):
        ranking, ids = self.filled_list()
        response = self.save(self.pl, ranking, {"version": "0", "order": ",".join(map(str, ids))})
        self.assertStatus(response, 409)
        self.assertIn("En anden gemte listen", response.visible_text)
        self.assertStatus(self.save(self.pl, ranking, {"version": "1", "order": str(ids[0])}), 303)

    def test_a_conflicted_applicant_is_hidden_and_keeps_their_place(self):
        ids = self.application_ids()
        astrid = int(self.sql("SELECT id FROM applications WHERE full_name = 'Astrid Andersen'")[0][0])
        ranking = self.make_list(self.pl)
        full = [ids[-1], astrid] + [i for i in ids if i not in (astrid, ids[-1])]
        self.assertStatus(self.save(self.pl, ranking, {"order": ",".join(map(str, full))}), 303)
        lene = signed_in(self.server, LEDER, totp=False)
        self.declare(LEDER, conflicts={astrid})
        try:
            page = lene.get(self.path(ranking))
            self.assertStatus(page, 200)
            self.assertNotIn("Astrid Andersen", page.visible_text)
            visible = [i for i in full if i != astrid]
            self.assertEqual(self.shown_order(page), visible)
            self.assertNotIn(f'data-application-id="{astrid}"', page.text)
            self.assertNotIn(f'name="position_{astrid}"', page.text)
            self.assertNotIn(f'id="add-{astrid}"', page.text)
            # Lene may not name Astrid in an order, by position or by a move.
            for fields in ({"order": ",".join(map(str, [astrid] + visible))}, {f"position_{astrid}": "1"},
                           {"move_up": str(astrid)}, {"add": "1", "application_id": str(astrid)}):
                self.assertStatus(self.save(lene, ranking, fields), 400)
            # Lene reverses her view: Astrid stays right after the one above her.
            self.assertStatus(self.save(lene, ranking, {"order": ",".join(map(str, reversed(visible)))}), 303)
            stored = self.stored_order(ranking)
            self.assertEqual([i for i in stored if i != astrid], list(reversed(visible)))
            self.assertEqual(stored[stored.index(astrid) - 1], full[0])
            # Typed positions and moves keep her place too.
            self.assertStatus(self.save(lene, ranking, {"move_up": str(full[0])}), 303)
            stored = self.stored_order(ranking)
            self.assertEqual(stored[stored.index(astrid) - 1], full[0])
            # The comparison leaves her out.
            compare = lene.get(self.path(ranking) + "/compare?from=1&to=3")
            self.assertStatus(compare, 200)
            self.assertNotIn("Astrid Andersen", compare.visible_text)
            self.assertEqual(len(re.findall(r"<tr data-change=", compare.text)), len(visible))
            # Pia, without a conflict, sees her.
            self.assertIn("Astrid Andersen", self.pl.get(self.path(ranking)).visible_text)
        finally:
            self.declare(LEDER)

    def test_an_anonymised_round_shows_references_instead_of_names(self):
        ranking, ids = self.filled_list()
        self.sql("INSERT INTO case_screening (case_id, institution_id, individual, scorecard, knockout, anonymous,"
                 f" updated_at) VALUES ({self.case_id}, {self.institution}, 1, 0, 1, 1, 0)")
        try:
            page = self.pl.get(self.path(ranking))
            self.assertStatus(page, 200)
            self.assertNotIn("Astrid Andersen", page.visible_text)
            self.assertRegex(page.visible_text, r"\d{4}-\d{6}")
        finally:
            self.sql(f"DELETE FROM case_screening WHERE case_id = {self.case_id}")


class LongListTest(RankingCase):
    """A list of 200 applicants saves in one transaction, quickly."""

    def test_two_hundred_applicants_save_quickly(self):
        now = int(time.time())
        values = ",".join(
            f"({self.institution}, {self.case_id}, 'Ansøger Lang {n:03d}', 'lang{n:03d}@example.test', {now},"
            f" 'long-{n}', {now}, {now})" for n in range(200))
        self.sql("INSERT INTO applications (institution_id, case_id, full_name, email, received_at, idempotency_key,"
                 f" created_at, updated_at) VALUES {values}")
        self.declare(PROJEKTLEDER)
        pl = signed_in(self.server, PROJEKTLEDER, totp=False)
        ranking = self.make_list(pl)
        ids = [int(row[0]) for row in self.sql(
            "SELECT id FROM applications WHERE idempotency_key LIKE 'long-%' ORDER BY id")]
        self.assertEqual(len(ids), 200)
        timings = []
        for round_number in range(5):
            order = ids[round_number:] + ids[:round_number]
            started = time.monotonic()
            response = self.save(pl, ranking, {"order": ",".join(map(str, order))})
            timings.append(time.monotonic() - started)
            self.assertStatus(response, 303)
            self.assertEqual(self.stored_order(ranking), order)
        page = pl.get(self.path(ranking))
        self.assertStatus(page, 200)
        self.assertEqual(len(self.shown_order(page)), 200)
        # Round trip including HTTP, under a sanitizer build: generous, the target is well under 50 ms
        # of server time.
        self.assertLess(sorted(timings)[2], 0.5, timings)
        print(f"\n200-entry saves (s): {[round(t, 4) for t in timings]}", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
