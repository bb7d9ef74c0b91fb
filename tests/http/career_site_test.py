"""The public career site: the list of open positions with search, filters, sorting and paging, one
institution's list, the ad page with its schema.org JobPosting (JSON-LD) and Open Graph tags, the Atom
feeds and sitemap.xml, the deadline that hides an ad at once, and the caching of anonymous pages
(ETag / Last-Modified / 304, gzip, no cookie on pages without a form, nothing shared with signed-in
users)."""

import gzip
import json
import os
import re
import sys
import time
import unittest
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import PROJEKTLEDER, signed_in
from harness import ServerTestCase, execute_sql

STYRELSEN_ID = 1
AKADEMIET_ID = 2
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
POSITION_LINK = re.compile(r'href="/positions/(\d+)"')


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


class CareerSiteTest(ServerTestCase):
    seed_demo = True
    # The deadline job must not be what hides an ad: it runs far less often than the tests take.
    server_env = {"REKRUT_SERVER_JOB_INTERVAL_SECONDS": "3600"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = int(time.time())
        # 45 generated positions at Demoakademiet: "Testjurist 1..45", every third fixed-term, every fifth
        # a trainee ("Elev"), every fourth in Aalborg (851, the others in Aarhus, 751), deadlines a day
        # apart, published a minute apart (the last is the newest).
        rows = []
        for number in range(1, 46):
            form = "fixed_term" if number % 3 == 0 else "permanent"
            category = "Elev" if number % 5 == 0 else ""
            municipality = "851" if number % 4 == 0 else "751"
            rows.append(f"({AKADEMIET_ID}, 'Testjurist {number}', 'published', 'Testvej {number}, 8000 Aarhus C',"
                        f" '{form}', '{category}', '{municipality}', {now + 86400 * (30 + number)},"
                        f" {now - 10000 + number * 60}, {now}, {now})")
        cls.sql("INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, employment_form,"
                " position_category, municipality_code, application_deadline, published_at, created_at,"
                " updated_at) VALUES "
                + ", ".join(rows))
        cls.generated = {int(row[1].split()[1]): int(row[0]) for row in
                         cls.sql("SELECT id, title FROM recruitment_cases WHERE title LIKE 'Testjurist %'")}
        cls.wait_until(lambda: "Testjurist 45" in cls.server.client().get("/?q=testjurist+45").text)

    @classmethod
    def sql(cls, query):
        return execute_sql(cls.server.database_url, query)

    @classmethod
    def wait_until(cls, condition, timeout=10.0):
        """The list is rebuilt from the database every second."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError("the career site did not show the change within %.0f s" % timeout)

    def ids_on(self, response):
        self.assertStatus(response, 200)
        return [int(found) for found in POSITION_LINK.findall(response.text)]

    def caption_count(self, response):
        match = re.search(r"<caption>[^<(]*\((\d+)\)</caption>", response.text)
        return int(match.group(1)) if match else 0

    def publish_generated(self, title, deadline, institution=STYRELSEN_ID):
        now = int(time.time())
        case_id = int(self.sql(
            "INSERT INTO recruitment_cases (institution_id, title, state, place_of_work, application_deadline,"
            f" published_at, created_at, updated_at) VALUES ({institution}, {quoted(title)}, 'published',"
            f" 'Demovej 1, 1000 København K', {deadline}, {now}, {now}, {now}) RETURNING id")[0][0])
        self.wait_until(lambda: self.client().get(f"/positions/{case_id}").status == 200)
        return case_id

    # -- the list

    def test_search_filters_sorting_and_paging(self):
        client = self.client()
        first = client.get("/?q=Testjurist")
        self.assertEqual(self.caption_count(first), 45)
        self.assertEqual(len(self.ids_on(first)), 20, "20 positions per page")
        self.assertIn('href="/?q=Testjurist&amp;page=2"', first.text)
        self.assertEqual(self.ids_on(first)[0], self.generated[1], "soonest deadline first")
        last = client.get("/?q=testjurist&page=3")
        self.assertEqual(len(self.ids_on(last)), 5)
        self.assertIn("Side 3 / 3", last.visible_text)
        self.assertEqual(self.ids_on(client.get("/?q=testjurist&page=999")), self.ids_on(last), "clamped")
        # Every word must match, in any case; Danish letters fold too.
        self.assertEqual(self.ids_on(client.get("/?q=TESTJURIST+44")), [self.generated[44]])
        self.assertEqual(self.ids_on(client.get("/?q=%C3%85RHUS+testjurist+45")), [])
        self.assertEqual(self.ids_on(client.get("/?q=aarhus+testjurist+45")), [self.generated[45]])
        # Filters: employment form, category, institution; each option comes from the open positions.
        fixed = client.get("/?q=testjurist&employment_form=fixed_term")
        self.assertEqual(self.caption_count(fixed), 15)
        trainee = client.get("/?q=testjurist&category=Elev")
        self.assertEqual(self.caption_count(trainee), 9)
        self.assertIn('<option value="Elev" selected>', trainee.text)
        both = client.get("/?q=testjurist&category=Elev&employment_form=fixed_term")
        self.assertEqual(self.ids_on(both), [self.generated[15], self.generated[30], self.generated[45]])
        aalborg = client.get("/?q=testjurist&municipality=851")
        self.assertEqual(self.caption_count(aalborg), 11)
        self.assertIn('<option value="851" selected>Aalborg</option>', aalborg.text)
        self.assertEqual(self.caption_count(client.get("/?q=testjurist&municipality=851&employment_form=fixed_term")),
                         3, "12, 24 and 36")
        styrelsen = client.get(f"/?q=testjurist&institution={STYRELSEN_ID}")
        self.assertEqual(self.ids_on(styrelsen), [])
        self.assertIn("Ingen ledige stillinger passer til din søgning.", styrelsen.visible_text)
        self.assertEqual(self.caption_count(client.get(f"/?q=testjurist&institution={AKADEMIET_ID}")), 45)
        # Newest first: by publication.
        newest = client.get("/?q=testjurist&sort=newest")
        self.assertEqual(self.ids_on(newest)[:2], [self.generated[45], self.generated[44]])
        self.assertIn('<option value="newest" selected>', newest.text)

    def test_bad_parameters_are_ignored(self):
        client = self.client()
        reference = self.ids_on(client.get("/"))
        for query in ("page=abc", "page=-1", "page=0", "institution=abc", "institution=99999999999999999999",
                      "employment_form=%3Cscript%3E", "sort=sideways", "category=" + "x" * 500,
                      "q=" + "a" * 5000, "q=%C3%A6%C3%B8%C3%A5", "page=1&page=2"):
            with self.subTest(query=query):
                response = client.get("/?" + query)
                self.assertStatus(response, 200)
                self.assertNotIn("<script>", response.text)
        self.assertEqual(self.ids_on(client.get("/?page=abc&sort=sideways")), reference)
        long_search = client.get("/?q=" + "a" * 5000)
        self.assertIn('maxlength="200"', long_search.text)
        self.assertNotIn("a" * 201, long_search.text, "the search text is cut to 200 characters")

    def test_one_institutions_list(self):
        client = self.client()
        page = client.get(f"/institutions/{AKADEMIET_ID}?q=testjurist")
        self.assertEqual(self.caption_count(page), 45)
        self.assertIn("<h1>Demoakademiet</h1>", page.text)
        self.assertNotIn('id="institution"', page.text, "no institution filter on one institution's list")
        self.assertIn(f'href="/institutions/{AKADEMIET_ID}?q=testjurist&amp;page=2"', page.text)
        styrelsen = self.ids_on(client.get(f"/institutions/{STYRELSEN_ID}"))
        self.assertTrue(styrelsen)
        self.assertFalse(set(styrelsen) & set(self.generated.values()))
        for path in ("/institutions/987654", "/institutions/abc", "/institutions/0"):
            with self.subTest(path=path):
                self.assertStatus(client.get(path), 404)

    # -- the deadline

    def test_the_deadline_hides_an_ad_at_once(self):
        deadline = int(time.time()) + 3
        case_id = self.publish_generated("Kortvarig stilling", deadline)
        client = self.client()
        self.assertIn(case_id, self.ids_on(client.get("/?q=kortvarig")))
        self.assertIn(f"/positions/{case_id}", client.get("/sitemap.xml").text)
        self.assertIn(f"/positions/{case_id}", client.get("/feed.atom").text)
        while time.time() < deadline:
            time.sleep(0.05)
        # Right after the deadline, before any background job: gone from every public place.
        self.assertStatus(client.get(f"/positions/{case_id}"), 404)
        self.assertNotIn(case_id, self.ids_on(client.get("/?q=kortvarig")))
        self.assertNotIn(f"/positions/{case_id}", client.get("/sitemap.xml").text)
        self.assertNotIn(f"/positions/{case_id}", client.get("/feed.atom").text)
        state = self.sql(f"SELECT state FROM recruitment_cases WHERE id = {case_id}")[0][0]
        self.assertEqual(state, "published", "the deadline job ran; the test shows nothing")

    # -- the ad page

    def test_the_ad_page_has_facts_apply_and_the_employer(self):
        page = self.client().get("/positions/1")
        self.assertStatus(page, 200)
        text = page.visible_text
        for label in ("Ansøgningsfrist", "Arbejdssted", "Ansættelse", "Ugentlig arbejdstid", "Kontakt"):
            self.assertIn(label, text)
        self.assertIn('href="/positions/1/apply"', page.text)
        self.assertIn("Om arbejdsgiveren", text)
        self.assertIn(f'href="/institutions/{STYRELSEN_ID}"', page.text)

    def test_job_posting_json_ld_and_open_graph(self):
        page = self.client().get("/positions/1")
        [block] = JSON_LD.findall(page.text)
        posting = json.loads(block)
        self.assertEqual(posting["@context"], "https://schema.org/")
        self.assertEqual(posting["@type"], "JobPosting")
        for field in ("title", "description", "datePosted", "validThrough", "hiringOrganization", "jobLocation",
                      "employmentType"):
            self.assertTrue(posting.get(field), f"JobPosting without {field}")
        self.assertEqual(posting["hiringOrganization"]["@type"], "Organization")
        self.assertEqual(posting["hiringOrganization"]["name"], "Styrelsen for Demoforvaltning")
        address = posting["jobLocation"]["address"]
        self.assertEqual(posting["jobLocation"]["@type"], "Place")
        self.assertEqual(address["@type"], "PostalAddress")
        self.assertEqual(address["addressCountry"], "DK")
        self.assertTrue(address.get("streetAddress") or address.get("addressLocality"))
        self.assertRegex(posting["datePosted"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertRegex(posting["validThrough"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertLess(posting["datePosted"], posting["validThrough"])
        self.assertTrue(set(posting["employmentType"]) <= {"FULL_TIME", "PART_TIME", "TEMPORARY"})
        self.assertTrue(posting["url"].endswith("/positions/1"))
        for tag in ("og:title", "og:description", "og:url", "og:type", "og:locale"):
            self.assertRegex(page.text, rf'<meta property="{tag}" content="[^"]+">')

    def test_json_ld_cannot_break_out_of_its_script(self):
        title = 'Skurk</script><script>alert("xss")</script><!-- & >'
        case_id = self.publish_generated(title, int(time.time()) + 86400)
        page = self.client().get(f"/positions/{case_id}")
        self.assertStatus(page, 200)
        [block] = JSON_LD.findall(page.text)
        self.assertEqual(json.loads(block)["title"], title)
        self.assertNotIn("<", block)
        self.assertEqual(page.text.count("<script"), 3, "the JSON-LD and the two script files, nothing more")
        self.assertNotIn('<script>alert("xss")', page.text)
        self.assertNotIn("<!-- &", page.text)

    # -- feeds and sitemap

    def test_atom_feeds_parse_and_list_the_open_positions(self):
        client = self.client()
        response = client.get("/feed.atom")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("application/atom+xml"), response.content_type)
        feed = ElementTree.fromstring(response.body)
        self.assertEqual(feed.tag, ATOM + "feed")
        for child in ("id", "title", "updated"):
            self.assertTrue(feed.findtext(ATOM + child), child)
        entries = feed.findall(ATOM + "entry")
        self.assertGreaterEqual(len(entries), 47)
        links = [entry.find(ATOM + "link").get("href") for entry in entries]
        self.assertTrue(links[0].endswith(f"/positions/{max(self.generated.values())}") or
                        "Testjurist" not in entries[0].findtext(ATOM + "title"), "newest first")
        for entry in entries:
            for child in ("id", "title", "updated", "published", "summary"):
                self.assertTrue(entry.findtext(ATOM + child), child)
        institution = ElementTree.fromstring(client.get(f"/institutions/{AKADEMIET_ID}/feed.atom").body)
        authors = {entry.findtext(f"{ATOM}author/{ATOM}name") for entry in institution.findall(ATOM + "entry")}
        self.assertEqual(authors, {"Demoakademiet"})
        self.assertStatus(client.get("/institutions/987654/feed.atom"), 404)
        english = ElementTree.fromstring(client.get("/feed.atom", headers={"Accept-Language": "en"}).body)
        self.assertEqual(english.findtext(ATOM + "title"), "Open positions")
        self.assertIn('type="application/atom+xml"', client.get("/").text)

    def test_sitemap_lists_the_lists_and_every_open_ad(self):
        response = self.client().get("/sitemap.xml")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("application/xml"), response.content_type)
        urlset = ElementTree.fromstring(response.body)
        self.assertEqual(urlset.tag, SITEMAP + "urlset")
        locations = [url.findtext(SITEMAP + "loc") for url in urlset.findall(SITEMAP + "url")]
        self.assertTrue(all(location.startswith("http") for location in locations))
        for case_id in self.generated.values():
            self.assertIn(f"/positions/{case_id}", "\n".join(locations))
        self.assertTrue(any(location.endswith(f"/institutions/{AKADEMIET_ID}") for location in locations))
        drafts = {int(row[0]) for row in self.sql("SELECT id FROM recruitment_cases WHERE state <> 'published'")}
        listed = {int(location.rsplit("/", 1)[1]) for location in locations if "/positions/" in location}
        self.assertFalse(drafts & listed, "a case that is not published is in the sitemap")

    # -- caching

    def test_etag_last_modified_and_304(self):
        for path in ("/", "/?q=testjurist&page=2", "/positions/1", f"/institutions/{AKADEMIET_ID}", "/feed.atom",
                     "/sitemap.xml"):
            with self.subTest(path=path):
                client = self.client()
                first = client.get(path)
                self.assertStatus(first, 200)
                etag = first.header("ETag")
                self.assertTrue(etag, "no ETag")
                self.assertTrue(first.header("Last-Modified", "").endswith(" GMT"))
                cache_control = first.header("Cache-Control", "")
                self.assertIn("public", cache_control)
                self.assertRegex(cache_control, r"max-age=\d+")
                self.assertNotIn("no-store", cache_control)
                again = client.get(path, headers={"If-None-Match": etag})
                self.assertStatus(again, 304)
                self.assertEqual(again.body, b"")
                self.assertEqual(again.header("ETag"), etag)
                self.assertStatus(client.get(path, headers={"If-None-Match": '"other", ' + etag}), 304)
                self.assertStatus(client.get(path, headers={"If-None-Match": '"other"'}), 200)
                since = client.get(path, headers={"If-Modified-Since": first.header("Last-Modified")})
                self.assertStatus(since, 304)
        # English is another page with another tag.
        danish = self.client().get("/positions/1")
        english = self.client().get("/positions/1", headers={"Accept-Language": "en"})
        self.assertNotEqual(danish.header("ETag"), english.header("ETag"))

    def test_a_change_gives_a_new_etag(self):
        client = self.client()
        before = client.get("/").header("ETag")
        case_id = self.publish_generated("Ny stilling med nyt mærke", int(time.time()) + 86400)
        after = client.get("/")
        self.assertNotEqual(after.header("ETag"), before)
        self.assertStatus(client.get("/", headers={"If-None-Match": before}), 200)
        self.sql(f"UPDATE recruitment_cases SET title = 'Omdøbt stilling', updated_at = updated_at + 1"
                 f" WHERE id = {case_id}")
        self.wait_until(lambda: "Omdøbt stilling" in self.client().get(f"/positions/{case_id}").text)

    def test_a_position_leaving_the_list_changes_last_modified(self):
        case_id = self.publish_generated("Stilling der aflyses", int(time.time()) + 86400)
        client = self.client()
        before = client.get("/")
        time.sleep(1.1)  # Last-Modified counts whole seconds
        self.sql(f"UPDATE recruitment_cases SET state = 'cancelled' WHERE id = {case_id}")
        self.wait_until(lambda: self.client().get(f"/positions/{case_id}").status == 404)
        after = client.get("/", headers={"If-Modified-Since": before.header("Last-Modified")})
        self.assertStatus(after, 200)
        self.assertNotEqual(after.header("Last-Modified"), before.header("Last-Modified"))

    def test_no_cookie_on_pages_without_a_form(self):
        for path in ("/", "/?q=x", "/positions/1", f"/institutions/{STYRELSEN_ID}", "/feed.atom", "/sitemap.xml"):
            with self.subTest(path=path):
                response = self.client().get(path)
                self.assertStatus(response, 200)
                self.assertEqual(response.headers.get_all("Set-Cookie"), [])
        # A page with a form still gets its CSRF cookie.
        self.assertIn("rekrut_csrf", self.client().get("/login").set_cookies)
        self.assertIn("rekrut_csrf", self.client().get("/positions/1/apply").set_cookies)

    def test_gzip_where_the_client_takes_it(self):
        plain = self.client().get("/?q=testjurist")
        self.assertIsNone(plain.header("Content-Encoding"))
        compressed = self.client().get("/?q=testjurist", headers={"Accept-Encoding": "br, gzip;q=0.8"})
        self.assertEqual(compressed.header("Content-Encoding"), "gzip")
        self.assertIn("Accept-Encoding", compressed.header("Vary", ""))
        self.assertIn("Accept-Language", compressed.header("Vary", ""))
        self.assertEqual(gzip.decompress(compressed.body), plain.body)
        self.assertLess(len(compressed.body), len(plain.body) / 3)
        self.assertEqual(compressed.header("ETag"), plain.header("ETag"))
        refused = self.client().get("/?q=testjurist", headers={"Accept-Encoding": "gzip;q=0, identity"})
        self.assertIsNone(refused.header("Content-Encoding"))
        self.assertEqual(refused.body, plain.body)

    def test_signed_in_users_get_their_own_pages(self):
        pia = signed_in(self.server, PROJEKTLEDER, totp=False)
        for path in ("/", "/positions/1"):
            with self.subTest(path=path):
                own = pia.get(path)
                self.assertStatus(own, 200)
                # The header names her and has the logout form.
                self.assertIn('<span class="user rekrut-wide-only">Pia Projektleder</span>', own.text)
                self.assertIn('action="/logout"', own.text)
                self.assertIn("no-store", own.header("Cache-Control", ""))
                self.assertIsNone(own.header("ETag"))
                anonymous = self.client().get(path)
                self.assertNotIn('class="user rekrut-wide-only"', anonymous.text)
                self.assertNotIn('action="/logout"', anonymous.text)
                self.assertIn("public", anonymous.header("Cache-Control", ""))
        # A cookie that names no session is not given shared bytes either.
        stranger = self.client()
        stranger.set_cookie("rekrut_session", "0" * 64)
        self.assertIn("no-store", stranger.get("/").header("Cache-Control", ""))


if __name__ == "__main__":
    unittest.main()
