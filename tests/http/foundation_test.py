"""Foundation behaviour of the Rekrut server, seen from outside: operations endpoints, the front
page, languages, error pages, security headers, CSRF, hostile input, configuration, the CLI and
graceful shutdown. Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE)."""

import re
import signal
import socket
import sqlite3
import threading
import time
import unittest
import urllib.parse

from harness import (Client, PartialPost, Server, ServerTestCase, database_kind, database_url, execute_sql,
                     free_port, raw_status, run_rekrut)

# Published demo cases (seed-demo) and those that must not be listed.
DEMO_OPEN = ["Fuldmægtig til økonomienheden", "Specialkonsulent i digital forvaltning",
             "Studentermedhjælper til HR", "Adjunkt i datalogi", "IT-supporter"]
DEMO_NOT_OPEN = ["Kontorfuldmægtig til sekretariatet", "Jurist til tilsynsenheden", "Laborant"]

METRIC_LINE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)$")
METRIC_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text):
    """Prometheus text format → (samples, types): samples is a list of (name, labels dict, value)."""
    samples, types = [], {}
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(None, 3)
            types[name] = kind
            continue
        if not line or line.startswith("#"):
            continue
        match = METRIC_LINE.match(line)
        if not match:
            raise AssertionError(f"not a Prometheus sample line: {line!r}")
        labels = dict(METRIC_LABEL.findall(match.group(3) or ""))
        samples.append((match.group(1), labels, float(match.group(4))))
    return samples, types


def browser_view_of_location(location):
    """How a browser resolves a Location: the WHATWG URL parser drops tab/CR/LF and treats '\\'
    as '/' in http(s) URLs."""
    return re.sub(r"[\t\r\n]", "", location).replace("\\", "/")


class FoundationTestCase(ServerTestCase):
    """Shared assertions."""

    def assertHealthy(self):
        response = self.client().get("/healthz")
        self.assertStatus(response, 200, "the server is no longer healthy")

    def assertSecurityHeaders(self, response):
        where = f"{response.method} {response.path} ({response.status})"
        csp = response.header("Content-Security-Policy")
        self.assertIsNotNone(csp, f"no Content-Security-Policy on {where}")
        directives = {part.strip().split(" ")[0]: part.strip() for part in csp.split(";") if part.strip()}
        self.assertIn("frame-ancestors", directives, where)
        self.assertIn("'none'", directives["frame-ancestors"], where)
        script_src = directives.get("script-src") or directives.get("default-src")
        self.assertIsNotNone(script_src, f"CSP restricts no scripts on {where}")
        self.assertNotIn("'unsafe-inline'", script_src, where)
        self.assertNotIn("'unsafe-eval'", script_src, where)
        self.assertEqual(response.header("X-Content-Type-Options"), "nosniff", where)
        self.assertIn(response.header("Referrer-Policy"),
                      ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"), where)

    def assertErrorPage(self, response, status, danish_title):
        """A localized (Danish) HTML error page with an error reference equal to X-Request-Id."""
        self.assertStatus(response, status)
        self.assertTrue(response.content_type.startswith("text/html"), response.content_type)
        self.assertIn('<html lang="da"', response.text)
        self.assertIn(danish_title, response.text)
        request_id = response.header("X-Request-Id")
        self.assertTrue(request_id, "no X-Request-Id header")
        self.assertIn("Fejlreference", response.text)
        self.assertIn(request_id, response.text, "the error page does not show the request id")
        self.assertSecurityHeaders(response)


class OperationsTest(FoundationTestCase):
    """/healthz and /readyz on a fresh database, and /metrics on the internal listener
    (server.metrics_listen)."""

    METRICS_PORT = free_port()
    server_env = {"REKRUT_SERVER_METRICS_LISTEN": f"127.0.0.1:{METRICS_PORT}"}

    def get_metrics(self):
        return Client(("127.0.0.1", self.METRICS_PORT)).get("/metrics")

    def test_healthz(self):
        response = self.client().get("/healthz")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("application/json"), response.content_type)
        self.assertEqual(response.json().get("status"), "ok")

    def test_readyz_when_ready(self):
        response = self.client().get("/readyz")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("application/json"), response.content_type)
        body = response.json()
        self.assertEqual(body.get("status"), "ready")
        self.assertIs(body.get("database"), True)
        self.assertIs(body.get("migrations_current"), True)

    def test_metrics_counts_requests_by_route_pattern(self):
        client = self.client()
        self.assertStatus(client.get("/"), 200)
        self.assertStatus(client.get("/healthz"), 200)
        self.assertStatus(client.get("/no-such-page-7f3a9"), 404)
        self.assertStatus(client.get("/language/en?return=/"), 303)
        response = self.get_metrics()
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("text/plain"), response.content_type)
        samples, types = parse_metrics(response.text)
        self.assertEqual(types.get("rekrut_http_requests_total"), "counter")

        def requests(route, method, status):
            return sum(value for name, labels, value in samples if name == "rekrut_http_requests_total"
                       and labels.get("route") == route and labels.get("method") == method
                       and labels.get("status") == str(status))

        self.assertGreaterEqual(requests("/", "GET", 200), 1)
        self.assertGreaterEqual(requests("/healthz", "GET", 200), 1)
        self.assertGreaterEqual(requests("/language/:language", "GET", 303), 1)
        # Unknown paths and concrete parameters must not become label values (unbounded cardinality).
        self.assertNotIn("no-such-page-7f3a9", response.text)
        self.assertNotIn('route="/language/en"', response.text)
        self.assertGreaterEqual(sum(value for name, labels, value in samples
                                    if name == "rekrut_http_requests_total" and labels.get("status") == "404"), 1)

    def test_metrics_latency_histogram_is_consistent(self):
        client = self.client()
        for _ in range(3):
            self.assertStatus(client.get("/"), 200)
        response = self.get_metrics()
        samples, types = parse_metrics(response.text)
        self.assertEqual(types.get("rekrut_http_request_duration_seconds"), "histogram")
        routes = {labels["route"] for name, labels, _ in samples
                  if name == "rekrut_http_request_duration_seconds_bucket"}
        self.assertIn("/", routes)
        for route in routes:
            with self.subTest(route=route):
                buckets = [(labels["le"], value) for name, labels, value in samples
                           if name == "rekrut_http_request_duration_seconds_bucket" and labels["route"] == route]
                self.assertEqual(buckets[-1][0], "+Inf")
                bounds = [float(le) for le, _ in buckets]
                self.assertEqual(bounds, sorted(bounds), "bucket bounds are not ascending")
                counts = [value for _, value in buckets]
                self.assertEqual(counts, sorted(counts), "bucket counts are not cumulative")
                count = [value for name, labels, value in samples
                         if name == "rekrut_http_request_duration_seconds_count" and labels["route"] == route]
                total = [value for name, labels, value in samples
                         if name == "rekrut_http_request_duration_seconds_sum" and labels["route"] == route]
                self.assertEqual(count, [counts[-1]], "+Inf bucket differs from _count")
                self.assertEqual(len(total), 1)
                self.assertGreaterEqual(total[0], 0)
        home = [value for name, labels, value in samples
                if name == "rekrut_http_request_duration_seconds_count" and labels["route"] == "/"]
        self.assertGreaterEqual(home[0], 3)

    def test_metrics_database_pool_gauges(self):
        samples, types = parse_metrics(self.get_metrics().text)
        values = {name: value for name, labels, value in samples if not labels}
        for gauge in ("rekrut_db_pool_size", "rekrut_db_pool_sessions_in_use"):
            self.assertEqual(types.get(gauge), "gauge", gauge)
            self.assertIn(gauge, values)
        self.assertGreaterEqual(values["rekrut_db_pool_size"], 1)
        self.assertGreaterEqual(values["rekrut_db_pool_sessions_in_use"], 0)
        self.assertLessEqual(values["rekrut_db_pool_sessions_in_use"], values["rekrut_db_pool_size"])


class FrontPageTest(FoundationTestCase):
    """The front page and languages on an empty database."""

    def test_empty_database_lists_no_positions(self):
        response = self.client().get("/")
        self.assertStatus(response, 200)
        self.assertTrue(response.content_type.startswith("text/html"), response.content_type)
        self.assertIn("Ledige stillinger", response.text)
        self.assertIn("Der er ingen ledige stillinger lige nu.", response.text)
        self.assertNotIn("<table", response.text)

    def test_danish_by_default(self):
        response = self.client().get("/")
        self.assertIn('<html lang="da"', response.text)
        self.assertEqual(response.header("Content-Language"), "da")
        self.assertIn("<title>Ledige stillinger", response.text)
        self.assertIn("/language/en?return=", response.text, "no link to switch to English")

    def test_english_via_accept_language(self):
        response = self.client().get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
        self.assertStatus(response, 200)
        self.assertIn('<html lang="en"', response.text)
        self.assertEqual(response.header("Content-Language"), "en")
        self.assertIn("Open positions", response.text)
        self.assertIn("There are no open positions right now.", response.text)
        self.assertIn("/language/da?return=", response.text, "no link to switch to Danish")
        self.assertIn("Accept-Language", response.header("Vary", ""))

    def test_accept_language_preferences(self):
        cases = {"da, en;q=0.8": "da", "en;q=0.5, da;q=0.9": "da", "fr-FR, en;q=0.5": "en", "fr, de": "da",
                 "EN-us": "en", "*": "da", "": "da"}
        for header, language in cases.items():
            with self.subTest(accept_language=header):
                response = self.client().get("/", headers={"Accept-Language": header})
                self.assertStatus(response, 200)
                self.assertEqual(response.header("Content-Language"), language)

    def test_accept_language_q0_means_not_acceptable(self):
        # RFC 9110 §12.4.2: q=0 means "not acceptable", so this client must get the default (Danish).
        response = self.client().get("/", headers={"Accept-Language": "en;q=0"})
        self.assertStatus(response, 200)
        self.assertEqual(response.header("Content-Language"), "da")

    def test_language_switch_sets_cookie_and_redirects_back(self):
        client = self.client()
        response = client.get("/language/en?return=/")
        self.assertIn(response.status, (302, 303))
        self.assertEqual(response.location, "/")
        cookie = response.set_cookies.get("rekrut_lang")
        self.assertIsNotNone(cookie, "no rekrut_lang cookie")
        self.assertEqual(cookie.value, "en")
        self.assertEqual(cookie.attributes.get("path"), "/")
        self.assertTrue(cookie.http_only)
        self.assertIn((cookie.same_site or "").lower(), ("lax", "strict"))
        self.assertFalse(cookie.expired)
        page = client.follow(response)
        self.assertIn('<html lang="en"', page.text)
        self.assertIn("Open positions", page.text)
        # The cookie beats Accept-Language.
        page = client.get("/", headers={"Accept-Language": "da"})
        self.assertEqual(page.header("Content-Language"), "en")
        # And back to Danish.
        response = client.get("/language/da?return=/")
        self.assertEqual(response.location, "/")
        self.assertEqual(client.cookie("rekrut_lang"), "da")
        self.assertIn("Ledige stillinger", client.get("/").text)

    def test_language_link_returns_to_the_current_page(self):
        client = self.client()
        page = client.get("/no-such-page?x=1")
        links = [link for link in page.links() if link.startswith("/language/en")]
        self.assertEqual(len(links), 1, page.links())
        response = client.get(links[0])
        self.assertIn(response.status, (302, 303))
        self.assertTrue(response.location.startswith("/no-such-page"), response.location)

    def test_unknown_language_is_404(self):
        response = self.client().get("/language/xx?return=/")
        self.assertErrorPage(response, 404, "Siden findes ikke")
        self.assertNotIn("rekrut_lang", response.set_cookies)

    def test_language_switch_refuses_open_redirects(self):
        hostile = ["//evil.example", "https://evil.example/", "http:evil.example", "/\\evil.example",
                   "\\\\evil.example", "evil.example", "javascript:alert(1)", ""]
        for target in hostile:
            with self.subTest(return_=target):
                response = self.client().get("/language/en?return=" + urllib.parse.quote(target, safe=""))
                self.assertIn(response.status, (302, 303))
                self.assertEqual(response.location, "/")

    def test_language_switch_refuses_control_characters_in_return(self):
        # Browsers drop tab/CR/LF from URLs, so "/\t/evil.example" is "//evil.example" to them; CR/LF
        # must not produce a broken redirect either. Either way the target must stay on this site.
        for encoded in ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example",
                        "/%0d%0aSet-Cookie:%20injected=1"]:
            with self.subTest(return_=encoded):
                response = self.client().get("/language/en?return=" + encoded)
                self.assertIn(response.status, (302, 303))
                self.assertIsNotNone(response.location, "a redirect without Location")
                self.assertNotIn("injected", response.set_cookies)
                seen = browser_view_of_location(response.location)
                parts = urllib.parse.urlsplit(seen)
                self.assertTrue(seen.startswith("/") and not seen.startswith("//") and not parts.netloc,
                                f"Location {response.location!r} leaves the site")

    def test_language_switch_keeps_local_targets(self):
        for target in ["/", "/no-such-page", "/?a=1&b=2"]:
            with self.subTest(return_=target):
                response = self.client().get("/language/en?return=" + urllib.parse.quote(target, safe=""))
                self.assertEqual(response.location, target)


class HeadRequestTest(FoundationTestCase):
    """HEAD answers with the headers GET would send, Content-Length included, and no body."""

    def test_head_has_the_get_length_and_no_body(self):
        client = self.client()
        for path in ("/", "/healthz", "/static/app/rekrut.css", "/no-such-page"):
            with self.subTest(path=path):
                get = client.get(path)
                reply = client.raw(f"HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode(),
                                   half_close=False)
                head, _, body = reply.partition(b"\r\n\r\n")
                self.assertEqual(raw_status(reply), get.status)
                lengths = re.findall(rb"(?im)^content-length:\s*(\d+)", head)
                self.assertEqual([int(n) for n in lengths], [len(get.body)], head.decode(errors="replace"))
                self.assertEqual(body, b"", "HEAD sent a body")


class SecurityHeadersTest(FoundationTestCase):
    """Headers and markup that keep pages safe in a browser."""

    def test_security_headers_on_pages(self):
        client = self.client()
        for path in ["/", "/no-such-page", "/language/en?return=/", "/healthz", "/readyz", "/metrics",
                     "/static/app/rekrut.css"]:
            with self.subTest(path=path):
                self.assertSecurityHeaders(client.get(path))

    def test_pages_have_no_inline_script_or_style(self):
        client = self.client()
        for path in ["/", "/no-such-page"]:
            for language in ("da", "en"):
                with self.subTest(path=path, language=language):
                    text = client.get(path, headers={"Accept-Language": language}).text
                    for script in re.findall(r"<script\b([^>]*)>(.*?)</script>", text, re.S | re.I):
                        self.assertIn("src=", script[0], "inline <script> (blocked by the CSP)")
                        self.assertEqual(script[1].strip(), "", "inline script content")
                    self.assertNotRegex(text, r"(?i)<[^>]+\son[a-z]+\s*=", "inline event handler")
                    self.assertNotRegex(text, r"(?i)<style\b", "inline <style> (blocked by the CSP)")
                    self.assertNotRegex(text, r"(?i)<[^>]+\sstyle\s*=", "style attribute (blocked by the CSP)")
                    self.assertNotRegex(text, r"(?i)href\s*=\s*[\"']?\s*javascript:", "javascript: URL")

    def test_pages_are_not_cached_and_vary_on_language(self):
        # Pages with a form are not cached; the career site's are (career_site_test.py).
        response = self.client().get("/login")
        self.assertIn("no-store", response.header("Cache-Control", ""))
        vary = response.header("Vary", "")
        self.assertIn("Accept-Language", vary)
        self.assertIn("Cookie", vary)
        front = self.client().get("/")
        self.assertIn("Accept-Language", front.header("Vary", ""))

    def test_static_files(self):
        client = self.client()
        css = client.get("/static/app/rekrut.css")
        self.assertStatus(css, 200)
        self.assertTrue(css.content_type.startswith("text/css"), css.content_type)
        dkfds = client.get("/static/dkfds/css/dkfds.min.css")
        self.assertStatus(dkfds, 200)
        self.assertTrue(dkfds.content_type.startswith("text/css"), dkfds.content_type)
        script = client.get("/static/dkfds/js/dkfds.min.js")
        self.assertStatus(script, 200)
        self.assertIn("javascript", script.content_type)
        self.assertErrorPage(client.get("/static/app/no-such-file.css"), 404, "Siden findes ikke")

    def test_csrf_cookie(self):
        client = self.client()
        # A page with a form; the career site's formless pages set no cookie (career_site_test.py).
        response = client.get("/login")
        cookie = response.set_cookies.get("rekrut_csrf")
        self.assertIsNotNone(cookie, "no rekrut_csrf cookie on the first response")
        self.assertRegex(cookie.value, r"^[0-9a-f]{64}$")
        self.assertTrue(cookie.http_only)
        self.assertIn((cookie.same_site or "").lower(), ("lax", "strict"))
        self.assertEqual(cookie.attributes.get("path"), "/")
        # Kept while valid, replaced when it is not a token.
        self.assertNotIn("rekrut_csrf", client.get("/login").set_cookies)
        self.assertNotEqual(cookie.value, self.client().get("/login").set_cookies["rekrut_csrf"].value)
        client.set_cookie("rekrut_csrf", "not-a-token")
        replaced = client.get("/login").set_cookies.get("rekrut_csrf")
        self.assertIsNotNone(replaced)
        self.assertRegex(replaced.value, r"^[0-9a-f]{64}$")


class ErrorPagesAndCsrfTest(FoundationTestCase):
    """Error pages and the CSRF guard."""

    def test_404_page_is_localized_and_shows_the_request_id(self):
        response = self.client().get("/no-such-page")
        self.assertErrorPage(response, 404, "Siden findes ikke")
        self.assertIn("no-store", response.header("Cache-Control", ""))
        english = self.client().get("/no-such-page", headers={"Accept-Language": "en"})
        self.assertStatus(english, 404)
        self.assertIn('<html lang="en"', english.text)
        self.assertIn("Page not found", english.text)
        self.assertIn("Error reference", english.text)
        self.assertIn(english.header("X-Request-Id"), english.text)
        self.assertNotEqual(response.header("X-Request-Id"), english.header("X-Request-Id"))

    def test_404_page_escapes_the_path(self):
        response = self.client().get("/%3Cscript%3Ealert(1)%3C/script%3E")
        self.assertStatus(response, 404)
        self.assertNotIn("<script>alert(1)", response.text)

    def test_post_to_a_get_route_with_valid_csrf_is_405(self):
        client = self.client()
        response = client.post("/", {"field": "value"})
        self.assertErrorPage(response, 405, "Handlingen er ikke tilladt")
        header = client.request("POST", "/", body=b"", headers={"X-CSRF-Token": client.csrf_token(),
                                                                "Content-Type": "application/x-www-form-urlencoded"})
        self.assertStatus(header, 405, "the X-CSRF-Token header was not accepted")

    def test_405_names_the_allowed_methods(self):
        # RFC 9110 §15.5.6: a 405 response MUST carry an Allow header.
        response = self.client().post("/", {"field": "value"})
        self.assertStatus(response, 405)
        allow = response.header("Allow")
        self.assertIsNotNone(allow, "405 without an Allow header")
        self.assertIn("GET", [method.strip() for method in allow.split(",")])

    def test_post_without_csrf_token_is_403(self):
        client = self.client()
        client.csrf_token()  # the cookie is there; the form field is not
        for path in ["/login", "/password/forgot", "/password/reset/" + "0" * 64]:
            with self.subTest(path=path):
                self.assertErrorPage(client.post(path, {"field": "value"}, csrf=False), 403, "Adgang nægtet")

    def test_state_changing_methods_no_route_takes_are_405(self):
        # No route takes them, so they are refused before their body is read (and before CSRF).
        client = self.client()
        client.csrf_token()
        for method in ["PUT", "PATCH", "DELETE"]:
            with self.subTest(method=method):
                response = client.request(method, "/login", body=b"x=1",
                                          headers={"Content-Type": "application/x-www-form-urlencoded"})
                self.assertStatus(response, 405)

    def test_post_with_wrong_or_unmatched_csrf_token_is_403(self):
        client = self.client()
        token = client.csrf_token()
        cases = {
            "wrong token": ({"csrf_token": "0" * 64}, token),
            "empty token": ({"csrf_token": ""}, token),
            "no cookie": ({"csrf_token": token}, None),
            "token of another client": ({"csrf_token": self.client().csrf_token()}, token),
        }
        for label, (fields, cookie) in cases.items():
            with self.subTest(case=label):
                other = self.client()
                if cookie:
                    other.set_cookie("rekrut_csrf", cookie)
                self.assertStatus(other.post("/password/forgot", fields, csrf=False), 403)


class HostileInputTest(FoundationTestCase):
    """Malformed and oversized requests get a 4xx and leave the server healthy."""

    def test_malformed_request_lines(self):
        client = self.client()
        # Well-formed enough to be answered: a 400 (or 505 for an unknown version).
        for request, allowed in [(b"GET / HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n", (400,)),
                                 (b"GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", (400, 505)),
                                 (b"GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n", (400,))]:
            with self.subTest(request=request[:30]):
                self.assertIn(raw_status(client.raw(request)), allowed)
        # Garbage: a 400, or no answer (closed, or still waiting for a line end); never anything else.
        for request in [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(40),
                        b"\x00\xff\xfe\r\n\r\n"]:
            with self.subTest(request=request[:30]):
                reply = client.raw(request, timeout=1, half_close=True)
                self.assertIn(raw_status(reply) if reply else None, (None, 400), reply[:200])
        self.assertHealthy()

    def test_oversized_header_is_refused(self):
        client = self.client()
        big = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (33 * 1024) + b"\r\nConnection: close\r\n\r\n"
        status = raw_status(client.raw(big))
        self.assertIsNotNone(status, "no answer to an oversized header")
        self.assertTrue(400 <= status < 500, status)
        many = (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(4000))
                + b"Connection: close\r\n\r\n")
        status = raw_status(client.raw(many))
        self.assertIsNotNone(status, "no answer to too many headers")
        self.assertTrue(400 <= status < 500, status)
        long_url = b"GET /" + b"a" * (40 * 1024) + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        status = raw_status(client.raw(long_url))
        self.assertIsNotNone(status, "no answer to an oversized URL")
        self.assertTrue(400 <= status < 500, status)
        self.assertHealthy()

    def test_large_but_allowed_header_is_served(self):
        # Browsers send cookies up to about 8 KiB; well below the 32 KiB limit.
        response = self.client().get("/", headers={"Cookie": "big=" + "a" * 8000})
        self.assertStatus(response, 200)

    def test_default_body_limit_is_40_mib(self):
        # 40 MiB: room for an application's files (30 MiB by default) and its form.
        client = self.client()
        token = client.csrf_token()
        declared = 40 * 1024 * 1024 + 1
        reply = client.raw((f"POST / HTTP/1.1\r\nHost: x\r\nCookie: rekrut_csrf={token}\r\n"
                            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {declared}\r\n"
                            f"Connection: close\r\n\r\n").encode(), timeout=10)
        self.assertEqual(raw_status(reply), 413, reply[:300])
        # Exactly 40 MiB passes the server-wide limit; the route, which takes no POST, answers.
        reply = client.raw((f"POST / HTTP/1.1\r\nHost: x\r\nCookie: rekrut_csrf={token}\r\n"
                            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {declared - 1}\r\n"
                            f"Connection: close\r\n\r\n").encode(), timeout=10)
        self.assertEqual(raw_status(reply), 405, reply[:300])

    def test_bad_utf8_in_query_string_is_400(self):
        for query in ["q=%FF", "q=%C3%28", "q=%C0%AF", "q=%ED%A0%80", "%FF=1"]:
            with self.subTest(query=query):
                self.assertErrorPage(self.client().get("/?" + query), 400, "Forespørgslen kunne ikke forstås")
        self.assertHealthy()

    def test_bad_utf8_in_path_is_400(self):
        self.assertErrorPage(self.client().get("/%FF%FE"), 400, "Forespørgslen kunne ikke forstås")

    def test_bad_utf8_in_form_body_is_400(self):
        client = self.client()
        self.assertErrorPage(client.post("/password/forgot", [("name", b"\xff\xfe")]), 400,
                             "Forespørgslen kunne ikke forstås")
        self.assertErrorPage(client.post("/password/forgot", [(b"\xc0\xaf", "value")]), 400,
                             "Forespørgslen kunne ikke forstås")
        self.assertHealthy()

    def test_path_traversal_on_static_is_404(self):
        client = self.client()
        paths = ["/static/dkfds/../../../../etc/passwd",
                 "/static/app/../../../../../etc/passwd",
                 "/static/dkfds/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/static/dkfds/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                 "/static/dkfds/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/static/dkfds/css/..%5c..%5c..%5c..%5cetc%5cpasswd",
                 "/static/dkfds/%252e%252e/%252e%252e/%252e%252e/etc/passwd",
                 "/static/dkfds/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                 "/static/app//etc/passwd",
                 "/static/app/%2fetc%2fpasswd",
                 "/static/app/.%2e/.%2e/.%2e/.%2e/etc/passwd",
                 "/static/app/../../CMakeLists.txt",
                 "/static/app/%2e%2e/%2e%2e/CMakeLists.txt",
                 "/static/app/.hidden",
                 "/static/dkfds/",
                 "/static/app"]
        for path in paths:
            with self.subTest(path=path):
                response = client.get(path)
                self.assertIn(response.status, (400, 404))
                self.assertNotIn("root:x:0:0", response.text)
                self.assertNotIn("cmake_minimum_required", response.text)
        self.assertHealthy()


class BodyLimitTest(FoundationTestCase):
    """REKRUT_SERVER_MAX_BODY_BYTES: bodies over the limit get 413, however they are sent."""

    LIMIT = 4096
    server_env = {"REKRUT_SERVER_MAX_BODY_BYTES": str(LIMIT)}

    def raw_post(self, client, extra_headers, body):
        token = client.csrf_token()
        head = (f"POST /password/forgot HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: rekrut_csrf={token}\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n{extra_headers}\r\n")
        return client.raw(head.encode() + body, timeout=10)

    def test_content_length_over_the_limit_is_413(self):
        client = self.client()
        response = client.post("/password/forgot", {"text": "a" * (self.LIMIT + 100)})
        self.assertErrorPage(response, 413, "Det sendte er for stort")
        self.assertHealthy()

    def test_declared_length_over_the_limit_is_refused_before_the_body(self):
        client = self.client()
        reply = self.raw_post(client, f"Content-Length: {10 * 1024 * 1024}\r\n", b"text=abc")
        self.assertEqual(raw_status(reply), 413, reply[:300])
        self.assertHealthy()

    def test_chunked_body_over_the_limit_is_413(self):
        client = self.client()
        body = f"csrf_token={client.csrf_token()}&text=".encode() + b"a" * (self.LIMIT * 3)
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 1000]), body[i:i + 1000])
                          for i in range(0, len(body), 1000)) + b"0\r\n\r\n"
        reply = self.raw_post(client, "Transfer-Encoding: chunked\r\n", chunks)
        self.assertEqual(raw_status(reply), 413, reply[:300])
        self.assertIn("Det sendte er for stort".encode(), reply)
        self.assertHealthy()

    def test_multipart_upload_over_the_limit_is_413(self):
        client = self.client()
        response = client.post("/password/forgot", {"name": "x"}, files={"cv": ("cv.pdf", b"%PDF-1.4\n" + b"0" * (self.LIMIT * 2),
                                                                 "application/pdf")})
        self.assertStatus(response, 413)
        self.assertHealthy()

    def test_body_under_the_limit_is_accepted(self):
        client = self.client()
        response = client.post("/password/forgot", {"text": "a" * (self.LIMIT // 2)})
        self.assertStatus(response, 200, "a body under the limit was refused")
        token = client.csrf_token()
        body = f"csrf_token={token}&text=".encode() + b"a" * 1000
        chunks = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        reply = self.raw_post(client, "Transfer-Encoding: chunked\r\n", chunks)
        self.assertEqual(raw_status(reply), 200, reply[:300])

    def test_conflicting_content_lengths_are_400(self):
        # RFC 9112 §6.3: differing Content-Length values make the framing unreliable (request
        # smuggling); the request must be refused, not served.
        client = self.client()
        body = f"csrf_token={client.csrf_token()}&a=b".encode()
        reply = self.raw_post(client, f"Content-Length: {len(body)}\r\nContent-Length: {len(body) + 7}\r\n",
                              body + b"GET / H")
        self.assertEqual(raw_status(reply), 400, reply[:300])
        self.assertHealthy()


class DemoDataTest(FoundationTestCase):
    """The front page after `rekrut seed-demo`."""

    seed_demo = True

    def test_front_page_lists_published_demo_positions(self):
        response = self.client().get("/")
        self.assertStatus(response, 200)
        for title in DEMO_OPEN:
            self.assertIn(title, response.text)
        for title in DEMO_NOT_OPEN:
            self.assertNotIn(title, response.text)
        self.assertNotIn("Der er ingen ledige stillinger lige nu.", response.text)
        self.assertIn("Styrelsen for Demoforvaltning", response.text)
        self.assertIn("Demoakademiet", response.text)
        self.assertIn(f"({len(DEMO_OPEN)})", response.text)

    def test_english_front_page_lists_the_same_positions(self):
        response = self.client().get("/", headers={"Accept-Language": "en"})
        self.assertIn("Open positions", response.text)
        for title in DEMO_OPEN:
            self.assertIn(title, response.text)

    def test_seed_demo_again_adds_nothing(self):
        before = self.client().get("/").text.count("<tr>")
        result = self.server.cli("seed-demo")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.client().get("/").text.count("<tr>"), before)


class ReadinessTest(FoundationTestCase):
    """/readyz reports a database that is behind the migrations (this class damages its database)."""

    def test_readyz_is_503_when_migrations_are_not_current(self):
        self.assertStatus(self.client().get("/readyz"), 200)
        execute_sql(self.server.database_url,
                    "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)")
        response = self.client().get("/readyz")
        self.assertStatus(response, 503)
        body = response.json()
        self.assertEqual(body.get("status"), "not ready")
        self.assertIs(body.get("database"), True)
        self.assertIs(body.get("migrations_current"), False)
        self.assertStatus(self.client().get("/healthz"), 200, "liveness must not depend on migrations")


@unittest.skipUnless(database_kind() == "postgresql", "needs a database server that can go away")
class DatabaseDownTest(FoundationTestCase):
    """/readyz when the database is gone; the server stays alive, keeps the front page up and still shuts
    down cleanly."""

    def test_readyz_is_503_when_the_database_is_gone(self):
        self.assertStatus(self.client().get("/readyz"), 200)
        name = urllib.parse.urlsplit(self.server.database_url).path.lstrip("/")
        execute_sql(self.server.database_url.rsplit("/", 1)[0] + "/postgres",
                    f'DROP DATABASE "{name}" WITH (FORCE)')
        response = self.client().get("/readyz")
        self.assertStatus(response, 503)
        body = response.json()
        self.assertEqual(body.get("status"), "not ready")
        self.assertIs(body.get("database"), False)
        self.assertStatus(self.client().get("/healthz"), 200)
        # The career site is served from the snapshot kept in memory, so it stays up.
        self.assertStatus(self.client().get("/"), 200)
        self.assertStatus(self.client().get("/feed.atom"), 200)
        # A page that must read the database (the application form) says so, with the request id to quote.
        page = self.client().get("/positions/1/apply")
        self.assertIn(page.status, (500, 503), page.text[:500])
        self.assertIn(page.header("X-Request-Id"), page.text)


@unittest.skipUnless(database_kind() == "sqlite", "holds the SQLite write lock to keep the workers busy")
class OverloadTest(unittest.TestCase):
    """When the queue in front of a worker pool is full, new requests get 503 with Retry-After at once,
    the queued ones are still answered, and the server recovers."""

    def test_full_queue_answers_503_and_recovers(self):
        server = Server(name="OverloadTest", env={"REKRUT_SERVER_HASHING_THREADS": "1",
                                                   "REKRUT_SERVER_MAX_QUEUED_REQUESTS": "1"}).start()
        clients = [server.client() for _ in range(3)]
        for client in clients:
            client.get("/login")
        blocker = sqlite3.connect(server.database_url.removeprefix("sqlite:"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # a failed login records the attempt, so it waits for this lock
        statuses = {}

        def log_in(number):
            statuses[number] = clients[number].post(
                "/login", {"email": f"nobody{number}@example.test", "password": "wrong"}).status

        first = threading.Thread(target=log_in, args=(0,))
        second = threading.Thread(target=log_in, args=(1,))
        try:
            first.start()
            time.sleep(0.5)   # the first holds the one hashing thread
            second.start()
            time.sleep(0.5)   # the second waits in the queue
            refused = clients[2].post("/login", {"email": "nobody2@example.test", "password": "wrong"})
            self.assertStatus503(refused)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
            first.join(15)
            second.join(15)
        self.assertNotIn(503, (statuses.get(0), statuses.get(1)), statuses)
        self.assertIsNotNone(statuses.get(1), "the queued request was not answered")
        recovered = clients[2].post("/login", {"email": "nobody2@example.test", "password": "wrong"})
        self.assertNotEqual(recovered.status, 503)
        self.assertEqual(server.stop(), 0, server.log())

    def assertStatus503(self, response):
        self.assertEqual(response.status, 503, response.text[:300])
        self.assertEqual(response.header("Retry-After"), "2")
        self.assertIn("Midlertidigt utilgængelig", response.visible_text)


class ConfigurationTest(unittest.TestCase):
    """`rekrut serve` refuses bad configuration before it listens."""

    @classmethod
    def setUpClass(cls):
        cls.database_url = database_url()

    def serve(self, env):
        port_env = {"REKRUT_DATABASE_URL": self.database_url, "REKRUT_LOG_LEVEL": "warn"}
        port_env.update(env)
        port_env.setdefault("REKRUT_LISTEN", "127.0.0.1:1")  # never reached when the config is bad
        try:
            return run_rekrut("serve", env=port_env, timeout=20)
        except Exception as error:  # noqa: BLE001 - a server that starts serving is a failure
            self.fail(f"`rekrut serve` did not exit with env {env}: {error}")

    def test_unknown_rekrut_variable(self):
        result = self.serve({"REKRUT_NOT_A_SETTING": "1", "REKRUT_LISTEN": "127.0.0.1:0"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("REKRUT_NOT_A_SETTING", result.stderr)
        self.assertNotIn("Rekrut is running", result.stdout)

    def test_unknown_variable_also_stops_other_commands(self):
        result = run_rekrut("migrate", env={"REKRUT_DATABASE_URL": self.database_url, "REKRUT_DATABSE_URL": "x"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("REKRUT_DATABSE_URL", result.stderr)

    def test_bad_listen_values(self):
        for value in ["nonsense", "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:99999", "127.0.0.1:http",
                      "127.0.0.1:-1", "256.1.1.1:8080", "not a host:8080"]:
            with self.subTest(REKRUT_LISTEN=value):
                result = self.serve({"REKRUT_LISTEN": value})
                self.assertNotEqual(result.returncode, 0)
                self.assertIn("REKRUT_LISTEN", result.stderr)
                self.assertNotIn("Rekrut is running", result.stdout)

    def test_bad_values_name_their_variable(self):
        for name, value in [("REKRUT_DATABASE_URL", "mysql://x"), ("REKRUT_SERVER_MAX_BODY_BYTES", "lots"),
                            ("REKRUT_SERVER_MAX_HEADER_BYTES", "0"), ("REKRUT_LOG_LEVEL", "loud")]:
            with self.subTest(variable=name):
                result = self.serve({name: value, "REKRUT_LISTEN": "127.0.0.1:0"})
                self.assertNotEqual(result.returncode, 0)
                self.assertIn(name, result.stderr)

    def test_port_in_use(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen(1)
            port = taken.getsockname()[1]
            result = self.serve({"REKRUT_LISTEN": f"127.0.0.1:{port}"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(str(port), result.stderr)


class CommandLineTest(unittest.TestCase):
    """The subcommands other than serve."""

    def test_version(self):
        result = run_rekrut("version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout.strip(), r"^rekrut \d+\.\d+\.\d+\S*$")

    def test_migrate_twice_is_idempotent(self):
        env = {"REKRUT_DATABASE_URL": database_url()}
        first = run_rekrut("migrate", env=env)
        self.assertEqual(first.returncode, 0, first.stderr)
        applied = re.findall(r"^applied (\S+)$", first.stdout, re.M)
        self.assertGreaterEqual(len(applied), 2, first.stdout)
        self.assertEqual(applied, sorted(applied), "migrations applied out of order")
        version = re.search(r"database is at version (\d+)", first.stdout)
        self.assertIsNotNone(version, first.stdout)
        second = run_rekrut("migrate", env=env)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertNotIn("applied ", second.stdout)
        self.assertIn(f"database is at version {version.group(1)}", second.stdout)
        rows = execute_sql(env["REKRUT_DATABASE_URL"], "SELECT COUNT(*) FROM schema_migrations")
        self.assertEqual(int(rows[0][0]), len(applied))

    def test_seed_demo_needs_a_migrated_database(self):
        result = run_rekrut("seed-demo", env={"REKRUT_DATABASE_URL": database_url()})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("migrate", result.stderr)

    def test_unknown_subcommand(self):
        result = run_rekrut("no-such-command")
        self.assertNotEqual(result.returncode, 0)


class GracefulShutdownTest(unittest.TestCase):
    """SIGTERM and SIGINT end the server cleanly, even with connections open."""

    def test_sigterm_exits_0(self):
        server = Server(name="GracefulShutdownTest-term").start()
        self.assertEqual(server.client().get("/").status, 200)
        self.assertEqual(server.stop(sig=signal.SIGTERM), 0, server.log())
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=1).close()

    def test_sigint_exits_0(self):
        server = Server(name="GracefulShutdownTest-int").start()
        self.assertEqual(server.stop(sig=signal.SIGINT), 0, server.log())

    def test_sigterm_with_open_connections_exits_0(self):
        # A request whose body is still arriving is in flight: the server waits for it and answers it
        # (nodes_test.GracefulStopTest has more); an idle connection holds nothing up.
        server = Server(name="GracefulShutdownTest-open", env={"REKRUT_LOG_LEVEL": "info"}).start()
        client = server.client()
        token = client.csrf_token()
        idle = socket.create_connection(("127.0.0.1", server.port))
        partial = PartialPost(server, token, 1)
        try:
            server.process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 30
            while '"event":"stopping"' not in server.log() and time.monotonic() < deadline:
                time.sleep(0.05)
            status, _, _ = partial.finish()
            self.assertIsNotNone(status, "the request in flight was not answered")
            self.assertEqual(server.stop(timeout=20), 0, server.log())
        finally:
            idle.close()
            partial.socket.close()
            server.kill()

    @unittest.skipUnless(database_kind() == "sqlite", "holds the SQLite write lock to keep a request in flight")
    def test_no_new_connection_is_served_while_draining(self):
        server = Server(name="GracefulShutdownTest-refuse").start()
        client = server.client()
        client.get("/login")
        blocker = sqlite3.connect(server.database_url.removeprefix("sqlite:"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # the failed login below waits for this write lock
        outcome = {}
        login = threading.Thread(target=lambda: outcome.update(
            status=client.post("/login", {"email": "nobody@example.test", "password": "wrong"}).status))
        try:
            login.start()
            time.sleep(0.5)
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            self.assertTrue(server.running, "the server did not wait for the request in flight")
            answer = b""
            try:
                late = socket.create_connection(("127.0.0.1", server.port), timeout=5)
                late.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                answer = late.recv(100)
                late.close()
            except OSError:
                pass  # refused or reset: both mean "not served"
            self.assertEqual(answer, b"", "a connection made during shutdown was served")
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
            login.join(10)
        self.assertIn(outcome.get("status"), (200, 400, 422), "the request in flight was not answered")
        self.assertEqual(server.stop(timeout=20), 0, server.log())

    def test_clean_log_after_a_session(self):
        server = Server(name="GracefulShutdownTest-log").start()
        client = server.client()
        for path in ["/", "/healthz", "/readyz", "/metrics", "/no-such-page", "/static/app/rekrut.css"]:
            client.get(path)
        client.post("/", {"a": "b"})
        self.assertEqual(server.stop(), 0)
        log = server.log()
        for marker in ["AddressSanitizer", "runtime error:", "LeakSanitizer", "\"level\":\"error\""]:
            self.assertNotIn(marker, log)


if __name__ == "__main__":
    unittest.main()
