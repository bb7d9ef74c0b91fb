"""The HR officer's workspace as the server sends it (issue 9): complete demo ads, the public ad's
contact links and salary line, the case list's title and the hint about who creates cases, the
user's roles in words, English role and language names, the ad editor's placeholders in the
interface language and the readable diff between ad versions. The browser side (menus at 375 px,
screenshots, axe) is in web/tests/screens.test.mjs."""

import html
import re
import unittest

from accounts import ADMINISTRATOR, AKADEMIET, PROJEKTLEDER, STYRELSEN, login
from harness import ServerTestCase, execute_sql

DOMAIN_OF = {STYRELSEN: "styrelsen.example.test", AKADEMIET: "akademiet.example.test"}


def definition(page_html, term):
    """The text of the <dd> after <dt>term</dt>, or None."""
    match = re.search(r"<dt>" + re.escape(term) + r"</dt><dd>(.*?)</dd>", page_html, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


class WorkspaceTest(ServerTestCase):
    seed_demo = True

    def sql(self, query):
        return execute_sql(self.server.database_url, query)

    def case_id(self, title):
        return self.sql(f"SELECT id FROM recruitment_cases WHERE title = '{title}'")[0][0]

    def english(self, client):
        client.get("/language/en?return=/")

    # ---- Demo data (finding 7, and the units of finding 12) ----

    def test_every_published_demo_ad_is_complete_and_consistent(self):
        anonymous = self.client()
        ids = re.findall(r'href="/positions/(\d+)"', anonymous.get("/").text)
        self.assertEqual(len(ids), 5, "the five published demo ads are listed")
        for case_id in ids:
            page = anonymous.get(f"/positions/{case_id}")
            self.assertStatus(page, 200)
            title = html.unescape(re.search(r"<h1>(.*?)</h1>", page.text).group(1))
            institution = STYRELSEN if STYRELSEN in page.text else AKADEMIET
            body = re.search(r'<div class="job-ad-body">(.*?)</div>', page.text, re.S).group(1)
            self.assertIn("<h2>Om stillingen</h2>", body, f"{title}: no ad text")
            self.assertIn(title, html.unescape(body), f"{title}: the title placeholder is not filled")
            self.assertNotIn("{{", page.text, f"{title}: a placeholder is left")
            self.assertTrue(definition(page.text, "Løn"), f"{title}: empty salary")
            self.assertTrue(definition(page.text, "Overenskomst"), f"{title}: no collective agreement")
            emails = re.findall(r'href="mailto:([^"]+)"', page.text)
            self.assertGreaterEqual(len(emails), 1, f"{title}: no contact person")
            for address in emails:
                address = html.unescape(address).replace("%40", "@")
                self.assertTrue(address.endswith("@" + DOMAIN_OF[institution]),
                                f"{title} ({institution}) names a contact of another institution: {address}")
            self.assertLessEqual(page.visible_text.count("Løn og ansættelse"), 1,
                                 f"{title}: the salary paragraph is in the ad twice")

    def test_every_demo_case_has_a_unit(self):
        self.assertEqual(self.sql("SELECT COUNT(*) FROM recruitment_cases WHERE unit_id IS NULL")[0][0], "0")
        client = self.client()
        login(client, ADMINISTRATOR)
        page = client.get("/cases")
        units = re.findall(r'<td data-title="Enhed">(.*?)</td>', page.text)
        self.assertEqual(len(units), 5)
        self.assertTrue(all(unit and unit != "Ikke angivet" for unit in units), units)

    def test_the_demo_template_does_not_repeat_the_salary_paragraph(self):
        bodies = self.sql("SELECT body_source FROM ad_templates WHERE language = 'da'")
        for (body,) in bodies:
            self.assertNotIn("Løn og ansættelse", body)
            self.assertNotIn("{{salary}}", body)

    # ---- The public ad (finding 11) ----

    def test_the_public_ad_has_contact_blocks_with_links_and_a_whole_salary_line(self):
        page = self.client().get(f"/positions/{self.case_id('Fuldmægtig til økonomienheden')}")
        blocks = re.findall(r"<ul class=\"nobullet-list contact-list\">(.*?)</ul>", page.text, re.S)
        self.assertEqual(len(blocks), 1)
        people = re.findall(r"<li>(.*?)</li>", blocks[0], re.S)
        self.assertEqual(len(people), 2, "one block per contact person")
        self.assertIn('<span class="contact-name">Pia Projektleder</span>', people[0])
        self.assertIn('href="tel:+4500000001"', people[0])
        self.assertRegex(people[0], r'href="mailto:projektleder(@|%40)styrelsen\.example\.test"')
        self.assertEqual(definition(page.text, "Løn"),
                         "Løn efter overenskomst for akademikere i staten med mulighed for at forhandle tillæg.")
        self.assertEqual(definition(page.text, "Overenskomst"), "AC-overenskomsten")
        self.assertNotIn("staten. AC-overenskomsten", page.visible_text)

    def test_the_public_list_stacks_its_rows_on_small_screens(self):
        page = self.client().get("/")
        self.assertIn('class="table table--zebra table--responsive-headers"', page.text)
        self.assertNotIn("table--responsive-scroll", page.text)
        self.assertIn('<td data-title="Arbejdssted">', page.text)
        self.assertIn('<td data-title="Ansøgningsfrist">', page.text)

    # ---- Lists and overview (finding 12) ----

    def test_those_who_see_every_case_get_all_cases(self):
        client = self.client()
        login(client, ADMINISTRATOR)
        page = client.get("/cases")
        self.assertIn("<h1>Alle sager</h1>", page.text)
        self.assertIn('<a href="/cases" class="nav-link"><span>Alle sager</span></a>', page.text)
        self.assertNotIn("Mine sager", page.visible_text)
        self.assertNotIn("oprettes af institutionens administratorer", page.text)
        case_page = client.get(f"/cases/{self.case_id('Fuldmægtig til økonomienheden')}")
        self.assertIn('<a class="back-link" href="/cases">Alle sager</a>', case_page.text)
        self.assertNotIn("Mine sager", case_page.visible_text)

    def test_a_projektleder_gets_my_cases_her_role_and_who_creates_cases(self):
        client = self.client()
        login(client, PROJEKTLEDER, totp=False)
        cases = client.get("/cases")
        self.assertIn("<h1>Mine sager</h1>", cases.text)
        self.assertIn("Nye rekrutteringssager oprettes af institutionens administratorer", cases.text)
        self.assertNotIn('href="/cases/new"', cases.text)
        home = client.get("/home")
        self.assertIn("<li>Projektleder (på én sag)</li>", home.text)
        self.assertNotIn("Medlem af ansættelsesudvalg", home.text)
        self.assertIn("Nye rekrutteringssager oprettes af institutionens administratorer", home.text)
        self.english(client)
        home = client.get("/home")
        self.assertIn("<li>Project manager (on one case)</li>", home.text)
        self.assertIn(">My cases</a>", home.text)

    # ---- English (finding 13) ----

    def test_english_names_languages_and_roles_in_english(self):
        client = self.client()
        login(client, ADMINISTRATOR)
        self.english(client)
        case_id = self.case_id("Kontorfuldmægtig til sekretariatet")
        editor = client.get(f"/cases/{case_id}/ad?language=da")
        self.assertIn("<h1>Write the ad (Danish)</h1>", editor.text)
        self.assertNotIn("Dansk)", editor.text)
        case_page = client.get(f"/cases/{case_id}")
        self.assertIn("Danish", case_page.visible_text)
        self.assertNotIn("(Dansk)", case_page.visible_text)
        self.assertIn("<h1>All cases</h1>", client.get("/cases").text)

    # ---- The ad editor (finding 10) ----

    def test_the_ad_editor_lists_placeholders_in_the_interface_language(self):
        client = self.client()
        login(client, ADMINISTRATOR)
        case_id = self.case_id("Kontorfuldmægtig til sekretariatet")
        editor = client.get(f"/cases/{case_id}/ad?language=da")
        names = re.findall(r"<dt><code>(.*?)</code>", editor.text)
        self.assertEqual([html.unescape(name) for name in names],
                         ["{{titel}}", "{{arbejdssted}}", "{{løn}}", "{{ansøgningsfrist}}", "{{kontaktperson}}",
                          "{{obligatoriske_tekster}}"])
        self.assertIn("Lønnen, som den står i sagen.", editor.text)
        self.assertNotIn("&#123;&#123;title&#125;&#125;", editor.text)
        # The Danish names are filled in like the English ones.
        saved = client.post(f"/cases/{case_id}/ad",
                            {"language": "da", "body": "## Om stillingen\nVi søger en {{titel}} i {{arbejdssted}}."})
        self.assertStatus(saved, 303)
        preview = client.get(f"/cases/{case_id}/ad/preview?language=da")
        self.assertIn("Vi søger en Kontorfuldmægtig til sekretariatet i Demovej 1, 1000 København K.",
                      preview.visible_text)
        self.english(client)
        names = re.findall(r"<dt><code>(.*?)</code>", client.get(f"/cases/{case_id}/ad?language=da").text)
        self.assertEqual(html.unescape(names[0]), "{{title}}")

    def test_the_diff_between_versions_is_readable_text(self):
        client = self.client()
        login(client, ADMINISTRATOR)
        case_id = self.case_id("Kontorfuldmægtig til sekretariatet")
        for body in ("## Om stillingen\nEn god stilling.\n\n- Fleksibel arbejdstid",
                     "## Om stillingen\nEn rigtig god stilling.\n\n- Fleksibel arbejdstid"):
            self.assertStatus(client.post(f"/cases/{case_id}/ad", {"language": "da", "body": body}), 303)
        version = self.sql(f"SELECT id FROM job_ad_versions WHERE case_id = {case_id} ORDER BY id DESC LIMIT 1")[0][0]
        page = client.get(f"/cases/{case_id}/ad/versions/{version}")
        self.assertStatus(page, 200)
        self.assertNotIn("<pre", page.text)
        self.assertIn('<p class="change-removed"><span class="change-label">Fjernet:</span> <del>En god stilling.</del></p>',
                      page.text)
        self.assertIn('<p class="change-added"><span class="change-label">Tilføjet:</span> <ins>En rigtig god stilling.</ins></p>',
                      page.text)
        self.assertIn("<p><strong>Om stillingen</strong></p>", page.text)
        self.assertIn("<p>• Fleksibel arbejdstid</p>", page.text)
        self.assertIn("<p><strong>Obligatorisk tekst: Opfordring til at søge</strong></p>", page.text)
        self.assertNotIn("[Opfordring til at søge]", page.text)


if __name__ == "__main__":
    unittest.main()
