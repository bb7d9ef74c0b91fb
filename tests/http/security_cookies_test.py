"""Cookies and CSRF (security review finding 7): a signed-in user's CSRF token is bound to the
session, `__Host-` cookie names and HSTS when cookies are Secure, and a request carrying a security
cookie twice is refused.

Runs against SQLite or PostgreSQL (REKRUT_TEST_DATABASE) on the demo data."""

import os
import re
import sys
import unittest

# Importable as tests/http/security_cookies_test.py from the repository root as well.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from accounts import PROJEKTLEDER, DELTAGER, login, signed_in
from harness import ServerTestCase, raw_status

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]{64})"')


def page_token(client, path="/"):
    match = TOKEN.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


class SessionBoundCsrfTest(ServerTestCase):
    seed_demo = True

    def test_the_token_of_a_signed_in_user_is_the_session_s_own(self):
        client = signed_in(self.server, PROJEKTLEDER, totp=False)
        token = page_token(client)
        self.assertEqual(page_token(client, "/profile"), token, "one token for every form of the session")
        self.assertNotEqual(token, client.cookie("rekrut_csrf"), "not the anonymous cookie's value")
        # A form with the session's token passes.
        self.assertEqual(client.post("/profile/name", {"name": "Pia Projektleder", "csrf_token": token}).status, 303)

    def test_a_token_from_another_session_or_a_planted_cookie_is_refused(self):
        victim = signed_in(self.server, PROJEKTLEDER, totp=False)
        attacker = signed_in(self.server, DELTAGER, totp=False)
        foreign = page_token(attacker)
        refused = victim.post("/profile/name", {"name": "Ændret af en anden", "csrf_token": foreign})
        self.assertEqual(refused.status, 403)
        # Double submit is no longer enough once signed in: a cookie planted by a sibling domain
        # together with the same value in the form does not pass.
        planted = "ab" * 32
        victim.set_cookie("rekrut_csrf", planted)
        refused = victim.post("/profile/name", {"name": "Ændret af en anden", "csrf_token": planted})
        self.assertEqual(refused.status, 403)
        self.assertNotIn("Ændret af en anden", victim.get("/profile").text)

    def test_a_new_session_gets_a_new_token(self):
        client = signed_in(self.server, PROJEKTLEDER, totp=False)
        first = page_token(client)
        client.post("/logout")
        login(client, PROJEKTLEDER, totp=False)
        second = page_token(client)
        self.assertNotEqual(first, second)
        self.assertEqual(client.post("/profile/name", {"name": "Pia Projektleder", "csrf_token": first}).status, 403)

    def test_a_static_file_leaves_the_session_cookie_alone(self):
        # Static files are served on the event loop without looking the session up; their answer
        # must not end the session in the browser.
        client = signed_in(self.server, PROJEKTLEDER, totp=False)
        response = client.get("/static/app/rekrut.css")
        self.assertEqual(response.status, 200)
        self.assertNotIn("rekrut_session", response.set_cookies)
        self.assertEqual(client.get("/home").status, 200)

    def test_a_security_cookie_sent_twice_is_refused(self):
        client = signed_in(self.server, PROJEKTLEDER, totp=False)
        session = client.cookie("rekrut_session")
        for cookie in (f"rekrut_session={session}; rekrut_session=forged",
                       f"rekrut_session={session}; rekrut_csrf=a; rekrut_csrf=b"):
            reply = client.raw((f"GET /home HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n"
                                "Connection: close\r\n\r\n").encode())
            self.assertEqual(raw_status(reply), 400, cookie)
        # One of each is fine.
        reply = client.raw((f"GET /home HTTP/1.1\r\nHost: x\r\nCookie: rekrut_session={session}\r\n"
                            "Connection: close\r\n\r\n").encode())
        self.assertEqual(raw_status(reply), 200)


class SecureCookiesTest(ServerTestCase):
    seed_demo = True
    server_env = {"REKRUT_SERVER_SECURE_COOKIES": "true"}

    def test_host_prefixed_names_and_hsts(self):
        client = self.client()
        front = client.get("/login")  # a page with a form: the career site's pages set no cookie
        self.assertIn("max-age=31536000", front.headers.get("Strict-Transport-Security", ""))
        self.assertIn("__Host-rekrut_csrf", front.set_cookies)
        self.assertNotIn("rekrut_csrf", front.set_cookies)
        response = login(client, PROJEKTLEDER, totp=False)
        cookie = response.set_cookies.get("__Host-rekrut_session")
        self.assertIsNotNone(cookie, response.set_cookies)
        session_line = [line for line in response.headers.get_all("Set-Cookie") if "rekrut_session" in line][0]
        self.assertIn("Secure", session_line)
        self.assertIn("Path=/", session_line)
        self.assertNotIn("rekrut_session", response.set_cookies)
        self.assertEqual(client.get("/home").status, 200)
        # A cookie without the prefix is not read: it could have been set by another origin.
        other = self.client()
        other.set_cookie("rekrut_session", cookie.value)
        self.assertNotEqual(other.get("/home").status, 200)


if __name__ == "__main__":
    unittest.main()
